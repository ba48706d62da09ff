"""The ``framing`` command: ``report``, ``annotate`` and ``lexicon``.

``main(argv)`` returns the exit code instead of exiting, so tests call it in-process. A user's
mistake (bad input, unsafe output) prints one line to stderr and returns 1; a usage error
returns 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from framing import __version__
from framing.allocator import keep_freed_memory
from framing.analysis import (
    BatchMapper,
    Resources,
    analyze_corpus,
    analyze_story_batch,
    prepare_document,
    settings,
)
from framing.annotate import write_annotations
from framing.collector import fewer_collections
from framing.errors import FramingError, InputError, UsageError
from framing.execution import ResourceSpec, check_jobs
from framing.facts_file import read_facts
from framing.lexicon import LexiconFileError
from framing.lexicon_cli import add_lexicon_commands, run_lexicon
from framing.lexicon_files import read_lexicon_file
from framing.loading import iter_articles, load_corpus
from framing.outlet_groups import apply_outlet_groups, read_outlet_groups
from framing.progress import progress_bar
from framing.report_files import FORMATS, write_report
from framing.stories_cli import add_stories_command, run_stories
from framing.story_runs import StoryRun, write_report_in_parallel
from framing.terms import TermOptions, term_counts

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Show how different news outlets frame the same story, with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser(
        "report",
        help="write a side-by-side HTML report (index.html and one page per story)",
        description="Analyze a corpus and write DIR/index.html plus one page per story.",
    )
    report.add_argument("path", type=Path, help="a folder of articles, or a .txt/.md/.jsonl/.csv")
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        help="output folder (default: reports/<name of PATH>)",
    )
    report.add_argument(
        "--format",
        default="html",
        metavar="LIST",
        help="what to write, comma-separated: html (the pages), json (analysis.json), csv "
        "(one table per section); default html",
    )
    report.add_argument(
        "--json", action="store_true", help="also write DIR/analysis.json (as --format html,json)"
    )
    report.add_argument(
        "--outlets",
        type=Path,
        metavar="FILE",
        help="a CSV (or .tsv) with the header 'outlet,group' putting outlets into groups "
        "(overrides the articles' group field)",
    )
    report.add_argument(
        "--term-counts",
        choices=("tokens", "articles"),
        default="tokens",
        help="count distinctive words by occurrences (default) or by the number of articles "
        "using them, so that one long article cannot dominate an outlet",
    )
    report.add_argument(
        "--background",
        type=Path,
        metavar="PATH",
        help="a reference corpus (any format the loader reads) whose word counts are the prior "
        "for distinctive words, instead of the story's own counts",
    )
    report.add_argument(
        "--facts",
        type=Path,
        metavar="FILE",
        help="a checklist of facts (one per line, optionally 'id<TAB>fact'): the report says "
        "which outlets report each",
    )
    report.add_argument(
        "--csv",
        action="store_true",
        help="also write DIR/measures.csv, tone.csv, comparisons.csv and findings.csv",
    )
    _add_execution_options(report)
    _add_lexicon_option(report)
    _add_common(report)

    annotate = commands.add_parser(
        "annotate",
        help="write one JSON record per article (sentences, evidence spans, scores)",
        description="Score every article on its own; INPUT needs only 'id' and 'text'.",
    )
    annotate.add_argument("input", type=Path, help="any corpus the loader reads")
    annotate.add_argument("-o", "--output", type=Path, required=True, help="OUT.jsonl")
    _add_execution_options(annotate)
    _add_lexicon_option(annotate)
    _add_common(annotate)
    add_lexicon_commands(commands)
    add_stories_command(commands)
    return parser


def _add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actors",
        type=Path,
        metavar="FILE",
        help="a table of actors and aliases (TSV: actor, kind, alias[, side]) added to the "
        "built-in one; an alias it lists moves to its actor",
    )
    parser.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="add a lexicon (TSV); one named like a built-in overrides the categories it "
        "lists (repeatable; see 'framing lexicon check FILE')",
    )


def _add_execution_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="analyze articles in N processes (0: one per core); the output is the same",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the work on a Dask cluster (e.g. tcp://10.0.0.5:8786; needs "
        "pip install 'framing[dask]'); the output is the same",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar (it only shows on a terminal)"
    )


def _spec(args: argparse.Namespace) -> ResourceSpec:
    return ResourceSpec.from_files([read_lexicon_file(path) for path in args.lexicon], args.actors)


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


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="overwrite output files framing did not write"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def _formats(args: argparse.Namespace) -> set[str]:
    """The outputs asked for: ``--format`` plus the ``--json``/``--csv`` shorthands."""
    asked = {part.strip().lower() for part in args.format.split(",") if part.strip()}
    unknown = sorted(asked - set(FORMATS))
    if unknown or not asked:
        raise UsageError(
            f"--format {args.format!r}: use a comma-separated list of {', '.join(FORMATS)}"
        )
    return asked | {name for name in ("json", "csv") if getattr(args, name)}


def run_report(args: argparse.Namespace) -> int:
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
    spec = _spec(args)
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
    return EXIT_OK


def run_annotate(args: argparse.Namespace) -> int:
    # Streamed: records are written as articles are read; a problem found anywhere in the
    # input still raises (after the last article) and the temporary output is discarded.
    articles = iter_articles(args.input, require_outlet=False)
    spec = _spec(args)
    jobs = check_jobs(args.jobs)
    resources = spec.load() if jobs == 1 and not args.scheduler else None
    with fewer_collections():
        count = write_annotations(
            articles,
            spec,
            args.output,
            force=args.force,
            jobs=jobs,
            scheduler=args.scheduler,
            resources=resources,
            quiet=args.quiet,
        )
    if not args.quiet:
        print(f"framing: wrote {count} records to {args.output}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    handlers = {
        "report": run_report,
        "annotate": run_annotate,
        "lexicon": run_lexicon,
        "stories": run_stories,
    }
    handler = handlers[args.command]
    try:
        return handler(args)
    except (InputError, LexiconFileError) as error:
        if args.debug:
            raise
        print(f"framing: error: {error}", file=sys.stderr)
        for line in error.details()[1:]:
            print(f"framing: error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except FramingError as error:
        if args.debug:
            raise
        print(f"framing: error: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UsageError) else EXIT_ERROR
    except KeyboardInterrupt:
        print("framing: interrupted; no file was left half-written", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(
            f"framing: internal error: {type(error).__name__}: {error} "
            "(this is a bug; run again with --debug and report the traceback)",
            file=sys.stderr,
        )
        return EXIT_BUG


def main_entry() -> None:
    """Console-script entry point (the command's own process: see ``framing.allocator``)."""
    keep_freed_memory()
    sys.exit(main())
