"""The report-wide correction for many tests: Benjamini-Hochberg across every story's tests.

Split from :mod:`framing.comparisons` (which runs each story's tests) because the correction
is the one step that needs every story: a parallel report (``framing.story_runs``) collects
each story's p-values, corrects them here, and sends each story its own q-values back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate, chain

import numpy as np

from framing.comparisons import StoryStatistics
from framing.significance import benjamini_hochberg

__all__ = ["adjust", "split_q_values", "tested_p_values", "with_q_values"]


def adjust(statistics: Sequence[StoryStatistics]) -> list[StoryStatistics]:
    """Fill in q-values: Benjamini-Hochberg across every test of every story of a report."""
    tested = [tested_p_values(stats) for stats in statistics]
    return [
        with_q_values(stats, q_values)
        for stats, q_values in zip(statistics, split_q_values(tested), strict=True)
    ]


def tested_p_values(statistics: StoryStatistics) -> list[float]:
    """The p-values of a story's tests, in order: what the report-wide correction needs of it
    (a story analysed in another process sends only these)."""
    return [c.p for c in statistics.comparisons if c.tested and c.p is not None]


def split_q_values(p_values: Sequence[Sequence[float]]) -> list[list[float]]:
    """Benjamini-Hochberg q-values of every story's tests at once, split back per story."""
    flat = np.fromiter(chain.from_iterable(p_values), dtype=np.float64)
    q_values = benjamini_hochberg(flat).tolist()
    ends = list(accumulate(map(len, p_values)))
    return [q_values[end - len(own) : end] for own, end in zip(p_values, ends, strict=True)]


def with_q_values(statistics: StoryStatistics, q_values: Sequence[float]) -> StoryStatistics:
    """A story's statistics with its tests' q-values filled in (from ``split_q_values``)."""
    remaining = iter(q_values)
    comparisons = tuple(
        replace(c, q=next(remaining)) if c.tested and c.p is not None else c
        for c in statistics.comparisons
    )
    return replace(statistics, comparisons=comparisons)
