"""The fast quote finder gives exactly the quotes of the plain rules it replaced.

``find_quotes`` was made faster with prefilters (only sentences with a cue word are read),
memos (a speaker phrase is read once), a plain-Python matcher for verb phrases and a name
scan that visits only capitalised words. None of it may change a byte of ``framing annotate``,
so the code as it was before is kept here as the oracle (``_plain_*``), and both are run on
the bundled corpus, on generated articles and on hostile text. Whole articles are compared
quote by quote, and each replaced rule is also compared on its own, on inputs chosen to reach
its edge cases.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import quote_clauses, quote_speakers, quotes
from framing.lexicon import Lexicon, load_lexicon, parse_lexicon
from framing.loading import load_corpus
from framing.matching import LexiconMatcher
from framing.model import Article, Document
from framing.quote_clauses import Context, Found
from framing.quote_speakers import (
    _LAST_NAME,
    _NAME,
    _NAME_WORD_RE,
    _PARTICLE,
    _add_name,
    _name_word,
)
from framing.quotes import Quote, find_quotes
from framing.synthetic import generate_articles
from framing.text import prepare
from framing.tokens import cased_form, tokenize

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: the rules as they were before the fast paths.


def _plain_name_mentions(text: str) -> list[tuple[int, str]]:
    """``name_mentions`` as it was: every word of the text, one by one."""
    mentions: list[tuple[int, str]] = []
    current: list[tuple[str, int]] = []
    previous_end = 0
    for match in _NAME_WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        if current and not text[previous_end:start].isspace():
            _add_name(current, mentions)
        previous_end = match.end()
        if not current and not word[0].isupper():
            continue
        kind = _name_word(word)
        if kind == _NAME or (kind == _PARTICLE and current):
            current.append((word, start))
            continue
        if kind == _LAST_NAME:
            current.append((word, start))
        _add_name(current, mentions)
    _add_name(current, mentions)
    return mentions


@cache
def _plain_stance_matcher() -> LexiconMatcher:
    return LexiconMatcher(load_lexicon("stance.tsv"))


def _plain_verb_category(phrase: str) -> str:
    """``verb_category`` as it was: the sparse ``LexiconMatcher`` on the phrase's tokens."""
    starts, ends, norms = tokenize(phrase)
    if not norms:
        return ""
    matcher = _plain_stance_matcher()
    cased = [cased_form(phrase[s:e]) for s, e in zip(starts, ends, strict=True)]
    for match in matcher.match(norms, cased if matcher.lexicon.case_sensitive else None):
        if match.entry.category in quotes.ATTRIBUTION_CATEGORIES:
            return match.entry.category
    return ""


def _plain_find_quotes(
    document: Document, side_of: Callable[[str], str | None]
) -> tuple[Quote, ...]:
    """``find_quotes`` as it was: both clause rules on every sentence."""
    text = document.article.text
    if not text.strip():
        return ()
    ctx = Context(document)
    items = quotes._direct_items(ctx)
    blocked = [(i.extra["mark_start"], i.extra["mark_end"]) for i in items]
    claimed = [
        (i.extra["attr_start"], i.extra["attr_end"]) for i in items if "attr_start" in i.extra
    ]
    spans = sorted(blocked + claimed)
    reach = max((end - start for start, end in spans), default=0)
    span_starts = [start for start, _end in spans]
    indirect: list[Found] = []
    for s_start, s_end in zip(ctx.sentence_starts, ctx.sentence_ends, strict=True):
        lo = bisect.bisect_left(span_starts, s_start - reach)
        hi = bisect.bisect_right(span_starts, s_end)
        local = [span for span in spans[lo:hi] if span[1] > s_start]
        found = quote_clauses.indirect_in_sentence(ctx, s_start, s_end, local)
        taken = sorted(local + [(f.start, f.end) for f in found])
        indirect.extend(found)
        indirect.extend(quote_clauses.according_to(ctx, s_start, s_end, taken))
    merged = quotes._merge(items, indirect)
    return quotes._finish(document, ctx, merged, side_of)


def _always(cues: list[int], start: int, end: int) -> bool:
    """The plain rules search every stretch, as if it had a cue."""
    return True


@contextmanager
def _plain_rules() -> Iterator[None]:
    """Swap every fast rule for its plain form, wherever a module bound it."""
    plain_subject = quote_speakers._read_subject
    with (
        mock.patch.object(quote_speakers, "classify_subject", plain_subject),
        mock.patch.object(quote_clauses, "classify_subject", plain_subject),
        mock.patch.object(quotes, "name_mentions", _plain_name_mentions),
        mock.patch.object(quotes, "_cached_category", _plain_verb_category),
        mock.patch.object(quote_clauses, "has_cue", _always),
        mock.patch.object(quotes, "has_cue", _always),
    ):
        yield


