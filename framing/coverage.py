"""Coverage: which claims every outlet reports, which only one reports, which one leaves out.

The sentences of one story are aligned across outlets into *claims*:

1. **Vectors.** Every sentence becomes a TF-IDF vector (scikit-learn) of its content words and
   the bigrams between consecutive content words, read from the shared token norms (the text
   is never tokenised again, so offsets and counts agree with every other analyzer). A content
   word has a letter or digit, is not in ``framing.terms.STOP_WORDS`` and is longer than one
   character unless it is a digit; numbers are kept because figures ("2019", "$2.5 billion",
   "400 km") are what tells one factual claim from another. Term frequency is sublinear and
   the rows are L2-normalised, so a dot product is the cosine similarity.
2. **Matches.** For every sentence we find its most similar sentences in *other* outlets from
   a sparse candidate product (``framing.sentence_matches``): a feature shared by at most
   ``POSTING_CAP`` sentences pairs them all, so while no feature is that common the product
   is the exact cosine of every pair that shares a word; a more common feature is split
   into blocks of ``POSTING_CAP`` sentences (sorted by min-hash, so sentences with most words
   in common land in one block) and only pairs within a block count it. The product is
   reduced a block of rows at a time to each row's best sentence per other outlet and its
   ``top_k`` best overall, so no ``n x n`` matrix is ever held. A pair is a match when the
   two sentences are each other's best match between their two outlets and the similarity
   is at least ``MATCH_THRESHOLD``, or when it is among a sentence's ``top_k`` and at least
   ``HIGH_THRESHOLD`` (near-copies: wire copy reprinted by several outlets, where "best" is
   ambiguous).
3. **Claims.** Connected components (union-find) of matched sentences are claims. A sentence
   nobody else matches is a claim of its own, reported by one outlet (``unique``). Sentences
   with fewer than ``MIN_CONTENT_WORDS`` content words ("Ankara disagreed.") say too little
   to align and are left out of claims.
4. **Results.** The claims x outlets matrix (sentence counts), the unique claims, the
   omissions (a claim that at least half of the story's outlets, and at least
   ``MIN_OMISSION_OUTLETS`` of them, report, and that an outlet leaves out: with only two
   outlets, one reporting something is not "most outlets", and with three or more a claim
   shared by a minority is no norm to leave out), and the placement of every sentence of a
   shared claim in its article: ``lead`` (among the first 3 sentences or the first 20%),
   ``buried`` (in the last third) or ``body``.

How the thresholds were chosen (measured on ``corpora/s400``, whose answer key lists 21 facts
and, per outlet, the facts it includes): pairs of sentences that carry the same key fact in two
outlets have a median cosine of 0.13 (the outlets paraphrase heavily), pairs that carry
different facts have a 95th percentile of 0.056 but a tail up to 0.42. At 0.2, 28% of the
same-fact pairs and 17 of 2,159 different-fact pairs pass; requiring the pair to be a mutual
best match removes most of the latter, so ``MATCH_THRESHOLD = 0.2``: a claim the tool shows as
shared is shared, at the cost of missing heavy paraphrases (the report says "found by word
overlap", never "not reported" without the facts checklist). ``HIGH_THRESHOLD = 0.5`` is where
two sentences share most of their content words; on generated text, sentences built from
different grammar parts stay well below it (see ``tests/test_coverage.py``).

The facts checklist (``--facts``) uses the same vectors; it lives in ``framing.facts``.

**Cost.** The candidate product does at most ``POSTING_CAP`` multiplications per stored
weight, so time and memory grow linearly with the story's sentences (blocks of
``_BLOCK_ROWS`` rows at a time). Stories of ordinary size are aligned exactly: in
``corpora/s400`` the most common feature is in 48 of 283 sentences. The split only changes
results where one feature is in more than 64 sentences, and there it can only miss pairs,
never invent them: the product is a lower bound of the cosine, so every match is a real one.
On the generated text of ``python -m framing.bench_coverage`` (a small grammar, the worst
case: every word is in hundreds of sentences) every pair found has a true cosine of 0.35 or
more, a row's best match found has on average 75-99% of the true best similarity, and time
grows 0.02 / 0.14 / 0.56 s for 10 / 50 / 200 articles (447 / 2,245 / 8,999 sentences);
the dense all-pairs search took 0.015 / 0.11 / 1.3 s.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.model import Document, Evidence, Story
from framing.sentence_matches import best_matches
from framing.terms import STOP_WORDS

__all__ = [
    "HIGH_THRESHOLD",
    "MATCH_THRESHOLD",
    "MIN_CONTENT_WORDS",
    "MIN_OMISSION_OUTLETS",
    "TOP_K",
    "Claim",
    "ClaimSentence",
    "CoverageResult",
    "Omission",
    "Placement",
    "align_coverage",
    "placement_of",
    "sentence_table",
    "story_documents",
    "tfidf_vectorizer",
    "unit_features",
]

MATCH_THRESHOLD = 0.2
"""Least cosine similarity of a mutual-best pair of sentences to count as the same claim."""
HIGH_THRESHOLD = 0.5
"""Cosine similarity at which a pair matches even when it is not a mutual best match."""
TOP_K = 5
"""Neighbours kept per sentence (in other outlets) for the high-threshold matches."""
MIN_CONTENT_WORDS = 3
"""Content words a sentence needs to be aligned into claims."""
MIN_OMISSION_OUTLETS = 3
"""Least number of outlets that must report a claim before another outlet "leaves it out"."""
OMISSION_SHARE = 0.5
"""Least share of the story's outlets that must report a claim before it can be omitted."""
LEAD_SENTENCES = 3
LEAD_SHARE = 0.2
BURIED_SHARE = 2 / 3

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class ClaimSentence:
    """One sentence of a claim, where it stands in its article, and how typical it is.

    ``similarity`` is the sentence's mean cosine similarity to the claim's other sentences
    (0.0 for a claim of one sentence); ``position`` is ``lead``, ``body`` or ``buried``.
    """

    article_id: str
    outlet: str
    index: int
    start: int
    end: int
    text: str
    similarity: float
    position: str


