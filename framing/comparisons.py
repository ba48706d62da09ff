"""Every rate of every outlet and group with its interval, and a test for every difference.

For each story this module turns the per-article lexicon hits and sentence tone into *units*
(sentences, or articles when a side has several), then:

- estimates each rate (share of sentences with a cue, cues per 1,000 words, mean tone) with a
  bootstrap interval (:mod:`framing.intervals`) and its sample size;
- tests every difference in a share of sentences: each outlet against the rest of the story,
  every pair of outlets, and the same for outlet groups (:mod:`framing.significance`);
- leaves untested, and says so, what rests on too little text: an outlet with fewer than
  ``MIN_SENTENCES`` sentences, or a cue found in fewer than ``MIN_CUE_SENTENCES`` sentences of
  the two sides together. Such cells read "not enough text", never "a difference".

The q-values (Benjamini-Hochberg) are computed across all the tests of a report, which may hold
several stories, so they are filled in afterwards by :func:`adjust`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np
import numpy.typing as npt

from framing.intervals import CONFIDENCE, bootstrap_ratios, exact_share_intervals, seed_for
from framing.lexicon import Lexicon
from framing.lexicon_scores import ArticleLexiconScores
from framing.model import PreparedText
from framing.quotes import Quote
from framing.significance import (
    ALPHA,
    MIN_ARTICLES_FOR_ARTICLE_UNITS,
    fisher_p_values,
    permutation_p,
)
from framing.tone import ArticleTone, classify

FloatArray = npt.NDArray[np.float64]

MIN_SENTENCES = 20
"""An outlet or group with fewer sentences is shown, but not compared: "not enough text"."""
MIN_CUE_SENTENCES = 5
"""A cue found in fewer sentences (both sides together) is not tested: too rare to say."""
FISHER = "exact permutation test (Fisher), sentences as units"
"""The method of a test with sentences as units."""
TONE = "tone"
SOURCES = "sources"


@dataclass(frozen=True, slots=True)
class Metric:
    """One measured quantity: a lexicon category, a lexicon's "any cue", or a tone class."""

    key: str
    lexicon: str
    category: str
    label: str
    lexicon_title: str
    frames: bool


@dataclass(frozen=True, slots=True)
class Estimate:
    """One metric for one outlet or group: the share of sentences and the rate per 1,000 words,
    each with its interval and the counts it rests on."""

    holder: str
    metric: str
    sentences_with: int
    n_sentences: int
    share: float
    share_low: float
    share_high: float
    hits: int
    n_tokens: int
    per_1000: float
    per_1000_low: float
    per_1000_high: float
    n_articles: int
    enough: bool


@dataclass(frozen=True, slots=True)
class Comparison:
    """One tested (or deliberately untested) difference in a share of sentences."""

    metric: str
    kind: str
    a: str
    b: str
    count_a: int
    n_a: int
    count_b: int
    n_b: int
    share_a: float
    share_b: float
    difference: float
    ratio: float | None
    method: str
    tested: bool
    reason: str
    p: float | None
    q: float | None

    @property
    def significant(self) -> bool:
        return self.q is not None and self.q < ALPHA


@dataclass(frozen=True, slots=True)
class ToneEstimate:
    """Mean sentence tone of an outlet or group, with its interval."""

    holder: str
    mean: float
    low: float
    high: float
    n_sentences: int


@dataclass(frozen=True, slots=True)
class StoryStatistics:
    """Every estimate and comparison of one story."""

    metrics: tuple[Metric, ...]
    estimates: tuple[Estimate, ...]
    tone: tuple[ToneEstimate, ...]
    comparisons: tuple[Comparison, ...]
    confidence: float

    def estimate(self, holder: str, metric: str) -> Estimate:
        return next(e for e in self.estimates if e.holder == holder and e.metric == metric)

    def versus_rest(self, holder: str, metric: str) -> Comparison | None:
        for comparison in self.comparisons:
            if (
                comparison.a == holder
                and comparison.metric == metric
                and comparison.kind in ("outlet-vs-rest", "group-vs-rest")
            ):
                return comparison
        return None


@dataclass(frozen=True, slots=True)
class ArticleUnits:
    """One article as rows of sentences: cue flags, cue counts, tokens, tone."""

    article_id: str
    outlet: str
    group: str
    flags: FloatArray
    counts: FloatArray
    tokens: FloatArray
    compound: FloatArray


