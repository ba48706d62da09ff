"""Split article text into word and number tokens with one compiled regular expression.

Why one regex pass: the tool prepares tens of thousands of articles, and a single ``re.split``
over the whole text is linear and runs in C; only the per-token bookkeeping is Python.

What counts as a token (everything else, punctuation included, is skipped):

- a word: letters of any script with their combining marks ("Erdoğan", "हिन्दी"), digits,
  and internal hyphens, apostrophes or zero-width (non-)joiners ("S-400", "air-defence",
  "don't", "O’Brien"); underscores, dashes (– —) and emoji separate words;
- a number: digits with internal ``.`` or ``,`` between digits ("2.5", "5,400", "1990s");
  a currency sign is not part of the token ("$2.5" gives "2.5"): the sign is punctuation like
  any other, and an analyzer that needs it can read the character before the token;
- a dotted initialism ("U.S.", "e.g.", "U.S.S.R."), as one token with its final period;
- a possessive ending "'s" or "’s", split off as its own token ("Turkey’s" gives "Turkey"
  and "’s"), so the noun is counted with its other uses. Any apostrophe-s at the end of a
  word is split this way, so "it's" gives "it" and "'s" (as in NLTK's Treebank tokenizer).

Offsets always index the original text: ``text[start:end]`` is the token as written. The
norm is for counting and lexicon lookup: lower-cased, Unicode NFC, curly apostrophes (’ ‘ ʼ)
as ASCII ``'``, typographic hyphens (‐ ‑) as ``-``, soft hyphens removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import accumulate, chain
from operator import itemgetter

import numpy as np

from framing import vocabulary as vocabularies
from framing.vocabulary import IntArray, Vocabulary

_APOSTROPHES = "'\u2019\u2018\u02bc"
_HYPHENS = "\\-\u2010\u2011\u00ad"
_ZERO_WIDTH_JOINERS = "\u200c\u200d"


_NORM_TABLE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u00ad": None}
)


def _mark_ranges(codes: Iterable[int]) -> str:
    """Return a regex character class body listing the combining marks (category M*) in codes.

    Why: ``re``'s ``\\w`` covers letters and digits but not combining marks, so without them
    "हिन्दी" or a decomposed "Erdoğan" would fall apart at every vowel sign or accent.
    """
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}"
        for first, last in ranges
    )


@cache
def _marks(astral: bool) -> str:
    """Return the class of combining marks, with or without those beyond U+FFFF (see
    ``token_pattern``)."""
    codes: Iterable[int] = range(0x10000)
    if astral:
        # Planes 0-1 and the variation selectors supplement hold every combining mark.
        codes = chain(range(0x20000), range(0xE0100, 0xE01F0))
    return f"[{_mark_ranges(codes)}]"


# A letter or digit: \w without "_" and without ʼ (U+02BC, a letter by category, but in news
# text an apostrophe).
_ALNUM = r"[^\W_\u02bc]"
_LETTER = r"[^\W\d_\u02bc]"
# The ASCII letters and digits, as a class body (see _splitter for why they are listed).
_ASCII_ALNUM = "0-9A-Za-z"


@cache
def token_pattern(astral: bool = True) -> re.Pattern[str]:
    """Compile the token regex once (building its mark class takes a few milliseconds).

    With ``astral=False`` the pattern knows only the combining marks of the Basic
    Multilingual Plane. It matches exactly like the full one on text without characters
    beyond U+FFFF, and twice as fast (measured): ``re`` tests a class of BMP characters with a
    bitmap, but one that reaches beyond U+FFFF range by range.
    """
    return re.compile(_token_regex(astral))


@cache
def _token_regex(astral: bool) -> str:
    """Return the source of ``token_pattern(astral)``, which ``_splitter`` builds on without
    compiling it alone (that took as long as building the mark class)."""
    return _token_source(_ALNUM, _LETTER, r"\d", _marks(astral))


def _token_source(alnum: str, letter: str, digit: str, marks: str | None) -> str:
    """Return the token regex over the given classes of letters and digits, letters, digits
    and combining marks (``None``: text with no mark, where every mark part is left out)."""
    mark_run = f"(?:{marks}+{alnum}*)*" if marks else ""
    letter_marks = f"{marks}*" if marks else ""
    after_mark = f"|(?<={marks})" if marks else ""
    core = rf"{alnum}+{mark_run}"
    # Digits may be joined by "." or "," ("2.5", "5,400", "2.5bn"), nothing else may.
    segment = rf"{core}(?:(?<={digit})[.,](?={digit}){core})*"
    # An apostrophe joins two parts of a word unless it starts a final "'s" (a possessive).
    joiner = rf"(?:[{_HYPHENS}{_ZERO_WIDTH_JOINERS}]|[{_APOSTROPHES}](?![sS](?!{alnum})))"
    word = rf"{segment}(?:{joiner}{segment})*"
    initialism = rf"{letter}{letter_marks}(?:\.{letter}{letter_marks})+(?!{alnum})\.?"
    possessive = rf"(?:(?<={alnum}){after_mark}|(?<=\.))[{_APOSTROPHES}][sS](?!{alnum})"
    return f"{initialism}|{word}|{possessive}"


def normalize_token(token: str) -> str:
    """Return the norm of one token as written: what counting and lexicon lookup compare.

    Cached because news text repeats its words: most tokens of an article were seen before.
    """
    return _NORMS[token]


def _norm(token: str) -> str:
    """Compute the norm of one token (see the module docstring); ``normalize_token`` caches it."""
    norm = token.lower()
    if norm.isascii():
        return norm
    return unicodedata.normalize("NFC", norm.translate(_NORM_TABLE))


NORM_CACHE_SIZE = 1 << 16
"""How many distinct tokens keep their norm (about 10 MB; a news vocabulary's common part)."""


class _NormCache(dict[str, str]):
    """Norms by token as written, computed on first lookup, at most ``NORM_CACHE_SIZE`` of them.

    Why a dict rather than ``functools.lru_cache``: ``map(cache.__getitem__, tokens)`` finds
    each seen token in C with no bookkeeping, and only a miss calls Python (``__missing__``);
    measured: a third faster than the ``lru_cache`` it replaces, which had the same size.
    When full it is emptied rather than trimmed by age: a norm is a pure function of the
    token, so what is evicted changes only the time, never a norm.
    """

    def __missing__(self, token: str) -> str:
        if len(self) >= NORM_CACHE_SIZE:
            self.clear()
        norm = self[token] = _norm(token)
        return norm


_NORMS = _NormCache()


def cased_form(token: str) -> str:
    """Return a token as written but with the norm's other normalisation (apostrophes, NFC):
    what a case-sensitive lexicon compares, so "US" and "us" differ but "Russia’s" does not
    differ from "Russia's"."""
    if token.isascii():
        return token
    return unicodedata.normalize("NFC", token.translate(_NORM_TABLE))


def tokenize(text: str) -> tuple[list[int], list[int], list[str]]:
    """Return the word and number tokens of ``text`` as parallel lists (starts, ends, norms).

    Columns rather than one object per token, because a large corpus has millions of tokens.
    ``text[starts[i]:ends[i]]`` is token ``i`` exactly as written; ``norms[i]`` is its
    normalised form (see the module docstring).

    Examples
    --------
    >>> starts, ends, norms = tokenize("Turkey’s S-400 cost $2.5 billion.")
    >>> norms
    ['turkey', "'s", 's-400', 'cost', '2.5', 'billion']
    """
    starts, ends, norms = token_columns(text)
    return list(starts), list(ends), list(norms)


def token_columns(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """Return what ``tokenize`` returns, as tuples: the columns ``PreparedText`` stores.

    Why tuples: ``prepare`` keeps the columns as tuples, and building them here saves copying
    three lists of a few hundred items per article.
    """
    # Split on the pattern, kept as a group: the pieces alternate gap, token, gap, ..., gap, so
    # running totals of their lengths are the offsets. Everything stays in C: no match object
    # per token. Measured with the cached norms: tokenize is a fifth faster than with finditer
    # and start(), end() and group() per token.
    pieces = split_pieces(text)
    offsets = tuple(accumulate(map(len, pieces)))
    return offsets[0:-1:2], offsets[1::2], tuple(map(_NORMS.__getitem__, pieces[1::2]))


def token_id_columns(
    text: str,
) -> tuple[
    tuple[int, ...], tuple[int, ...], tuple[str, ...], IntArray, Vocabulary, IntArray, IntArray
]:
    """Return what ``token_columns`` returns, each token's id in the run's vocabulary
    (``framing.vocabulary``) with that vocabulary, and the starts and ends again as arrays.

    The one dict lookup per token gives the id, and the norm is read from the id in C
    (``itemgetter``): the norms are the same (``Vocabulary`` computes them with ``_norm``, as
    ``normalize_token`` does). A full vocabulary is replaced before the article, never in the
    middle of it, so all its ids belong to the vocabulary returned.

    The offsets are the running totals of the pieces' lengths, summed by NumPy: the arrays
    come from that one sum and the tuples from the arrays (``tolist``), where summing in
    Python and filling each array from a tuple again made every offset twice (measured: the
    offsets an eighth faster). The two arrays are the rows of one ``(2, n)`` array, each
    contiguous, as when they were filled one by one.
    """
    pieces = split_pieces(text)
    count = len(pieces)
    # The pieces alternate gap, token, gap, ..., gap: a token starts after the pieces before
    # it, and ends after its own.
    offsets = np.fromiter(map(len, pieces), np.int64, count).cumsum()
    columns = offsets[:-1].reshape(count // 2, 2).T.copy()
    start_array, end_array = columns
    words = pieces[1::2]
    vocabulary = _VOCABULARY[0]
    if len(vocabulary) + len(words) > vocabularies.VOCABULARY_SIZE:
        vocabulary = _VOCABULARY[0] = Vocabulary(_norm)
    ids = list(map(vocabulary.__getitem__, words))
    if len(ids) > 1:
        norms: tuple[str, ...] = itemgetter(*ids)(vocabulary.norms)
    else:  # (itemgetter gives one index's value bare)
        norms = tuple(vocabulary.norms[i] for i in ids)
    id_array = np.fromiter(ids, dtype=np.int64, count=len(ids))
    starts = tuple(start_array.tolist())
    ends = tuple(end_array.tolist())
    return starts, ends, norms, id_array, vocabulary, start_array, end_array


_VOCABULARY = [Vocabulary(_norm)]
"""The vocabulary ``token_id_columns`` numbers tokens in (one slot, replaced when full)."""


def _has_astral(text: str) -> bool:
    """Return whether ``text`` holds a character beyond U+FFFF.

    Each such character is two UTF-16 code units and every other one unit (a lone surrogate,
    which JSON can carry, too, with ``surrogatepass``), so the encoded length tells; encoding
    is a copy in C (measured: five times faster than searching with a regex class).
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _word_is_alnum(text: str) -> bool:
    """Return whether ``\\w`` matches only letters and digits in ``text``: whether it holds
    neither "_" nor "ʼ" (U+02BC), the two word characters that ``token_pattern`` does not count
    as letters or digits (ʼ is an apostrophe there)."""
    return "_" not in text and "\u02bc" not in text


@cache
def _splitter(astral: bool, word_is_alnum: bool = False) -> re.Pattern[str]:
    """Return ``token_pattern(astral)`` as one capturing group, for ``re.split``, with a
    shortcut for plain words tried first.

    Why this finds the same tokens: the pattern has no group of its own, so ``split`` returns
    exactly the text of each match between the gaps, and it scans like ``finditer``.

    Every token starts with a word character or an apostrophe (a possessive), so the leading
    lookahead matches nothing new; it lets the search skip spaces and punctuation with one
    test instead of trying each alternative (measured: a tenth faster). Its class also holds
    "_", where every alternative then fails, because one class is cheaper than two.

    The shortcut: a run of letters and digits, taken whole (possessively, so never a shorter
    part of it), followed by nothing that could extend a token: no combining mark, apostrophe,
    hyphen or zero-width joiner, and no "." or "," before a letter or digit. Where it matches,
    the full pattern matches the same run: an initialism needs a "." or a mark right after its
    first letter, and a word's letters and digits run to the same end, where none of its
    extensions (mark, "." or "," between digits, joiner) can start. Where it does not match,
    the full pattern is tried as before. Most tokens of news text are such runs, and the
    shortcut takes them with three tests instead of the full pattern's many (measured: the
    split a third faster).

    With ``word_is_alnum`` (for text where ``_word_is_alnum`` holds) the shortcut's class is
    ``\\w``, the same characters there, and one test cheaper than "``\\w`` but not "_" or
    "ʼ"" (measured: the split 6% faster).

    ASCII letters and digits are listed in front of ``\\w`` (in the lookahead, and in the
    shortcut's ``\\w``): they are word characters already, so the classes are the same, but
    ``re`` tests a class's listed characters first, with a bitmap, and ``\\w`` by looking the
    character up in the Unicode database; most characters of news text are ASCII letters
    (measured: the split a tenth faster).
    """
    alnum = rf"[{_ASCII_ALNUM}\w]" if word_is_alnum else _ALNUM
    extends = rf"[{_marks(astral)[1:-1]}{_APOSTROPHES}{_HYPHENS}{_ZERO_WIDTH_JOINERS}]|[.,]{alnum}"
    plain = rf"{alnum}++(?!{extends})"
    return re.compile(rf"(?=[{_ASCII_ALNUM}\w{_APOSTROPHES}])({plain}|{_token_regex(astral)})")


_ASCII_BYTES = bytes(range(0x80))


def split_pieces(text: str) -> list[str]:
    """Return ``re.split`` of ``text`` on its tokens: gap, token, gap, ..., gap.

    Why two splitters: where every letter and digit of the text is ASCII and it holds no
    combining mark, ``_ascii_splitter`` finds the same tokens as ``_splitter`` without asking
    the Unicode database whether a character is a word character: its classes list the ASCII
    letters and digits, which are all the text's (measured: the split a quarter faster).
    News text in English is mostly such text even when it is not ASCII: its other characters
    are quotation marks, dashes and spaces.

    The test reads only the text's non-ASCII characters: encoded as UTF-8, those are exactly
    the bytes of 0x80 and above, which one ``translate`` keeps (in C; measured a few
    microseconds an article, a regex search of the whole text took three times as long).
    They also tell whether the text has a character beyond U+FFFF and a "ʼ", which picks the
    full splitter as before ("_" is ASCII, so that test reads the text).
    """
    if not text.isascii():
        others = (
            text.encode("utf-8", "surrogatepass")
            .translate(None, _ASCII_BYTES)
            .decode("utf-8", "surrogatepass")
        )
        if _not_ascii_word().search(others) is not None:
            splitter = _splitter(
                astral=_has_astral(others), word_is_alnum="_" not in text and _word_is_alnum(others)
            )
            return splitter.split(text)
    return _ascii_splitter().split(text)


@cache
def _not_ascii_word() -> re.Pattern[str]:
    """Compile what stops ``_ascii_splitter`` from splitting a text as ``_splitter`` does: a
    letter or digit (``_ALNUM``), or a combining mark, beyond ASCII (searched for only among
    the text's non-ASCII characters)."""
    return re.compile(f"{_ALNUM}|{_marks(True)}")


@cache
def _ascii_splitter() -> re.Pattern[str]:
    """Return ``_splitter`` for text whose letters and digits are all ASCII, with no mark.

    Why it splits such text the same: there ``_ALNUM`` matches exactly ``[0-9A-Za-z]`` (the
    ASCII word characters but "_"), ``_LETTER`` exactly ``[A-Za-z]`` and ``\\d`` exactly
    ``[0-9]``; the mark class matches nothing, so every part that needs a mark can be left
    out ("a run of letters, then marks and letters" is "a run of letters"). "ʼ" (U+02BC), a
    letter by category, is an apostrophe in both. The leading lookahead leaves out "_", where
    every alternative fails anyway (see ``_splitter``).
    """
    alnum = f"[{_ASCII_ALNUM}]"
    extends = rf"[{_APOSTROPHES}{_HYPHENS}{_ZERO_WIDTH_JOINERS}]|[.,]{alnum}"
    plain = rf"{alnum}++(?!{extends})"
    full = _token_source(alnum, "[A-Za-z]", "[0-9]", None)
    return re.compile(rf"(?=[{_ASCII_ALNUM}{_APOSTROPHES}])({plain}|{full})")
