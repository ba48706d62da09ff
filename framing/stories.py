"""Group prepared documents into stories: by the ``story`` field, or automatically by text.

Why automatic grouping: an editor's export of a month of coverage rarely says which articles
are about the same event, and a report that lumps every article into one "story" compares
outlets across unrelated events. Articles that name a story keep it exactly; only articles
without one (their ``story`` is ``DEFAULT_STORY``, which is what the loader gives when the field
is absent or empty) are grouped by ``group_stories(..., automatic=True)`` or ``find_stories``.

How articles are grouped (all of it deterministic: no random seeds, no order-dependent ties):

1. Each article becomes a TF-IDF vector over the token norms that ``framing.text`` already
   computed (no second tokenizer): content words only (scikit-learn's built-in English stop
   list, which needs no download), sub-linear term frequency so one long article cannot drown
   the rest, and capitalised words that do not start a sentence (names: "Velmora", "Erdogan",
   "S-400") counted ``NAME_WEIGHT`` times, because shared names are the strongest sign of a
   shared event. IDF is computed over the whole corpus, named stories included, so words
   common to every story weigh little.
2. Two articles are linked when the cosine similarity of their vectors is at least
   ``threshold`` (default ``DEFAULT_THRESHOLD``) and their dates are at most ``window_days``
   apart (an article without a date is not limited by dates).
3. Stories are the connected components of that graph (single-linkage clustering cut at the
   threshold). Why components rather than average-linkage agglomeration: a news story drifts
   (the strike starts, ships divert, a deal is struck), so its first and last articles may share
   little while each shares much with its neighbours in time; components follow that drift, and
   they scale, since the graph is built in row blocks of a sparse matrix product and never needs
   the n x n distance matrix that agglomeration holds. The risk of components is chaining two
   events through one bridging pair; the threshold is set high enough to avoid that on the test
   corpora, and ``StoryFit.poor`` flags any article that ended up far from its story's centre.

How the threshold was chosen: on the bundled S-400 story mixed with the port-strike and
rate-decision stories of ``tests/corpora_stories.py`` (17 articles, 3 stories, all dated within
six weeks), every article's most similar same-story article has a cosine of at least 0.218 and
the most similar pair from different stories has 0.069 (measured with these exact features).
The default 0.12 is about the geometric mean of the two (0.123), leaving a factor of about 1.8
on either side; cosines shrink in proportion as vectors grow noisier, so a ratio margin is the
fair one. On larger corpora IDF grows sharper, which lowers cross-story cosines (shared generic
words weigh less) and raises same-story ones (shared names weigh more). ``tests/test_stories.py``
checks that the split is still exact at 1.5 times and at 1/1.5 of the default, so a change to the
features that narrows the gap fails a test instead of quietly degrading the grouping.

Each story also gets a coherence score and a fit for every article (see ``StoryFit``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from framing.model import DEFAULT_STORY, Article, Document, Story

__all__ = [
    "AUTO_PREFIX",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "NAME_WEIGHT",
    "POOR_FIT_RATIO",
    "StoryFit",
    "StoryGrouping",
    "StoryInfo",
    "find_stories",
    "group_stories",
    "plan_stories",
    "story_features",
]

DEFAULT_WINDOW_DAYS = 14
"""Articles further apart than this (in days) are never linked directly."""

DEFAULT_THRESHOLD = 0.12
"""Minimum cosine similarity for two articles to be linked (see the module docstring)."""

NAME_WEIGHT = 2
"""How many times a capitalised word inside a sentence (likely a name) is counted."""

POOR_FIT_RATIO = 0.5
"""An article fits poorly when its fit is below this share of the median fit of the others."""

AUTO_PREFIX = "auto-"
"""Automatic story ids are ``auto-1``, ``auto-2``, ... in order of each story's first article."""

TITLE_TERMS = 4
"""How many top terms make an automatic story's title."""

_BLOCK_ROWS = 256  # rows of the similarity product computed at once (bounds memory)


