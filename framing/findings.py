"""Findings in plain words, built only from differences a test supports.

A finding is one outlet (or group) against the rest of its story on one measure, where the
Benjamini-Hochberg q-value is below 0.05. Its sentence carries the two shares with their
counts and intervals, and the q-value, so a reader sees the evidence and the uncertainty in the
same line: "Forward Posture uses Alliance rift cues in more of its sentences than the other
outlets: 33% (15 of 45 sentences; 95% CI 20-47%) against 6% (...); q = 0.0001."
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.comparisons import Comparison, Estimate, Metric, StoryStatistics, short_title

KINDS = ("outlet-vs-rest", "group-vs-rest")


@dataclass(frozen=True, slots=True)
class Finding:
    """One supported difference, worded; ``holder`` and ``metric`` say where its evidence is."""

    holder: str
    metric: str
    lexicon: str
    category: str
    direction: str
    text: str
    q: float
    difference: float


def build_findings(statistics: StoryStatistics) -> tuple[Finding, ...]:
    """Word every significant outlet-vs-rest and group-vs-rest difference, strongest first."""
    metrics = {metric.key: metric for metric in statistics.metrics}
    found = []
    for comparison in statistics.comparisons:
        if comparison.kind not in KINDS or not comparison.significant:
            continue
        metric = metrics[comparison.metric]
        estimate = statistics.estimate(comparison.a, comparison.metric)
        found.append(_finding(comparison, metric, estimate))
    found.sort(key=lambda f: (f.q, -abs(f.difference), f.holder, f.metric))
    return tuple(found)


def _finding(comparison: Comparison, metric: Metric, estimate: Estimate) -> Finding:
    more = comparison.difference > 0
    direction = "more" if more else "fewer"
    if metric.lexicon == "tone":
        what = f"has {direction} sentences of {metric.label}"
    elif metric.category == "any":
        what = f"has {metric.label} in {direction} of its sentences"
    elif metric.frames:
        source = short_title(metric.lexicon_title)
        what = f"uses {metric.label} frame cues ({source}) in {direction} of its sentences"
    else:
        what = f"uses {metric.label.lower()} in {direction} of its sentences"
    rest = comparison.b
    q = comparison.q if comparison.q is not None else 1.0
    text = (
        f"{comparison.a} {what} than {rest}: "
        f"{_percent(comparison.share_a)} ({comparison.count_a} of {comparison.n_a} sentences; "
        f"95% CI {_percent(estimate.share_low)} to {_percent(estimate.share_high)}) against "
        f"{_percent(comparison.share_b)} ({comparison.count_b} of {comparison.n_b}); "
        f"q {format_q(q)}."
    )
    return Finding(
        comparison.a,
        comparison.metric,
        metric.lexicon,
        metric.category,
        direction,
        text,
        q,
        comparison.difference,
    )


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def format_q(q: float) -> str:
    """A q-value with its relation, as a reader sees it: "= 0.03", "= 0.0049", "< 0.0001"."""
    if q < 0.0001:
        return "< 0.0001"
    return "= " + (f"{q:.2g}" if q < 0.01 else f"{q:.2f}")