@dataclass(frozen=True, slots=True)
class Claim:
    """Sentences that say the same thing across outlets, found by word overlap."""

    id: str
    sentences: tuple[ClaimSentence, ...]
    outlets: tuple[str, ...]
    representative: ClaimSentence

    @property
    def unique(self) -> bool:
        """Whether only one outlet reports the claim."""
        return len(self.outlets) == 1

    def sentences_of(self, outlet: str) -> tuple[ClaimSentence, ...]:
        return tuple(s for s in self.sentences if s.outlet == outlet)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every sentence as an evidence span (label the claim id, or ``unique``)."""
        label = "unique" if self.unique else self.id
        return tuple(
            Evidence(s.article_id, s.start, s.end, "claim", label, s.similarity or 1.0, s.text)
            for s in self.sentences
        )


@dataclass(frozen=True, slots=True)
class Omission:
    """A claim most outlets report that ``outlet`` leaves out."""

    claim_id: str
    outlet: str


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an outlet put its sentence of a shared claim: ``lead``, ``body`` or ``buried``."""

    claim_id: str
    outlet: str
    article_id: str
    sentence_index: int
    position: str


@dataclass(frozen=True, slots=True)
class CoverageResult:
    """The claims of one story and who reports them.

    ``matrix[c][o]`` is the number of sentences of ``outlets[o]`` in ``claims[c]`` (0: the
    outlet does not report it, as far as word overlap can tell). Shared claims come first, by
    number of outlets, then in text order.
    """

    story_id: str
    outlets: tuple[str, ...]
    claims: tuple[Claim, ...]
    matrix: tuple[tuple[int, ...], ...]
    unique: tuple[str, ...]
    omitted: tuple[Omission, ...]
    placements: tuple[Placement, ...]
    evidence: tuple[Evidence, ...]
    match_threshold: float = MATCH_THRESHOLD
    high_threshold: float = HIGH_THRESHOLD

    @property
    def shared(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims if not claim.unique)


# --- sentences and vectors ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceTable:
    """The story's sentences, flattened: which document, which index, which features."""

    documents: tuple[Document, ...]
    doc: IntArray
    index: IntArray
    outlet: IntArray
    features: list[list[str]]
    n_words: IntArray


