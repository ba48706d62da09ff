"""Distinctive terms: which words an outlet uses more than the rest of the story.

Two views, computed on the same outlet-by-term count matrix:

- TF-IDF (scikit-learn's ``TfidfTransformer``, each outlet's articles pooled into one document):
  the simple view, high for words frequent in one outlet and rare in the others;
- the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
  Political Analysis 16(4), eq. 16, 20 and 22), outlet against the rest of the story, with the
  prior taken from the story's pooled counts. Its z-score accounts for how often a word occurs
  at all, so a word used 3 times against 0 is not ranked above one used 30 times against 5.

Natural logarithms throughout (eq. 20's variance is derived for natural logs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

from framing.model import Document, Evidence, Story
from framing.statistics import log_odds_dirichlet

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"'s", "said", "says", "mr", "ms"}
"""Words never listed as distinctive: scikit-learn's English stop list plus reporting filler."""


@dataclass(frozen=True, slots=True)
class TermOptions:
    """Options for distinctive terms; validated once, in ``__post_init__``."""

    top_k: int = 12
    min_count: int = 2
    prior_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.top_k < 1 or self.min_count < 1 or self.prior_scale <= 0:
            raise ValueError("top_k and min_count must be >= 1 and prior_scale > 0")


@dataclass(frozen=True, slots=True)
class TermScore:
    """One term of one outlet, with its raw counts beside every statistic."""

    term: str
    count: int
    count_rest: int
    tfidf: float
    delta: float
    variance: float
    z: float


@dataclass(frozen=True, slots=True)
class OutletTerms:
    """The most distinctive terms of one outlet, and the token totals they were counted from."""

    outlet: str
    n_tokens: int
    n_tokens_rest: int
    terms: tuple[TermScore, ...]


@dataclass(frozen=True, slots=True)
class TermsResult:
    """Distinctive terms per outlet, plus every occurrence of a listed term as evidence."""

    by_outlet: tuple[OutletTerms, ...]
    evidence: tuple[Evidence, ...]


def countable_norms(document: Document) -> list[str]:
    """Return the tokens that may be counted as terms: words with a letter, not stop words."""
    return [
        norm
        for norm in document.prepared.token_norms
        if norm not in STOP_WORDS and any(ch.isalpha() for ch in norm) and len(norm) > 1
    ]


def distinctive_terms(story: Story, options: TermOptions) -> TermsResult:
    """Score every term of every outlet against the rest of the story."""
    outlets = story.outlets
    per_outlet_tokens: list[list[str]] = []
    for outlet in outlets:
        tokens: list[str] = []
        for document in story.documents_of(outlet):
            tokens.extend(countable_norms(document))
        per_outlet_tokens.append(tokens)
    if not any(per_outlet_tokens):
        return TermsResult(tuple(OutletTerms(o, 0, 0, ()) for o in outlets), ())
    vectorizer = CountVectorizer(analyzer=_identity, lowercase=False)
    counts = sparse.csr_matrix(vectorizer.fit_transform(per_outlet_tokens))
    vocabulary = np.array(vectorizer.get_feature_names_out(), dtype=object)
    tfidf = sparse.csr_matrix(TfidfTransformer().fit_transform(counts))
    dense = counts.toarray().astype(float)
    total = dense.sum(axis=0)
    prior = total * options.prior_scale
    results: list[OutletTerms] = []
    for row, outlet in enumerate(outlets):
        own = dense[row]
        rest = total - own
        delta, variance, z = log_odds_dirichlet(own, rest, prior)
        tfidf_row = tfidf.getrow(row).toarray().ravel()
        eligible = np.flatnonzero((own >= options.min_count) & (z > 0))
        # Sort by z descending, then term, so ties are broken the same way on every run.
        order = sorted(eligible, key=lambda k: (-round(float(z[k]), 9), vocabulary[k]))
        chosen = order[: options.top_k]
        terms = tuple(
            TermScore(
                term=str(vocabulary[k]),
                count=int(own[k]),
                count_rest=int(rest[k]),
                tfidf=round(float(tfidf_row[k]), 4),
                delta=round(float(delta[k]), 4),
                variance=round(float(variance[k]), 4),
                z=round(float(z[k]), 3),
            )
            for k in chosen
        )
        results.append(OutletTerms(outlet, int(own.sum()), int(rest.sum()), terms))
    evidence = _term_evidence(story, results)
    return TermsResult(tuple(results), evidence)


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _term_evidence(story: Story, results: Sequence[OutletTerms]) -> tuple[Evidence, ...]:
    """Mark every occurrence of each outlet's listed terms in that outlet's articles."""
    evidence: list[Evidence] = []
    for outlet_terms in results:
        listed = {score.term for score in outlet_terms.terms}
        if not listed:
            continue
        for document in story.documents_of(outlet_terms.outlet):
            prepared = document.prepared
            text = document.article.text
            for index, norm in enumerate(prepared.token_norms):
                if norm in listed:
                    start, end = prepared.token_starts[index], prepared.token_ends[index]
                    evidence.append(
                        Evidence(document.id, start, end, "term", norm, 1.0, text[start:end])
                    )
    return tuple(evidence)
