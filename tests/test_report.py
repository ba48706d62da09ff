"""The HTML report: structure, self-containment, safety against hostile input, determinism."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from framing.cli import main
from tests.htmlcheck import PageParser, parse

PAYLOADS = (
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    '=HYPERLINK("https://evil.example","x")',
)


def hostile_corpus(tmp_path: Path) -> Path:
    """Two outlets whose every field carries script/HTML injection payloads."""
    records = []
    for i, payload in enumerate(PAYLOADS):
        records.append(
            {
                "id": f"{payload}-{i}",
                "outlet": f"Outlet {i % 2} {payload}",
                "title": f"Title {payload}",
                "date": "2018-07-1" + str(i),
                "url": f"https://evil.example/{payload}",
                "story": f"story {payload}",
                "group": f"group {payload}",
                "text": f"The threat {payload} is a deadly threat. The radar {payload} works.\n\n"
                f"Sovereignty {payload} matters to the sovereign nation.",
            }
        )
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


PACKAGE_SCRIPT = (
    Path(__file__).resolve().parent.parent / "framing" / "static" / "report.js"
).read_text(encoding="utf-8")


def assert_inert(page: PageParser) -> None:
    scripts = page.find("script")
    assert len(scripts) <= 1, "only framing's own script may be on the page"
    assert "".join(page.raw["script"]) in ("", PACKAGE_SCRIPT), "a foreign script reached the page"
    assert all(not s.attrs for s in scripts), "the script loads nothing (no src)"
    assert not page.find("img"), "an <img> element reached the page"
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{element.tag}>"
            if name in ("src", "action", "formaction"):
                raise AssertionError(f"{name}={value!r} on <{element.tag}>")
            if name == "href" and not re.fullmatch(r"#[\w-]+|[\w.-]+\.html", value):
                # only web links to the article itself, opened without referrer or opener
                assert re.match(r"https?://", value), f"href={value!r}"
                assert element.attrs.get("rel") == "noopener noreferrer", value


def test_hostile_fields_come_out_as_inert_text(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert main(["report", str(hostile_corpus(tmp_path)), "-o", str(out), "--json", "--csv"]) == 0
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 1 + len(PAYLOADS)  # the index and one page per (hostile) story id
    for page_path in pages:
        page = parse(page_path.read_text(encoding="utf-8"))
        assert_inert(page)
    shown = "".join(parse(p.read_text(encoding="utf-8")).text for p in pages)
    for payload in PAYLOADS:
        assert f"Title {payload}" in shown, f"{payload!r} should be shown as text"
        assert f"Outlet 0 {payload}" in shown or f"Outlet 1 {payload}" in shown
        assert f"The threat {payload}" in shown
    # template syntax is not evaluated (the provenance fingerprint is hex: leave it out)
    assert "49" not in re.sub(r"[0-9a-f]{64}", "", shown).replace("2018", "")
    assert "{{ 7*7 }}" in shown
    for page_path in pages:
        assert all(c.isalnum() or c in "-." for c in page_path.name), page_path.name
    json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    for table in out.glob("*.csv"):
        with table.open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells), table.name


def test_pages_are_self_contained_with_a_strict_policy(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert main(["report", str(hostile_corpus(tmp_path)), "-o", str(out)]) == 0
    for page_path in out.glob("*.html"):
        html = page_path.read_text(encoding="utf-8")
        page = parse(html)
        policy = [e for e in page.find("meta") if e.attrs.get("http-equiv")]
        assert policy and "default-src 'none'" in policy[0].attrs["content"]
        assert not page.find("link"), "no external stylesheets"
        assert page.find("style") and page.raw["style"]
        style = "".join(page.raw["style"])
        assert "http://" not in style and "&gt;" not in style and "&#34;" not in style
        digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
        assert f"style-src 'sha256-{digest}'" in policy[0].attrs["content"], (
            "CSP must allow the inlined CSS"
        )
        script = "".join(page.raw["script"])
        assert script == PACKAGE_SCRIPT
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy[0].attrs["content"]
        assert "'unsafe-inline'" not in policy[0].attrs["content"]
        assert str(tmp_path) not in html, "no absolute paths in a report"


@pytest.fixture(scope="module")
def s400_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("s400")
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    assert main(["report", str(corpus), "-o", str(out), "--json", "--csv"]) == 0
    return out


def test_story_page_has_one_column_per_outlet(s400_report: Path) -> None:
    data = json.loads((s400_report / "analysis.json").read_text(encoding="utf-8"))
    outlets = [o["outlet"] for o in data["stories"][0]["outlets"]]
    assert len(outlets) >= 6
    page = parse((s400_report / "story-s400.html").read_text(encoding="utf-8"))
    columns = [e for e in page.find("div", "column") if e.attrs.get("id", "").startswith("outlet-")]
    assert len(columns) == len(outlets)
    for section in ("frames", "tone", "measures", "words", "articles", "how-to-read"):
        assert [e for e in page.elements if e.attrs.get("id") == section], section
    highlighted = page.find("span", "frame")
    assert len(highlighted) > 50
    assert all("frame cue: " in e.attrs.get("title", "") for e in highlighted)
    assert len(page.find("table")) >= 2
    assert_inert(page)


def test_report_numbers_match_the_json(s400_report: Path) -> None:
    """The page and the JSON come from the same objects, so their counts agree."""
    data = json.loads((s400_report / "analysis.json").read_text(encoding="utf-8"))
    story = data["stories"][0]
    page = parse((s400_report / "story-s400.html").read_text(encoding="utf-8"))
    for outlet in story["outlets"]:
        assert f"{outlet['frames']['frames-security-deals']['n_hits']} cues" in page.text
    for name in [lexicon["name"] for lexicon in data["lexicons"]]:
        evidence = sum(1 for a in story["articles"] for e in a["evidence"] if e["layer"] == name)
        assert evidence == sum(o["lexicons"][name]["hits"] for o in story["outlets"]), name
        assert evidence == sum(a["scores"]["lexicons"][name]["hits"] for a in story["articles"]), (
            name
        )


def test_two_runs_give_identical_bytes(tmp_path: Path, s400_report: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    again = tmp_path / "again"
    assert main(["report", str(corpus), "-o", str(again), "--json", "--csv"]) == 0
    for path in s400_report.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_csv_and_json_carry_the_same_numbers(s400_report: Path) -> None:
    data = json.loads((s400_report / "analysis.json").read_text(encoding="utf-8"))
    statistics = data["stories"][0]["statistics"]
    for name, key in (
        ("measures.csv", "estimates"),
        ("comparisons.csv", "comparisons"),
        ("findings.csv", "findings"),
        ("tone.csv", "tone"),
        ("terms.csv", "terms"),
    ):
        with (s400_report / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        records = statistics[key]
        assert len(rows) == len(records) > 0, name
        for row, record in zip(rows, records, strict=True):
            assert row.pop("framing_table") == name.removesuffix(".csv")
            assert row == {k: _csv_value(v) for k, v in record.items()}, name


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_the_page_shows_findings_intervals_and_untested_cells(s400_report: Path) -> None:
    data = json.loads((s400_report / "analysis.json").read_text(encoding="utf-8"))
    statistics = data["stories"][0]["statistics"]
    page_text = (s400_report / "story-s400.html").read_text(encoding="utf-8")
    page = parse(page_text)
    findings = [e for e in page.elements if e.attrs.get("id") == "findings"]
    assert findings, "the page opens with its findings"
    for finding in statistics["findings"]:
        assert html.escape(finding["text"], quote=False) in page_text
    significant = [c for c in statistics["comparisons"] if c["significant"]]
    assert significant and all(c["q"] < 0.05 and c["tested"] for c in significant)
    untested = [c for c in statistics["comparisons"] if not c["tested"]]
    assert untested and all(c["q"] is None and not c["significant"] for c in untested)
    assert page_text.count("▲") + page_text.count("▼") >= len(
        [c for c in significant if c["kind"] == "outlet-vs-rest"]
    )
    estimate = next(e for e in statistics["estimates"] if e["sentences_with"] > 3)
    low, high = round(100 * estimate["share_low"]), round(100 * estimate["share_high"])
    assert f"{low}–{high}%, {estimate['sentences_with']}/{estimate['n_sentences']}" in page_text


def test_each_listed_term_opens_its_contexts_in_every_outlet(s400_report: Path) -> None:
    page_text = (s400_report / "story-s400.html").read_text(encoding="utf-8")
    words = page_text[page_text.index('<section id="words">') : page_text.index('id="articles"')]
    # "ankara" is listed for Yeni Sancak Daily and used by other outlets too
    assert re.search(r"\d+ times in Yeni Sancak Daily</p>", words)
    assert re.search(r"\d+ times? in Lodestar Wire</p>", words)
    assert words.count('<ul class="kwic">') > words.count("<details>")


def test_term_counts_by_articles_marks_single_article_outlets_too_small(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    out = tmp_path / "report"
    assert main(["report", str(corpus), "-o", str(out), "--json", "--term-counts", "articles"]) == 0
    outlets = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["stories"][0]
    by_name = {o["outlet"]: o["terms"] for o in outlets["outlets"]}
    assert all(t["unit"] == "articles" for t in by_name.values())
    assert by_name["Hallstatt Defence Notes"]["too_small"]  # one article: nothing to count
    assert not by_name["Lodestar Wire"]["too_small"] and by_name["Lodestar Wire"]["top"]
    assert "not enough text to compare words" in (out / "story-s400.html").read_text("utf-8")


def test_a_background_corpus_sets_the_prior_of_distinctive_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    default, own = tmp_path / "default", tmp_path / "own"
    assert main(["report", str(corpus), "-o", str(default), "--json"]) == 0
    # the story as its own background is exactly the default prior
    assert main(["report", str(corpus), "-o", str(own), "--json", "--background", str(corpus)]) == 0
    terms = [
        [
            o["terms"]
            for o in json.loads((d / "analysis.json").read_text("utf-8"))["stories"][0]["outlets"]
        ]
        for d in (default, own)
    ]
    assert terms[0] == terms[1]
    assert (
        main(
            [
                "report",
                str(corpus),
                "-o",
                str(tmp_path / "x"),
                "--background",
                str(corpus),
                "--term-counts",
                "articles",
            ]
        )
        == 2
    )
    assert "needs --term-counts tokens" in capsys.readouterr().err


def test_provenance_names_versions_options_and_a_fingerprint_of_the_input(
    tmp_path: Path, s400_report: Path
) -> None:
    page = (s400_report / "story-s400.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="provenance">') :]
    assert "framing " in section and "loaded-language 1.0.1" in section
    assert "distinctive words counted by" in section and "bootstrap replicates" in section
    fingerprint = re.search(r"<dd>([0-9a-f]{64})</dd>", section)
    assert fingerprint
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = Path(__file__).resolve().parent.parent / "corpora" / "s400" / "articles"
    for path in source.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if path.name == "us-wire-1.txt":
            text = text.replace("Turkey", "Türkiye", 1)
        (corpus / path.name).write_text(text, encoding="utf-8")
    out = tmp_path / "changed"
    assert main(["report", str(corpus), "-o", str(out)]) == 0
    changed = (out / "story-s400.html").read_text(encoding="utf-8")
    assert fingerprint.group(1) not in changed


def test_everything_reads_without_javascript(s400_report: Path) -> None:
    """The content is in the HTML, not made by the script: every section is there, the layer
    switches are plain checkboxes styled by CSS, and only the shortcut help (which needs the
    script) starts hidden."""
    html = (s400_report / "story-s400.html").read_text(encoding="utf-8")
    page = parse(html)
    for section in ("findings", "frames", "tone", "measures", "words", "articles", "provenance"):
        assert [e for e in page.elements if e.attrs.get("id") == section], section
    boxes = [e for e in page.find("input") if e.attrs.get("type") == "checkbox"]
    assert len(boxes) >= 6
    hidden = {e.attrs.get("id") for e in page.elements if "hidden" in e.attrs}
    assert hidden == {"shortcuts", "shortcuts-button"}


def test_coverage_shows_shared_claims_omissions_and_a_facts_checklist(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    key = json.loads((corpus / "answer_key.json").read_text(encoding="utf-8"))
    facts = tmp_path / "facts.txt"
    facts.write_text(
        "# the answer key's facts\n"
        + "".join(f"{k}\t{v}\n" for k, v in key["fact_checklist"].items()),
        encoding="utf-8",
    )
    out = tmp_path / "report"
    assert (
        main(
            [
                "report",
                str(corpus),
                "-o",
                str(out),
                "--format",
                "html,json,csv",
                "--facts",
                str(facts),
            ]
        )
        == 0
    )
    story = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["stories"][0]
    coverage = story["coverage"]
    shared = {row["claim"] for row in coverage["claims"] if not row["unique"]}
    assert len(shared) >= 10
    assert len(coverage["facts"]) == len(key["facts"]) * len(key["outlets"])
    stealth = {
        row["outlet"]: row for row in coverage["facts"] if row["fact"] == "stealth_claims_disputed"
    }
    assert stealth["Hallstatt Defence Notes"]["included"] is True
    assert stealth["Sever Telegraph Agency"]["missing"] == "disputed"
    assert stealth["Sever Telegraph Agency"]["text"] == key["facts"]["stealth_claims_disputed"]
    with (out / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(coverage["claims"])
    page = (out / "story-s400.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="coverage">') : page.index('<section id="articles">')]
    assert "Facts checklist" in section and "not found" in section and "reported" in section
    assert "not found (no “disputed”)" in section and "[disputed" not in section
    assert "What only one outlet reports" in section
    assert page.count('class="unique-claim"') > 10
    missing = tmp_path / "missing.txt"
    missing.write_text("a\tone\na\ttwo\n", encoding="utf-8")
    assert main(["report", str(corpus), "-o", str(tmp_path / "x"), "--facts", str(missing)]) == 1


def test_charts_are_inline_svg_with_words_for_every_mark(s400_report: Path) -> None:
    page = parse((s400_report / "story-s400.html").read_text(encoding="utf-8"))
    charts = page.find("svg")
    assert len(charts) >= 7  # one per story frame, and tone
    for chart in charts:
        assert chart.attrs.get("role") == "img" and chart.attrs.get("aria-labelledby")
    titles = [
        e for e in page.elements if e.tag == "title" and e.attrs.get("id", "").startswith("chart-")
    ]
    descriptions = [e for e in page.elements if e.tag == "desc"]
    assert len(titles) == len(descriptions) == len(charts)
    text = page.text
    assert "Lodestar Wire 23% (13 to 33), more than the rest" in text  # the ▲ said in words


def test_naming_and_sources_show_what_the_answer_key_lists(s400_report: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "s400"
    key = json.loads((corpus / "answer_key.json").read_text(encoding="utf-8"))
    story = json.loads((s400_report / "analysis.json").read_text(encoding="utf-8"))["stories"][0]
    outlets = {o["outlet"]: o for o in story["outlets"]}
    for name, entry in key["outlets"].items():
        speakers = " | ".join(s["speaker"] for s in outlets[name]["sources"]["speakers"])
        named = [q for q in entry["quoted_sources"] if q["kind"] != "anonymous"]
        found = [q for q in named if q["speaker"].split()[-1] in speakers]
        assert len(found) >= 0.8 * len(named), (name, speakers)
        labels = outlets[name]["labels"]
        assert labels.get("S-400"), name
    page = (s400_report / "story-s400.html").read_text(encoding="utf-8")
    naming = page[page.index('<section id="naming">') : page.index('<section id="sources">')]
    assert "Türkiye (10)" in naming and "a collection platform" in naming
    sources = page[page.index('<section id="sources">') : page.index('<section id="coverage">')]
    assert "Loaded verbs:" in sources and "anonymous" in sources