def _content_words(norms: Sequence[str]) -> list[str]:
    return [
        norm
        for norm in norms
        if norm not in STOP_WORDS
        and (len(norm) > 1 or norm.isdigit())
        and any(ch.isalnum() for ch in norm)
    ]


def unit_features(norms: Sequence[str]) -> list[str]:
    """The features of one unit (a sentence or a fact) from its token norms."""
    return _features(_content_words(norms))


def _features(words: list[str]) -> list[str]:
    """Unigrams and the bigrams of consecutive content words (stop words skipped, as sklearn)."""
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def story_documents(story: Story | Sequence[Document]) -> tuple[Document, ...]:
    return story.documents if isinstance(story, Story) else tuple(story)


def sentence_table(documents: tuple[Document, ...], outlets: tuple[str, ...]) -> SentenceTable:
    outlet_code = {outlet: code for code, outlet in enumerate(outlets)}
    doc_col: list[int] = []
    index_col: list[int] = []
    outlet_col: list[int] = []
    features: list[list[str]] = []
    n_words: list[int] = []
    for d, document in enumerate(documents):
        prepared = document.prepared
        per_sentence: list[list[str]] = [[] for _ in prepared.sentences]
        for norm, sentence in zip(prepared.token_norms, prepared.token_sentence, strict=False):
            if 0 <= sentence < len(per_sentence):
                per_sentence[sentence].append(norm)
        code = outlet_code[document.article.outlet]
        for i, norms in enumerate(per_sentence):
            words = _content_words(norms)
            doc_col.append(d)
            index_col.append(i)
            outlet_col.append(code)
            features.append(_features(words))
            n_words.append(len(words))
    return SentenceTable(
        documents,
        np.asarray(doc_col, dtype=np.int64),
        np.asarray(index_col, dtype=np.int64),
        np.asarray(outlet_col, dtype=np.int64),
        features,
        np.asarray(n_words, dtype=np.int64),
    )


def _identity(features: list[str]) -> list[str]:
    return features


def tfidf_vectorizer() -> TfidfVectorizer:
    """TF-IDF over precomputed features (the shared norms), sublinear tf, L2 rows."""
    return TfidfVectorizer(
        analyzer=_identity, sublinear_tf=True, norm="l2", dtype=np.float64, lowercase=False
    )


def _pairs(
    outlet: IntArray,
    eligible: NDArray[np.bool_],
    best_col: IntArray,
    best_sim: FloatArray,
    high: list[tuple[int, int]],
    match_threshold: float,
) -> list[tuple[int, int]]:
    """The matched pairs ``(i, j)``, ``i < j``: mutual best above the threshold, or high."""
    pairs: set[tuple[int, int]] = set()
    rows, codes = np.nonzero(best_sim >= match_threshold)
    for i, code in zip(rows.tolist(), codes.tolist(), strict=True):
        j = int(best_col[i, code])
        if i < j and eligible[i] and eligible[j] and best_col[j, outlet[i]] == i:
            pairs.add((i, j))
    for i, j in high:
        if eligible[i] and eligible[j]:
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _components(n: int, pairs: list[tuple[int, int]]) -> IntArray:
    """Union-find: the root of every node, with path halving and union by size."""
    parent = list(range(n))
    size = [1] * n

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if size[ri] < size[rj]:
            ri, rj = rj, ri
        parent[rj] = ri
        size[ri] += size[rj]
    return np.asarray([find(x) for x in range(n)], dtype=np.int64)


def placement_of(index: int, n_sentences: int) -> str:
    """``lead`` (first 3 sentences or first 20%), ``buried`` (last third) or ``body``.

    The lead wins in short articles, where the last third and the first three overlap: a
    reader does see a claim in the third sentence of a four-sentence piece.
    """
    if index < LEAD_SENTENCES or index < LEAD_SHARE * n_sentences:
        return "lead"
    if index >= BURIED_SHARE * n_sentences:
        return "buried"
    return "body"


