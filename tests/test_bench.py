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
