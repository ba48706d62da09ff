"""Cues read as whole phrases give exactly the quotes of the word cues they replaced.

``CUE_RE`` listed the first word of each verb phrase ("has", "made", "make", "point") and the
verbs that count only before "that" ("state", "believe", "reported") as cues on their own; in
real news those common words were most of the cues of sentences without reported speech. It
now lists those phrases whole. The previous cue pattern is built below as ``_OLD_CUE_RE``
(the same recipe, copied) and swapped back in; whole articles must give the same quotes on
the bundled corpus, generated articles and hostile text. The byte scan of ``find_cues`` is
also compared with a plain ``CUE_RE`` scan of the text around phrases whose gap holds
punctuation or non-ASCII spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import quote_context, quote_verbs
from framing.quote_speakers import VERB_WORDS
from framing.quote_verbs import find_cues
from framing.quotes import find_quotes
from tests.test_quotes_speed_equivalence import (
    _corpus_documents,
    _document,
    _generated_documents,
    _side,
    _texts,
    any_text,
    hostile_text,
)

# --------------------------------------------------------------------------------------------
# The oracle: the word cues as they were.

_OLD_CUE_RE = re.compile(
    r"\b(?:"
    + quote_verbs._word_trie(
        {
            *VERB_WORDS,
            *quote_verbs._THAT_ONLY,
            *(p.split()[0] for p in quote_verbs._VERB_PHRASES),
            *quote_verbs._PARTICIPLES,
            "according",
            "According",
        }
    )
    + ")"
)


def _old_find_cues(text: str) -> tuple[list[int], list[int], list[int]]:
    """``find_cues`` with the word cues, as a plain scan of the text."""
    return _cue_scan(_OLD_CUE_RE, text)


def _old_cue_positions(
    text: str, prepared: object = None
) -> tuple[list[int], list[int], list[int]]:
    """``_old_find_cues`` as ``Context`` calls its cue finder (it reads the text alone)."""
    return _old_find_cues(text)


def _cue_scan(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int], list[int]]:
    verbs: list[int] = []
    participles: list[int] = []
    according: list[int] = []
    for cue in pattern.finditer(text):
        at = cue.start()
        if text.startswith(("according", "According"), at):
            according.append(at)
            continue
        verbs.append(at)
        if quote_verbs._PARTICIPLE_START_RE.match(text, at):
            participles.append(at)
    return verbs, participles, according


@contextmanager
def _old_cues() -> Iterator[None]:
    with mock.patch.object(quote_context, "cue_positions", _old_cue_positions):
        yield


def _assert_same_quotes(text: str) -> None:
    document = _document(text)
    fast = find_quotes(document, _side)
    with _old_cues():
        old = find_quotes(document, _side)
    assert fast == old


# Phrases and their first words after and between characters of every kind.
_PIECES = ("made clear", "made, clear", "made\u00a0clear", "made\nclear", "made-clear",
           "points  out", "point\u2009out", "pointed out", "makes clear", "has made clear",
           "fears that", "fears, that", "state\u00a0that", "states that", "believe that",
           "reported that", "reports\tthat", "worries that", "worry\u3000that", "has", "made",
           "state", "that", "clear", "out", "said", "argued", "saying", "according to",
           " ", ", ", ".", "“", "”", "\u00a0", "é", "?", "_", "x", "7", "—", "\n\n",
           "Officials", "Mr. Okafor", "he", "the minister")  # fmt: skip
phrase_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30).map(
    "".join
)


# --------------------------------------------------------------------------------------------
# Whole articles.


def test_bundled_corpus_gives_the_same_quotes_as_the_word_cues() -> None:
    for document in _corpus_documents():
        _assert_same_quotes(document.article.text)


def test_generated_articles_give_the_same_quotes_as_the_word_cues() -> None:
    for document in _generated_documents():
        _assert_same_quotes(document.article.text)


@settings(max_examples=600, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same_quotes_as_the_word_cues(text: str) -> None:
    _assert_same_quotes(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_text_gives_the_same_quotes_as_the_word_cues(text: str) -> None:
    _assert_same_quotes(text)


@settings(max_examples=600, deadline=None)
@given(phrase_text)
def test_phrase_text_gives_the_same_quotes_as_the_word_cues(text: str) -> None:
    _assert_same_quotes(text)


# --------------------------------------------------------------------------------------------
# The cues on their own.


def test_phrase_cues_are_fewer_word_cues() -> None:
    """Every phrase cue is a word cue of before: only cues that found nothing are gone."""
    for text in _texts():
        new, old = find_cues(text), _old_find_cues(text)
        assert set(new[0]) <= set(old[0])
        assert (new[1], new[2]) == (old[1], old[2])


@settings(max_examples=1500, deadline=None)
@given(phrase_text)
def test_find_cues_matches_the_text_scan_around_phrases(text: str) -> None:
    assert find_cues(text) == _cue_scan(quote_verbs.CUE_RE, text)


def test_only_phrases_give_a_group() -> None:
    """``find_cues`` reads a match again in the text exactly when it ended on a phrase."""
    for word in (*VERB_WORDS, *quote_verbs._PARTICIPLES, "according"):
        match = quote_verbs.CUE_RE.match(word)
        assert match is not None and match.lastindex is None
    for phrase in ("made clear", "points out", "state that", "fears that"):
        match = quote_verbs.CUE_RE.match(phrase)
        assert match is not None and match.lastindex is not None
