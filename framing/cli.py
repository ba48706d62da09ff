"""The ``framing`` command: ``report``, ``annotate`` and ``lexicon``.

``main(argv)`` returns the exit code instead of exiting, so tests call it in-process. A user's
mistake (bad input, unsafe output) prints one line to stderr and returns 1; a usage error
returns 2; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from framing import __version__
from framing.allocator import keep_freed_memory
from framing.annotate import write_annotations
from framing.collector import fewer_collections
from framing.errors import FramingError, InputError, UsageError
from framing.execution import ResourceSpec, check_jobs
from framing.lexicon import LexiconFileError
from framing.lexicon_cli import add_lexicon_commands, run_lexicon
from framing.lexicon_files import read_lexicon_file
from framing.loading import iter_articles
from framing.stories_cli import add_stories_command, run_stories

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


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="overwrite output files framing did not write"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def run_report(args: argparse.Namespace) -> int:
    # Imported here, not at the top: see framing.report_cli (a second of start-up).
    from framing.report_cli import run_report as write_the_report

    write_the_report(args, _spec(args))
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
