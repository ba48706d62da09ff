"""Prepare an article's text once: sentences and tokens with offsets, shared by every analyzer.

This module is the façade: sentence splitting lives in ``framing.sentences`` and tokenization
in ``framing.tokens``; ``prepare`` combines them into a ``PreparedText``.
"""

from __future__ import annotations

import numpy as np

from framing.model import PreparedText, Span
from framing.sentences import split_sentences
from framing.tokens import normalize_token, tokenize

__all__ = ["normalize_token", "prepare", "split_sentences", "tokenize"]


def assign_sentences(sentences: list[Span], token_starts: list[int]) -> list[int]:
    """Return, for each token start, the index of the sentence that contains it.

    Why a binary search: both lists are sorted, so ``searchsorted`` finds every token's
    sentence in one vectorised call instead of a loop over tokens and sentences. A token
    before the first sentence (which ``split_sentences`` never leaves) would get index 0.
    """
    if not token_starts:
        return []
    sentence_starts = np.fromiter((span.start for span in sentences), dtype=np.int64)
    positions = np.searchsorted(sentence_starts, np.asarray(token_starts, dtype=np.int64), "right")
    indices: list[int] = np.maximum(positions - 1, 0).tolist()
    return indices


def prepare(article_id: str, text: str) -> PreparedText:
    """Split ``text`` into sentences and tokens and record which sentence holds each token.

    Examples
    --------
    >>> prepared = prepare("a1", "The U.S. has warned Turkey. Ankara bought it anyway.")
    >>> prepared.n_sentences, prepared.n_tokens
    (2, 9)
    >>> prepared.token_norms[:2], prepared.token_sentence[-1]
    (('the', 'u.s.'), 1)
    """
    sentences = split_sentences(text)
    starts, ends, norms = tokenize(text)
    return PreparedText(
        article_id=article_id,
        sentences=tuple(sentences),
        token_starts=tuple(starts),
        token_ends=tuple(ends),
        token_norms=tuple(norms),
        token_sentence=tuple(assign_sentences(sentences, starts)),
    )