@dataclass(frozen=True, slots=True)
class StoryFit:
    """How well one article fits its story.

    ``similarity`` is the cosine between the article's vector and the story's centroid (the mean
    of its articles' vectors), in [0, 1]; the story's coherence is their mean.
    ``to_others`` is the cosine to the centroid of the story's *other* articles (leave one out),
    which is what ``poor`` is judged on: an article counts in its own centroid, so in a small
    story even an unrelated article looks fairly close to it (measured: a rate-decision article
    filed under the five-article port strike has ``similarity`` 0.35 against the others' 0.56 to
    0.65, but ``to_others`` 0.05 against their 0.30 to 0.42).

    The rule: ``poor`` when the story has at least three articles and ``to_others`` is below
    ``POOR_FIT_RATIO`` (one half) of the median ``to_others`` of the story's other articles.
    Why a ratio to a median: it is scale-free (stories of long analytical pieces have lower
    cosines throughout than stories of short wire reports), and the median is not moved by a
    second outlier. With two articles there is no "others" to compare with, so neither is
    flagged.
    """

    article_id: str
    similarity: float
    to_others: float
    poor: bool


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """One story with what the grouping knows about it.

    ``automatic`` says whether the grouping formed it (id ``auto-N``) or the articles named it.
    ``top_terms`` are the terms with the highest summed TF-IDF weight across its articles; an
    automatic story's ``title`` is made of them, a named story's title is its id.
    ``coherence`` is the mean of its articles' ``StoryFit.similarity`` (1.0 for one article,
    which is trivially coherent; ``fits`` shows the sample size).
    """

    story: Story
    automatic: bool
    title: str
    top_terms: tuple[str, ...]
    coherence: float
    fits: tuple[StoryFit, ...]

    @property
    def poor_fits(self) -> tuple[StoryFit, ...]:
        """Return the articles that fit their story poorly, in story order."""
        return tuple(fit for fit in self.fits if fit.poor)


@dataclass(frozen=True, slots=True)
class StoryGrouping:
    """Every story of a corpus, and the settings that produced them (for reproducibility)."""

    stories: tuple[StoryInfo, ...]
    window_days: int
    threshold: float


