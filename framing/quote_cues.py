"""Cue positions read from an article's tokens: where ``find_cues`` would find them, by token.

What it does: ``cue_positions`` returns what ``framing.quote_verbs.find_cues`` returns (the
sorted word starts where ``CUE_RE`` matches, as verb, participle and "according" cues), but
looks only inside the few tokens whose norm can hold a cue, found with one NumPy take over
the article's token ids (``framing.vocabulary``), instead of scanning every character.

Why it finds the same cues: every cue begins with a word of ASCII letters (``_FIRST_WORDS``)
at a word start, and that word lies inside one token. (The tokenizer takes every run of
letters and digits whole into one token and ends no token between two of them.) The kind of
each token, worked out once per id from its norm, says where in the token such a word may
start (``_kinds``); each position so found is then matched with ``CUE_RE`` in the text
itself, which is what decides, so a kind only has to list every position that can hold a
cue (a superset), never to be exact. A norm lists them all because:

- an ASCII norm is the token lower-cased, character for character, apostrophes and
  hyphens as ASCII ones (checked over all of Unicode by the tests): a cue word of the token
  is its lower case in the norm at the same offset, and a word start of the token is one of
  the norm (a character that is no word character in the text is none in the norm). The one
  character a norm drops, the soft hyphen, would shift the offsets: text that holds one is
  scanned by ``find_cues`` instead;
- a norm that is not ASCII (NFC may compose a cue word's last letter with a mark after it)
  still holds each cue word but its last letter (no composition has an ASCII second
  character): such a token is searched in the text whenever its norm holds one of those.

Why: ``find_cues`` costs about 0.04 ms per article, most of it the scan of the whole text;
an article's tokens were numbered by ``prepare`` already, and a few dozen of its six hundred
can hold a cue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from framing.model import PreparedText
from framing.quote_verbs import (
    _PARTICIPLE_START_RE,
    _PARTICIPLES,
    CUE_RE,
    CUE_WORDS,
    _word_trie,
    find_cues,
)
from framing.vocabulary import Vocabulary

__all__ = ["cue_positions"]

_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in CUE_WORDS)
"""The first word of every cue: a cue can start only where one of these does."""
_LOWER_FIRST = frozenset(word.lower() for word in _FIRST_WORDS)
# A first word after an ASCII character that is no word character (all but letters, digits
# and "_"): in the join of ASCII norms, each word start of a norm where one begins. Why the
# class and not ``\b``: ``re`` skips to the characters of a class with a bitmap, and tries
# ``\b`` at every position (measured: about a third of the time).
_NORM_FIRST_RE = re.compile(
    rf"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f](?:{_word_trie(_LOWER_FIRST)})"
)
# A first word at a word start of the text, as written (``endpos`` keeps it in the token).
_TEXT_FIRST_RE = re.compile(rf"\b(?:{_word_trie(_FIRST_WORDS)})")
# Anywhere in a norm that is not ASCII: a first word but its last letter.
_CUT_FIRST_RE = re.compile(_word_trie({word[:-1] for word in _LOWER_FIRST}))

_AT_START, _SEARCH, _ACCORDING, _PARTICIPLE = 1, 2, 4, 8
"""A token's kind, as bits (none set: no cue can start in it). ``_AT_START``: one can start
only at its first character, and then it is "according" only if ``_ACCORDING`` is set and a
participle only if ``_PARTICIPLE`` is (the norm starts with one: a cue word of the token is
its norm's prefix at the same place); ``_SEARCH``: one can start elsewhere too (the token is
searched with ``_TEXT_FIRST_RE`` and each cue read in full)."""
_PARTICIPLE_WORDS = tuple(_PARTICIPLES)


def _kinds(norms: Sequence[str]) -> list[int]:
    """Return the kind of the token of each norm (see the module docstring).

    The norms are read in one regex scan of their join, each after a newline (no word
    character, so a word start of an ASCII norm is one in the join), so the new ids of a
    vocabulary cost a fraction of a microsecond each. A norm that is not ASCII is then read
    alone (they are few): it is the only kind of norm that "?" stands in for in the join
    encoded as ASCII (no token holds a "?"; and any norm read alone gets a kind that lists
    every place its token can hold a cue).
    """
    kinds = [0] * len(norms)
    if not norms:
        return kinds
    joined = "\n" + "\n".join(norms)
    # Where the newline before each norm is (and one past the end).
    starts = list(accumulate(map((1).__add__, map(len, norms)), initial=0))
    for match in _NORM_FIRST_RE.finditer(joined):
        position = match.start()
        index = bisect.bisect_right(starts, position) - 1
        if position == starts[index] and not kinds[index]:
            kind = _AT_START
            if joined.startswith("according", position + 1):
                kind |= _ACCORDING
            elif joined.startswith(_PARTICIPLE_WORDS, position + 1):
                kind |= _PARTICIPLE
            kinds[index] = kind
        else:
            kinds[index] = _SEARCH
    if not joined.isascii():
        encoded = joined.encode("ascii", "replace")
        at = encoded.find(b"?")
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            norm = norms[index]
            kinds[index] = _SEARCH if _CUT_FIRST_RE.search(norm) else 0
            at = encoded.find(b"?", starts[index + 1])
    return kinds


class _KindTable:
    """The kind of every id of one vocabulary, as an array filled as the vocabulary grows.

    Why its own table and not ``IdTable``: this one is read per article, and grows in place
    (doubling) instead of being copied whole each time new ids arrive.
    """

    def __init__(self) -> None:
        self.vocabulary: Vocabulary | None = None
        self.known = 0
        self.table: npt.NDArray[np.uint8] = np.zeros(0, dtype=np.uint8)

    def take(self, vocabulary: Vocabulary, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
        """Return the kind of each id in ``ids`` (ids of ``vocabulary``)."""
        if vocabulary is not self.vocabulary:
            self.vocabulary, self.known = vocabulary, 0
        size = len(vocabulary.norms)
        if self.known < size:
            if size > len(self.table):
                grown = np.zeros(max(size, 2 * len(self.table), 1024), dtype=np.uint8)
                grown[: self.known] = self.table[: self.known]
                self.table = grown
            self.table[self.known : size] = _kinds(vocabulary.norms[self.known : size])
            self.known = size
        return self.table[ids]


_TABLE = _KindTable()
"""This process's kinds, for the vocabulary ``prepare`` numbers tokens in (one at a time)."""


