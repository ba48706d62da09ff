"""Coverage alignment: claims across outlets, omissions, placement, and the facts checklist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scipy import sparse

import framing.coverage as coverage
import framing.sentence_matches as sentence_matches
from framing.analysis import prepare_document
from framing.coverage import align_coverage, placement_of
from framing.facts import check_facts
from framing.loading import load_corpus
from framing.model import Article, Document, Story
from framing.stories import group_stories
from framing.synthetic import generate_articles

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

FILLER = [
    "The weather in the capital stayed mild throughout the afternoon.",
    "Local football supporters gathered outside the stadium before kickoff.",
    "A bakery on the main square introduced a seasonal pastry menu.",
    "Commuters reported delays on the northern railway line again.",
    "The museum extended opening hours for the painting exhibition.",
    "Farmers expect a strong harvest of apples and pears this autumn.",
    "A new cycling lane opened along the river embankment downtown.",
    "Students prepared for examinations in chemistry and literature.",
]
OTHER_FILLER = [
    "A violinist performed sonatas at the concert hall on Sunday evening.",
    "The zoo welcomed two penguin chicks born in early spring.",
    "Hikers cleared litter from the mountain trail over the weekend.",
    "The library began lending telescopes to families with children.",
    "A chess tournament attracted players from twelve villages nearby.",
    "Gardeners planted tulips and daffodils along the city boulevard.",
    "The ferry timetable changed because of repairs at the pier.",
    "A baker won the regional prize for sourdough loaves and rye.",
]


def _doc(article_id: str, outlet: str, sentences: list[str]) -> Document:
    return prepare_document(Article(article_id, outlet, " ".join(sentences), story="t"))


def _story(*documents: Document) -> Story:
    return Story("t", tuple(documents))


def test_same_claim_in_different_words_is_one_claim_and_unrelated_sentence_is_unique() -> None:
    a = _doc(
        "a1",
        "Alpha",
        [
            "Turkey signed a contract to buy Russian missile batteries worth 2.5 billion dollars.",
            "The harbour festival drew crowds of tourists with fireworks and music.",
        ],
    )
    b = _doc(
        "b1",
        "Beta",
        [
            "Ankara agreed to purchase Russian missile batteries for about 2.5 billion dollars.",
            "Parliament debated a pension reform bill late into the night.",
        ],
    )
    result = align_coverage(_story(a, b))
    shared = result.shared
    assert len(shared) == 1
    claim = shared[0]
    assert claim.outlets == ("Alpha", "Beta")
    assert {(s.article_id, s.index) for s in claim.sentences} == {("a1", 0), ("b1", 0)}
    assert claim.representative in claim.sentences
    # the unrelated sentences match nothing: each is a claim of its own outlet
    unique = [c for c in result.claims if c.unique]
    assert len(unique) == 2
    assert {c.outlets for c in unique} == {("Alpha",), ("Beta",)}
    assert set(result.unique) == {c.id for c in unique}
    row = result.claims.index(claim)
    assert result.matrix[row] == (1, 1)
    # evidence: every sentence of a claim, labelled with the claim id or "unique"
    labels = {(e.article_id, e.label) for e in result.evidence}
    assert ("a1", claim.id) in labels and ("b1", claim.id) in labels
    assert sum(e.label == "unique" for e in result.evidence) == 2
    assert all(e.layer == "claim" for e in result.evidence)
    for e in result.evidence:
        text = (a if e.article_id == "a1" else b).article.text
        assert text[e.start : e.end] == e.text


def test_unrelated_sentences_do_not_match() -> None:
    a = _doc("a1", "Alpha", FILLER[:4])
    b = _doc("b1", "Beta", FILLER[4:])
    result = align_coverage(_story(a, b))
    assert result.shared == ()
    assert len(result.unique) == 8


def test_generated_sentences_from_different_grammar_parts_do_not_match() -> None:
    """Calibration check for the thresholds: sentences sharing only an actor stay apart."""
    a = _doc("a1", "Alpha", ["Mr. Okafor warned that the radar network kept options open."])
    b = _doc("b1", "Beta", ["Mr. Okafor noted that the sanctions law was not a good idea."])
    assert align_coverage(_story(a, b)).shared == ()


CLAIM = [
    "Deliveries of the missile system to Turkey will begin in 2019 and continue into 2020.",
    "The first missile batteries reach Turkey in 2019, with remaining deliveries in 2020.",
    "Turkey expects missile system deliveries starting in 2019 and finishing in 2020.",
]


def test_claim_three_outlets_report_is_omitted_by_the_fourth() -> None:
    docs = [
        _doc("a1", "Alpha", [CLAIM[0], FILLER[0]]),
        _doc("b1", "Beta", [CLAIM[1], FILLER[1]]),
        _doc("c1", "Gamma", [CLAIM[2], FILLER[2]]),
        _doc("d1", "Delta", [FILLER[3], FILLER[4]]),
    ]
    result = align_coverage(_story(*docs))
    (claim,) = result.shared
    assert claim.outlets == ("Alpha", "Beta", "Gamma")
    assert result.omitted == (coverage.Omission(claim.id, "Delta"),)
    assert result.matrix[result.claims.index(claim)] == (1, 1, 1, 0)


def test_no_omission_with_only_two_reporting_outlets() -> None:
    docs = [
        _doc("a1", "Alpha", [CLAIM[0]]),
        _doc("b1", "Beta", [CLAIM[1]]),
        _doc("d1", "Delta", [FILLER[3]]),
    ]
    result = align_coverage(_story(*docs))
    assert len(result.shared) == 1
    assert result.omitted == ()


def test_lead_versus_buried_placement() -> None:
    a = _doc("a1", "Alpha", [CLAIM[0], *FILLER])
    b = _doc("b1", "Beta", [*OTHER_FILLER, CLAIM[1]])
    result = align_coverage(_story(a, b))
    (claim,) = result.shared
    places = {(p.outlet, p.sentence_index, p.position) for p in result.placements}
    assert places == {("Alpha", 0, "lead"), ("Beta", 8, "buried")}
    assert [p.claim_id for p in result.placements] == [claim.id, claim.id]


@pytest.mark.parametrize(
    ("index", "n", "expected"),
    [
        (0, 30, "lead"),
        (2, 30, "lead"),
        (5, 30, "lead"),
        (6, 30, "body"),
        (19, 30, "body"),
        (20, 30, "buried"),
        (29, 30, "buried"),
        (3, 4, "buried"),
        (2, 4, "lead"),
    ],
)
def test_placement_rule(index: int, n: int, expected: str) -> None:
    assert placement_of(index, n) == expected


# --- hostile input ---------------------------------------------------------------------------


def test_empty_story_and_empty_articles() -> None:
    assert align_coverage(_story()).claims == ()
    empty = prepare_document(Article("e1", "Alpha", "", story="t"))
    blank = prepare_document(Article("e2", "Beta", "   \n\n  ", story="t"))
    result = align_coverage(_story(empty, blank))
    assert result.claims == () and result.outlets == ("Alpha", "Beta")
    facts = check_facts({"f": "Turkey buys missiles."}, _story(empty, blank))
    assert [m.included for m in facts.matches] == [False, False]
    assert facts.matches[0].evidence is None


def test_one_outlet_only_has_no_shared_claims() -> None:
    a = _doc("a1", "Alpha", [CLAIM[0], CLAIM[1]])
    a2 = _doc("a2", "Alpha", [CLAIM[2]])
    result = align_coverage(_story(a, a2))
    assert result.shared == () and result.omitted == ()
    assert all(c.outlets == ("Alpha",) for c in result.claims)


def test_identical_articles_match_sentence_by_sentence() -> None:
    text = [CLAIM[0], *FILLER[:5]]
    docs = [_doc(f"{o}1", o, text) for o in ("Alpha", "Beta", "Gamma")]
    result = align_coverage(_story(*docs))
    assert len(result.claims) == 6
    assert all(c.outlets == ("Alpha", "Beta", "Gamma") for c in result.claims)
    assert all(len(c.sentences) == 3 for c in result.claims)
    assert result.unique == () and result.omitted == ()


def test_stop_words_and_punctuation_only() -> None:
    a = _doc("a1", "Alpha", ["It is what it is.", "!!!"])
    b = _doc("b1", "Beta", ["It is what it is."])
    assert align_coverage(_story(a, b)).claims == ()


# --- scale: no dense n x n matrix ------------------------------------------------------------


def _generated_story(n: int) -> Story:
    docs = [
        prepare_document(
            Article(str(r["id"]), str(r["outlet"]), str(r["text"]), story="g", date=str(r["date"]))
        )
        for r in generate_articles(n, seed=3, words=450, stories=1)
    ]
    return Story("g", tuple(docs))


def _brute_force_best(
    vectors: sparse.csr_matrix, outlet: Any, n_outlets: int, threshold: float
) -> dict[tuple[int, int], int]:
    """Every row's best row per other outlet at or above ``threshold``, from the dense square."""
    dense = (vectors @ vectors.T).toarray()
    best: dict[tuple[int, int], int] = {}
    for i in range(dense.shape[0]):
        for code in range(n_outlets):
            if code == outlet[i]:
                continue
            columns = [j for j in range(dense.shape[0]) if outlet[j] == code]
            if not columns:
                continue
            j = max(columns, key=lambda c: (round(float(dense[i, c]), 5), -c))
            if dense[i, j] >= threshold:
                best[(i, code)] = j
    return best