def group_stories(
    documents: Iterable[Document],
    *,
    automatic: bool = False,
    window_days: int = DEFAULT_WINDOW_DAYS,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[Story, ...]:
    """Return the stories of ``documents``.

    By default every article without a story field forms the one story ``DEFAULT_STORY`` (the
    behaviour reports had before automatic grouping existed, so their output is unchanged);
    with ``automatic=True`` those articles are grouped by text and date into ``auto-N`` stories
    (see the module docstring). Articles that name a story always keep it.

    Named stories come first, sorted by id; automatic ones follow in number order. Within a
    story, outlets keep the order in which they first appear in the input (a user who names
    files ``1-wire.txt``, ``2-daily.txt`` chooses the column order), and each outlet's articles
    are ordered by date, then id, so the same input always gives the same report.
    """
    docs = list(documents)
    if not automatic:
        by_story: dict[str, list[Document]] = {}
        for document in docs:
            by_story.setdefault(document.article.story, []).append(document)
        return tuple(_story(story_id, by_story[story_id]) for story_id in sorted(by_story))
    return _group(docs, window_days, threshold)[0]


def find_stories(
    documents: Iterable[Document],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    threshold: float = DEFAULT_THRESHOLD,
) -> StoryGrouping:
    """Group articles without a story field automatically and score every story's coherence.

    Stories come in the order of ``group_stories(..., automatic=True)``. Raises ``ValueError``
    for a negative window or a threshold outside (0, 1]: the CLI checks its options first.
    """
    docs = list(documents)
    stories, matrix, vocabulary = _group(docs, window_days, threshold)
    row_of = {document.id: row for row, document in enumerate(docs)}
    infos = tuple(_describe(story, matrix, vocabulary, row_of) for story in stories)
    return StoryGrouping(infos, window_days, threshold)


def plan_stories(
    articles: Sequence[Article],
    features: Callable[[], Sequence[list[str]]],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[str, list[int]]]:
    """The stories of ``group_stories(..., automatic=True)`` from the articles alone: each
    story's id and its articles (indices into ``articles``, in the story's order).

    Why without documents: a report run in other processes plans its stories first and sends
    each story's articles to be prepared and analysed where it runs. ``features`` gives every
    article's grouping features (``story_features`` of its prepared text, in order); it is
    called only when some article names no story, since only then is text compared.
    """
    _check(window_days, threshold)
    loose = any(article.story == DEFAULT_STORY for article in articles)
    matrix = _tfidf(features())[0] if loose else None
    return _members(articles, matrix, window_days, threshold)


def _check(window_days: int, threshold: float) -> None:
    if window_days < 0:
        raise ValueError("window_days must not be negative")
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")


def _group(
    docs: list[Document], window_days: int, threshold: float
) -> tuple[tuple[Story, ...], sp.csr_matrix, list[str]]:
    """Return the stories, and the TF-IDF matrix (one row per document) and its vocabulary."""
    _check(window_days, threshold)
    matrix, vocabulary = _tfidf([story_features(document) for document in docs])
    members = _members([document.article for document in docs], matrix, window_days, threshold)
    stories = tuple(Story(story_id, tuple(docs[row] for row in rows)) for story_id, rows in members)
    return stories, matrix, vocabulary


def _members(
    articles: Sequence[Article],
    matrix: sp.csr_matrix | None,
    window_days: int,
    threshold: float,
) -> list[tuple[str, list[int]]]:
    """Each story's id and rows: named stories sorted by id, then the automatic ones (their
    rows' TF-IDF vectors in ``matrix``, which is needed only when there are such rows)."""
    named: dict[str, list[int]] = {}
    loose: list[int] = []
    for row, article in enumerate(articles):
        if article.story == DEFAULT_STORY:
            loose.append(row)
        else:
            named.setdefault(article.story, []).append(row)
    stories = [(story_id, _ordered(named[story_id], articles)) for story_id in sorted(named)]
    if loose:
        if matrix is None:  # pragma: no cover - plan_stories asks for the features first
            raise ValueError("articles without a story need their TF-IDF rows")
        vectors = sp.csr_matrix(matrix[loose])
        labels = _components(vectors, [articles[r] for r in loose], window_days, threshold)
        members: dict[int, list[int]] = {}
        for row, label in zip(loose, labels, strict=True):
            members.setdefault(int(label), []).append(row)
        number = 0
        # Components are labelled in order of their first member, and ``loose`` is in input
        # order, so dict order is "order of first article".
        for group in members.values():
            number += 1
            while f"{AUTO_PREFIX}{number}" in named:  # a user's story already has this id
                number += 1
            stories.append((f"{AUTO_PREFIX}{number}", _ordered(group, articles)))
    return stories


def _story(story_id: str, docs: list[Document]) -> Story:
    order = _ordered(list(range(len(docs))), [document.article for document in docs])
    return Story(story_id, tuple(docs[row] for row in order))


def _ordered(rows: list[int], articles: Sequence[Article]) -> list[int]:
    """A story's rows in report order: outlets as they first appear, then date, then id."""
    outlet_rank: dict[str, int] = {}
    for row in rows:
        outlet_rank.setdefault(articles[row].outlet, len(outlet_rank))
    return sorted(
        rows,
        key=lambda row: (
            outlet_rank[articles[row].outlet],
            articles[row].date or "",
            articles[row].id,
        ),
    )


def story_features(document: Document) -> list[str]:
    """Return the document's content-word norms, a likely name repeated ``NAME_WEIGHT`` times
    (the words its story is grouped by)."""
    prepared = document.prepared
    text = document.article.text
    features: list[str] = []
    previous_sentence = -1
    for norm, start, sentence in zip(
        prepared.token_norms, prepared.token_starts, prepared.token_sentence, strict=True
    ):
        first_in_sentence = sentence != previous_sentence
        previous_sentence = sentence
        if not _is_content(norm):
            continue
        if not first_in_sentence and text[start].isupper():
            features.extend([norm] * NAME_WEIGHT)
        else:
            features.append(norm)
    return features


@lru_cache(maxsize=1 << 17)
def _is_content(norm: str) -> bool:
    """Keep words with a letter (not "'s") and numbers of three or more characters ("4.25").

    Cached: a corpus repeats a few thousand norms millions of times, and this check (with the
    stop list) was half the grouping time before it was.
    """
    if len(norm) < 2 or norm.startswith("'") or norm in _stop_words():
        return False
    return any(char.isalpha() for char in norm) or len(norm) >= 3


@cache
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (imported on first use: see ``_tfidf``)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _tfidf(features: Sequence[list[str]]) -> tuple[sp.csr_matrix, list[str]]:
    """Return the L2-normalised TF-IDF rows of every document's features, and the vocabulary.

    scikit-learn is imported here, when stories are grouped, rather than with the module:
    ``framing.cli`` imports this module to describe ``framing stories``, and importing
    scikit-learn costs about half a second of every command's start-up (measured).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not features:
        return sp.csr_matrix((0, 0)), []
    vectorizer = TfidfVectorizer(
        analyzer=_identity, sublinear_tf=True, lowercase=False, dtype=np.float64
    )
    if not any(features):
        return sp.csr_matrix((len(features), 0)), []
    matrix = sp.csr_matrix(vectorizer.fit_transform(features))
    return matrix, [str(term) for term in vectorizer.get_feature_names_out()]


def _identity(features: list[str]) -> list[str]:
    return features


def _days(articles: Sequence[Article]) -> np.ndarray:
    """Return each article's date as a day number, NaN when it has none (or an unreadable one)."""
    days = np.full(len(articles), np.nan)
    for index, article in enumerate(articles):
        value = article.date
        if value:
            with contextlib.suppress(ValueError):  # an unreadable date limits nothing
                days[index] = date.fromisoformat(value[:10]).toordinal()
    return days


def _components(
    vectors: sp.csr_matrix, articles: Sequence[Article], window_days: int, threshold: float
) -> np.ndarray:
    """Label each row with its connected component in the thresholded, date-limited graph.

    Why blocks in date order: dated articles are sorted by day and each block of rows is
    multiplied only with the articles that could lie within the window of one of its rows (plus
    the undated ones), so a year of coverage costs about window/year of the all-pairs product;
    undated articles are compared with everyone. Every pair is still seen at least once
    (``row < col`` keeps one copy of the pairs seen twice). Labels are renumbered in order of
    each component's first row, so they do not depend on scipy's internal numbering.
    """
    n = len(articles)
    days = _days(articles)
    undated = np.flatnonzero(np.isnan(days))
    dated = np.flatnonzero(~np.isnan(days))
    by_day = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[by_day]
    sources: list[np.ndarray] = []
    targets: list[np.ndarray] = []

    def link(rows_at: np.ndarray, cols_at: np.ndarray) -> None:
        block = sp.coo_matrix(vectors[rows_at] @ sp.csr_matrix(vectors[cols_at].T))
        rows, cols = rows_at[block.row], cols_at[block.col]
        keep = (block.data >= threshold) & (rows < cols)
        rows, cols = rows[keep], cols[keep]
        near = ~(np.abs(days[rows] - days[cols]) > window_days)  # NaN (undated): not limited
        sources.append(rows[near])
        targets.append(cols[near])

    for lo in range(0, len(by_day), _BLOCK_ROWS):
        hi = min(lo + _BLOCK_ROWS, len(by_day))
        first = int(np.searchsorted(sorted_days, sorted_days[lo] - window_days, "left"))
        last = int(np.searchsorted(sorted_days, sorted_days[hi - 1] + window_days, "right"))
        link(by_day[lo:hi], np.concatenate([by_day[first:last], undated]))
    everyone = np.arange(n)
    for lo in range(0, len(undated), _BLOCK_ROWS):
        link(undated[lo : lo + _BLOCK_ROWS], everyone)
    edges_from = np.concatenate(sources) if sources else np.zeros(0, dtype=np.int64)
    edges_to = np.concatenate(targets) if targets else np.zeros(0, dtype=np.int64)
    graph = sp.coo_matrix((np.ones(len(edges_from)), (edges_from, edges_to)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(label), len(order)) for label in labels], dtype=np.int64)


