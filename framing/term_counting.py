"""Counting a story's words and phrases once: the first half of distinctive terms.

Split from :mod:`framing.terms` (which tests and lists terms) because counting is a job of its
own: n-grams of up to ``max_n`` tokens within a sentence, joined only by white space, never
starting or ending with a stop word; per article, then pooled per outlet and group as sparse
matrices; TF-IDF; and the informative Dirichlet prior (the story's pooled counts, or a
background corpus). Every occurrence is recorded with its first token and length, so the
evidence needs no second pass over the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

from framing.model import Document, PreparedText, Story

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

Unit = Literal["tokens", "articles"]

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"'s", "said", "says", "mr", "ms"}
"""Words never listed on their own, nor at the start or end of a phrase: scikit-learn's English
stop list plus reporting filler. Inside a phrase they are kept ("war of words")."""

MIN_TOKENS = 300
"""Counted words (stop words and numbers excluded) a target, and what it is compared with, need
before any term is listed. Why 300: about the content words of one 600-word news article (stop
words are roughly half of a news text's tokens). Below that, the top of a list is whichever
names a single short piece happened to mention, and the rates rest on too few words to tell
word choice from topic; the report says "not enough text" instead. ``TermOptions.min_tokens``
overrides it."""

JEFFREYS = 0.5
"""Prior articles added to both "uses the term" and "does not" with ``unit="articles"``."""

MAX_N = 5
"""The longest phrases ``max_n`` may ask for; longer ones are quotations, not word choices."""

_LETTER = 1
_EDGE = 2
_IS_SPACE = np.array([chr(code).isspace() for code in range(0x3002)], dtype=np.bool_)
"""Lookup table: is this code point white space (``str.isspace``)? None lies above U+3000,
so every higher code point is read at the last entry, U+3001, which is not space."""


@dataclass(frozen=True, slots=True)
class TermOptions:
    """Options for distinctive terms; validated once, in ``__post_init__``.

    Attributes
    ----------
    top_k:
        Terms listed per target (per side for a pair).
    min_count:
        Occurrences (or articles, with ``unit="articles"``) a target needs to list a term.
    prior_scale:
        Multiplies the prior counts: larger values shrink rare terms' log-odds harder.
    max_n:
        Longest phrase counted (1 = single words only).
    unit:
        ``"tokens"`` counts occurrences; ``"articles"`` counts the articles using a term.
    min_tokens:
        Counted words a target and its comparison need (default ``MIN_TOKENS``).
    """

    top_k: int = 12
    min_count: int = 2
    prior_scale: float = 1.0
    max_n: int = 3
    unit: Unit = "tokens"
    min_tokens: int = MIN_TOKENS

    def __post_init__(self) -> None:
        if self.top_k < 1 or self.min_count < 1 or self.prior_scale <= 0:
            raise ValueError("top_k and min_count must be >= 1 and prior_scale > 0")
        if not 1 <= self.max_n <= MAX_N:
            raise ValueError(f"max_n must be between 1 and {MAX_N}")
        if self.unit not in ("tokens", "articles"):
            raise ValueError("unit must be 'tokens' or 'articles'")
        if self.min_tokens < 0:
            raise ValueError("min_tokens must be >= 0")


class _TokenFlags(dict[str, int]):
    """Each token norm's flags, computed once per distinct norm of a story.

    ``_LETTER``: the token has a letter (a phrase may hold only such tokens). ``_EDGE``: the
    token may start or end a phrase, or be a term on its own: a letter, more than one
    character, not a stop word (today's rule for single words).
    """

    def __missing__(self, norm: str) -> int:
        flags = 0
        if any(ch.isalpha() for ch in norm):
            flags = _LETTER
            if len(norm) > 1 and norm not in STOP_WORDS:
                flags |= _EDGE
        self[norm] = flags
        return flags


@dataclass(frozen=True, slots=True)
class Occurrences:
    """The terms found in one article, in order of length then position.

    ``starts`` is each occurrence's first token index and ``lengths`` its number of tokens.
    """

    terms: list[str]
    starts: IntArray
    lengths: IntArray


def countable_norms(document: Document) -> list[str]:
    """Return the tokens that may be counted as terms: words with a letter, not stop words."""
    flags = _TokenFlags()
    return [norm for norm in document.prepared.token_norms if flags[norm] & _EDGE]


def _joined(prepared: PreparedText, text: str) -> BoolArray:
    """Return, for each pair of neighbouring tokens, whether a phrase may run across the gap.

    Why: a phrase is words written together. Two tokens are joined only inside one sentence
    and with nothing but white space between them, so "Ankara, Türkiye", a dateline
    "ANKARA — Türkiye" or a quote's closing mark ``done,” he`` never make a phrase. The check
    is one prefix sum of non-space characters over the text, not a loop over the gaps.
    """
    size = prepared.n_tokens
    if size < 2:
        return np.zeros(0, dtype=np.bool_)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    is_space = _IS_SPACE[np.minimum(codes, _IS_SPACE.size - 1)]
    visible = np.concatenate([[0], np.cumsum(~is_space)])
    starts = np.asarray(prepared.token_starts, dtype=np.int64)
    ends = np.asarray(prepared.token_ends, dtype=np.int64)
    sentence = np.asarray(prepared.token_sentence, dtype=np.int64)
    joined: BoolArray = (visible[starts[1:]] == visible[ends[:-1]]) & (
        sentence[1:] == sentence[:-1]
    )
    return joined


def _ngrams(prepared: PreparedText, text: str, max_n: int, flags: _TokenFlags) -> Occurrences:
    """Find every countable n-gram of one article, n = 1 .. max_n.

    An n-gram is n consecutive tokens joined as ``_joined`` says (so within one sentence:
    the same boundaries as ``PreparedText.sentence_token_ranges``), whose first and last
    tokens may stand alone as terms (a letter, more than one character, not a stop word)
    and whose inner tokens all have a letter ("war of words", not "war of 1990").

    Why vectorised per length rather than a loop per token: prefix sums of the breaks and
    of the letterless tokens make each rule one array comparison per n; only the strings of
    valid n-grams are built in Python.
    """
    norms = prepared.token_norms
    size = len(norms)
    terms: list[str] = []
    starts: list[IntArray] = []
    lengths: list[IntArray] = []
    if size:
        codes = np.fromiter(map(flags.__getitem__, norms), dtype=np.int8, count=size)
        edge = (codes & _EDGE) > 0
        breaks = np.concatenate([[0], np.cumsum(~_joined(prepared, text))])
        letterless = np.concatenate([[0], np.cumsum((codes & _LETTER) == 0)])
        for n in range(1, max_n + 1):
            span = size - n + 1
            if span <= 0:
                break
            valid = (
                edge[:span]
                & edge[n - 1 :]
                & (breaks[n - 1 : n - 1 + span] == breaks[:span])
                & (letterless[n : n + span] == letterless[:span])
            )
            first = np.flatnonzero(valid)
            if n == 1:
                terms.extend([norms[i] for i in first.tolist()])
            else:
                terms.extend([" ".join(norms[i : i + n]) for i in first.tolist()])
            starts.append(first.astype(np.int64))
            lengths.append(np.full(first.size, n, dtype=np.int64))
    if not starts:
        return Occurrences([], np.zeros(0, np.int64), np.zeros(0, np.int64))
    return Occurrences(terms, np.concatenate(starts), np.concatenate(lengths))


def term_counts(documents: Iterable[Document], max_n: int = 3) -> dict[str, int]:
    """Count every term of some documents with the rules of ``distinctive_terms``.

    Why: a background corpus (a month of coverage, a reference corpus) given as
    ``distinctive_terms(..., background=term_counts(docs))`` has its terms spelled and cut
    exactly as the story's, so the prior matches the story's vocabulary.
    """
    flags = _TokenFlags()
    counts: dict[str, int] = {}
    for document in documents:
        for term in _ngrams(document.prepared, document.article.text, max_n, flags).terms:
            counts[term] = counts.get(term, 0) + 1
    return counts


def _identity(terms: list[str]) -> list[str]:
    return terms


@dataclass(frozen=True, slots=True)
class Counts:
    """The story's terms counted per article and pooled per outlet and group.

    ``occurrence_*`` hold every occurrence of every term, article after article (article
    ``i``'s run from ``offsets[i]`` to ``offsets[i + 1]``): its vocabulary id, first token and
    length, so evidence needs no second pass over the text.
    ``keep`` are the columns of the full vocabulary that can be listed at all (pooled count
    at least ``min_count``); every ``*_kept`` matrix has one column per kept term.
    """

    vocabulary: NDArray[Any]
    term_n: IntArray
    occurrence_ids: IntArray
    occurrence_starts: IntArray
    occurrence_lengths: IntArray
    offsets: IntArray
    keep: IntArray
    outlet_kept: FloatArray
    group_kept: FloatArray
    pooled_kept: FloatArray
    outlet_n_totals: FloatArray
    group_n_totals: FloatArray
    pooled_n_totals: FloatArray
    outlet_articles: FloatArray
    group_articles: FloatArray
    outlet_tfidf: FloatArray
    group_tfidf: FloatArray
    prior: FloatArray
    prior_total: FloatArray


def _membership(labels: Sequence[str], names: Sequence[str]) -> sparse.csr_matrix:
    """Return the names x articles 0/1 matrix of which article carries which label."""
    column = {name: row for row, name in enumerate(names)}
    rows = [column[label] for label in labels if label in column]
    cols = [index for index, label in enumerate(labels) if label in column]
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(names), len(labels)))


def _tfidf(counts: sparse.csr_matrix, term_n: IntArray, keep: IntArray, max_n: int) -> FloatArray:
    """Return TF-IDF of the kept terms, each row L2-normalised within each phrase length.

    Why per length: TF-IDF on single words stays what it was before phrases were counted,
    and a row's many trigrams do not dilute its words. The idf is scikit-learn's (smoothed),
    computed over all rows (outlets, or groups) as documents.
    """
    if counts.shape[0] == 0 or counts.shape[1] == 0:
        return np.zeros((counts.shape[0], keep.size))
    idf = TfidfTransformer().fit(counts).idf_
    weighted = sparse.csr_matrix(counts.multiply(idf[np.newaxis, :]))
    by_length = sparse.csr_matrix(
        (np.ones(term_n.size), (np.arange(term_n.size), term_n - 1)), shape=(term_n.size, max_n)
    )
    norms = np.sqrt(np.asarray((weighted.multiply(weighted) @ by_length).todense()))
    kept = np.asarray(weighted[:, keep].todense())
    divisor = norms[:, term_n[keep] - 1]
    result: FloatArray = np.divide(kept, divisor, out=np.zeros_like(kept), where=divisor > 0)
    return result


def count_story(
    story: Story,
    groups: Sequence[str],
    options: TermOptions,
    background: Mapping[str, int] | None,
) -> Counts:
    """Count every term of the story once, per article, then pool by outlet and group."""
    documents = story.documents
    flags = _TokenFlags()
    found = [
        _ngrams(document.prepared, document.article.text, options.max_n, flags)
        for document in documents
    ]
    n_docs = len(documents)
    lengths = [len(item.terms) for item in found]
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    if offsets[-1]:
        vectorizer = CountVectorizer(analyzer=_identity, lowercase=False)
        tokens = sparse.csr_matrix(vectorizer.fit_transform([item.terms for item in found]))
        vocabulary = vectorizer.get_feature_names_out()
        index: dict[str, int] = vectorizer.vocabulary_
        occurrence_ids = np.fromiter(
            map(index.__getitem__, chain.from_iterable(item.terms for item in found)),
            dtype=np.int64,
            count=int(offsets[-1]),
        )
        occurrence_starts = np.concatenate([item.starts for item in found])
        occurrence_lengths = np.concatenate([item.lengths for item in found])
        term_n = np.zeros(len(vocabulary), dtype=np.int64)
        term_n[occurrence_ids] = occurrence_lengths
    else:
        tokens = sparse.csr_matrix((n_docs, 0), dtype=np.int64)
        vocabulary = np.zeros(0, dtype=object)
        occurrence_ids = occurrence_starts = occurrence_lengths = np.zeros(0, dtype=np.int64)
        term_n = np.zeros(0, dtype=np.int64)
    units = tokens.copy()
    if options.unit == "articles":
        units.data[:] = 1
    # Per article, how many terms of each length it holds: the totals of the token statistics
    # (for single words, the counted tokens).
    doc_n_totals = np.zeros((n_docs, options.max_n))
    for row, item in enumerate(found):
        doc_n_totals[row] = np.bincount(item.lengths, minlength=options.max_n + 1)[1:]
    pooled = np.asarray(units.sum(axis=0), dtype=np.float64).ravel()
    keep = np.flatnonzero(pooled >= options.min_count).astype(np.int64)
    outlets_of = sparse.csr_matrix(
        _membership([d.article.outlet for d in documents], story.outlets)
    )
    groups_of = sparse.csr_matrix(_membership([d.article.group for d in documents], groups))
    outlet_units = sparse.csr_matrix(outlets_of @ units)
    group_units = sparse.csr_matrix(groups_of @ units)
    kept_units = units[:, keep]
    pooled_n_totals = doc_n_totals.sum(axis=0)
    prior, prior_total = _prior(
        vocabulary, term_n, keep, pooled, pooled_n_totals, n_docs, options, background
    )
    return Counts(
        vocabulary=vocabulary,
        term_n=term_n,
        occurrence_ids=occurrence_ids,
        occurrence_starts=occurrence_starts,
        occurrence_lengths=occurrence_lengths,
        offsets=offsets,
        keep=keep,
        outlet_kept=np.asarray((outlets_of @ kept_units).todense(), dtype=np.float64),
        group_kept=np.asarray((groups_of @ kept_units).todense(), dtype=np.float64),
        pooled_kept=pooled[keep],
        outlet_n_totals=np.asarray(outlets_of @ doc_n_totals),
        group_n_totals=np.asarray(groups_of @ doc_n_totals),
        pooled_n_totals=pooled_n_totals,
        outlet_articles=np.asarray(outlets_of.sum(axis=1), dtype=np.float64).ravel(),
        group_articles=np.asarray(groups_of.sum(axis=1), dtype=np.float64).ravel(),
        outlet_tfidf=_tfidf(outlet_units, term_n, keep, options.max_n),
        group_tfidf=_tfidf(group_units, term_n, keep, options.max_n),
        prior=prior,
        prior_total=prior_total,
    )


def _prior(
    vocabulary: NDArray[Any],
    term_n: IntArray,
    keep: IntArray,
    pooled: FloatArray,
    pooled_n_totals: FloatArray,
    n_docs: int,
    options: TermOptions,
    background: Mapping[str, int] | None,
) -> tuple[FloatArray, FloatArray]:
    """Return the Dirichlet prior of each kept term and its total ``a_0`` for that term.

    Monroe et al.'s informative prior is a count vector ``a_w`` with ``a_0`` its sum over
    the vocabulary. Each phrase length is its own vocabulary (a word and a three-word phrase
    do not compete for the same positions), so ``a_0`` is summed per length, over every term
    of that length, listed or not:

    - by default ``a_w`` is the story's pooled count (times ``prior_scale``);
    - with ``unit="articles"`` it is the number of the story's articles using the term and
      ``a_0`` the number of articles (times ``prior_scale``, plus ``JEFFREYS`` for using and
      for not using): a Beta prior on the share of articles using it;
    - with a ``background`` it is the background count; a story term the background lacks
      counts as 1, so every ``a_w`` is above 0 as eq. 16 needs.
    """
    scale = options.prior_scale
    kept_n = term_n[keep] - 1
    if background is None:
        if options.unit == "articles":
            # Half an article each way (the Jeffreys prior's 1/2) keeps both Beta parameters
            # above 0, even for a term that every article of the story uses.
            alpha = scale * pooled[keep] + JEFFREYS
            return alpha, np.full(keep.size, scale * n_docs + 2 * JEFFREYS, dtype=np.float64)
        return scale * pooled[keep], scale * pooled_n_totals[kept_n]
    known = np.fromiter(
        (max(float(background.get(str(term), 0)), 0.0) for term in vocabulary),
        dtype=np.float64,
        count=len(vocabulary),
    )
    alpha = np.where(known > 0, known, 1.0)
    totals = np.zeros(options.max_n)
    for term, count in background.items():
        length = term.count(" ") + 1
        if count > 0 and length <= options.max_n:
            totals[length - 1] += count
    # Story terms missing from the background add their pseudo-count of 1 to a_0.
    missing = np.bincount(term_n[known == 0] - 1, minlength=options.max_n)[: options.max_n]
    totals += missing
    return scale * alpha[keep], scale * totals[kept_n]
