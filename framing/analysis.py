"""Run every analyzer over a corpus: per article first, then per story, outlet against outlet.

Analyzers are pure functions of prepared documents; this module only wires them together and
holds the results in frozen dataclasses that the report and the exports both read, so the
numbers on the page and in the JSON cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from framing.actors import (
    ActorSalience,
    actor_salience,
    find_mentions,
)
from framing.article_analysis import (
    BATCH_SIZE,
    ArticleAnalysis,
    Resources,
    analyze_document,
    analyze_documents,
    load_resources,
    prepare_document,
)
from framing.comparisons import (
    MIN_CUE_SENTENCES,
    MIN_SENTENCES,
    StoryStatistics,
    article_units,
    compare_story,
    metrics_for,
)
from framing.corrections import split_q_values, tested_p_values, with_q_values
from framing.coverage import CoverageResult, align_coverage
from framing.facts import FactCoverage, check_facts
from framing.findings import Finding, build_findings
from framing.frames import OutletFrameInput, OutletFrames, compare_frames
from framing.intervals import CONFIDENCE, REPLICATES
from framing.labels import Label, labels_by_outlet
from framing.lexicon import Lexicon
from framing.lexicon_scores import LexiconRates, pool_rates
from framing.model import Article, Corpus, Story
from framing.quotes import OutletSources, summarize_sources
from framing.significance import ALPHA, PERMUTATIONS
from framing.stories import group_stories
from framing.terms import TermOptions, TermsResult, distinctive_terms
from framing.tone import OutletTone, summarize_tone

__all__ = [
    # The per-article part lives in framing.article_analysis; it is part of this module's API.
    "BATCH_SIZE",
    "STORY_FRAMES",
    "ArticleAnalysis",
    "CorpusAnalysis",
    "OutletSummary",
    "Resources",
    "StoryAnalysis",
    "StoryJob",
    "StoryLexicon",
    "analyze_article_batch",
    "analyze_corpus",
    "analyze_document",
    "analyze_documents",
    "analyze_story",
    "analyze_story_batch",
    "finish_stories",
    "finish_story",
    "load_resources",
    "prepare_document",
    "settings",
]

STORY_FRAMES = "frames-security-deals"
"""The frame lexicon written for the bundled corpus's kind of story (arms and security deals)."""


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """Who an outlet is in a story, and how much text its numbers rest on."""

    outlet: str
    group: str
    n_articles: int
    n_sentences: int
    n_tokens: int


@dataclass(frozen=True, slots=True)
class StoryLexicon:
    """One lexicon across a story: pooled rates per outlet and per group, and for a frames
    lexicon the comparison of each outlet with the rest."""

    lexicon: Lexicon
    outlets: tuple[LexiconRates, ...]
    groups: tuple[LexiconRates, ...]
    frames: tuple[OutletFrames, ...]


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """One story compared across outlets: the object every report and export reads."""

    story: Story
    outlets: tuple[OutletSummary, ...]
    articles: tuple[ArticleAnalysis, ...]
    lexicons: tuple[StoryLexicon, ...]
    tone: tuple[OutletTone, ...]
    terms: TermsResult
    statistics: StoryStatistics
    coverage: CoverageResult
    sources: tuple[OutletSources, ...]
    actors: tuple[tuple[str, tuple[ActorSalience, ...]], ...]
    labels: tuple[tuple[str, tuple[tuple[str, tuple[Label, ...]], ...]], ...]
    facts: FactCoverage | None = None
    findings: tuple[Finding, ...] = ()

    def articles_of(self, outlet: str) -> tuple[ArticleAnalysis, ...]:
        return tuple(a for a in self.articles if a.document.article.outlet == outlet)

    def lexicon(self, name: str) -> StoryLexicon:
        return next(item for item in self.lexicons if item.lexicon.name == name)

    def _repr_html_(self) -> str:
        """A compact report of this story in a notebook (findings and frames)."""
        from framing.notebook import story_html

        return story_html(self)

    @property
    def frames(self) -> tuple[OutletFrames, ...]:
        """The story-frame comparison (empty when that lexicon is not loaded)."""
        for item in self.lexicons:
            if item.lexicon.name == STORY_FRAMES:
                return item.frames
        return ()


