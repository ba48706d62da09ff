"""The collector is tuned for a run and given back as it was."""

from __future__ import annotations

import gc

from framing.collector import THRESHOLDS, fewer_collections


def test_a_run_freezes_and_collects_less_then_restores_the_collector() -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    table = [[index] for index in range(1000)]  # long-lived objects made before the run
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        assert gc.get_freeze_count() >= len(table)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_callers_own_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with fewer_collections():
            pass
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
