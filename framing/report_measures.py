"""The lexicon measures tables of the story page: display values for one lexicon each.

Split from :mod:`framing.report_context` because it has one job of its own: laying out any
lexicon (built-in or a user's) as categories down and outlets, then groups, across, with the
sample each column rests on. Like the rest of the report context, it rounds and words every
number so the template computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import StoryLexicon
from framing.lexicon_scores import LexiconRates
from framing.wording import plural


@dataclass(frozen=True, slots=True)
class MeasureCell:
    """One category in one outlet or group: rate per 1,000 words and share of sentences."""

    rate_text: str
    share_text: str
    hits: int
    is_dominant: bool
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


def measure_table(item: StoryLexicon, anchors: dict[str, str]) -> MeasureTable:
    """A lexicon's rates per outlet, then per group when the articles name groups."""
    lexicon = item.lexicon
    dominant = {frames.outlet: frames.dominant for frames in item.frames}
    pooled: list[tuple[LexiconRates, MeasureColumn]] = [
        (
            rates,
            MeasureColumn(
                rates.name,
                anchors.get(rates.name, ""),
                False,
                f"{plural(rates.n_sentences, 'sentence')}, {plural(rates.n_tokens, 'word')}",
            ),
        )
        for rates in item.outlets
    ]
    if len(item.groups) > 1:
        pooled += [
            (
                rates,
                MeasureColumn(
                    f"group: {rates.name}",
                    "",
                    True,
                    f"{plural(rates.n_articles, 'article')}, "
                    f"{plural(rates.n_sentences, 'sentence')}",
                ),
            )
            for rates in item.groups
        ]
    rows = tuple(
        MeasureRow(
            category.label,
            category.description,
            tuple(
                _measure_cell(
                    rates.rate_of(category.id).per_1000,
                    rates.rate_of(category.id).hits,
                    rates.rate_of(category.id).sentence_share,
                    rates.rate_of(category.id).sentences,
                    rates.n_sentences,
                    not column.is_group and dominant.get(rates.name) == category.id,
                    rates.rate_of(category.id).negated,
                )
                for rates, column in pooled
            ),
        )
        for category in lexicon.categories
    )
    any_row = MeasureRow(
        "Any category",
        "sentences with at least one cue of this lexicon",
        tuple(
            _measure_cell(
                1000.0 * rates.n_hits / rates.n_tokens if rates.n_tokens else 0.0,
                rates.n_hits,
                rates.any_share,
                rates.sentences_with_cue,
                rates.n_sentences,
                False,
                0,
            )
            for rates, _ in pooled
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
            f"It measures {lexicon.measures or 'what its categories say'}. Each cell: cues per "
            "1,000 words (number of cues), then the share of sentences with at least one cue "
            "(sentences with a cue / all sentences). "
            + kind_text
            + "These are counts of listed words, not judgements; intervals and tests come in a "
            "later version, so treat gaps as questions."
        ),
        columns=tuple(column for _, column in pooled),
        rows=rows,
        any_row=any_row,
    )


def _measure_cell(
    per_1000: float,
    hits: int,
    share: float,
    sentences: int,
    n_sentences: int,
    is_dominant: bool,
    negated: int,
) -> MeasureCell:
    return MeasureCell(
        rate_text=f"{per_1000:.1f}",
        share_text=f"{100 * share:.0f}% ({sentences}/{n_sentences})",
        hits=hits,
        is_dominant=is_dominant,
        note=f"{negated} negated" if negated else "",
    )