def _story_vectors(story: Story) -> tuple[sparse.csr_matrix, Any, int]:
    outlets = tuple(dict.fromkeys(d.article.outlet for d in story.documents))
    table = coverage.sentence_table(story.documents, outlets)
    vectors = sparse.csr_matrix(coverage.tfidf_vectorizer().fit_transform(table.features))
    return vectors, table.outlet, len(outlets)


def test_candidate_search_is_exact_while_no_feature_passes_the_cap() -> None:
    story = _generated_story(8)
    vectors, outlet, n_outlets = _story_vectors(story)
    assert int(sparse.csc_matrix(vectors).getnnz(axis=0).max()) <= sentence_matches.POSTING_CAP
    best_col, _, _ = sentence_matches.best_matches(vectors, outlet, n_outlets, 0.2, 0.5, 5)
    expected = _brute_force_best(vectors, outlet, n_outlets, 0.2)
    found = {
        (i, code): int(best_col[i, code])
        for i in range(best_col.shape[0])
        for code in range(n_outlets)
        if best_col[i, code] >= 0
    }
    assert found.keys() == expected.keys()
    differ = [key for key in found if found[key] != expected[key]]
    # a different choice is only allowed between rows of (float32-)equal similarity
    dense = (vectors @ vectors.T).toarray()
    for i, code in differ:
        assert abs(dense[i, found[(i, code)]] - dense[i, expected[(i, code)]]) < 1e-5


