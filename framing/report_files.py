"""Write a report's files: the HTML pages, ``analysis.json`` and the CSV tables.

Each file is written as soon as it is made (pages one story at a time, ``analysis.json`` and the
CSV tables story by story), so memory holds one page, not the whole report, which on 200
stories is gigabytes; all of them are renamed into place only at the end
(:class:`framing.output.StagedFiles`), so an error leaves no half report.
"""

from __future__ import annotations

from pathlib import Path

from framing.analysis import CorpusAnalysis
from framing.export import write_analysis_json
from framing.output import StagedFiles
from framing.render import Renderer
from framing.report_context import build_index_page, build_story_page, story_file_names
from framing.tables import CSV_TABLES, write_csv_table

FORMATS = ("html", "json", "csv")
"""What a report can hold: the pages, ``analysis.json`` and the CSV tables."""


def write_report(
    analysis: CorpusAnalysis, out_dir: Path, formats: set[str], *, force: bool = False
) -> int:
    """Write the asked outputs (a subset of ``FORMATS``); return how many files were written."""
    with StagedFiles(force=force) as staged:
        if "html" in formats:
            names = story_file_names([story.story.id for story in analysis.stories])
            renderer = Renderer()
            staged.write(out_dir / "index.html", renderer.index(build_index_page(analysis, names)))
            for story in analysis.stories:
                page = build_story_page(story, names[story.story.id], analysis.settings)
                staged.write(out_dir / page.file_name, renderer.story(page))
        if "json" in formats:
            with staged.open(out_dir / "analysis.json") as handle:
                write_analysis_json(analysis, handle)
        if "csv" in formats:
            for name in CSV_TABLES:
                with staged.open(out_dir / name) as handle:
                    write_csv_table(name, analysis.stories, handle)
        return staged.count
