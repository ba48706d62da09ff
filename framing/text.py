"""Prepare an article's text once: sentences and tokens with offsets, shared by every analyzer.

This module is the façade: sentence splitting lives in ``framing.sentences`` and tokenization
in ``framing.tokens``; ``prepare`` combines them into a ``PreparedText``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import chain, repeat
from operator import attrgetter, sub

from framing.model import PreparedText, Span
from framing.sentences import split_sentences
from framing.tokens import normalize_token, token_columns, tokenize

__all__ = ["normalize_token", "prepare", "split_sentences", "tokenize"]


def assign_sentences(sentences: Sequence[Span], token_starts: Sequence[int]) -> list[int]:
    """Return, for each token start, the index of the sentence that contains it.

    That is the last sentence starting at or before the token (0 for a token before the first
    sentence, which ``split_sentences`` never leaves). Why per sentence rather than per token:
    both are sorted, so one binary search per sentence start finds where its tokens begin, and
    the indices are then repeated runs (a few dozen searches instead of a few hundred, and no
    NumPy arrays to build for so few items; measured: three times faster than ``searchsorted``).
    """
    if not token_starts:
        return []
    if not sentences:
        return [0] * len(token_starts)
    # firsts[i]: how many tokens start before sentence i + 1, so tokens firsts[i - 1] to
    # firsts[i] - 1 belong to sentence i (bisect_left: a token starting exactly at a sentence's
    # start belongs to that sentence).
    firsts = list(map(bisect_left, repeat(token_starts), map(attrgetter("start"), sentences[1:])))
    firsts.append(len(token_starts))
    counts = map(sub, firsts, [0, *firsts[:-1]])
    return list(chain.from_iterable(map(repeat, range(len(sentences)), counts)))


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
    starts, ends, norms = token_columns(text)
    return PreparedText(
        article_id=article_id,
        sentences=tuple(sentences),
        token_starts=starts,
        token_ends=ends,
        token_norms=norms,
        token_sentence=tuple(assign_sentences(sentences, starts)),
    )
