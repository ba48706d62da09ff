"""The article generator used by the benchmark: deterministic, loadable, annotatable."""

from __future__ import annotations

import json
from pathlib import Path

from framing.cli import main
from framing.synthetic import generate_articles, write_jsonl


def test_same_seed_same_articles_and_roughly_the_asked_length() -> None:
    first = list(generate_articles(5, seed=3, words=300))
    assert first == list(generate_articles(5, seed=3, words=300))
    assert first != list(generate_articles(5, seed=4, words=300))
    for record in first:
        assert 300 <= len(record["text"].split()) < 400


def test_annotate_scores_every_generated_article(tmp_path: Path) -> None:
    source = tmp_path / "generated.jsonl"
    write_jsonl(str(source), 150, words=400)
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 150
    assert all(r["scores"]["n_sentences"] > 5 and r["evidence"] for r in records)
    texts = {r["id"]: r["text"] for r in generate_articles(150, words=400)}
    for record in records[:20]:
        text = texts[record["id"]]
        for span in record["sentences"]:
            assert text[span["start"] : span["end"]].strip() == text[span["start"] : span["end"]]
