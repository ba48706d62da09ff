"""A compact report for Jupyter: ``framing.compare(path)`` and the objects' ``_repr_html_``.

Courses that teach with notebooks want the comparison inline: the findings and the frames table
of each story, with the same numbers and the same escaping as the full report (it is rendered by
the same templates from the same page data), and a pointer to ``framing report`` for the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from framing.analysis import CorpusAnalysis, StoryAnalysis, analyze_corpus, load_resources
from framing.lexicon_files import read_lexicon_file
from framing.loading import load_corpus
from framing.term_counting import Unit
from framing.terms import TermOptions


def compare(
    path: str | Path,
    *,
    lexicons: tuple[str | Path, ...] = (),
    term_counts: str = "tokens",
    background: Mapping[str, int] | None = None,
) -> CorpusAnalysis:
    """Load a corpus and compare its outlets, story by story: the Python entry point.

    The result shows itself as a compact report in a notebook; ``.stories[i]`` holds every
    number (see :class:`framing.analysis.StoryAnalysis`).
    """
    resources = load_resources([read_lexicon_file(Path(p)) for p in lexicons])
    unit: Unit = "articles" if term_counts == "articles" else "tokens"
    return analyze_corpus(load_corpus(Path(path)), resources, TermOptions(unit=unit), background)


def story_html(story: StoryAnalysis) -> str:
    """One story as a compact, self-contained HTML fragment (findings and frames)."""
    from framing.render import Renderer
    from framing.report_context import build_story_page

    page = build_story_page(story, "")
    return Renderer().fragment("_compact.html", page)


def corpus_html(analysis: CorpusAnalysis) -> str:
    """Every story of an analysis, compact, one after another."""
    parts = [story_html(story) for story in analysis.stories]
    if not parts:
        return "<p>framing: no articles to compare.</p>"
    return "\n".join(parts)