def short_title(title: str) -> str:
    """A lexicon title without its subtitle: "Generic news frames - Semetko and Valkenburg
    (2000)" reads "Generic news frames" inside a sentence."""
    for separator in (" (", " - ", ": "):
        title = title.split(separator)[0]
    return title


def metrics_for(lexicons: Sequence[Lexicon]) -> tuple[Metric, ...]:
    """The metrics of a report: every lexicon category, each lexicon's "any cue", and tone."""
    metrics: list[Metric] = []
    for lexicon in lexicons:
        for category in lexicon.categories:
            metrics.append(
                Metric(
                    f"{lexicon.name}/{category.id}",
                    lexicon.name,
                    category.id,
                    category.label,
                    lexicon.title,
                    lexicon.kind == "frames",
                )
            )
        metrics.append(
            Metric(
                f"{lexicon.name}/any",
                lexicon.name,
                "any",
                f"cues of {short_title(lexicon.title).lower()}",
                lexicon.title,
                False,
            )
        )
    for tone in ("positive", "negative"):
        metrics.append(Metric(f"{TONE}/{tone}", TONE, tone, f"{tone} tone", "Tone (VADER)", False))
    metrics.append(Metric(f"{SOURCES}/quote", SOURCES, "quote", "quoted speech", "Sources", False))
    metrics.append(
        Metric(f"{SOURCES}/anonymous", SOURCES, "anonymous", "anonymous sourcing", "Sources", False)
    )
    return tuple(metrics)


def article_units(
    article_id: str,
    outlet: str,
    group: str,
    prepared: PreparedText,
    scores: Sequence[ArticleLexiconScores],
    tone: ArticleTone,
    quotes: Sequence[Quote],
    metrics: Sequence[Metric],
) -> ArticleUnits:
    """Turn one article's hits into per-sentence rows (one column per metric)."""
    token_sentence = prepared.token_sentence
    n_sentences = len(tone.compounds)
    column = {metric.key: index for index, metric in enumerate(metrics)}
    flags = np.zeros((n_sentences, len(metrics)))
    counts = np.zeros((n_sentences, len(metrics)))
    for item in scores:
        categories = np.asarray(
            [column[f"{item.lexicon}/{c}"] for c in item.category_ids], dtype=np.int64
        )
        if len(item.hit_sentence):
            np.add.at(counts, (item.hit_sentence, categories[item.hit_category]), 1.0)
            any_key = f"{item.lexicon}/any"
            if any_key in column:
                counts[:, column[any_key]] += np.bincount(item.hit_sentence, minlength=n_sentences)[
                    :n_sentences
                ]
    sentence_starts = [span.start for span in prepared.sentences]
    for quote in quotes:
        sentence = max(0, bisect_right(sentence_starts, quote.start) - 1)
        if sentence < n_sentences:
            counts[sentence, column[f"{SOURCES}/quote"]] += 1
            if quote.anonymous:
                counts[sentence, column[f"{SOURCES}/anonymous"]] += 1
    flags[counts > 0] = 1.0
    compound = np.asarray(tone.compounds, dtype=np.float64)
    for name in ("positive", "negative"):
        key = f"{TONE}/{name}"
        if key in column:
            flags[:, column[key]] = [classify(c) == name for c in compound.tolist()]
    tokens = np.bincount(np.asarray(token_sentence, dtype=np.int64), minlength=n_sentences)
    return ArticleUnits(
        article_id, outlet, group, flags, counts, tokens[:n_sentences].astype(np.float64), compound
    )


@dataclass(frozen=True, slots=True)
class _Side:
    """The units of one outlet, group, or "the rest", ready to estimate and test."""

    name: str
    articles: tuple[ArticleUnits, ...]

    @property
    def n_sentences(self) -> int:
        return sum(len(a.compound) for a in self.articles)

    def flag_sums(self) -> FloatArray:
        sums: FloatArray = np.vstack([a.flags.sum(axis=0) for a in self.articles]).sum(axis=0)
        return sums

    def article_rows(self) -> tuple[FloatArray, FloatArray]:
        """Per-article sums of flags (articles x metrics) and sentence counts."""
        flags = np.vstack([a.flags.sum(axis=0) for a in self.articles])
        sizes = np.asarray([len(a.compound) for a in self.articles], dtype=np.float64)
        return flags, sizes


