"""Known-answer tests for the statistics, and the behaviour of estimates, tests and findings."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing.comparisons import (
    MIN_SENTENCES,
    ArticleUnits,
    Metric,
    compare_story,
)
from framing.corrections import adjust
from framing.findings import build_findings, format_q
from framing.intervals import bootstrap_ratios, exact_share_interval
from framing.significance import benjamini_hochberg, fisher_p, permutation_p
from framing.statistics import log_odds_dirichlet


def test_log_odds_with_dirichlet_prior_matches_hand_computed_values_with_zero_counts() -> None:
    """Monroe et al. eq. 16/20/22 on a 2-word table, one count zero; prior = pooled counts.

    word 0: delta = ln(5/3) - ln(4/6) = ln 2.5 = 0.916291; var = 1/5 + 1/4 = 0.45
    word 1: delta = ln(3/5) - ln(6/4) = ln 0.4 = -0.916291; var = 1/3 + 1/6 = 0.5
    """
    delta, variance, z = log_odds_dirichlet(
        np.array([2.0, 0.0]), np.array([1.0, 3.0]), np.array([3.0, 3.0])
    )
    assert delta == pytest.approx([math.log(2.5), math.log(0.4)])
    assert variance == pytest.approx([0.45, 0.5])
    assert z == pytest.approx([math.log(2.5) / math.sqrt(0.45), math.log(0.4) / math.sqrt(0.5)])


def test_fisher_exact_matches_the_hypergeometric_count() -> None:
    # 3 of 3 against 0 of 3: one table in C(6,3) = 20 is this extreme, one the mirror: p = 0.1
    assert fisher_p(3, 3, 0, 3) == pytest.approx(0.1)
    assert fisher_p(0, 10, 0, 10) == pytest.approx(1.0)


def test_benjamini_hochberg_matches_hand_computed_q_values() -> None:
    # sorted 0.005, 0.01, 0.03, 0.04 (m = 4): 0.02, 0.02, 0.04, 0.04 after the step-up minimum
    q = benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.005]))
    assert q == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert len(benjamini_hochberg(np.zeros(0))) == 0


def test_exact_interval_when_no_sentence_has_the_cue() -> None:
    low, high = exact_share_interval(0, 45)
    assert low == 0.0 and high == pytest.approx(1 - 0.025 ** (1 / 45), abs=1e-6)


def test_bootstrap_is_seeded_and_covers_the_true_share() -> None:
    rng = np.random.default_rng(7)
    covered = 0
    runs = 200
    for run in range(runs):
        flags = (rng.random((150, 1)) < 0.3).astype(float)
        low, high = bootstrap_ratios(flags, np.ones(150), seed=run, replicates=1000)
        covered += bool(low[0] <= 0.3 <= high[0])
    assert 0.90 <= covered / runs <= 0.99
    again = bootstrap_ratios(np.eye(5), np.ones(5), seed=3)
    assert np.array_equal(again[0], bootstrap_ratios(np.eye(5), np.ones(5), seed=3)[0])


def test_article_permutation_agrees_with_the_exact_test_in_spirit() -> None:
    same = np.tile([[1.0], [0.0]], (10, 1))
    p_same = permutation_p(same, np.ones(20), np.arange(20) < 10, seed=1, permutations=999)
    assert p_same[0] > 0.5
    apart = np.vstack([np.ones((10, 1)), np.zeros((10, 1))])
    p_apart = permutation_p(apart, np.ones(20), np.arange(20) < 10, seed=1, permutations=999)
    assert p_apart[0] == pytest.approx(1 / 1000)


METRICS = (
    Metric("x/a", "x", "a", "Alpha", "X words", False),
    Metric("x/b", "x", "b", "Beta", "X words", False),
)


def units(
    outlet: str, n: int, with_a: int, with_b: int = 0, group: str = "", article: str = ""
) -> ArticleUnits:
    flags = np.zeros((n, 2))
    flags[:with_a, 0] = 1
    flags[:with_b, 1] = 1
    return ArticleUnits(
        article or outlet, outlet, group, flags, flags.copy(), np.full(n, 10.0), np.zeros(n)
    )


def test_a_clear_difference_is_found_and_worded_with_its_numbers() -> None:
    story = [units("A", 40, 20), units("B", 40, 2), units("C", 40, 3)]
    (stats,) = adjust([compare_story("s", story, METRICS)])
    findings = build_findings(stats)
    assert (findings[0].holder, findings[0].metric, findings[0].direction) == ("A", "x/a", "more")
    assert {(f.holder, f.direction) for f in findings[1:]} <= {("B", "fewer"), ("C", "fewer")}
    assert all(f.metric == "x/a" for f in findings)
    text = findings[0].text
    assert "A uses alpha in more of its sentences than the other outlets: 50% (20 of 40" in text
    assert "against 6% (5 of 80); q" in text
    estimate = stats.estimate("A", "x/a")
    assert estimate.share_low < 0.5 < estimate.share_high
    assert estimate.per_1000 == pytest.approx(1000 * 20 / 400)
    pair = next(c for c in stats.comparisons if c.kind == "pair" and c.metric == "x/a")
    assert pair.p is not None and pair.q is not None and pair.q >= pair.p


def test_small_samples_are_shown_but_never_tested() -> None:
    story = [units("A", MIN_SENTENCES - 1, 15), units("B", 40, 1)]
    (stats,) = adjust([compare_story("s", story, METRICS)])
    a_rest = stats.versus_rest("A", "x/a")
    assert a_rest is not None and not a_rest.tested and "not enough text" in a_rest.reason
    assert a_rest.q is None and not a_rest.significant
    assert not stats.estimate("A", "x/a").enough
    rare = [units("A", 40, 2), units("B", 40, 1)]
    (stats,) = adjust([compare_story("s", rare, METRICS)])
    comparison = stats.versus_rest("A", "x/a")
    assert comparison is not None and not comparison.tested and "too rare" in comparison.reason
    assert build_findings(stats) == ()


def test_correction_runs_across_every_story_of_a_report() -> None:
    first = compare_story("one", [units("A", 40, 5, 5), units("B", 40, 5, 5)], METRICS)
    second = compare_story("two", [units("A", 40, 20), units("B", 40, 2)], METRICS)
    together = adjust([first, second])
    alone = adjust([second])
    q_together = together[1].versus_rest("A", "x/a")
    q_alone = alone[0].versus_rest("A", "x/a")
    assert q_together is not None and q_alone is not None
    assert q_together.q is not None and q_alone.q is not None
    # the other story's tests join the family, so the same p needs more to pass
    assert q_together.q > q_alone.q


def test_groups_of_one_outlet_repeat_no_test() -> None:
    story = [
        units("A", 40, 20, group="North", article="a1"),
        units("B", 40, 2, group="North", article="b1"),
        units("C", 40, 3, group="South", article="c1"),
        units("D", 40, 1, group="West", article="d1"),
    ]
    stats = compare_story("s", story, METRICS)
    kinds = {(c.kind, c.a, c.b) for c in stats.comparisons if c.kind.startswith("group")}
    assert ("group-vs-rest", "group: North", "the rest of the story") in kinds
    assert not any(a == "group: South" and kind == "group-vs-rest" for kind, a, _ in kinds)
    assert ("group-pair", "group: South", "group: West") not in kinds
    assert stats.estimate("group: North", "x/a").n_sentences == 80


def test_q_values_are_written_for_readers() -> None:
    assert format_q(0.00001) == "< 0.0001"
    assert format_q(0.0049) == "= 0.0049"
    assert format_q(0.031) == "= 0.03"


def test_the_calibration_script_runs_the_real_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    """A two-story smoke run; the 200-story figures come from ``python -m framing.calibrate``."""
    from framing.calibrate import main

    assert main(["--stories", "2", "--words", "250", "--inject", "0.9"]) == 0
    out = capsys.readouterr().out
    assert "no difference built in: " in out and "word tests" in out
    assert "power" in out
