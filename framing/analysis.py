"""Run every analyzer over a corpus: per article first, then per story, outlet against outlet.

Analyzers are pure functions of prepared documents; this module only wires them together and
holds the results in frozen dataclasses that the report and the exports both read, so the
numbers on the page and in the JSON cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from framing.frames import (
    ArticleFrames,
    OutletFrameInput,
    OutletFrames,
    compare_frames,
    score_frames,
)
from framing.lexicon import Lexicon, LexiconMatcher, load_lexicon
from framing.model import Article, Corpus, Document, Evidence, Story
from framing.stories import group_stories
from framing.terms import TermOptions, TermsResult, distinctive_terms
from framing.text import prepare
from framing.tone import ArticleTone, OutletTone, load_vader_lexicon, score_tone, summarize_tone

FRAME_LEXICON_FILE = "frames.tsv"


@dataclass(frozen=True)
class Resources:
    """Lexicons loaded and compiled once per run, shared by every article."""

    frame_lexicon: Lexicon
    frame_matcher: LexiconMatcher = field(compare=False)
    vader: dict[str, float] = field(compare=False, repr=False)


def load_resources() -> Resources:
    """Load the built-in lexicons from the package."""
    lexicon = load_lexicon(FRAME_LEXICON_FILE)
    return Resources(lexicon, LexiconMatcher(lexicon), load_vader_lexicon())


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything computed for one article on its own."""

    document: Document
    frames: ArticleFrames
    tone: ArticleTone

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.frames.evidence + self.tone.evidence


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """Who an outlet is in a story, and how much text its numbers rest on."""

    outlet: str
    group: str
    n_articles: int
    n_sentences: int
    n_tokens: int


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """One story compared across outlets: the object every report and export reads."""

    story: Story
    outlets: tuple[OutletSummary, ...]
    articles: tuple[ArticleAnalysis, ...]
    frames: tuple[OutletFrames, ...]
    tone: tuple[OutletTone, ...]
    terms: TermsResult

    def articles_of(self, outlet: str) -> tuple[ArticleAnalysis, ...]:
        return tuple(a for a in self.articles if a.document.article.outlet == outlet)


@dataclass(frozen=True, slots=True)
class CorpusAnalysis:
    """All stories of a corpus, plus what loading passed over."""

    stories: tuple[StoryAnalysis, ...]
    frame_lexicon: Lexicon
    skipped: tuple[str, ...]
    n_articles: int


def prepare_document(article: Article) -> Document:
    """Prepare an article's text once; every analyzer reads the result."""
    return Document(article, prepare(article.id, article.text))


def analyze_document(document: Document, resources: Resources) -> ArticleAnalysis:
    """Run the per-article analyzers."""
    return ArticleAnalysis(
        document,
        score_frames(document, resources.frame_matcher),
        score_tone(document, resources.vader),
    )


def analyze_story(
    story: Story,
    article_analyses: Iterable[ArticleAnalysis],
    resources: Resources,
    term_options: TermOptions,
) -> StoryAnalysis:
    """Compare a story's outlets, from its articles' own analyses."""
    articles = tuple(article_analyses)
    frame_ids = [category.id for category in resources.frame_lexicon.categories]
    outlets: list[OutletSummary] = []
    frame_inputs: list[OutletFrameInput] = []
    tones: list[OutletTone] = []
    for outlet in story.outlets:
        own = [a for a in articles if a.document.article.outlet == outlet]
        n_tokens = sum(a.document.prepared.n_tokens for a in own)
        groups = sorted({a.document.article.group for a in own if a.document.article.group})
        outlets.append(
            OutletSummary(
                outlet,
                ", ".join(groups),
                len(own),
                sum(a.document.prepared.n_sentences for a in own),
                n_tokens,
            )
        )
        frame_inputs.append(OutletFrameInput(outlet, tuple(a.frames for a in own), n_tokens))
        tones.append(summarize_tone(outlet, [a.tone for a in own]))
    return StoryAnalysis(
        story,
        tuple(outlets),
        articles,
        compare_frames(frame_inputs, frame_ids),
        tuple(tones),
        distinctive_terms(story, term_options),
    )


def analyze_corpus(
    corpus: Corpus, resources: Resources, term_options: TermOptions | None = None
) -> CorpusAnalysis:
    """Prepare, group and analyze a whole corpus."""
    options = term_options or TermOptions()
    by_id: dict[str, ArticleAnalysis] = {}
    documents = []
    for article in corpus:
        document = prepare_document(article)
        documents.append(document)
        by_id[article.id] = analyze_document(document, resources)
    stories = tuple(
        analyze_story(story, (by_id[d.id] for d in story.documents), resources, options)
        for story in group_stories(documents)
    )
    return CorpusAnalysis(stories, resources.frame_lexicon, corpus.skipped, len(corpus))
