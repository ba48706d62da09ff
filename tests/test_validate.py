"""The validation script: its metrics on hand-made inputs, and the figures on BABE when present.

BABE (``../shared/data/babe/``) is development data outside the repository; the test that reads
it skips with a reason when it is absent, and so does ``python -m framing.validate``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.lexicon import load_lexicon, parse_lexicon
from framing.validate import (
    DEFAULT_DATA,
    LabelledSentence,
    gold_words,
    main,
    read_babe,
    roc_auc,
    select_half,
    validate,
    word_scores,
)

LEXICON = parse_lexicon(
    "# name: tiny\n# category: a | A | a\n# category: b | B | b\n"
    "term\tcategory\tweight\tnote\nslammed\ta\t2\t\nradical\tb\t1\t\nso-called\tb\t1\t\n",
    "tiny.tsv",
)


def sentence(i: int, text: str, label: int, words: tuple[str, ...] = ()) -> LabelledSentence:
    return LabelledSentence(f"s{i}", text, label, words)


def test_metrics_on_a_hand_counted_example() -> None:
    sentences = [
        sentence(1, "The senator slammed the radical plan.", 1, ("slammed", "radical")),
        sentence(2, "The so-called reform passed.", 1, ("so-called", "reform")),
        sentence(3, "The plan passed on Tuesday.", 0),
        sentence(4, "A radical change in the weather.", 0),
    ]
    result = validate(sentences, LEXICON, half="x", baseline=[0.0, 0.0, 0.0, 0.0])
    # scores: 3, 1, 0, 1 -> pairs (pos, neg): (3,0) (3,1) (1,0) win, (1,1) ties: 3.5 / 4
    assert result.auc == pytest.approx(0.875)
    assert result.vader_auc == pytest.approx(0.5)
    # predicted words: {slammed, radical}, {so-called}, {}, {radical}; gold: 2 + 2 words
    assert (result.precision, result.recall) == (pytest.approx(3 / 4), pytest.approx(3 / 4))
    assert result.f1 == pytest.approx(0.75)
    assert result.biased_without_hit == 0.0 and result.unbiased_with_hit == 0.5
    by_id = {c.id: c for c in result.categories}
    assert by_id["a"].precision == 1.0 and by_id["b"].precision == pytest.approx(2 / 3)


def test_metric_edge_cases() -> None:
    assert roc_auc([1.0, 2.0], [1, 1]) is None  # one class: no AUC
    assert word_scores([frozenset()], [frozenset()]).f1 == 0.0
    assert gold_words(["lashed out", "'radical'"]) == frozenset({"lashed", "out", "radical"})
    with pytest.raises(ValueError):
        word_scores([frozenset()], [])


def test_halves_split_by_id_never_overlap_and_cover_everything() -> None:
    sentences = [sentence(i, "x", i % 2) for i in range(200)]
    tune, test = select_half(sentences, "tune"), select_half(sentences, "test")
    assert {s.id for s in tune}.isdisjoint({s.id for s in test})
    assert len(tune) + len(test) == 200 and 70 < len(tune) < 130
    assert select_half(list(reversed(sentences)), "tune") == list(reversed(tune))


def test_missing_data_skips_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "absent.jsonl")]) == 0
    assert "validation skipped" in capsys.readouterr().out
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert main(["--data", str(broken)]) == 1
    assert "broken.jsonl" in capsys.readouterr().err


@pytest.mark.skipif(not DEFAULT_DATA.is_file(), reason=f"BABE data not found at {DEFAULT_DATA}")
def test_the_loaded_language_score_meets_the_bar_on_the_held_out_half(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The issue's bar, on the half never used for tuning: AUC >= 0.75 and word F1 >= 0.35
    (simple word lists reach about 0.60-0.63 and 0.16-0.21)."""
    held_out = select_half(read_babe(DEFAULT_DATA), "test")
    result = validate(held_out, load_lexicon("loaded.tsv"), half="test")
    assert len(held_out) > 1800
    assert result.auc is not None and result.auc >= 0.75
    assert result.f1 >= 0.35
    assert main(["--half", "test", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["auc"] == pytest.approx(result.auc)
    assert printed["auc_low"] < printed["auc"] < printed["auc_high"]
