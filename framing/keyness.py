"""Keyness statistics: is a term used more in one body of text than in another, and by how much?

Every function here is pure and vectorised: its arguments are NumPy arrays (or scalars) that
broadcast against each other, so one call scores a whole vocabulary, or a matrix of targets by
terms, at once. The same four numbers describe a term in every function:

- ``a``: the term's count in the target (an outlet, a group of outlets, one side of a pair);
- ``b``: its count in the reference (the rest of the story, or the other outlet of a pair);
- ``c``: the target's total (tokens, or articles when counting the articles that use a term);
- ``d``: the reference's total.

Why two statistics: G2 says whether a difference is larger than chance would give (it grows
with the amount of text), Log Ratio says how large the difference is (it does not). Hardie
(2014) recommends reading them together: a high G2 with a Log Ratio near 0 is a tiny difference
measured on a lot of text.

References
----------
Rayson, P. and Garside, R. (2000). Comparing corpora using frequency profiling. In *Proceedings
of the Workshop on Comparing Corpora*, ACL 2000, 1-6. (The log-likelihood G2, as computed by
Rayson's online calculator, https://ucrel.lancs.ac.uk/llwizard.html.)

Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
Social Science (CASS), Lancaster University. (Log Ratio, with 0.5 standing in for a zero count.)

Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words: lexical feature
selection and evaluation for identifying the content of political conflict. *Political
Analysis* 16(4), 372-403. (The log-odds ratio with an informative Dirichlet prior, eq. 16, 20
and 22.)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import chdtrc, xlogy
from scipy.stats import norm

FloatArray = NDArray[np.float64]

ZERO_COUNT = 0.5
"""What Log Ratio puts in place of a zero count (Hardie 2014), so the ratio stays finite."""


def _floats(*values: ArrayLike) -> list[FloatArray]:
    """Return the arguments as float arrays broadcast to one shape."""
    arrays: tuple[Any, ...] = np.broadcast_arrays(
        *(np.asarray(v, dtype=np.float64) for v in values)
    )
    return list(arrays)


def log_likelihood_g2(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> FloatArray:
    """Return the log-likelihood keyness G2 of each term (Rayson & Garside 2000), 4-term form.

    The 2 x 2 table of a term is: the target uses it ``a`` times out of ``c``, the reference
    ``b`` times out of ``d``; the non-occurrence cells are ``c - a`` and ``d - b``. Expected
    values come from the pooled rate, ``E1 = c (a + b) / (c + d)`` and ``E2 = d (a + b) /
    (c + d)`` for the occurrence cells and ``E3 = c - E1``, ``E4 = d - E2`` for the others, and

        G2 = 2 * sum(O * ln(O / E))  over the four cells, with 0 * ln(0) = 0.

    Why the 4-term form: Rayson's calculator sums only the two occurrence cells, which is close
    to the full statistic while a term is a small share of the text, but overstates it for a
    frequent term; the 4-term sum is the exact G-test of independence on the table, so it can
    be read against a chi-squared distribution with one degree of freedom (3.84 for p < 0.05,
    6.63 for p < 0.01, 10.83 for p < 0.001).

    G2 is never negative and has no direction: read the direction from Log Ratio (or compare
    ``a / c`` with ``b / d``). A side with no text at all (``c + d == 0``) gives 0.

    Parameters
    ----------
    a, b:
        Counts of the term in the target and in the reference (``0 <= a <= c``,
        ``0 <= b <= d``).
    c, d:
        Totals of the target and the reference.

    Examples
    --------
    >>> float(log_likelihood_g2(10, 10, 100, 100))
    0.0
    >>> round(float(log_likelihood_g2(10, 5, 100, 200)), 4)
    7.3298
    """
    a_, b_, c_, d_ = _floats(a, b, c, d)
    total = c_ + d_
    used = a_ + b_
    share = np.divide(used, total, out=np.zeros_like(total), where=total > 0)
    e1, e2 = c_ * share, d_ * share
    observed = (a_, b_, c_ - a_, d_ - b_)
    expected = (e1, e2, c_ - e1, d_ - e2)
    # xlogy(0, x) is 0, which is the 0 * ln 0 = 0 convention; an observed count above 0 always
    # has an expected value above 0 (its row and column totals are both above 0).
    g2 = 2.0 * sum((xlogy(o, o) - xlogy(o, e) for o, e in zip(observed, expected, strict=True)))
    # Rounding leaves tiny negative values where observed equals expected.
    result: FloatArray = np.maximum(np.asarray(g2, dtype=np.float64), 0.0)
    return result


def log_ratio(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> FloatArray:
    """Return Log Ratio (Hardie 2014): the binary log of the ratio of relative frequencies.

        Log Ratio = log2((a / c) / (b / d)),  with a zero ``a`` or ``b`` replaced by 0.5.

    Why it is the effect size beside G2: each point is a doubling, so 1 means the target uses
    the term twice as often (per token, or per article), -1 half as often, 0 as often,
    whatever the amount of text. The 0.5 keeps a term the reference never uses finite (and
    modest: it is the ratio against half an occurrence, not an infinite one); when both counts
    are zero the value is ``log2(d / c)``, which is meaningless and should not be shown.

    A side with a total of 0 has no relative frequency: the result is NaN there.

    Examples
    --------
    >>> float(log_ratio(10, 5, 100, 200))
    2.0
    >>> float(log_ratio(4, 0, 50, 50))
    3.0
    """
    a_, b_, c_, d_ = _floats(a, b, c, d)
    a_ = np.where(a_ == 0, ZERO_COUNT, a_)
    b_ = np.where(b_ == 0, ZERO_COUNT, b_)
    with np.errstate(divide="ignore", invalid="ignore"):
        # One quotient, so a ratio that is a power of two comes out exact.
        ratio = np.log2((a_ * d_) / (b_ * c_))
    result: FloatArray = np.where((c_ > 0) & (d_ > 0), ratio, np.nan)
    return result


def log_odds_dirichlet_totals(
    own: ArrayLike,
    rest: ArrayLike,
    prior: ArrayLike,
    n_own: ArrayLike,
    n_rest: ArrayLike,
    prior_total: ArrayLike,
    *,
    complement: bool = False,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return (delta, variance, z) of the log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), eq. 16, 20 and 22, in natural logs:

        delta = ln((y_i + a_w) / (n_i + a_0 - y_i - a_w))
                - ln((y_j + a_w) / (n_j + a_0 - y_j - a_w))
        variance = 1 / (y_i + a_w) + 1 / (y_j + a_w)
        z = delta / sqrt(variance)

    This is ``framing.statistics.log_odds_dirichlet`` with the totals ``n_i``, ``n_j`` and
    ``a_0`` given explicitly instead of summed from the arrays. Why: the caller scores only the
    terms that can be listed (the vocabulary minus terms too rare to matter), while the totals
    must still count every token; and for article counts, where one article can use many
    terms, ``n_i`` is the number of articles, not a sum over terms. With the totals equal to
    the sums of full vectors the two functions agree.

    All arguments broadcast, so ``own`` and ``rest`` may be a targets x terms matrix with
    ``n_own`` and ``n_rest`` a column of per-target totals.

    ``complement=True`` adds the other half of the log-odds' delta-method variance,
    ``1 / (n_i + a_0 - y_i - a_w) + 1 / (n_j + a_0 - y_j - a_w)``. Eq. 20 leaves it out
    because a word is a tiny share of all tokens, which makes those terms negligible; for the
    share of articles that use a term ("in 4 of 5 articles") they are not, and leaving them
    out would overstate z for widely used terms.

    Parameters
    ----------
    own, rest:
        The term's counts ``y_i`` and ``y_j`` in the two texts compared.
    prior:
        The prior count ``a_w`` of the term (must be above 0).
    n_own, n_rest:
        The totals ``n_i`` and ``n_j`` of the two texts.
    prior_total:
        ``a_0``, the prior counts summed over the whole vocabulary.
    """
    y_i, y_j, alpha, n_i, n_j, alpha0 = _floats(own, rest, prior, n_own, n_rest, prior_total)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_i = np.log(y_i + alpha) - np.log(n_i + alpha0 - y_i - alpha)
        log_j = np.log(y_j + alpha) - np.log(n_j + alpha0 - y_j - alpha)
        delta = log_i - log_j
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        if complement:
            variance = variance + 1.0 / (n_i + alpha0 - y_i - alpha)
            variance = variance + 1.0 / (n_j + alpha0 - y_j - alpha)
        z = delta / np.sqrt(variance)
    return delta, variance, z


def g2_p_value(g2: ArrayLike) -> FloatArray:
    """Return the p-value of G2 keyness: chi-squared with one degree of freedom (a 2 x 2 table).

    Examples
    --------
    >>> round(float(g2_p_value(3.841459)), 4)
    0.05
    """
    # ``chdtrc`` is the function ``chi2.sf`` evaluates, without its per-call checks of the
    # arguments (0.3 ms a call, thousands of calls per report); the values are the same.
    result: FloatArray = chdtrc(1.0, np.maximum(np.asarray(g2, dtype=np.float64), 0.0))
    return result


def two_sided_p(z: ArrayLike) -> FloatArray:
    """Return the two-sided p-value of a z-score under the standard normal distribution.

    Why two-sided: a term is tested for a difference in either direction (an outlet may use a
    word more, or avoid it), and only then listed on the side it favours. ``norm.sf`` keeps
    precision far into the tail, where ``1 - cdf`` would round to 0.

    Examples
    --------
    >>> round(float(two_sided_p(1.959964)), 4)
    0.05
    """
    result: FloatArray = 2.0 * norm.sf(np.abs(np.asarray(z, dtype=np.float64)))
    return result
