"""Quotes and sources: measured against the hand-annotated gold set, the s400 key, and
hostile input.

Run with ``-s`` to see the figures; ``test_gold_f1_and_speaker_accuracy`` prints them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from framing.loading import load_corpus
from framing.model import Article, Document
from framing.quotes import (
    Quote,
    find_quotes,
    quote_evidence,
    summarize_sources,
    verb_category,
)
from framing.text import prepare
from tests.quotes_gold import ALL, PASSAGES, S400, GoldPassage

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def document(text: str, article_id: str = "t") -> Document:
    return Document(Article(article_id, "Outlet", text), prepare(article_id, text))


def quotes_of(text: str) -> list[tuple[str, str, str]]:
    """Return (quoted words, speaker, kind) of each quote found in ``text``."""
    return [(text[q.start : q.end], q.speaker, q.kind) for q in find_quotes(document(text))]


# -- scoring ------------------------------------------------------------------------------------


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.kind_right += other.kind_right

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.matched if self.matched else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: gold {self.gold}, predicted {self.predicted}, matched {self.matched}; "
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}; "
            f"speaker accuracy {self.speaker_accuracy:.3f}; kind accuracy {self.kind_accuracy:.3f}"
        )


_TEXTS: dict[str, str] = {}


def passage_text(passage: GoldPassage) -> str:
    if passage.file:
        if passage.file not in _TEXTS:
            for article in load_corpus(CORPUS):
                _TEXTS[article.source] = article.text
        return _TEXTS[passage.file]
    return passage.text


def gold_spans(passage: GoldPassage) -> list[tuple[int, int]]:
    """Locate each gold quote's words in the text, in order (searching on from the last)."""
    text = passage_text(passage)
    spans = []
    position = 0
    for quote in passage.quotes:
        start = text.find(quote.words, position)
        assert start >= 0, (passage.name, quote.words)
        spans.append((start, start + len(quote.words)))
        position = start
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans match when they overlap by at least half of the longer one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= max(a[1] - a[0], b[1] - b[0])


def same_speaker(gold: str, predicted: str) -> bool:
    """Equal ignoring case, or a surname-only gold matching the predicted full name."""
    g, p = gold.casefold().strip(), predicted.casefold().strip()
    return g == p or (" " not in g and p.split()[-1:] == [g])


def score(passage: GoldPassage) -> tuple[Score, list[str]]:
    text = passage_text(passage)
    predicted = find_quotes(document(text, passage.name))
    spans = gold_spans(passage)
    result = Score(gold=len(spans), predicted=len(predicted))
    problems: list[str] = []
    used: set[int] = set()
    for gold, span in zip(passage.quotes, spans, strict=True):
        match = next(
            (
                i
                for i, q in enumerate(predicted)
                if i not in used and overlaps(span, (q.start, q.end))
            ),
            None,
        )
        if match is None:
            problems.append(f"{passage.name}: missed {gold.words[:60]!r} ({gold.speaker})")
            continue
        used.add(match)
        quote = predicted[match]
        result.matched += 1
        if same_speaker(gold.speaker, quote.speaker):
            result.speaker_right += 1
        else:
            problems.append(
                f"{passage.name}: speaker {quote.speaker!r}, gold {gold.speaker!r} "
                f"for {gold.words[:40]!r}"
            )
        result.kind_right += gold.kind == quote.kind
    for i, quote in enumerate(predicted):
        if i not in used:
            problems.append(f"{passage.name}: extra {text[quote.start : quote.end][:60]!r}")
    return result, problems


def measure(passages: tuple[GoldPassage, ...]) -> tuple[Score, list[str]]:
    total = Score()
    problems: list[str] = []
    for passage in passages:
        part, found = score(passage)
        total.add(part)
        problems.extend(found)
    return total, problems


# -- the bar -------------------------------------------------------------------------------------


def test_gold_set_is_large_and_varied() -> None:
    n = sum(len(p.quotes) for p in ALL)
    assert n >= 150
    styles = {p.style for p in PASSAGES}
    for style in ("ap", "british", "nested", "multi-paragraph", "broken", "trailing",
                  "inverted", "according", "told", "anonymous", "negative"):  # fmt: skip
        assert style in styles, style
    for passage in ALL:
        gold_spans(passage)  # every annotated quote is in its text


def test_gold_f1_and_speaker_accuracy() -> None:
    total, problems = measure(ALL)
    s400, _ = measure(S400)
    written, _ = measure(PASSAGES)
    by_style: dict[str, int] = {}
    for passage in ALL:
        by_style[passage.style] = by_style.get(passage.style, 0) + len(passage.quotes)
    print()
    print(total.line("all gold"))
    print(s400.line("s400 only"))
    print(written.line("written passages"))
    print("gold quotes by style:", dict(sorted(by_style.items())))
    for problem in problems:
        print("  ", problem)
    assert total.f1 >= 0.85
    assert total.speaker_accuracy >= 0.85


