"""A progress bar on stderr for long runs, silent when nobody is watching.

``tqdm`` draws it; it is off when stderr is not a terminal (a pipe, a log file, CI, tests) or
with ``--quiet``, so scripted runs and their logs stay clean.
"""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm


def progress_bar(*, unit: str, quiet: bool = False, total: int | None = None) -> Any:
    """A ``tqdm`` bar counting ``unit`` (call ``update(n)``; use it as a context manager)."""
    return tqdm(
        total=total,
        unit=f" {unit}",
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        mininterval=0.5,
        dynamic_ncols=True,
        leave=False,
    )
