"""The fast paths give what the slow, obvious computations give.

Each replaces a SciPy or standard-library call made thousands of times per report; these tests
compare them on many inputs, so a change in either side shows up here and not as a report
whose numbers drift.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from typing import Any

import numpy as np
import pytest
from scipy.stats import binomtest, chi2, fisher_exact

from framing.indented_json import Stream, indented_json
from framing.intervals import (
    _percentiles,
    _resampling_weights,
    bootstrap_ratios,
    exact_share_interval,
    exact_share_intervals,
)
from framing.keyness import g2_p_value
from framing.significance import fisher_p, fisher_p_values


def _random_tables(seed: int, size: int) -> tuple[np.ndarray, ...]:
    """Small and large 2x2 tables, with empty margins, ties at the mode and extreme tails."""
    rng = np.random.default_rng(seed)
    n_a = rng.integers(0, 400, size)
    n_b = rng.integers(0, 1500, size)
    count_a = np.minimum((rng.random(size) ** 3 * (n_a + 1)).astype(np.int64), n_a)
    count_b = np.minimum((rng.random(size) ** 2 * (n_b + 1)).astype(np.int64), n_b)
    small = slice(0, size // 4)
    n_a[small] = rng.integers(0, 12, size // 4)
    n_b[small] = rng.integers(0, 12, size // 4)
    count_a[small] = np.minimum(rng.integers(0, 13, size // 4), n_a[small])
    count_b[small] = np.minimum(rng.integers(0, 13, size // 4), n_b[small])
    proportional = slice(size // 4, size // 3)
    n_b[proportional] = 3 * n_a[proportional]
    count_b[proportional] = 3 * count_a[proportional]
    return count_a, n_a, count_b, n_b


@pytest.mark.parametrize("seed", [0, 1])
def test_fisher_p_values_equal_scipy_fisher_exact_to_the_bit(seed: int) -> None:
    count_a, n_a, count_b, n_b = _random_tables(seed, 1500)
    fast = fisher_p_values(count_a, n_a, count_b, n_b)
    slow = [
        fisher_exact([[a, x - a], [b, y - b]], alternative="two-sided").pvalue
        for a, x, b, y in zip(count_a, n_a, count_b, n_b, strict=True)
    ]
    assert fast.tolist() == [float(p) for p in slow]


def test_fisher_p_of_one_table_and_of_none() -> None:
    assert fisher_p(3, 3, 0, 3) == float(fisher_exact([[3, 0], [0, 3]]).pvalue)
    empty = np.zeros(0, dtype=np.int64)
    assert len(fisher_p_values(empty, empty, empty, empty)) == 0


@pytest.mark.parametrize("n", [1, 2, 3, 7, 20, 45, 101, 500, 2999])
def test_exact_share_intervals_equal_binomtest_exact_interval(n: int) -> None:
    counts = np.array(sorted({0, 1, n // 3, n // 2, n - 1, n}), dtype=np.int64)
    low, high = exact_share_intervals(counts, n)
    for k, fast_low, fast_high in zip(counts.tolist(), low, high, strict=True):
        ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
        assert fast_low == pytest.approx(ci.low, rel=1e-9, abs=1e-12)
        assert fast_high == pytest.approx(ci.high, rel=1e-9, abs=1e-12)


def test_exact_share_interval_of_nothing_is_everything() -> None:
    assert exact_share_interval(0, 0) == (0.0, 1.0)
    assert exact_share_interval(0, 45)[1] == pytest.approx(1 - 0.025 ** (1 / 45), rel=1e-9)


@pytest.mark.parametrize("with_nan", [False, True])
def test_percentiles_equal_nanquantile_to_the_bit(with_nan: bool) -> None:
    rng = np.random.default_rng(5)
    draws = rng.random((2000, 30)) * 40
    draws[:, :10] = np.round(draws[:, :10]) / 7
    if with_nan:
        draws[rng.random(draws.shape) < 0.01] = np.nan
    low, high = _percentiles(draws, 0.025, 0.975)
    assert np.array_equal(low, np.nanquantile(draws, 0.025, axis=0), equal_nan=True)
    assert np.array_equal(high, np.nanquantile(draws, 0.975, axis=0), equal_nan=True)


def test_g2_p_value_equals_chi2_sf() -> None:
    g2 = np.concatenate([np.random.default_rng(2).random(5000) * 60, [-1.0, 0.0, np.inf, np.nan]])
    expected = chi2.sf(np.maximum(g2, 0.0), 1)
    assert np.array_equal(g2_p_value(g2), expected, equal_nan=True)


SCALARS: list[Any] = [
    None,
    True,
    False,
    0,
    -3,
    1.5,
    1e-20,
    math.nan,
    math.inf,
    12345678901234567890,
    "",
    "x",
    'a\nb"c',
    "é{[,\n]}",
    "}",
    "{",
    "\\",
]


def _document(rng: np.random.Generator, depth: int) -> Any:
    """A random JSON document with every shape the fast paths treat apart."""
    roll = rng.random()
    if depth > 4 or roll < 0.35:
        return (
            SCALARS[rng.integers(len(SCALARS))]
            if rng.random() < 0.9
            else [[], {}, ()][rng.integers(3)]
        )
    if roll < 0.5:  # a list of records
        return [
            {f"k{j}": SCALARS[rng.integers(len(SCALARS))] for j in range(rng.integers(1, 4))}
            for _ in range(rng.integers(0, 4))
        ]
    if roll < 0.7:
        return [_document(rng, depth + 1) for _ in range(rng.integers(0, 4))]
    if roll < 0.75:
        return tuple(_document(rng, depth + 1) for _ in range(rng.integers(0, 4)))
    if roll < 0.8:
        return OrderedDict((str(i), _document(rng, depth + 1)) for i in range(rng.integers(0, 3)))
    if roll < 0.83:
        return {[1, 2.5, True, None, "s"][i]: _document(rng, depth + 1) for i in range(5)}
    keys = ["k", "a b", "ü\n", "{", "[]", ""]
    return {keys[i % 6] + str(i): _document(rng, depth + 1) for i in range(rng.integers(0, 6))}


def test_indented_json_equals_json_dumps_with_indent() -> None:
    rng = np.random.default_rng(11)
    for _ in range(3000):
        document = _document(rng, 0)
        assert indented_json(document) == json.dumps(document, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("items", [[], [1], [{"a": [1]}, 2, {}], [[]], [{"a": 1}, {"b": 2}]])
def test_a_stream_is_written_as_the_list_it_yields(items: list[Any]) -> None:
    streamed = indented_json({"x": 1, "items": Stream(iter(items))})
    assert streamed == json.dumps({"x": 1, "items": items}, ensure_ascii=False, indent=1)


def test_resampling_weights_follow_the_multinomial_they_replace() -> None:
    """Counting index draws samples the same distribution as ``rng.multinomial``: each row
    sums to the number of units, each weight has mean 1 and variance 1 - 1/n."""
    rng = np.random.default_rng(7)
    for n_units in (1, 3, 45):
        weights = _resampling_weights(rng, n_units, 4000)
        assert weights.shape == (4000, n_units)
        assert (weights.sum(axis=1) == n_units).all()
        assert weights.mean() == pytest.approx(1.0, abs=0.03)
        assert weights.var() == pytest.approx(1 - 1 / n_units, abs=0.06)
        reference = rng.multinomial(n_units, [1 / n_units] * n_units, size=4000)
        assert (
            np.bincount(weights.astype(int).ravel()).argmax()
            == np.bincount(reference.ravel()).argmax()
        )


def test_bootstrap_intervals_are_reproducible_and_cover_the_estimate() -> None:
    rng = np.random.default_rng(3)
    numerators = (rng.random((60, 4)) < [0.1, 0.3, 0.5, 0.0]).astype(np.float64)
    denominators = np.ones(60)
    low, high = bootstrap_ratios(numerators, denominators, seed=11)
    again = bootstrap_ratios(numerators, denominators, seed=11)
    assert np.array_equal(low, again[0]) and np.array_equal(high, again[1])
    estimate = numerators.mean(axis=0)
    assert (low <= estimate).all() and (estimate <= high).all()
    assert (high[:3] - low[:3] > 0.05).all() and low[3] == high[3] == 0.0
