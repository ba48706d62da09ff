"""Distinctive terms: which words and phrases a target uses more than the text it is compared with.

A *term* is a word or a phrase of up to ``max_n`` consecutive words (an n-gram) inside one
sentence. A *target* is what is compared, in three ways, all on the same counts:

- every outlet against the rest of the story (``by_outlet``);
- every outlet group (the articles' ``group`` label: country, ownership, lean) against the rest
  of the story, when the story has at least two groups (``by_group``);
- every pair of outlets, one against the other only (``pairs``): what A says more than B, and
  what B says more than A.

Each term of each target gets, beside its raw counts:

- TF-IDF (scikit-learn's ``TfidfTransformer``, each outlet's or group's articles pooled into
  one document): the simple view, high for terms frequent in one outlet and rare in the others;
- the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
  Political Analysis 16(4), eq. 16, 20 and 22), in natural logs, with its z-score. The prior is
  the story's pooled counts (times ``prior_scale``), or a background corpus's counts when one is
  given. Why this is the ranking: its z accounts for how often a term occurs at all, so a term
  used 3 times against 0 is not ranked above one used 30 times against 5;
- G2 keyness (Rayson & Garside 2000) with Log Ratio (Hardie 2014) as its effect size, from
  ``framing.keyness``: the statistic corpus linguists will look for, and the *test*: its p-value
  (chi-squared, one degree of freedom) and the Benjamini-Hochberg q-value over every test of
  the story (every term, every target: outlets, groups and pairs together), so a "notable" term
  is one that survives the whole set of comparisons the report shows. Why G2 and not the z of
  the log-odds: with the story's own counts as the prior, the z is shrunk so hard on short
  texts that it serves to *rank* terms but, read as a test, would almost never reject (a term
  used 10 times against 0 in 800 words gets z = 2.8, q near 1 across ten thousand tests),
  whereas G2 is the standard keyness test.

Rules that keep the list trustworthy:

- a term is listed for a target only if the target uses it at least ``min_count`` times, and
  only on the side it favours (z > 0), ranked by z then alphabetically;
- a target with fewer than ``MIN_TOKENS`` counted words, or compared with fewer, is marked
  ``too_small`` and lists nothing: on a few hundred words every rare word looks distinctive;
- with ``unit="articles"`` a term's count is the number of articles that use it, so one long
  op-ed repeating a word cannot make it its outlet's signature (an outlet then needs
  ``min_count`` articles before it can list anything, and is ``too_small`` without them).

Every occurrence of a listed term in the target's articles is returned as ``Evidence`` (layer
``term``, label the term), so each number can be traced to its sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray
from scipy.stats import false_discovery_control

from framing.keyness import g2_p_value, log_likelihood_g2, log_odds_dirichlet_totals, log_ratio
from framing.model import Story
from framing.statistics import log_odds_dirichlet
from framing.term_counting import (
    JEFFREYS,
    MAX_N,
    MIN_TOKENS,
    STOP_WORDS,
    Counts,
    TermOptions,
    Unit,
    count_story,
    countable_norms,
    term_counts,
)
from framing.term_evidence import occurrences, term_evidence
from framing.term_results import (
    NOTABLE_Q,
    GroupTerms,
    OutletTerms,
    PairTerms,
    TermScore,
    TermsResult,
)

__all__ = [
    "JEFFREYS",
    "MAX_N",
    "MIN_TOKENS",
    "NOTABLE_Q",
    "STOP_WORDS",
    "GroupTerms",
    "OutletTerms",
    "PairTerms",
    "TermOptions",
    "TermScore",
    "TermsResult",
    "Unit",
    "countable_norms",
    "distinctive_terms",
    "log_odds_dirichlet",
    "term_counts",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class _Target:
    """One comparison: counts of the kept terms on each side, and each side's totals.

    ``n_own`` and ``n_other`` are per kept term (the totals of its phrase length, or the
    article counts), ``tokens_*`` the counted words that decide ``too_small``. Only a
    ``pair`` lists terms for its other side too (the rest of a story is not a voice).
    """

    own: FloatArray
    other: FloatArray
    n_own: FloatArray
    n_other: FloatArray
    tokens_own: int
    tokens_other: int
    articles_own: int
    articles_other: int
    tfidf_own: FloatArray
    tfidf_other: FloatArray
    docs_own: IntArray
    docs_other: IntArray
    pair: bool = False


@dataclass(frozen=True, slots=True)
class _Listed:
    """The listed terms of one side of one target, with their tests' places in the family."""

    columns: IntArray
    family_index: IntArray
    own: FloatArray
    other: FloatArray
    n_own: FloatArray
    n_other: FloatArray
    tfidf: FloatArray
    delta: FloatArray
    variance: FloatArray
    z: FloatArray
    p: FloatArray


