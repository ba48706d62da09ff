"""Read CSV exports: a header row, then one article per row, RFC 4180 quoting, streamed.

``csv.DictReader`` is not used because it pads short rows and folds long ones into a ``None``
key, hiding the most common CSV mistake (an unquoted comma). Rows are checked against the
header instead, and each is located by the line it starts on, which multi-line quoted fields
make different from its row number.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import TextIO

from framing.decoding import open_text
from framing.errors import InputProblem
from framing.formats.record import SourceFile, build_article, map_fields, normalize_key, quote
from framing.model import Article

# csv's default limit (131072 characters) is shorter than many long-form articles. The limit is
# process-wide, so it is only ever raised; 64 MiB still stops a never-closed quote from
# swallowing a huge file into one field.
_FIELD_LIMIT = 64 * 1024 * 1024
# Excel writes ';' instead of ',' in locales where ',' is the decimal mark.
_DELIMITERS = (",", ";", "\t")
_QUOTING_HINT = (
    "put double quotes around any field that contains the separator, a quote or a line break, "
    'and double the quotes inside it ("")'
)
_HINTS = {
    "outlet": "fill in the outlet column for this row",
    "text": "fill in the text column for this row",
}


def read_csv_file(file: SourceFile, require_outlet: bool) -> Iterator[Article | InputProblem]:
    """Yield an Article or problem(s) per row. Raises ``InputError`` if not text."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    with open_text(file.path, file.shown) as stream:
        yield from _read_rows(stream, file, require_outlet)


def _read_rows(
    stream: TextIO, file: SourceFile, require_outlet: bool
) -> Iterator[Article | InputProblem]:
    leading: list[str] = []
    first = stream.readline()
    while first and not first.strip():
        leading.append(first)
        first = stream.readline()
    if not first:
        yield file.problem(None, None, "is empty", "put a header row and one row per article in it")
        return
    reader = csv.reader(
        itertools.chain(leading, [first], stream), delimiter=_delimiter(first), strict=True
    )
    header: list[str] | None = None
    fields: dict[str, int] = {}
    rows = 0
    start = 1
    try:
        for row in reader:
            if row:
                if header is None:
                    header = row
                    fields, problem = _check_header(row, file, start, require_outlet)
                    if problem is not None:
                        yield problem
                        return
                elif len(row) != len(header):
                    yield file.problem(
                        start,
                        None,
                        f"this row has {len(row)} fields but the header has {len(header)}",
                        _QUOTING_HINT,
                    )
                    rows += 1
                else:
                    values = {name: row[position] for name, position in fields.items()}
                    built = build_article(
                        values, file, start, require_outlet=require_outlet, hints=_HINTS
                    )
                    yield from [built] if isinstance(built, Article) else built
                    rows += 1
            start = reader.line_num + 1
    except csv.Error as error:
        reason = str(error)
        if reason == "unexpected end of data":
            reason = "a quoted field that starts in this row is never closed"
        yield file.problem(
            start, None, f"csv cannot read the row starting here: {reason}", _QUOTING_HINT
        )
        return
    if rows == 0:
        yield file.problem(
            None, None, "has a header row but no articles", "add one row per article"
        )


def _delimiter(first_line: str) -> str:
    """Return the separator under which the header names a text column (',' if none does)."""
    for delimiter in _DELIMITERS:
        names = next(csv.reader([first_line], delimiter=delimiter), [])
        if "text" in (normalize_key(name) for name in names):
            return delimiter
    return ","


def _check_header(
    header: list[str], file: SourceFile, line: int, require_outlet: bool
) -> tuple[dict[str, int], InputProblem | None]:
    """Return the known columns, and the one problem that makes the rows unreadable, if any."""
    fields, repeated = map_fields(header)
    columns = ", ".join(quote(name, 30) for name in header[:8])
    if not fields:
        return fields, file.problem(
            line,
            None,
            f"the first row is not a header (it reads {columns})",
            "start the file with a header row naming the columns, e.g. id,outlet,title,date,text",
        )
    if repeated:
        return fields, file.problem(
            line,
            repeated[0],
            f"the header names the '{repeated[0]}' column twice",
            "rename or remove one of the two columns",
        )
    if "text" not in fields:
        return fields, file.problem(
            line,
            "text",
            f"the header has no 'text' column (its columns are {columns})",
            "add a 'text' column holding each article's text",
        )
    if require_outlet and "outlet" not in fields:
        return fields, file.problem(
            line,
            "outlet",
            "the header has no 'outlet' column",
            "add an 'outlet' column naming each article's outlet",
        )
    return fields, None
