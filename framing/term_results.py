"""What ``framing.terms.distinctive_terms`` returns: every listed term of every target.

Split from :mod:`framing.terms` (which computes them) so that the report, the tables and the
exports read plain result types without the statistics around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import Evidence

__all__ = ["NOTABLE_Q", "GroupTerms", "OutletTerms", "PairTerms", "TermScore", "TermsResult"]

NOTABLE_Q = 0.05
"""A listed term is ``notable`` when its Benjamini-Hochberg q-value is below this."""


@dataclass(frozen=True, slots=True)
class TermScore:
    """One term of one target, with its raw counts beside every statistic.

    ``count`` and ``count_rest`` are occurrences, or articles using the term when the unit is
    ``"articles"``. ``delta``, ``variance`` and ``z`` are the log-odds statistics (natural
    logs, used for ranking), ``p`` the p-value of the G2 test (chi-squared, one degree of
    freedom) and ``q`` the Benjamini-Hochberg q-value over the story's whole word family.
    ``g2`` is the log-likelihood keyness and ``log_ratio`` its effect size (binary log: 1
    means twice as often). ``notable`` is ``q < NOTABLE_Q`` (a listed term always has
    ``count >= min_count``): the difference survives the story's whole set of comparisons.
    """

    term: str
    n: int
    count: int
    count_rest: int
    tfidf: float
    delta: float
    variance: float
    z: float
    p: float
    q: float
    g2: float
    log_ratio: float
    notable: bool


@dataclass(frozen=True, slots=True)
class OutletTerms:
    """The most distinctive terms of one outlet against the rest of the story.

    ``n_tokens`` and ``n_tokens_rest`` count the words that can be terms (stop words and
    numbers excluded), ``n_articles`` and ``n_articles_rest`` the articles; with
    ``unit="articles"`` the statistics use the article counts as totals. ``too_small`` means
    the outlet or the rest has fewer than ``min_tokens`` counted words, or, counting articles,
    the outlet has fewer than ``min_count`` articles: nothing is listed (nor tested).
    """

    outlet: str
    n_tokens: int
    n_tokens_rest: int
    terms: tuple[TermScore, ...]
    too_small: bool = False
    unit: str = "tokens"
    n_articles: int = 0
    n_articles_rest: int = 0


@dataclass(frozen=True, slots=True)
class GroupTerms:
    """The most distinctive terms of one outlet group against the rest of the story.

    ``outlets`` are the outlets with an article in the group. Articles without a group are
    part of every group's rest. The other fields read as in ``OutletTerms``.
    """

    group: str
    outlets: tuple[str, ...]
    n_tokens: int
    n_tokens_rest: int
    terms: tuple[TermScore, ...]
    too_small: bool = False
    unit: str = "tokens"
    n_articles: int = 0
    n_articles_rest: int = 0


@dataclass(frozen=True, slots=True)
class PairTerms:
    """Two outlets compared with each other only.

    ``a_terms`` are the terms ``a`` uses more than ``b``, scored from ``a``'s side
    (``count`` is ``a``'s, ``count_rest`` is ``b``'s, z > 0); ``b_terms`` the terms ``b``
    uses more than ``a``, scored from ``b``'s side. The two are one test per term, so a term
    is in at most one of them, and ``b_terms`` equal the ``a_terms`` of the pair taken the
    other way round. ``too_small``: either outlet has fewer than ``min_tokens`` counted
    words, or, counting articles, neither has ``min_count`` articles.
    """

    a: str
    b: str
    a_terms: tuple[TermScore, ...]
    b_terms: tuple[TermScore, ...]
    n_tokens_a: int
    n_tokens_b: int
    too_small: bool = False
    unit: str = "tokens"
    n_articles_a: int = 0
    n_articles_b: int = 0


@dataclass(frozen=True, slots=True)
class TermsResult:
    """Distinctive terms per outlet, group and pair, plus every occurrence of a listed term.

    ``by_outlet`` follows ``story.outlets``; ``by_group`` is sorted by group name (empty when
    the story has fewer than two groups); ``pairs`` follows the outlets' order (``a`` before
    ``b``). ``n_tests`` is the size of the word family the q-values were adjusted over.
    ``evidence`` marks a listed term where the side that lists it uses it (the highlight);
    ``contexts`` marks every listed term in *every* article (layer ``context``), so a reader
    can read a term in each outlet, not only where it is distinctive.
    """

    by_outlet: tuple[OutletTerms, ...]
    evidence: tuple[Evidence, ...]
    by_group: tuple[GroupTerms, ...] = ()
    pairs: tuple[PairTerms, ...] = ()
    n_tests: int = 0
    unit: str = "tokens"
    contexts: tuple[Evidence, ...] = ()
