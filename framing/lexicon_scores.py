"""Turn lexicon hits into scores: per sentence, per article, per outlet or outlet group.

Every number here is a count of listed words, shown as what it is: hits, hits per 1,000 tokens,
and the share of sentences with at least one cue. The evidence spans are built from the same
hits, so a highlighted word and a counted word are one and the same.

Negation matters for stance: "not certain" hedges where "certain" boosts. A lexicon whose header
declares ``negation: hedge <-> booster`` has a cue preceded, within ``NEGATION_WINDOW`` tokens of
its own sentence, by a negator counted in the swapped category, and the evidence says so. Frames
and loaded words are not swapped: "not a threat" still talks about threats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from framing.lexicon import Lexicon
from framing.matching import CompiledLexicons, Hits
from framing.model import Document, Evidence

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

NEGATION_WINDOW = 3
"""How many tokens before a cue a negator may stand and still negate it (VADER uses 3)."""
NEGATORS = frozenset(
    {"not", "no", "never", "without", "hardly", "barely", "scarcely", "neither", "nor", "cannot"}
)
"""Words that negate a following stance cue; any token ending in "n't" does too."""

USED_MIN_HITS = 2
"""A frame counts as *used* by an article when it has at least this many cues ..."""
USED_MIN_SHARE = 0.15
"""... and at least this share of the article's frame cue weight."""


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """One category's hits in one article: how many, their summed weight, in how many sentences."""

    category: str
    hits: int
    score: float
    sentences: int
    negated: int


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """Cue counts of one sentence for one lexicon (only sentences with a cue are kept)."""

    sentence: int
    counts: tuple[tuple[str, int], ...]
    score: float