def _side_totals(counts: Counts, n_totals: FloatArray, articles: float, unit: Unit) -> FloatArray:
    """Return, per kept term, the total a side's count of it is out of."""
    if unit == "articles":
        return np.full(counts.keep.size, articles, dtype=np.float64)
    if counts.keep.size == 0:
        return np.zeros(0)
    return np.asarray(n_totals[counts.term_n[counts.keep] - 1], dtype=np.float64)


def _targets(
    story: Story, groups: Sequence[str], counts: Counts, unit: Unit
) -> tuple[list[_Target], list[_Target], list[_Target]]:
    """Build the outlet, group and pair comparisons from the pooled counts."""
    documents = story.documents
    outlet_docs = [
        np.flatnonzero([d.article.outlet == o for d in documents]).astype(np.int64)
        for o in story.outlets
    ]
    group_docs = [
        np.flatnonzero([d.article.group == g for d in documents]).astype(np.int64) for g in groups
    ]
    all_docs = np.arange(len(documents), dtype=np.int64)
    pooled_articles = float(len(documents))

    def against_rest(
        kept: FloatArray, n_totals: FloatArray, articles: float, tfidf: FloatArray, docs: IntArray
    ) -> _Target:
        rest_totals = counts.pooled_n_totals - n_totals
        return _Target(
            own=kept,
            other=counts.pooled_kept - kept,
            n_own=_side_totals(counts, n_totals, articles, unit),
            n_other=_side_totals(counts, rest_totals, pooled_articles - articles, unit),
            tokens_own=int(n_totals[0]),
            tokens_other=int(rest_totals[0]),
            articles_own=int(articles),
            articles_other=int(pooled_articles - articles),
            tfidf_own=tfidf,
            tfidf_other=np.zeros_like(tfidf),
            docs_own=docs,
            docs_other=np.setdiff1d(all_docs, docs),
        )

    by_outlet = [
        against_rest(
            counts.outlet_kept[row],
            counts.outlet_n_totals[row],
            float(counts.outlet_articles[row]),
            counts.outlet_tfidf[row],
            outlet_docs[row],
        )
        for row in range(len(story.outlets))
    ]
    by_group = [
        against_rest(
            counts.group_kept[row],
            counts.group_n_totals[row],
            float(counts.group_articles[row]),
            counts.group_tfidf[row],
            group_docs[row],
        )
        for row in range(len(groups))
    ]
    pairs = []
    for a, b in combinations(range(len(story.outlets)), 2):
        pairs.append(
            _Target(
                own=counts.outlet_kept[a],
                other=counts.outlet_kept[b],
                n_own=_side_totals(
                    counts, counts.outlet_n_totals[a], float(counts.outlet_articles[a]), unit
                ),
                n_other=_side_totals(
                    counts, counts.outlet_n_totals[b], float(counts.outlet_articles[b]), unit
                ),
                tokens_own=int(counts.outlet_n_totals[a][0]),
                tokens_other=int(counts.outlet_n_totals[b][0]),
                articles_own=int(counts.outlet_articles[a]),
                articles_other=int(counts.outlet_articles[b]),
                tfidf_own=counts.outlet_tfidf[a],
                tfidf_other=counts.outlet_tfidf[b],
                docs_own=outlet_docs[a],
                docs_other=outlet_docs[b],
                pair=True,
            )
        )
    return by_outlet, by_group, pairs


class _Family:
    """The story's word family: every test made, in order, for one Benjamini-Hochberg pass.

    Why one family: the report shows outlets, groups and pairs side by side, and a reader
    will pick the most striking term anywhere on the page; a q-value adjusted only within one
    column would let the many comparisons manufacture "findings".
    """

    def __init__(self) -> None:
        self.p_values: list[FloatArray] = []
        self.size = 0

    def add(self, p: FloatArray) -> int:
        """Record some tests and return the family index of the first."""
        start = self.size
        self.p_values.append(p)
        self.size += p.size
        return start

    def q_values(self) -> FloatArray:
        if not self.size:
            return np.zeros(0)
        adjusted: FloatArray = false_discovery_control(np.concatenate(self.p_values), method="bh")
        return adjusted


