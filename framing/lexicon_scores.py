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
from typing import cast

import numpy as np
import numpy.typing as npt

from framing.lexicon import Lexicon
from framing.lexicon_counts import NEGATION_WINDOW, NEGATORS, BatchCounts, count_batch  # noqa: F401 (the negation rule is named here)
from framing.matching import BatchHits, CompiledLexicons, Hits
from framing.model import Document, Evidence

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

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


def score_batch(
    documents: Sequence[Document], compiled: CompiledLexicons
) -> list[tuple[ArticleLexiconScores, ...]]:
    """Match and score every compiled lexicon on a batch of documents (per document, its
    lexicons' scores in ``compiled.lexicons`` order)."""
    prepared = [document.prepared for document in documents]
    hits = compiled.match_batch(prepared, [document.article.text for document in documents])
    return score_batch_hits(documents, hits, compiled)


def score_batch_hits(
    documents: Sequence[Document], hits: BatchHits, compiled: CompiledLexicons
) -> list[tuple[ArticleLexiconScores, ...]]:
    """Score a batch of documents from their hits (``CompiledLexicons.match_batch``)."""
    counts = count_batch([document.prepared for document in documents], hits, compiled)
    return [_article_scores(document, a, counts, compiled) for a, document in enumerate(documents)]


def score_lexicons(
    document: Document, hits: Hits, compiled: CompiledLexicons
) -> tuple[ArticleLexiconScores, ...]:
    """Score every compiled lexicon on one document from its hits (``match_documents``)."""
    one = BatchHits(
        hits.first,
        hits.last,
        hits.entry,
        np.zeros(len(hits), dtype=np.int64),
        np.asarray([0, len(document.prepared.token_norms)], dtype=np.int64),
    )
    counts = count_batch([document.prepared], one, compiled)
    return _article_scores(document, 0, counts, compiled)


def _article_scores(
    document: Document, index: int, counts: BatchCounts, compiled: CompiledLexicons
) -> tuple[ArticleLexiconScores, ...]:
    """Article ``index`` of a counted batch: each lexicon takes its slice of the categories
    (numbered across lexicons) and of the hits (sorted by lexicon, then first token).

    The records are filled through drafts (``_CategoryDraft``, ``_ScoresDraft``), and a
    lexicon's hits already in text order are sliced once (no identity pick).
    """
    prepared = document.prepared
    article_id = document.id
    text = document.article.text
    n_tokens, n_sentences = prepared.n_tokens, prepared.n_sentences
    offsets = compiled.category_offset.tolist()
    bounds = counts.hit_bounds[index]
    hit_counts_all = counts.hit_counts[index]
    scores_all = counts.scores[index]
    sentence_counts = counts.sentence_counts[index]
    negated_counts = counts.negated_counts[index]
    with_cue = counts.with_cue[index]
    exact = counts.exact[index]
    disordered = counts.disordered
    start_all, end_all, sentence_all = counts.start, counts.end, counts.sentence
    category_all, weight_all, negated_all = counts.category, counts.weight, counts.negated
    results = []
    for lexicon_index, item in enumerate(compiled.lexicons):
        base = offsets[lexicon_index]
        names = compiled.category_ids[lexicon_index]
        top = base + len(names)
        hit_counts, scores = hit_counts_all[base:top], scores_all[base:top]
        if not exact:
            scores = [round(score, 6) for score in scores]
        categories = tuple(
            map(
                _new_category,
                names,
                hit_counts,
                scores,
                sentence_counts[base:top],
                negated_counts[base:top],
            )
        )
        if item.kind == "frames":
            profile, used, dominant = _frame_profile(item, names, hit_counts, scores)
        else:
            profile, used, dominant = (), (), None
        lo, hi = bounds[lexicon_index], bounds[lexicon_index + 1]
        if (index, lexicon_index) in disordered:
            order = lo + np.argsort(start_all[lo:hi], kind="stable")
            columns = (
                start_all[order],
                end_all[order],
                sentence_all[order],
                category_all[order],
                weight_all[order],
                negated_all[order],
            )
        else:
            columns = (
                start_all[lo:hi],
                end_all[lo:hi],
                sentence_all[lo:hi],
                category_all[lo:hi],
                weight_all[lo:hi],
                negated_all[lo:hi],
            )
        results.append(
            _new_scores(
                item.name,
                article_id,
                n_tokens,
                n_sentences,
                categories,
                with_cue[lexicon_index],
                profile,
                used,
                dominant,
                names,
                text,
                *columns,
            )
        )
    return tuple(results)


