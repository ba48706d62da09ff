"""The ``evidence`` list of an annotation record, written straight to JSON text.

Every record is ``{"start":..,"end":..,"layer":..,"label":..,"weight":..}`` (with
``"negated":true`` for a negated stance cue), in the order of a stable sort by start, end,
layer and label of the spans as ``ArticleAnalysis.evidence`` gathers them: each lexicon's
hits, then each quote's words and speaker, then the tone words.
``tests/test_annotate_speed_equivalence.py`` holds the text to the bytes of ``json.dumps`` over
``export.evidence_record`` of that sort.

Why it is written so: an article has about 330 spans, and this list is the largest part of the
record. The lexicon hits (two thirds of the spans) stay in their NumPy columns: their texts
after the offsets (layer, label, weight, end) are made once per distinct (category, weight,
negation) of the article, the whole list is ordered by one ``np.lexsort`` on start and end
with (layer, label) as a third key: an integer rank, fixed per set of lexicons, into which an
article's few quote and speaker pairs are fitted. The records are then one join per article
of three pieces per record: its opening and start, and its end, picked from tables of their
texts by offset (made once per process), and its tail (``%d`` made the offsets' digits anew
for every record: measured, a third of the writing). Offsets past the tables, or negative,
take a ``%`` format of the same records instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from framing.article_analysis import ArticleAnalysis
from framing.lexicon_scores import ArticleLexiconScores
from framing.record_text import ENCODE, TextMemo

_SPAN = '{"start":%d,"end":%d,%s'
"""A record's opening and offsets, then the rest of it (its "tail")."""
_NEGATED_END = ',"negated":true}'
"""How a span read under a negation ends (``export.evidence_record`` adds the field)."""

Pair = tuple[str, str]
"""A span's (layer, label): the sort's tie-breaker after start and end."""


_POSITIVE, _NEGATIVE = ("tone", "positive"), ("tone", "negative")
"""The tone words' (layer, label) pairs."""


class _HitLayout:
    """The categories of an article's lexicons numbered across them (as ``record_text``'s
    cue layout numbers them), with each one's record text up to its weight, and the rank of
    each (layer, label) among these pairs and the tone words'. Made once per set of lexicons.
    """

    def __init__(self, lexicons: Sequence[ArticleLexiconScores]) -> None:
        self.offsets: list[int] = []
        pairs: list[Pair] = []
        for scores in lexicons:
            self.offsets.append(len(pairs))
            pairs.extend((scores.lexicon, label) for label in scores.category_ids)
        self.heads = [_head(layer, label) for layer, label in pairs]
        self.ranked = sorted({*pairs, _POSITIVE, _NEGATIVE})
        rank = {pair: index for index, pair in enumerate(self.ranked)}
        self.category_rank = np.asarray([rank[pair] for pair in pairs], dtype=np.int64)
        self.tone_rank = (rank[_NEGATIVE], rank[_POSITIVE])

    def ranks(self, others: Sequence[Pair]) -> tuple[int, dict[Pair, int]]:
        """Sort keys for the fixed pairs' ranks and for ``others`` (an article's quote and
        speaker pairs): the fixed rank ``r`` has key ``r * scale``, and each other pair
        a key that falls between its neighbours', so comparing keys is comparing pairs.
        Returns ``scale`` and the other pairs' keys."""
        ranked = self.ranked
        distinct = sorted(set(others))
        scale = len(distinct) + 1
        keys: dict[Pair, int] = {}
        for index, pair in enumerate(distinct):
            at = bisect_left(ranked, pair)
            if at < len(ranked) and ranked[at] == pair:
                keys[pair] = at * scale
            else:  # after ranked[at - 1]'s key, before ranked[at]'s
                keys[pair] = (at - 1) * scale + 1 + index
        return scale, keys


def _head(layer: str, label: str) -> str:
    """A record's text from its layer to its weight's colon."""
    return f'"layer":{ENCODE(layer)},"label":{ENCODE(label)},"weight":'


