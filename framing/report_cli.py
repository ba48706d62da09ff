"""``framing report``: analyze a corpus story by story and write the report.

Split from ``framing.cli``, which imports it only when a report is asked for: the story-level
analysis pulls in SciPy's ``stats``, scikit-learn and the whole of NLTK (about a second of
start-up, measured with ``python -X importtime``) that ``framing annotate``, ``framing lexicon``
and ``framing stories`` never need.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from framing.analysis import (
    BatchMapper,
    Resources,
    analyze_corpus,
    analyze_story_batch,
    prepare_document,
    settings,
)
from framing.collector import fewer_collections
from framing.errors import UsageError
from framing.execution import ResourceSpec, check_jobs
from framing.facts_file import read_facts
from framing.loading import load_corpus
from framing.outlet_groups import apply_outlet_groups, read_outlet_groups
from framing.progress import progress_bar
from framing.report_files import FORMATS, write_report
from framing.story_runs import StoryRun, write_report_in_parallel
from framing.terms import TermOptions, term_counts

__all__ = ["run_report"]


def _batch_mapper(resources: Resources, bar: Any) -> BatchMapper:
    """Run a serial report's batches here, counting articles then stories on the progress bar."""

    def run(
        function: Callable[[Resources, list[Any]], Any], batches: Iterable[list[Any]]
    ) -> Iterator[Any]:
        bar.set_description("stories" if function is analyze_story_batch else "articles")
        bar.reset()
        for batch in batches:
            result = function(resources, batch)
            bar.update(len(result))
            yield result

    return run


def _stage_counter(bar: Any) -> Callable[[str, int], None]:
    """Count a parallel report's units of work on the bar, restarting it at each stage."""
    current = [""]

    def count(stage: str, done: int) -> None:
        if stage != current[0]:
            current[0] = stage
            bar.set_description(f"stories {stage}" if stage != "grouped" else "articles grouped")
            bar.reset()
        bar.update(done)

    return count


def _formats(args: argparse.Namespace) -> set[str]:
    """The outputs asked for: ``--format`` plus the ``--json``/``--csv`` shorthands."""
    asked = {part.strip().lower() for part in args.format.split(",") if part.strip()}
    unknown = sorted(asked - set(FORMATS))
    if unknown or not asked:
        raise UsageError(
            f"--format {args.format!r}: use a comma-separated list of {', '.join(FORMATS)}"
        )
    return asked | {name for name in ("json", "csv") if getattr(args, name)}


def run_report(args: argparse.Namespace, spec: ResourceSpec) -> None:
    """Write the report ``args`` ask for; raise ``FramingError`` on bad input or usage."""
    formats = _formats(args)
    corpus = load_corpus(args.path)
    if args.outlets:
        corpus, unknown = apply_outlet_groups(corpus, read_outlet_groups(args.outlets))
        if unknown:
            print(
                f"framing: {args.outlets} names {len(unknown)} outlet(s) not in the corpus: "
                + "; ".join(unknown),
                file=sys.stderr,
            )
    options = TermOptions(unit=args.term_counts)
    background = None
    if args.background:
        if options.unit == "articles":
            raise UsageError("--background counts words, so it needs --term-counts tokens")
        reference = load_corpus(args.background, require_outlet=False)
        background = term_counts((prepare_document(a) for a in reference), options.max_n)
    facts = read_facts(args.facts) if args.facts else None
    jobs = check_jobs(args.jobs)
    resources = spec.load()
    out_dir: Path = args.output or Path("reports") / (args.path.stem or "report")
    with fewer_collections(), progress_bar(unit="done", quiet=args.quiet) as bar:
        if jobs > 1 or args.scheduler:
            run = StoryRun(
                options,
                background,
                facts,
                settings(options, background is not None),
                tuple(sorted(formats)),
            )
            n_stories, count = write_report_in_parallel(
                list(corpus),
                spec,
                run,
                out_dir,
                lexicons=resources.lexicons,
                skipped=corpus.skipped,
                jobs=jobs,
                scheduler=args.scheduler,
                force=args.force,
                progress=_stage_counter(bar),
            )
        else:
            mapper = _batch_mapper(resources, bar)
            analysis = analyze_corpus(
                corpus, resources, options, background, facts, map_batches=mapper
            )
            n_stories = len(analysis.stories)
            count = write_report(analysis, out_dir, formats, force=args.force)
    if not args.quiet:
        print(
            f"framing: {len(corpus)} articles, {n_stories} "
            f"{'story' if n_stories == 1 else 'stories'}; wrote "
            + (
                str(out_dir / "index.html")
                if "html" in formats
                else f"{count} file(s) to {out_dir}"
            )
        )
    if corpus.skipped:
        print(f"framing: passed over {len(corpus.skipped)} file(s): {'; '.join(corpus.skipped)}")
