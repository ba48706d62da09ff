"""The pattern tables' NumPy route finds exactly the candidates of the sparse route it replaced.

``framing.token_patterns.PatternTables`` finds where terms start from each token's pattern-set
id with a few array operations; it replaced a sparse *types x patterns* matrix indexed by the
tokens, one column selection and one elementwise product per term offset. That code is kept
here (``OldPatternTables``) as the oracle: both must give the same set of (start token, term)
pairs on the bundled lexicons over the bundled corpus and generated articles (as one batch, as
``CompiledLexicons.match_batch`` matches), and on random token sequences with overlapping
terms of up to five tokens, stems that nest (a token in two or more patterns) and sentence ids
in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import matching
from framing.analysis import load_resources
from framing.lexicon import Lexicon, parse_lexicon
from framing.loading import load_corpus
from framing.synthetic import generate_articles
from framing.text import prepare
from framing.token_patterns import PatternTables

IntArray = npt.NDArray[np.int64]
CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: framing.matching._PatternTables as it was (type resolution and ``candidates``).


class OldPatternTables:
    """The sparse types x patterns table of some terms, and the candidates they find."""

    def __init__(self, term_ids: Sequence[int], term_patterns: Sequence[tuple[str, ...]]) -> None:
        pattern_ids: dict[str, int] = {}
        for term in term_ids:
            for pattern in term_patterns[term]:
                pattern_ids.setdefault(pattern, len(pattern_ids))
        self._n_patterns = len(pattern_ids)
        self._exact = {p: i for p, i in pattern_ids.items() if not p.endswith("*")}
        self._prefix = {p[:-1]: i for p, i in pattern_ids.items() if p.endswith("*")}
        self._prefix_lengths = tuple(sorted({len(stem) for stem in self._prefix}, reverse=True))
        by_length: dict[int, list[int]] = {}
        for term in term_ids:
            by_length.setdefault(len(term_patterns[term]), []).append(term)
        self._by_length: list[tuple[int, IntArray, list[IntArray]]] = []
        for length in sorted(by_length):
            terms = np.asarray(by_length[length], dtype=np.int64)
            columns = [
                np.asarray(
                    [pattern_ids[term_patterns[t][offset]] for t in by_length[length]],
                    dtype=np.int64,
                )
                for offset in range(length)
            ]
            self._by_length.append((length, terms, columns))
        self._type_row: dict[str, int] = {}
        self._row_patterns: list[list[int]] = [[]]
        self._table: sp.csr_matrix | None = None

    def _resolve(self, norm: str) -> int:
        found: list[int] = []
        exact = self._exact.get(norm)
        if exact is not None:
            found.append(exact)
        for length in self._prefix_lengths:
            if length <= len(norm):
                pattern = self._prefix.get(norm[:length])
                if pattern is not None:
                    found.append(pattern)
        if not found:
            row = 0
        else:
            row = len(self._row_patterns)
            self._row_patterns.append(found)
            self._table = None
        self._type_row[norm] = row
        return row

    def _type_rows(self, norms: Sequence[str]) -> IntArray:
        get = self._type_row.get
        resolve = self._resolve
        rows = [get(norm) for norm in norms]
        if None in rows:
            rows = [
                resolve(norm) if row is None else row for norm, row in zip(norms, rows, strict=True)
            ]
        return np.asarray(rows, dtype=np.int64)

    def _pattern_table(self) -> sp.csr_matrix:
        if self._table is None:
            lengths = [len(p) for p in self._row_patterns]
            indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
            indices = np.asarray([p for ps in self._row_patterns for p in ps], dtype=np.int64)
            data = np.ones(len(indices), dtype=np.int8)
            self._table = sp.csr_matrix(
                (data, indices, indptr), shape=(len(self._row_patterns), self._n_patterns)
            )
        return self._table

    def candidates(
        self, tokens: Sequence[str], sentences: IntArray
    ) -> tuple[list[IntArray], list[IntArray]]:
        starts: list[IntArray] = []
        terms: list[IntArray] = []
        if not self._by_length:
            return starts, terms
        n = len(tokens)
        rows = self._type_rows(tokens)
        if not rows.any():
            return starts, terms
        tokens_x_patterns = self._pattern_table()[rows]
        for length, term_ids, columns in self._by_length:
            if length > n:
                break
            span = n - length + 1
            found = tokens_x_patterns[:span][:, columns[0]]
            for offset in range(1, length):
                if found.nnz == 0:
                    break
                found = found.multiply(
                    tokens_x_patterns[offset : offset + span][:, columns[offset]]
                )
            found = sp.coo_matrix(found)
            if found.nnz == 0:
                continue
            first = found.row.astype(np.int64)
            which = found.col.astype(np.int64)
            if length > 1:
                inside = sentences[first] == sentences[first + length - 1]
                first, which = first[inside], which[inside]
                if not len(first):
                    continue
            starts.append(first)
            terms.append(term_ids[which])
        return starts, terms


# --------------------------------------------------------------------------------------------


def term_patterns(lexicons: Sequence[Lexicon]) -> list[tuple[str, ...]]:
    """The terms as ``CompiledLexicons`` numbers them: distinct patterns within each lexicon."""
    found: list[tuple[str, ...]] = []
    for lexicon in lexicons:
        seen: set[tuple[str, ...]] = set()
        for entry in lexicon.entries:
            if entry.patterns not in seen:
                seen.add(entry.patterns)
                found.append(entry.patterns)
    return found


def pairs(found: tuple[list[IntArray], list[IntArray]]) -> list[tuple[int, int]]:
    starts, terms = found
    if not starts:
        return []
    # Only non-empty arrays are returned (``CompiledLexicons`` takes a maximum of them).
    assert all(len(s) for s in starts)
    return sorted(zip(np.concatenate(starts).tolist(), np.concatenate(terms).tolist(), strict=True))


def assert_same_candidates(
    patterns: Sequence[tuple[str, ...]],
    batches: Sequence[tuple[Sequence[str], IntArray]],
) -> None:
    ids = list(range(len(patterns)))
    old, new = OldPatternTables(ids, patterns), PatternTables(ids, patterns)
    for _ in range(2):  # cold, then with every type resolved
        for norms, sentences in batches:
            assert pairs(new.candidates(norms, sentences)) == pairs(
                old.candidates(norms, sentences)
            )


def batch_of(texts: Sequence[str]) -> tuple[list[str], IntArray]:
    norms: list[str] = []
    sentences: list[IntArray] = [np.zeros(0, dtype=np.int64)]
    offset = 0
    for index, text in enumerate(texts):
        prepared = prepare(str(index), text)
        norms += prepared.token_norms
        sentences.append(np.asarray(prepared.token_sentence, dtype=np.int64) + offset)
        offset += max(prepared.n_sentences, 1)
    return norms, np.concatenate(sentences)


def test_bundled_lexicons_find_the_old_candidates_in_the_bundled_corpus() -> None:
    patterns = term_patterns(load_resources().lexicons)
    texts = [article.text for article in load_corpus(CORPUS)]
    assert_same_candidates(patterns, [batch_of(texts), batch_of(texts[:3]), batch_of(texts[:1])])


def test_bundled_lexicons_find_the_old_candidates_in_generated_articles() -> None:
    patterns = term_patterns(load_resources().lexicons)
    texts = [record["text"] for record in generate_articles(300, seed=7)]
    assert_same_candidates(patterns, [batch_of(texts[i : i + 128]) for i in range(0, 300, 128)])


HEADER = "# name: {name}\n# category: a | A | first\n# category: b | B | second\n"
ROWS = """threat\ta\t1\t
threat*\tb\t1\t
threaten*\ta\t1\t
thr*\tb\t1\t
missile threat\tb\t2\t
missile threat*\ta\t1\t
missile\ta\t1\t
national interest\ta\t1\t
national interest threat\tb\t1\t
national interest threat*\ta\t1\t
the national interest threat*\tb\t1\t
the national interest threat of missile\ta\t1\t
the the\tb\t1\t
sanction*\ta\t1\t
interest\tb\t1\t
interest\ta\t1\t
lies\ta\t1\t
lies ahead\ta\t0\tguard
"""
VOCABULARY = [
    "threat", "threats", "threatening", "threaten", "thr", "three", "missile", "national",
    "interest", "sanction", "sanctioned", "lies", "ahead", "the", "of",
]  # fmt: skip


def _lexicons() -> list[Lexicon]:
    header = "term\tcategory\tweight\tnote\n"
    return [
        parse_lexicon(HEADER.format(name="one") + header + ROWS, "one.tsv"),
        parse_lexicon(
            HEADER.format(name="two") + header + "threat\tb\t1\t\nthe\ta\t1\t\nof the*\ta\t1\t\n",
            "two.tsv",
        ),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=90),
    st.lists(st.integers(min_value=0, max_value=3), max_size=90),
)
def test_random_tokens_find_the_old_candidates(words: list[str], sentence_ids: list[int]) -> None:
    sentences = np.asarray(
        [sentence_ids[i] if i < len(sentence_ids) else 0 for i in range(len(words))],
        dtype=np.int64,
    )
    lexicons = _lexicons()
    for chosen in ([lexicons[0]], lexicons, [lexicons[1]]):
        assert_same_candidates(term_patterns(chosen), [(words, sentences)])


def test_tokens_in_no_pattern_and_no_tokens_find_nothing() -> None:
    patterns = term_patterns(_lexicons())
    ids = list(range(len(patterns)))
    tables = PatternTables(ids, patterns)
    assert tables.candidates([], np.zeros(0, dtype=np.int64)) == ([], [])
    assert tables.candidates(["x", "y"], np.zeros(2, dtype=np.int64)) == ([], [])
    assert PatternTables([], patterns).candidates(["threat"], np.zeros(1, dtype=np.int64)) == (
        [],
        [],
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=3),
            st.integers(min_value=0, max_value=1 << 60),
            st.integers(min_value=0, max_value=5),
        ),
        max_size=60,
    ),
)
def test_packed_order_is_the_lexsort_order(rows: list[tuple[int, int, int]]) -> None:
    """``matching._order_by`` (keys packed into one int64, one stable argsort) orders as
    ``np.lexsort`` did, ties included, and falls back to it where the packing would overflow."""
    columns = [np.asarray([row[k] for row in rows], dtype=np.int64) for k in range(3)]
    for keys in (columns, [columns[0], columns[2]], [columns[2], columns[1], columns[0]]):
        expected = np.lexsort(tuple(keys)[::-1]).tolist()
        assert matching._order_by(keys).tolist() == expected
