"""Write outputs atomically, and never overwrite a file that framing did not write.

Every file is written to a temporary file in the same folder and renamed into place, so a crash
or an error leaves either the old file or the new one, never half of one. Before anything is
written, every target is checked: an existing file that does not carry framing's mark (the
generator meta tag in HTML, the format field in JSON/JSONL) belongs to the user and is kept.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
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


def write_atomic(path: Path, data: str) -> None:
    """Write text to ``path`` through a temporary file and a rename."""
    with open_atomic(path) as handle:
        handle.write(data)


def write_all(files: Mapping[Path, str], *, force: bool = False) -> None:
    """Check every target first, then write each file atomically.

    Rendering happens before this is called, so an analysis or template error cannot leave a
    partial report behind.
    """
    targets = list(files)
    check_targets(targets, force=force)
    try:
        for path, data in files.items():
            write_atomic(path, data)
    except OSError as error:
        raise OutputError(
            f"{error.filename or targets[0]}: could not write: {error.strerror}"
        ) from error
