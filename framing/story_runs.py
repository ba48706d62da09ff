"""A report's stories analyzed and rendered in worker processes or on a Dask cluster.

Why a story, not a batch of articles, is the unit of work: a story's analysis reads every
article of the story, and its page, its record in ``analysis.json`` and its CSV rows read the
whole analysis, which is about a megabyte of Python objects per story. Sending analyses
between processes cost more than computing them (``report --jobs 2`` was slower than serial).
So each story's articles go to one worker, which prepares and analyzes them, keeps the
analysis, and sends back only its p-values; once every story's p-values are in, the
report-wide Benjamini-Hochberg correction runs here and each worker receives its stories'
q-values, finishes and renders them, and sends back text (:class:`StoryOutput`), which is
written in story order as it arrives.

Two passes, because the q-values, and so every page's findings, depend on every story's tests.
Between them a worker holds its own stories' analyses (and the parent none):

* ``--jobs N``: N single-process pools, each a worker that keeps what it analyzed; a story
  always goes back to the pool that analyzed it (stories are dealt to the least loaded pool,
  counted in articles).
* ``--scheduler``: each analysis stays on the cluster as a Dask future; the render task takes
  that future, so Dask runs it where the analysis lives.

The stories are planned first (``framing.stories.plan_stories``), from the articles alone when
every article names its story; otherwise every article's grouping features are computed in
batches on the same backend. The output is the same bytes as the serial report
(``analyze_corpus`` and ``write_report``): every step is the same pure function of its input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.analysis import (
    BATCH_SIZE,
    Resources,
    StoryAnalysis,
    analyze_documents,
    analyze_story,
    finish_story,
    prepare_document,
)
from framing.collector import collect_less
from framing.corrections import split_q_values, tested_p_values
from framing.execution import (
    ResourceSpec,
    dask_client,
    in_order,
    run_batches,
    worker_resources,
)
from framing.lexicon import Lexicon
from framing.model import Article, Story
from framing.render import Renderer
from framing.report_files import ReportWriter, StoryOutput, story_output
from framing.report_index import story_file_names
from framing.stories import plan_stories, story_features
from framing.terms import TermOptions


@dataclass(frozen=True)
class StoryRun:
    """What every story of a run shares, sent once to each worker."""

    term_options: TermOptions
    background: Mapping[str, int] | None
    facts: Mapping[str, str] | None
    settings: tuple[tuple[str, str], ...]
    formats: tuple[str, ...]


@dataclass(frozen=True)
class StoryTask:
    """One story to analyze: its id and its articles, in the story's order."""

    story_id: str
    articles: tuple[Article, ...]


def analyze_story_task(resources: Resources, run: StoryRun, task: StoryTask) -> StoryAnalysis:
    """Prepare, analyze and compare one story's articles (before the report-wide correction)."""
    documents = [prepare_document(article) for article in task.articles]
    analyses = analyze_documents(documents, resources)
    story = Story(task.story_id, tuple(documents))
    return analyze_story(story, analyses, resources, run.term_options, run.background, run.facts)


def render_story(
    run: StoryRun, story: StoryAnalysis, q_values: Sequence[float], file_name: str
) -> StoryOutput:
    """Finish one story with its q-values and render it in every asked format."""
    return story_output(
        finish_story(story, q_values), file_name, run.settings, run.formats, _renderer()
    )


@cache
def _renderer() -> Renderer:
    """One renderer per process (it compiles the templates once)."""
    return Renderer()


def features_batch(resources: Resources, articles: list[Article]) -> list[list[str]]:
    """The grouping features of a batch of articles (a unit of work of ``run_batches``)."""
    return [story_features(prepare_document(article)) for article in articles]


def write_report_in_parallel(
    articles: Sequence[Article],
    spec: ResourceSpec,
    run: StoryRun,
    out_dir: Path,
    *,
    lexicons: Sequence[Lexicon],
    skipped: Sequence[str],
    jobs: int,
    scheduler: str | None,
    force: bool = False,
    progress: Callable[[str, int], None] = lambda stage, done: None,
) -> tuple[int, int]:
    """Write the report of ``articles`` as ``write_report`` would; return (stories, files).

    ``progress(stage, n)`` is told of each unit of work done, stage by stage.
    """
    with ExitStack() as stack:
        # The writer first: a target framing may not overwrite is refused before any work.
        writer = stack.enter_context(
            ReportWriter(out_dir, run.formats, lexicons, len(articles), skipped, force=force)
        )
        tasks = _plan(articles, spec, jobs, scheduler, progress)
        names = story_file_names([task.story_id for task in tasks])
        backend: _Backend
        if scheduler:
            backend = stack.enter_context(_DaskStories(spec.keyed(), run, scheduler))
        else:
            backend = stack.enter_context(_ProcessStories(spec.keyed(), run, jobs))
        p_values = []
        for p in backend.analyze(tasks):
            p_values.append(p)
            progress("analyzed", 1)
        q_values = split_q_values(p_values)
        renders = ((q, names[task.story_id]) for task, q in zip(tasks, q_values, strict=True))
        for output in backend.render(renders):
            writer.add(output)
            progress("written", 1)
        count = writer.finish(_renderer())
    return len(tasks), count


