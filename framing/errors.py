"""One exception hierarchy, so the CLI can print one line for any user-facing problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class FramingError(Exception):
    """Base class for every error that a user can cause and fix.

    The CLI prints ``str(error)`` as one line and exits non-zero; a traceback is shown only with
    ``--debug``. Anything that is not a ``FramingError`` is a bug in framing.
    """


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One problem with one place in the input: which file, line and field, and what to do."""

    path: str
    line: int | None
    field: str | None
    message: str
    hint: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}; {self.hint}"


class InputError(FramingError):
    """The corpus could not be read; carries every problem found, not just the first.

    A folder with several bad files reports all of them at once, so a user can fix them in one
    round instead of one at a time.
    """

    def __init__(self, problems: list[InputProblem]) -> None:
        if not problems:
            raise ValueError("InputError needs at least one problem")
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        first = str(self.problems[0])
        if len(self.problems) == 1:
            return first
        return f"{first} (and {len(self.problems) - 1} more problem(s): see below)"

    def details(self) -> list[str]:
        """Return one line per problem, for printing after the summary."""
        return [str(problem) for problem in self.problems]


def input_error(
    path: str | Path, message: str, hint: str, *, line: int | None = None, field: str | None = None
) -> InputError:
    """Build an ``InputError`` for a single problem."""
    return InputError([InputProblem(str(path), line, field, message, hint)])


class LexiconError(FramingError):
    """A lexicon file is malformed (bad header, bad row, unknown category)."""


class OutputError(FramingError):
    """A report or annotation file could not be written safely."""


class UsageError(FramingError):
    """Options that do not make sense together."""
