"""What every format shares: where a record came from, and how its fields become an Article.

Readers only find the raw field values and their line numbers; the rules for those values
(stripping, defaults, required fields, dates, ids) live here once, so ``.txt``, ``.jsonl`` and
``.csv`` cannot drift apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from framing.decoding import normalize_newlines
from framing.errors import InputProblem
from framing.model import DEFAULT_STORY, Article

FIELDS = ("id", "outlet", "title", "date", "url", "story", "group", "text")
"""The fields framing reads; any other key or column is ignored (exports carry many)."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_HINT = "write dates as YYYY-MM-DD (e.g. 2019-09-12), or leave the date empty"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file: where to open it, how to name it in errors, and what Article.source says.

    ``shown`` is the path the user can open (the input as given, joined with the file's place
    in the folder); ``source`` is the path relative to the input folder, so reports stay the
    same wherever the folder lives.
    """

    path: Path
    shown: str
    source: str

    def problem(self, line: int | None, field: str | None, message: str, hint: str) -> InputProblem:
        """Return a problem located in this file."""
        return InputProblem(self.shown, line, field, message, hint)


def normalize_key(key: str) -> str:
    """Return a key or column name as framing compares it (stripped, case-insensitive)."""
    return key.strip().lower()


def map_fields(keys: Iterable[str]) -> tuple[dict[str, int], list[str]]:
    """Return ``{field: position of its key}`` for the known fields, and fields named twice."""
    positions: dict[str, int] = {}
    repeated: list[str] = []
    for position, key in enumerate(keys):
        name = normalize_key(key)
        if name not in FIELDS:
            continue
        if name in positions:
            repeated.append(name)
        else:
            positions[name] = position
    return positions, repeated


def quote(value: str, limit: int = 60) -> str:
    """Return ``value`` shortened and quoted for an error message.

    ``repr`` escapes control characters, so a hostile value cannot drive the user's terminal.
    """
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return repr(value)


def parse_date(value: str) -> str:
    """Return the ``YYYY-MM-DD`` date of an ISO 8601 date or datetime; raise ``ValueError``.

    Only the extended forms are accepted (not ``20190912`` or week dates, which
    ``date.fromisoformat`` would also take): a bare number is more often a mistake than a date.
    A datetime keeps the date as written, with no timezone conversion.
    """
    head = value[:10]
    if not _ISO_DATE.fullmatch(head):
        raise ValueError(value)
    if len(value) == 10:
        date.fromisoformat(value)
    elif value[10] in "Tt ":
        datetime.fromisoformat(value)
    else:
        raise ValueError(value)
    return head


def default_id(outlet: str, title: str, text: str) -> str:
    """Return the id of an article that has none: stable under reordering of the input."""
    digest = hashlib.sha256(f"{outlet}\x1f{title}\x1f{text}".encode())
    return digest.hexdigest()[:16]


def build_article(
    values: Mapping[str, str],
    file: SourceFile,
    line: int,
    *,
    require_outlet: bool,
    hints: Mapping[str, str],
    field_lines: Mapping[str, int] | None = None,
) -> Article | list[InputProblem]:
    """Return the Article for one record's raw field values, or every problem with them.

    ``values`` holds known fields only; a missing key means absent. ``hints`` says, in the
    format's own terms, how to add a missing ``outlet`` or ``text``. ``field_lines`` gives the
    line of a field when it differs from the record's (header lines in a ``.txt`` file).
    """
    clean = {name: normalize_newlines(value).strip() for name, value in values.items()}
    lines = field_lines or {}
    problems: list[InputProblem] = []

    def report(field: str, message: str, hint: str) -> None:
        problems.append(file.problem(lines.get(field, line), field, message, hint))

    text = clean.get("text", "")
    outlet = clean.get("outlet", "")
    if not text:
        report("text", "the article text is empty", hints["text"])
    if require_outlet and not outlet:
        report("outlet", "no outlet is given", hints["outlet"])
    when: str | None = None
    if clean.get("date"):
        try:
            when = parse_date(clean["date"])
        except ValueError:
            report("date", f"{quote(clean['date'])} is not an ISO date", _DATE_HINT)
    if problems:
        return problems
    title = clean.get("title", "")
    return Article(
        id=clean.get("id") or default_id(outlet, title, text),
        outlet=outlet,
        text=text,
        title=title,
        date=when,
        url=clean.get("url", ""),
        story=clean.get("story") or DEFAULT_STORY,
        group=clean.get("group", ""),
        source=file.source,
        source_line=line,
    )
