"""A benchmark anyone can run: ``python -m framing.bench [--articles N] [--words W]``.

It generates N articles (``framing.synthetic``, deterministic), then times loading and
``framing annotate`` over them in this process and prints articles per second and MB/s. The
machine may be shared and noisy: run it a few times and compare figures from the same run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from framing.analysis import load_resources
from framing.annotate import write_annotations
from framing.loading import load_corpus
from framing.synthetic import write_jsonl


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        write_jsonl(str(source), args.articles, seed=args.seed, words=args.words)
        megabytes = source.stat().st_size / 1e6
        started = time.perf_counter()
        corpus = load_corpus(source, require_outlet=False)
        loaded = time.perf_counter()
        resources = load_resources()
        count = write_annotations(corpus, resources, Path(folder) / "out.jsonl")
        finished = time.perf_counter()
    total = finished - started
    print(f"articles: {count}, input: {megabytes:.1f} MB")
    print(f"load:     {loaded - started:6.2f} s")
    print(f"annotate: {finished - loaded:6.2f} s (prepare text, frames, tone, write)")
    print(
        f"total:    {total:6.2f} s = {count / total:,.0f} articles/s, {megabytes / total:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
