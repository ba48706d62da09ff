"""The quote finder's faster helpers give exactly what their previous forms gave.

A later round of speed work on ``find_quotes`` replaced a few helpers that every article,
sentence or quote passes through: building a ``Quote`` (``_new_quote``), the cue scan
(``find_cues`` over ASCII bytes), ``lead_in`` (a two-letter test first), ``trim`` (``str``
strips) and the word counts of the rules (``has_words``). Their previous forms are copied
below as ``_old_*`` and compared with the new ones on the bundled corpus, on generated
articles and on hostile text; whole articles are also compared with every old form swapped
back in, so a difference anywhere fails here. (``tests/test_quotes_speed_equivalence.py``
keeps the older plain rules as its own oracle: it also checks the "according to" matches read
at the cues, against ``_plain_according_to``, and the sides asked once per article and the
quotes taken in ``_merge``'s order, against ``_plain_finish``.)
"""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import FrozenInstanceError, fields
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import (
    quote_according,
    quote_clauses,
    quote_context,
    quote_verbs,
    quotes,
    speaker_names,
)
from framing.quote_context import WHITESPACE, count_words, has_words, trim
from framing.quote_verbs import find_cues, lead_in
from framing.quotes import Quote, _new_quote, _QuoteDraft, find_quotes
from tests.test_quotes_speed_equivalence import (
    _FRAGMENTS,
    _corpus_documents,
    _document,
    _generated_documents,
    _side,
    _texts,
    any_text,
    hostile_text,
)

# --------------------------------------------------------------------------------------------
# The oracle: the helpers as they were.


def _old_find_cues(text: str) -> tuple[list[int], list[int], list[int]]:
    """``find_cues`` before the byte scan: ``_CUE_AFTER_RE`` over the text itself."""
    verbs: list[int] = []
    participles: list[int] = []
    according: list[int] = []
    for cue in quote_verbs._CUE_AFTER_RE.finditer(" " + text):
        at = cue.start()
        if text.startswith(("according", "According"), at):
            according.append(at)
            continue
        verbs.append(at)
        if quote_verbs._PARTICIPLE_START_RE.match(text, at):
            participles.append(at)
    return verbs, participles, according


def _old_cue_positions(
    text: str, prepared: object = None
) -> tuple[list[int], list[int], list[int]]:
    """``_old_find_cues`` as ``Context`` calls its cue finder (it reads the text alone)."""
    return _old_find_cues(text)


def _old_lead_in(text: str, position: int) -> int:
    """``lead_in`` before the two-letter test."""
    while True:
        end = position
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == position:
            return position
        low = max(end - quote_verbs._LONGEST_LEAD_WORD, 0)
        if not text.endswith(quote_verbs._LEAD_WORDS, low, end):
            return position
        word = quote_verbs._LEAD_WORD_RE.search(text, low, end)
        if word is None:
            return position
        position = word.start()