@dataclass(frozen=True, slots=True, eq=False)
class ArticleLexiconScores:
    """One lexicon's scores for one article, and the hits behind them.

    For a ``frames`` lexicon, ``profile`` is each frame's share of the article's cue weight,
    ``used`` the frames with at least ``USED_MIN_HITS`` cues and ``USED_MIN_SHARE`` of the
    weight, and ``dominant`` the used frame with the most weight (``None`` when none is used or
    two tie).

    The hits are kept column-wise (``hit_*`` arrays, in text order) and turned into
    ``Evidence`` objects and per-sentence counts only when asked for: a corpus has hundreds of
    thousands of hits, and most runs only write them out.
    """

    lexicon: str
    article_id: str
    n_tokens: int
    n_sentences: int
    categories: tuple[CategoryCount, ...]
    sentences_with_cue: int
    profile: tuple[tuple[str, float], ...]
    used: tuple[str, ...]
    dominant: str | None
    category_ids: tuple[str, ...]
    text: str = field(repr=False)
    hit_start: IntArray = field(repr=False)
    hit_end: IntArray = field(repr=False)
    hit_sentence: IntArray = field(repr=False)
    hit_category: IntArray = field(repr=False)
    hit_weight: FloatArray = field(repr=False)
    hit_negated: BoolArray = field(repr=False)

    @property
    def counts(self) -> dict[str, int]:
        return {c.category: c.hits for c in self.categories}

    @property
    def n_hits(self) -> int:
        return sum(c.hits for c in self.categories)

    @property
    def total_score(self) -> float:
        return sum(c.score for c in self.categories)

    def count_of(self, category: str) -> CategoryCount:
        return next(c for c in self.categories if c.category == category)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every hit as an evidence span (built on demand from the hit columns)."""
        labels = self.category_ids
        text = self.text
        return tuple(
            Evidence(self.article_id, start, end, self.lexicon, labels[k], w, text[start:end], n)
            for start, end, k, w, n in zip(
                self.hit_start.tolist(),
                self.hit_end.tolist(),
                self.hit_category.tolist(),
                self.hit_weight.tolist(),
                self.hit_negated.tolist(),
                strict=True,
            )
        )

    @property
    def sentence_cues(self) -> tuple[SentenceCues, ...]:
        """Cue counts per sentence, for the sentences with at least one cue."""
        return _sentence_cues(
            self.hit_sentence, self.hit_category, self.hit_weight, self.category_ids
        )


def score_lexicons(
    document: Document, hits: Hits, compiled: CompiledLexicons
) -> tuple[ArticleLexiconScores, ...]:
    """Score every compiled lexicon on one document from its hits (one call per article).

    Categories are numbered across all lexicons, so a handful of array operations count every
    lexicon's categories at once; each lexicon then takes its slice (hits come sorted by
    lexicon, then by first token).
    """
    prepared = document.prepared
    n_lexicons = len(compiled.lexicons)
    n_all = int(compiled.category_offset[-1])
    token_sentence = np.asarray(prepared.token_sentence, dtype=np.int64)
    lexicon = compiled.entry_lexicon[hits.entry]
    category = compiled.entry_global_category[hits.entry]
    weight = compiled.entry_weight[hits.entry]
    negated = np.zeros(len(hits), dtype=bool)
    if len(hits):
        sentence = token_sentence[hits.first]
        start = np.asarray(prepared.token_starts, dtype=np.int64)[hits.first]
        end = np.asarray(prepared.token_ends, dtype=np.int64)[hits.last]
        negatable = np.flatnonzero(compiled.lexicon_negates[lexicon])
        if len(negatable):
            negated[negatable] = _negated(
                hits.first[negatable], prepared.token_norms, token_sentence
            )
            category = np.where(negated, compiled.negation_swap[category], category)
        hit_counts = np.bincount(category, minlength=n_all).tolist()
        scores = np.bincount(category, weights=weight, minlength=n_all).tolist()
        negated_counts = np.bincount(category[negated], minlength=n_all).tolist()
        pairs = np.unique(sentence * n_all + category)
        sentence_counts = np.bincount(pairs % n_all, minlength=n_all).tolist()
        with_cue = np.bincount(
            np.unique(sentence * n_lexicons + lexicon) % n_lexicons, minlength=n_lexicons
        ).tolist()
    else:
        sentence = start = end = hits.first
        hit_counts = negated_counts = sentence_counts = [0] * n_all
        scores = [0.0] * n_all
        with_cue = [0] * n_lexicons
    bounds = np.searchsorted(lexicon, np.arange(n_lexicons + 1)).tolist()
    offsets = compiled.category_offset.tolist()
    results = []
    for index, item in enumerate(compiled.lexicons):
        lo, hi = bounds[index], bounds[index + 1]
        base = offsets[index]
        categories = compiled.category_ids[index]
        counts = tuple(
            CategoryCount(
                name,
                hit_counts[base + k],
                round(scores[base + k], 6),
                sentence_counts[base + k],
                negated_counts[base + k],
            )
            for k, name in enumerate(categories)
        )
        profile, used, dominant = _frame_profile(item, counts)
        own_start = start[lo:hi]
        order: slice | IntArray = slice(None)
        if hi - lo > 1 and bool((own_start[1:] < own_start[:-1]).any()):
            order = np.argsort(own_start, kind="stable")
        results.append(
            ArticleLexiconScores(
                item.name,
                document.id,
                prepared.n_tokens,
                prepared.n_sentences,
                counts,
                with_cue[index],
                profile,
                used,
                dominant,
                categories,
                document.article.text,
                own_start[order],
                end[lo:hi][order],
                sentence[lo:hi][order],
                (category[lo:hi] - base)[order],
                weight[lo:hi][order],
                negated[lo:hi][order],
            )
        )
    return tuple(results)


def _negated(firsts: IntArray, norms: Sequence[str], sentences: IntArray) -> BoolArray:
    """Mark hits (by first token) with a negator shortly before them in the same sentence."""
    flags = np.zeros(len(firsts), dtype=bool)
    sentence_list = sentences.tolist()
    for index, first in enumerate(firsts.tolist()):
        own = sentence_list[first]
        for position in range(max(0, first - NEGATION_WINDOW), first):
            if sentence_list[position] != own:
                continue
            norm = norms[position]
            if norm in NEGATORS or norm.endswith("n't"):
                flags[index] = True
                break
    return flags


def _sentence_cues(
    sentence: np.ndarray, category: np.ndarray, weight: np.ndarray, categories: Sequence[str]
) -> tuple[SentenceCues, ...]:
    """Group hits by sentence with array operations; Python touches each (sentence, category)
    pair once, not each sentence's hits."""
    if not len(sentence):
        return ()
    n_categories = len(categories)
    keys, counts = np.unique(sentence * n_categories + category, return_counts=True)
    owners, first_pair = np.unique(keys // n_categories, return_index=True)
    weight_by_sentence = np.bincount(
        np.searchsorted(owners, sentence), weights=weight, minlength=len(owners)
    )
    bounds = [*first_pair.tolist()[1:], len(keys)]
    labels = [categories[k] for k in (keys % n_categories).tolist()]
    count_list = counts.tolist()
    result = []
    lo = 0
    for index, (owner, hi) in enumerate(zip(owners.tolist(), bounds, strict=True)):
        result.append(
            SentenceCues(
                owner,
                tuple(zip(labels[lo:hi], count_list[lo:hi], strict=True)),
                round(float(weight_by_sentence[index]), 6),
            )
        )
        lo = hi
    return tuple(result)


def _frame_profile(
    lexicon: Lexicon, counts: Sequence[CategoryCount]
) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...], str | None]:
    if lexicon.kind != "frames":
        return (), (), None
    total = sum(c.score for c in counts)
    if total <= 0:
        return tuple((c.category, 0.0) for c in counts), (), None
    profile = tuple((c.category, round(c.score / total, 6)) for c in counts)
    used = tuple(
        c.category
        for c in sorted(counts, key=lambda c: -c.score)
        if c.hits >= USED_MIN_HITS and c.score / total >= USED_MIN_SHARE
    )
    dominant = None
    if used:
        top = next(c for c in counts if c.category == used[0])
        ties = [c for c in counts if c.score == top.score]
        dominant = used[0] if len(ties) == 1 else None
    return profile, used, dominant


