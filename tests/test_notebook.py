"""The Python entry point and the compact report a notebook shows."""

from __future__ import annotations

from pathlib import Path

import framing
from framing.analysis import StoryAnalysis
from tests.htmlcheck import parse
from tests.test_report import PAYLOADS, assert_inert, hostile_corpus

S400 = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def test_compare_returns_the_analysis_that_shows_itself_compactly() -> None:
    analysis = framing.compare(S400)
    (story,) = analysis.stories
    assert isinstance(story, StoryAnalysis)
    html = analysis._repr_html_()
    assert html == story._repr_html_()
    page = parse(html)
    assert_inert(page)
    assert not page.find("script") and not page.find("style")
    for finding in story.findings:
        assert finding.text in page.text
    assert "Story frames" in page.text and "★" in page.text


def test_the_compact_report_escapes_hostile_input(tmp_path: Path) -> None:
    analysis = framing.compare(hostile_corpus(tmp_path))
    html = analysis._repr_html_()
    assert_inert(parse(html))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert len(analysis.stories) == len(PAYLOADS)