def _describe(
    story: Story, matrix: sp.csr_matrix, vocabulary: list[str], row_of: dict[str, int]
) -> StoryInfo:
    rows = [row_of[document.id] for document in story.documents]
    vectors = sp.csr_matrix(matrix[rows])
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    length = float(np.linalg.norm(centroid))
    similarities = (vectors @ centroid) / length if length > 0 else np.zeros(len(rows))
    values = [_clip(float(value)) for value in similarities]
    loo = _leave_one_out(vectors)
    fits = tuple(
        StoryFit(document.id, value, other, poor)
        for document, value, other, poor in zip(
            story.documents, values, loo, _poor(loo), strict=True
        )
    )
    coherence = _clip(sum(values) / len(values))
    top = _top_terms(centroid, vocabulary)
    automatic = story.id.startswith(AUTO_PREFIX) and all(
        document.article.story == DEFAULT_STORY for document in story.documents
    )
    title = ", ".join(top) if automatic else story.id
    return StoryInfo(story, automatic, title, top, coherence, fits)


def _leave_one_out(vectors: sp.csr_matrix) -> list[float]:
    """Return each row's cosine to the sum of the other rows (0 for a story of one).

    With ``S`` the sum of all rows, the others' sum is ``S - x``, so
    ``x . (S - x) = x . S - |x|^2`` and ``|S - x|^2 = |S|^2 - 2 x . S + |x|^2``: one sparse
    product for the whole story instead of one centroid per article.
    """
    n = vectors.shape[0]
    if n < 2:
        return [0.0] * n
    total = np.asarray(vectors.sum(axis=0)).ravel()
    dots = np.asarray(vectors @ total).ravel()
    squares = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    lengths = np.sqrt(np.maximum(float(total @ total) - 2 * dots + squares, 0.0))
    safe = np.where(lengths > 0, lengths, 1.0)
    cosines = np.where(lengths > 0, (dots - squares) / safe, 0.0)
    return [_clip(float(value)) for value in cosines]


