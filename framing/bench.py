"""A benchmark anyone can run: ``python -m framing.bench [--articles N] [--words W]``.

It generates N articles (``framing.synthetic``, deterministic) and times, in this process:

- ``load``: reading the JSONL corpus;
- ``prepare``: sentence splitting and tokenisation (done once, shared by every analyzer);
- ``lexicons``: matching *all* loaded lexicons in batches (the vectorised pass), then
  ``scores``: turning the hits into per-article scores and column-wise evidence spans, and
  ``evidence``: building one ``Evidence`` object per hit, as the report and annotate do;
- ``annotate``: the whole ``framing annotate`` run (prepare, every analyzer, JSON written).

It prints articles per second and MB/s for each. The machine may be shared and noisy: run it a
few times, and compare figures from the same run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from framing.analysis import BATCH_SIZE, load_resources, prepare_document
from framing.annotate import write_annotations
from framing.lexicon_scores import score_lexicons
from framing.loading import load_corpus
from framing.synthetic import write_jsonl


def _line(name: str, seconds: float, count: int, megabytes: float, what: str) -> str:
    rate = count / seconds if seconds else float("inf")
    return (
        f"{name:<9} {seconds:7.2f} s  {rate:9,.0f} articles/s  "
        f"{megabytes / seconds if seconds else 0:6.2f} MB/s  ({what})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--skip-annotate", action="store_true", help="time only the stages, not a full annotate"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        write_jsonl(str(source), args.articles, seed=args.seed, words=args.words)
        megabytes = source.stat().st_size / 1e6
        resources = load_resources()
        compiled = resources.compiled

        started = time.perf_counter()
        corpus = load_corpus(source, require_outlet=False)
        loaded = time.perf_counter()
        documents = [prepare_document(article) for article in corpus]
        prepared = time.perf_counter()
        all_hits = []
        for lo in range(0, len(documents), BATCH_SIZE):
            batch = documents[lo : lo + BATCH_SIZE]
            all_hits.extend(
                compiled.match_documents(
                    [d.prepared for d in batch], [d.article.text for d in batch]
                )
            )
        matched = time.perf_counter()
        scored_articles = [
            score_lexicons(document, hits, compiled)
            for document, hits in zip(documents, all_hits, strict=True)
        ]
        scored = time.perf_counter()
        n_evidence = sum(len(s.evidence) for scores in scored_articles for s in scores)
        materialised = time.perf_counter()

        n_tokens = sum(d.prepared.n_tokens for d in documents)
        count = len(documents)
        lexicons = ", ".join(f"{x.name} ({len(x.entries)})" for x in resources.lexicons)
        print(f"articles: {count:,}, tokens: {n_tokens:,}, input: {megabytes:.1f} MB")
        print(f"lexicons: {lexicons}")
        print(_line("load", loaded - started, count, megabytes, "read and validate JSONL"))
        print(_line("prepare", prepared - loaded, count, megabytes, "sentences and tokens"))
        print(
            _line(
                "lexicons",
                matched - prepared,
                count,
                megabytes,
                f"match all {len(resources.lexicons)} lexicons, {sum(map(len, all_hits)):,} hits",
            )
        )
        print(
            _line(
                "scores",
                scored - matched,
                count,
                megabytes,
                "counts, rates, profiles and the evidence columns",
            )
        )
        print(
            _line(
                "evidence",
                materialised - scored,
                count,
                megabytes,
                f"{n_evidence:,} hits as Evidence objects (as report and annotate need)",
            )
        )
        print(
            _line(
                "lex+score",
                scored - prepared,
                count,
                megabytes,
                "every built-in lexicon, from prepared tokens to scores",
            )
        )
        del documents, all_hits, scored_articles
        if not args.skip_annotate:
            begun = time.perf_counter()
            written = write_annotations(corpus, resources, Path(folder) / "out.jsonl")
            finished = time.perf_counter()
            print(
                _line(
                    "annotate",
                    finished - begun,
                    written,
                    megabytes,
                    "prepare, lexicons, tone, JSON written",
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
