"""Run the per-article analyzers: lexicons, tone and quotes, for a batch of prepared articles.

Everything here depends on one article (and the run's resources) only, so it is what
``framing annotate`` runs, in any process or on any machine. Split from ``framing.analysis``
(which compares outlets within stories) so that annotating imports none of the story-level
statistics: SciPy's ``stats``, scikit-learn and NLTK's whole package cost about a second of
start-up (measured), a second that runs before any worker starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.actors import ActorTable, load_actor_table, side_of
from framing.lexicon import Lexicon, load_built_in_lexicons
from framing.lexicon_files import merge_lexicons
from framing.lexicon_scores import ArticleLexiconScores, score_batch
from framing.matching import CompiledLexicons
from framing.model import Article, Document, Evidence
from framing.quotes import Quote, find_quotes, quote_evidence
from framing.text import prepare
from framing.tone import ArticleTone, load_vader_lexicon, score_tones

__all__ = [
    "BATCH_SIZE",
    "ArticleAnalysis",
    "Resources",
    "analyze_document",
    "analyze_documents",
    "load_resources",
    "prepare_document",
]

BATCH_SIZE = 128
"""Articles matched together: enough to amortise each sparse operation's fixed cost."""


@dataclass(frozen=True)
class Resources:
    """Lexicons loaded and compiled once per run, shared by every article."""

    lexicons: tuple[Lexicon, ...]
    compiled: CompiledLexicons = field(compare=False)
    vader: dict[str, float] = field(compare=False, repr=False)
    actors: ActorTable = field(compare=False, repr=False)

    def side_of(self, text: str) -> str | None:
        """The country or organisation a speaker's name or role points to."""
        return side_of(text, self.actors)


def load_resources(
    extra_lexicons: Sequence[Lexicon] = (), actors_file: Path | None = None
) -> Resources:
    """Load the built-in lexicons and actor table, add or override with users' ones, and
    compile them once."""
    lexicons = merge_lexicons(load_built_in_lexicons(), extra_lexicons)
    return Resources(
        lexicons, CompiledLexicons(lexicons), load_vader_lexicon(), load_actor_table(actors_file)
    )


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything computed for one article on its own."""

    document: Document
    lexicons: tuple[ArticleLexiconScores, ...]
    tone: ArticleTone
    quotes: tuple[Quote, ...] = ()

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        found: list[Evidence] = []
        for scores in self.lexicons:
            found.extend(scores.evidence)
        text = self.document.article.text
        for quote in self.quotes:
            found.extend(quote_evidence(quote, text))
        return (*found, *self.tone.evidence)

    def scores_of(self, lexicon: str) -> ArticleLexiconScores:
        return next(scores for scores in self.lexicons if scores.lexicon == lexicon)


def prepare_document(article: Article) -> Document:
    """Prepare an article's text once; every analyzer reads the result."""
    return Document(article, prepare(article.id, article.text))


def analyze_documents(documents: Sequence[Document], resources: Resources) -> list[ArticleAnalysis]:
    """Run the per-article analyzers over a batch (lexicons are matched, counted and tone is
    scored for the whole batch at once)."""
    results: list[ArticleAnalysis] = []
    for lo in range(0, len(documents), BATCH_SIZE):
        batch = documents[lo : lo + BATCH_SIZE]
        lexicons = score_batch(batch, resources.compiled)
        tones = score_tones(batch, resources.vader)
        for document, scores, tone in zip(batch, lexicons, tones, strict=True):
            results.append(
                ArticleAnalysis(document, scores, tone, find_quotes(document, resources.side_of))
            )
    return results


def analyze_document(document: Document, resources: Resources) -> ArticleAnalysis:
    """Run the per-article analyzers on one article."""
    return analyze_documents([document], resources)[0]
