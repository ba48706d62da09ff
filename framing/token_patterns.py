"""Find where lexicon terms start in a token sequence: the pattern tables behind
``framing.matching.CompiledLexicons``.

Each distinct token (a norm, or a token as written for a case-sensitive lexicon) is resolved
once to the set of single-token patterns it satisfies (exact words and ``stem*`` prefixes), and
each distinct *set* gets a small id, its row. A token sequence becomes an array of rows (0: no
pattern); a term of patterns ``p0 p1 ...`` starts at token ``i`` when ``p0`` is in the set of
token ``i``, ``p1`` in that of token ``i + 1``, and so on, and its first and last tokens lie in
one sentence.

Why by set, and why plain NumPy: news text has only a few hundred distinct sets (most words
satisfy one exact pattern, a few also a prefix), so everything a set implies is tabled per set
once: its patterns as a padded row, and the single-token terms it completes. Then

- single-token terms (most of the lexicons, and most hits) are a pick from the set's table, no
  product at all;
- a longer term needs its first two patterns on two neighbouring tokens: every pair of
  neighbouring tokens with a pattern each is one key ``p0 * n_patterns + p1``, looked up among
  the terms' first pairs by one binary search; only the few pairs found are checked further,
  offset by offset.

The earlier route (a sparse *types x patterns* matrix indexed by the tokens, one column
selection and one elementwise product per term offset) is kept in
``tests/test_matching_numpy_equivalence.py`` as the oracle: both find the same (start, term)
pairs, in any order (``CompiledLexicons`` sorts them).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_EMPTY = np.zeros(0, dtype=np.int64)


def _ranges(first: IntArray, counts: IntArray) -> IntArray:
    """Return ``first[k], first[k] + 1, ..., first[k] + counts[k] - 1`` for every ``k``, joined."""
    ends = np.cumsum(counts)
    return np.repeat(first - ends + counts, counts) + np.arange(int(ends[-1]) if len(ends) else 0)


class PatternTables:
    """The pattern sets of some terms' tokens, and the candidates they find.

    Case-insensitive lexicons are matched on token norms and case-sensitive ones on the tokens as
    written, so each gets its own tables; term ids stay those of ``CompiledLexicons``.
    """

    def __init__(self, term_ids: Sequence[int], term_patterns: Sequence[tuple[str, ...]]) -> None:
        pattern_ids: dict[str, int] = {}
        for term in term_ids:
            for pattern in term_patterns[term]:
                pattern_ids.setdefault(pattern, len(pattern_ids))
        self._n_patterns = n_patterns = len(pattern_ids)
        self._exact = {p: i for p, i in pattern_ids.items() if not p.endswith("*")}
        self._prefix = {p[:-1]: i for p, i in pattern_ids.items() if p.endswith("*")}
        self._prefix_lengths = tuple(sorted({len(stem) for stem in self._prefix}, reverse=True))
        self._has_terms = bool(term_ids)
        # Terms by their patterns: single-token terms by their pattern, longer ones by their
        # first two patterns (as one key), each with its later patterns padded with -1.
        self._single: dict[int, list[int]] = {}
        pairs: dict[int, list[int]] = {}
        longer: list[tuple[int, ...]] = []
        # Terms by their first pattern, as (term, its patterns), for ``few_candidates``.
        self._by_first: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for term in term_ids:
            patterns = tuple(pattern_ids[p] for p in term_patterns[term])
            self._by_first.setdefault(patterns[0], []).append((term, patterns))
            if len(patterns) == 1:
                self._single.setdefault(patterns[0], []).append(term)
            else:
                pairs.setdefault(patterns[0] * n_patterns + patterns[1], []).append(len(longer))
                longer.append((term, *patterns))
        self._openers = {t[1] for t in longer}
        self._seconds = {t[2] for t in longer}
        width = max((len(t) for t in longer), default=1)
        padded = np.full((len(longer), width), -1, dtype=np.int64)
        for index, row in enumerate(longer):
            padded[index, : len(row)] = row
        self._long_term = padded[:, 0]
        self._long_patterns = padded[:, 1:]
        self._long_length = (padded[:, 1:] >= 0).sum(axis=1).astype(np.int64)
        keys = sorted(pairs)
        self._pair_keys = np.asarray(keys, dtype=np.int64)
        counts = [len(pairs[key]) for key in keys]
        self._pair_count = np.asarray(counts, dtype=np.int64)
        self._pair_first = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self._pair_longs = np.asarray([i for key in keys for i in pairs[key]], dtype=np.int64)
        # Type cache: token -> row, the id of its pattern set (0: the empty set).
        self._type_row: dict[str, int] = {}
        self._set_row: dict[tuple[int, ...], int] = {(): 0}
        self._row_patterns: list[tuple[int, ...]] = [()]
        self._arrays: _RowArrays | None = None

    # -- type resolution ------------------------------------------------------------------

    def _resolve(self, norm: str) -> int:
        """Find the pattern set of one new token type; remember its row."""
        found: list[int] = []
        exact = self._exact.get(norm)
        if exact is not None:
            found.append(exact)
        for length in self._prefix_lengths:
            if length <= len(norm):
                pattern = self._prefix.get(norm[:length])
                if pattern is not None:
                    found.append(pattern)
        patterns = tuple(found)
        row = self._set_row.get(patterns)
        if row is None:
            row = self._set_row[patterns] = len(self._row_patterns)
            self._row_patterns.append(patterns)
            self._arrays = None
        self._type_row[norm] = row
        return row

    def type_rows(self, norms: Sequence[str]) -> IntArray:
        """Return the row (pattern set id) of every token, resolving new types once each."""
        get = self._type_row.get
        rows = [get(norm) for norm in norms]
        if None in rows:
            for norm in dict.fromkeys(n for n, row in zip(norms, rows, strict=True) if row is None):
                self._resolve(norm)
            rows = [get(norm) for norm in norms]
        return np.asarray(rows, dtype=np.int64)

    def row_patterns(self, row: int) -> tuple[int, ...]:
        """The pattern ids of a row's set."""
        return self._row_patterns[row]

    def _row_arrays(self) -> _RowArrays:
        if self._arrays is None:
            self._arrays = _RowArrays(
                self._row_patterns, self._single, self._openers, self._seconds
            )
        return self._arrays

    # -- candidates -----------------------------------------------------------------------

    def few_candidates(
        self, tokens: Sequence[str], sentences: Sequence[int]
    ) -> tuple[list[int], list[int]]:
        """``candidates`` for a few tokens, found in Python: the same (start token, term) pairs.

        A term starts at token ``i`` when each of its patterns is in the pattern set of the
        token at its offset and its first and last tokens lie in one sentence, as
        ``candidates`` checks.
        """
        starts: list[int] = []
        terms: list[int] = []
        if not self._has_terms:
            return starts, terms
        rows = self.type_rows(tokens).tolist()
        row_patterns = self._row_patterns
        n = len(tokens)
        for i, row in enumerate(rows):
            if not row:
                continue
            for first in row_patterns[row]:
                for term, patterns in self._by_first.get(first, ()):
                    last = i + len(patterns) - 1
                    if last >= n or sentences[i] != sentences[last]:
                        continue
                    if all(
                        patterns[offset] in row_patterns[rows[i + offset]]
                        for offset in range(1, len(patterns))
                    ):
                        starts.append(i)
                        terms.append(term)
        return starts, terms

    def candidates(
        self, tokens: Sequence[str], sentences: IntArray
    ) -> tuple[list[IntArray], list[IntArray]]:
        """Every (start token, term) where a term's patterns match consecutive tokens."""
        if not self._has_terms:
            return [], []
        return self.row_candidates(self.type_rows(tokens), sentences)

    def row_candidates(
        self, rows: IntArray, sentences: IntArray
    ) -> tuple[list[IntArray], list[IntArray]]:
        """``candidates`` of tokens given by their rows (``type_rows``)."""
        starts: list[IntArray] = []
        terms: list[IntArray] = []
        present = np.flatnonzero(rows)
        if not len(present) or not self._has_terms:
            return starts, terms
        arrays = self._row_arrays()
        present_rows = rows[present]
        # Single-token terms: each set's own list.
        counts = arrays.single_count[present_rows]
        if counts.any():  # (only non-empty arrays are returned)
            if int(counts.max()) == 1:
                found = counts == 1
                starts.append(present[found])
                terms.append(arrays.single_terms[arrays.single_first[present_rows[found]]])
            else:
                starts.append(np.repeat(present, counts))
                terms.append(
                    arrays.single_terms[_ranges(arrays.single_first[present_rows], counts)]
                )
        if not len(self._pair_keys):
            return starts, terms
        # Longer terms: neighbouring tokens whose sets hold a first and a second pattern of
        # some longer term, looked up by each pair of those patterns.
        n = len(rows)
        first = np.flatnonzero(arrays.opens[rows[:-1]] & arrays.continues[rows[1:]])
        if not len(first):
            return starts, terms
        left, right = rows[first], rows[first + 1]
        slots = arrays.slots
        if arrays.wide[left].any() or arrays.wide[right].any():
            # Some set holds two patterns or more: every pair of their patterns.
            lefts, rights = slots[left], slots[right]
            keys = lefts[:, :, None] * self._n_patterns + rights[:, None, :]
            valid = (lefts[:, :, None] >= 0) & (rights[:, None, :] >= 0)
            shape = keys.shape
            pair_start = np.broadcast_to(first[:, None, None], shape)[valid]
            keys = keys[valid]
        else:
            keys = slots[left, 0] * self._n_patterns + slots[right, 0]
            pair_start = first
        at = np.searchsorted(self._pair_keys, keys)
        at[at == len(self._pair_keys)] = 0
        hit = self._pair_keys[at] == keys
        if not hit.any():
            return starts, terms
        at, pair_start = at[hit], pair_start[hit]
        counts = self._pair_count[at]
        start = np.repeat(pair_start, counts)
        long = self._pair_longs[_ranges(self._pair_first[at], counts)]
        length = self._long_length[long]
        for offset in range(2, int(length.max())):
            # Terms this long must satisfy their pattern at this offset; shorter ones are done.
            check = np.flatnonzero(length > offset)
            position = start[check] + offset
            inside = position < n
            member = np.zeros(len(check), dtype=bool)
            wanted = self._long_patterns[long[check[inside]], offset]
            member[inside] = (slots[rows[position[inside]]] == wanted[:, None]).any(axis=1)
            keep = np.ones(len(start), dtype=bool)
            keep[check[~member]] = False
            start, long, length = start[keep], long[keep], length[keep]
        same = sentences[start] == sentences[start + length - 1]
        if same.any():
            starts.append(start[same])
            terms.append(self._long_term[long[same]])
        return starts, terms