def _old_trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``trim`` as a loop over the characters."""
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


def _old_add_name(words: list[tuple[str, int]], mentions: list[tuple[int, str]]) -> None:
    """``_add_name`` with the possessive removed by a regex."""
    if len(words) >= 2:
        clean = [word for word, _start in words]
        clean[-1] = re.sub(r"[’']s$", "", clean[-1]).rstrip(".")
        mentions.append((words[0][1], " ".join(clean)))
    words.clear()


def _old_has_words(text: str, count: int) -> bool:
    return count_words(text) >= count


@contextmanager
def _old_helpers() -> Iterator[None]:
    """Swap every replaced helper back in, in each module that reads it by name."""
    with (
        mock.patch.object(quotes, "_new_quote", Quote),
        mock.patch.object(quote_context, "cue_positions", _old_cue_positions),
        mock.patch.object(quote_verbs, "lead_in", _old_lead_in),
        mock.patch.object(quote_clauses, "lead_in", _old_lead_in),
        mock.patch.object(quotes, "trim", _old_trim),
        mock.patch.object(quote_clauses, "trim", _old_trim),
        mock.patch.object(quote_clauses, "has_words", _old_has_words),
        mock.patch.object(quote_according, "has_words", _old_has_words),
        mock.patch.object(speaker_names, "_add_name", _old_add_name),
    ):
        yield


def _assert_same_quotes(text: str) -> None:
    document = _document(text)
    fast = find_quotes(document, _side)
    with _old_helpers():
        old = find_quotes(document, _side)
    assert fast == old
    assert all(type(quote) is Quote for quote in fast)


# Cue words right after characters of every kind: ASCII and other punctuation, letters,
# digits and marks that are word characters only in Unicode, and "?" itself.
_BEFORE = (" ", "\n", "“", "”", "—", "\u00a0", "\u2009", "é", "É", "ß", "ı", "٣", "²", "Ⅻ",
           "\u0301", "_", "?", "'", "’", "-", "(", "𝐀", "x", "7", "")  # fmt: skip
_CUE_WORDS = ("said", "says", "saying", "according", "According", "accordingly", "argued",
              "arguing", "has", "made", "point", "reported", "states", "counter", "stressful",
              "warning", "told", "adds", "Said", "claims")  # fmt: skip
cue_text = st.lists(
    st.one_of(st.sampled_from(_BEFORE), st.sampled_from(_CUE_WORDS), st.text(max_size=4)),
    max_size=40,
).map("".join)


# --------------------------------------------------------------------------------------------
# Whole articles.


def test_bundled_corpus_gives_the_same_quotes_as_the_old_helpers() -> None:
    for document in _corpus_documents():
        _assert_same_quotes(document.article.text)


def test_generated_articles_give_the_same_quotes_as_the_old_helpers() -> None:
    for document in _generated_documents():
        _assert_same_quotes(document.article.text)


@settings(max_examples=600, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same_quotes_as_the_old_helpers(text: str) -> None:
    _assert_same_quotes(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_text_gives_the_same_quotes_as_the_old_helpers(text: str) -> None:
    _assert_same_quotes(text)


# --------------------------------------------------------------------------------------------
# Each helper on its own.


def test_quote_draft_builds_the_same_quote() -> None:
    values = ("a-1", "direct", 3, 9, "Mr. Okafor", 12, 22, "Ade Okafor", "minister", "said",
              "attribution_neutral", "Nigeria", False)  # fmt: skip
    built, plain = _new_quote(*values), Quote(*values)
    assert type(built) is Quote
    assert built == plain
    assert hash(built) == hash(plain)
    assert repr(built) == repr(plain)
    assert pickle.loads(pickle.dumps(built)) == plain
    with pytest.raises(FrozenInstanceError):
        built.start = 4  # type: ignore[misc]


def test_quote_draft_has_the_slots_of_quote() -> None:
    """The draft holds every field of ``Quote`` and nothing else (else ``__class__`` fails)."""
    assert sorted(_QuoteDraft.__slots__) == sorted(f.name for f in fields(Quote))
    assert sorted(Quote.__slots__) == sorted(_QuoteDraft.__slots__)


def test_find_cues_matches_the_text_scan_in_articles() -> None:
    for text in _texts():
        assert find_cues(text) == _old_find_cues(text)


@settings(max_examples=1500, deadline=None)
@given(cue_text)
def test_find_cues_matches_the_text_scan_after_any_character(text: str) -> None:
    assert find_cues(text) == _old_find_cues(text)


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_find_cues_matches_the_text_scan_on_any_text(text: str) -> None:
    assert find_cues(text) == _old_find_cues(text)


def test_lead_in_matches_the_old_form_at_every_position() -> None:
    for text in _texts()[:40]:
        for position in range(len(text) + 1):
            assert lead_in(text, position) == _old_lead_in(text, position)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from((*quote_verbs._LEAD_WORDS, *_FRAGMENTS, "x", "Chas")),
                max_size=12).map(" ".join))  # fmt: skip
def test_lead_in_matches_the_old_form_on_any_text(text: str) -> None:
    for position in range(len(text) + 1):
        assert lead_in(text, position) == _old_lead_in(text, position)


def test_whitespace_is_every_space_character() -> None:
    every = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
    assert every == WHITESPACE


def _spans(text: str, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    size = len(text)
    return [(rng.randint(-2, size + 2), rng.randint(-2, size + 2)) for _ in range(30)]


def test_trim_matches_the_loop_in_articles() -> None:
    for seed, text in enumerate(_texts()):
        for start, end in _spans(text, seed):
            start, end = max(start, 0), min(end, len(text))
            assert trim(text, start, end) == _old_trim(text, start, end)


_TRIMMED = st.text(
    alphabet=st.sampled_from((*WHITESPACE, ",", ":", ";", "—", "–", "a", "b", " ", "é")),
    max_size=12,
)


@settings(max_examples=1500, deadline=None)
@given(_TRIMMED, st.integers(0, 12), st.integers(0, 12))
def test_trim_matches_the_loop_on_any_text(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert trim(text, start, end) == _old_trim(text, start, end)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(any_text, _TRIMMED), st.integers(1, 14))
def test_has_words_counts_as_a_full_split(text: str, count: int) -> None:
    assert has_words(text, count) == _old_has_words(text, count)


def test_no_lead_word_is_shorter_than_its_tail() -> None:
    """``lead_in``'s two-letter test holds only for words of two letters or more."""
    assert all(len(word) >= 2 and re.fullmatch(r"[a-z]+", word) for word in
               quote_verbs._LEAD_WORDS)  # fmt: skip


def test_each_side_is_asked_once_per_article() -> None:
    """``_finish`` keeps each description's side for the article: the same sides, fewer asks."""
    for document in _corpus_documents()[:3]:
        asked: list[str] = []

        def side(text: str, asked: list[str] = asked) -> str | None:
            asked.append(text)
            return _side(text)

        found = find_quotes(document, side)
        assert found == find_quotes(document, _side)
        assert len(asked) == len(set(asked))
        assert {f"{q.role} {q.speaker_text}".strip() for q in found} <= set(asked)


# Words as ``_NAME_WORD`` reads them (never with a newline, where ``$`` would differ).
_NAME_WORDS = ("Ann", "Ann’s", "Ann's", "O’Brien’s", "Jr.", "Jones's.", "s", "’s", "Ng's's",
               "Dr.", "X", "(ret.)")  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=4))
def test_add_name_matches_the_regex_form(words: list[str]) -> None:
    fast: list[tuple[int, str]] = []
    old: list[tuple[int, str]] = []
    speaker_names._add_name([(w, i) for i, w in enumerate(words)], fast)
    _old_add_name([(w, i) for i, w in enumerate(words)], old)
    assert fast == old


def test_name_mentions_match_the_old_add_name() -> None:
    for text in _texts():
        fast = speaker_names.name_mentions(text)
        with mock.patch.object(speaker_names, "_add_name", _old_add_name):
            assert fast == speaker_names.name_mentions(text)
