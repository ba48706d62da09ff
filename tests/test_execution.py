"""Where the per-article work runs: serial, ``--jobs N`` processes, a Dask cluster.

Each backend must write byte-identical output; a progress bar appears only on a terminal.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest

import framing.execution as execution
import framing.progress as progress
import framing.story_runs as story_runs
from framing.cli import main
from framing.synthetic import generate_articles, write_jsonl


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated articles (3 batches, the last one short), a user lexicon and actors."""
    folder = tmp_path_factory.mktemp("generated")
    write_jsonl(str(folder / "articles.jsonl"), 300, seed=11, words=250, stories=10)
    (folder / "mine.tsv").write_text(
        "# name: mine\n# title: A teacher's words\n"
        "term\tcategory\tweight\tnote\nsovereign\tcore\t1\t\n",
        encoding="utf-8",
    )
    (folder / "actors.tsv").write_text(
        "actor\tkind\talias\tside\nLaura Mendez\tperson\tLaura Mendez\tHarborland\n"
        "Laura Mendez\tperson\tMendez\t\nHarborland\tcountry\tHarborland\t\n",
        encoding="utf-8",
    )
    return folder


def _annotate(folder: Path, name: str, *options: str) -> bytes:
    out = folder / name
    args = ["annotate", str(folder / "articles.jsonl"), "-o", str(out), "--force"]
    args += ["--lexicon", str(folder / "mine.tsv"), "--actors", str(folder / "actors.tsv")]
    args += options
    assert main(args) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def serial(generated: Path) -> bytes:
    return _annotate(generated, "serial.jsonl")


def test_serial_output_has_every_article_in_input_order(generated: Path, serial: bytes) -> None:
    records = [json.loads(line) for line in serial.decode("utf-8").splitlines()]
    expected = [r["id"] for r in generate_articles(300, seed=11, words=250, stories=10)]
    assert [r["id"] for r in records] == expected
    assert "mine" in records[0]["lexicons"]  # the user's lexicon reached the analyzers
    actors = {m["actor"] for r in records for m in r["mentions"]}
    assert "Laura Mendez" in actors  # and so did the user's actor table
    sides = {q["side"] for r in records for q in r["quotes"] if q["speaker"] == "Laura Mendez"}
    assert sides == {"Harborland"}
    assert Counter(r["outlet"] for r in records).most_common(1)[0][1] == 60


def test_jobs_two_writes_the_same_bytes(generated: Path, serial: bytes) -> None:
    assert _annotate(generated, "jobs2.jsonl", "--jobs", "2") == serial