# -- the answer key ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "answer_key.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def corpus_quotes() -> dict[str, list[Quote]]:
    by_outlet: dict[str, list[Quote]] = {}
    for article in load_corpus(CORPUS):
        doc = Document(article, prepare(article.id, article.text))
        by_outlet.setdefault(article.outlet, []).extend(find_quotes(doc))
    return by_outlet


def _words(text: str) -> set[str]:
    stop = {"a", "an", "the", "of", "in", "at", "dr.", "dr", "prof."}
    return {w for w in re.findall(r"[\w’'.-]+", text.casefold()) if w not in stop}


def key_matches(source: dict[str, str], quote: Quote) -> bool:
    """A key source is found by surname, or for an anonymous one by an overlapping description."""
    if source["kind"] == "anonymous":
        return quote.anonymous and bool(
            _words(source["speaker"]) & _words(quote.speaker_text + " " + quote.speaker)
        )
    surname = source["speaker"].split()[-1].casefold()
    found = _words(quote.speaker + " " + quote.speaker_text)
    return surname in found


def test_key_sources_are_found_per_outlet(
    key: dict[str, Any], corpus_quotes: dict[str, list[Quote]]
) -> None:
    for outlet, design in key["outlets"].items():
        sources = design["quoted_sources"]
        found = [s for s in sources if any(key_matches(s, q) for q in corpus_quotes[outlet])]
        missing = [s["speaker"] for s in sources if s not in found]
        print(f"{outlet}: {len(found)}/{len(sources)} key sources found; missing {missing}")
        assert len(found) >= 0.9 * len(sources), (outlet, missing)


def test_key_verbs_come_out_in_their_stance_category(
    key: dict[str, Any], corpus_quotes: dict[str, list[Quote]]
) -> None:
    checked = 0
    for outlet, design in key["outlets"].items():
        for source in design["quoted_sources"]:
            expected = verb_category(source["verb"])
            if not expected:
                continue  # the stance lexicon does not class this verb ("regard")
            matches = [q for q in corpus_quotes[outlet] if key_matches(source, q)]
            assert matches, source
            assert any(q.verb_category == expected for q in matches), (source, matches)
            checked += 1
    assert checked >= 30


# -- each quoting style --------------------------------------------------------------------------


def test_straight_quotes_with_trailing_attribution() -> None:
    assert quotes_of('"We are ready," Mayor Ruth Okafor said.') == [
        ("We are ready", "Ruth Okafor", "direct")
    ]


def test_broken_quote_gives_two_pieces_with_one_speaker() -> None:
    text = "Minister Lorna Vey spoke. “We will buy it,” she said, “whatever happens.”"
    assert quotes_of(text) == [
        ("We will buy it", "Lorna Vey", "direct"),
        ("whatever happens.", "Lorna Vey", "direct"),
    ]


def test_inverted_attribution_with_apposition_gives_role() -> None:
    text = "“Prices will fall,” said Jim Mattis, the defense secretary."
    (quote,) = find_quotes(document(text))
    assert (quote.speaker, quote.role, quote.verb) == ("Jim Mattis", "defense secretary", "said")


def test_surname_and_honorific_resolve_to_the_full_name() -> None:
    text = (
        "Defense Secretary Jim Mattis spoke first.\n\n“No,” Mattis said.\n\n"
        "Mr. Mattis later said that the deal was off."
    )
    speakers = {q.speaker for q in find_quotes(document(text))}
    assert speakers == {"Jim Mattis"}


def test_title_before_name_is_the_role() -> None:
    text = "Turkish Foreign Minister Mevlüt Çavuşoğlu has said Ankara would respond in kind."
    (quote,) = find_quotes(document(text))
    assert quote.role == "Turkish Foreign Minister"
    assert quote.verb == "has said" and quote.verb_category == "attribution_neutral"
    assert quote.kind == "indirect"


def test_apposition_after_name_is_the_role() -> None:
    text = "“It is a receipt,” said Selin Karaoğlu, an Ankara-based foreign policy analyst."
    (quote,) = find_quotes(document(text))
    assert quote.role == "Ankara-based foreign policy analyst"


def test_loaded_verbs_are_classed() -> None:
    text = "Opposition leader Kristin Haugland has argued that the cost will double."
    (quote,) = find_quotes(document(text))
    assert quote.verb == "has argued"
    assert quote.verb_category == "attribution_loaded"


def test_anonymous_sources() -> None:
    found = quotes_of(
        "Officials said the ceasefire was holding. A source familiar with the talks said the "
        "deal was close. Diplomats say the talks resume in March."
    )
    assert [(speaker, kind) for _words, speaker, kind in found] == [
        ("Officials", "anonymous"),
        ("A source familiar with the talks", "anonymous"),
        ("Diplomats", "anonymous"),
    ]


def test_anonymous_flag_and_definite_reference() -> None:
    text = (
        "“It is over,” a senior defence ministry official told reporters. "
        "“Nobody will reopen it,” the official said."
    )
    quotes = find_quotes(document(text))
    assert all(q.anonymous for q in quotes)
    assert {q.speaker for q in quotes} == {"a senior defence ministry official"}