@dataclass(frozen=True, slots=True)
class CorpusAnalysis:
    """All stories of a corpus, plus what loading passed over."""

    stories: tuple[StoryAnalysis, ...]
    lexicons: tuple[Lexicon, ...]
    skipped: tuple[str, ...]
    n_articles: int
    settings: tuple[tuple[str, str], ...] = ()
    """The options the numbers depend on, for the report's provenance (name, value)."""

    def _repr_html_(self) -> str:
        """Every story, compact, in a notebook."""
        from framing.notebook import corpus_html

        return corpus_html(self)


def analyze_story(
    story: Story,
    article_analyses: Iterable[ArticleAnalysis],
    resources: Resources,
    term_options: TermOptions,
    background: Mapping[str, int] | None = None,
    facts: Mapping[str, str] | None = None,
) -> StoryAnalysis:
    """Compare a story's outlets, from its articles' own analyses (``background``: term counts
    of a reference corpus, the prior for distinctive words instead of the story's own;
    ``facts``: a checklist of claims to look for in every outlet)."""
    articles = tuple(article_analyses)
    outlets: list[OutletSummary] = []
    tones: list[OutletTone] = []
    by_outlet: dict[str, list[ArticleAnalysis]] = {}
    for outlet in story.outlets:
        own = [a for a in articles if a.document.article.outlet == outlet]
        by_outlet[outlet] = own
        groups = sorted({a.document.article.group for a in own if a.document.article.group})
        outlets.append(
            OutletSummary(
                outlet,
                ", ".join(groups),
                len(own),
                sum(a.document.prepared.n_sentences for a in own),
                sum(a.document.prepared.n_tokens for a in own),
            )
        )
        tones.append(summarize_tone(outlet, [a.tone for a in own]))
    by_group: dict[str, list[ArticleAnalysis]] = {}
    for article in articles:
        if article.document.article.group:
            by_group.setdefault(article.document.article.group, []).append(article)
    lexicons = []
    for lexicon in resources.lexicons:
        outlet_rates = tuple(
            pool_rates(lexicon, outlet, [a.scores_of(lexicon.name) for a in own])
            for outlet, own in by_outlet.items()
        )
        group_rates = tuple(
            pool_rates(lexicon, group, [a.scores_of(lexicon.name) for a in own])
            for group, own in sorted(by_group.items())
        )
        frames: tuple[OutletFrames, ...] = ()
        if lexicon.kind == "frames":
            frames = compare_frames(
                [
                    OutletFrameInput(
                        summary.outlet,
                        tuple(a.scores_of(lexicon.name) for a in by_outlet[summary.outlet]),
                        summary.n_tokens,
                    )
                    for summary in outlets
                ],
                lexicon.category_ids,
            )
        lexicons.append(StoryLexicon(lexicon, outlet_rates, group_rates, frames))
    metrics = metrics_for(resources.lexicons)
    mentions = find_mentions(story.documents, resources.actors)
    units = [
        article_units(
            a.document.id,
            a.document.article.outlet,
            a.document.article.group,
            a.document.prepared,
            a.lexicons,
            a.tone,
            a.quotes,
            metrics,
        )
        for a in articles
    ]
    return StoryAnalysis(
        story,
        tuple(outlets),
        articles,
        tuple(lexicons),
        tuple(tones),
        distinctive_terms(story, term_options, background),
        compare_story(story.id, units, metrics),
        align_coverage(story),
        tuple(
            summarize_sources(
                outlet,
                [q for a in own for q in a.quotes],
                len(own),
                {a.document.id: a.document.article.text for a in own},
            )
            for outlet, own in by_outlet.items()
        ),
        tuple(
            (
                outlet,
                actor_salience(
                    outlet, story.documents_of(outlet), mentions, resources.actors, resources.vader
                ),
            )
            for outlet in story.outlets
        ),
        tuple(
            (outlet, tuple(sorted(by_actor.items())))
            for outlet, by_actor in labels_by_outlet(
                story.documents, mentions, resources.actors
            ).items()
        ),
        check_facts(facts, story) if facts else None,
    )


@dataclass(frozen=True)
class StoryJob:
    """Everything one story's analysis needs (the unit of ``analyze_story_batch``)."""

    story: Story
    articles: tuple[ArticleAnalysis, ...]
    term_options: TermOptions
    background: Mapping[str, int] | None = None
    facts: Mapping[str, str] | None = None


