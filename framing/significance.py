"""Tests for claimed differences between outlets, and the correction for testing many at once.

Every difference a report calls a difference passes a permutation test, and then the
Benjamini-Hochberg procedure across all the tests of the report (``q`` below 0.05).

- **Sentences as units** (an outlet with few articles): the statistic is the difference between
  two shares of sentences. Permuting which sentences belong to which outlet, with the margins
  fixed, gives the hypergeometric distribution, so the permutation test is computed exactly as
  Fisher's exact test (``scipy.stats.fisher_exact``): no Monte Carlo error, and p-values small
  enough to survive a correction over hundreds of tests.
- **Articles as units** (both sides with at least ``MIN_ARTICLES_FOR_ARTICLE_UNITS`` articles):
  sentences of one article are not independent, so we permute whole articles between the two
  sides, ``PERMUTATIONS`` times, for all rates at once (one label matrix, two matrix products);
  ``p = (1 + #{|d*| >= |d|}) / (1 + PERMUTATIONS)``. SciPy's ``permutation_test`` would run the
  same resampling once per rate; ours shares the draws across rates (measured for 44 rates of
  120 units, 9,999 permutations: 23 ms against 2.0 s with ``scipy.stats.permutation_test``).
- **Benjamini-Hochberg** with ``scipy.stats.false_discovery_control``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.stats import false_discovery_control, fisher_exact

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ALPHA = 0.05
"""A difference is reported when its Benjamini-Hochberg q-value is below this."""
PERMUTATIONS = 9999
"""Random relabellings per article-level test; the smallest possible p is 1 / 10,000."""
MIN_ARTICLES_FOR_ARTICLE_UNITS = 5
"""Both sides need this many articles before articles (not sentences) are the units."""


def fisher_p(count_a: int, n_a: int, count_b: int, n_b: int) -> float:
    """Two-sided exact p-value for a difference between two shares (count of n on each side)."""
    table = [[count_a, n_a - count_a], [count_b, n_b - count_b]]
    return float(fisher_exact(table, alternative="two-sided").pvalue)


def permutation_p(
    numerators: FloatArray,
    denominators: FloatArray,
    in_a: BoolArray,
    *,
    seed: int,
    permutations: int = PERMUTATIONS,
) -> FloatArray:
    """Two-sided permutation p-values for the difference of pooled ratios, one per column.

    ``numerators`` is units x rates, ``denominators`` one value per unit, ``in_a`` marks the
    units of side A. The units are relabelled at random ``permutations`` times, keeping the
    size of each side.
    """
    observed = _ratio_difference(numerators, denominators, in_a[None, :].astype(np.float64))[0]
    rng = np.random.default_rng(seed)
    n_units = len(in_a)
    n_a = int(in_a.sum())
    exceed = np.zeros(numerators.shape[1])
    done = 0
    while done < permutations:
        size = min(500, permutations - done)
        order = np.argsort(rng.random((size, n_units)), axis=1)
        labels = np.zeros((size, n_units))
        np.put_along_axis(labels, order[:, :n_a], 1.0, axis=1)
        differences = _ratio_difference(numerators, denominators, labels)
        exceed += (np.abs(differences) >= np.abs(observed) - 1e-12).sum(axis=0)
        done += size
    p: FloatArray = (1.0 + exceed) / (1.0 + permutations)
    return p


def _ratio_difference(
    numerators: FloatArray, denominators: FloatArray, labels: FloatArray
) -> FloatArray:
    """Pooled ratio of side A minus that of side B, for each labelling (rows) and rate."""
    rest = 1.0 - labels
    with np.errstate(divide="ignore", invalid="ignore"):
        a = (labels @ numerators) / (labels @ denominators)[:, None]
        b = (rest @ numerators) / (rest @ denominators)[:, None]
    difference: FloatArray = np.nan_to_num(a - b)
    return difference


def benjamini_hochberg(p_values: FloatArray) -> FloatArray:
    """q-values (Benjamini & Hochberg 1995) for a family of p-values; empty in, empty out."""
    if len(p_values) == 0:
        return np.zeros(0)
    q: FloatArray = np.asarray(false_discovery_control(p_values, method="bh"), dtype=np.float64)
    return q
