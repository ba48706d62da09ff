"""Distinctive terms: counts, the log-odds formula, ranking and evidence."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing.analysis import prepare_document
from framing.model import Article, Story
from framing.terms import TermOptions, distinctive_terms, log_odds_dirichlet


def story_of(texts: dict[str, str]) -> Story:
    documents = tuple(
        prepare_document(Article(id=f"a{i}", outlet=outlet, text=text))
        for i, (outlet, text) in enumerate(texts.items())
    )
    return Story("s", documents)


STORY = story_of(
    {
        "Sovereign Daily": "Our sovereignty matters. Sovereignty is our right. The deal stands.",
        "Threat Wire": "The missile is a threat. A threat to allies. The deal worries allies.",
        "Market Post": "The deal is worth billions. Billions in revenue for the missile maker.",
    }
)


def test_log_odds_matches_monroe_et_al_by_hand() -> None:
    own = np.array([6.0, 1.0])
    rest = np.array([0.0, 9.0])
    prior = own + rest
    delta, variance, z = log_odds_dirichlet(own, rest, prior)
    a0, n_i, n_j = prior.sum(), own.sum(), rest.sum()
    expected = math.log((6 + 6) / (n_i + a0 - 6 - 6)) - math.log((0 + 6) / (n_j + a0 - 0 - 6))
    assert delta[0] == pytest.approx(expected)
    assert variance[0] == pytest.approx(1 / 12 + 1 / 6)
    assert z[0] == pytest.approx(expected / math.sqrt(1 / 12 + 1 / 6))
    assert z[1] < 0


def test_each_outlet_gets_its_own_words_with_raw_counts() -> None:
    result = distinctive_terms(STORY, TermOptions(top_k=3, min_count=2))
    top = {o.outlet: o.terms[0] for o in result.by_outlet}
    assert (top["Sovereign Daily"].term, top["Sovereign Daily"].count) == ("sovereignty", 2)
    assert top["Sovereign Daily"].count_rest == 0
    assert top["Threat Wire"].term in {"threat", "allies"}
    assert top["Market Post"].term == "billions"
    for outlet in result.by_outlet:
        assert all(t.z > 0 and t.count >= 2 and t.tfidf > 0 for t in outlet.terms)


def test_a_word_used_at_the_same_rate_everywhere_is_not_distinctive() -> None:
    story = story_of(
        {
            "A": "deal deal alpha alpha alpha",
            "B": "deal deal bravo bravo bravo",
            "C": "deal deal charlie charlie charlie",
        }
    )
    result = distinctive_terms(story, TermOptions(min_count=1))
    for outlet in result.by_outlet:
        assert len(outlet.terms) == 1
        assert "deal" not in [t.term for t in outlet.terms]


def test_stop_words_and_numbers_are_never_listed() -> None:
    story = story_of({"A": "the the the 400 400 400 and and", "B": "a word here"})
    result = distinctive_terms(story, TermOptions(min_count=1))
    listed = {t.term for o in result.by_outlet for t in o.terms}
    assert not listed & {"the", "400", "and"}


def test_evidence_marks_every_occurrence_of_listed_terms() -> None:
    result = distinctive_terms(STORY, TermOptions(top_k=1, min_count=2))
    spans = [e for e in result.evidence if e.label == "sovereignty"]
    assert [e.text for e in spans] == ["sovereignty", "Sovereignty"]


def test_ranking_is_deterministic() -> None:
    first = distinctive_terms(STORY, TermOptions())
    second = distinctive_terms(STORY, TermOptions())
    assert first == second


def test_empty_story_gives_empty_lists() -> None:
    result = distinctive_terms(story_of({"A": "the and of", "B": "a an"}), TermOptions())
    assert all(not o.terms for o in result.by_outlet)


@pytest.mark.parametrize("bad", [{"top_k": 0}, {"min_count": 0}, {"prior_scale": 0.0}])
def test_options_are_validated(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        TermOptions(**bad)  # type: ignore[arg-type]