class _RowArrays:
    """What each pattern set (row) implies, as arrays indexed by row: its patterns padded with
    -1 (``slots``) and the single-token terms it completes (``single_*``, a flat list with
    each row's first index and count). Rebuilt when a new set appears (rare: sets repeat)."""

    def __init__(
        self,
        row_patterns: Sequence[tuple[int, ...]],
        single: dict[int, list[int]],
        openers: set[int],
        seconds: set[int],
    ) -> None:
        width = max(1, max(len(p) for p in row_patterns))
        self.slots = np.full((len(row_patterns), width), -1, dtype=np.int64)
        terms: list[int] = []
        first: list[int] = []
        count: list[int] = []
        for row, patterns in enumerate(row_patterns):
            self.slots[row, : len(patterns)] = patterns
            first.append(len(terms))
            for pattern in patterns:
                terms += single.get(pattern, ())
            count.append(len(terms) - first[-1])
        self.single_terms = np.asarray(terms, dtype=np.int64) if terms else _EMPTY
        # Whether a set holds more than one pattern, the first pattern of a longer term, or its
        # second: a longer term can start only where a set of the first kind is followed by
        # one of the second.
        self.wide: BoolArray = np.asarray((self.slots[:, 1:] >= 0).any(axis=1), dtype=bool)
        self.opens: BoolArray = np.asarray(np.isin(self.slots, list(openers)).any(axis=1))
        self.continues: BoolArray = np.asarray(np.isin(self.slots, list(seconds)).any(axis=1))
        self.single_first = np.asarray(first, dtype=np.int64)
        self.single_count = np.asarray(count, dtype=np.int64)
