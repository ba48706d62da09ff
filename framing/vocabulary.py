"""Number the tokens of a run once, so every analyzer reads them as integer ids.

Why: the tokenizer already looks every token up in a dict (to find its norm), and lexicon
matching and tone each looked every norm up again in a dict of their own, one Python-level
lookup per token and analyzer. Here the tokenizer's one lookup gives the token's id in a
run-wide :class:`Vocabulary` instead (and its norm from the id); an analyzer keeps an array
over the ids (:class:`IdTable`), filled once per new id from the id's norm, and reads a whole
batch with one NumPy take.

Why these ids cannot be misread:

- a vocabulary only grows; when it is full a new one is started *between* articles (never
  in the middle of one), so the ids of one article all belong to one vocabulary, which its
  :class:`TokenArrays` names;
- an analyzer takes ids only when every article of a batch names the same vocabulary as the
  one its table was filled from, and otherwise reads the norms as before;
- ids are meaningless in another process, so they are not pickled: an unpickled
  :class:`TokenArrays` names no vocabulary (its articles are read by their norms).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

VOCABULARY_SIZE = 1 << 16
"""How many distinct tokens (as written) a vocabulary numbers before a new one is started
(about 10 MB with their norms; a news vocabulary's common part)."""

_EMPTY = np.zeros(0, dtype=np.int64)


class Vocabulary(dict[str, int]):
    """Ids by token as written, given in order of first sight; ``norms[id]`` is the norm.

    A dict so that ``map(vocabulary.__getitem__, tokens)`` finds each seen token in C; only a
    new token calls Python (``__missing__``), which computes its norm once.
    """

    def __init__(self, norm: Callable[[str], str]) -> None:
        super().__init__()
        self.norms: list[str] = []
        self._norm = norm

    def __missing__(self, token: str) -> int:
        token_id = self[token] = len(self.norms)
        self.norms.append(self._norm(token))
        return token_id

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("a Vocabulary numbers one process's tokens; it is not pickled")


class TokenArrays:
    """An article's token columns as arrays: each token's sentence, its id in ``vocabulary``
    (``None`` after pickling, see the module docstring) and, when ``prepare`` made them, its
    start and end offsets (``None`` otherwise): batch code takes a batch's offsets from
    these with one NumPy call instead of reading each token's int object again."""

    __slots__ = ("ends", "ids", "sentence", "starts", "vocabulary")

    def __init__(
        self,
        sentence: IntArray,
        ids: IntArray,
        vocabulary: Vocabulary | None,
        starts: IntArray | None = None,
        ends: IntArray | None = None,
    ) -> None:
        self.sentence = sentence
        self.ids = ids
        self.vocabulary = vocabulary
        self.starts = starts
        self.ends = ends

    def __reduce__(self) -> tuple[Any, ...]:
        return (TokenArrays, (self.sentence, _EMPTY, None, self.starts, self.ends))


def shared_vocabulary(arrays: Sequence[TokenArrays | None]) -> Vocabulary | None:
    """The vocabulary every article's ids belong to, or ``None`` when there is no such one."""
    if not arrays or arrays[0] is None:
        return None
    vocabulary = arrays[0].vocabulary
    if vocabulary is None:
        return None
    for item in arrays:
        if item is None or item.vocabulary is not vocabulary:
            return None
    return vocabulary


class IdTable:
    """An analyzer's value for each id of the current vocabulary, as an integer array.

    ``values`` gives the values of a list of norms (called once per new id, with the norms of
    the ids added since the last call); a new vocabulary starts the table afresh.
    """

    def __init__(self, values: Callable[[Sequence[str]], IntArray]) -> None:
        self._values = values
        self._vocabulary: Vocabulary | None = None
        self._table = _EMPTY

    def __reduce__(self) -> tuple[Any, ...]:
        # What it holds is for this process's vocabulary: another process starts afresh.
        return (IdTable, (self._values,))

    def take(self, vocabulary: Vocabulary, ids: IntArray) -> IntArray:
        """Return the value of every id in ``ids`` (ids of ``vocabulary``)."""
        if vocabulary is not self._vocabulary:
            self._vocabulary, self._table = vocabulary, _EMPTY
        known = len(self._table)
        if known < len(vocabulary.norms):
            added = self._values(vocabulary.norms[known:])
            self._table = np.concatenate([self._table, added]) if known else added
        return self._table[ids]
