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
from dataclasses import dataclass

import numpy as np

from framing.lexicon import Lexicon
from framing.matching import CompiledLexicons, Hits
from framing.model import Document, Evidence

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


@dataclass(frozen=True, slots=True)
class ArticleLexiconScores:
    """One lexicon's scores for one article, and the hits behind them.

    For a ``frames`` lexicon, ``profile`` is each frame's share of the article's cue weight,
    ``used`` the frames with at least ``USED_MIN_HITS`` cues and ``USED_MIN_SHARE`` of the
    weight, and ``dominant`` the used frame with the most weight (``None`` when none is used or
    two tie).
    """

    lexicon: str
    article_id: str
    n_tokens: int
    n_sentences: int
    categories: tuple[CategoryCount, ...]
    sentences_with_cue: int
    sentence_cues: tuple[SentenceCues, ...]
    profile: tuple[tuple[str, float], ...]
    used: tuple[str, ...]
    dominant: str | None
    evidence: tuple[Evidence, ...]

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


def score_lexicons(
    document: Document, hits: Hits, compiled: CompiledLexicons
) -> tuple[ArticleLexiconScores, ...]:
    """Score every compiled lexicon on one document from its hits (one call per article)."""
    return tuple(
        score_lexicon(document, compiled.lexicon_slice(hits, index), compiled, index)
        for index in range(len(compiled.lexicons))
    )


def score_lexicon(
    document: Document, hits: Hits, compiled: CompiledLexicons, lexicon_index: int
) -> ArticleLexiconScores:
    """Score one lexicon's hits in one document."""
    lexicon = compiled.lexicons[lexicon_index]
    prepared = document.prepared
    text = document.article.text
    categories = lexicon.category_ids
    n_categories = len(categories)
    category = compiled.entry_category[hits.entry].copy()
    weight = compiled.entry_weight[hits.entry]
    negated = np.zeros(len(hits), dtype=bool)
    if lexicon.negation and len(hits):
        negated = _negated(hits, prepared.token_norms, prepared.token_sentence)
        swap = np.arange(n_categories)
        for left, right in lexicon.negation:
            a, b = categories.index(left), categories.index(right)
            swap[a], swap[b] = b, a
        category = np.where(negated, swap[category], category)
    sentence = (
        np.asarray(prepared.token_sentence, dtype=np.int64)[hits.first]
        if len(hits)
        else (np.zeros(0, dtype=np.int64))
    )
    hit_counts = np.bincount(category, minlength=n_categories)
    scores = np.bincount(category, weights=weight, minlength=n_categories)
    negated_counts = np.bincount(category[negated], minlength=n_categories)
    pairs = np.unique(sentence * n_categories + category) if len(hits) else sentence
    sentence_counts = np.bincount(pairs % n_categories, minlength=n_categories)
    counts = tuple(
        CategoryCount(
            categories[k],
            int(hit_counts[k]),
            round(float(scores[k]), 6),
            int(sentence_counts[k]),
            int(negated_counts[k]),
        )
        for k in range(n_categories)
    )
    sentence_cues = _sentence_cues(sentence, category, weight, categories)
    evidence = tuple(
        Evidence(
            document.id,
            start,
            end,
            lexicon.name,
            categories[k],
            w,
            text[start:end],
            bool(n),
        )
        for start, end, k, w, n in zip(
            np.asarray(prepared.token_starts, dtype=np.int64)[hits.first].tolist(),
            np.asarray(prepared.token_ends, dtype=np.int64)[hits.last].tolist(),
            category.tolist(),
            weight.tolist(),
            negated.tolist(),
            strict=True,
        )
    )
    profile, used, dominant = _frame_profile(lexicon, counts)
    return ArticleLexiconScores(
        lexicon.name,
        document.id,
        prepared.n_tokens,
        prepared.n_sentences,
        counts,
        len(sentence_cues),
        sentence_cues,
        profile,
        used,
        dominant,
        evidence,
    )


def _negated(hits: Hits, norms: Sequence[str], sentences: Sequence[int]) -> np.ndarray:
    """Mark hits with a negator shortly before them in the same sentence."""
    flags = np.zeros(len(hits), dtype=bool)
    for index, first in enumerate(hits.first.tolist()):
        own = sentences[first]
        for position in range(max(0, first - NEGATION_WINDOW), first):
            if sentences[position] != own:
                continue
            norm = norms[position]
            if norm in NEGATORS or norm.endswith("n't"):
                flags[index] = True
                break
    return flags


def _sentence_cues(
    sentence: np.ndarray, category: np.ndarray, weight: np.ndarray, categories: Sequence[str]
) -> tuple[SentenceCues, ...]:
    if not len(sentence):
        return ()
    result = []
    order = np.lexsort((category, sentence))
    sentence, category, weight = sentence[order], category[order], weight[order]
    bounds = np.flatnonzero(np.diff(sentence)) + 1
    for lo, hi in zip(
        np.concatenate([[0], bounds]).tolist(),
        np.concatenate([bounds, [len(sentence)]]).tolist(),
        strict=True,
    ):
        per = np.bincount(category[lo:hi], minlength=len(categories))
        result.append(
            SentenceCues(
                int(sentence[lo]),
                tuple((categories[k], int(per[k])) for k in np.flatnonzero(per).tolist()),
                round(float(weight[lo:hi].sum()), 6),
            )
        )
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
