"""Statistics shared by the analyzers."""

from __future__ import annotations

import numpy as np


def log_odds_dirichlet(
    counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (delta, variance, z) of group i against group j, per term.

    Monroe, Colaresi & Quinn (2008): eq. 16 (delta with prior alpha), eq. 20 (its approximate
    variance) and eq. 22 (z = delta / sqrt(variance)).
    """
    alpha0 = prior.sum()
    n_i, n_j = counts_i.sum(), counts_j.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        log_i = np.log(counts_i + prior) - np.log(n_i + alpha0 - counts_i - prior)
        log_j = np.log(counts_j + prior) - np.log(n_j + alpha0 - counts_j - prior)
        delta = log_i - log_j
        variance = 1.0 / (counts_i + prior) + 1.0 / (counts_j + prior)
        z = delta / np.sqrt(variance)
    return delta, variance, z
