"""The index page of a report: one line per story, and the stories' file names.

Split from :mod:`framing.report_context` because it has one job of its own, and because a
parallel report (``framing.story_runs``) makes each story's line where the story was analysed
and builds the page from those lines alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing import __version__
from framing.analysis import StoryAnalysis
from framing.wording import plural


@dataclass(frozen=True, slots=True)
class Headline:
    outlet: str
    title: str
    date: str


@dataclass(frozen=True, slots=True)
class StoryLink:
    story_id: str
    file_name: str
    meta_text: str
    headlines: tuple[Headline, ...]


@dataclass(frozen=True, slots=True)
class IndexPage:
    """Everything the index template shows."""

    title: str
    lead_text: str
    stories: tuple[StoryLink, ...]
    skipped: tuple[str, ...]
    tool_version: str


def story_file_names(story_ids: Sequence[str]) -> dict[str, str]:
    """Give each story a safe, unique, stable file name (``story-<slug>.html``)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for story_id in story_ids:
        slug = re.sub(r"[^a-z0-9]+", "-", story_id.lower()).strip("-")[:60] or "story"
        name = f"story-{slug}.html"
        if name in used:
            digest = hashlib.sha256(story_id.encode("utf-8")).hexdigest()[:8]
            name = f"story-{slug}-{digest}.html"
        used.add(name)
        names[story_id] = name
    return names


def story_link(story: StoryAnalysis, file_name: str) -> StoryLink:
    """A story's entry on the index page (made where the story was analysed)."""
    articles = [a.document.article for a in story.articles]
    dates = sorted(a.date for a in articles if a.date)
    if dates:
        dates_text = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    else:
        dates_text = "no dates given"
    return StoryLink(
        story.story.id,
        file_name,
        f"{plural(len(articles), 'article')} from "
        f"{plural(len(story.outlets), 'outlet')}, {dates_text}",
        tuple(Headline(a.outlet, a.title or "(untitled)", a.date or "") for a in articles),
    )


def index_page(links: Sequence[StoryLink], n_articles: int, skipped: Sequence[str]) -> IndexPage:
    """The index page of a report whose stories have ``links``."""
    return IndexPage(
        "framing report",
        f"{plural(n_articles, 'article')} in "
        f"{len(links)} {'story' if len(links) == 1 else 'stories'}. "
        "Open a story to see its outlets side by side.",
        tuple(links),
        tuple(skipped),
        __version__,
    )
