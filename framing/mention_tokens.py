"""What the actor-mention passes read of one text's tokens: first letters, the capitalised
tokens as written, sentences written in capitals, and the closed word lists the rules name.

Why separate from ``framing.mention_scan`` and ``framing.actor_mentions``: this is the per-token
reading every pass shares (the costly part is reading ~600 tokens per article without one
Python step per token); the scan (``framing.mention_scan``) turns it into aliases and
candidate names, and ``framing.actor_mentions`` resolves those into mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from framing.actor_table import TokenReading
from framing.model import PreparedText
from framing.vocabulary import Vocabulary

BoolArray = npt.NDArray[np.bool_]


def _word_set(words: str) -> frozenset[str]:
    """Return the space-separated words of a closed list."""
    return frozenset(words.split())


# Capitalised words that start sentences but are not names (checked on the run's first token).
_FUNCTION_WORDS = _word_set(
    """the a an this that these those it its in on at for from with without by of to and but
    or nor if when while as after before since until although though because so yet then there
    here he she they we you i his her their our my your what which who whom whose where why how
    some many most few all both each every no not nobody none such other another one two three
    four five six seven eight nine ten first last next new former later earlier meanwhile
    however still also even only just instead indeed yes please let according under over
    through against among between during despite about around across within beyond into onto
    upon via per amid toward towards mr mrs ms dr people"""
)
_MONTHS_DAYS = _word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)
# A title ends with one of these heads ("Defense Secretary", "Gen.", "Prime Minister").
_TITLE_HEADS = _word_set(
    """president minister secretary general chancellor king queen prince princess premier
    senator governor ambassador envoy spokesman spokeswoman spokesperson mr mrs ms dr prof gen
    col lt maj capt adm sen rep gov sgt cmdr brig sheikh emir sultan pope judge chairman
    chairwoman chair director marshal admiral colonel commander mayor speaker lord sir dame
    ayatollah professor doctor lieutenant captain major"""
)
_TITLE_ABBREVIATIONS = _word_set(
    "mr mrs ms dr prof gen col lt maj capt adm sen rep gov sgt cmdr brig st jr messrs"
)
# Lone words _candidate_run always drops (function words and months that are not a title).
_NEVER_A_NAME_ALONE = (_FUNCTION_WORDS | _MONTHS_DAYS) - _TITLE_HEADS
_OPENERS = frozenset("“\"‘'(:—–[")
_QUOTES = "“”\"‘’'«»„"

_FEW_TOKENS = 64
"""Below this many tokens (a title, a role) the tokens' first letters are read one by one."""
# Per ASCII byte: 1 for "a" to "z" (the only ASCII characters str.islower accepts), and 1 for
# "A" to "Z" and "0" to "9" (the only ones str.isupper or str.isdigit accepts).
_ASCII_LOWER = bytes(0x61 <= b <= 0x7A for b in range(256))
_ASCII_CAPITAL = bytes(0x41 <= b <= 0x5A or 0x30 <= b <= 0x39 for b in range(256))
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _first_letters(text: str, starts: Sequence[int]) -> tuple[BoolArray, BoolArray]:
    """Per token, whether its first character is lower-case (``str.islower``), and whether it
    is a capital or a digit (``str.isupper() or str.isdigit()``).

    Why this way: it is read for every token of every body, and one Python step per token
    costs more than the rest of the segment's set-up. ``itemgetter`` picks the first
    characters in one C call; among ASCII characters exactly "a" to "z" are lower-case and
    exactly "A" to "Z" and "0" to "9" capitals or digits, so one ``bytes.translate`` answers
    each; a character beyond ASCII (rare in news text) is asked in Python.
    """
    if not starts:
        return np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.bool_)
    firsts = "".join(itemgetter(*starts)(text))
    ascii_bytes = firsts.encode("ascii", "replace")
    lower = bytearray(ascii_bytes.translate(_ASCII_LOWER))
    capital = bytearray(ascii_bytes.translate(_ASCII_CAPITAL))
    if not firsts.isascii():
        for match in _NOT_ASCII.finditer(firsts):
            char, at = match.group(), match.start()
            lower[at] = char.islower()
            capital[at] = char.isupper() or char.isdigit()
    return np.frombuffer(lower, dtype=np.bool_), np.frombuffer(capital, dtype=np.bool_)


def _starts_lower(text: str, starts: Sequence[int]) -> BoolArray:
    """Per token, whether its first character is lower-case (see ``_first_letters``)."""
    return _first_letters(text, starts)[0]