def compare_story(
    story_id: str, units: Sequence[ArticleUnits], metrics: Sequence[Metric]
) -> StoryStatistics:
    """Estimate every rate and test every difference of one story (q-values come later)."""
    outlets = list(dict.fromkeys(u.outlet for u in units))
    groups = sorted({u.group for u in units if u.group})
    sides = {o: _Side(o, tuple(u for u in units if u.outlet == o)) for o in outlets}
    group_sides = {
        f"group: {g}": _Side(f"group: {g}", tuple(u for u in units if u.group == g)) for g in groups
    }
    holders = {**sides, **(group_sides if len(groups) > 1 else {})}
    estimates: list[Estimate] = []
    tones: list[ToneEstimate] = []
    for side in holders.values():
        found, tone = _estimate(story_id, side, metrics)
        estimates.extend(found)
        tones.append(tone)
    comparisons: list[Comparison] = []
    if len(outlets) > 1:
        for outlet in outlets:
            rest = _Side("the other outlets", tuple(u for u in units if u.outlet != outlet))
            comparisons += _compare(story_id, "outlet-vs-rest", sides[outlet], rest, metrics)
        for a, b in combinations(outlets, 2):
            comparisons += _compare(story_id, "pair", sides[a], sides[b], metrics)
    if len(groups) > 1:
        # A group of one outlet would repeat that outlet's tests (the same sentences against
        # the same rest), and a pair of such groups an outlet pair: only new tests are run.
        outlets_in = {g: {u.outlet for u in units if u.group == g} for g in groups}
        for group in groups:
            if len(outlets_in[group]) < 2:
                continue
            key = f"group: {group}"
            rest = _Side("the rest of the story", tuple(u for u in units if u.group != group))
            comparisons += _compare(story_id, "group-vs-rest", group_sides[key], rest, metrics)
        for a, b in combinations(groups, 2):
            if len(outlets_in[a]) < 2 and len(outlets_in[b]) < 2:
                continue
            comparisons += _compare(
                story_id,
                "group-pair",
                group_sides[f"group: {a}"],
                group_sides[f"group: {b}"],
                metrics,
            )
    return StoryStatistics(
        tuple(metrics),
        tuple(estimates),
        tuple(tones),
        tuple(_with_fisher_p(comparisons)),
        CONFIDENCE,
    )


def _estimate(
    story_id: str, side: _Side, metrics: Sequence[Metric]
) -> tuple[list[Estimate], ToneEstimate]:
    articles = side.articles
    flags = np.vstack([a.flags for a in articles])
    counts = np.vstack([a.counts for a in articles])
    tokens = np.concatenate([a.tokens for a in articles])
    compound = np.concatenate([a.compound for a in articles])
    n_sentences = len(compound)
    if len(articles) >= MIN_ARTICLES_FOR_ARTICLE_UNITS:
        # Cluster bootstrap: the units are the articles. With two or three articles, their
        # spread says little, so below this the sentences are resampled.
        sentence_numerators = np.vstack(
            [np.column_stack([a.flags, a.compound]).sum(axis=0) for a in articles]
        )
        sentence_denominators = np.asarray([len(a.compound) for a in articles], dtype=np.float64)
        token_numerators = np.vstack([a.counts.sum(axis=0) for a in articles])
        token_denominators = np.asarray([a.tokens.sum() for a in articles])
    else:
        sentence_numerators = np.column_stack([flags, compound])
        sentence_denominators = np.ones(n_sentences)
        token_numerators = counts
        token_denominators = tokens
    seed = seed_for(story_id, side.name)
    share_low, share_high = bootstrap_ratios(sentence_numerators, sentence_denominators, seed=seed)
    rate_low, rate_high = bootstrap_ratios(token_numerators, token_denominators, seed=seed + 1)
    flag_sums = flags.sum(axis=0)
    count_sums = counts.sum(axis=0)
    n_tokens = int(tokens.sum())
    enough = n_sentences >= MIN_SENTENCES
    # One vectorised call for every metric; read only where the bootstrap has nothing to vary.
    exact_low, exact_high = exact_share_intervals(flag_sums.astype(np.int64), n_sentences)
    estimates = []
    for k, metric in enumerate(metrics):
        share = float(flag_sums[k] / n_sentences) if n_sentences else 0.0
        per_1000 = float(1000 * count_sums[k] / n_tokens) if n_tokens else 0.0
        low, high = _finite(share_low[k], share), _finite(share_high[k], share)
        if flag_sums[k] in (0, n_sentences):
            low, high = float(exact_low[k]), float(exact_high[k])
        estimates.append(
            Estimate(
                side.name,
                metric.key,
                int(flag_sums[k]),
                n_sentences,
                share,
                low,
                high,
                int(count_sums[k]),
                n_tokens,
                per_1000,
                _finite(1000 * rate_low[k], per_1000),
                _finite(1000 * rate_high[k], per_1000),
                len(articles),
                enough,
            )
        )
    mean = float(compound.mean()) if n_sentences else 0.0
    tone = ToneEstimate(
        side.name,
        mean,
        _finite(share_low[-1], mean),
        _finite(share_high[-1], mean),
        n_sentences,
    )
    return estimates, tone


