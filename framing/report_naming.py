"""The naming section of the story page: how each outlet names and features the main actors.

Display values only, from :mod:`framing.actors` (mentions, salience, tone toward an actor) and
:mod:`framing.labels` (the aliases, modifiers and descriptions each outlet uses).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from framing.analysis import StoryAnalysis

MAIN_ACTORS = 6
"""Actors shown: the most mentioned across the story's outlets."""
LABELS_PER_CELL = 5


@dataclass(frozen=True, slots=True)
class NamingCell:
    labels: tuple[str, ...]
    salience_text: str
    tone_text: str


@dataclass(frozen=True, slots=True)
class NamingRow:
    actor: str
    cells: tuple[NamingCell, ...]


@dataclass(frozen=True, slots=True)
class NamingView:
    outlets: tuple[str, ...]
    rows: tuple[NamingRow, ...]


def naming_view(story: StoryAnalysis) -> NamingView:
    outlets = story.story.outlets
    salience = {outlet: {s.actor: s for s in items} for outlet, items in story.actors}
    labels = {outlet: dict(by_actor) for outlet, by_actor in story.labels}
    totals: Counter[str] = Counter()
    for items in salience.values():
        for actor, counted in items.items():
            totals[actor] += counted.mentions
    main = [actor for actor, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows = []
    for actor in main[:MAIN_ACTORS]:
        cells = []
        for outlet in outlets:
            item = salience.get(outlet, {}).get(actor)
            own = labels.get(outlet, {}).get(actor, ())
            if item is None or item.mentions + item.headline_mentions == 0:
                cells.append(NamingCell((), "not named", ""))
                continue
            where = [
                word
                for word, yes in (
                    ("in a headline", item.in_headline),
                    ("in the lead", item.in_lead),
                    ("named first", item.first),
                )
                if yes
            ]
            cells.append(
                NamingCell(
                    tuple(f"{label.text} ({label.count})" for label in own[:LABELS_PER_CELL]),
                    f"{item.mentions} mentions, {100 * item.share:.0f}% of the outlet's"
                    + (f"; {', '.join(where)}" if where else ""),
                    (
                        f"tone of its sentences {item.tone.mean_compound:+.2f} "
                        f"(n = {item.tone.n_sentences})"
                        if item.tone.n_sentences
                        else ""
                    ),
                )
            )
        rows.append(NamingRow(actor, tuple(cells)))
    return NamingView(outlets, tuple(rows))
