"""The evidence writer: its sort keys, and its batch writer against the per-article one.

``framing.evidence_text`` orders an article's evidence by start, end and (layer, label) with
integer keys, fitting the quote and speaker pairs between the fixed pairs of its lexicons and
the tone words. Ties between two quote or speaker pairs on one span are too rare in real text
for the record tests to reach every case, so the keys are checked here directly.

``EvidenceText.texts`` writes a whole batch with one set of NumPy calls; the per-article
writer it replaced is kept here (``_OldEvidenceText``) as the oracle, compared on the bundled
corpus, generated articles, odd lexicons (ties, signed zeros, rounding) and hostile text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import evidence_text
from framing.analysis import (
    ArticleAnalysis,
    Resources,
    analyze_documents,
    load_resources,
    prepare_document,
)
from framing.evidence_text import (
    _NEGATED_END,
    _NEGATIVE,
    _POSITIVE,
    _SPAN,
    EvidenceText,
    Pair,
    _head,
    _HitLayout,
    _order,
)
from framing.lexicon import parse_lexicon
from framing.lexicon_scores import ArticleLexiconScores
from framing.loading import load_corpus
from framing.model import Article
from framing.record_text import TextMemo
from framing.synthetic import generate_articles

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

names = st.sampled_from(["", "a", "b", "quote", "speaker", "tone", "unknown", "Z", "é", "zz"])
pairs = st.tuples(names, names)
lexicons = st.lists(
    st.tuples(names, st.lists(names, min_size=1, max_size=4, unique=True)),
    max_size=4,
    unique_by=lambda lexicon: lexicon[0],
)


@settings(max_examples=300, deadline=None)
@given(lexicons, st.lists(pairs, max_size=12))
def test_keys_order_as_the_pairs_do(
    lexicon_specs: list[tuple[str, list[str]]], others: list[tuple[str, str]]
) -> None:
    scores = [SimpleNamespace(lexicon=name, category_ids=tuple(ids)) for name, ids in lexicon_specs]
    layout = _HitLayout(scores)  # type: ignore[arg-type]
    scale, other_keys = layout.ranks(others)
    keyed = {pair: rank * scale for rank, pair in enumerate(layout.ranked)}
    assert all(keyed.get(pair, key) == key for pair, key in other_keys.items())
    keyed.update(other_keys)
    assert set(other_keys) == set(others)
    ordered = sorted(keyed)
    assert sorted(keyed, key=keyed.__getitem__) == ordered
    assert len(set(keyed.values())) == len(keyed)  # equal keys only for equal pairs
    # the hits' ranks are their pairs' places among the fixed pairs
    fixed = [(name, label) for name, ids in lexicon_specs for label in ids]
    assert [layout.ranked[r] for r in layout.category_rank.tolist()] == fixed


# --------------------------------------------------------------------------------------------
# The oracle: the per-article writer as it was


class _OldEvidenceText:
    """``EvidenceText`` as it was: one article at a time, with NumPy calls per article."""

    def __init__(self, memo: TextMemo) -> None:
        self._memo = memo
        self._heads: dict[Pair, str] = {}
        self._layouts: dict[tuple[tuple[str, tuple[str, ...]], ...], _HitLayout] = {}
        self._plain: dict[Pair, str] = {}
        self._tone_tails: dict[float, str] = {}

    def _head(self, pair: Pair) -> str:
        head = self._heads.get(pair)
        if head is None:
            head = self._heads[pair] = _head(*pair)
        return head

    def _layout(self, lexicons: Sequence[ArticleLexiconScores]) -> _HitLayout:
        key = tuple((s.lexicon, s.category_ids) for s in lexicons)
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = _HitLayout(lexicons)
        return layout

    def text(self, analysis: ArticleAnalysis) -> str:
        """The evidence records of one analysed article, comma-separated."""
        layout = self._layout(analysis.lexicons)
        starts, ends, categories, tails = self._hits(analysis.lexicons, layout)
        # Quotes (quote_evidence's spans: the quoted words, then the speaker as written when
        # known; weight 1.0, never negated), in Python: about 50 spans.
        quote_starts: list[int] = []
        quote_ends: list[int] = []
        quote_pairs: list[Pair] = []
        for quote in analysis.quotes:
            label = quote.speaker or "unknown"
            quote_starts.append(quote.start)
            quote_ends.append(quote.end)
            quote_pairs.append(("quote", label))
            if 0 <= quote.speaker_start < quote.speaker_end:
                quote_starts.append(quote.speaker_start)
                quote_ends.append(quote.speaker_end)
                quote_pairs.append(("speaker", label))
        tone = analysis.tone
        if not len(starts) and not quote_starts and not tone.word_starts:
            return ""
        plain = self._plain
        quote_tails = [plain.get(pair) or self._plain_tail(pair) for pair in quote_pairs]
        tone_tails = self._tone_tails
        valences = tone.word_valences
        word_tails = [tone_tails.get(v) or self._tone_tail(v) for v in valences]
        scale, quote_keys = layout.ranks(quote_pairs)
        negative_rank, positive_rank = layout.tone_rank
        positive = np.asarray(valences, dtype=np.float64) > 0
        keys = np.concatenate(
            (
                layout.category_rank[categories] * scale,
                np.asarray([quote_keys[pair] for pair in quote_pairs], dtype=np.int64),
                np.where(positive, positive_rank, negative_rank).astype(np.int64) * scale,
            )
        )
        all_starts = np.concatenate(
            (starts, np.asarray(quote_starts + list(tone.word_starts), dtype=np.int64))
        )
        all_ends = np.concatenate(
            (ends, np.asarray(quote_ends + list(tone.word_ends), dtype=np.int64))
        )
        all_tails = np.concatenate((tails, np.asarray(quote_tails + word_tails, dtype=object)))
        # a stable sort by start, end and (layer, label): ties keep the gathered order
        order = np.lexsort((keys, all_ends, all_starts))
        # one %-format of a template repeated per record, its values interleaved by NumPy
        values = np.empty((len(order), 3), dtype=object)
        values[:, 0] = all_starts[order]
        values[:, 1] = all_ends[order]
        values[:, 2] = all_tails[order]
        return ",".join([_SPAN] * len(order)) % tuple(values.ravel().tolist())

    def _plain_tail(self, pair: Pair) -> str:
        """A quote's or speaker's record text after its offsets (weight 1.0)."""
        tail = self._plain[pair] = self._head(pair) + self._memo.round4(1.0) + "}"
        return tail

    def _tone_tail(self, valence: float) -> str:
        """A tone word's record text after its offsets: its label is its valence's sign."""
        pair = _POSITIVE if valence > 0 else _NEGATIVE
        tail = self._tone_tails[valence] = self._head(pair) + self._memo.round4(valence) + "}"
        return tail

    def _hits(
        self, lexicons: Sequence[ArticleLexiconScores], layout: _HitLayout
    ) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.object_]
    ]:
        """Every lexicon hit's start, end, category (numbered across the lexicons) and
        record text after its offsets, in the order ``ArticleAnalysis.evidence`` gathers them.

        A tail depends on the category, the weight and the negation only, so it is made once
        per distinct triple: weights are told apart by their bits (so 0.0 and -0.0, whose
        texts differ, stay apart).
        """
        with_hits = [
            (scores, offset)
            for scores, offset in zip(lexicons, layout.offsets, strict=True)
            if len(scores.hit_start)
        ]
        if not with_hits:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, np.zeros(0, dtype=object)
        starts = np.concatenate([s.hit_start for s, _ in with_hits]).astype(np.int64, copy=False)
        ends = np.concatenate([s.hit_end for s, _ in with_hits]).astype(np.int64, copy=False)
        categories = np.concatenate([s.hit_category + offset for s, offset in with_hits]).astype(
            np.int64, copy=False
        )
        weights = np.concatenate([s.hit_weight for s, _ in with_hits]).astype(np.float64)
        negated = np.concatenate([s.hit_negated for s, _ in with_hits]).astype(np.int64)
        weight_bits, weight_index = np.unique(weights.view(np.int64), return_inverse=True)
        codes = (categories * len(weight_bits) + weight_index.reshape(-1)) * 2 + negated
        distinct, code_index = np.unique(codes, return_inverse=True)
        weight_texts = list(map(self._memo.round4, weight_bits.view(np.float64).tolist()))
        heads = layout.heads
        texts = []
        for code in distinct.tolist():
            rest, is_negated = divmod(code, 2)
            category, weight = divmod(rest, len(weight_bits))
            end = _NEGATED_END if is_negated else "}"
            texts.append(heads[category] + weight_texts[weight] + end)
        tails = np.asarray(texts, dtype=object)[code_index.reshape(-1)]
        return starts, ends, categories, tails


# --------------------------------------------------------------------------------------------
# The batch writer against the oracle

ODD = """# name: odd
# kind: counts
# negation: up <-> down
# category: up | Up | goes up
# category: down | Down | goes down
# category: quote | Q | sorts among the quote pairs
term\tcategory\tweight\tnote
certain\tup\t0.123456789\t
deal\tdown\t-0.0\t
system\tup\t0.0\t
said\tquote\t3.14159265\t
missile\tdown\t-0.00005\t
the\tup\t1\t
"""


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="module")
def odd_resources() -> Resources:
    return load_resources((parse_lexicon(ODD, "odd.tsv"),))


def _analyses(articles: Sequence[Article], resources: Resources) -> list[ArticleAnalysis]:
    return analyze_documents([prepare_document(article) for article in articles], resources)


def assert_batch_as_before(analyses: Sequence[ArticleAnalysis]) -> None:
    old = _OldEvidenceText(TextMemo())
    expected = [old.text(analysis) for analysis in analyses]
    assert EvidenceText(TextMemo()).texts(analyses) == expected
    # and article by article, with one memo across them
    one = EvidenceText(TextMemo())
    assert [one.text(analysis) for analysis in analyses] == expected


def test_bundled_and_generated_batches(resources: Resources, odd_resources: Resources) -> None:
    articles = list(load_corpus(CORPUS))
    articles += [Article(**record) for record in generate_articles(40, seed=9, words=200)]
    for chosen in (resources, odd_resources):
        analyses = _analyses(articles, chosen)
        assert_batch_as_before(analyses)
        assert_batch_as_before(analyses[3:4])
        assert EvidenceText(TextMemo()).texts([]) == []


def test_articles_with_other_lexicons_in_one_batch(
    resources: Resources, odd_resources: Resources
) -> None:
    articles = [Article(**record) for record in generate_articles(6, seed=2, words=120)]
    mixed = _analyses(articles[:3], resources) + _analyses(articles[3:], odd_resources)
    assert_batch_as_before(mixed)


def test_articles_without_spans_between_others(resources: Resources) -> None:
    texts = ["", "Nothing.", "“It is a threat,” Mr. Okafor said. The deal is good.", ".", ""]
    analyses = _analyses([Article(f"a{i}", "O", t) for i, t in enumerate(texts)], resources)
    assert_batch_as_before(analyses)
    assert_batch_as_before(analyses[:1])


HAZARDS = [
    "not", "no", "certain", "certainly", "may", "said", "claimed", "deal", "system", "missile",
    "the", "Turkey", "Russia", "threat", "good", "bad", "welcome", "Mr.", "Okafor", "“", "”",
    '"', ",", ".", "\n\n", "said:", "according to",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(HAZARDS), max_size=60).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_text, min_size=1, max_size=5))
def test_hostile_batches_are_written_as_before(
    resources: Resources, odd_resources: Resources, texts: list[str]
) -> None:
    articles = [Article(f"a{i}", "O", text) for i, text in enumerate(texts)]
    assert_batch_as_before(_analyses(articles, resources))
    assert_batch_as_before(_analyses(articles, odd_resources))


def test_shifted_hits_and_signed_zero_weights(odd_resources: Resources) -> None:
    """Hits out of text order, with -0.0 and 0.0 weights, in several articles."""
    articles = [Article(**record) for record in generate_articles(4, seed=6, words=150)]
    analyses = []
    for analysis in _analyses(articles, odd_resources):
        lexicons: list[ArticleLexiconScores] = []
        for scores in analysis.lexicons:
            order = np.arange(len(scores.hit_start))[::-1]
            weights = scores.hit_weight[order].copy()
            weights[::3] = -0.0
            lexicons.append(
                replace(
                    scores,
                    hit_start=scores.hit_start[order],
                    hit_end=scores.hit_end[order],
                    hit_category=scores.hit_category[order],
                    hit_weight=weights,
                    hit_negated=scores.hit_negated[order],
                )
            )
        analyses.append(replace(analysis, lexicons=tuple(lexicons)))
    assert_batch_as_before(analyses)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 40), st.integers(-3, 6), st.integers(-5, 5)),
        max_size=40,
    ),
    st.booleans(),
)
def test_order_is_lexsorts(spans: list[tuple[int, int, int, int]], forced: bool) -> None:
    """The combined key sorts as ``np.lexsort`` by article, start, end and key, stably;
    and the lexsort it falls back to for wide ranges is used when forced."""
    columns = np.asarray(spans, dtype=np.int64).reshape(-1, 4)
    article, starts, lengths, keys = columns.T
    article = np.sort(article)
    ends = starts + lengths
    expected = np.lexsort((keys, ends, starts, article))
    limit = 0 if forced else evidence_text._KEY_LIMIT
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evidence_text, "_KEY_LIMIT", limit)
        got = _order(article, starts, ends, keys, 4)
    assert got.tolist() == expected.tolist()


def test_order_falls_back_for_huge_offsets() -> None:
    starts: npt.NDArray[np.int64] = np.asarray([2**40, 0, 2**40, 5], dtype=np.int64)
    ends = starts + np.asarray([2**30, 1, 0, 2**30], dtype=np.int64)
    keys = np.asarray([7, 0, 2**20, 1], dtype=np.int64)
    article = np.zeros(4, dtype=np.int64)
    expected = np.lexsort((keys, ends, starts, article))
    assert _order(article, starts, ends, keys, 1).tolist() == expected.tolist()


@pytest.mark.parametrize("limit", [0, 40, 1 << 15])
def test_offsets_past_the_tables_are_written_with_percent_d(
    resources: Resources, limit: int
) -> None:
    """Batches with an offset at or past the tables' limit take the ``%d`` route, whole."""
    articles = [Article(**record) for record in generate_articles(5, seed=4, words=150)]
    analyses = _analyses(articles, resources)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evidence_text, "_OFFSET_LIMIT", limit)
        assert_batch_as_before(analyses)
        assert_batch_as_before(analyses[:1])


def test_offset_tables_refuse_negative_and_large_offsets() -> None:
    ok = np.asarray([0, 5, 8191], dtype=np.int64)
    tables = evidence_text._offset_tables(ok, ok + 1)
    assert tables is not None and len(tables[0]) == 16384
    assert tables[0][12] == ',{"start":12,"end":' and tables[1][12] == "12,"
    assert evidence_text._offset_tables(ok - 1, ok) is None
    large = np.asarray([evidence_text._OFFSET_LIMIT], dtype=np.int64)
    assert evidence_text._offset_tables(ok[:1], large) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-3, 12), max_size=60))
def test_distinct_is_unique(values: list[int]) -> None:
    """The few-values route and the sort it falls back to are ``np.unique``'s."""
    array = np.asarray(values, dtype=np.int64)
    distinct, inverse = evidence_text._distinct(array)
    expected, expected_inverse = np.unique(array, return_inverse=True)
    assert distinct.tolist() == expected.tolist()
    assert inverse.tolist() == expected_inverse.reshape(-1).tolist()
