"""A benchmark anyone can run: ``python -m framing.bench [--articles N] [--jobs N]``.

It generates N news-like articles (``framing.synthetic``: deterministic, five outlets, quotes,
names, figures) or reads ``--input FILE.jsonl``, and in one run times:

- ``floor``: reading the JSONL and a plain regex tokenisation of every text (``\\w+`` runs),
  the least any text tool must do; every other line is compared with it;
- ``annotate``: the whole ``framing annotate`` command (every analyzer and layer, JSON
  written), run as a user runs it, in a subprocess (so interpreter start-up is included), once
  serially and once with ``--jobs N`` when N > 1; the two outputs must be byte-identical;
- with ``--stages``, in this process, the per-article stages one after another: ``prepare``
  (sentences and tokens), ``lexicons`` (matching every loaded lexicon), ``scores``, ``tone``
  (VADER on arrays), ``quotes`` (quotes, speakers, verbs) and ``record`` (actor mentions,
  targets and the annotation record as JSON); their sum is about the serial annotate run
  without interpreter start-up and file I/O.

- with ``--report``, the whole ``framing report`` command (every page, ``analysis.json`` and
  the CSV tables) in a subprocess, serially and with ``--jobs N``; every file must be the
  same. The issue's report figure is ``--articles 1000 --stories 200 --report`` (200 stories
  of five outlets each).

It prints seconds, articles/s, MB/s, each run's peak memory (the largest process: with
``--jobs N`` there are N workers of about that size plus the parent) and the ratio to the
floor. The machine may be shared and noisy: compare figures from the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.annotate import annotation_lines
from framing.article_analysis import BATCH_SIZE, ArticleAnalysis, load_resources, prepare_document
from framing.collector import fewer_collections
from framing.lexicon_scores import score_batch_hits
from framing.loading import load_corpus
from framing.quotes import find_quotes
from framing.synthetic import write_jsonl
from framing.tone import score_tones

_FLOOR_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Timing:
    """One measured run."""

    name: str
    seconds: float
    articles: int
    peak_mb: float | None = None
    note: str = ""


def floor(path: Path) -> Timing:
    """Read the JSONL and find every ``\\w+`` run of every text: the least a tool must do."""
    started = time.perf_counter()
    articles = tokens = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text", "")
            tokens += sum(1 for _ in _FLOOR_TOKEN.finditer(text))
            articles += 1
    return Timing("floor", time.perf_counter() - started, articles, note=f"{tokens:,} tokens")


def run_annotate(source: Path, out: Path, jobs: int) -> Timing:
    """Run ``framing annotate`` in a subprocess; time it and read its peak memory."""
    command = [sys.executable, "-m", "framing", "annotate", str(source), "-o", str(out)]
    command += ["--force", "--quiet", "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"framing annotate failed with exit code {process.returncode}")
    with out.open(encoding="utf-8") as handle:
        written = sum(1 for _ in handle)
    name = "annotate" if jobs == 1 else f"annotate --jobs {jobs}"
    return Timing(name, seconds, written, usage.ru_maxrss / 1024, "every analyzer, JSON written")


def stages(source: Path) -> list[Timing]:
    """Time each per-article stage in this process, one after another over every article.

    With the collector tuned as the commands tune it (``framing.collector``): this keeps
    every article's analysis alive, so CPython's default collector would scan ever more
    objects and charge the stages for it.
    """
    with fewer_collections():
        return _stages(source)


def _stages(source: Path) -> list[Timing]:
    resources = load_resources()
    compiled = resources.compiled
    corpus = load_corpus(source, require_outlet=False)
    started = time.perf_counter()
    documents = [prepare_document(article) for article in corpus]
    prepared = time.perf_counter()
    batches = [documents[lo : lo + BATCH_SIZE] for lo in range(0, len(documents), BATCH_SIZE)]
    hits = [
        compiled.match_batch([d.prepared for d in batch], [d.article.text for d in batch])
        for batch in batches
    ]
    matched = time.perf_counter()
    scores = [
        scored
        for batch, own in zip(batches, hits, strict=True)
        for scored in score_batch_hits(batch, own, compiled)
    ]
    scored = time.perf_counter()
    tones = []
    for lo in range(0, len(documents), BATCH_SIZE):
        tones.extend(score_tones(documents[lo : lo + BATCH_SIZE], resources.vader))
    toned = time.perf_counter()
    quotes = [find_quotes(document, resources.side_of) for document in documents]
    quoted = time.perf_counter()
    analyses = [
        ArticleAnalysis(*parts) for parts in zip(documents, scores, tones, quotes, strict=True)
    ]
    written = 0
    for lo in range(0, len(analyses), BATCH_SIZE):
        lines = annotation_lines(analyses[lo : lo + BATCH_SIZE], resources)
        written += sum(map(len, lines))
    recorded = time.perf_counter()
    count = len(documents)
    return [
        Timing("prepare", prepared - started, count, note="sentences and tokens"),
        Timing("lexicons", matched - prepared, count, note=f"{sum(map(len, hits)):,} hits"),
        Timing("scores", scored - matched, count, note="rates, profiles, evidence columns"),
        Timing("tone", toned - scored, count, note="VADER on arrays"),
        Timing("quotes", quoted - toned, count, note=f"{sum(map(len, quotes)):,} quotes"),
        Timing(
            "record",
            recorded - quoted,
            count,
            note=f"mentions, targets, {written / 1e6:,.0f} MB of JSON",
        ),
    ]


def run_report(source: Path, out: Path, jobs: int) -> Timing:
    """Run ``framing report`` (html, json and csv) in a subprocess; time it and read its peak
    memory (the largest of its processes)."""
    command = [sys.executable, "-m", "framing", "report", str(source), "-o", str(out)]
    command += ["--format", "html,json,csv", "--force", "--quiet", "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"framing report failed with exit code {status}")
    count = len(load_corpus(source, require_outlet=False))
    pages = sum(1 for _ in out.glob("story-*.html"))
    name = "report" if jobs == 1 else f"report --jobs {jobs}"
    note = f"{pages:,} story pages, analysis.json, CSV"
    return Timing(name, seconds, count, usage.ru_maxrss / 1024, note)


def _digest(path: Path) -> str:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        return hashlib.sha256(
            b"".join(
                p.relative_to(path).as_posix().encode() + bytes.fromhex(_digest(p)) for p in files
            )
        ).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _row(timing: Timing, megabytes: float, floor_seconds: float) -> str:
    rate = timing.articles / timing.seconds if timing.seconds else float("inf")
    peak = f"{timing.peak_mb:7,.0f} MB" if timing.peak_mb is not None else " " * 10
    ratio = timing.seconds / floor_seconds if floor_seconds else float("inf")
    return (
        f"{timing.name:<18} {timing.seconds:8.2f} s {rate:9,.0f} art/s "
        f"{megabytes / timing.seconds if timing.seconds else 0:7.2f} MB/s {peak} "
        f"{ratio:6.1f}x  {timing.note}"
    )


def _compare(outputs: list[Path], runs: list[Timing]) -> bool:
    """Print the parallel run's speed-up and whether its output is the serial one; True if not."""
    same = _digest(outputs[0]) == _digest(outputs[1])
    serial, parallel = runs
    print(
        f"{parallel.name}: {serial.seconds / parallel.seconds:.2f}x the serial speed; output "
        + ("identical" if same else "DIFFERS")
    )
    return not same


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="generated articles")
    parser.add_argument("--words", type=int, default=600, help="words per generated article")
    parser.add_argument("--stories", type=int, default=20, help="stories they belong to")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--input", type=Path, help="time your own JSONL instead")
    parser.add_argument("--jobs", type=int, default=1, help="also run annotate with N processes")
    parser.add_argument("--stages", action="store_true", help="also time the stages in-process")
    parser.add_argument("--skip-annotate", action="store_true", help="no annotate run")
    parser.add_argument(
        "--report", action="store_true", help="also run framing report (html, json, csv)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = args.input
        if source is None:
            source = Path(folder) / "articles.jsonl"
            write_jsonl(
                str(source), args.articles, seed=args.seed, words=args.words, stories=args.stories
            )
        megabytes = source.stat().st_size / 1e6
        timings = [floor(source)]
        print(f"input: {timings[0].articles:,} articles, {megabytes:.1f} MB ({source.name})")
        outputs: list[Path] = []
        if not args.skip_annotate:
            for jobs in sorted({1, max(1, args.jobs)}):
                outputs.append(Path(folder) / f"out-{jobs}.jsonl")
                timings.append(run_annotate(source, outputs[-1], jobs))
        if args.stages:
            # After the subprocesses: a child forked while this process holds every article's
            # analysis would count those pages in its own peak memory.
            timings[1:1] = stages(source)
        print(f"{'run':<18} {'time':>10} {'rate':>15} {'speed':>12} {'peak':>10} {'/floor':>7}")
        for timing in timings:
            print(_row(timing, megabytes, timings[0].seconds))
        if args.report:
            job_counts = sorted({1, max(1, args.jobs)})
            reports = [Path(folder) / f"report-{jobs}" for jobs in job_counts]
            report_timings = [
                run_report(source, out, jobs) for out, jobs in zip(reports, job_counts, strict=True)
            ]
            for timing in report_timings:
                print(_row(timing, megabytes, timings[0].seconds))
        failed = False
        if len(outputs) == 2:
            failed |= _compare(outputs, [t for t in timings if t.name.startswith("annotate")])
        if args.report and len(reports) == 2:
            failed |= _compare(reports, report_timings)
        if failed:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