def _side(text: str) -> str | None:
    """A stand-in for the story's sides: any pure function of the speaker does."""
    return text.split()[-1].lower() if text.split() else None


def _document(text: str, article_id: str = "t") -> Document:
    return Document(Article(article_id, "Outlet", text), prepare(article_id, text))


def assert_same_quotes(document: Document) -> None:
    fast = find_quotes(document, _side)
    with _plain_rules():
        plain = _plain_find_quotes(document, _side)
    assert fast == plain


# --------------------------------------------------------------------------------------------
# Inputs: the bundled corpus, generated articles and hostile text.


@cache
def _corpus_documents() -> tuple[Document, ...]:
    return tuple(
        Document(article, prepare(article.id, article.text))
        for article in load_corpus(CORPUS).articles
    )


@cache
def _generated_documents() -> tuple[Document, ...]:
    return tuple(
        _document(record["text"], record["id"])
        for record in generate_articles(120, seed=11, words=400)
    )


def _texts() -> list[str]:
    return [d.article.text for d in (*_corpus_documents(), *_generated_documents())]


_FRAGMENTS = (
    "“", "”", "«", "»", '"', "'", "‘", "’", "„", "‹", "›", " ", "  ", ", ", ",", ".", ". ",
    "? ", "! ", ": ", "; ", " — ", " – ", "-", "\n", "\n\n", "\n \n", "\u2029", "\u00a0",
    "(", ")", "said", "says", "told reporters", "told", "has said", "had not said", "warned",
    "added", "added to", "argued that", "pointed out", "made clear", "fears that", "states that",
    "reported", "describes", "regarded", "who said", "which", "according to", "According to",
    "accordingly", "arguing", "saying", ", adding", " while insisting", "in a statement",
    "that", "and", "but", "officials", "a senior official in Ankara", "the minister", "he",
    "she", "they", "It", "Jim Mattis", "Mattis", "Mr. Okafor", "Dr. Ilse Varga", "Gen.",
    "Lt. Gen. (ret.) Halil Özkaya", "Col. (retd) Anke Vogel", "Ludwig van der Berg", "Jr.",
    "U.S.", "NATO", "S-400", "WASHINGTON — ", "on Monday", "O’Brien", "d’Artagnan", "2Smith",
    "_Xavier", "'Smith", "-Jones", "abc.Def", "the United States and Germany", "Washington",
    "𝐀lpha", "𐐀rgo", "Ⅻ", "Ⓐnne", "ǅoe", "İstanbul", "Émile Zola", "VAN", "De", "van",
    ", suggesting that", ", complaining that", " while emphasising", ", emphasizing",
    ", before telling", "fear that", "worries", "believe that", "point out", "makes clear",
)  # fmt: skip

hostile_text = st.lists(st.sampled_from(_FRAGMENTS), max_size=80).map("".join)
any_text = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8)), max_size=40).map(
    "".join
)


def _long_sentence(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_FRAGMENTS).strip() or "x" for _ in range(words))


# --------------------------------------------------------------------------------------------
# Whole articles.


def test_bundled_corpus_gives_the_same_quotes() -> None:
    documents = _corpus_documents()
    assert sum(len(find_quotes(d)) for d in documents) > 100  # the corpus has quotes to lose
    for document in documents:
        assert_same_quotes(document)


def test_generated_articles_give_the_same_quotes() -> None:
    for document in _generated_documents():
        assert_same_quotes(document)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“",
        "”He said.",
        "“Unbalanced, he said.",
        "«No», said Jim Mattis. ‘Yes,’ she said.",
        '"We will buy it," he said, "whatever happens."\n\n"And more," he added.',
        _long_sentence(1, 3000),
        "According to " * 400 + "officials, it is done.",
        "He said that " * 500 + ".",
    ],
)
def test_edge_cases_give_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