def cue_positions(
    text: str, prepared: PreparedText | None = None
) -> tuple[list[int], list[int], list[int]]:
    """Return ``find_cues(text)``, read from ``prepared``'s tokens where their ids allow.

    ``prepared`` must be ``text`` prepared (``framing.text.prepare``); without ids (built by
    hand, or unpickled) or for text with a soft hyphen, ``find_cues`` scans the text.
    """
    arrays = prepared.arrays if prepared is not None else None
    if (
        prepared is None
        or arrays is None
        or arrays.vocabulary is None
        or len(arrays.ids) != len(prepared.token_starts)
        or "\xad" in text
    ):
        return find_cues(text)
    verbs: list[int] = []
    participles: list[int] = []
    according: list[int] = []
    kinds = _TABLE.take(arrays.vocabulary, arrays.ids)
    hits = np.flatnonzero(kinds)
    if not len(hits):
        return verbs, participles, according
    token_starts, token_ends = prepared.token_starts, prepared.token_ends
    match_cue = CUE_RE.match
    for index, kind in zip(hits.tolist(), kinds[hits].tolist(), strict=True):
        at = token_starts[index]
        if kind == _SEARCH:
            for first in _TEXT_FIRST_RE.finditer(text, at, token_ends[index]):
                at = first.start()
                if match_cue(text, at) is None:
                    continue
                if text.startswith(("according", "According"), at):
                    according.append(at)
                    continue
                verbs.append(at)
                if _PARTICIPLE_START_RE.match(text, at):
                    participles.append(at)
            continue
        if match_cue(text, at) is None:
            continue
        if kind & _ACCORDING and text.startswith(("according", "According"), at):
            according.append(at)
            continue
        verbs.append(at)
        if kind & _PARTICIPLE and _PARTICIPLE_START_RE.match(text, at):
            participles.append(at)
    return verbs, participles, according
