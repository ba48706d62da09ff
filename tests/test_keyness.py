"""Keyness statistics against numbers worked out by hand on small 2 x 2 tables."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from framing.keyness import log_likelihood_g2, log_odds_dirichlet_totals, log_ratio, two_sided_p
from framing.statistics import log_odds_dirichlet


def test_g2_of_a_term_used_twice_as_often_by_hand() -> None:
    # a = 10 of c = 100 in the target, b = 5 of d = 200 in the reference.
    # E1 = 100 * 15 / 300 = 5, E2 = 200 * 15 / 300 = 10,
    # E3 = 100 * 285 / 300 = 95, E4 = 200 * 285 / 300 = 190; observed 10, 5, 90, 195.
    # G2 = 2 * (10 ln(10/5) + 5 ln(5/10) + 90 ln(90/95) + 195 ln(195/190))
    #    = 2 * (6.931472 - 3.465736 - 4.866050 + 5.065220) = 2 * 3.664906 = 7.329812
    assert float(log_likelihood_g2(10, 5, 100, 200)) == pytest.approx(7.329812, abs=1e-6)


def test_g2_with_a_zero_count_by_hand() -> None:
    # a = 4 of 50, b = 0 of 50. E1 = E2 = 50 * 4 / 100 = 2, E3 = E4 = 50 * 96 / 100 = 48;
    # observed 4, 0, 46, 50. The b cell is 0 * ln(0 / 2) = 0 by convention.
    # G2 = 2 * (4 ln 2 + 0 + 46 ln(46/48) + 50 ln(50/48))
    #    = 2 * (2.7725887 - 1.9577426 + 2.0410998) = 2 * 2.8559459 = 5.7118918
    assert float(log_likelihood_g2(4, 0, 50, 50)) == pytest.approx(5.711892, abs=1e-6)
    # The same table the other way round has the same G2: it has no direction.
    assert float(log_likelihood_g2(0, 4, 50, 50)) == pytest.approx(5.711892, abs=1e-6)


def test_g2_is_four_term_not_the_calculators_two_term_shortcut() -> None:
    # The 2-term sum for (10, 5, 100, 200) is 2 * (6.931472 - 3.465736) = 6.931472;
    # the non-occurrence cells add 0.398340 to it.
    two_term = 2 * (10 * math.log(2) + 5 * math.log(0.5))
    assert two_term == pytest.approx(6.931472, abs=1e-6)
    assert float(log_likelihood_g2(10, 5, 100, 200)) - two_term == pytest.approx(0.39834, abs=1e-5)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(10, 5, 100, 200), (4, 0, 50, 50), (1, 30, 40, 900), (7, 7, 7, 20)]
)
def test_g2_is_the_g_test_of_the_two_by_two_table(a: int, b: int, c: int, d: int) -> None:
    table = np.array([[a, b], [c - a, d - b]])
    g_test = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    assert float(log_likelihood_g2(a, b, c, d)) == pytest.approx(g_test)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"),
    [
        (10, 10, 100, 100),  # same rate: observed equals expected in every cell
        (0, 0, 100, 200),  # nobody uses the term: every occurrence cell is 0 ln 0
        (0, 0, 0, 0),  # no text at all
        (3, 0, 3, 0),  # the reference is empty: the table has one column
    ],
)
def test_g2_is_zero_when_there_is_nothing_to_tell(a: int, b: int, c: int, d: int) -> None:
    assert float(log_likelihood_g2(a, b, c, d)) == 0.0


def test_g2_is_vectorised_and_broadcasts_totals() -> None:
    a = np.array([[10.0, 4.0], [0.0, 10.0]])
    b = np.array([[5.0, 0.0], [4.0, 10.0]])
    c = np.array([[100.0], [50.0]])
    d = np.array([[200.0], [50.0]])
    result = log_likelihood_g2(a, b, c, d)
    assert result.shape == (2, 2)
    for i in range(2):
        for j in range(2):
            assert result[i, j] == pytest.approx(
                float(log_likelihood_g2(a[i, j], b[i, j], c[i, 0], d[i, 0]))
            )


def test_log_ratio_by_hand() -> None:
    # (10 / 100) / (5 / 200) = 0.1 / 0.025 = 4, log2 4 = 2.
    assert float(log_ratio(10, 5, 100, 200)) == 2.0
    # Equal relative frequencies: log2 1 = 0.
    assert float(log_ratio(10, 20, 100, 200)) == 0.0
    # Half as often: (5 / 100) / (20 / 200) = 0.5, log2 0.5 = -1.
    assert float(log_ratio(5, 20, 100, 200)) == -1.0


def test_log_ratio_puts_half_a_count_for_a_zero() -> None:
    # b = 0 becomes 0.5: (4 / 50) / (0.5 / 50) = 8, log2 8 = 3.
    assert float(log_ratio(4, 0, 50, 50)) == 3.0
    # a = 0 becomes 0.5: (0.5 / 50) / (4 / 50) = 1/8, log2 = -3.
    assert float(log_ratio(0, 4, 50, 50)) == -3.0
    # Both 0: (0.5 / 100) / (0.5 / 200) = 2, log2 2 = 1 (defined, but not worth showing).
    assert float(log_ratio(0, 0, 100, 200)) == 1.0


def test_log_ratio_without_text_on_a_side_is_nan() -> None:
    assert math.isnan(float(log_ratio(1, 1, 0, 10)))
    assert math.isnan(float(log_ratio(1, 0, 10, 0)))


def test_log_ratio_is_vectorised() -> None:
    result = log_ratio(np.array([10, 4, 0]), np.array([5, 0, 4]), 100, np.array([200, 100, 100]))
    # 10/100 vs 5/200 -> 4 -> 2; 4/100 vs 0.5/100 -> 8 -> 3; 0.5/100 vs 4/100 -> 1/8 -> -3.
    assert result.tolist() == [2.0, 3.0, -3.0]


def test_log_odds_with_totals_is_monroe_et_al_when_totals_are_the_sums() -> None:
    own = np.array([6.0, 1.0, 3.0])
    rest = np.array([0.0, 9.0, 3.0])
    prior = own + rest
    expected = log_odds_dirichlet(own, rest, prior)
    found = log_odds_dirichlet_totals(own, rest, prior, own.sum(), rest.sum(), prior.sum())
    for left, right in zip(expected, found, strict=True):
        np.testing.assert_allclose(left, right)


def test_log_odds_with_totals_scores_a_subset_against_the_full_totals() -> None:
    # Term 0 of a vocabulary whose totals are n_i = 10, n_j = 12, a_0 = 22 (only term 0 given).
    # delta = ln((6 + 6) / (10 + 22 - 6 - 6)) - ln((0 + 6) / (12 + 22 - 0 - 6))
    #       = ln(12 / 20) - ln(6 / 28) = -0.510826 + 1.540445 = 1.029619
    # variance = 1/12 + 1/6 = 0.25, z = 1.029619 / 0.5 = 2.059238
    delta, variance, z = log_odds_dirichlet_totals([6.0], [0.0], [6.0], 10, 12, 22)
    assert delta[0] == pytest.approx(1.029619, abs=1e-6)
    assert variance[0] == pytest.approx(0.25)
    assert z[0] == pytest.approx(2.059238, abs=1e-6)


def test_log_odds_complement_adds_the_non_use_variance() -> None:
    # 4 of 5 articles against 1 of 5, prior 2.5 of a_0 = 6 (Beta(2.5, 3.5)):
    # eq. 20 gives 1/6.5 + 1/3.5; the complement adds 1/(5 + 6 - 4 - 2.5) + 1/(5 + 6 - 1 - 2.5)
    # = 1/4.5 + 1/7.5.
    _, plain, _ = log_odds_dirichlet_totals([4.0], [1.0], [2.5], 5, 5, 6)
    _, full, _ = log_odds_dirichlet_totals([4.0], [1.0], [2.5], 5, 5, 6, complement=True)
    assert plain[0] == pytest.approx(1 / 6.5 + 1 / 3.5)
    assert full[0] == pytest.approx(1 / 6.5 + 1 / 3.5 + 1 / 4.5 + 1 / 7.5)


def test_two_sided_p() -> None:
    p = two_sided_p(np.array([0.0, 1.959964, -1.959964, 3.290527]))
    np.testing.assert_allclose(p, [1.0, 0.05, 0.05, 0.001], atol=1e-6)