@dataclass(slots=True)
class _Segment:
    """Working state for one text (a body or a title) between the passes."""

    doc: int
    text: str
    prepared: PreparedText
    in_title: bool
    # (token start, token end, actor) from the table
    aliases: list[tuple[int, int, str]] = field(default_factory=list)
    # (token start, token end, candidate key, title-prefix start token)
    candidates: list[tuple[int, int, str, int]] = field(default_factory=list)
    # alias start token -> title-prefix start token
    alias_prefix: dict[int, int] = field(default_factory=dict)
    # candidate keys seen right after a title ("Defense Secretary Jim Mattis")
    titled: set[str] = field(default_factory=set)
    shouting: set[int] = field(default_factory=set)
    # runs of capitalised tokens found by the scan, each with the alias right after it (if the
    # run joins it), waiting for the story's vocabulary to be named (``_name_runs``)
    runs: list[tuple[list[int], int | None]] = field(default_factory=list)
    # per token, 1 if it starts with a lower-case letter, else 0 (tokens are never empty)
    lowers: bytes = field(init=False)
    # tokens that start with a capital or a digit: the only ones that can begin a name or an
    # alias (``capital_raws`` gives them as written, in the same order)
    capitals: list[int] = field(init=False)
    # the ids of ``capitals`` in ``vocabulary`` (``framing.vocabulary``), when the text's
    # tokens carry ids; else None, and the scan reads the tokens as written
    capital_ids: list[int] | None = field(init=False, default=None)
    vocabulary: Vocabulary | None = field(init=False, default=None)
    # the other tokens that start with neither a lower-case letter nor a capital or digit
    # (a possessive "'s", mostly): read only to count words written in capitals
    others: list[int] = field(init=False)
    # what the scan read of each of ``capitals`` (``framing.actor_table.TokenReading``)
    readings: list[TokenReading] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        """Find the tokens that start with a capital or a digit, without slicing any.

        Why: most tokens of news text start with a lower-case letter, and all a pass needs of
        those is that they do (a token holding a lower-case letter is never all capitals). A
        body whose tokens carry ids reads each token's first-letter class from a table over
        the ids (``_id_classes``: one NumPy take), the rest from the text.
        """
        text, prepared = self.text, self.prepared
        starts = prepared.token_starts
        arrays = prepared.arrays
        if (
            len(starts) >= _FEW_TOKENS
            and arrays is not None
            and arrays.vocabulary is not None
            and len(arrays.ids) == len(starts)
        ):
            ids = arrays.ids
            classes = _id_classes(text, starts, ids, arrays.vocabulary)
            capital = classes == _CAPITAL
            self.lowers = (classes == _LOWER).tobytes()
            self.capitals = np.flatnonzero(capital).tolist()
            self.others = np.flatnonzero(classes == _OTHER).tolist()
            self.capital_ids = ids[capital].tolist()
            self.vocabulary = arrays.vocabulary
        elif len(starts) < _FEW_TOKENS:
            firsts = [text[start] for start in starts]
            self.lowers = bytes(map(str.islower, firsts))
            self.capitals = [
                i for i, first in enumerate(firsts) if first.isupper() or first.isdigit()
            ]
            capital = set(self.capitals)
            self.others = [
                i for i, lower in enumerate(self.lowers) if not lower and i not in capital
            ]
        else:
            lower, capitals = _first_letters(text, starts)
            self.lowers = lower.tobytes()
            self.capitals = np.flatnonzero(capitals).tolist()
            self.others = np.flatnonzero(~(lower | capitals)).tolist()

    @property
    def capital_raws(self) -> list[str]:
        """The tokens of ``capitals`` as written (sliced in C)."""
        prepared = self.prepared
        return _slices(self.text, prepared.token_starts, prepared.token_ends, self.capitals)

    @property
    def raws(self) -> list[str]:
        """Every token as written (the passes read ``lowers`` and ``capitals`` instead)."""
        prepared = self.prepared
        return [
            self.text[start:end]
            for start, end in zip(prepared.token_starts, prepared.token_ends, strict=True)
        ]


# First-letter classes of a token (0: not read yet).
_LOWER, _CAPITAL, _OTHER = 1, 2, 3


class _ClassesById:
    """The first-letter class of each id of one vocabulary read so far (0: not yet read)."""

    __slots__ = ("classes", "vocabulary")

    def __init__(self) -> None:
        self.vocabulary: Vocabulary | None = None
        self.classes = np.zeros(0, dtype=np.int8)


_BY_ID = _ClassesById()
"""The classes of the current vocabulary's ids (one slot, started afresh with a new one)."""