class EvidenceText:
    """The evidence records of analysed articles, comma-separated, a batch at a time.

    Made once per batch with the batch's ``TextMemo``, so what it remembers stays bounded.
    ``texts`` gathers a batch's spans into columns with each one's article, and orders and
    writes them with one set of NumPy calls: per article the same calls (two ``np.unique``,
    a ``np.lexsort``, several concatenations) cost more in fixed overhead than in work. The
    hits' tails are told apart without sorting (``_distinct``, and a table of their codes).
    """

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
        key = _layout_key(lexicons)
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = _HitLayout(lexicons)
        return layout

    def text(self, analysis: ArticleAnalysis) -> str:
        """The evidence records of one analysed article, comma-separated."""
        return self.texts([analysis])[0]

    def texts(self, analyses: Sequence[ArticleAnalysis]) -> list[str]:
        """The evidence records of each analysed article, comma-separated.

        Each article's records come out as if it were written alone: the spans are sorted
        by article first (a stable sort, the spans gathered as each article gathers them:
        every article's lexicon hits, then the quote spans, then the tone words, so within
        one article the order of equal keys is the article's own), and the quote and speaker
        pairs of the whole batch are fitted between the fixed pairs (``_HitLayout.ranks``
        orders any set of pairs as the pairs compare). Articles whose lexicons differ (never
        in one run) are written one by one.
        """
        if not analyses:
            return []
        key = _layout_key(analyses[0].lexicons)
        if len(analyses) > 1 and any(_layout_key(a.lexicons) != key for a in analyses):
            return [self.texts([analysis])[0] for analysis in analyses]
        layout = self._layout(analyses[0].lexicons)
        hit_article, starts, ends, categories, tails = self._hits(analyses, layout)
        # Quotes (quote_evidence's spans: the quoted words, then the speaker as written when
        # known; weight 1.0, never negated), in Python: about 50 spans per article.
        quote_starts: list[int] = []
        quote_ends: list[int] = []
        quote_pairs: list[Pair] = []
        quote_article: list[int] = []
        word_starts: list[int] = []
        word_ends: list[int] = []
        valences: list[float] = []
        word_counts: list[int] = []
        for index, analysis in enumerate(analyses):
            before = len(quote_pairs)
            for quote in analysis.quotes:
                label = quote.speaker or "unknown"
                quote_starts.append(quote.start)
                quote_ends.append(quote.end)
                quote_pairs.append(("quote", label))
                if 0 <= quote.speaker_start < quote.speaker_end:
                    quote_starts.append(quote.speaker_start)
                    quote_ends.append(quote.speaker_end)
                    quote_pairs.append(("speaker", label))
            quote_article += [index] * (len(quote_pairs) - before)
            tone = analysis.tone
            word_starts += tone.word_starts
            word_ends += tone.word_ends
            valences += tone.word_valences
            word_counts.append(len(tone.word_valences))
        plain = self._plain
        quote_tails = [plain.get(pair) or self._plain_tail(pair) for pair in quote_pairs]
        tone_tails = self._tone_tails
        word_tails = [tone_tails.get(v) or self._tone_tail(v) for v in valences]
        scale, quote_keys = layout.ranks(quote_pairs)
        negative_rank, positive_rank = layout.tone_rank
        positive = np.asarray(valences, dtype=np.float64) > 0
        n_articles = len(analyses)
        article = np.concatenate(
            (
                hit_article,
                np.asarray(quote_article, dtype=np.int64),
                np.repeat(np.arange(n_articles, dtype=np.int64), word_counts),
            )
        )
        keys = np.concatenate(
            (
                layout.category_rank[categories] * scale,
                np.asarray([quote_keys[pair] for pair in quote_pairs], dtype=np.int64),
                np.where(positive, positive_rank, negative_rank).astype(np.int64) * scale,
            )
        )
        all_starts = np.concatenate(
            (starts, np.asarray(quote_starts + word_starts, dtype=np.int64))
        )
        all_ends = np.concatenate((ends, np.asarray(quote_ends + word_ends, dtype=np.int64)))
        all_tails = np.concatenate((tails, np.asarray(quote_tails + word_tails, dtype=object)))
        order = _order(article, all_starts, all_ends, keys, n_articles)
        bounds = np.searchsorted(article[order], np.arange(n_articles + 1)).tolist()
        tails_text = all_tails[order].tolist()
        tables = _offset_tables(all_starts, all_ends)
        if tables is None:
            # one %-format per article of a template repeated per record, values interleaved
            flat: list[object] = [None] * (3 * len(order))
            flat[0::3] = all_starts[order].tolist()
            flat[1::3] = all_ends[order].tolist()
            flat[2::3] = tails_text
            return [
                ",".join([_SPAN] * (hi - lo)) % tuple(flat[3 * lo : 3 * hi])
                for lo, hi in pairwise(bounds)
            ]
        # one join per article of the offsets' texts (each record after a comma) and tails
        starts_text, ends_text = tables
        pieces: list[str] = [""] * (3 * len(order))
        pieces[0::3] = starts_text[all_starts[order]].tolist()
        pieces[1::3] = ends_text[all_ends[order]].tolist()
        pieces[2::3] = tails_text
        texts = []
        for lo, hi in pairwise(bounds):
            if hi > lo:  # the article's first record has no comma before it
                pieces[3 * lo] = pieces[3 * lo][1:]
            texts.append("".join(pieces[3 * lo : 3 * hi]))
        return texts

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
        self, analyses: Sequence[ArticleAnalysis], layout: _HitLayout
    ) -> tuple[
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.object_],
    ]:
        """Every lexicon hit's article, start, end, category (numbered across the lexicons)
        and record text after its offsets, article by article in the order
        ``ArticleAnalysis.evidence`` gathers them.

        A tail depends on the category, the weight and the negation only, so it is made once
        per distinct triple: weights are told apart by their bits (so 0.0 and -0.0, whose
        texts differ, stay apart).
        """
        columns: tuple[list[npt.NDArray[np.generic]], ...] = ([], [], [], [], [])
        lengths: list[int] = []
        segment_offset: list[int] = []
        segment_article: list[int] = []
        offsets = layout.offsets
        for index, analysis in enumerate(analyses):
            for scores, offset in zip(analysis.lexicons, offsets, strict=True):
                count = len(scores.hit_start)
                if count:
                    columns[0].append(scores.hit_start)
                    columns[1].append(scores.hit_end)
                    columns[2].append(scores.hit_category)
                    columns[3].append(scores.hit_weight)
                    columns[4].append(scores.hit_negated)
                    lengths.append(count)
                    segment_offset.append(offset)
                    segment_article.append(index)
        if not lengths:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, empty, np.zeros(0, dtype=object)
        starts = np.concatenate(columns[0]).astype(np.int64, copy=False)
        ends = np.concatenate(columns[1]).astype(np.int64, copy=False)
        categories = np.concatenate(columns[2]).astype(np.int64, copy=False) + np.repeat(
            np.asarray(segment_offset, dtype=np.int64), lengths
        )
        weights = np.concatenate(columns[3]).astype(np.float64)
        negated = np.concatenate(columns[4]).astype(np.int64)
        article = np.repeat(np.asarray(segment_article, dtype=np.int64), lengths)
        weight_bits, weight_index = _distinct(weights.view(np.int64))
        codes = (categories * len(weight_bits) + weight_index) * 2 + negated
        size = len(layout.heads) * len(weight_bits) * 2
        if size <= _TABLE_LIMIT:  # codes are below size: a table, not a sort, finds them
            present = np.zeros(size, dtype=np.bool_)
            present[codes] = True
            distinct = np.flatnonzero(present)
        else:
            distinct = np.unique(codes)
        weight_texts = list(map(self._memo.round4, weight_bits.view(np.float64).tolist()))
        heads = layout.heads
        texts = []
        for code in distinct.tolist():
            rest, is_negated = divmod(code, 2)
            category, weight = divmod(rest, len(weight_bits))
            end = _NEGATED_END if is_negated else "}"
            texts.append(heads[category] + weight_texts[weight] + end)
        tails = np.asarray(texts, dtype=object)[np.searchsorted(distinct, codes)]
        return article, starts, ends, categories, tails


