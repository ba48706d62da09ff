"""Match every lexicon against the shared tokens in one vectorised pass.

Each distinct token type is resolved once to the set of single-token patterns it satisfies
(exact words and ``stem*`` prefixes); a term of ``k`` patterns starts at token ``i`` when each
pattern is in the set of the token at its offset and its tokens lie in one sentence. The
candidates of a whole batch are found with a few NumPy operations on the tokens' set ids
(``framing.token_patterns``), not a loop per term or per token.

Within one lexicon matches do not overlap: at a position the longest term wins (then the more
specific: exact words before ``*`` patterns), so "missile threat" is counted once, not also as
"threat". A term of weight 0 (a sense guard, "lies ahead") takes part in this and is then
dropped, so it stops the shorter "lies" from counting without counting itself. Different
lexicons match independently: "threat" may be a frame cue and a loaded word.
Overlaps are rare, so only clusters of overlapping candidates are resolved in Python; every
other candidate is kept by array operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from framing.lexicon import Entry, Lexicon
from framing.model import PreparedText
from framing.token_patterns import PatternTables
from framing.tokens import cased_form
from framing.vocabulary import IdTable, shared_vocabulary

IntArray = npt.NDArray[np.int64]

_FEW_TOKENS = 64
"""Below this many tokens ``CompiledLexicons.match`` finds candidates in Python (see there)."""


@dataclass(frozen=True, slots=True)
class Hits:
    """Lexicon hits in one token sequence, column-wise and sorted by (lexicon, first token).

    ``first`` and ``last`` are token indices (inclusive); ``entry`` indexes
    ``CompiledLexicons.entries``. A term listed in two categories gives two hits on one span.
    """

    first: IntArray
    last: IntArray
    entry: IntArray

    def __len__(self) -> int:
        return len(self.first)


_EMPTY = np.zeros(0, dtype=np.int64)
EMPTY_HITS = Hits(_EMPTY, _EMPTY, _EMPTY)


@dataclass(frozen=True, slots=True)
class BatchHits:
    """The lexicon hits of a batch of documents, column-wise, sorted by (document, lexicon,
    first token).

    ``first`` and ``last`` index the batch's tokens: document ``d``'s tokens are numbered
    from ``token_offsets[d]`` (``token_offsets`` ends with the batch's token count);
    ``document`` is each hit's document.
    """

    first: IntArray
    last: IntArray
    entry: IntArray
    document: IntArray
    token_offsets: IntArray

    def __len__(self) -> int:
        return len(self.first)

    def split(self) -> list[Hits]:
        """Each document's hits, numbered within the document (``match_documents``)."""
        n_docs = len(self.token_offsets) - 1
        if not len(self.first):
            return [EMPTY_HITS for _ in range(n_docs)]
        bounds = np.searchsorted(self.document, np.arange(n_docs + 1)).tolist()
        offsets = self.token_offsets.tolist()
        return [
            Hits(
                self.first[lo:hi] - offset,
                self.last[lo:hi] - offset,
                self.entry[lo:hi],
            )
            for lo, hi, offset in zip(bounds, bounds[1:], offsets, strict=False)
        ]


def _order_by(keys: Sequence[IntArray]) -> IntArray:
    """Return ``np.lexsort(keys[::-1])``: the stable order by the first key, then the next...

    Why: the keys are non-negative ints, so they are packed into one int64 (each key times the
    range of those after it) and ordered with one stable ``argsort``, which is the same order
    (the packed keys compare as the tuples do, and ties keep their places as in ``lexsort``)
    and several times faster on a batch's tens of thousands of hits (measured: ``lexsort``
    of three keys ten times slower). When the ranges' product could overflow, ``lexsort``.
    """
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    capacity = 1
    for key in keys:
        size = int(key.max()) + 1
        capacity *= size
        if capacity >= 1 << 62:
            return np.lexsort(tuple(keys)[::-1])
        packed *= size
        packed += key
    return np.argsort(packed, kind="stable")


class CompiledLexicons:
    """Several lexicons compiled once into pattern tables, matched together.

    Compile once per run and share: the type cache grows with the corpus vocabulary, so later
    articles cost one dict lookup per token.
    """

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        entries: list[Entry] = []
        entry_lexicon: list[int] = []
        term_patterns: list[tuple[str, ...]] = []
        term_lexicon: list[int] = []
        term_entries: list[list[int]] = []
        for index, lexicon in enumerate(self.lexicons):
            by_patterns: dict[tuple[str, ...], int] = {}
            for entry in lexicon.entries:
                entry_id = len(entries)
                entries.append(entry)
                entry_lexicon.append(index)
                term = by_patterns.get(entry.patterns)
                if term is None:
                    term = len(term_patterns)
                    by_patterns[entry.patterns] = term
                    term_patterns.append(entry.patterns)
                    term_lexicon.append(index)
                    term_entries.append([])
                term_entries[term].append(entry_id)
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.entry_lexicon = np.asarray(entry_lexicon, dtype=np.int64)
        self.entry_weight = np.asarray([e.weight for e in entries], dtype=np.float64)
        self.entry_category = np.asarray(
            [
                self.lexicons[lex].category_ids.index(e.category)
                for e, lex in zip(entries, entry_lexicon, strict=True)
            ],
            dtype=np.int64,
        )
        # Categories numbered across all lexicons, so one bincount scores every lexicon.
        sizes = [len(lexicon.categories) for lexicon in self.lexicons]
        self.category_offset = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.entry_global_category = self.category_offset[self.entry_lexicon] + self.entry_category
        self.negation_swap = np.arange(int(self.category_offset[-1]), dtype=np.int64)
        for index, lexicon in enumerate(self.lexicons):
            for left, right in lexicon.negation:
                a = int(self.category_offset[index]) + lexicon.category_ids.index(left)
                b = int(self.category_offset[index]) + lexicon.category_ids.index(right)
                self.negation_swap[a], self.negation_swap[b] = b, a
        self.category_ids = tuple(lexicon.category_ids for lexicon in self.lexicons)
        self.lexicon_negates = np.asarray([bool(x.negation) for x in self.lexicons], dtype=bool)
        self._term_lexicon = np.asarray(term_lexicon, dtype=np.int64)
        # A sense guard (weight 0) wins its overlap but is dropped before counting.
        self._term_is_guard = np.asarray(
            [all(entries[e].weight == 0 for e in ids) for ids in term_entries], dtype=bool
        )
        self._has_guards = bool(self._term_is_guard.any())
        counts = np.asarray([len(ids) for ids in term_entries], dtype=np.int64)
        self._term_entry_count = counts
        self._term_entry_start = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self._term_entry_ids = np.asarray(
            [entry_id for ids in term_entries for entry_id in ids], dtype=np.int64
        )

        # Priority among terms starting at one token: longer, then more exact patterns, then
        # longer stems, then file order.
        def priority(term: int) -> tuple[int, int, int, int]:
            patterns = term_patterns[term]
            exact = sum(not p.endswith("*") for p in patterns)
            return (-len(patterns), -exact, -sum(len(p) for p in patterns), term)

        order = sorted(range(len(term_patterns)), key=priority)
        self._term_rank = np.empty(len(term_patterns), dtype=np.int64)
        self._term_rank[order] = np.arange(len(term_patterns))
        self._term_length = np.asarray([len(p) for p in term_patterns], dtype=np.int64)

        sensitive = {i for i, lexicon in enumerate(self.lexicons) if lexicon.case_sensitive}
        self._folded = PatternTables(
            [t for t in range(len(term_patterns)) if term_lexicon[t] not in sensitive],
            term_patterns,
        )
        self._cased = (
            PatternTables(
                [t for t in range(len(term_patterns)) if term_lexicon[t] in sensitive],
                term_patterns,
            )
            if sensitive
            else None
        )
        self._id_rows = IdTable(self._folded.type_rows)

    @property
    def needs_cased_tokens(self) -> bool:
        """Whether a lexicon matches case-sensitively (then ``match`` needs the cased tokens)."""
        return self._cased is not None

    def match(
        self,
        norms: Sequence[str],
        sentence_ids: Sequence[int] | IntArray,
        cased: Sequence[str] | None = None,
    ) -> Hits:
        """Match all lexicons in one token sequence; a term never spans two sentences.

        ``cased`` holds the tokens as written (see ``framing.tokens.cased_form``), needed only
        when a lexicon is case-sensitive.
        """
        if not len(norms) or not self.entries:
            return EMPTY_HITS
        if self._cased is not None and cased is None:
            raise ValueError("a case-sensitive lexicon needs the tokens as written")
        if len(norms) < _FEW_TOKENS:
            # A sentence or a phrase: the array route's fixed cost (a few dozen NumPy calls)
            # is all of the time, and the few candidates are found in Python.
            sentence_list = list(sentence_ids)
            starts, terms = self._folded.few_candidates(norms, sentence_list)
            if self._cased is not None and cased is not None:
                cased_starts, cased_terms = self._cased.few_candidates(cased, sentence_list)
                starts += cased_starts
                terms += cased_terms
            if not starts:
                return EMPTY_HITS
            return self._resolve_overlaps(
                np.asarray(starts, dtype=np.int64), np.asarray(terms, dtype=np.int64)
            )
        sentences = np.asarray(sentence_ids, dtype=np.int64)
        starts_found, terms_found = self._folded.candidates(norms, sentences)
        if self._cased is not None and cased is not None:
            more_starts, more_terms = self._cased.candidates(cased, sentences)
            starts_found += more_starts
            terms_found += more_terms
        if not starts_found:
            return EMPTY_HITS
        return self._resolve_overlaps(np.concatenate(starts_found), np.concatenate(terms_found))

    def _match_rows(self, rows: IntArray, sentences: IntArray) -> Hits:
        """``match`` for case-insensitive lexicons only, of tokens given by their pattern-set
        rows (``PatternTables.type_rows``)."""
        if not len(rows) or not self.entries:
            return EMPTY_HITS
        starts_found, terms_found = self._folded.row_candidates(rows, sentences)
        if not starts_found:
            return EMPTY_HITS
        return self._resolve_overlaps(np.concatenate(starts_found), np.concatenate(terms_found))

    def _resolve_overlaps(self, starts: IntArray, terms: IntArray) -> Hits:
        lexicon = self._term_lexicon[terms]
        order = _order_by((lexicon, starts, self._term_rank[terms]))
        starts, terms, lexicon = starts[order], terms[order], lexicon[order]
        ends = starts + self._term_length[terms] - 1
        # Keys that never collide across lexicons, so one running maximum serves them all.
        stride = int(ends.max()) + 2
        start_key = lexicon * stride + starts
        end_key = lexicon * stride + ends
        reach = np.maximum.accumulate(end_key)
        previous = np.concatenate([[-1], reach[:-1]])
        opens = start_key > previous
        cluster = np.cumsum(opens) - 1
        size = np.bincount(cluster)
        keep = size[cluster] == 1
        crowded = np.flatnonzero(size[cluster] > 1)
        if len(crowded):
            last_end = -1
            current = -1
            for position in crowded.tolist():
                if cluster[position] != current:
                    current = int(cluster[position])
                    last_end = -1
                if start_key[position] > last_end:
                    keep[position] = True
                    last_end = int(end_key[position])
        starts, terms, ends = starts[keep], terms[keep], ends[keep]
        if self._has_guards:
            counted = ~self._term_is_guard[terms]
            starts, terms, ends = starts[counted], terms[counted], ends[counted]
        counts = self._term_entry_count[terms]
        if bool((counts == 1).all()):
            entry = self._term_entry_ids[self._term_entry_start[terms]]
            return Hits(starts, ends, entry)
        base = np.repeat(self._term_entry_start[terms], counts)
        within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        entry = self._term_entry_ids[base + within]
        return Hits(np.repeat(starts, counts), np.repeat(ends, counts), entry)

    def match_documents(
        self, prepared: Sequence[PreparedText], texts: Sequence[str] | None = None
    ) -> list[Hits]:
        """Match a batch of documents together and split the hits back per document
        (sorted by lexicon, then first token, as ``match`` sorts them)."""
        return self.match_batch(prepared, texts).split()

    def match_batch(
        self, prepared: Sequence[PreparedText], texts: Sequence[str] | None = None
    ) -> BatchHits:
        """Match a batch of documents together.

        Batching amortises the fixed cost of each array operation over many documents;
        sentence ids are offset per document so no term spans two documents. ``texts`` (the
        documents' texts) are needed only for case-sensitive lexicons. The hits are sorted by
        document, lexicon and first token; equal keys keep ``match``'s order.
        """
        cased: list[str] | None = None
        if self._cased is not None and prepared:
            if texts is None:
                raise ValueError("a case-sensitive lexicon needs the documents' texts")
            cased = [
                cased_form(text[start:end])
                for document, text in zip(prepared, texts, strict=True)
                for start, end in zip(document.token_starts, document.token_ends, strict=True)
            ]
        token_counts = [text.n_tokens for text in prepared]
        offsets = np.zeros(len(prepared) + 1, dtype=np.int64)
        np.cumsum(token_counts, out=offsets[1:])
        vocabulary = shared_vocabulary([text.arrays for text in prepared])
        if vocabulary is not None and cased is None and offsets[-1] >= _FEW_TOKENS:
            # Every token numbered in one vocabulary: its pattern set is a take from the ids
            # (``IdTable``), with no lookup per token; the candidates are those ``match``
            # finds from the norms (the same rows), so the hits are too.
            arrays = [text.arrays for text in prepared if text.arrays is not None]
            rows = self._id_rows.take(vocabulary, np.concatenate([a.ids for a in arrays]))
            bases = np.cumsum([0] + [max(text.n_sentences, 1) for text in prepared[:-1]])
            sentences = np.concatenate([a.sentence for a in arrays]) + np.repeat(
                bases, token_counts
            )
            hits = self._match_rows(rows, sentences)
        else:
            norms: list[str] = []
            sentence_parts: list[IntArray] = [_EMPTY]
            sentence_offset = 0
            for text in prepared:
                norms.extend(text.token_norms)
                sentence_parts.append(
                    np.asarray(text.token_sentence, dtype=np.int64) + sentence_offset
                )
                sentence_offset += max(text.n_sentences, 1)
            hits = self.match(norms, np.concatenate(sentence_parts), cased)
        if not len(hits):
            return BatchHits(_EMPTY, _EMPTY, _EMPTY, _EMPTY, offsets)
        document = np.searchsorted(offsets, hits.first, side="right") - 1
        order = _order_by((document, self.entry_lexicon[hits.entry], hits.first))
        return BatchHits(
            hits.first[order], hits.last[order], hits.entry[order], document[order], offsets
        )


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry found in a token sequence: tokens ``[first, last]`` inclusive."""

    entry: Entry
    first: int
    last: int


class LexiconMatcher:
    """One lexicon over one token sequence: the simple interface for scripts and tests."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._compiled = CompiledLexicons([lexicon])

    def match(self, norms: Sequence[str], cased: Sequence[str] | None = None) -> list[Match]:
        """Return non-overlapping matches in token order, treating ``norms`` as one sentence
        (``cased``: the tokens as written, for a case-sensitive lexicon)."""
        hits = self._compiled.match(norms, np.zeros(len(norms), dtype=np.int64), cased)
        entries = self._compiled.entries
        found = [
            Match(entries[e], f, last)
            for f, last, e in zip(
                hits.first.tolist(), hits.last.tolist(), hits.entry.tolist(), strict=True
            )
        ]
        found.sort(key=lambda m: (m.first, m.entry.line))
        return found