def _id_classes(
    text: str, starts: Sequence[int], ids: npt.NDArray[np.int64], vocabulary: Vocabulary
) -> npt.NDArray[np.int8]:
    """Per token, the class of its first character: ``_LOWER`` (``str.islower``),
    ``_CAPITAL`` (``str.isupper() or str.isdigit()``) or ``_OTHER``.

    Why by id: an id stands for one token as written (``Vocabulary`` is keyed by it), so its
    first character, and the class, is the same wherever it occurs. Each id is read once per
    vocabulary, from the first text that holds it; then a text's classes are one NumPy take
    (a body's few hundred first letters were read one by one before). The table only
    remembers what the text says: a wrong class cannot come from it, only a slower read.
    """
    book = _BY_ID
    if book.vocabulary is not vocabulary:
        book.vocabulary = vocabulary
        book.classes = np.zeros(max(len(vocabulary.norms), 1024), dtype=np.int8)
    table = book.classes
    if len(table) < len(vocabulary.norms):
        table = book.classes = np.concatenate(
            [table, np.zeros(max(len(vocabulary.norms), 2 * len(table)) - len(table), np.int8)]
        )
    classes = table[ids]
    if not classes.all():
        for at in np.flatnonzero(classes == 0).tolist():
            first = text[starts[at]]
            table[ids[at]] = (
                _LOWER
                if first.islower()
                else _CAPITAL
                if first.isupper() or first.isdigit()
                else _OTHER
            )
        classes = table[ids]
    return classes


def _slices(
    text: str, starts: Sequence[int], ends: Sequence[int], indices: Sequence[int]
) -> list[str]:
    """The tokens at ``indices`` as written, sliced in C (``map`` over ``slice`` objects)."""
    if len(indices) < 2:
        return [text[starts[i] : ends[i]] for i in indices]
    pick = itemgetter(*indices)
    return list(map(text.__getitem__, map(slice, pick(starts), pick(ends))))


def _is_name_token(raw: str) -> bool:
    first = raw[0]
    if first.isupper():
        if "-" in raw:
            last = raw.rsplit("-", 1)[1]
            return not (last and last[0].islower())
        return True
    return first.isdigit() and any(c.isupper() for c in raw)


def _is_initial(text: str, prepared: PreparedText, i: int) -> bool:
    if i == 0 or prepared.token_sentence[i] != prepared.token_sentence[i - 1]:
        return True
    j = prepared.token_starts[i] - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in _OPENERS or text[j] == "\n"


def _shouting_sentences(segment: _Segment, shouts: Iterable[bool] | None = None) -> set[int]:
    """Sentences written in capitals: three words or more (of two letters or more), 60% of
    them all capitals. Such a sentence holds at least two all-capitals words, so words are
    counted only in the few sentences that do.

    ``shouts`` says, per capitalised token (``segment.capitals``), whether it is a word in
    capitals (the scan reads it from the table's memory); the few other tokens that do not
    start with a lower-case letter are read here (one starting with a lower-case letter is
    never all capitals).
    """
    prepared, text = segment.prepared, segment.text
    token_sentence = prepared.token_sentence
    starts, ends = prepared.token_starts, prepared.token_ends
    if shouts is None:
        shouts = map(_is_shout, segment.capital_raws)
    upper = list(map(token_sentence.__getitem__, compress(segment.capitals, shouts)))
    others = segment.others
    if others:
        # (``_is_shout``, the cheap half first and in C: most are a possessive "'s")
        raws = _slices(text, starts, ends, others)
        upper.extend(
            token_sentence[i]
            for i, raw in compress(zip(others, raws, strict=True), map(str.isupper, raws))
            if _is_word(raw)
        )
    if len(set(upper)) == len(upper):
        return set()  # no sentence holds two
    counts = Counter(upper)
    candidates = {sentence for sentence, count in counts.items() if count >= 2}
    # Tokens are in text order, so a sentence's tokens are one slice of token_sentence.
    words: Counter[int] = Counter()
    for sentence in candidates:
        first = bisect_left(token_sentence, sentence)
        end = bisect_right(token_sentence, sentence, first)
        words[sentence] = sum(_is_word(text[starts[i] : ends[i]]) for i in range(first, end))
    return {s for s in candidates if words[s] >= 3 and counts[s] >= 0.6 * words[s]}


def _is_shout(raw: str) -> bool:
    """Whether a token is a word written in capitals (see ``_shouting_sentences``)."""
    return raw.isupper() and _is_word(raw)


def _is_word(raw: str) -> bool:
    """Whether a token holds two letters or more (all-letter tokens need no count)."""
    if raw.isalpha():
        return len(raw) >= 2
    return sum(c.isalpha() for c in raw) >= 2
