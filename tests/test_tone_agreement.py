"""``python -m framing.tone_agreement``: agreement of our VADER with vaderSentiment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.tone_agreement import BUNDLED, agreement, main
from framing.validate import DEFAULT_DATA


def test_agreement_on_hand_written_sentences() -> None:
    texts = [
        "The agreement is a great success for both countries.",
        "Critics warn the purchase is a dangerous mistake.",
        "The talks were held on Monday in Ankara.",
        "Officials were not happy with the delay. The system works well!",
    ]
    result = agreement("hand", texts, whole_only=True)
    assert result.left_out == 1  # the last text is two sentences
    assert result.sentences == 3
    assert result.same_class == 1.0
    assert result.pearson_r > 0.99
    every = agreement("hand", texts, whole_only=False)
    assert (every.sentences, every.left_out) == (5, 0)


@pytest.mark.skipif(not BUNDLED.is_dir(), reason="bundled corpus missing")
def test_main_prints_the_bundled_corpus_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "absent.jsonl"), "--json"]) == 0
    captured = capsys.readouterr()
    (row,) = json.loads(captured.out)
    assert row["name"] == "s400" and row["sentences"] > 250
    assert row["pearson_r"] > 0.95 and row["same_class"] > 0.95
    assert "BABE data not found" in captured.err


def test_a_malformed_babe_file_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "babe.jsonl"
    bad.write_text('{"id": 1, "text": "x", "label": 1}\nnot json\n', encoding="utf-8")
    assert main(["--data", str(bad)]) == 1
    assert f"{bad}:2" in capsys.readouterr().err


@pytest.mark.skipif(not DEFAULT_DATA.is_file(), reason="BABE not beside the checkout")
def test_agreement_on_babe_real_news_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    babe = rows["BABE"]
    assert babe["sentences"] > 3000
    assert babe["pearson_r"] > 0.95 and babe["same_class"] > 0.95
