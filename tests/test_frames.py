"""Frame cues: per-article counts with evidence, and outlet profiles."""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import STORY_FRAMES, analyze_document, load_resources, prepare_document
from framing.frames import OutletFrameInput, OutletFrames, compare_frames
from framing.lexicon_scores import ArticleLexiconScores
from framing.model import Article

RESOURCES = load_resources()


def frames_of(text: str) -> ArticleLexiconScores:
    document = prepare_document(Article(id="a", outlet="o", text=text))
    return analyze_document(document, RESOURCES).scores_of(STORY_FRAMES)


@dataclass(frozen=True)
class Counts:
    article_id: str
    counts: dict[str, int]


def scores(article_id: str, counts: dict[str, int]) -> Counts:
    return Counts(article_id, counts)


def test_each_hit_is_an_evidence_span_of_its_category() -> None:
    text = "The radar can track targets. Sanctions threaten to split the partners."
    result = frames_of(text)
    hits = {(text[e.start : e.end], e.label) for e in result.evidence}
    assert ("radar", "technical") in hits
    assert ("track", "technical") in hits
    assert ("threaten", "security_threat") in hits
    assert ("split", "alliance_rift") in hits
    assert result.n_hits == len(result.evidence)
    assert sum(result.counts.values()) == len(result.evidence)


def test_phrases_do_not_cross_sentence_boundaries() -> None:
    joined = frames_of("It serves the national interest of all.")
    split = frames_of("They met the national.\n\nInterest rose.")
    assert ("national interest", "sovereignty") in {(e.text, e.label) for e in joined.evidence}
    assert all(e.text.lower() != "national.\n\ninterest" for e in split.evidence)
    assert split.counts["sovereignty"] == 0


def profile(
    counts: dict[str, list[dict[str, int]]], ids: list[str], n_tokens: int = 1000
) -> dict[str, OutletFrames]:
    inputs = [
        OutletFrameInput(
            outlet,
            tuple(scores(f"{outlet}{i}", c) for i, c in enumerate(rows)),
            n_tokens,
        )
        for outlet, rows in counts.items()
    ]
    return {p.outlet: p for p in compare_frames(inputs, ids)}


def test_profile_pools_articles_into_shares_and_rates() -> None:
    result = profile({"o": [{"x": 3, "y": 1}, {"x": 1, "y": 1}]}, ["x", "y"])["o"]
    assert result.n_hits == 6 and result.n_articles == 2
    assert [(f.count, round(f.share, 3), f.per_1000, f.z) for f in result.frames] == [
        (4, 0.667, 4.0, 0.0),
        (2, 0.333, 2.0, 0.0),
    ]
    # a single outlet has nothing to be compared with: dominant is simply the most frequent
    assert result.most_frequent == result.dominant == "x"


def test_dominant_is_the_frame_stressed_against_the_other_outlets() -> None:
    """Every outlet reports the price; only the market paper makes security its own."""
    ids = ["money", "security", "rights"]
    result = profile(
        {
            "Market": [{"money": 30, "security": 2, "rights": 1}],
            "Wire": [{"money": 20, "security": 15, "rights": 1}],
            "Daily": [{"money": 20, "security": 2, "rights": 12}],
        },
        ids,
    )
    assert result["Wire"].most_frequent == "money"
    assert result["Wire"].dominant == "security"
    assert result["Wire"].share_of("security").z > 1.96
    assert result["Daily"].dominant == "rights"
    assert result["Market"].dominant == "money"
    assert result["Market"].share_of("security").z < 0


def test_ties_and_empty_profiles_name_no_frame() -> None:
    ids = ["x", "y"]
    tied = profile({"o": [{"x": 2, "y": 2}]}, ids)["o"]
    assert tied.most_frequent is None and tied.dominant is None
    empty = profile({"a": [{"x": 0, "y": 0}], "b": [{"x": 0, "y": 0}]}, ids)
    assert all(p.dominant is None and p.n_hits == 0 for p in empty.values())
    assert all(f.z == 0.0 for p in empty.values() for f in p.frames)


def test_one_cue_is_not_enough_to_dominate() -> None:
    result = profile({"a": [{"x": 1, "y": 5}], "b": [{"x": 0, "y": 9}]}, ["x", "y"])
    assert result["a"].share_of("x").z > 0
    assert result["a"].dominant is None