def test_dask_local_cluster_writes_the_same_bytes(generated: Path, serial: bytes) -> None:
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
    ):
        assert (
            _annotate(generated, "dask.jsonl", "--scheduler", cluster.scheduler_address) == serial
        )


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    generated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    monkeypatch.setattr(execution, "CONNECT_TIMEOUT", "1s")
    out = generated / "never.jsonl"
    code = main(
        [
            "annotate",
            str(generated / "articles.jsonl"),
            "-o",
            str(out),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert (
        err.count("\n") == 1 and "--scheduler tcp://127.0.0.1:9" in err and "dask scheduler" in err
    )
    assert not out.exists()


def test_negative_jobs_is_a_usage_error(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = generated / "never.jsonl"
    assert (
        main(["annotate", str(generated / "articles.jsonl"), "-o", str(out), "--jobs", "-1"]) == 2
    )
    assert "--jobs -1" in capsys.readouterr().err
    assert not out.exists()


def test_jobs_zero_means_one_per_core() -> None:
    assert execution.check_jobs(0) == execution.available_cores() >= 1
    assert execution.check_jobs(3) == 3


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for stream, quiet, shown in (
        (_Terminal(), False, True),
        (_Terminal(), True, False),
        (io.StringIO(), False, False),
    ):
        monkeypatch.setattr(progress.sys, "stderr", stream)
        with progress.progress_bar(unit="articles", quiet=quiet) as bar:
            bar.update(128)
        assert ("articles" in stream.getvalue()) is shown


def test_annotate_writes_no_progress_or_summary_when_quiet(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _annotate(generated, "quiet.jsonl", "--quiet")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


# --- report: articles and stories in parallel ------------------------------------------------


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated articles in 6 stories of 5 outlets each (two articles per outlet)."""
    folder = tmp_path_factory.mktemp("stories")
    write_jsonl(str(folder / "articles.jsonl"), 60, seed=5, words=200, stories=6)
    return folder


def _report(folder: Path, name: str, *options: str) -> dict[str, bytes]:
    out = folder / name
    args = ["report", str(folder / "articles.jsonl"), "-o", str(out), "--format", "html,json,csv"]
    assert main([*args, "--quiet", *options]) == 0
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def serial_report(stories: Path) -> dict[str, bytes]:
    return _report(stories, "serial")


def test_report_jobs_two_writes_the_same_files(
    stories: Path, serial_report: dict[str, bytes]
) -> None:
    assert len([name for name in serial_report if name.startswith("story-")]) == 6
    assert _report(stories, "jobs2", "--jobs", "2") == serial_report


def test_report_on_dask_writes_the_same_files(
    stories: Path, serial_report: dict[str, bytes]
) -> None:
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        assert _report(stories, "dask", "--scheduler", cluster.scheduler_address) == serial_report


@pytest.fixture(scope="module")
def mixed_stories(tmp_path_factory: pytest.TempPathFactory, generated: Path) -> Path:
    """40 articles of 4 stories, two of which name no story (so they are grouped by their
    text, which is prepared on the workers), with every option a report reads from files."""
    folder = tmp_path_factory.mktemp("mixed")
    records = list(generate_articles(40, seed=3, words=200, stories=4))
    for number, record in enumerate(records):
        if number % 4 >= 2:
            record.pop("story", None)
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_jsonl(str(folder / "background.jsonl"), 20, seed=4, words=150, stories=2)
    (folder / "facts.txt").write_text(
        "paid\tThe buyer has [paid|payment] an advance.\nSanctions were threatened.\n",
        encoding="utf-8",
    )
    for name in ("mine.tsv", "actors.tsv"):
        (folder / name).write_bytes((generated / name).read_bytes())
    return folder


def _mixed_options(folder: Path) -> list[str]:
    return [
        *("--lexicon", str(folder / "mine.tsv"), "--actors", str(folder / "actors.tsv")),
        *("--background", str(folder / "background.jsonl"), "--facts", str(folder / "facts.txt")),
    ]


def test_report_with_stories_grouped_by_text_and_every_option_is_the_same_in_parallel(
    mixed_stories: Path,
) -> None:
    options = _mixed_options(mixed_stories)
    serial = _report(mixed_stories, "serial", *options)
    pages = [name for name in serial if name.startswith("story-")]
    assert len(pages) >= 4 and any(name.startswith("story-auto-") for name in pages)
    analysis = json.loads(serial["analysis.json"])
    assert "mine" in [lexicon["name"] for lexicon in analysis["lexicons"]]
    assert b"Laura Mendez" in serial["analysis.json"] and b"paid" in serial["facts.csv"]
    assert _report(mixed_stories, "jobs2", "--jobs", "2", *options) == serial
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        address = cluster.scheduler_address
        assert _report(mixed_stories, "dask", "--scheduler", address, *options) == serial


def test_a_parallel_report_refuses_a_foreign_index_before_any_work(
    stories: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the stories were planned before the output was checked")

    monkeypatch.setattr(story_runs, "plan_stories", no_work)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    args = ["report", str(stories / "articles.jsonl"), "-o", str(out), "--jobs", "2"]
    assert main([*args, "--format", "html,json,csv", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "index.html" in err
    assert [p.name for p in out.iterdir()] == ["index.html"]  # nothing staged is left behind
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"
