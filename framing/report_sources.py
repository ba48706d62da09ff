"""The sources section of the story page: who is quoted, for whom, with which verb.

Display values only, from :mod:`framing.quotes` (each outlet's quotes, speakers, sides and
verbs) and the statistics (the share of sentences with quoted speech or anonymous sourcing, with
intervals and tests).
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import StoryAnalysis
from framing.comparisons import SOURCES, StoryStatistics
from framing.findings import format_q
from framing.quotes import OutletSources

TOP_SPEAKERS = 6


@dataclass(frozen=True, slots=True)
class SourcesColumn:
    """One outlet's sources, worded."""

    outlet: str
    anchor: str
    quotes_text: str
    quoted_share_text: str
    anonymous_text: str
    speakers: tuple[str, ...]
    sides: tuple[str, ...]
    neutral_verbs: str
    loaded_verbs: str


def sources_columns(story: StoryAnalysis, anchors: dict[str, str]) -> tuple[SourcesColumn, ...]:
    return tuple(
        _column(sources, story.statistics, anchors.get(sources.outlet, ""))
        for sources in story.sources
    )


def _share(statistics: StoryStatistics, outlet: str, category: str) -> str:
    key = f"{SOURCES}/{category}"
    estimate = statistics.estimate(outlet, key)
    text = (
        f"{100 * estimate.share:.0f}% of sentences ({estimate.sentences_with}/"
        f"{estimate.n_sentences}; 95% CI {100 * estimate.share_low:.0f}–"
        f"{100 * estimate.share_high:.0f}%)"
    )
    versus = statistics.versus_rest(outlet, key)
    if versus is not None and versus.significant:
        more = versus.difference > 0
        text += (
            f" {'▲ more' if more else '▼ fewer'} than the other outlets "
            f"({100 * versus.share_b:.0f}%; q {format_q(versus.q or 1.0)})"
        )
    return text


def _column(sources: OutletSources, statistics: StoryStatistics, anchor: str) -> SourcesColumn:
    outlet = sources.outlet
    speakers = tuple(
        f"{s.speaker}{' (anonymous)' if s.anonymous else ''}"
        f"{f', {s.side}' if s.side else ''}: {s.quotes} "
        f"quote{'s' if s.quotes != 1 else ''}, {100 * s.word_share:.0f}% of quoted words"
        for s in sources.speakers[:TOP_SPEAKERS]
    )
    sides = tuple(
        f"{side.side}: {100 * side.word_share:.0f}% of quoted words ({side.quotes})"
        for side in sources.sides
    )
    neutral = [v for v in sources.verbs if v.category == "attribution_neutral"]
    loaded = [v for v in sources.verbs if v.category == "attribution_loaded"]
    return SourcesColumn(
        outlet=outlet,
        anchor=anchor,
        quotes_text=(
            f"{sources.n_quotes} quote{'s' if sources.n_quotes != 1 else ''} "
            f"({sources.n_words} quoted words) in {sources.n_articles} "
            f"article{'s' if sources.n_articles != 1 else ''}"
        ),
        quoted_share_text=_share(statistics, outlet, "quote"),
        anonymous_text=(
            f"{100 * sources.anonymous_share:.0f}% of quotes anonymous; "
            + _share(statistics, outlet, "anonymous")
        ),
        speakers=speakers,
        sides=sides,
        neutral_verbs=", ".join(f"{v.verb} ({v.count})" for v in neutral) or "none",
        loaded_verbs=", ".join(f"{v.verb} ({v.count})" for v in loaded) or "none",
    )
