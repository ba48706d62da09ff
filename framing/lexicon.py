"""Lexicons as data: read, check and merge the TSV format.

A lexicon file is UTF-8 text. Header lines start with ``#`` and hold ``key: value`` pairs
(``name``, ``title``, ``version``, ``measures``, ``source``, ``licence``, ``changelog``, and the
optional ``kind``, ``case`` and ``negation``) and one ``category:`` line per category
(``id | Label | description``). Then the column line ``term<TAB>category<TAB>weight<TAB>note``
and one row per entry (the note may be left out). A term is one or more space-separated token
patterns; a pattern ending in ``*`` matches any token starting with it. Matching compares token
norms (case-insensitive) unless the header says ``case: sensitive``. A row of weight 0 is a
*sense guard*: it is matched like any term, so as the longer match it stops a shorter one from
counting ("lies ahead" guards "lies"), but it is never counted or highlighted itself. Matching is
case-insensitive because it runs on token norms; see :mod:`framing.matching`.

Keeping lexicons as data (not code) lets a teacher or an editor read and edit exactly what is
counted, and the header travels with every report that uses it. Parsing collects *every*
problem with its line number, so ``framing lexicon check`` can list them all in one go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Protocol

from framing.errors import LexiconError
from framing.tokens import cased_form, tokenize

HEADER_FIELDS = ("name", "title", "version", "measures", "source", "licence")
"""Header fields every built-in lexicon carries; a user's lexicon needs only ``name``."""
COLUMNS = ("term", "category", "weight", "note")
KINDS = ("frames", "counts")
"""``frames``: categories are alternative frames, so an article gets a profile and a dominant
frame. ``counts``: categories are counted side by side (stance, loaded language)."""
MIN_STEM = 3
"""A ``*`` pattern needs at least this many letters before the star: ``ra*`` would match
half the dictionary."""
BUILT_IN_FILES = (
    "generic_frames.tsv",
    "policy_frames.tsv",
    "frames.tsv",
    "loaded.tsv",
    "stance.tsv",
)
"""The lexicons shipped in the package, in report order."""

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_CATEGORY_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True, slots=True)
class Category:
    """One category of a lexicon, with the label a reader sees."""

    id: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: the term's token patterns and what a match counts for."""

    term: str
    patterns: tuple[str, ...]
    category: str
    weight: float
    note: str
    line: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A parsed lexicon: its provenance header, categories and entries.

    ``negation`` lists category pairs that swap when a cue is negated ("not certain" is a
    hedge, not a booster); ``origin`` says where the lexicon came from, for provenance.
    """

    name: str
    title: str
    version: str
    measures: str
    source: str
    licence: str
    categories: tuple[Category, ...]
    entries: tuple[Entry, ...]
    kind: str = "counts"
    case_sensitive: bool = False
    negation: tuple[tuple[str, str], ...] = ()
    changelog: str = ""
    origin: str = ""

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(category.id for category in self.categories)

    @property
    def handles_negation(self) -> bool:
        return bool(self.negation)


@dataclass(frozen=True, slots=True)
class LexiconProblem:
    """One problem in a lexicon file, with the line and field to fix."""

    origin: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        if self.field:
            where += f": field '{self.field}'"
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"


class LexiconFileError(LexiconError):
    """A lexicon file has errors; carries all of them, the first in the message."""

    def __init__(self, problems: Sequence[LexiconProblem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0])
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem(s); run 'framing lexicon check' on it)" if more else ""
        super().__init__(first + suffix)

    def details(self) -> list[str]:
        return [str(problem) for problem in self.problems]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``check_lexicon`` found: the lexicon when it is usable, and every problem."""

    lexicon: Lexicon | None
    problems: tuple[LexiconProblem, ...]

    @property
    def errors(self) -> tuple[LexiconProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[LexiconProblem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")


def check_lexicon(text: str, origin: str, *, built_in: bool = False) -> CheckResult:
    """Parse lexicon text and report every problem; ``origin`` names the file in messages.

    Built-in lexicons must carry the whole provenance header; a user's lexicon needs only a
    ``name`` (a teacher's five-line list should work), and missing fields are warnings. When a
    file declares no categories, its rows' categories are taken as declared.
    """
    problems: list[LexiconProblem] = []

    def problem(line: int | None, field: str | None, message: str, severity: str = "error") -> None:
        problems.append(LexiconProblem(origin, line, field, message, severity))

    header: dict[str, str] = {}
    categories: list[Category] = []
    category_lines: dict[str, int] = {}
    entries: list[Entry] = []
    seen_columns = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            key = key.strip().lower()
            if not sep or " " in key:
                continue  # a free comment
            if key == "category":
                category = _parse_category(value, number, problem)
                if category is None:
                    continue
                if category.id in category_lines:
                    problem(
                        number,
                        "category",
                        f"category '{category.id}' is declared twice "
                        f"(first on line {category_lines[category.id]}); keep one",
                    )
                    continue
                category_lines[category.id] = number
                categories.append(category)
            else:
                header[key] = value.strip()
            continue
        cells = line.split("\t")
        if not seen_columns:
            if tuple(cell.strip().lower() for cell in cells) != COLUMNS:
                problem(
                    number,
                    None,
                    "expected the column line 'term<TAB>category<TAB>weight<TAB>note' before "
                    "the first entry; add it",
                )
                return CheckResult(None, tuple(problems))
            seen_columns = True
            continue
        entry = _parse_entry(cells, number, problem)
        if entry is not None:
            entries.append(entry)

    _check_header(header, built_in, problem)
    case = header.get("case", "insensitive").strip().lower() or "insensitive"
    if case not in ("insensitive", "sensitive"):
        problem(None, "case", f"unknown case '{case}'; use insensitive (default) or sensitive")
    case_sensitive = case == "sensitive"
    if case_sensitive:
        cased_entries = []
        for entry in entries:
            patterns = _term_patterns(entry.term, entry.line, problem, cased=True)
            if patterns is not None:
                cased_entries.append(replace(entry, patterns=patterns))
        entries = cased_entries
    if not categories:
        if built_in:
            problem(None, "category", "no '# category: id | Label | description' lines")
        for entry in entries:
            if entry.category not in category_lines:
                category_lines[entry.category] = entry.line
                categories.append(Category(entry.category, entry.category, ""))
    known = set(category_lines)
    first_line: dict[tuple[tuple[str, ...], str], int] = {}
    categories_of: dict[tuple[str, ...], set[str]] = {}
    for entry in entries:
        if entry.category not in known:
            problem(
                entry.line,
                "category",
                f"unknown category '{entry.category}'; use one of {', '.join(sorted(known))} "
                "or declare it with '# category: id | Label | description'",
            )
        term_key = (entry.patterns, entry.category)
        if term_key in first_line:
            problem(
                entry.line,
                "term",
                f"'{entry.term}' is listed twice in category '{entry.category}' "
                f"(also line {first_line[term_key]}); delete one",
            )
        else:
            first_line[term_key] = entry.line
        categories_of.setdefault(entry.patterns, set()).add(entry.category)
    for patterns, cats in categories_of.items():
        if len(cats) > 1:
            lines = sorted(first_line[(patterns, c)] for c in cats if (patterns, c) in first_line)
            problem(
                lines[0] if lines else None,
                "term",
                f"'{' '.join(patterns)}' counts for {len(cats)} categories "
                f"({', '.join(sorted(cats))}; lines {', '.join(map(str, lines))}); "
                "fine if intended",
                "note",
            )
    negation = _parse_negation(header.get("negation", ""), known, problem)
    kind = header.get("kind", "counts").strip().lower() or "counts"
    if kind not in KINDS:
        problem(None, "kind", f"unknown kind '{kind}'; use one of {', '.join(KINDS)}")
    if not entries and not any(p.severity == "error" for p in problems):
        problem(None, "term", "the lexicon has no entries; add rows after the column line")
    name = header.get("name", "")
    if name and not _NAME.match(name):
        problem(
            None,
            "name",
            f"'{name}' is not a usable name; use lower-case letters, digits, '-', '_' or '.'",
        )
    if any(p.severity == "error" for p in problems):
        return CheckResult(None, tuple(problems))
    lexicon = Lexicon(
        name=name,
        title=header.get("title") or name,
        version=header.get("version") or "unversioned",
        measures=header.get("measures", ""),
        source=header.get("source", ""),
        licence=header.get("licence", ""),
        categories=tuple(categories),
        entries=tuple(entries),
        kind=kind,
        case_sensitive=case_sensitive,
        negation=negation,
        changelog=header.get("changelog", ""),
        origin=origin,
    )
    return CheckResult(lexicon, tuple(problems))


def parse_lexicon(text: str, origin: str, *, built_in: bool = False) -> Lexicon:
    """Parse lexicon text or raise ``LexiconFileError`` listing every error."""
    result = check_lexicon(text, origin, built_in=built_in)
    if result.lexicon is None:
        raise LexiconFileError(result.errors)
    return result.lexicon


def _check_header(header: dict[str, str], built_in: bool, problem: _ProblemSink) -> None:
    if not header.get("name"):
        problem(None, "name", "header lacks a name; add '# name: my-words' at the top")
    missing = [key for key in HEADER_FIELDS[1:] if not header.get(key)]
    if built_in:
        for key in missing:
            problem(None, key, f"header lacks {key}; add '# {key}: ...' at the top")
    elif missing:
        problem(
            None,
            missing[0],
            f"header lacks {', '.join(missing)}; add '# {missing[0]}: ...' lines so readers "
            "know what the list measures and where it comes from",
            "warning",
        )


class _ProblemSink(Protocol):
    """Type of the ``problem`` callback used while parsing."""

    def __call__(
        self, line: int | None, field: str | None, message: str, severity: str = "error"
    ) -> None: ...


def _parse_category(value: str, number: int, problem: _ProblemSink) -> Category | None:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) == 2:
        parts.append("")
    if len(parts) != 3 or not parts[0] or not parts[1]:
        problem(
            number, "category", "a category line must read '# category: id | Label | description'"
        )
        return None
    if not _CATEGORY_ID.match(parts[0]):
        problem(
            number,
            "category",
            f"'{parts[0]}' is not a usable category id; use letters, digits and '_'",
        )
        return None
    return Category(parts[0], parts[1], parts[2])


def _parse_entry(cells: list[str], number: int, problem: _ProblemSink) -> Entry | None:
    if len(cells) == 3:
        cells = [*cells, ""]
    if len(cells) != len(COLUMNS):
        problem(
            number,
            None,
            f"expected 4 tab-separated fields (term, category, weight, note), found {len(cells)}",
        )
        return None
    term, category, weight_text, note = (cell.strip() for cell in cells)
    ok = True
    patterns = _term_patterns(term, number, problem)
    if patterns is None:
        ok = False
    if not category:
        problem(number, "category", "empty category; write the category id")
        ok = False
    weight = 0.0
    if not weight_text:
        problem(number, "weight", "empty weight; write a number such as 1")
        ok = False
    else:
        try:
            weight = float(weight_text)
        except ValueError:
            problem(number, "weight", f"'{weight_text}' is not a number; write e.g. 1")
            ok = False
        else:
            if weight != weight or weight in (float("inf"), float("-inf")):
                problem(number, "weight", f"'{weight_text}' is not a usable weight; write e.g. 1")
                ok = False
    if not ok or patterns is None:
        return None
    return Entry(term, patterns, category, weight, note, number)


def _term_patterns(
    term: str, number: int, problem: _ProblemSink, *, cased: bool = False
) -> tuple[str, ...] | None:
    """Split a term into token patterns with the same tokenizer as the text, keeping ``*``
    (as norms, or as written for a case-sensitive lexicon)."""
    if not term:
        problem(number, "term", "empty term; write a word or phrase")
        return None
    patterns: list[str] = []
    for word in term.split():
        star = word.endswith("*")
        core = word[:-1] if star else word
        if "*" in core:
            problem(
                number,
                "term",
                f"bad pattern '{word}': '*' may only end a word (e.g. 'sanction*')",
            )
            return None
        if star and not core[-1:].isalnum():
            problem(
                number,
                "term",
                f"bad pattern '{word}': '*' must follow a letter or digit (e.g. 'sanction*')",
            )
            return None
        starts, ends, norms = tokenize(core)
        if cased:
            norms = [cased_form(core[s:e]) for s, e in zip(starts, ends, strict=True)]
        if not norms:
            problem(number, "term", f"'{word}' has no letters or digits to match")
            return None
        if star:
            if len(norms[-1]) < MIN_STEM:
                problem(
                    number,
                    "term",
                    f"bad pattern '{word}': a '*' needs at least {MIN_STEM} letters before it",
                )
                return None
            norms[-1] += "*"
        patterns.extend(norms)
    return tuple(patterns)


def _parse_negation(
    value: str, known: set[str], problem: _ProblemSink
) -> tuple[tuple[str, str], ...]:
    """Read ``negation: hedge <-> booster, ...`` into category pairs that swap when negated."""
    pairs: list[tuple[str, str]] = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        left, sep, right = part.partition("<->")
        left, right = left.strip(), right.strip()
        if not sep or left not in known or right not in known:
            problem(
                None,
                "negation",
                f"'{part}' must read 'category <-> category' with declared categories",
            )
            continue
        pairs.append((left, right))
    return tuple(pairs)


def load_lexicon(filename: str) -> Lexicon:
    """Load a lexicon shipped inside the package (``framing/lexicons/FILENAME``)."""
    resource = resources.files("framing") / "lexicons" / filename
    return parse_lexicon(
        resource.read_text(encoding="utf-8"), f"framing/lexicons/{filename}", built_in=True
    )


def load_built_in_lexicons() -> tuple[Lexicon, ...]:
    """Load every lexicon shipped in the package, in report order."""
    return tuple(load_lexicon(filename) for filename in BUILT_IN_FILES)
