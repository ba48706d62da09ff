"""Fewer garbage collections during a run: the long-lived objects are left out of every scan.

Why: the analyzers make millions of short-lived tuples, lists and small objects, and each time
700 more are alive than before, CPython's cyclic collector runs; every tenth of those runs also
walks the older generations, which hold the run's long-lived tables (compiled lexicons, the
VADER table, tokenizer and speaker caches). Almost nothing the analyzers make is cyclic
garbage (reference counting frees it), so the scans find little and cost much: measured on
2,000 generated articles, ``framing annotate`` takes 8-10% less time with the tables frozen
(``gc.freeze``: moved to a generation that is never scanned) and collections started after
5,000 new objects instead of 700, at the same peak memory. Cycles are still collected, only
less often.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (5_000, 20, 100)
"""``gc.set_threshold`` during a run (CPython's default is 700, 10, 10)."""


def collect_less() -> None:
    """Freeze what exists now and collect less often, for the rest of this process (a worker
    process that ends with the run)."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """``collect_less`` for the duration of a block, then the collector as it was (so a
    program that calls framing, such as a test run or a notebook, keeps its own settings)."""
    before = gc.get_threshold()
    # Only what this block froze is unfrozen after it; ``gc.unfreeze`` cannot tell ours from
    # a caller's, so a caller that froze objects itself keeps everything frozen.
    ours = gc.get_freeze_count() == 0
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if ours:
            gc.unfreeze()
