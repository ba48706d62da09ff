"""Read one article from a ``.txt`` or ``.md`` file: ``key: value`` header lines, ``---``, text.

A leading ``---`` line (YAML-style front matter, common in Markdown) is accepted too, so
``---`` / header / ``---`` / text loads the same as header / ``---`` / text.
"""

from __future__ import annotations

from collections.abc import Iterator

from framing.decoding import decode_bytes
from framing.errors import InputProblem
from framing.formats.record import FIELDS, SourceFile, build_article, normalize_key, quote
from framing.model import Article

SEPARATOR = "---"
_FORM = "'outlet: <name>' (and optional title:, date:, url:, story:, group: lines), then '---'"
_HINTS = {
    "outlet": "add a header line 'outlet: <name>' above the '---' line",
    "text": "put the article text below the '---' line",
}


def read_text_file(file: SourceFile, require_outlet: bool) -> Iterator[Article | InputProblem]:
    """Yield the file's one Article, or its problems. Raises ``InputError`` if not text."""
    lines = decode_bytes(file.path.read_bytes(), file.shown).split("\n")
    if not any(line.strip() for line in lines):
        yield file.problem(None, None, "is empty", "put one article in it, or remove it")
        return
    marks = [number for number, line in enumerate(lines) if line.strip() == SEPARATOR]
    if not marks:
        yield file.problem(
            1,
            None,
            "has no '---' line between the header and the text",
            f"start the file with a header block: {_FORM}, then the article text",
        )
        return
    first_filled = next(number for number, line in enumerate(lines) if line.strip())
    start, end = 0, marks[0]
    if first_filled == marks[0] and len(marks) > 1:
        start, end = marks[0] + 1, marks[1]

    values: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    problems: list[InputProblem] = []
    for number in range(start, end):
        line = lines[number]
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        name = normalize_key(key)
        if not colon or not name:
            problems.append(
                file.problem(
                    number + 1,
                    None,
                    f"header line {quote(line)} is not 'key: value'",
                    f"write the header as {_FORM}, then the article text",
                )
            )
        elif name == "text":
            problems.append(
                file.problem(
                    number + 1,
                    "text",
                    "'text' cannot be a header field",
                    "put the article text below the '---' line",
                )
            )
        elif name in field_lines:
            problems.append(
                file.problem(
                    number + 1,
                    name,
                    f"'{name}' is given twice (also on line {field_lines[name]})",
                    "keep one of the two lines",
                )
            )
        elif name in FIELDS:
            values[name] = value
            field_lines[name] = number + 1
    values["text"] = "\n".join(lines[end + 1 :])
    field_lines["text"] = end + 2
    built = build_article(
        values, file, 1, require_outlet=require_outlet, hints=_HINTS, field_lines=field_lines
    )
    if isinstance(built, Article) and not problems:
        yield built
    else:
        yield from problems
        if not isinstance(built, Article):
            yield from built
