"""Where per-batch work runs: in this process, in local processes, or on a Dask cluster.

Every backend runs the *same* function on the *same* batches and gives the results back in
input order, so the output is identical whichever runs it; only the wall time changes.

* ``jobs=1`` (the default): in this process, one batch at a time.
* ``jobs=N``: ``N`` worker processes (``concurrent.futures``). Each worker builds its own
  ``Resources`` once, from a ``ResourceSpec`` (the user's lexicons and actor file), so the
  compiled lexicon tables are never pickled per batch.
* ``scheduler="tcp://host:8786"``: the batches go to a running ``dask.distributed``
  scheduler; each worker process builds the resources once and keeps them for the run.

All backends keep at most ``window`` batches in flight and yield results as soon as the next
one in order is done, so memory stays bounded however long the input is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from framing.actor_table import load_actor_table, parse_actor_table
from framing.article_analysis import Resources, load_resources
from framing.collector import collect_less
from framing.errors import UsageError
from framing.lexicon import Lexicon

Item = TypeVar("Item")
Result = TypeVar("Result")
Unit = TypeVar("Unit")

BatchFunction = Callable[[Resources, list[Item]], Result]

CONNECT_TIMEOUT = "10s"
"""How long to wait for a Dask scheduler to answer before saying so."""


@dataclass(frozen=True)
class ResourceSpec:
    """What a worker needs to build the run's ``Resources`` by itself.

    The user's files are read here, where the command runs (``from_files``), and travel as
    their content: a Dask worker on another machine never needs the user's paths.
    ``actors`` is the user's actor table as ``(text, name shown in errors)``.
    """

    extra_lexicons: tuple[Lexicon, ...] = ()
    actors: tuple[str, str] | None = None
    key: str = field(default="", compare=False)

    @classmethod
    def from_files(
        cls, extra_lexicons: Sequence[Lexicon], actors_file: Path | None
    ) -> ResourceSpec:
        """Read (and check) the user's actor table now, so a bad file fails before any work."""
        actors = None
        if actors_file is not None:
            load_actor_table(actors_file)
            actors = (actors_file.read_text(encoding="utf-8-sig"), str(actors_file))
        return cls(tuple(extra_lexicons), actors)

    def load(self) -> Resources:
        resources = load_resources(self.extra_lexicons)
        if self.actors is None:
            return resources
        text, name = self.actors
        return replace(resources, actors=parse_actor_table(text, name, resources.actors))

    def keyed(self) -> ResourceSpec:
        """The same spec with a content digest, so workers can cache what it builds."""
        digest = hashlib.sha256(pickle.dumps((self.extra_lexicons, self.actors)))
        return ResourceSpec(self.extra_lexicons, self.actors, digest.hexdigest())


_WORKER_RESOURCES: dict[str, Resources] = {}
"""Resources built in this (worker) process, by spec digest."""


def worker_resources(spec: ResourceSpec) -> Resources:
    """The resources ``spec`` builds, built once per process and kept for the run."""
    if spec.key not in _WORKER_RESOURCES:
        _WORKER_RESOURCES.clear()  # one run at a time: never hold two sets of tables
        _WORKER_RESOURCES[spec.key] = spec.load()
    return _WORKER_RESOURCES[spec.key]


def _init_worker(spec: ResourceSpec) -> None:
    worker_resources(spec)
    collect_less()  # a pool's worker lives for one run


def _run_batch(
    function: BatchFunction[Item, Result], spec: ResourceSpec, batch: list[Item]
) -> Result:
    return function(worker_resources(spec), batch)


def available_cores() -> int:
    """CPU cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def check_jobs(jobs: int) -> int:
    """``jobs`` as given, or ``UsageError``; 0 means one per available core."""
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give a number of processes, 1 or more (0: one per core)")
    return jobs or available_cores()


def run_batches(
    function: BatchFunction[Item, Result],
    batches: Iterable[list[Item]],
    spec: ResourceSpec,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    resources: Resources | None = None,
) -> Iterator[Result]:
    """Yield ``function(resources, batch)`` for every batch, in order (see the module doc).

    ``function`` must be a module-level function (it is pickled by reference for processes
    and Dask). ``resources``, when given, is used by the in-process backend instead of
    building it again from ``spec``.
    """
    if scheduler:
        yield from _on_dask(function, batches, spec.keyed(), scheduler)
    elif jobs > 1:
        yield from _in_processes(function, batches, spec.keyed(), jobs)
    else:
        loaded = resources if resources is not None else spec.load()
        for batch in batches:
            yield function(loaded, batch)


def _in_processes(
    function: BatchFunction[Item, Result],
    batches: Iterable[list[Item]],
    spec: ResourceSpec,
    jobs: int,
) -> Iterator[Result]:
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        yield from in_order(
            lambda batch: pool.submit(_run_batch, function, spec, batch), batches, 2 * jobs
        )


def _on_dask(
    function: BatchFunction[Item, Result],
    batches: Iterable[list[Item]],
    spec: ResourceSpec,
    scheduler: str,
) -> Iterator[Result]:
    client = dask_client(scheduler)
    try:
        window = 2 * max(1, sum(client.nthreads().values()))
        yield from in_order(
            lambda batch: client.submit(_run_batch, function, spec, batch, pure=False),
            batches,
            window,
        )
    finally:
        client.close()


def in_order(submit: Callable[[Unit], Any], units: Iterable[Unit], window: int) -> Iterator[Any]:
    """Submit units of work, at most ``window`` in flight, and yield their results in order.

    ``submit`` returns a future (``concurrent.futures`` or Dask: both have ``result`` and
    ``cancel``); what is still pending when the caller stops is cancelled.
    """
    pending: deque[Any] = deque()
    try:
        for unit in units:
            pending.append(submit(unit))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def dask_client(scheduler: str) -> Any:
    """A ``dask.distributed.Client`` on ``scheduler``, or a ``UsageError`` saying what to do."""
    try:
        from distributed import Client as client_class
    except ImportError as error:
        raise UsageError(
            "--scheduler needs dask.distributed: pip install 'framing[dask]'"
        ) from error
    try:
        connect: Any = client_class
        return connect(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise UsageError(
            f"--scheduler {scheduler}: no Dask scheduler answered ({error}); start one with "
            "'dask scheduler' and workers with 'dask worker ADDRESS'"
        ) from error
