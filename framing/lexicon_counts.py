"""Count a batch's lexicon hits per article, category and lexicon, in one set of array calls.

``framing.lexicon_scores`` turns these counts into each article's scores. Why a batch: an
article has a few hundred hits, and counting them per article took some twenty NumPy calls
whose fixed cost (1 to 15 us each) was most of the price. Over a batch (``analysis.BATCH_SIZE``
articles) the same calls count every article at once: per-article tables are rows of one
``bincount`` over (article, category) keys, and distinct (sentence, category) pairs are found
on batch-wide sentence numbers. The hits come from ``CompiledLexicons.match_batch``, sorted by
article, lexicon and first token, so every article's hits, and each of its lexicons' hits,
are one slice.

Every sum is taken in the order the per-article code took it (a ``bincount`` adds its weights
in input order, and the hits of an article keep their order), so the scores are the same floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from framing.matching import BatchHits, CompiledLexicons
from framing.model import PreparedText

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

NEGATION_WINDOW = 3
"""How many tokens before a cue a negator may stand and still negate it (VADER uses 3)."""
NEGATORS = frozenset(
    {"not", "no", "never", "without", "hardly", "barely", "scarcely", "neither", "nor", "cannot"}
)
"""Words that negate a following stance cue; any token ending in "n't" does too."""

_EMPTY = np.zeros(0, dtype=np.int64)

_EXACT_LIMIT = 2.0**40
"""Sums of multiples of 1/64 below this (in absolute value) are exact doubles."""


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """A batch's hits counted per article over every lexicon's categories (numbered across
    them, as ``CompiledLexicons.category_offset`` numbers them).

    The columns are the batch's hits in ``BatchHits`` order, with offsets and sentences
    within their own article and categories numbered within their lexicon (after any
    negation swap). Per article ``a``: ``hit_bounds[a]`` are the positions where each of its
    lexicons' hits begin, then where its hits end; ``disordered`` holds (article, lexicon)
    whose hits are not in text order by start (a longer term can start before a shorter one
    that was found first); ``exact[a]`` says every score is a sum of multiples of 1/64 small
    enough to be exact, which ``round(score, 6)`` would return unchanged.
    """

    start: IntArray
    end: IntArray
    sentence: IntArray
    category: IntArray
    weight: FloatArray
    negated: BoolArray
    hit_bounds: list[list[int]]
    disordered: set[tuple[int, int]]
    hit_counts: list[list[int]]
    scores: list[list[float]]
    sentence_counts: list[list[int]]
    negated_counts: list[list[int]]
    with_cue: list[list[int]]
    exact: list[bool]


def count_batch(
    prepared: Sequence[PreparedText], hits: BatchHits, compiled: CompiledLexicons
) -> BatchCounts:
    """Count the hits of a batch of prepared texts (``hits``: their ``match_batch``)."""
    n_docs = len(prepared)
    n_lexicons = len(compiled.lexicons)
    n_all = int(compiled.category_offset[-1])
    entry, doc = hits.entry, hits.document
    lexicon = compiled.entry_lexicon[entry]
    category = compiled.entry_global_category[entry]
    weight = compiled.entry_weight[entry]
    n_hits = len(entry)
    token_sentence = _token_sentences(prepared)
    # each hit's first and last token within its own article, and where each article's
    # hits begin: the offsets are picked from the articles' own tuples (only the hit tokens
    # are read, never the whole batch's columns)
    doc_bounds = np.searchsorted(doc, np.arange(n_docs + 1)).tolist()
    own_base = hits.token_offsets[doc]
    sentence = token_sentence[hits.first]
    offsets = _offset_arrays(prepared)
    if offsets is not None:
        start, end = offsets[0][hits.first], offsets[1][hits.last]
    else:
        start = _pick([text.token_starts for text in prepared], hits.first - own_base, doc_bounds)
        end = _pick([text.token_ends for text in prepared], hits.last - own_base, doc_bounds)
    negated = np.zeros(n_hits, dtype=bool)
    negatable = np.flatnonzero(compiled.lexicon_negates[lexicon])
    if len(negatable):
        flagged = _negated_hits(
            hits.first[negatable],
            own_base[negatable],
            doc[negatable],
            token_sentence,
            [text.token_norms for text in prepared],
        )
        if flagged.any():
            negated[negatable[flagged]] = True
            category = np.where(negated, compiled.negation_swap[category], category)
    per_category = doc * n_all + category
    size = n_docs * n_all
    # sentences numbered across the batch, and the article of each
    sentence_counts_per_doc = [text.n_sentences for text in prepared]
    sentence_base = np.concatenate(([0], np.cumsum(sentence_counts_per_doc)[:-1])).astype(np.int64)
    doc_of_sentence = np.repeat(np.arange(n_docs, dtype=np.int64), sentence_counts_per_doc)
    batch_sentence = sentence + sentence_base[doc]
    segment = doc * n_lexicons + lexicon
    bounds = np.searchsorted(segment, np.arange(n_docs * n_lexicons + 1)).tolist()
    backwards = np.flatnonzero((start[1:] < start[:-1]) & (segment[1:] == segment[:-1]))
    disordered = {divmod(s, n_lexicons) for s in segment[backwards].tolist()}
    scaled = weight * 64.0
    inexact = np.bincount(doc[scaled != np.rint(scaled)], minlength=n_docs)
    magnitude = np.bincount(doc, weights=np.abs(weight), minlength=n_docs)
    has_hits = np.bincount(doc, minlength=n_docs)
    exact = ((has_hits > 0) & (inexact == 0) & (magnitude < _EXACT_LIMIT)).tolist()
    return BatchCounts(
        start,
        end,
        sentence,
        category - compiled.category_offset[lexicon],
        weight,
        negated,
        [bounds[d * n_lexicons : (d + 1) * n_lexicons + 1] for d in range(n_docs)],
        disordered,
        _rows(np.bincount(per_category, minlength=size), n_docs),
        # float sums even when the batch has no hit (bincount then gives ints)
        _rows(np.bincount(per_category, weights=weight, minlength=size).astype(float), n_docs),
        _distinct_counts(batch_sentence, category, n_all, doc_of_sentence, n_docs),
        _rows(np.bincount(per_category[negated], minlength=size), n_docs),
        _distinct_counts(batch_sentence, lexicon, n_lexicons, doc_of_sentence, n_docs),
        exact,
    )


def _rows(counts: npt.NDArray[np.generic], n_docs: int) -> Any:
    """A flat (article, class) table as one list per article (of ints or floats, as the
    table holds)."""
    return counts.reshape(n_docs, -1).tolist()


def _token_sentences(prepared: Sequence[PreparedText]) -> IntArray:
    """Every token's sentence, the batch's articles one after another.

    Read from each article's ``arrays.sentence`` (the tuple's values as an array, made by
    ``prepare``), so no token's int object is touched; an article without arrays (built by
    hand) is read from its tuple.
    """
    parts: list[IntArray] = [_EMPTY]
    for text in prepared:
        arrays = text.arrays
        if arrays is not None and len(arrays.sentence) == len(text.token_sentence):
            parts.append(arrays.sentence)
        else:
            column = text.token_sentence
            parts.append(np.fromiter(column, dtype=np.int64, count=len(column)))
    return np.concatenate(parts).astype(np.int64, copy=False)


def _offset_arrays(prepared: Sequence[PreparedText]) -> tuple[IntArray, IntArray] | None:
    """The batch's token starts and ends, the articles one after another, from the arrays
    ``prepare`` made (``TokenArrays.starts``/``ends``: the tuples' values), or ``None`` when
    an article has none (built by hand), and ``_pick`` reads the tuples instead."""
    starts: list[IntArray] = [_EMPTY]
    ends: list[IntArray] = [_EMPTY]
    for text in prepared:
        arrays = text.arrays
        if arrays is None or arrays.starts is None or arrays.ends is None:
            return None
        if len(arrays.starts) != len(text.token_starts):
            return None
        starts.append(arrays.starts)
        ends.append(arrays.ends)
    return np.concatenate(starts), np.concatenate(ends)


def _pick(columns: Sequence[Sequence[int]], local: IntArray, bounds: list[int]) -> IntArray:
    """``columns[d][i]`` for every index ``i`` of ``local``, where ``local[bounds[d]:bounds[d
    + 1]]`` index article ``d``'s column.

    Why per article: concatenating the batch's columns read every token's int object (most
    of them cold in the CPU's caches) to pick a third of them; here ``itemgetter`` (which
    returns a lone value bare) picks each article's few in C.
    """
    indices = local.tolist()
    picked: list[int] = []
    for index, column in enumerate(columns):
        lo, hi = bounds[index], bounds[index + 1]
        if hi - lo > 1:
            picked += itemgetter(*indices[lo:hi])(column)
        elif hi > lo:
            picked.append(column[indices[lo]])
    return np.fromiter(picked, dtype=np.int64, count=len(indices))


def _distinct_counts(
    batch_sentence: IntArray,
    classes: IntArray,
    size: int,
    doc_of_sentence: IntArray,
    n_docs: int,
) -> list[list[int]]:
    """Per article, how many distinct sentences have a hit of each class (category or
    lexicon, numbered below ``size``).

    The distinct (sentence, class) keys in order are the marked cells of a table over the
    batch's sentences and classes (a few hundred thousand bytes, marked and read in C):
    several times cheaper than sorting the keys. A table that would be much larger than the
    hits (very long articles with few cues) gives way to the sort.
    """
    keys = batch_sentence * size + classes
    cells = len(doc_of_sentence) * size
    if cells <= _TABLE_LIMIT or cells <= 16 * len(keys):
        marks = np.zeros(cells, dtype=bool)
        marks[keys] = True
        distinct = np.flatnonzero(marks)
    else:
        ordered = np.sort(keys)
        distinct = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))[: len(ordered)]]
    owners = doc_of_sentence[distinct // size]
    counts: list[list[int]] = _rows(
        np.bincount(owners * size + distinct % size, minlength=n_docs * size), n_docs
    )
    return counts


_TABLE_LIMIT = 1 << 20
"""Tables of marks up to this many cells (1 MB) are used whatever the number of hits."""


def _negated_hits(
    first: IntArray,
    doc_start: IntArray,
    doc: IntArray,
    token_sentence: IntArray,
    norms: Sequence[Sequence[str]],
) -> BoolArray:
    """Per hit (by its first token in the batch, its article's first token and its article),
    whether a negator stands within ``NEGATION_WINDOW`` tokens before it, in its article and
    sentence (``token_sentence``: the batch's tokens' sentences; ``norms``: each article's).

    The window's tokens are picked for every hit at once; most are not negators, which a
    set lookup mapped in C says, and the "n't" ending is looked for only when some window
    holds an "n't" at all.
    """
    back = np.arange(1, NEGATION_WINDOW + 1, dtype=np.int64)
    position = first[:, None] - back[None, :]
    inside = position >= doc_start[:, None]
    is_negator = np.zeros(position.shape, dtype=bool)
    picked = position[inside]
    if len(picked):
        # the hits come by article, so the picked window tokens do too
        picked_doc = np.broadcast_to(doc[:, None], position.shape)[inside]
        bounds = np.searchsorted(picked_doc, np.arange(len(norms) + 1)).tolist()
        own = picked - np.broadcast_to(doc_start[:, None], position.shape)[inside]
        words: list[str] = []
        indices = own.tolist()
        for index, column in enumerate(norms):
            lo, hi = bounds[index], bounds[index + 1]
            if hi - lo > 1:
                words += itemgetter(*indices[lo:hi])(column)
            elif hi > lo:
                words.append(column[indices[lo]])
        found = np.fromiter(map(NEGATORS.__contains__, words), dtype=bool, count=len(words))
        if "n't" in "\n".join(words):
            found |= np.fromiter(
                (word.endswith("n't") for word in words), dtype=bool, count=len(words)
            )
        first_sentence = token_sentence[first]
        same = (
            token_sentence[picked]
            == np.broadcast_to(first_sentence[:, None], position.shape)[inside]
        )
        is_negator[inside] = found & same
    return np.asarray(is_negator.any(axis=1), dtype=bool)
