"""The lexicon measures tables of the story page: display values for one lexicon each.

Split from :mod:`framing.report_context` because it has one job of its own: laying out any
lexicon (built-in or a user's) as categories down and outlets, then groups, across, with the
sample each column rests on. Like the rest of the report context, it rounds and words every
number so the template computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import StoryLexicon
from framing.comparisons import Comparison, Estimate, StoryStatistics
from framing.findings import format_q
from framing.wording import plural


@dataclass(frozen=True, slots=True)
class MeasureCell:
    """One category in one outlet or group: share of sentences and rate, with intervals, and
    whether a test finds it different from the rest of the story."""

    share_text: str
    share_interval_text: str
    rate_text: str
    hits: int
    is_dominant: bool
    marker: str
    marker_text: str
    enough: bool
    note: str


@dataclass(frozen=True, slots=True)
class MeasureRow:
    label: str
    description: str
    cells: tuple[MeasureCell, ...]


@dataclass(frozen=True, slots=True)
class MeasureColumn:
    name: str
    anchor: str
    is_group: bool
    sample_text: str


@dataclass(frozen=True, slots=True)
class MeasureTable:
    """One lexicon's table: categories down, outlets (then groups) across."""

    anchor: str
    title: str
    intro: str
    columns: tuple[MeasureColumn, ...]
    rows: tuple[MeasureRow, ...]
    any_row: MeasureRow


def measure_table(
    item: StoryLexicon,
    statistics: StoryStatistics,
    anchors: dict[str, str],
    shown_groups: frozenset[str] = frozenset(),
) -> MeasureTable:
    """A lexicon's estimates per outlet, then per group when the articles name groups.

    Only ``shown_groups`` get a column: a group of a single outlet would repeat that outlet's
    column (the JSON and CSV keep every group's estimates)."""
    lexicon = item.lexicon
    dominant = {frames.outlet: frames.dominant for frames in item.frames}
    holders = [rates.name for rates in item.outlets]
    columns = [
        MeasureColumn(
            rates.name,
            anchors.get(rates.name, ""),
            False,
            f"{plural(rates.n_sentences, 'sentence')}, {plural(rates.n_tokens, 'word')}",
        )
        for rates in item.outlets
    ]
    groups = [rates for rates in item.groups if rates.name in shown_groups]
    if len(item.groups) > 1 and groups:
        holders += [f"group: {rates.name}" for rates in groups]
        columns += [
            MeasureColumn(
                f"group: {rates.name}",
                "",
                True,
                f"{plural(rates.n_articles, 'article')}, {plural(rates.n_sentences, 'sentence')}",
            )
            for rates in groups
        ]
    negated = {
        (rates.name if i < len(item.outlets) else f"group: {rates.name}", c.category): c.negated
        for i, rates in enumerate((*item.outlets, *item.groups))
        for c in rates.categories
    }

    def cell(holder: str, category: str, is_group: bool) -> MeasureCell:
        key = f"{lexicon.name}/{category}"
        return _measure_cell(
            statistics.estimate(holder, key),
            statistics.versus_rest(holder, key),
            not is_group and dominant.get(holder) == category,
            negated.get((holder, category), 0),
        )

    rows = tuple(
        MeasureRow(
            category.label,
            category.description,
            tuple(
                cell(holder, category.id, column.is_group)
                for holder, column in zip(holders, columns, strict=True)
            ),
        )
        for category in lexicon.categories
    )
    any_row = MeasureRow(
        "Any category",
        "sentences with at least one cue of this lexicon",
        tuple(
            cell(holder, "any", column.is_group)
            for holder, column in zip(holders, columns, strict=True)
        ),
    )
    kind_text = (
        "★ marks the frame each outlet stresses most compared with the other outlets. "
        if lexicon.kind == "frames"
        else ""
    )
    return MeasureTable(
        anchor=f"measure-{lexicon.name}",
        title=f"{lexicon.title} ({lexicon.name} {lexicon.version})",
        intro=(
            f"It measures {lexicon.measures or 'what its categories say'}. Each cell: the share "
            "of sentences with at least one cue, its 95% interval, the sentences behind it, and "
            "cues per 1,000 words. ▲ or ▼: the outlet (or group) has the cue in more or fewer "
            "of its sentences than the rest of the story, by a permutation test, after "
            "correcting for all the tests in this report (q < 0.05); no mark means no "
            "difference a test supports. "
            + kind_text
            + "These are counts of listed words, not judgements."
        ),
        columns=tuple(columns),
        rows=rows,
        any_row=any_row,
    )


def _measure_cell(
    estimate: Estimate, versus_rest: Comparison | None, is_dominant: bool, negated: int
) -> MeasureCell:
    marker = marker_text = ""
    if versus_rest is not None:
        if versus_rest.significant:
            more = versus_rest.difference > 0
            marker = "▲" if more else "▼"
            marker_text = (
                f"{'more' if more else 'fewer'} than {versus_rest.b} "
                f"({100 * versus_rest.share_b:.0f}%); q {format_q(versus_rest.q or 1.0)}"
            )
        elif versus_rest.tested:
            marker_text = (
                f"no difference a test supports against {versus_rest.b} "
                f"({100 * versus_rest.share_b:.0f}%; q {format_q(versus_rest.q or 1.0)})"
            )
        else:
            marker_text = versus_rest.reason
    return MeasureCell(
        share_text=f"{100 * estimate.share:.0f}%",
        share_interval_text=(
            f"{100 * estimate.share_low:.0f}–{100 * estimate.share_high:.0f}%, "
            f"{estimate.sentences_with}/{estimate.n_sentences}"
        ),
        rate_text=(
            f"{estimate.per_1000:.1f} per 1,000 words "
            f"({estimate.per_1000_low:.1f}–{estimate.per_1000_high:.1f})"
            if estimate.hits
            else "no cue"
        ),
        hits=estimate.hits,
        is_dominant=is_dominant,
        marker=marker,
        marker_text=marker_text,
        enough=estimate.enough,
        note=f"{negated} negated" if negated else "",
    )
