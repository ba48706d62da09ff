"""``python -m framing.bench``: every stage is timed and the two annotate runs agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.bench import main, stages
from framing.synthetic import write_jsonl


def test_stages_cover_the_per_article_pipeline(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    write_jsonl(str(source), 12, words=120, stories=3)
    timings = stages(source)
    assert [t.name for t in timings] == [
        "prepare",
        "lexicons",
        "scores",
        "tone",
        "quotes",
        "record",
    ]
    assert all(t.articles == 12 and t.seconds >= 0 for t in timings)
    assert re.search(r"[1-9][\d,]* quotes", timings[4].note)


def test_main_runs_serial_and_parallel_annotate_and_checks_they_match(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--articles", "16", "--words", "100", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert "input: 16 articles" in out
    assert re.search(r"^annotate +[\d.]+ s", out, re.MULTILINE)
    assert re.search(r"^annotate --jobs 2 ", out, re.MULTILINE)
    assert "output identical" in out


def test_report_runs_serial_and_parallel_and_checks_every_file_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--articles", "20", "--words", "120", "--stories", "4", "--jobs", "2"]
    assert main([*args, "--skip-annotate", "--report"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^report +[\d.]+ s .* 4 story pages", out, re.MULTILINE)
    assert re.search(r"^report --jobs 2: [\d.]+x the serial speed; output identical$", out, re.M)


def test_a_report_folder_digest_sees_any_changed_byte_or_name(tmp_path: Path) -> None:
    from framing.bench import _digest

    for name in ("one", "two"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("<p>a</p>", encoding="utf-8")
        (tmp_path / name / "sub" / "t.csv").write_text("x,1\n", encoding="utf-8")
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")
    (tmp_path / "two" / "sub" / "t.csv").write_text("x,2\n", encoding="utf-8")
    assert _digest(tmp_path / "one") != _digest(tmp_path / "two")
    (tmp_path / "two" / "sub" / "t.csv").write_text("x,1\n", encoding="utf-8")
    (tmp_path / "two" / "index.html").rename(tmp_path / "two" / "other.html")
    assert _digest(tmp_path / "one") != _digest(tmp_path / "two")