def _clip(value: float) -> float:
    """Round away float noise (1.0000000002) so output is stable across BLAS builds."""
    return min(1.0, max(0.0, round(value, 6)))


def _poor(values: list[float]) -> list[bool]:
    """Flag each value under ``POOR_FIT_RATIO`` times the median of the *other* values.

    The median without element ``i`` comes from one sort: in the sorted list with ``i``'s slot
    removed, position ``p`` is sorted position ``p`` before that slot and ``p + 1`` after it, so a
    story of thousands of articles costs ``n log n``, not ``n`` medians of ``n``.
    """
    n = len(values)
    if n < 3:
        return [False] * n
    order = sorted(range(n), key=lambda index: values[index])
    ranked = [values[index] for index in order]
    rank = {index: position for position, index in enumerate(order)}
    flags = []
    for index, value in enumerate(values):
        slot = rank[index]
        low, high = (n - 2) // 2, (n - 1) // 2  # middle positions among the n - 1 others

        def at(position: int, slot: int = slot) -> float:
            return ranked[position if position < slot else position + 1]

        median = (at(low) + at(high)) / 2
        flags.append(value < POOR_FIT_RATIO * median)
    return flags


def _top_terms(centroid: np.ndarray, vocabulary: list[str]) -> tuple[str, ...]:
    """Return the heaviest terms of a centroid; ties broken alphabetically, for determinism."""
    if not vocabulary:
        return ()
    weights = np.round(centroid, 9)
    candidates = np.flatnonzero(weights > 0)
    ranked = sorted(candidates.tolist(), key=lambda column: (-weights[column], vocabulary[column]))
    return tuple(vocabulary[column] for column in ranked[:TITLE_TERMS])
