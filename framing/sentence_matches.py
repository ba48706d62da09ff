"""Each sentence's most similar sentences in other outlets, from a sparse candidate product.

The matching step of :mod:`framing.coverage` (see its docstring, step 2): a sparse top-k
search that never holds an ``n x n`` matrix. Split from it because it is a job of its own,
pure linear algebra on TF-IDF rows, and the part that decides how coverage scales.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

__all__ = ["POSTING_CAP", "best_matches"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

POSTING_CAP = 64
"""Most sentences one feature pairs up in the candidate search (see ``_candidate_keys``)."""
_BLOCK_ROWS = 2048
"""Rows of the candidate product computed at once: at most ``POSTING_CAP`` x their weights."""
_PRIME = 2_147_483_647
_MINHASH = ((1_103_515_245, 12_345), (69_069, 1))
_SHIFT = 2_654_435_761


def _minhash_keys(vectors: sparse.csr_matrix) -> tuple[IntArray, IntArray]:
    """Two min-hash values per row: rows with most features in common tend to share them."""
    n = vectors.shape[0]
    columns = vectors.indices.astype(np.int64)
    starts = vectors.indptr[:-1]
    filled = np.diff(vectors.indptr) > 0
    keys = []
    for multiplier, increment in _MINHASH:
        hashed = (columns * multiplier + increment) % _PRIME
        key = np.full(n, _PRIME, dtype=np.int64)
        if filled.any():
            key[filled] = np.minimum.reduceat(hashed, starts[filled])
        keys.append(key)
    return keys[0], keys[1]


def _candidate_keys(vectors: sparse.csr_matrix, cap: int) -> sparse.csr_matrix:
    """The vectors with every feature shared by more than ``cap`` rows split into blocks.

    A feature's rows (its postings) are sorted by the rows' min-hash keys, so sentences that
    share most of their features sit next to each other, and cut into consecutive blocks of
    ``cap`` rows (where the cuts fall is shifted per feature, so two rows cut apart by one
    feature are kept together by the next). Each block becomes a column of its own with the
    original weights. The product of the result with its transpose is then every pair's
    cosine counted over the rare features and over the common features the two rows share a
    block of: exact when no feature is shared by more than ``cap`` rows, a lower bound
    otherwise, and it costs at most ``cap`` multiplications per stored weight.
    """
    n, n_features = vectors.shape
    counts = np.bincount(vectors.indices, minlength=n_features)
    common = counts > cap
    if not common.any():
        return vectors
    key1, key2 = _minhash_keys(vectors)
    coo = vectors.tocoo()
    rows = coo.row.astype(np.int64)
    cols = coo.col.astype(np.int64)
    values = coo.data
    split = common[cols]
    c_rows, c_cols, c_values = rows[split], cols[split], values[split]
    order = np.lexsort((c_rows, key2[c_rows], key1[c_rows], c_cols))
    c_rows, c_cols, c_values = c_rows[order], c_cols[order], c_values[order]
    rank = np.arange(len(c_cols)) - np.searchsorted(c_cols, c_cols, side="left")
    block = (rank + (c_cols * _SHIFT) % cap) // cap
    _, new_col = np.unique(c_cols * (n // cap + 2) + block, return_inverse=True)
    return sparse.csr_matrix(
        (
            np.concatenate([values[~split], c_values]),
            (
                np.concatenate([rows[~split], c_rows]),
                np.concatenate([cols[~split], n_features + new_col]),
            ),
        ),
        shape=(n, n_features + int(new_col.max()) + 1),
    )


def _run_starts(*columns: IntArray) -> NDArray[np.bool_]:
    """True where a run of equal ``columns`` values begins (the columns are sorted)."""
    starts = np.zeros(len(columns[0]), dtype=bool)
    if len(starts):
        starts[0] = True
        for column in columns:
            starts[1:] |= column[1:] != column[:-1]
    return starts


def best_matches(
    vectors: sparse.csr_matrix,
    outlet: IntArray,
    n_outlets: int,
    match_threshold: float,
    high_threshold: float,
    top_k: int,
) -> tuple[IntArray, FloatArray, list[tuple[int, int]]]:
    """Per row: its best row in each other outlet, and its ``top_k`` high neighbours.

    The similarities come from the candidate product of ``_candidate_keys`` (sparse, at most
    ``POSTING_CAP`` entries per stored weight), computed a block of rows at a time and reduced
    at once: per row and other outlet, the most similar row at or above ``match_threshold``
    (ties to the lowest index); per row, up to ``top_k`` rows of other outlets at or above
    ``high_threshold``. No ``n x n`` matrix, dense or sparse, is ever held. Returns
    ``(best_col, best_sim, high_pairs)``; a row with no match in an outlet keeps column -1.
    """
    n = vectors.shape[0]
    keys = sparse.csr_matrix(_candidate_keys(vectors, POSTING_CAP), dtype=np.float32)
    transposed = sparse.csr_matrix(keys.T)
    best_col = np.full((n, n_outlets), -1, dtype=np.int64)
    best_sim = np.zeros((n, n_outlets), dtype=np.float64)
    high: list[tuple[int, int]] = []
    for lo in range(0, n, _BLOCK_ROWS):
        product = (keys[lo : lo + _BLOCK_ROWS] @ transposed).tocoo()
        rows = product.row.astype(np.int64) + lo
        cols = product.col.astype(np.int64)
        sims = product.data.astype(np.float64)
        other = outlet[rows] != outlet[cols]  # an outlet is never matched with itself
        rows, cols, sims = rows[other], cols[other], sims[other]
        found = sims >= match_threshold
        b_rows, b_cols, b_sims = rows[found], cols[found], sims[found]
        b_outlets = outlet[b_cols]
        ranked = np.lexsort((b_cols, -b_sims, b_outlets, b_rows))
        b_rows, b_cols, b_sims, b_outlets = (
            b_rows[ranked],
            b_cols[ranked],
            b_sims[ranked],
            b_outlets[ranked],
        )
        first = _run_starts(b_rows, b_outlets)
        best_col[b_rows[first], b_outlets[first]] = b_cols[first]
        best_sim[b_rows[first], b_outlets[first]] = b_sims[first]
        if top_k <= 0:
            continue
        near = product.data[other] >= np.float32(high_threshold)
        h_rows, h_cols, h_sims = rows[near], cols[near], sims[near]
        ranked = np.lexsort((h_cols, -h_sims, h_rows))
        h_rows, h_cols = h_rows[ranked], h_cols[ranked]
        starts = np.flatnonzero(_run_starts(h_rows))
        rank = np.arange(len(h_rows)) - np.repeat(starts, np.diff(np.r_[starts, len(h_rows)]))
        keep = rank < top_k
        high.extend(zip(h_rows[keep].tolist(), h_cols[keep].tolist(), strict=True))
    return best_col, best_sim, high
