"""Cues read from tokens (``framing.quote_cues``) are exactly the cues ``find_cues`` scans for.

``find_cues`` (the scan of the whole text, ``framing.quote_verbs``) stays the oracle:
``cue_positions`` is compared with it on the bundled corpus, on generated articles and on
hostile text, with ids, without them (built by hand, unpickled), across vocabularies and
with the per-vocabulary table grown. The two facts about Unicode that the token reading
relies on (see the module docstring) are checked over every code point.
"""

from __future__ import annotations

import dataclasses
import pickle
import re
import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import quote_cues
from framing.quote_cues import _kinds, _KindTable, cue_positions
from framing.quote_verbs import find_cues
from framing.text import prepare
from framing.tokens import _norm
from framing.vocabulary import Vocabulary
from tests.test_quotes_speed_equivalence import (
    _FRAGMENTS,
    _corpus_documents,
    _generated_documents,
)

_WORD = re.compile(r"\w")


def _assert_same(text: str) -> None:
    prepared = prepare("t", text)
    assert prepared.arrays is not None and prepared.arrays.vocabulary is not None
    assert cue_positions(text, prepared) == find_cues(text)


def test_ascii_norms_keep_offsets_and_word_starts() -> None:
    """A character whose norm is ASCII becomes one character (or, the soft hyphen, none),
    and one that is no word character becomes none either."""
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        norm = _norm(char)
        if not norm.isascii():
            continue
        if char == "\xad":
            assert norm == ""
            continue
        assert len(norm) == 1, hex(code)
        if not _WORD.match(char):
            assert not _WORD.match(norm), hex(code)


def test_no_composition_ends_in_an_ascii_character() -> None:
    """NFC never joins an ASCII character to the one before it: a cue word's letters but its
    last stay as they are in a norm that is not ASCII."""
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = [int(part, 16) for part in decomposition.split()]
            assert all(part >= 0x80 for part in parts[1:]), hex(code)


def test_cue_positions_match_find_cues_in_articles() -> None:
    for document in (*_corpus_documents(), *_generated_documents()):
        text = document.article.text
        assert cue_positions(text, document.prepared) == find_cues(text)


_PIECES = (
    "said", "says", "saying", "Saying", "SAID", "Said", "according", "According", "accordingly",
    "ACCORDING", "arguing", "argued", "made clear", "made, clear", "made\u00a0clear",
    "points out", "fears that", "fears, that", "states that", "reported", "told", "warned",
    "stressful", "unsaid", "said's", "said’s", "\u00ad", "\u02bc", "\u212a", "\u0301", "é",
    "e\u0301", "İ", "_", "-", "\u2010", "'", "’", ".", ",", "2", "x", " ", "\n\n", "“", "”",
    "U.S.", "ß", "٣", "𝐀", "\u200d",
)  # fmt: skip
cue_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from(_FRAGMENTS), st.text(max_size=4)),
    max_size=40,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(cue_text)
def test_cue_positions_match_find_cues_on_hostile_text(text: str) -> None:
    _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(cue_text)
def test_cue_positions_without_soft_hyphens_read_tokens(text: str) -> None:
    """The same text without soft hyphens: read by token, not by the fallback scan."""
    _assert_same(text.replace("\xad", ""))


def test_cue_positions_without_ids_scan_the_text() -> None:
    text = "“Yes,” she said, according to aides. He wasn’t saying, officials made clear."
    prepared = prepare("t", text)
    expected = find_cues(text)
    assert cue_positions(text, None) == expected
    assert cue_positions(text, dataclasses.replace(prepared, arrays=None)) == expected
    unpickled = pickle.loads(pickle.dumps(prepared))
    assert unpickled.arrays is not None and unpickled.arrays.vocabulary is None
    assert cue_positions(text, unpickled) == expected


def test_kinds_of_norms_together_are_their_kinds_alone() -> None:
    """Reading norms in one join gives each the kind it has read alone."""
    norms = [_norm(piece) for piece in (*_PIECES, *_FRAGMENTS) if " " not in piece and piece]
    norms += ["well-said", "o'said", "x'saying", "2said", "said2", "according", "sa", "ay"]
    together = _kinds(norms)
    assert together == [_kinds([norm])[0] for norm in norms]
    assert _kinds([]) == []


def test_table_follows_vocabularies_and_grows() -> None:
    """Kinds stay right when the vocabulary changes and when the table outgrows its array."""
    table = _KindTable()
    first, second = Vocabulary(_norm), Vocabulary(_norm)
    words = [f"w{index}said" for index in range(1500)] + ["said", "told", "x"]
    for word in words:
        first[word]  # (numbers the word)
    second["said"]
    second["Said"]
    for vocabulary in (first, second, first):
        ids = np.arange(len(vocabulary.norms), dtype=np.int64)
        assert table.take(vocabulary, ids).tolist() == _kinds(vocabulary.norms)
    first["argued"]
    ids = np.arange(len(first.norms), dtype=np.int64)
    assert table.take(first, ids).tolist() == _kinds(first.norms)


def test_module_table_is_the_one_read() -> None:
    """``cue_positions`` fills the module's table from the text's own vocabulary."""
    text = "Officials said so."
    prepared = prepare("t", text)
    assert cue_positions(text, prepared) == find_cues(text)
    assert quote_cues._TABLE.vocabulary is prepared.arrays.vocabulary  # type: ignore[union-attr]
