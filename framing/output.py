"""Write outputs atomically, and never overwrite a file that framing did not write.

Every file is written to a temporary file in the same folder and renamed into place, so a crash
or an error leaves either the old file or the new one, never half of one; a report's files are
renamed only when all of them are written (:class:`StagedFiles`). Before a file is written, its
target is checked: an existing file that does not carry framing's mark (the generator meta tag
in HTML, the format field in JSON/JSONL) belongs to the user and is kept.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from framing.errors import OutputError

MARKS = (
    b'<meta name="generator" content="framing',
    b'"format": "framing.',
    b'"format":"framing.',
    b"framing_table,",
)
"""Byte strings, one of which appears near the top of every file framing writes."""
MARK_WINDOW = 4096


def is_ours(path: Path) -> bool:
    """Return True if ``path`` looks like a file framing wrote (its mark is near the top)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(MARK_WINDOW)
    except OSError:
        return False
    return any(mark in head for mark in MARKS)


def check_targets(paths: list[Path], *, force: bool = False) -> None:
    """Refuse to overwrite any existing file framing did not write, unless ``force``."""
    for path in paths:
        if path.is_dir():
            raise OutputError(f"{path}: is a folder; choose another output name")
        if path.exists() and not force and not is_ours(path):
            raise OutputError(
                f"{path}: exists and was not written by framing; choose another output "
                "folder or file, or pass --force to overwrite it"
            )


@contextmanager
def open_atomic(path: Path) -> Iterator[TextIO]:
    """Open a temporary file beside ``path``; rename it into place only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        # mkstemp creates 0600; a report is meant to be shared, so use the usual mode
        os.chmod(temp_name, _file_mode())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _file_mode() -> int:
    """Return the mode a newly created file gets under the process umask (0o666 & ~umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class StagedFiles:
    """Files written one at a time to temporaries beside their targets, renamed together.

    Why: a report is hundreds of files (pages, ``analysis.json``, CSV tables) that together can
    be gigabytes. Writing each as soon as it is made keeps one of them in memory rather than
    all; renaming them only when every one is written means an error part-way (in rendering,
    or a full disk) leaves every existing file as it was, never half a report. Used as a
    context manager: it renames on success and deletes the temporaries on any error.
    """

    def __init__(self, *, force: bool = False) -> None:
        self.force = force
        self._staged: list[tuple[str, Path]] = []

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    @contextmanager
    def open(self, path: Path) -> Iterator[TextIO]:
        """A text handle for ``path``'s temporary; the target is checked before anything is
        written."""
        check_targets([path], force=self.force)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
        except OSError as error:
            raise OutputError(
                f"{error.filename or path}: could not write: {error.strerror}"
            ) from error
        self._staged.append((temp_name, path))
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
        except OSError as error:
            raise OutputError(f"{path}: could not write: {error.strerror}") from error

    @property
    def count(self) -> int:
        """How many files are staged."""
        return len(self._staged)

    def write(self, path: Path, data: str) -> None:
        """Stage ``data`` as the new content of ``path``."""
        with self.open(path) as handle:
            handle.write(data)

    def commit(self) -> None:
        """Give every staged file the usual mode and rename it into place."""
        mode = _file_mode()
        try:
            for temp_name, path in self._staged:
                # mkstemp creates 0600; a report is meant to be shared, so use the usual mode
                os.chmod(temp_name, mode)
                os.replace(temp_name, path)
        except OSError as error:
            self.discard()
            raise OutputError(
                f"{error.filename or self._staged[0][1]}: could not write: {error.strerror}"
            ) from error
        self._staged.clear()

    def discard(self) -> None:
        """Delete every temporary not yet renamed."""
        for temp_name, _ in self._staged:
            Path(temp_name).unlink(missing_ok=True)
        self._staged.clear()