@settings(max_examples=400, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_any_text_gives_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


# --------------------------------------------------------------------------------------------
# Each rule on its own.


def _assert_cues_cover_the_patterns(text: str, windows: list[tuple[int, int]]) -> None:
    """Wherever a clause pattern matches, ``Context`` has a cue of its kind in the stretch."""
    ctx = _context(text)
    kinds = (
        (quote_clauses.VERB_RE, ctx.verb_cues),
        (quote_clauses._COORDINATED_RE, ctx.verb_cues),
        (quote_clauses._PARTICIPLE_RE, ctx.participle_cues),
        (quote_clauses._ACCORDING_RE, ctx.according_cues),
    )
    for start, end in windows:
        for pattern, cues in kinds:
            if pattern.search(text, start, end) is not None:
                assert quote_clauses.has_cue(cues, start, end), (pattern, text[start:end])


def _context(text: str) -> Context:
    return Context(_document(text))


def _windows(text: str, seed: int) -> list[tuple[int, int]]:
    """Every sentence, and stretches that start and end anywhere, even inside words."""
    prepared = prepare("t", text)
    windows = [(s.start, s.end) for s in prepared.sentences] + [(0, len(text))]
    rng = random.Random(seed)
    for _ in range(40):
        start = rng.randint(0, len(text))
        windows.append((start, rng.randint(start, min(len(text), start + 300))))
    return windows


def test_cues_cover_every_clause_pattern_in_articles() -> None:
    for seed, text in enumerate(_texts()):
        _assert_cues_cover_the_patterns(text, _windows(text, seed))


@settings(max_examples=500, deadline=None)
@given(hostile_text, st.integers(0, 1000))
def test_cues_cover_every_clause_pattern_in_hostile_text(text: str, seed: int) -> None:
    _assert_cues_cover_the_patterns(text, _windows(text, seed))


def test_no_cue_word_begins_according() -> None:
    """A position ``CUE_RE`` reads as "according" is no verb's: no speech word begins so."""
    words = {
        *quote_speakers.VERB_WORDS,
        *quote_clauses._THAT_ONLY,
        *quote_clauses._PARTICIPLES,
        *(phrase.split()[0] for phrase in quote_clauses._VERB_PHRASES),
    }
    assert not [w for w in words if "according".startswith(w) or w.startswith("accord")]


def test_name_mentions_match_the_plain_scan_on_articles() -> None:
    for text in _texts():
        assert quote_speakers.name_mentions(text) == _plain_name_mentions(text)


@settings(max_examples=1500, deadline=None)
@given(any_text)
def test_name_mentions_match_the_plain_scan_on_any_text(text: str) -> None:
    assert quote_speakers.name_mentions(text) == _plain_name_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jim Mattis",
        "Ludwig van der Berg met Ana de la Cruz",
        "Ludwig VAN der Berg, Ludwig vaN Berg",
        "2Jim Mattis, _Jim Mattis, 'Jim Mattis, -Jim Mattis, a2Jim Mattis, x_Jim Mattis",
        "abc.Jim Mattis U.S. Sen. Bob Jones Jr. and J.A. Smith Jr. Smith",
        "𝐀lpha 𝐁eta, 𐐀rgo 𐐁ox, Ⓐnne Ⓑoe, ǅoe ǅim, Ⅻ Ⅼ, İstanbul İzmir",
        "Col. (ret.) Anke Vogel (retd) Max Holm (RET) Jo Lo",
        "Jim\u00a0Mattis\u2029Jim\nMattis \n\n Jim",
    ],
)
def test_name_mentions_match_the_plain_scan_on_edge_cases(text: str) -> None:
    assert quote_speakers.name_mentions(text) == _plain_name_mentions(text)


def _subject_phrases() -> list[str]:
    """Phrases as the rules hand them to ``classify_subject``, taken from the articles."""
    phrases: list[str] = []
    for text in _texts()[:60]:
        for start in range(0, len(text) - 40, 97):
            phrases.extend(text[start : start + size] for size in (3, 12, 25, 40))
    return [*phrases, "", " ", "he", "He", "Mr. Okafor ", "officials in Ankara", "the minister"]


def test_classify_subject_matches_the_plain_reading() -> None:
    for phrase in _subject_phrases():
        for offset in (0, 7, 1234):
            assert quote_speakers.classify_subject(phrase, offset) == quote_speakers._read_subject(
                phrase, offset
            )


@settings(max_examples=1000, deadline=None)
@given(any_text, st.integers(0, 10_000))
def test_classify_subject_matches_the_plain_reading_on_any_text(text: str, offset: int) -> None:
    assert quote_speakers.classify_subject(text, offset) == quote_speakers._read_subject(
        text, offset
    )


def test_classify_subject_gives_a_new_speaker_each_time() -> None:
    first = quote_speakers.classify_subject("Mr. Okafor", 10)
    assert first is not None and first.role == "Mr." and (first.start, first.end) == (14, 20)
    first.role = "changed by a caller"
    again = quote_speakers.classify_subject("Mr. Okafor", 20)
    assert again is not None and again is not first
    assert again.role == "Mr." and (again.start, again.end) == (24, 30)


def test_long_phrases_are_read_without_the_memo() -> None:
    long = "officials " * 30
    quote_speakers._classify_phrase.cache_clear()
    assert quote_speakers.classify_subject(long, 5) == quote_speakers._read_subject(long, 5)
    assert quote_speakers._classify_phrase.cache_info().currsize == 0


