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
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from framing.lexicon import Lexicon
from framing.matching import CompiledLexicons, Hits
from framing.model import Document, Evidence, PreparedText

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
    lexicon's categories at once (``_count``); each lexicon then takes its slice (hits come
    sorted by lexicon, then by first token).
    """
    prepared = document.prepared
    counted = _count(prepared, hits, compiled)
    offsets = compiled.category_offset.tolist()
    results = []
    for index, item in enumerate(compiled.lexicons):
        base = offsets[index]
        names = compiled.category_ids[index]
        own = slice(base, base + len(names))
        hit_counts, scores = counted.hit_counts[own], counted.scores[own]
        if not counted.exact:
            scores = [round(score, 6) for score in scores]
        counts = tuple(
            map(
                CategoryCount,
                names,
                hit_counts,
                scores,
                counted.sentence_counts[own],
                counted.negated_counts[own],
            )
        )
        profile, used, dominant = _frame_profile(item, names, hit_counts, scores)
        lo, hi = counted.bounds[index], counted.bounds[index + 1]
        hit = slice(lo, hi)
        start = counted.start[hit]
        order: slice | IntArray = slice(None)
        if hi - lo > 1 and any(lo <= i < hi - 1 for i in counted.backwards):
            order = np.argsort(start, kind="stable")
            start = start[order]
        results.append(
            ArticleLexiconScores(
                item.name,
                document.id,
                prepared.n_tokens,
                prepared.n_sentences,
                counts,
                counted.with_cue[index],
                profile,
                used,
                dominant,
                names,
                document.article.text,
                start,
                counted.end[hit][order],
                counted.sentence[hit][order],
                counted.category[hit][order],
                counted.weight[hit][order],
                counted.negated[hit][order],
            )
        )
    return tuple(results)


@dataclass(frozen=True, slots=True)
class _Counted:
    """One article's hits counted over every lexicon's categories (numbered across them).

    The columns are in hit order, with categories numbered within their lexicon;
    ``backwards`` holds each position ``i`` whose next hit starts before hit ``i``; ``exact``
    says every score is a sum of multiples of 1/64 small enough to be exact, which
    ``round(score, 6)`` would return unchanged.
    """

    start: IntArray
    end: IntArray
    sentence: IntArray
    category: IntArray
    weight: FloatArray
    negated: BoolArray
    bounds: list[int]
    backwards: set[int]
    hit_counts: list[int]
    scores: list[float]
    sentence_counts: list[int]
    negated_counts: list[int]
    with_cue: list[int]
    exact: bool


def _count(prepared: PreparedText, hits: Hits, compiled: CompiledLexicons) -> _Counted:
    """Count an article's hits per category and lexicon, with few NumPy calls.

    Why: an article has a few hundred hits, where each NumPy call's fixed cost (1 to 15 us)
    is most of its price. So the hits' sentences and offsets are picked from the token tuples
    in C (cheaper than turning 600-token tuples into arrays), distinct (sentence, category)
    pairs are counted on one sorted array (``np.unique`` costs ten times more on so few),
    negation windows are screened in C, and text order is checked once for every lexicon.
    """
    offsets = compiled.category_offset
    n_lexicons = len(compiled.lexicons)
    n_all = int(offsets[-1])
    entry = hits.entry
    lexicon = compiled.entry_lexicon[entry]
    category = compiled.entry_global_category[entry]
    weight = compiled.entry_weight[entry]
    if not len(hits):
        zeros = [0] * n_all
        first = hits.first
        return _Counted(
            first,
            first,
            first,
            category,
            weight,
            np.zeros(0, dtype=bool),
            [0] * (n_lexicons + 1),
            set(),
            zeros,
            [0.0] * n_all,
            zeros,
            zeros,
            [0] * n_lexicons,
            False,
        )
    firsts = hits.first.tolist()
    sentence = _column(prepared.token_sentence, firsts)
    start = _column(prepared.token_starts, firsts)
    negated = np.zeros(len(firsts), dtype=bool)
    negated_counts = [0] * n_all
    negatable = np.flatnonzero(compiled.lexicon_negates[lexicon]).tolist()
    if negatable:
        flagged = _negated_hits(negatable, firsts, prepared.token_norms, prepared.token_sentence)
        if flagged:
            negated[flagged] = True
            category = np.where(negated, compiled.negation_swap[category], category)
            negated_counts = np.bincount(category[negated], minlength=n_all).tolist()
    return _Counted(
        start,
        _column(prepared.token_ends, hits.last.tolist()),
        sentence,
        category - offsets[lexicon],
        weight,
        negated,
        np.searchsorted(lexicon, np.arange(n_lexicons + 1)).tolist(),
        set(np.flatnonzero(start[1:] < start[:-1]).tolist()),
        np.bincount(category, minlength=n_all).tolist(),
        np.bincount(category, weights=weight, minlength=n_all).tolist(),
        _distinct_counts(sentence * n_all + category, n_all),
        negated_counts,
        _distinct_counts(sentence * n_lexicons + lexicon, n_lexicons),
        _exact_sums(weight),
    )


def _column(values: Sequence[int], indices: list[int]) -> IntArray:
    """``np.asarray(values)[indices]`` for a few hundred indices into a longer tuple: picked
    in C by ``itemgetter`` (which returns a lone value bare), then read by ``np.fromiter``."""
    picked = itemgetter(*indices)(values) if len(indices) > 1 else [values[i] for i in indices]
    return np.fromiter(picked, dtype=np.int64, count=len(indices))


def _distinct_counts(keys: IntArray, size: int) -> list[int]:
    """How many distinct keys fall in each class ``key % size`` (keys are non-negative)."""
    ordered = np.sort(keys)
    distinct = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return np.bincount(distinct % size, minlength=size).tolist()  # type: ignore[no-any-return]


_EXACT_LIMIT = 2.0**40
"""Sums of multiples of 1/64 below this (in absolute value) are exact doubles."""


def _exact_sums(weight: FloatArray) -> bool:
    """Whether every sum of these weights is a multiple of 1/64 held exactly.

    Such a number has at most six decimals, so ``round(x, 6)`` gives it back unchanged; the
    built-in lexicons weigh cues in halves.
    """
    scaled = weight * 64.0
    return bool((scaled == np.rint(scaled)).all()) and float(np.abs(weight).sum()) < _EXACT_LIMIT


def _negated_hits(
    negatable: list[int], firsts: list[int], norms: Sequence[str], sentences: Sequence[int]
) -> list[int]:
    """The hits (of ``negatable``, by first token) with a negator shortly before them in the
    same sentence.

    Most windows hold no negator: a window whose words are none of ``NEGATORS`` and whose
    joined text holds no "n't" is passed over with two C-level tests; the others are read
    word by word as ``_negated`` did.
    """
    flagged = []
    for index in negatable:
        first = firsts[index]
        lo = max(0, first - NEGATION_WINDOW)
        window = norms[lo:first]
        if NEGATORS.isdisjoint(window) and "n't" not in "".join(window):
            continue
        own = sentences[first]
        for position in range(lo, first):
            if sentences[position] != own:
                continue
            norm = norms[position]
            if norm in NEGATORS or norm.endswith("n't"):
                flagged.append(index)
                break
    return flagged


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
    lexicon: Lexicon, names: Sequence[str], hits: Sequence[int], scores: Sequence[float]
) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...], str | None]:
    """A frames lexicon's profile, used frames and dominant frame, from its categories'
    names, hit counts and (rounded) scores.

    A zero share is not rounded (``round`` gives a zero back as it is), and the used frames
    are picked before they are ordered: a stable sort keeps the order the sorted whole
    would give them. A used frame's score is finite (else the total is not), so the sort
    keys compare consistently.
    """
    if lexicon.kind != "frames":
        return (), (), None
    total = sum(scores)
    if total <= 0:
        return tuple((name, 0.0) for name in names), (), None
    profile = tuple(
        (name, round(score / total, 6) if score else score / total)
        for name, score in zip(names, scores, strict=True)
    )
    picked = [
        k
        for k, (count, score) in enumerate(zip(hits, scores, strict=True))
        if count >= USED_MIN_HITS and score / total >= USED_MIN_SHARE
    ]
    picked.sort(key=lambda k: -scores[k])
    used = tuple(names[k] for k in picked)
    dominant = None
    if used:
        top = scores[names.index(used[0])]
        dominant = used[0] if sum(score == top for score in scores) == 1 else None
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