def test_common_features_are_split_so_the_work_per_weight_is_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above the cap the search is approximate: what it finds is real, and its work bounded."""
    story = _generated_story(40)
    vectors, outlet, n_outlets = _story_vectors(story)
    monkeypatch.setattr(sentence_matches, "POSTING_CAP", 16)
    keys = sentence_matches._candidate_keys(vectors, 16)
    assert int(sparse.csc_matrix(keys).getnnz(axis=0).max()) <= 16
    assert keys.nnz == vectors.nnz  # every weight kept, only moved to a block column
    product = keys @ keys.T
    assert product.nnz <= 16 * vectors.nnz
    exact = (vectors @ vectors.T).toarray()
    assert (product.toarray() <= exact + 1e-9).all()  # a lower bound of the cosine
    best_col, best_sim, high = sentence_matches.best_matches(
        vectors, outlet, n_outlets, 0.2, 0.5, 5
    )
    rows, codes = (best_col >= 0).nonzero()
    assert len(rows) > 0.5 * vectors.shape[0]
    found = exact[rows, best_col[rows, codes]]
    assert (found >= 0.2 - 1e-6).all()
    assert (best_sim[rows, codes] <= found + 1e-6).all()
    assert all(exact[i, j] >= 0.5 - 1e-6 for i, j in high)


def test_large_story_is_aligned(monkeypatch: pytest.MonkeyPatch) -> None:
    story = _generated_story(90)
    assert sum(d.prepared.n_sentences for d in story.documents) >= 2000
    largest: list[int] = []
    original = sparse.csr_matrix.toarray

    def watched(self: sparse.csr_matrix, *args: Any, **kwargs: Any) -> Any:
        largest.append(self.shape[0] * self.shape[1])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(sparse.csr_matrix, "toarray", watched)
    result = align_coverage(story)
    assert result.shared and len(result.claims) > 10
    assert not largest  # nothing is made dense
    for claim in result.shared:
        assert len(claim.outlets) >= 2


# --- s400 ----------------------------------------


@pytest.fixture(scope="module")
def s400() -> tuple[Story, dict[str, Any]]:
    key: dict[str, Any] = json.loads((CORPUS / "answer_key.json").read_text(encoding="utf-8"))
    (story,) = group_stories(prepare_document(a) for a in load_corpus(CORPUS))
    return story, key


def test_s400_alignment_finds_shared_claims(s400: tuple[Story, dict[str, Any]]) -> None:
    story, _ = s400
    result = align_coverage(story)
    assert result.story_id == "s400"
    assert len(result.shared) >= 10
    # the CAATSA sanctions law is reported in several outlets in different words
    caatsa = [
        c
        for c in result.shared
        if any("Adversaries Through Sanctions" in s.text for s in c.sentences)
    ]
    assert caatsa and len(caatsa[0].outlets) >= 3
    assert len(result.matrix) == len(result.claims)
    assert all(len(row) == len(result.outlets) for row in result.matrix)