class _CategoryDraft:
    """A ``CategoryCount`` while its fields are set: the same slots, plain assignment.

    Why: a frozen dataclass sets each field through ``object.__setattr__``, and an article
    has 37 categories (about 0.65 us each that way, 0.25 us so). The class has the same slots
    (CPython lays them out by sorted name) and no other state, so ``__class__`` may be
    reassigned: the result is the ``CategoryCount`` the constructor would build (equal, same
    type; ``tests/test_record_speed_scores.py`` checks every field of every record, and that
    the slots agree). Frozen is about assignment afterwards, which stays forbidden.
    """

    __slots__ = ("category", "hits", "negated", "score", "sentences")

    def __init__(self, category: str, hits: int, score: float, sentences: int, negated: int):
        self.category = category
        self.hits = hits
        self.score = score
        self.sentences = sentences
        self.negated = negated
        self.__class__ = CategoryCount  # type: ignore[assignment]


_new_category = cast("type[CategoryCount]", _CategoryDraft)
"""``CategoryCount``'s constructor as the type checker sees it, built by ``_CategoryDraft``."""


class _ScoresDraft:
    """An ``ArticleLexiconScores`` while its fields are set (as ``_CategoryDraft``)."""

    __slots__ = (
        "article_id", "categories", "category_ids", "dominant", "hit_category", "hit_end",
        "hit_negated", "hit_sentence", "hit_start", "hit_weight", "lexicon", "n_sentences",
        "n_tokens", "profile", "sentences_with_cue", "text", "used",
    )  # fmt: skip

    def __init__(
        self,
        lexicon: str,
        article_id: str,
        n_tokens: int,
        n_sentences: int,
        categories: tuple[CategoryCount, ...],
        sentences_with_cue: int,
        profile: tuple[tuple[str, float], ...],
        used: tuple[str, ...],
        dominant: str | None,
        category_ids: tuple[str, ...],
        text: str,
        hit_start: IntArray,
        hit_end: IntArray,
        hit_sentence: IntArray,
        hit_category: IntArray,
        hit_weight: FloatArray,
        hit_negated: BoolArray,
    ) -> None:
        self.lexicon = lexicon
        self.article_id = article_id
        self.n_tokens = n_tokens
        self.n_sentences = n_sentences
        self.categories = categories
        self.sentences_with_cue = sentences_with_cue
        self.profile = profile
        self.used = used
        self.dominant = dominant
        self.category_ids = category_ids
        self.text = text
        self.hit_start = hit_start
        self.hit_end = hit_end
        self.hit_sentence = hit_sentence
        self.hit_category = hit_category
        self.hit_weight = hit_weight
        self.hit_negated = hit_negated
        self.__class__ = ArticleLexiconScores  # type: ignore[assignment]


_new_scores = cast("type[ArticleLexiconScores]", _ScoresDraft)
"""``ArticleLexiconScores``' constructor as the type checker sees it."""


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
        return tuple([(name, 0.0) for name in names]), (), None
    shares = [score / total for score in scores]
    rounded = [round(share, 6) if share else share for share in shares]
    profile = tuple(zip(names, rounded, strict=True))
    picked = [
        k for k, count in enumerate(hits) if count >= USED_MIN_HITS and shares[k] >= USED_MIN_SHARE
    ]
    if not picked:
        return profile, (), None
    picked.sort(key=lambda k: -scores[k])
    used = tuple([names[k] for k in picked])
    top = scores[names.index(used[0])]
    # scores.count compares by ==, as a sum of (score == top) would: every score is finite
    # here (a used frame's share is a number, so the total and every score are finite)
    dominant = used[0] if scores.count(top) == 1 else None
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