def _plan(
    articles: Sequence[Article],
    spec: ResourceSpec,
    jobs: int,
    scheduler: str | None,
    progress: Callable[[str, int], None],
) -> list[StoryTask]:
    def features() -> list[list[str]]:
        batches = (
            list(articles[lo : lo + BATCH_SIZE]) for lo in range(0, len(articles), BATCH_SIZE)
        )
        found: list[list[str]] = []
        for batch in run_batches(features_batch, batches, spec, jobs=jobs, scheduler=scheduler):
            found.extend(batch)
            progress("grouped", len(batch))
        return found

    return [
        StoryTask(story_id, tuple(articles[row] for row in rows))
        for story_id, rows in plan_stories(articles, features)
    ]


class _Backend:
    """Runs the two passes somewhere; results come back in story order."""

    def analyze(self, tasks: Sequence[StoryTask]) -> Iterator[list[float]]:
        raise NotImplementedError

    def render(self, renders: Iterator[tuple[list[float], str]]) -> Iterator[StoryOutput]:
        raise NotImplementedError


# --- worker processes ---------------------------------------------------------------------

_HELD: dict[int, StoryAnalysis] = {}
"""In a worker process: the stories it analyzed and has not yet rendered, by number."""

_WORKER_RUN: list[tuple[ResourceSpec, StoryRun]] = []
"""In a worker process: the run it serves (set by its pool's initializer)."""


def _init_story_worker(spec: ResourceSpec, run: StoryRun) -> None:
    worker_resources(spec)
    _HELD.clear()
    _WORKER_RUN[:] = [(spec, run)]
    collect_less()  # a pool's worker lives for one run


def _analyze_held(number: int, task: StoryTask) -> list[float]:
    spec, run = _WORKER_RUN[0]
    story = analyze_story_task(worker_resources(spec), run, task)
    _HELD[number] = story
    return tested_p_values(story.statistics)


def _render_held(number: int, q_values: list[float], file_name: str) -> StoryOutput:
    _, run = _WORKER_RUN[0]
    return render_story(run, _HELD.pop(number), q_values, file_name)


class _ProcessStories(_Backend):
    """``jobs`` single-process pools: a story is rendered by the process that analyzed it."""

    def __init__(self, spec: ResourceSpec, run: StoryRun, jobs: int) -> None:
        self._pools = [
            ProcessPoolExecutor(1, initializer=_init_story_worker, initargs=(spec, run))
            for _ in range(jobs)
        ]
        self._owner: list[int] = []

    def __enter__(self) -> _ProcessStories:
        return self

    def __exit__(self, *error: object) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)

    def analyze(self, tasks: Sequence[StoryTask]) -> Iterator[list[float]]:
        load = [0] * len(self._pools)
        futures: list[Future[list[float]]] = []
        for number, task in enumerate(tasks):
            # Deal each story to the pool with the fewest articles so far (the first on a
            # tie), so pools finish together; the order of the results does not depend on it.
            owner = min(range(len(load)), key=load.__getitem__)
            load[owner] += len(task.articles)
            self._owner.append(owner)
            futures.append(self._pools[owner].submit(_analyze_held, number, task))
        for future in futures:
            yield future.result()

    def render(self, renders: Iterator[tuple[list[float], str]]) -> Iterator[StoryOutput]:
        def submit(unit: tuple[int, tuple[list[float], str]]) -> Future[StoryOutput]:
            number, (q_values, file_name) = unit
            pool = self._pools[self._owner[number]]
            return pool.submit(_render_held, number, q_values, file_name)

        yield from in_order(submit, enumerate(renders), window=2 * len(self._pools))


# --- Dask -------------------------------------------------------------------------------


def _analyze_remote(spec: ResourceSpec, run: StoryRun, task: StoryTask) -> StoryAnalysis:
    return analyze_story_task(worker_resources(spec), run, task)


def _p_values_of(story: StoryAnalysis) -> list[float]:
    return tested_p_values(story.statistics)


class _DaskStories(_Backend):
    """Each analysis stays on the cluster as a future until its story is rendered there."""

    def __init__(self, spec: ResourceSpec, run: StoryRun, scheduler: str) -> None:
        self._client = dask_client(scheduler)
        self._spec = spec
        self._run: Any = self._client.scatter(run, broadcast=True)
        self._stories: list[Any] = []

    def __enter__(self) -> _DaskStories:
        return self

    def __exit__(self, *error: object) -> None:
        self._stories.clear()
        self._client.close()

    def analyze(self, tasks: Sequence[StoryTask]) -> Iterator[list[float]]:
        submit = self._client.submit
        self._stories = [
            submit(_analyze_remote, self._spec, self._run, task, pure=False) for task in tasks
        ]
        p_values = [submit(_p_values_of, story, pure=False) for story in self._stories]
        for future in p_values:
            yield future.result()

    def render(self, renders: Iterator[tuple[list[float], str]]) -> Iterator[StoryOutput]:
        def submit(unit: tuple[int, tuple[list[float], str]]) -> Any:
            number, (q_values, file_name) = unit
            story, self._stories[number] = self._stories[number], None  # freed once rendered
            return self._client.submit(
                render_story, self._run, story, q_values, file_name, pure=False
            )

        window = 2 * max(1, sum(self._client.nthreads().values()))
        yield from in_order(submit, enumerate(renders), window=window)
