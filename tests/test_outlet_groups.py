"""``--outlets FILE``: outlet groups from a small table, compared like outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

TABLE = """outlet,group
Sever Telegraph Agency,state-affiliated
Yeni Sancak Daily,state-affiliated
Lodestar Wire,independent
Forward Posture,independent
Coromandel Business Post,independent
Hallstatt Defence Notes,independent
Nobody's Gazette,independent
"""


def test_groups_from_a_table_are_estimated_and_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "outlets.csv"
    table.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(CORPUS), "-o", str(out), "--json", "--outlets", str(table)]) == 0
    assert "names 1 outlet(s) not in the corpus: Nobody's Gazette" in capsys.readouterr().err
    story = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["stories"][0]
    holders = {e["holder"] for e in story["statistics"]["estimates"]}
    assert {"group: state-affiliated", "group: independent"} <= holders
    kinds = {(c["kind"], c["a"]) for c in story["statistics"]["comparisons"]}
    assert ("group-vs-rest", "group: state-affiliated") in kinds
    assert ("group-pair", "group: independent") in kinds
    state = next(
        e
        for e in story["statistics"]["estimates"]
        if e["holder"] == "group: state-affiliated" and e["category"] == "sovereignty"
    )
    assert state["n_articles"] == 3
    page = (out / "story-s400.html").read_text(encoding="utf-8")
    assert "group: state-affiliated" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,kind\nA,B\n", "outlets.csv:1: the first line must be the header 'outlet,group'"),
        ("outlet,group\nA\n", "outlets.csv:2: expected an outlet and a group"),
        ("outlet,group\nA,x\nA,y\n", "outlets.csv:3: field 'group': 'A' is already in group 'x'"),
    ],
)
def test_a_bad_outlets_file_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    table = tmp_path / "outlets.csv"
    table.write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(CORPUS), "-o", str(out), "--outlets", str(table)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