def _layout_key(
    lexicons: Sequence[ArticleLexiconScores],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What a ``_HitLayout`` is made from: each lexicon's name and categories."""
    return tuple((s.lexicon, s.category_ids) for s in lexicons)


_TABLE_LIMIT = 1 << 20
"""Find the distinct hit tails' codes with a table up to this many codes; sort beyond."""
_FEW = 8
"""Tell a batch's weights apart by comparing up to this many distinct ones; sort beyond."""


def _distinct(
    values: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
    """``np.unique(values, return_inverse=True)``, without the sort when there are few
    distinct values: a batch's hit weights are its lexicons' term weights, two to four
    distinct ones in a batch, and a pass per distinct value costs less than the sort."""
    found: list[int] = []
    rest = values
    while len(rest):
        if len(found) == _FEW:
            distinct, inverse = np.unique(values, return_inverse=True)
            return distinct, inverse.reshape(-1)
        first = rest[0]
        found.append(int(first))
        rest = rest[rest != first]
    ordered = np.sort(np.asarray(found, dtype=np.int64))
    return ordered, np.searchsorted(ordered, values)


_OFFSET_LIMIT = 1 << 15
"""Write offsets from tables of their texts when all are below this; with ``%d`` beyond."""


def _offset_tables(
    starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_]] | None:
    """Tables of the records' texts from their start to their end's colon (after a comma:
    ``,{"start":S,"end":``) and of their ends (``E,``), indexed by offset; ``None`` when an
    offset is negative or not below ``_OFFSET_LIMIT``.

    Why: ``%d`` makes the digits of two offsets per record, about a third of the cost of
    writing the records, while a table's texts are only picked (by NumPy) and joined. The
    tables are made once per process and size (about 10 ms for the 8,192 offsets of
    news-length articles, at most three sizes), the same texts whatever the articles.
    """
    if not len(starts):
        return None
    low = min(int(starts.min()), int(ends.min()))
    high = max(int(starts.max()), int(ends.max()))
    if low < 0 or high >= _OFFSET_LIMIT:
        return None
    return _offset_texts(max(1 << 13, 1 << high.bit_length()))


@cache
def _offset_texts(size: int) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_]]:
    """``_offset_tables``'s tables for the offsets below ``size``."""
    starts = np.asarray([f',{{"start":{i},"end":' for i in range(size)], dtype=object)
    ends = np.asarray([f"{i}," for i in range(size)], dtype=object)
    return starts, ends


