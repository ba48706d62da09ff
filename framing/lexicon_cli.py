"""``framing lexicon list | show NAME | check FILE``: read and check lexicons from the shell.

A teacher editing a list for a class, or an editor adding their newsroom's words, needs to see
what the built-in lexicons contain and to hear about every mistake in their own file at once,
with its line number, before running a report.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicon import Lexicon, check_lexicon, load_built_in_lexicons
from framing.lexicon_files import read_lexicon_file, read_lexicon_text

Print = Callable[[str], None]


def add_lexicon_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing lexicon ...`` on the main parser."""
    lexicon = commands.add_parser(
        "lexicon",
        help="list, show or check lexicons",
        description="List the built-in lexicons, show one, or check a lexicon file.",
    )
    actions = lexicon.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="list the built-in lexicons")
    show = actions.add_parser("show", help="print a lexicon's header, categories and terms")
    show.add_argument("name", help="a built-in lexicon's name, or a lexicon file")
    check = actions.add_parser("check", help="check a lexicon file and list every problem")
    check.add_argument("file", type=Path)
    for parser in (lexicon, *actions.choices.values()):
        parser.add_argument("--debug", action="store_true", help="show tracebacks")
        parser.set_defaults(force=False)


def run_lexicon(args: argparse.Namespace, out: Print = print) -> int:
    """Run one lexicon action; return the exit code (1 when a checked file has errors)."""
    if args.action == "list":
        for lexicon in load_built_in_lexicons():
            counts = Counter(entry.category for entry in lexicon.entries)
            out(
                f"{lexicon.name} {lexicon.version}: {lexicon.title} "
                f"({len(lexicon.categories)} categories, {sum(counts.values())} terms, "
                f"kind {lexicon.kind})"
            )
        out("Show one with 'framing lexicon show NAME'; add your own with '--lexicon FILE'.")
        return 0
    if args.action == "show":
        show_lexicon(_find(args.name), out)
        return 0
    return check_file(args.file, out)


def _find(name: str) -> Lexicon:
    for lexicon in load_built_in_lexicons():
        if lexicon.name == name:
            return lexicon
    path = Path(name)
    if path.suffix or path.exists():
        return read_lexicon_file(path)
    names = ", ".join(lexicon.name for lexicon in load_built_in_lexicons())
    raise LexiconError(f"no built-in lexicon named '{name}'; use one of {names}, or a file path")


def show_lexicon(lexicon: Lexicon, out: Print) -> None:
    """Print the header, then each category with its terms (weight shown when not 1)."""
    case = "case-sensitive" if lexicon.case_sensitive else "case-insensitive"
    out(f"# {lexicon.title} ({lexicon.name} {lexicon.version}, kind {lexicon.kind}, {case})")
    for key, value in (
        ("measures", lexicon.measures),
        ("source", lexicon.source),
        ("licence", lexicon.licence),
        ("changelog", lexicon.changelog),
        ("negation", ", ".join(f"{a} <-> {b}" for a, b in lexicon.negation)),
    ):
        if value:
            out(f"{key}: {value}")
    for category in lexicon.categories:
        terms = [
            entry.term if entry.weight == 1 else f"{entry.term} ({entry.weight:g})"
            for entry in lexicon.entries
            if entry.category == category.id
        ]
        out("")
        out(f"## {category.label} [{category.id}], {len(terms)} terms")
        if category.description:
            out(category.description)
        out(", ".join(terms))


def check_file(path: Path, out: Print) -> int:
    """Print every problem in a lexicon file; return 1 if any is an error."""
    result = check_lexicon(read_lexicon_text(path), str(path))
    for problem in result.problems:
        out(str(problem))
    if result.lexicon is None:
        out(f"{path}: {len(result.errors)} error(s); fix them and check again")
        return 1
    lexicon = result.lexicon
    out(
        f"{path}: ok: lexicon '{lexicon.name}' with {len(lexicon.categories)} categories and "
        f"{len(lexicon.entries)} terms"
        + (f" ({len(result.warnings)} warning(s) above)" if result.warnings else "")
    )
    return 0
