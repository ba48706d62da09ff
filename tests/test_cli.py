"""The command line: exit codes, one-line errors, --debug, annotate's records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.annotate import ANNOTATION_FORMAT, ANNOTATION_VERSION
from framing.cli import main
from framing.errors import InputError

GOOD = "outlet: Wire\ntitle: T\ndate: 2018-07-14\n---\nThe radar is a threat. It is good.\n"


def test_report_writes_index_and_story_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["report", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html",
        "story-auto-1.html",
    ]
    assert "1 articles" in capsys.readouterr().out


def test_bad_input_is_one_line_naming_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"outlet": "A", "text": "fine"}\n{"outlet": "B", "text": ""}\n', "utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.jsonl:2" in err and "text" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists(), "nothing is written when input is bad"


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        main(["report", str(tmp_path / "missing"), "--debug"])


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 2
    assert main(["nonsense"]) == 2
    assert main([]) == 2
    capsys.readouterr()


def test_a_users_file_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("my page", encoding="utf-8")
    assert main(["report", str(tmp_path / "in.txt"), "-o", str(out)]) == 1
    assert "not written by framing" in capsys.readouterr().err
    assert (out / "index.html").read_text(encoding="utf-8") == "my page"
    assert not (out / "story-story.html").exists()
    assert main(["report", str(tmp_path / "in.txt"), "-o", str(out), "--force"]) == 0


def test_annotate_needs_only_id_and_text(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "x1", "text": "The missile threat is not good. Exports rose."})
        + "\n"
        + json.dumps({"id": 2, "text": "Radar range."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["x1", "2"]
    first = records[0]
    assert first["format"] == ANNOTATION_FORMAT and first["version"] == ANNOTATION_VERSION
    assert list(first) == [
        "format",
        "version",
        "id",
        "outlet",
        "group",
        "lexicons",
        "sentences",
        "evidence",
        "quotes",
        "mentions",
        "targets",
        "scores",
    ]
    text = "The missile threat is not good. Exports rose."
    assert [text[s["start"] : s["end"]] for s in first["sentences"]] == [
        "The missile threat is not good.",
        "Exports rose.",
    ]
    layers = {(text[e["start"] : e["end"]], e["layer"], e["label"]) for e in first["evidence"]}
    assert ("threat", "frames-security-deals", "security_threat") in layers
    assert ("good", "tone", "negative") in layers  # negated by "not"
    story_frames = first["scores"]["lexicons"]["frames-security-deals"]
    assert story_frames["categories"]["commercial"]["hits"] == 1
    assert story_frames["categories"]["commercial"]["sentences"] == 1
    assert first["sentences"][1]["cues"]["frames-security-deals"] == {"commercial": 1}
    assert first["scores"]["n_sentences"] == 2
    # annotate refuses to clobber a file it did not write, but rewrites its own
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    (tmp_path / "mine.jsonl").write_text("keep", encoding="utf-8")
    assert main(["annotate", str(source), "-o", str(tmp_path / "mine.jsonl")]) == 1


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "framing", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("framing ")


def test_annotate_writes_nothing_when_any_record_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "  "}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "-o", str(out)]) == 1
    assert "in.jsonl:2" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [source], "no output and no temporary file left behind"


def test_format_chooses_the_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    out = tmp_path / "data"
    assert main(["report", str(corpus), "-o", str(out), "--format", "json,csv"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "analysis.json",
        "claims.csv",
        "comparisons.csv",
        "facts.csv",
        "findings.csv",
        "measures.csv",
        "omitted.csv",
        "terms.csv",
        "tone.csv",
    ]
    assert f"wrote 9 file(s) to {out}" in capsys.readouterr().out
    assert main(["report", str(corpus), "-o", str(tmp_path / "x"), "--format", "pdf"]) == 2
    assert (
        "--format 'pdf': use a comma-separated list of html, json, csv" in capsys.readouterr().err
    )
