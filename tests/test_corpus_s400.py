"""The bundled corpus against its answer key: the end-to-end check of the whole pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from framing.analysis import analyze_corpus, load_resources
from framing.loading import load_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "answer_key.json").read_text(encoding="utf-8"))
    return data


def test_corpus_is_marked_fictional_and_loads_cleanly() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8").lower()
    assert "fictional" in readme
    corpus = load_corpus(CORPUS)
    assert len(corpus) >= 6
    assert {a.story for a in corpus} == {"s400"}
    for article in corpus:
        words = len(article.text.split())
        assert 450 <= words <= 900, (article.source, words)
        assert article.date and ".example/" in article.url, article.source


def test_key_matches_the_corpus(key: dict[str, Any]) -> None:
    corpus = load_corpus(CORPUS)
    by_outlet: dict[str, str] = {}
    for article in corpus:
        # labels may stand in a headline as well as in the body
        by_outlet[article.outlet] = "\n".join(
            (by_outlet.get(article.outlet, ""), article.title, article.text)
        )
    assert set(key["outlets"]) == set(by_outlet)
    assert len(by_outlet) >= 6
    for outlet, entry in key["outlets"].items():
        assert entry["dominant_frame"] in key["frames"]
        assert set(entry["facts_included"]) | set(entry["facts_omitted"]) <= set(key["facts"])
        for labels in entry["labels"].values():
            for label in labels:
                assert label in by_outlet[outlet], (outlet, label)
        for term in entry["loaded_terms"]:
            assert term in by_outlet[outlet], (outlet, term)


def test_report_names_the_intended_frame_for_at_least_five_of_six_outlets(
    key: dict[str, Any],
) -> None:
    analysis = analyze_corpus(load_corpus(CORPUS), load_resources())
    (story,) = analysis.stories
    found = {frames.outlet: frames.dominant for frames in story.frames}
    expected = {outlet: entry["dominant_frame"] for outlet, entry in key["outlets"].items()}
    agree = [outlet for outlet in expected if found[outlet] == expected[outlet]]
    assert len(agree) >= 5, {o: (expected[o], found[o]) for o in expected}