_KEY_LIMIT = 2**62
"""Below this, a combined sort key fits in an int64 with room to spare."""


def _order(
    article: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    ends: npt.NDArray[np.int64],
    keys: npt.NDArray[np.int64],
    n_articles: int,
) -> npt.NDArray[np.intp]:
    """The stable order by article, start, end and key.

    One stable ``argsort`` of a combined integer key when the ranges fit in an int64 (they
    do for any text shorter than some millions of characters), else ``np.lexsort``. For one
    start, ordering by end is ordering by length (end - start), which has a smaller range.
    The batch's spans come in runs already sorted (each lexicon's hits, the tone words), so
    the sort has little to do.
    """
    if not len(article):
        return np.zeros(0, dtype=np.intp)
    lengths = ends - starts
    start_low, length_low, key_low = int(starts.min()), int(lengths.min()), int(keys.min())
    start_span = int(starts.max()) - start_low + 1
    length_span = int(lengths.max()) - length_low + 1
    key_span = int(keys.max()) - key_low + 1
    if n_articles * start_span * length_span * key_span >= _KEY_LIMIT:
        return np.lexsort((keys, ends, starts, article))
    combined = (
        (article * start_span + (starts - start_low)) * length_span + (lengths - length_low)
    ) * key_span + (keys - key_low)
    return np.argsort(combined, kind="stable")