@dataclass(frozen=True, slots=True)
class CategoryRate:
    """One category pooled over a set of articles: hits, rate, and sentences with a cue."""

    category: str
    label: str
    hits: int
    score: float
    per_1000: float
    sentences: int
    sentence_share: float
    negated: int


@dataclass(frozen=True, slots=True)
class LexiconRates:
    """One lexicon pooled over an outlet's (or a group's) articles, with its sample size.

    Pooling counts every token and every sentence once, whichever article it is in, so a long
    article weighs more than a short one; the statistics issue adds article-level intervals.
    """

    lexicon: str
    name: str
    n_articles: int
    n_sentences: int
    n_tokens: int
    categories: tuple[CategoryRate, ...]
    sentences_with_cue: int
    any_share: float
    articles_by_dominant: tuple[tuple[str, int], ...]

    def rate_of(self, category: str) -> CategoryRate:
        return next(c for c in self.categories if c.category == category)

    @property
    def n_hits(self) -> int:
        return sum(c.hits for c in self.categories)


def pool_rates(
    lexicon: Lexicon, name: str, articles: Sequence[ArticleLexiconScores]
) -> LexiconRates:
    """Pool one lexicon's article scores into rates for an outlet or a group."""
    n_tokens = sum(a.n_tokens for a in articles)
    n_sentences = sum(a.n_sentences for a in articles)
    rates = []
    for category in lexicon.categories:
        parts = [a.count_of(category.id) for a in articles]
        hits = sum(p.hits for p in parts)
        sentences = sum(p.sentences for p in parts)
        rates.append(
            CategoryRate(
                category.id,
                category.label,
                hits,
                round(sum(p.score for p in parts), 6),
                1000.0 * hits / n_tokens if n_tokens else 0.0,
                sentences,
                sentences / n_sentences if n_sentences else 0.0,
                sum(p.negated for p in parts),
            )
        )
    with_cue = sum(a.sentences_with_cue for a in articles)
    dominant: dict[str, int] = {}
    for article in articles:
        if article.dominant is not None:
            dominant[article.dominant] = dominant.get(article.dominant, 0) + 1
    return LexiconRates(
        lexicon.name,
        name,
        len(articles),
        n_sentences,
        n_tokens,
        tuple(rates),
        with_cue,
        with_cue / n_sentences if n_sentences else 0.0,
        tuple(sorted(dominant.items(), key=lambda item: (-item[1], item[0]))),
    )
