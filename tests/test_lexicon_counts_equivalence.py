"""``count_batch`` gives exactly the counts of the code it replaced.

Why: the batch counter was rewritten for speed alone: each token's sentence read from the
articles' ``arrays`` (not their tuples), the hits' offsets and the negation windows' norms
picked from each article's own tuples (not from the batch's columns concatenated), and the
distinct (sentence, class) pairs found by marking a table (not by sorting). Every column and
count must stay the same, down to dtypes, or the scores and the records would change. The old
counter is kept here as the oracle and compared on the bundled corpus, generated articles,
articles without arrays (built by hand), the sort the large tables fall back to, and hostile
text (the scores' own oracle, ``tests/test_record_speed_scores.py``, checks the scores).
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing.lexicon_counts as lexicon_counts
from framing.analysis import Resources, load_resources, prepare_document
from framing.lexicon import parse_lexicon
from framing.lexicon_counts import (
    _EXACT_LIMIT,
    NEGATION_WINDOW,
    NEGATORS,
    BatchCounts,
    BoolArray,
    IntArray,
    count_batch,
)
from framing.loading import load_corpus
from framing.matching import BatchHits, CompiledLexicons
from framing.model import Article, PreparedText
from framing.synthetic import generate_articles
from framing.vocabulary import TokenArrays

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"
STANCE_PAIR = """# name: pair-stance
# kind: counts
# negation: up <-> down
# category: up | Up | cues that go up
# category: down | Down | cues that go down
term\tcategory\tweight\tnote
certain\tup\t0.5\t
may\tdown\t0.25\t
deal\tup\t1\t
system\tdown\t0.3\t
the\tup\t0.1\t
"""


# --------------------------------------------------------------------------------------------
# The oracle: count_batch as it was written before


def _old_count_batch(
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
    token_sentence: list[int] = []
    token_starts: list[int] = []
    token_ends: list[int] = []
    for text in prepared:
        token_sentence += text.token_sentence
        token_starts += text.token_starts
        token_ends += text.token_ends
    firsts = hits.first.tolist()
    sentence = _old_column(token_sentence, firsts)
    start = _old_column(token_starts, firsts)
    end = _old_column(token_ends, hits.last.tolist())
    negated = np.zeros(len(firsts), dtype=bool)
    negatable = np.flatnonzero(compiled.lexicon_negates[lexicon])
    if len(negatable):
        norms: list[str] = []
        for text in prepared:
            norms += text.token_norms
        own_first = hits.first[negatable]
        flagged = _old_negated_hits(
            own_first,
            hits.token_offsets[doc[negatable]],
            sentence[negatable],
            token_sentence,
            norms,
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
        _old_rows(np.bincount(per_category, minlength=size), n_docs),
        # float sums even when the batch has no hit (bincount then gives ints)
        _old_rows(np.bincount(per_category, weights=weight, minlength=size).astype(float), n_docs),
        _old_distinct_counts(batch_sentence, category, n_all, doc_of_sentence, n_docs),
        _old_rows(np.bincount(per_category[negated], minlength=size), n_docs),
        _old_distinct_counts(batch_sentence, lexicon, n_lexicons, doc_of_sentence, n_docs),
        exact,
    )


def _old_rows(counts: npt.NDArray[np.generic], n_docs: int) -> Any:
    """A flat (article, class) table as one list per article (of ints or floats, as the
    table holds)."""
    return counts.reshape(n_docs, -1).tolist()


def _old_column(values: Sequence[int], indices: list[int]) -> IntArray:
    """``np.asarray(values)[indices]`` for indices into a long list: picked in C by
    ``itemgetter`` (which returns a lone value bare), then read by ``np.fromiter``."""
    picked = itemgetter(*indices)(values) if len(indices) > 1 else [values[i] for i in indices]
    return np.fromiter(picked, dtype=np.int64, count=len(indices))


def _old_distinct_counts(
    batch_sentence: IntArray,
    classes: IntArray,
    size: int,
    doc_of_sentence: IntArray,
    n_docs: int,
) -> list[list[int]]:
    """Per article, how many distinct sentences have a hit of each class (category or
    lexicon, numbered below ``size``)."""
    ordered = np.sort(batch_sentence * size + classes)
    distinct = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))[: len(ordered)]]
    owners = doc_of_sentence[distinct // size]
    counts: list[list[int]] = _old_rows(
        np.bincount(owners * size + distinct % size, minlength=n_docs * size), n_docs
    )
    return counts


def _old_negated_hits(
    first: IntArray,
    doc_start: IntArray,
    sentence: IntArray,
    token_sentence: Sequence[int],
    norms: Sequence[str],
) -> BoolArray:
    """Per hit (by its first token in the batch, its article's first token and its sentence),
    whether a negator stands within ``NEGATION_WINDOW`` tokens before it, in its article and
    sentence.

    The window's tokens are picked for every hit at once; most are not negators, which a
    set lookup mapped in C says, and the "n't" ending is looked for only when some window
    holds an "n't" at all.
    """
    back = np.arange(1, NEGATION_WINDOW + 1, dtype=np.int64)
    position = first[:, None] - back[None, :]
    inside = position >= doc_start[:, None]
    picked = position[inside].tolist()
    is_negator = np.zeros(position.shape, dtype=bool)
    if picked:
        words = [norms[i] for i in picked] if len(picked) == 1 else itemgetter(*picked)(norms)
        found = np.fromiter(map(NEGATORS.__contains__, words), dtype=bool, count=len(picked))
        if "n't" in "\n".join(words):
            found |= np.fromiter(
                (word.endswith("n't") for word in words), dtype=bool, count=len(picked)
            )
        same = (
            _old_column(token_sentence, picked)
            == np.broadcast_to(sentence[:, None], position.shape)[inside]
        )
        is_negator[inside] = found & same
    return np.asarray(is_negator.any(axis=1), dtype=bool)


# --------------------------------------------------------------------------------------------
# Comparison


def assert_same_counts(counts: BatchCounts, expected: BatchCounts) -> None:
    for field in dataclasses.fields(BatchCounts):
        value, old = getattr(counts, field.name), getattr(expected, field.name)
        if isinstance(old, np.ndarray):
            assert isinstance(value, np.ndarray), field.name
            assert value.dtype == old.dtype, field.name
            assert np.array_equal(value, old), field.name
        else:
            assert value == old, field.name
            assert repr(value) == repr(old), field.name  # float bits, int vs float


def assert_counted_as_before(prepared: Sequence[PreparedText], compiled: CompiledLexicons) -> None:
    hits = compiled.match_batch(prepared, None)
    expected = _old_count_batch(prepared, hits, compiled)
    assert_same_counts(count_batch(prepared, hits, compiled), expected)
    # articles without arrays (built by hand) are read from their tuples
    bare = [dataclasses.replace(text, arrays=None) for text in prepared]
    assert_same_counts(count_batch(bare, hits, compiled), expected)
    # arrays without the offsets (made before they were kept): the offsets from the tuples
    for text in prepared:
        assert text.arrays is not None and text.arrays.starts is not None
        assert text.arrays.starts.tolist() == list(text.token_starts)
        assert text.arrays.ends is not None
        assert text.arrays.ends.tolist() == list(text.token_ends)
    no_offsets = [
        dataclasses.replace(
            text,
            arrays=TokenArrays(text.arrays.sentence, text.arrays.ids, text.arrays.vocabulary),
        )
        for text in prepared
        if text.arrays is not None
    ]
    assert_same_counts(count_batch(no_offsets, hits, compiled), expected)
    # pickled (as a report's worker sends them): the offsets travel, the ids do not
    assert_same_counts(count_batch(pickle.loads(pickle.dumps(prepared)), hits, compiled), expected)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="module")
def pair_compiled(resources: Resources) -> CompiledLexicons:
    return CompiledLexicons([*resources.compiled.lexicons, parse_lexicon(STANCE_PAIR, "test")])


def _prepared(articles: Sequence[Article]) -> list[PreparedText]:
    return [prepare_document(article).prepared for article in articles]


def test_bundled_corpus_is_counted_as_before(
    resources: Resources, pair_compiled: CompiledLexicons
) -> None:
    prepared = _prepared(list(load_corpus(CORPUS)))
    assert_counted_as_before(prepared, resources.compiled)
    assert_counted_as_before(prepared, pair_compiled)


def test_generated_articles_are_counted_as_before(
    resources: Resources, pair_compiled: CompiledLexicons
) -> None:
    prepared = _prepared([Article(**r) for r in generate_articles(150, seed=11)])
    assert_counted_as_before(prepared, resources.compiled)
    assert_counted_as_before(prepared, pair_compiled)


def test_the_sort_behind_large_tables_counts_as_before(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon_counts, "_TABLE_LIMIT", 0)
    prepared = _prepared([Article(**r) for r in generate_articles(40, seed=5)])
    hits = resources.compiled.match_batch(prepared, None)
    assert_same_counts(
        count_batch(prepared, hits, resources.compiled),
        _old_count_batch(prepared, hits, resources.compiled),
    )
    # one long article with few cues: the table is much larger than the hits
    long_text = "Ankara said so. " * 3000 + "The deal may not be certain."
    prepared = _prepared([Article("long", "O", long_text), Article("b", "O", "No deal.")])
    hits = resources.compiled.match_batch(prepared, None)
    assert_same_counts(
        count_batch(prepared, hits, resources.compiled),
        _old_count_batch(prepared, hits, resources.compiled),
    )


HAZARDS = [
    "not", "no", "never", "can't", "don't", "won't", "isn't", "n't", "nor", "cannot",
    "certain", "certainly", "clearly", "may", "might", "perhaps", "claimed", "said", "deal",
    "system", "missile", "Turkey", "Russia", "threat", "the", "a", ",", ".", ";", "\n\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.lists(st.sampled_from(HAZARDS), max_size=60).map(" ".join),
            st.text(st.characters(exclude_categories=["Cs"]), max_size=60),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_hostile_batches_are_counted_as_before(
    resources: Resources, pair_compiled: CompiledLexicons, texts: list[str]
) -> None:
    prepared = _prepared([Article(f"a{i}", "O", text) for i, text in enumerate(texts)])
    assert_counted_as_before(prepared, resources.compiled)
    assert_counted_as_before(prepared, pair_compiled)