def _verb_phrases() -> list[str]:
    """Every term of the stance lexicon, runs of its words, and verb contexts from articles."""
    lexicon = load_lexicon("stance.tsv")
    terms = [entry.term.replace("*", "ing") for entry in lexicon.entries]
    words = [word for term in terms for word in term.split()] + ["the", "not", "X", "’s"]
    rng = random.Random(5)
    phrases = terms + [
        " ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(3000)
    ]
    phrases += [" ".join(rng.choice(terms) for _ in range(rng.randint(1, 3))) for _ in range(2000)]
    for document in (*_corpus_documents(), *_generated_documents()[:30]):
        text = document.article.text
        for match in quote_clauses.VERB_RE.finditer(text):
            phrases.append(" ".join(text[match.start() : match.end() + 50].split()[:6]))
    return phrases


def _plain_matches(phrase: str) -> list[tuple[int, int]]:
    _starts, _ends, norms = tokenize(phrase)
    return [(m.first, m.entry.line) for m in _plain_stance_matcher().match(norms)]


def _fast_matches(phrase: str) -> list[tuple[int, int]]:
    _starts, _ends, norms = tokenize(phrase)
    return [(first, entry.line) for first, entry in quotes._stance_matcher().match(norms)]


def test_verb_category_matches_the_lexicon_matcher() -> None:
    categories = set()
    for phrase in _verb_phrases():
        expected = _plain_verb_category(phrase)
        assert quotes.verb_category(phrase) == expected, phrase
        assert _fast_matches(phrase) == _plain_matches(phrase), phrase
        categories.add(expected)
    assert categories == {"", "attribution_neutral", "attribution_loaded"}


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_verb_category_matches_the_lexicon_matcher_on_any_text(text: str) -> None:
    assert quotes.verb_category(text) == _plain_verb_category(text)
    assert _fast_matches(text) == _plain_matches(text)


_HEADER = """# name: t
# title: Test
# version: 1
# measures: test
# source: tests
# licence: CC0
# category: a | A | first
# category: b | B | second
term\tcategory\tweight\tnote
"""
_ROWS = (
    "threat\ta\t1\t\nthreat*\tb\t1\t\nmissile threat\tb\t2\t\nmissile\ta\t1\t\n"
    "national interest\ta\t1\t\nnational interest threat\tb\t1\t\nsanction*\ta\t1\t\n"
    "interest\tb\t1\t\ninterest\ta\t1\t\nsanctions\tb\t1\t\nsanction* threat*\ta\t1\t\n"
    "lies\ta\t1\t\nlies ahead\ta\t0\tguard\nlies in\tb\t0\tguard\nlies in wait\tb\t1\t\n"
)
_WORDS = (
    "threat", "threats", "threatening", "missile", "national", "interest", "sanction",
    "sanctions", "sanctioned", "lies", "ahead", "in", "wait", "the",
)  # fmt: skip


def _lexicons() -> list[Lexicon]:
    cased = (
        "# name: cased\n# case: sensitive\nterm\tcategory\tweight\tnote\n"
        "US\ta\t1\t\nMay\tb\t1\t\nUS Congress\ta\t1\t\nRussia's\ta\t1\t\nmay act\tb\t1\t\n"
    )
    return [parse_lexicon(_HEADER + _ROWS, "t.tsv"), parse_lexicon(cased, "cased.tsv")]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_phrase_matcher_equals_the_lexicon_matcher(words: list[str]) -> None:
    """Longest, then most exact, then longest patterns win; guards block and are dropped."""
    lexicon = _lexicons()[0]
    plain = [(m.first, m.entry.line) for m in LexiconMatcher(lexicon).match(words)]
    fast = [(first, entry.line) for first, entry in quotes._PhraseMatcher(lexicon).match(words)]
    assert fast == plain


@pytest.mark.parametrize(
    "text", ["Let us see. The US Congress met in May; it may act. Russia’s US. MAY.", "us MAY"]
)
def test_phrase_matcher_equals_the_lexicon_matcher_when_case_sensitive(text: str) -> None:
    lexicon = _lexicons()[1]
    starts, ends, norms = tokenize(text)
    cased = [cased_form(text[s:e]) for s, e in zip(starts, ends, strict=True)]
    plain = [(m.first, m.entry.line) for m in LexiconMatcher(lexicon).match(norms, cased)]
    fast = [(first, entry.line) for first, entry in quotes._PhraseMatcher(lexicon).match(cased)]
    assert fast == plain
    assert len(plain) >= (4 if text.startswith("Let") else 0)
