"""Token ids (``framing.vocabulary``) change nothing that analyzers compute.

``framing.text.prepare`` numbers every token in a run-wide vocabulary, and lexicon matching
and tone read a batch's ids with one NumPy take instead of looking every norm up. The norm
route stays (for texts prepared by hand, unpickled, or numbered in different vocabularies)
and is the oracle here: both routes must give the same hits and the same tones, on the
bundled corpus, generated articles and hostile text, also when the vocabulary is replaced
part-way through a batch.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import tokens, vocabulary
from framing.analysis import Resources, load_resources
from framing.loading import load_corpus
from framing.matching import BatchHits
from framing.model import Article, Document
from framing.synthetic import generate_articles
from framing.text import prepare
from framing.tokens import token_columns, token_id_columns
from framing.tone import score_tones
from framing.vocabulary import IdTable, TokenArrays, shared_vocabulary
from tests.test_prepare_equivalence import HAZARDS, TOKEN_PARTS, any_text

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


def documents_of(texts: Sequence[str]) -> list[Document]:
    return [
        Document(Article(id=f"a{i}", outlet="o", text=text), prepare(f"a{i}", text))
        for i, text in enumerate(texts)
    ]


def without_ids(documents: Sequence[Document]) -> list[Document]:
    """The same documents as a hand-made ``PreparedText`` has them: no arrays, norms only."""
    return [replace(d, prepared=replace(d.prepared, arrays=None)) for d in documents]


def hit_columns(hits: BatchHits) -> tuple[list[int], ...]:
    return tuple(
        column.tolist()
        for column in (hits.first, hits.last, hits.entry, hits.document, hits.token_offsets)
    )


def tone_columns(documents: Sequence[Document], resources: Resources) -> list[tuple[object, ...]]:
    return [
        (t.compounds, t.word_starts, t.word_ends, t.word_valences)
        for t in score_tones(documents, resources.vader)
    ]


def assert_same_by_ids_and_norms(documents: Sequence[Document], resources: Resources) -> None:
    compiled = resources.compiled
    plain = without_ids(documents)
    for lo in range(0, len(documents), 128):
        batch, oracle = documents[lo : lo + 128], plain[lo : lo + 128]
        assert hit_columns(
            compiled.match_batch([d.prepared for d in batch], [d.article.text for d in batch])
        ) == hit_columns(
            compiled.match_batch([d.prepared for d in oracle], [d.article.text for d in oracle])
        )
        assert tone_columns(batch, resources) == tone_columns(oracle, resources)


def assert_ids_name_the_norms(text: str) -> None:
    starts, ends, norms, ids, numbered, start_array, end_array = token_id_columns(text)
    assert (starts, ends, norms) == token_columns(text)
    for array, column in ((start_array, starts), (end_array, ends)):
        assert array.dtype == np.int64 and array.flags.c_contiguous
        assert array.tolist() == list(column)
    assert ids.dtype == np.int64 and len(ids) == len(norms)
    assert [numbered.norms[i] for i in ids.tolist()] == list(norms)
    for start, end, token_id in zip(starts, ends, ids.tolist(), strict=True):
        assert numbered[text[start:end]] == token_id


@pytest.mark.skipif(not CORPUS.is_dir(), reason="bundled corpus missing")
def test_bundled_corpus_matches_and_scores_the_same_by_ids(resources: Resources) -> None:
    texts = [article.text for article in load_corpus(CORPUS)]
    for text in texts:
        assert_ids_name_the_norms(text)
    documents = documents_of(texts)
    assert shared_vocabulary([d.prepared.arrays for d in documents]) is not None
    assert_same_by_ids_and_norms(documents, resources)


def test_generated_articles_match_and_score_the_same_by_ids(resources: Resources) -> None:
    texts = [record["text"] for record in generate_articles(260, seed=3)]
    documents = documents_of(texts)
    # (the batches are read by ids: they share one vocabulary)
    assert shared_vocabulary([d.prepared.arrays for d in documents]) is not None
    assert_same_by_ids_and_norms(documents, resources)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(any_text, TOKEN_PARTS, st.sampled_from(HAZARDS)), max_size=6))
def test_any_text_has_ids_naming_its_norms(texts: list[str]) -> None:
    for text in texts:
        assert_ids_name_the_norms(text)


def test_a_full_vocabulary_is_replaced_between_articles_only(
    monkeypatch: pytest.MonkeyPatch, resources: Resources
) -> None:
    monkeypatch.setattr(vocabulary, "VOCABULARY_SIZE", 200)
    monkeypatch.setattr(tokens, "_VOCABULARY", [vocabulary.Vocabulary(tokens._norm)])
    texts = [record["text"] for record in generate_articles(40, seed=5, words=60)]
    texts += [article.text[:600] for article in load_corpus(CORPUS)]
    documents = documents_of(texts)
    seen = [d.prepared.arrays.vocabulary for d in documents if d.prepared.arrays is not None]
    assert len(seen) == len(documents) and len({id(v) for v in seen}) > 1
    for document in documents:
        arrays = document.prepared.arrays
        assert arrays is not None and arrays.vocabulary is not None
        names = [arrays.vocabulary.norms[i] for i in arrays.ids.tolist()]
        assert names == list(document.prepared.token_norms)
    # Batches that mix vocabularies are read by their norms; each vocabulary's own are by ids.
    assert_same_by_ids_and_norms(documents, resources)
    first = [
        d
        for d in documents
        if d.prepared.arrays is not None and d.prepared.arrays.vocabulary is seen[0]
    ]
    assert_same_by_ids_and_norms(first, resources)


def test_a_pickled_text_keeps_its_sentences_and_drops_its_ids(resources: Resources) -> None:
    documents = documents_of([record["text"] for record in generate_articles(5, seed=1)])
    copies = pickle.loads(pickle.dumps(documents))
    for document, copy in zip(documents, copies, strict=True):
        assert copy.prepared == document.prepared
        arrays = copy.prepared.arrays
        assert isinstance(arrays, TokenArrays) and arrays.vocabulary is None
        assert arrays.sentence.tolist() == list(document.prepared.token_sentence)
    assert_same_by_ids_and_norms(copies, resources)
    assert hit_columns(
        resources.compiled.match_batch(
            [d.prepared for d in copies], [d.article.text for d in copies]
        )
    ) == hit_columns(
        resources.compiled.match_batch(
            [d.prepared for d in documents], [d.article.text for d in documents]
        )
    )


def test_id_tables_pickle_empty_and_a_vocabulary_not_at_all(resources: Resources) -> None:
    documents = documents_of(["The threat grew. Sanctions followed."] * 30)
    resources.compiled.match_batch([d.prepared for d in documents])
    copy = pickle.loads(pickle.dumps(resources.compiled))
    assert copy._id_rows._vocabulary is None
    assert hit_columns(copy.match_batch([d.prepared for d in documents])) == hit_columns(
        resources.compiled.match_batch([d.prepared for d in documents])
    )
    table = IdTable(lambda norms: np.arange(len(norms), dtype=np.int64))
    arrays = documents[0].prepared.arrays
    assert arrays is not None and arrays.vocabulary is not None
    assert len(table.take(arrays.vocabulary, arrays.ids)) == len(arrays.ids)
    with pytest.raises(TypeError, match="not pickled"):
        pickle.dumps(arrays.vocabulary)
