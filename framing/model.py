"""The records that flow through framing: articles, prepared text, evidence.

Everything here is frozen: analyzers receive these and return new objects, never mutate them.
Character offsets always index into ``Article.text`` (Python ``str`` indices, i.e. code points),
so every finding can be highlighted in place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.vocabulary import TokenArrays

DEFAULT_STORY = "story"
"""Story id given to articles whose input names no story (all of them form one story)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as loaded, with where it came from.

    ``source`` and ``source_line`` point at the file and line the record started on, so later
    problems (for example a duplicate id) can still name the place to fix.
    """

    id: str
    outlet: str
    text: str
    title: str = ""
    date: str | None = None
    url: str = ""
    story: str = DEFAULT_STORY
    group: str = ""
    source: str = ""
    source_line: int = 1
    targets: tuple[tuple[int, int, str], ...] = ()
    """Character spans (start, end, label) of entities a researcher wants the tone toward
    (``framing annotate``); offsets into ``text`` as loaded."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """The loaded articles, in input order, and what was passed over (counted, never hidden)."""

    articles: tuple[Article, ...]
    skipped: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PreparedText:
    """Sentences and tokens of one article, computed once and shared by every analyzer.

    Tokens are stored column-wise (parallel tuples) rather than as one object per token: a
    corpus of 20,000 articles has about 12 million tokens, and per-token objects would dominate
    both time and memory.

    Attributes
    ----------
    sentences:
        Sentence spans in text order; they do not overlap.
    token_starts, token_ends:
        Character offsets of each token.
    token_norms:
        The lower-cased token text used for counting and lexicon matching.
    token_sentence:
        Index into ``sentences`` of the sentence each token belongs to.
    arrays:
        ``token_sentence`` as an array and each token's id in the run's vocabulary
        (``framing.vocabulary``), which batch analyzers read instead of the tuples; ``None``
        for a ``PreparedText`` built by hand.
    """

    article_id: str
    sentences: tuple[Span, ...]
    token_starts: tuple[int, ...]
    token_ends: tuple[int, ...]
    token_norms: tuple[str, ...]
    token_sentence: tuple[int, ...]
    arrays: TokenArrays | None = field(default=None, compare=False, repr=False)

    @property
    def n_tokens(self) -> int:
        return len(self.token_norms)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def sentence_token_ranges(self) -> list[tuple[int, int]]:
        """Return, per sentence, the half-open range of token indices inside it."""
        ranges = [(0, 0)] * len(self.sentences)
        start = 0
        n = len(self.token_sentence)
        while start < n:
            sentence = self.token_sentence[start]
            end = start
            while end < n and self.token_sentence[end] == sentence:
                end += 1
            ranges[sentence] = (start, end)
            start = end
        return ranges


@dataclass(frozen=True, slots=True)
class Evidence:
    """One highlighted span behind a number: every analyzer reports its hits in this shape.

    ``layer`` names the analyzer's layer (``frame``, ``tone``, ``term``), ``label`` the category
    within it (a frame name, ``positive``), ``weight`` what the hit contributed (1.0 for a
    counted word, the valence for a tone word). ``negated`` marks a stance cue read under a
    negation ("not certain"), whose ``label`` is then the swapped category.
    """

    article_id: str
    start: int
    end: int
    layer: str
    label: str
    weight: float = 1.0
    text: str = field(default="", compare=False)
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """An article together with its prepared text: what analyzers receive."""

    article: Article
    prepared: PreparedText

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class Story:
    """The articles about one event, across outlets, in a stable order (outlet, then date, id)."""

    id: str
    documents: tuple[Document, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Return the outlets in this story, in first-appearance order."""
        return tuple(dict.fromkeys(doc.article.outlet for doc in self.documents))

    def documents_of(self, outlet: str) -> tuple[Document, ...]:
        return tuple(doc for doc in self.documents if doc.article.outlet == outlet)


def slice_text(text: str, spans: Sequence[Span]) -> list[str]:
    """Return the text of each span (a helper for tests and evidence snippets)."""
    return [text[span.start : span.end] for span in spans]
