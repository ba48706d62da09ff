"""Safe writing: atomic files, and never overwriting a file framing did not write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing.errors import OutputError
from framing.output import StagedFiles, is_ours, open_atomic


def write_all(files: dict[Path, str], *, force: bool = False) -> None:
    """Stage every file and rename them together, as a report is written."""
    with StagedFiles(force=force) as staged:
        for path, data in files.items():
            staged.write(path, data)


def test_refuses_to_overwrite_a_users_file(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_text("my own notes", encoding="utf-8")
    with pytest.raises(OutputError, match=r"was not written by framing.*--force"):
        write_all({target: '<meta name="generator" content="framing 0">'})
    assert target.read_text(encoding="utf-8") == "my own notes"


def test_nothing_is_written_when_any_target_is_foreign(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("user data", encoding="utf-8")
    with pytest.raises(OutputError):
        write_all({tmp_path / "a.html": "new", tmp_path / "b.html": "new"})
    assert not (tmp_path / "a.html").exists()


def test_overwrites_its_own_files_and_with_force(tmp_path: Path) -> None:
    ours = tmp_path / "index.html"
    ours.write_text('<html><meta name="generator" content="framing 0.1">', encoding="utf-8")
    assert is_ours(ours)
    write_all({ours: "replaced"})
    assert ours.read_text(encoding="utf-8") == "replaced"
    foreign = tmp_path / "x.json"
    foreign.write_text("{}", encoding="utf-8")
    write_all({foreign: "forced"}, force=True)
    assert foreign.read_text(encoding="utf-8") == "forced"


def test_a_failure_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), open_atomic(target) as handle:
        handle.write("half a record")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_in_the_way_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "index.html").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_all({tmp_path / "index.html": "x"})


def test_written_files_are_readable_by_others_under_the_usual_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_all({tmp_path / "index.html": "x"})
    finally:
        os.umask(old)
    assert (tmp_path / "index.html").stat().st_mode & 0o777 == 0o644


def test_staged_files_appear_together_only_when_all_are_written(tmp_path: Path) -> None:
    with StagedFiles() as staged:
        staged.write(tmp_path / "a.html", "first")
        with staged.open(tmp_path / "sub" / "b.csv") as handle:
            handle.write("framing_table,x\n")
        assert staged.count == 2
        assert not (tmp_path / "a.html").exists()  # not before the end
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "first"
    assert (tmp_path / "sub" / "b.csv").read_text(encoding="utf-8") == "framing_table,x\n"
    assert sorted(p.name for p in tmp_path.rglob(".*")) == []


def test_an_error_while_staging_keeps_every_old_file_and_no_temporary(tmp_path: Path) -> None:
    old = tmp_path / "index.html"
    old.write_text('<meta name="generator" content="framing 0"> old', encoding="utf-8")
    with pytest.raises(RuntimeError, match="template"), StagedFiles() as staged:
        staged.write(old, "new index")
        with staged.open(tmp_path / "story.html") as handle:
            handle.write("half a page")
            raise RuntimeError("template failed")
    assert old.read_text(encoding="utf-8").endswith(" old")
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_foreign_file_met_part_way_stops_the_report_untouched(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("user data", encoding="utf-8")
    with pytest.raises(OutputError, match=r"b\.html"), StagedFiles() as staged:
        staged.write(tmp_path / "a.html", "new")
        staged.write(tmp_path / "b.html", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "user data"
