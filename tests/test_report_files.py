"""A report's files are written one at a time and appear together: streamed outputs equal the
in-memory ones, and an error part-way leaves the previous report as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from framing import report_files
from framing.analysis import analyze_corpus, load_resources
from framing.cli import main
from framing.export import analysis_json, write_analysis_json
from framing.loading import load_corpus
from framing.synthetic import write_jsonl
from framing.tables import CSV_TABLES, csv_files, write_csv_table


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "three.jsonl"
    write_jsonl(str(path), 30, words=150, stories=3)
    return path


def test_streamed_json_and_csv_equal_the_in_memory_text(corpus_file: Path) -> None:
    analysis = analyze_corpus(load_corpus(corpus_file), load_resources())
    assert len(analysis.stories) == 3
    handle = io.StringIO()
    write_analysis_json(analysis, handle)
    assert handle.getvalue() == analysis_json(analysis)
    in_memory = csv_files(analysis)
    for name in CSV_TABLES:
        handle = io.StringIO()
        write_csv_table(name, analysis.stories, handle)
        assert handle.getvalue() == in_memory[name], name
    assert in_memory["measures.csv"].count("\n") > 10
    # A table no story has a row for still gets its header.
    handle = io.StringIO()
    write_csv_table("facts.csv", (), handle)
    assert handle.getvalue() == "framing_table,story\n"


def test_an_error_part_way_keeps_the_previous_report_whole(
    corpus_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report"
    assert (
        main(["report", str(corpus_file), "-o", str(out), "--format", "html,json,csv", "--quiet"])
        == 0
    )
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 1 + 3 + 1 + len(CSV_TABLES)

    pages = 0
    real = report_files.Renderer.story

    def story_then_fail(self: report_files.Renderer, page: object) -> str:
        nonlocal pages
        pages += 1
        if pages == 2:
            raise RuntimeError("template failed")
        return real(self, page)  # type: ignore[arg-type]

    monkeypatch.setattr(report_files.Renderer, "story", story_then_fail)
    (corpus_file.parent / "changed.jsonl").write_text(
        corpus_file.read_text(encoding="utf-8").replace("Ankara", "Izmir"), encoding="utf-8"
    )
    assert (
        main(["report", str(corpus_file.parent / "changed.jsonl"), "-o", str(out), "--quiet"]) != 0
    )
    assert pages == 2
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # no file replaced, no temporary left
