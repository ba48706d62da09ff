"""Read JSON Lines: one JSON object per line, streamed so a large export never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from framing.decoding import open_text
from framing.errors import InputProblem
from framing.formats.record import SourceFile, build_article, map_fields
from framing.model import Article

# Identifier-like fields whose values exports often write as numbers ("id": 42, "story": 7).
_NUMBER_FIELDS = frozenset({"id", "story", "group"})
_HINTS = {
    "outlet": 'add "outlet": "<name>" to this object',
    "text": 'add the article as "text": "..." to this object',
}
_ONE_OBJECT = 'write one JSON object per line, e.g. {"outlet": "Daily Planet", "text": "..."}'


def read_jsonl_file(file: SourceFile, require_outlet: bool) -> Iterator[Article | InputProblem]:
    """Yield an Article or problem(s) per non-blank line. Raises ``InputError`` if not text."""
    empty = True
    with open_text(file.path, file.shown) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            empty = False
            yield from _read_line(line, file, number, require_outlet)
    if empty:
        yield file.problem(None, None, "is empty", "put one JSON object per line in it")


def _read_line(
    line: str, file: SourceFile, number: int, require_outlet: bool
) -> Iterator[Article | InputProblem]:
    try:
        record = json.loads(line, strict=False)  # allow raw tabs inside strings, as exports have
    except json.JSONDecodeError as error:
        yield file.problem(
            number,
            None,
            f"is not valid JSON (json says: {error.msg} at column {error.colno})",
            _ONE_OBJECT + "; an object cannot span several lines",
        )
        return
    except (ValueError, RecursionError) as error:
        # Numbers over Python's 4300-digit limit, or nesting deep enough to exhaust the stack.
        message = "nests too deeply" if isinstance(error, RecursionError) else str(error)
        yield file.problem(number, None, f"is not readable JSON ({message})", _ONE_OBJECT)
        return
    if not isinstance(record, dict):
        yield file.problem(number, None, f"is {_kind(record)}, not a JSON object", _ONE_OBJECT)
        return
    keys = list(record)
    positions, repeated = map_fields(keys)
    problems = [
        file.problem(
            number,
            name,
            f"'{name}' is given twice (keys differ only in case)",
            "keep one of the two keys",
        )
        for name in repeated
    ]
    values: dict[str, str] = {}
    for name, position in positions.items():
        value = record[keys[position]]
        if value is None or isinstance(value, str):
            if value is not None:
                values[name] = value
        elif (
            name in _NUMBER_FIELDS
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            values[name] = str(value)
        else:
            problems.append(
                file.problem(
                    number,
                    name,
                    f"must be a string, not {_kind(value)}",
                    f'write it as "{name}": "..."',
                )
            )
    built = build_article(values, file, number, require_outlet=require_outlet, hints=_HINTS)
    target_key = next((key for key in keys if key.strip().lower() == "targets"), None)
    if isinstance(built, Article) and target_key is not None:
        targets = _targets(record[target_key], len(built.text), file, number, problems)
        built = replace(built, targets=targets)
    if isinstance(built, Article) and not problems:
        yield built
        return
    yield from problems
    if not isinstance(built, Article):
        # A field already reported as the wrong type is not reported again as missing.
        reported = {problem.field for problem in problems}
        yield from (problem for problem in built if problem.field not in reported)


def _kind(value: object) -> str:
    """Name a JSON value's type the way a user who wrote it would."""
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    return "null"


_TARGETS_HINT = (
    'write "targets": [{"start": 0, "end": 6, "label": "Turkey"}, ...] with character offsets '
    "into the text as loaded (line endings as \\n, leading and trailing blanks removed)"
)


def _targets(
    value: object, length: int, file: SourceFile, number: int, problems: list[InputProblem]
) -> tuple[tuple[int, int, str], ...]:
    """Read a record's ``targets``: spans of entities whose tone ``framing annotate`` reports."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            file.problem(number, "targets", f"must be a list, not {_kind(value)}", _TARGETS_HINT)
        )
        return ()
    found: list[tuple[int, int, str]] = []
    for index, item in enumerate(value, start=1):
        span = _span(item, length)
        if span is None:
            problems.append(
                file.problem(
                    number,
                    "targets",
                    f"target {index} is not a span inside the text (0 <= start < end <= {length})",
                    _TARGETS_HINT,
                )
            )
            continue
        found.append(span)
    return tuple(found)


def _span(item: object, length: int) -> tuple[int, int, str] | None:
    """One target as (start, end, label), or None when it is not a span inside the text."""
    if not isinstance(item, dict):
        return None
    start, end, label = item.get("start"), item.get("end", None), item.get("label", "")
    if type(start) is not int or type(end) is not int or not isinstance(label, str):
        return None  # ``type`` rather than isinstance: a JSON true is not an offset
    if not 0 <= start < end <= length:
        return None
    return start, end, label
