"""The fast paths of annotation give exactly the answers of the plain rules they replace.

Why: memoising, skipping and regex rewrites were made for speed alone, and ``framing
annotate`` must not change by a byte. Each test states the plain rule (as it was written
before) and checks the fast one against it on inputs chosen to reach its edge cases.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from framing import actor_table, quote_clauses, quotes, speaker_sides
from framing.actor_mentions import _Segment, _shouting_sentences
from framing.actor_table import fold, load_actor_table
from framing.quote_speakers import (
    _DOTTED,
    _NAME_RUN_RE,
    _NOT_NAMES,
    _PARTICLES,
    VERB_WORDS,
    _bare,
    _is_capitalised,
    _is_title,
    _words,
)
from framing.speaker_names import (
    name_mentions,
)
from framing.speaker_sides import side_of
from framing.text import prepare

TEXTS = (
    "Defense Secretary Jim Mattis said. Mr. Erdoğan’s aide, Recep Tayyip Erdoğan's man.",
    "Ludwig van der Berg and Ana de la Cruz met J.A. Smith Jr. and Sen. Bob Jones.",
    "Col. (ret.) Anke Vogel, (retd) Max Holm; iPhone McDonald 2Smith abc.Def Al-Assad.",
    "THE U.S. AND NATO WARN TURKEY OVER S-400. It said no. ÉMILE ZOLA ÉCRIT.",
    "He has not said that. Officials have long argued, and still warn that it is.",
    "She pointed out that it was; they made  clear that the deal, he added, was fair.",
    "It fears that the state states that; reports that worries that well-said untold.",
    "Saying so, she told reporters: ‘We will’ and 'no' — ‘quoted’ in the O’Brien case.",
    "",
    "   \n\n  ",
)


def _random_texts(count: int, seed: int) -> list[str]:
    words = (
        "Jim", "Mattis", "van", "der", "de", "la", "Mr.", "Dr.", "Gen.", "(ret.)", "Jr.", "U.S.",
        "NATO", "S-400", "the", "and", "said", "has", "not", "also", "told", "reporters",
        "pointed", "out", "made", "clear", "fears", "that", "state", "Erdoğan’s", "‘a’", "'b'",
        "O'Neil", "X.", "iPhone", "2Smith", "abc.Def", "—", "(", "[", ",", ";", ":",
    )  # fmt: skip
    gaps = (" ", "  ", ", ", ".", "\n", "\n\n", "", "\u00a0", " — ")
    rng = random.Random(seed)
    return [
        "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 25)))
        for _ in range(count)
    ]


CASES = (*TEXTS, *_random_texts(300, seed=7))


def _plain_name_mentions(text: str) -> list[tuple[int, str]]:
    """``name_mentions`` as first written: run by run, word by word."""
    mentions: list[tuple[int, str]] = []
    for run in _NAME_RUN_RE.finditer(text):
        current: list[tuple[str, int, int]] = []
        for word in [*_words(run.group(), run.start()), ("", 0, 0)]:
            token = word[0]
            if (
                token
                and _is_capitalised(token)
                and not _is_title(token)
                and _bare(token) not in _NOT_NAMES
            ):
                current.append(word)
                if not (token.endswith(".") and len(token) > 2 and not _DOTTED.fullmatch(token)):
                    continue
            elif token and _bare(token) in _PARTICLES and current:
                current.append(word)
                continue
            if len(current) >= 2:
                clean = [w[0].rstrip(",") for w in current]
                clean[-1] = re.sub(r"[’']s$", "", clean[-1]).rstrip(".")
                mentions.append((current[0][1], " ".join(clean)))
            current = []
    return mentions


def test_name_mentions_matches_the_plain_rule() -> None:
    for text in CASES:
        assert name_mentions(text) == _plain_name_mentions(text), text


def _plain_verb_re() -> re.Pattern[str]:
    """``VERB_RE`` as first written: plain alternations, longest verb first."""
    phrases = [
        re.escape(p).replace("\\ ", r"\s+")
        for p in quote_clauses._VERB_PHRASES
        if not p.startswith("has ")
    ]
    verbs = "|".join(phrases + sorted(VERB_WORDS, key=len, reverse=True))
    aux = (
        rf"(?:(?:{'|'.join(quote_clauses._AUX_WORDS)})\s+)?"
        rf"(?:(?:{'|'.join(quote_clauses._ADVERBS)})\s+)*"
    )
    return re.compile(
        rf"\b(?P<aux>{aux})(?P<verb>(?:{verbs})\b(?<=told)?)"
        rf"|\b(?P<aux2>{aux})(?P<verb2>(?:{'|'.join(quote_clauses._THAT_ONLY)}))(?=\s+that\b)"
    )


def _match_key(match: re.Match[str] | None) -> object:
    if match is None:
        return None
    return match.span(), [match.span(name) for name in match.re.groupindex]


def test_verb_pattern_matches_the_plain_alternation() -> None:
    plain = _plain_verb_re()
    for text in CASES:
        for start in range(len(text) + 1):
            for end in (start, (start + len(text)) // 2, len(text)):
                expected = _match_key(plain.search(text, start, end))
                assert _match_key(quote_clauses.VERB_RE.search(text, start, end)) == expected


def test_single_quote_patterns_match_their_look_behind_first_forms() -> None:
    opening = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])")
    closing = re.compile(r"(?<=[^\s])[’'](?![^\W_])")
    pairs = ((opening, quotes._SINGLE_OPEN_RE), (closing, quotes._SINGLE_CLOSE_RE))
    for text in CASES:
        for start in range(len(text) + 1):
            for plain, fast in pairs:
                expected = _match_key(plain.search(text, start))
                assert _match_key(fast.search(text, start)) == expected


def _plain_shouting(segment: _Segment) -> set[int]:
    words: Counter[int] = Counter()
    upper: Counter[int] = Counter()
    for raw, sentence in zip(segment.raws, segment.prepared.token_sentence, strict=True):
        if sum(c.isalpha() for c in raw) < 2:
            continue
        words[sentence] += 1
        if raw.isupper():
            upper[sentence] += 1
    return {s for s, n in words.items() if n >= 3 and upper[s] >= 0.6 * n}


def test_shouting_sentences_match_the_plain_count() -> None:
    for text in CASES:
        segment = _Segment(0, text, prepare("a", text), False)
        assert _shouting_sentences(segment) == _plain_shouting(segment), text


def test_fold_is_a_pure_function_of_its_text() -> None:
    for text in CASES:
        assert fold(text) == fold.__wrapped__(text)


def test_side_of_remembers_per_table_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    table = load_actor_table()
    texts = ["Turkish Foreign Minister", "a senior official in Ankara", "Mr. Okafor", ""]
    expected = [speaker_sides._side_of(text, table) for text in texts]
    assert [side_of(text, table) for text in texts] == expected
    assert [side_of(text, table) for text in texts] == expected  # now from the cache
    monkeypatch.setattr(actor_table, "SIDE_CACHE_SIZE", 2)
    table.side_cache.clear()
    assert [side_of(text, table) for text in texts] == expected
    assert len(table.side_cache) <= 2