def _test(
    target: _Target, counts: Counts, options: TermOptions, family: _Family
) -> tuple[_Listed, _Listed]:
    """Test every term of one target; return the listed terms of its own and other side.

    The tests made are the terms the two compared texts use at least ``min_count`` times
    together: a rarer term could never be listed, and leaving it out depends only on the
    pooled count, not on which side uses it, so it does not bias the q-values (independent
    filtering, Bourgon, Gentleman & Huber 2010, PNAS 107(21)). For an outlet or group
    against the rest that is every kept term; for a pair, the terms the two outlets share
    enough. A too-small target is not tested at all.
    """
    tested = np.flatnonzero(target.own + target.other >= options.min_count)
    own, other = target.own[tested], target.other[tested]
    n_own, n_other = target.n_own[tested], target.n_other[tested]
    delta, variance, z = log_odds_dirichlet_totals(
        own,
        other,
        counts.prior[tested],
        n_own,
        n_other,
        counts.prior_total[tested],
        complement=options.unit == "articles",
    )
    # A term that is the whole text of its length on both sides (a story with one distinct
    # phrase) has no odds to compare: no difference, rather than NaN.
    broken = ~np.isfinite(z)
    delta[broken], z[broken] = 0.0, 0.0
    p = g2_p_value(log_likelihood_g2(own, other, n_own, n_other))
    start = family.add(p)
    rank = counts.keep[tested]  # the vocabulary is sorted, so the column order is term order

    def side(chosen: BoolArray, sign: float, tfidf: FloatArray) -> _Listed:
        candidates = np.flatnonzero(chosen)
        # Rounded z first, so float noise cannot reorder ties; then the term itself.
        order = np.lexsort((rank[candidates], -np.round(sign * z[candidates], 9)))
        pick = candidates[order][: options.top_k]
        first, second = (own, other) if sign > 0 else (other, own)
        first_n, second_n = (n_own, n_other) if sign > 0 else (n_other, n_own)
        return _Listed(
            columns=tested[pick],
            family_index=start + pick,
            own=first[pick],
            other=second[pick],
            n_own=first_n[pick],
            n_other=second_n[pick],
            tfidf=tfidf[tested[pick]],
            delta=sign * delta[pick],
            variance=variance[pick],
            z=sign * z[pick],
            p=p[pick],
        )

    mine = side((own >= options.min_count) & (z > 0), 1.0, target.tfidf_own)
    wanted = (other >= options.min_count) & (z < 0) if target.pair else np.zeros(z.size, bool)
    theirs = side(wanted, -1.0, target.tfidf_other)
    return mine, theirs


def _too_small(target: _Target, options: TermOptions) -> bool:
    """Say whether a comparison has too little text to list anything (it is then not tested).

    Both sides need ``min_tokens`` counted words (and at least one). Counting articles, a
    side with fewer than ``min_count`` articles can never list a term: an outlet or group is
    then too small, and a pair when neither of its outlets has enough articles.
    """
    floor = max(options.min_tokens, 1)
    if target.tokens_own < floor or target.tokens_other < floor:
        return True
    if options.unit == "articles":
        few_own = target.articles_own < options.min_count
        few_other = target.articles_other < options.min_count
        return few_own and (few_other or not target.pair)
    return False


def _rounded(value: float, digits: int) -> float:
    """Round for determinism; ``+ 0.0`` turns a negative zero into 0.0 (stable JSON)."""
    return round(value, digits) + 0.0


def _significant(value: float) -> float:
    """Round a probability to 4 significant digits: p-values span many orders of magnitude."""
    return float(f"{value:.4g}")


def _scores(listed: _Listed, counts: Counts, q: FloatArray) -> tuple[TermScore, ...]:
    """Turn listed terms into rounded ``TermScore`` records, computing G2 and Log Ratio."""
    g2 = log_likelihood_g2(listed.own, listed.other, listed.n_own, listed.n_other)
    ratio = log_ratio(listed.own, listed.other, listed.n_own, listed.n_other)
    scores = []
    for k, column in enumerate(listed.columns.tolist()):
        vocabulary_index = int(counts.keep[column])
        q_value = float(q[listed.family_index[k]])
        scores.append(
            TermScore(
                term=str(counts.vocabulary[vocabulary_index]),
                n=int(counts.term_n[vocabulary_index]),
                count=int(listed.own[k]),
                count_rest=int(listed.other[k]),
                tfidf=_rounded(float(listed.tfidf[k]), 4),
                delta=_rounded(float(listed.delta[k]), 4),
                variance=_rounded(float(listed.variance[k]), 4),
                z=_rounded(float(listed.z[k]), 3),
                p=_significant(float(listed.p[k])),
                q=_significant(q_value),
                g2=_rounded(float(g2[k]), 3),
                log_ratio=_rounded(float(ratio[k]), 3),
                notable=q_value < NOTABLE_Q,
            )
        )
    return tuple(scores)


