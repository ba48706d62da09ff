"""Charts as inline SVG, drawn at render time: no chart library, nothing loaded by the page.

A forest plot per measure: one line per outlet, its share of sentences as a dot and its 95%
interval as a bar, on a 0-100% axis, with the outlet's name written beside it (the chart never
relies on colour). A difference a test supports is written out (▲/▼) as text too. Every chart
has a title and a description that says in words what it shows, for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.comparisons import StoryStatistics

LABEL_WIDTH = 210
PLOT_WIDTH = 380
ROW_HEIGHT = 22
TOP = 26


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One outlet's line: its label, dot and interval in SVG coordinates."""

    label: str
    y: int
    x: float
    low: float
    high: float
    value_text: str
    marker: str


@dataclass(frozen=True, slots=True)
class Chart:
    """One forest plot, ready for the template to draw."""

    id: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    plot_width: int
    ticks: tuple[tuple[float, str], ...]
    rows: tuple[ChartRow, ...]


def forest_chart(
    chart_id: str, title: str, metric: str, holders: tuple[str, ...], statistics: StoryStatistics
) -> Chart:
    """The share of sentences with ``metric`` for each holder, with intervals and test marks."""
    rows = []
    words = []
    for index, holder in enumerate(holders):
        estimate = statistics.estimate(holder, metric)
        versus = statistics.versus_rest(holder, metric)
        marker = ""
        if versus is not None and versus.significant:
            marker = "▲" if versus.difference > 0 else "▼"
        rows.append(
            ChartRow(
                label=holder,
                y=TOP + index * ROW_HEIGHT,
                x=_x(estimate.share),
                low=_x(estimate.share_low),
                high=_x(estimate.share_high),
                value_text=f"{100 * estimate.share:.0f}%{(' ' + marker) if marker else ''}",
                marker=marker,
            )
        )
        words.append(
            f"{holder} {100 * estimate.share:.0f}% "
            f"({100 * estimate.share_low:.0f} to {100 * estimate.share_high:.0f})"
            + (
                ", more than the rest"
                if marker == "▲"
                else ", fewer than the rest"
                if marker
                else ""
            )
        )
    ticks = tuple((_x(v / 100), f"{v}%") for v in (0, 25, 50, 75, 100))
    return Chart(
        id=chart_id,
        title=title,
        description="Share of sentences, 95% interval: " + "; ".join(words) + ".",
        width=LABEL_WIDTH + PLOT_WIDTH + 70,
        height=TOP + len(rows) * ROW_HEIGHT + 8,
        label_width=LABEL_WIDTH,
        plot_width=PLOT_WIDTH,
        ticks=ticks,
        rows=tuple(rows),
    )


def _x(share: float) -> float:
    return round(LABEL_WIDTH + max(0.0, min(1.0, share)) * PLOT_WIDTH, 1)