BatchMapper = Callable[[Callable[[Resources, list[Any]], Any], Iterable[list[Any]]], Iterator[Any]]
"""Runs ``function(resources, batch)`` for every batch and yields the results in order (the
CLI's counts them on its progress bar)."""


def analyze_article_batch(resources: Resources, articles: list[Article]) -> list[ArticleAnalysis]:
    """Prepare and analyze a batch of articles: the per-article stage as one unit of work."""
    return analyze_documents([prepare_document(article) for article in articles], resources)


def analyze_story_batch(resources: Resources, jobs: list[StoryJob]) -> list[StoryAnalysis]:
    """Analyze a batch of stories: the per-story stage as one unit of work."""
    return [
        analyze_story(
            job.story, job.articles, resources, job.term_options, job.background, job.facts
        )
        for job in jobs
    ]


def analyze_corpus(
    corpus: Corpus,
    resources: Resources,
    term_options: TermOptions | None = None,
    background: Mapping[str, int] | None = None,
    facts: Mapping[str, str] | None = None,
    *,
    map_batches: BatchMapper | None = None,
) -> CorpusAnalysis:
    """Prepare, group and analyze a whole corpus.

    ``map_batches`` runs the two stages (articles in batches of ``BATCH_SIZE``, then stories
    one at a time), so a caller can watch them; by default here, in order. In other processes
    or on a cluster a report runs story by story instead (``framing.story_runs``): there the
    analyses never travel, only p-values and the rendered text.
    """
    options = term_options or TermOptions()
    run = map_batches or _in_process(resources)
    articles = list(corpus)
    batches = (articles[lo : lo + BATCH_SIZE] for lo in range(0, len(articles), BATCH_SIZE))
    analyses = [a for batch in run(analyze_article_batch, batches) for a in batch]
    by_id = {a.document.id: a for a in analyses}
    jobs = (
        [StoryJob(story, tuple(by_id[d.id] for d in story.documents), options, background, facts)]
        for story in group_stories([a.document for a in analyses], automatic=True)
    )
    stories = [story for batch in run(analyze_story_batch, jobs) for story in batch]
    return CorpusAnalysis(
        tuple(finish_stories(stories)),
        resources.lexicons,
        corpus.skipped,
        len(corpus),
        settings(options, background is not None),
    )


def _in_process(resources: Resources) -> BatchMapper:
    def run(
        function: Callable[[Resources, list[Any]], Any], batches: Iterable[list[Any]]
    ) -> Iterator[Any]:
        for batch in batches:
            yield function(resources, batch)

    return run


def settings(options: TermOptions, background: bool) -> tuple[tuple[str, str], ...]:
    """Name every option a number depends on, so a report says how it was made."""
    return (
        ("distinctive words counted by", options.unit),
        ("longest phrase", f"{options.max_n} words"),
        ("least count for a listed word", str(options.min_count)),
        ("prior for distinctive words", "background corpus" if background else "the story"),
        ("confidence level of intervals", f"{100 * CONFIDENCE:.0f}%"),
        ("bootstrap replicates", f"{REPLICATES:,}"),
        ("permutations (articles as units)", f"{PERMUTATIONS:,}"),
        ("false discovery rate (Benjamini-Hochberg)", f"q < {ALPHA}"),
        ("least sentences to compare", str(MIN_SENTENCES)),
        ("least sentences with a cue to test", str(MIN_CUE_SENTENCES)),
    )


def finish_stories(stories: Sequence[StoryAnalysis]) -> list[StoryAnalysis]:
    """Correct for the report's many tests at once (Benjamini-Hochberg across every story),
    then word the differences that remain as findings."""
    q_values = split_q_values([tested_p_values(story.statistics) for story in stories])
    return [finish_story(story, own) for story, own in zip(stories, q_values, strict=True)]


def finish_story(story: StoryAnalysis, q_values: Sequence[float]) -> StoryAnalysis:
    """One story with its q-values from the report-wide correction, and its findings."""
    stats = with_q_values(story.statistics, q_values)
    return replace(story, statistics=stats, findings=build_findings(stats))