def _finite(value: float, fallback: float) -> float:
    return float(value) if np.isfinite(value) else fallback


def _compare(
    story_id: str, kind: str, a: _Side, b: _Side, metrics: Sequence[Metric]
) -> list[Comparison]:
    """Test side A against side B for every metric; untested ones say why."""
    n_a, n_b = a.n_sentences, b.n_sentences
    sums_a, sums_b = a.flag_sums(), b.flag_sums()
    article_units = (
        len(a.articles) >= MIN_ARTICLES_FOR_ARTICLE_UNITS
        and len(b.articles) >= MIN_ARTICLES_FOR_ARTICLE_UNITS
    )
    enough = n_a >= MIN_SENTENCES and n_b >= MIN_SENTENCES
    permuted: FloatArray | None = None
    if enough and article_units:
        rows_a, sizes_a = a.article_rows()
        rows_b, sizes_b = b.article_rows()
        in_a = np.concatenate([np.ones(len(sizes_a), bool), np.zeros(len(sizes_b), bool)])
        permuted = permutation_p(
            np.vstack([rows_a, rows_b]),
            np.concatenate([sizes_a, sizes_b]),
            in_a,
            seed=seed_for(story_id, kind, a.name, b.name),
        )
    results = []
    for k, metric in enumerate(metrics):
        count_a, count_b = int(sums_a[k]), int(sums_b[k])
        share_a = count_a / n_a if n_a else 0.0
        share_b = count_b / n_b if n_b else 0.0
        reason = ""
        if not enough:
            reason = f"not enough text (fewer than {MIN_SENTENCES} sentences on a side)"
        elif count_a + count_b < MIN_CUE_SENTENCES:
            reason = f"too rare to test (fewer than {MIN_CUE_SENTENCES} sentences with it)"
        p: float | None = None
        method = ""
        if not reason:
            if permuted is not None:
                p = float(permuted[k])
                method = "permutation test, articles as units"
            else:
                method = FISHER  # p comes in one batch per story: see _with_fisher_p
        results.append(
            Comparison(
                metric.key,
                kind,
                a.name,
                b.name,
                count_a,
                n_a,
                count_b,
                n_b,
                share_a,
                share_b,
                share_a - share_b,
                share_a / share_b if share_b else None,
                method,
                not reason,
                reason,
                p,
                None,
            )
        )
    return results


def _with_fisher_p(comparisons: list[Comparison]) -> list[Comparison]:
    """Fill in the p-values of the exact tests, every table of a story in one call.

    A story has hundreds of these tables; :func:`fisher_p_values` computes them together
    (each hypergeometric call has a fixed cost of about 0.1 ms, whatever the array size).
    """
    pending = [i for i, c in enumerate(comparisons) if c.method == FISHER]
    if not pending:
        return comparisons
    tables = np.array(
        [[c.count_a, c.n_a, c.count_b, c.n_b] for c in (comparisons[i] for i in pending)],
        dtype=np.int64,
    )
    p_values = fisher_p_values(tables[:, 0], tables[:, 1], tables[:, 2], tables[:, 3])
    filled = list(comparisons)
    for i, p in zip(pending, p_values.tolist(), strict=True):
        filled[i] = replace(filled[i], p=p)
    return filled