def distinctive_terms(
    story: Story, options: TermOptions, background: Mapping[str, int] | None = None
) -> TermsResult:
    """Score every term of a story for every outlet, outlet group and pair of outlets.

    Parameters
    ----------
    story:
        The prepared articles of one story.
    options:
        Listing rules and the counting unit. With ``unit="tokens"`` a count is the number of
        occurrences and the totals are the counted words (for phrases, the counted phrases of
        that length). With ``unit="articles"`` a count is the number of articles that use the
        term at least once and the totals are article counts: "the term is in 3 of this
        outlet's 5 articles, and in 1 of the other 20". Read it as how widely an outlet uses
        a term rather than how much: a single long op-ed repeating a word counts once.
    background:
        Term counts of a background corpus (see ``term_counts``) to use as the prior instead
        of the story's pooled counts: the terms then stand out against ordinary news
        language, not only against this story. Only with ``unit="tokens"``.

    Returns
    -------
    TermsResult
        Per outlet (in ``story.outlets`` order), per group and per pair, the top terms by z,
        each with raw counts, TF-IDF, log-odds, p, q, G2 and Log Ratio, and the evidence of
        every listed term in its target's articles.
    """
    if background is not None and options.unit == "articles":
        raise ValueError(
            "a background prior holds token counts; use unit='tokens' with a background"
        )
    groups = sorted({d.article.group for d in story.documents if d.article.group})
    if len(groups) < 2:
        groups = []
    counts = count_story(story, groups, options, background)
    by_outlet, by_group, pairs = _targets(story, groups, counts, options.unit)
    family = _Family()
    listed: list[tuple[_Listed, _Listed] | None] = []
    for target in (*by_outlet, *by_group, *pairs):
        small = _too_small(target, options)
        listed.append(None if small else _test(target, counts, options, family))
    q = family.q_values()

    def scored(index: int, which: int) -> tuple[TermScore, ...]:
        item = listed[index]
        return () if item is None else _scores(item[which], counts, q)

    unit = options.unit
    outlet_results = tuple(
        OutletTerms(
            outlet=outlet,
            n_tokens=target.tokens_own,
            n_tokens_rest=target.tokens_other,
            terms=scored(row, 0),
            too_small=listed[row] is None,
            unit=unit,
            n_articles=target.articles_own,
            n_articles_rest=target.articles_other,
        )
        for row, (outlet, target) in enumerate(zip(story.outlets, by_outlet, strict=True))
    )
    base = len(by_outlet)
    group_results = tuple(
        GroupTerms(
            group=group,
            outlets=tuple(
                dict.fromkeys(story.documents[i].article.outlet for i in target.docs_own.tolist())
            ),
            n_tokens=target.tokens_own,
            n_tokens_rest=target.tokens_other,
            terms=scored(base + row, 0),
            too_small=listed[base + row] is None,
            unit=unit,
            n_articles=target.articles_own,
            n_articles_rest=target.articles_other,
        )
        for row, (group, target) in enumerate(zip(groups, by_group, strict=True))
    )
    base += len(by_group)
    pair_names = list(combinations(story.outlets, 2))
    pair_results = tuple(
        PairTerms(
            a=a,
            b=b,
            a_terms=scored(base + row, 0),
            b_terms=scored(base + row, 1),
            n_tokens_a=target.tokens_own,
            n_tokens_b=target.tokens_other,
            too_small=listed[base + row] is None,
            unit=unit,
            n_articles_a=target.articles_own,
            n_articles_b=target.articles_other,
        )
        for row, ((a, b), target) in enumerate(zip(pair_names, pairs, strict=True))
    )
    targets = (*by_outlet, *by_group, *pairs)
    evidence = term_evidence(story, counts, targets, listed)
    every_listed: set[int] = set()
    for item in listed:
        if item is not None:
            for side in item:
                every_listed.update(counts.keep[side.columns].tolist())
    contexts = occurrences(
        story, counts, {doc: every_listed for doc in range(len(story.documents))}, "context"
    )
    return TermsResult(
        by_outlet=outlet_results,
        evidence=evidence,
        by_group=group_results,
        pairs=pair_results,
        n_tests=family.size,
        unit=unit,
        contexts=contexts,
    )
