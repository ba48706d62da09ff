"""Write a report's files: the HTML pages, ``analysis.json`` and the CSV tables.

A report is made story by story: each story becomes a :class:`StoryOutput` (its page, its
record in ``analysis.json``, its rows of every CSV table and its line on the index, all as
text), and a :class:`ReportWriter` appends each to the files as it arrives. Why text per
story: the stories may be analysed and rendered in other processes or on a Dask cluster
(``framing.story_runs``), which then send back text rather than the analysis; and memory
holds one story's output, not the whole report, which on 200 stories is gigabytes.

Every file goes to a temporary and all are renamed into place only at the end
(:class:`framing.output.StagedFiles`), so an error leaves no half report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from framing.analysis import CorpusAnalysis, StoryAnalysis
from framing.export import AnalysisJsonWriter, story_json
from framing.lexicon import Lexicon
from framing.output import StagedFiles, check_targets
from framing.render import Renderer
from framing.report_context import build_story_page
from framing.report_index import StoryLink, index_page, story_file_names, story_link
from framing.tables import CSV_TABLES, CsvTableWriter, StoryRows, story_csv_rows

FORMATS = ("html", "json", "csv")
"""What a report can hold: the pages, ``analysis.json`` and the CSV tables."""


@dataclass(frozen=True, slots=True)
class StoryOutput:
    """Everything a report writes for one story, as text (``None`` for a format not asked)."""

    link: StoryLink
    page: str | None
    record: str | None
    rows: tuple[StoryRows | None, ...] | None
    """One entry per table of ``CSV_TABLES``, in its order."""


def story_output(
    story: StoryAnalysis,
    file_name: str,
    settings: Sequence[tuple[str, str]],
    formats: Iterable[str],
    renderer: Renderer,
) -> StoryOutput:
    """Render one (finished) story in every asked format."""
    asked = set(formats)
    page = None
    if "html" in asked:
        page = renderer.story(build_story_page(story, file_name, settings))
    record = story_json(story) if "json" in asked else None
    rows = tuple(story_csv_rows(name, story) for name in CSV_TABLES) if "csv" in asked else None
    return StoryOutput(story_link(story, file_name), page, record, rows)


class ReportWriter:
    """Stages a report's files in ``out_dir`` and appends each story's output as it comes.

    Used as a context manager: on leaving without an error every file is renamed into place
    (``finish`` must have been called); on an error every temporary is deleted.
    """

    def __init__(
        self,
        out_dir: Path,
        formats: Iterable[str],
        lexicons: Sequence[Lexicon],
        n_articles: int,
        skipped: Sequence[str],
        *,
        force: bool = False,
    ) -> None:
        self._out_dir = out_dir
        self._formats = set(formats)
        self._n_articles = n_articles
        self._skipped = tuple(skipped)
        self._lexicons = tuple(lexicons)
        self._force = force
        self._links: list[StoryLink] = []
        self._handles = ExitStack()
        self._staged = StagedFiles(force=force)
        self._json: AnalysisJsonWriter | None = None
        self._tables: list[CsvTableWriter] = []

    def __enter__(self) -> ReportWriter:
        if "html" in self._formats:  # fail before any work, not after the last story
            check_targets([self._out_dir / "index.html"], force=self._force)
        try:
            if "json" in self._formats:
                handle = self._handles.enter_context(
                    self._staged.open(self._out_dir / "analysis.json")
                )
                self._json = AnalysisJsonWriter(
                    handle, self._lexicons, self._n_articles, self._skipped
                )
            if "csv" in self._formats:
                for name in CSV_TABLES:
                    handle = self._handles.enter_context(self._staged.open(self._out_dir / name))
                    self._tables.append(CsvTableWriter(handle))
        except BaseException:
            self._handles.close()
            self._staged.discard()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._handles.close()
        except BaseException:
            self._staged.discard()
            raise
        if kind is None:
            self._staged.commit()
        else:
            self._staged.discard()

    def add(self, output: StoryOutput) -> None:
        """Append one story (stories must come in the report's order)."""
        self._links.append(output.link)
        if output.page is not None:
            self._staged.write(self._out_dir / output.link.file_name, output.page)
        if self._json is not None and output.record is not None:
            self._json.add(output.record)
        if output.rows is not None:
            for table, rows in zip(self._tables, output.rows, strict=True):
                table.add(rows)

    def finish(self, renderer: Renderer) -> int:
        """Write the index and close the lists and tables; return how many files there are."""
        if "html" in self._formats:
            page = index_page(self._links, self._n_articles, self._skipped)
            self._staged.write(self._out_dir / "index.html", renderer.index(page))
        if self._json is not None:
            self._json.close()
        for table in self._tables:
            table.close()
        return self._staged.count


def write_report(
    analysis: CorpusAnalysis, out_dir: Path, formats: set[str], *, force: bool = False
) -> int:
    """Write the asked outputs (a subset of ``FORMATS``); return how many files were written."""
    names = story_file_names([story.story.id for story in analysis.stories])
    renderer = Renderer()
    with ReportWriter(
        out_dir, formats, analysis.lexicons, analysis.n_articles, analysis.skipped, force=force
    ) as writer:
        for story in analysis.stories:
            writer.add(
                story_output(story, names[story.story.id], analysis.settings, formats, renderer)
            )
        return writer.finish(renderer)
