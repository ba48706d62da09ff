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
article's few quote and speaker pairs are fitted. The records are then one ``%`` format.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from framing.analysis import ArticleAnalysis
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
    """The evidence records of analysed articles, comma-separated, one article at a time.

    Made once per batch with the batch's ``TextMemo``, so what it remembers stays bounded.
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
