"""Indented JSON written fast: ``json.dumps(value, ensure_ascii=False, indent=1)``'s exact text.

Why its own module: ``analysis.json`` is hundreds of megabytes on a large report, and with an
indent :mod:`json` falls back to its pure-Python encoder. Here the innermost containers go
through the C encoder and only the layout around them is Python (see :func:`indented_json`);
``framing.export`` decides what the document holds, this module only how it is laid out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from json.encoder import encode_basestring
from typing import Any, TextIO


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``: the same text, several times faster.

    With an indent, :mod:`json` falls back to its pure-Python encoder (the C encoder only
    writes one line): 2.2 s for a 49 MB analysis of 40 stories, 0.7 s this way. Here the innermost
    containers (holding only numbers, strings, booleans and nulls: most of the document) go
    through the C encoder, with the item separator ``","`` plus a newline and the indent of
    their depth, and only the containers around them are laid out in Python. The encoder
    escapes every newline inside a string, so a raw newline in its output is always layout.
    """
    writer = IndentedJson()
    writer.write(value, 0)
    return "".join(writer.parts)


@dataclass(frozen=True, slots=True)
class Stream:
    """A list for :func:`indented_json` whose items are made while it is written (each can be
    freed once written); it can be written once."""

    items: Iterable[Any]


_CONTAINERS = (dict, list, tuple, Stream)
_PLAIN = frozenset((str, int, float, bool, type(None)))


def _flat(values: Iterable[Any]) -> bool:
    """Whether none of ``values`` is a container, so the C encoder can write them on one level.

    Checked on the set of their types, which C code builds: this runs for every container of
    the document, so a Python loop over the values would cost as much as the encoding.
    """
    kinds = set(map(type, values))
    return kinds <= _PLAIN or not any(issubclass(kind, _CONTAINERS) for kind in kinds)


def _records(values: list[Any] | tuple[Any, ...]) -> bool:
    """Whether ``values`` are all non-empty dicts of plain values: a list of records."""
    return (
        all(issubclass(kind, dict) for kind in set(map(type, values)))
        and all(values)
        and _flat(chain.from_iterable(map(dict.values, values)))
    )


def newline(depth: int) -> str:
    """A line break and the indent of ``depth`` (one space per level)."""
    return "\n" + " " * depth


class IndentedJson:
    """Writes one indented JSON document as a list of pieces (joined once, at the end: joining
    at every level would copy the text once per level)."""

    def __init__(self, handle: TextIO | None = None) -> None:
        self.parts: list[str] = []
        self._encoders: dict[int, Callable[[Any], str]] = {}
        self._handle = handle

    def flush(self) -> None:
        """Move the pieces so far to the handle, if there is one (after each streamed item)."""
        if self._handle is not None:
            self._handle.write("".join(self.parts))
            self.parts.clear()

    def _encoder(self, depth: int) -> Callable[[Any], str]:
        """The C encoder whose items sit at ``depth`` spaces (one line per item)."""
        encode = self._encoders.get(depth)
        if encode is None:
            separators = ("," + newline(depth), ": ")
            encode = json.JSONEncoder(ensure_ascii=False, separators=separators).encode
            self._encoders[depth] = encode
        return encode

    def write(self, value: Any, depth: int) -> None:
        """Append ``value`` as indented JSON, its closing bracket at ``depth`` spaces."""
        if isinstance(value, Stream):
            self._stream(value, depth)
        elif isinstance(value, dict) and value:
            if _flat(value.values()):
                self._flat(value, depth)
            elif all(isinstance(key, str) for key in value):
                self._nested(value, depth)
            else:
                # Numbers, booleans or null as keys (none in our documents): json converts them.
                text = json.dumps(value, ensure_ascii=False, indent=1)
                self.parts.append(text.replace("\n", newline(depth)))
        elif isinstance(value, (list, tuple)) and value:
            if _flat(value):
                self._flat(value, depth)
            elif _records(value):
                self._records(value, depth)
            else:
                self._nested(value, depth)
        else:
            self.parts.append(self._encoder(depth + 1)(value))

    def _nested(self, value: dict[str, Any] | list[Any] | tuple[Any, ...], depth: int) -> None:
        """A container holding containers: one item per line, each written in turn."""
        inner = newline(depth + 1)
        separator = "," + inner
        if isinstance(value, dict):
            self.parts.append("{")
            for index, (key, child) in enumerate(value.items()):
                self.parts.append((separator if index else inner) + encode_basestring(key) + ": ")
                self.write(child, depth + 1)
            self.parts.append(newline(depth) + "}")
        else:
            self.parts.append("[")
            for index, child in enumerate(value):
                self.parts.append(separator if index else inner)
                self.write(child, depth + 1)
            self.parts.append(newline(depth) + "]")

    def _stream(self, value: Stream, depth: int) -> None:
        """A list written item by item as its items are made (``[]`` when there are none)."""
        self.parts.append("[")
        separator = newline(depth + 1)
        for item in value.items:
            self.parts.append(separator)
            self.write(item, depth + 1)
            self.flush()
            separator = "," + newline(depth + 1)
        self.parts.append("]" if separator == newline(depth + 1) else newline(depth) + "]")

    def _flat(self, value: dict[Any, Any] | list[Any] | tuple[Any, ...], depth: int) -> None:
        """A non-empty container of plain values, in one call of the C encoder."""
        text = self._encoder(depth + 1)(value)
        self.parts += (text[0], newline(depth + 1), text[1:-1], newline(depth), text[-1])

    def _records(self, value: list[Any] | tuple[Any, ...], depth: int) -> None:
        """A list of non-empty flat dicts (evidence, test results), in one call of the encoder.

        Written with the separator of the dicts' items, the list comes out right except where
        one dict ends and the next begins: ``}`` + separator + ``{``. That sequence occurs
        nowhere else, so it is replaced: the separator's newline is never inside a string, and
        inside a dict it follows a plain value (never ``}``) and precedes a key (``"``).
        """
        separator = "," + newline(depth + 2)
        text = self._encoder(depth + 2)(value)
        outer, inner = newline(depth + 1), newline(depth + 2)
        body = text[2:-2].replace("}" + separator + "{", outer + "}," + outer + "{" + inner)
        self.parts += ("[", outer, "{", inner, body, outer, "}", newline(depth), "]")
