"""One reader per input format, chosen by file suffix.

A reader takes a file and yields, in input order, an ``Article`` for each good record and an
``InputProblem`` for each bad one, so the loader can stream articles and still collect every
problem. It raises ``InputError`` when the whole file is unreadable (binary, undecodable) and
``OSError`` when the file cannot be opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from framing.errors import InputProblem
from framing.formats.csv_file import read_csv_file
from framing.formats.jsonl_file import read_jsonl_file
from framing.formats.record import SourceFile
from framing.formats.text_file import read_text_file
from framing.model import Article

Reader = Callable[[SourceFile, bool], Iterator[Article | InputProblem]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".jsonl": read_jsonl_file,
    ".csv": read_csv_file,
}
"""The reader for each suffix framing reads (compared in lower case)."""

FORMATS = ", ".join(READERS)
"""The suffixes, for messages: '.txt, .md, .jsonl, .csv'."""

__all__ = ["FORMATS", "READERS", "Reader", "SourceFile"]