def test_according_to() -> None:
    assert quotes_of("According to the ministry, exports rose 12 percent.") == [
        ("exports rose 12 percent", "the ministry", "indirect")
    ]


def test_multi_paragraph_quote_continues() -> None:
    text = "Coach Ana Ruiz was angry.\n\n“We lost.\n\n“We will win next week,” Ruiz said."
    assert quotes_of(text) == [
        ("We lost.", "Ana Ruiz", "direct"),
        ("We will win next week", "Ana Ruiz", "direct"),
    ]


def test_british_single_quotes_need_an_attribution() -> None:
    assert quotes_of("‘We are not for sale,’ said club owner Gareth Pryce.") == [
        ("We are not for sale", "Gareth Pryce", "direct")
    ]
    assert quotes_of("The ‘peace dividend’ never came, and the ‘new normal’ stayed.") == []


def test_scare_quotes_titles_and_single_words_are_not_quotes() -> None:
    for text in (
        'The company calls the layoffs a "restructuring".',
        "Her novel “The Salt Orchard” sold well.",
        "The report “How Alliances End: Lessons From Four Decades” runs long.",
        'The word "sovereignty" appears 14 times.',
    ):
        assert quotes_of(text) == [], text


def test_speech_verbs_inside_quotes_are_not_attributions() -> None:
    text = "“Ankara looks at it and sees every time an ally said no,” said Selin Karaoğlu."
    assert [speaker for _w, speaker, _k in quotes_of(text)] == ["Selin Karaoğlu"]


def test_evidence_has_a_quote_and_a_speaker_layer() -> None:
    text = '"We are ready," Mayor Ruth Okafor said.'
    (quote,) = find_quotes(document(text))
    evidence = quote_evidence(quote, text)
    assert [(e.layer, e.label, e.text) for e in evidence] == [
        ("quote", "Ruth Okafor", "We are ready"),
        ("speaker", "Ruth Okafor", "Ruth Okafor"),
    ]


def test_side_comes_from_the_callers_function() -> None:
    text = "Turkish Foreign Minister Mevlüt Çavuşoğlu has said Ankara would respond."

    def side_of(text: str) -> str | None:
        return "Turkey" if "Turkish" in text else None

    (quote,) = find_quotes(document(text), side_of)
    assert quote.side == "Turkey"


# -- hostile input -------------------------------------------------------------------------------


def test_empty_and_blank_text() -> None:
    assert quotes_of("") == []
    assert quotes_of("   \n\n  ") == []


def test_unbalanced_quote_marks_do_not_swallow_the_text() -> None:
    text = '“We will never sell, said the owner.\n\nThe club was sold on Monday. "Odd," he said.'
    for words, _speaker, _kind in quotes_of(text):
        assert "The club was sold" not in words


def test_a_100000_character_quote() -> None:
    body = "word " * 20_000
    text = f"Senator Ada Quist spoke. “{body.strip()},” Quist said."
    found = quotes_of(text)
    assert len(found) == 1 and found[0][1] == "Ada Quist"
    assert len(found[0][0]) > 99_000


def test_long_text_of_many_quotes_is_fast() -> None:
    import time

    paragraph = "“We will buy it,” said Minister Lorna Vey. Officials said the deal was done.\n\n"
    text = paragraph * 2000
    started = time.perf_counter()
    found = find_quotes(document(text))
    assert len(found) == 4000
    assert time.perf_counter() - started < 20


def test_script_inside_quotes_is_kept_as_text() -> None:
    text = '"<script>alert(1)</script> is not a plan," said Mayor Ruth Okafor.'
    (quote,) = find_quotes(document(text))
    assert text[quote.start : quote.end] == "<script>alert(1)</script> is not a plan"
    (evidence, _speaker) = quote_evidence(quote, text)
    assert evidence.text.startswith("<script>")  # escaping is the renderer's job


# -- summaries -----------------------------------------------------------------------------------


def test_summarize_sources_shares_and_order() -> None:
    text = (
        "“We will buy it whatever the cost,” said Minister Lorna Vey. "
        "Officials said the deal was done. “Fine,” Vey said."
    )
    quotes = find_quotes(document(text, "a1"), lambda t: "Turkey" if "Minister" in t else None)
    summary = summarize_sources("Outlet", quotes, 1, {"a1": text})
    assert summary.n_quotes == len(quotes) == 3
    assert summary.speakers[0].speaker == "Lorna Vey"
    assert abs(sum(s.quote_share for s in summary.speakers) - 1) < 1e-9
    assert abs(sum(s.word_share for s in summary.sides) - 1) < 1e-9
    assert summary.anonymous_share == pytest.approx(1 / 3)
    assert summary.verbs[0].verb == "said" and summary.verbs[0].category == "attribution_neutral"
    assert summarize_sources("Outlet", quotes, 1, {"a1": text}) == summary
    empty = summarize_sources("Outlet", (), 0)
    assert empty.n_quotes == 0 and empty.anonymous_share == 0.0