def _mean_similarity(vectors: sparse.csr_matrix, members: IntArray) -> FloatArray:
    """Each member's mean cosine to the other members, in linear time (x_i . sum - x_i . x_i)."""
    if len(members) < 2:
        return np.zeros(len(members), dtype=np.float64)
    sub = vectors[members]
    total = np.asarray(sub.sum(axis=0)).ravel()
    own = np.asarray(sub.multiply(sub).sum(axis=1)).ravel()
    return np.asarray((sub @ total - own) / (len(members) - 1), dtype=np.float64)


def align_coverage(
    story: Story | Sequence[Document],
    *,
    story_id: str | None = None,
    match_threshold: float = MATCH_THRESHOLD,
    high_threshold: float = HIGH_THRESHOLD,
    top_k: int = TOP_K,
) -> CoverageResult:
    """Align a story's sentences across outlets into claims (see the module docstring)."""
    documents = story_documents(story)
    if story_id is None:
        story_id = story.id if isinstance(story, Story) else ""
    outlets = tuple(dict.fromkeys(doc.article.outlet for doc in documents))
    table = sentence_table(documents, outlets)
    eligible = table.n_words >= MIN_CONTENT_WORDS
    n = len(table.features)
    claims: list[Claim] = []
    if n and eligible.any():
        vectors = sparse.csr_matrix(tfidf_vectorizer().fit_transform(table.features))
        best_col, best_sim, high = best_matches(
            vectors, table.outlet, len(outlets), match_threshold, high_threshold, top_k
        )
        pairs = _pairs(table.outlet, eligible, best_col, best_sim, high, match_threshold)
        roots = _components(n, pairs)
        members_of: dict[int, list[int]] = {}
        for node in np.flatnonzero(eligible).tolist():
            members_of.setdefault(int(roots[node]), []).append(node)
        groups = sorted(
            members_of.values(),
            key=lambda m: (-len({int(table.outlet[x]) for x in m}), -len(m), m[0]),
        )
        for number, members in enumerate(groups, start=1):
            claims.append(_claim(f"c{number}", np.asarray(members), table, vectors, outlets))
    return _result(story_id, outlets, tuple(claims), match_threshold, high_threshold)


def _claim(
    claim_id: str,
    members: IntArray,
    table: SentenceTable,
    vectors: sparse.csr_matrix,
    outlets: tuple[str, ...],
) -> Claim:
    means = _mean_similarity(vectors, members)
    sentences: list[ClaimSentence] = []
    for node, mean in zip(members.tolist(), means.tolist(), strict=True):
        document = table.documents[int(table.doc[node])]
        index = int(table.index[node])
        span = document.prepared.sentences[index]
        sentences.append(
            ClaimSentence(
                article_id=document.id,
                outlet=document.article.outlet,
                index=index,
                start=span.start,
                end=span.end,
                text=document.article.text[span.start : span.end],
                similarity=round(float(mean), 6),
                position=placement_of(index, document.prepared.n_sentences),
            )
        )
    # highest mean similarity; ties go to the earliest sentence (members are in text order)
    best = int(np.argmax(means)) if len(means) else 0
    present = {s.outlet for s in sentences}
    return Claim(
        claim_id,
        tuple(sentences),
        tuple(o for o in outlets if o in present),
        sentences[best],
    )


def _result(
    story_id: str,
    outlets: tuple[str, ...],
    claims: tuple[Claim, ...],
    match_threshold: float,
    high_threshold: float,
) -> CoverageResult:
    matrix = tuple(
        tuple(sum(1 for s in claim.sentences if s.outlet == o) for o in outlets) for claim in claims
    )
    needed = max(MIN_OMISSION_OUTLETS, math.ceil(OMISSION_SHARE * len(outlets)))
    omitted = tuple(
        Omission(claim.id, outlet)
        for claim in claims
        if len(claim.outlets) >= needed
        for outlet in outlets
        if outlet not in claim.outlets
    )
    placements = tuple(
        Placement(claim.id, s.outlet, s.article_id, s.index, s.position)
        for claim in claims
        if not claim.unique
        for s in claim.sentences
    )
    evidence = tuple(item for claim in claims for item in claim.evidence)
    return CoverageResult(
        story_id,
        outlets,
        claims,
        matrix,
        tuple(claim.id for claim in claims if claim.unique),
        omitted,
        placements,
        evidence,
        match_threshold,
        high_threshold,
    )
