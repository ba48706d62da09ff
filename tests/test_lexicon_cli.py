"""Users' own lexicons: checking them, listing the built-in ones, and seeing them in reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.lexicon import (
    BUILT_IN_FILES,
    check_lexicon,
    load_built_in_lexicons,
    parse_lexicon,
)
from framing.lexicon_files import merge_lexicons
from tests.htmlcheck import parse

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

TEACHER = """# name: class-war-words
term\tcategory\tweight\tnote
war\twar\t1
battle*\twar\t1
bargain\tmoney\t1
"""


def test_check_lists_every_problem_with_its_line() -> None:
    text = (
        "# name: mine\n"
        "# category: a | A | first\n"
        "term\tcategory\tweight\tnote\n"
        "war\ta\t1\t\n"  # line 4
        "war\ta\t2\t\n"  # 5: duplicate of line 4
        "fi*ght\ta\t1\t\n"  # 6: star inside a word
        "ab*\ta\t1\t\n"  # 7: stem too short
        "peace\tzzz\t1\t\n"  # 8: unknown category
        "calm\ta\t\t\n"  # 9: empty weight
        "quiet\ta\tlots\t\n"  # 10: not a number
        "\ta\t1\t\n"  # 11: empty term
    )
    result = check_lexicon(text, "mine.tsv")
    assert result.lexicon is None
    errors = sorted(str(p) for p in result.errors)
    assert errors == sorted(
        [
            "mine.tsv:6: field 'term': bad pattern 'fi*ght': '*' may only end a word "
            "(e.g. 'sanction*')",
            "mine.tsv:7: field 'term': bad pattern 'ab*': a '*' needs at least 3 letters before it",
            "mine.tsv:9: field 'weight': empty weight; write a number such as 1",
            "mine.tsv:10: field 'weight': 'lots' is not a number; write e.g. 1",
            "mine.tsv:11: field 'term': empty term; write a word or phrase",
            "mine.tsv:8: field 'category': unknown category 'zzz'; use one of a or declare it "
            "with '# category: id | Label | description'",
            "mine.tsv:5: field 'term': 'war' is listed twice in category 'a' (also line 4); "
            "delete one",
        ]
    )
    assert any("header lacks title" in str(p) for p in result.warnings)


def test_a_five_line_lexicon_needs_only_a_name() -> None:
    result = check_lexicon(TEACHER, "teacher.tsv")
    assert result.lexicon is not None and not result.errors
    assert result.lexicon.category_ids == ("war", "money")
    assert [e.patterns for e in result.lexicon.entries] == [("war",), ("battle*",), ("bargain",)]


def test_built_in_lexicons_must_carry_their_provenance() -> None:
    with pytest.raises(Exception, match="header lacks title"):
        parse_lexicon(TEACHER, "teacher.tsv", built_in=True)
    for lexicon in load_built_in_lexicons():
        for field in ("title", "version", "measures", "source", "licence", "changelog"):
            assert getattr(lexicon, field), (lexicon.name, field)
    assert len(load_built_in_lexicons()) == len(BUILT_IN_FILES)


def test_a_lexicon_named_like_a_built_in_overrides_only_its_own_categories() -> None:
    built_in = load_built_in_lexicons()
    story = next(lexicon for lexicon in built_in if lexicon.name == "frames-security-deals")
    override = parse_lexicon(
        "# name: frames-security-deals\n"
        "# category: commercial | Money talk | my own list\n"
        "# category: newsroom | Newsroom | a new category\n"
        "term\tcategory\tweight\tnote\n"
        "bargain\tcommercial\t1\t\n"
        "scoop\tnewsroom\t1\t\n",
        "mine.tsv",
    )
    merged = next(m for m in merge_lexicons(built_in, [override]) if m.name == story.name)
    assert merged.version == f"{story.version}+local"
    assert merged.category("commercial").label == "Money talk"
    assert [e.term for e in merged.entries if e.category == "commercial"] == ["bargain"]
    assert merged.category_ids[-1] == "newsroom"
    kept = [e for e in merged.entries if e.category == "security_threat"]
    assert kept == [e for e in story.entries if e.category == "security_threat"]
    assert "mine.tsv" in merged.origin


def test_lexicon_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "list"]) == 0
    listed = capsys.readouterr().out
    for lexicon in load_built_in_lexicons():
        assert f"{lexicon.name} {lexicon.version}" in listed
    assert main(["lexicon", "show", "stance"]) == 0
    shown = capsys.readouterr().out
    assert "## Hedges [hedge]" in shown and "negation: hedge <-> booster" in shown
    assert main(["lexicon", "show", "no-such-list"]) == 1
    assert "no built-in lexicon named 'no-such-list'" in capsys.readouterr().err
    good = tmp_path / "teacher.tsv"
    good.write_text(TEACHER, encoding="utf-8")
    assert main(["lexicon", "check", str(good)]) == 0
    assert "ok: lexicon 'class-war-words' with 2 categories and 3 terms" in capsys.readouterr().out
    bad = tmp_path / "bad.tsv"
    bad.write_text(TEACHER + "war\twar\t\n", encoding="utf-8")
    assert main(["lexicon", "check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:6: field 'weight': empty weight" in out and "1 error(s)" in out
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["lexicon", "check", str(binary)]) == 1
    assert "looks binary" in capsys.readouterr().err


def test_a_teachers_lexicon_shows_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "teacher.tsv"
    lexicon.write_text(TEACHER.replace("bargain", "deal"), encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(CORPUS), "-o", str(out), "--json", "--lexicon", str(lexicon)]) == 0
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert "class-war-words" in [lexicon["name"] for lexicon in data["lexicons"]]
    story = data["stories"][0]
    hits = sum(
        o["lexicons"]["class-war-words"]["categories"]["money"]["hits"] for o in story["outlets"]
    )
    assert hits > 0
    page = parse((out / "story-s400.html").read_text(encoding="utf-8"))
    tables = [e for e in page.elements if e.attrs.get("id") == "measure-class-war-words"]
    assert tables, "the user's lexicon has its own table"
    cues = [
        e for e in page.find("span", "cue") if "class-war-words: money" in e.attrs.get("title", "")
    ]
    assert len(cues) == hits
    records = tmp_path / "records.jsonl"
    assert main(["annotate", str(CORPUS), "-o", str(records), "--lexicon", str(lexicon)]) == 0
    annotated = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert all(r["lexicons"]["class-war-words"] == "unversioned" for r in annotated)
    assert hits == sum(
        r["scores"]["lexicons"]["class-war-words"]["categories"]["money"]["hits"] for r in annotated
    )
    assert hits == sum(
        1
        for r in annotated
        for e in r["evidence"]
        if (e["layer"], e["label"]) == ("class-war-words", "money")
    )


def test_a_broken_lexicon_stops_the_run_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "broken.tsv"
    lexicon.write_text(
        "# name: x\nterm\tcategory\tweight\tnote\nwar\t\t1\nab*\tw\tx\n", encoding="utf-8"
    )
    out = tmp_path / "report"
    assert main(["report", str(CORPUS), "-o", str(out), "--lexicon", str(lexicon)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"framing: error: {lexicon}:3: field 'category': empty category")
    assert any(f"{lexicon}:4: field 'term': bad pattern 'ab*'" in line for line in err)
    assert "Traceback" not in "".join(err)
    assert not out.exists()
    assert (
        main(["annotate", str(CORPUS), "-o", str(tmp_path / "a.jsonl"), "--lexicon", "nope.tsv"])
        == 1
    )
    assert "nope.tsv: no such lexicon file" in capsys.readouterr().err


def test_a_hostile_lexicon_comes_out_as_inert_text(tmp_path: Path) -> None:
    from tests.test_report import assert_inert

    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    lexicon = tmp_path / "hostile.tsv"
    lexicon.write_text(
        f"# name: hostile\n# title: {payload}\n# measures: {payload}\n"
        f"# category: x | {payload} | {payload}\n"
        "term\tcategory\tweight\tnote\ndeal\tx\t1\t" + payload + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "report"
    assert main(["report", str(CORPUS), "-o", str(out), "--lexicon", str(lexicon)]) == 0
    html = (out / "story-s400.html").read_text(encoding="utf-8")
    assert_inert(parse(html))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
