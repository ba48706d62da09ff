"""load_corpus and iter_articles: formats, field rules, problems with their places, folders."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import random
from collections.abc import Mapping
from pathlib import Path

import pytest

import framing.decoding
from framing.errors import InputError
from framing.loading import iter_articles, load_corpus
from framing.model import DEFAULT_STORY, Article

FULL = {
    "id": "planet-1",
    "outlet": "Daily Planet",
    "title": "Deal signed: what it means",
    "date": "2019-09-12",
    "url": "https://planet.example/deal?a=1&b=2",
    "story": "s400",
    "group": "west",
    "text": "The deal was signed on Thursday.\n\nOfficials said it was final.",
}
FORMATS = ["txt", "md", "jsonl", "csv"]
XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file (str as UTF-8, bytes as given), creating folders; return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def render(fmt: str, records: list[Mapping[str, object]]) -> str:
    """Return the text of a file holding ``records`` in format ``fmt`` (txt/md: one record)."""
    if fmt in ("txt", "md"):
        (record,) = records
        header = "".join(f"{key}: {value}\n" for key, value in record.items() if key != "text")
        return header + "---\n" + str(record.get("text", "")) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    buffer = io.StringIO()
    columns = list(dict.fromkeys(key for record in records for key in record))
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def load_one(tmp_path: Path, fmt: str, record: Mapping[str, object], **options: bool) -> Article:
    path = write(tmp_path, f"a.{fmt}", render(fmt, [record]))
    (article,) = load_corpus(path, **options)
    return article


def problems(caught: pytest.ExceptionInfo[InputError]) -> list[str]:
    return caught.value.details()


def problems_of(error: InputError) -> list[str]:
    """Return each problem's place and message, without the parenthesised detail and hint."""
    return [f"{p.path}: {p.message.split(' (')[0]}" for p in error.problems]


# --- formats and fields -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_every_field(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, f"a.{fmt}", render(fmt, [FULL]))
    corpus = load_corpus(path)
    assert corpus.articles == (
        Article(
            id="planet-1",
            outlet="Daily Planet",
            text=FULL["text"],
            title="Deal signed: what it means",
            date="2019-09-12",
            url="https://planet.example/deal?a=1&b=2",
            story="s400",
            group="west",
            source=path.name,
            source_line=1 if fmt in ("txt", "md") else {"jsonl": 1, "csv": 2}[fmt],
        ),
    )
    assert corpus.skipped == ()


def test_markdown_front_matter_opened_by_a_dashes_line_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\noutlet: Daily Planet\ntitle: T\n---\n# Heading\n\nBody\n")
    (article,) = load_corpus(path)
    assert (article.outlet, article.title, article.text) == (
        "Daily Planet",
        "T",
        "# Heading\n\nBody",
    )


def test_a_dashes_line_inside_the_body_stays_in_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "outlet: A\n---\nPart one\n---\nPart two\n")
    (article,) = load_corpus(path)
    assert article.text == "Part one\n---\nPart two"


@pytest.mark.parametrize("fmt", FORMATS)
def test_defaults_for_absent_fields(tmp_path: Path, fmt: str) -> None:
    article = load_one(tmp_path, fmt, {"outlet": "Daily Planet", "text": "Some text."})
    expected_id = hashlib.sha256(b"Daily Planet\x1f\x1fSome text.").hexdigest()[:16]
    assert article.id == expected_id
    assert (article.title, article.date, article.url, article.group) == ("", None, "", "")
    assert article.story == DEFAULT_STORY


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_values_mean_absent(tmp_path: Path, fmt: str) -> None:
    record = {"id": " ", "outlet": "A", "date": "", "story": "  ", "title": "", "text": "x"}
    article = load_one(tmp_path, fmt, record)
    assert article.date is None
    assert article.story == DEFAULT_STORY
    assert len(article.id) == 16


def test_default_ids_do_not_change_when_files_are_reordered(tmp_path: Path) -> None:
    one = {"outlet": "A", "title": "First", "text": "one"}
    two = {"outlet": "B", "title": "Second", "text": "two"}
    write(tmp_path / "x", "a.jsonl", render("jsonl", [one, two]))
    write(tmp_path / "y", "b.jsonl", render("jsonl", [two]))
    write(tmp_path / "y", "c.jsonl", render("jsonl", [one]))
    ids_x = {a.title: a.id for a in load_corpus(tmp_path / "x")}
    ids_y = {a.title: a.id for a in load_corpus(tmp_path / "y")}
    assert ids_x == ids_y
    assert ids_x["First"] != ids_x["Second"]


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("txt", " OUTLET :  Daily Planet \nTitle: T\n---\n  Body text.  \n"),
        ("jsonl", '{" Outlet ": "  Daily Planet ", "TITLE": "T", "Text": "  Body text.  "}\n'),
        ("csv", " Outlet ,TITLE, Text \n  Daily Planet ,T,  Body text.  \n"),
    ],
)
def test_keys_are_case_insensitive_and_values_stripped(
    tmp_path: Path, fmt: str, content: str
) -> None:
    (article,) = load_corpus(write(tmp_path, f"a.{fmt}", content))
    assert (article.outlet, article.title, article.text) == ("Daily Planet", "T", "Body text.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_fields_are_ignored(tmp_path: Path, fmt: str) -> None:
    record = {
        "outlet": "A",
        "author": "Someone",
        "word_count": "3",
        "Section": "World",
        "text": "t",
    }
    assert load_one(tmp_path, fmt, record).outlet == "A"


def test_unknown_jsonl_values_may_be_any_json(tmp_path: Path) -> None:
    line = '{"outlet": "A", "text": "t", "tags": ["x", 1], "meta": {"a": null}, "n": 3}\n'
    (article,) = load_corpus(write(tmp_path, "a.jsonl", line))
    assert article.text == "t"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-09-12", "2019-09-12"),
        ("2019-09-12T10:30:00Z", "2019-09-12"),
        ("2019-09-12T23:30:00-05:00", "2019-09-12"),
        ("2019-09-12 10:30", "2019-09-12"),
        ("2019-09-12T10:30:00.123456+02:00", "2019-09-12"),
    ],
)
@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_iso_dates_keep_their_date_part(
    tmp_path: Path, fmt: str, value: str, expected: str
) -> None:
    assert load_one(tmp_path, fmt, {"outlet": "A", "date": value, "text": "t"}).date == expected


@pytest.mark.parametrize(
    "value", ["12/09/2019", "2019-13-01", "2019-02-30", "20190912", "2019-09-12T25:00", "soon"]
)
@pytest.mark.parametrize(("fmt", "line"), [("txt", 2), ("jsonl", 1), ("csv", 2)])
def test_a_date_that_is_not_iso_is_an_error(
    tmp_path: Path, fmt: str, line: int, value: str
) -> None:
    path = write(tmp_path, f"a.{fmt}", render(fmt, [{"outlet": "A", "date": value, "text": "t"}]))
    with pytest.raises(
        InputError, match=r"is not an ISO date; write dates as YYYY-MM-DD"
    ) as caught:
        load_corpus(path)
    assert problems(caught) == [
        f"{path}:{line}: field 'date': {value!r} is not an ISO date; "
        "write dates as YYYY-MM-DD (e.g. 2019-09-12), or leave the date empty"
    ]


# --- require_outlet, missing and empty fields ----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_outlet_may_be_absent_when_not_required(tmp_path: Path, fmt: str) -> None:
    article = load_one(tmp_path, fmt, {"id": "7", "text": "t"}, require_outlet=False)
    assert (article.id, article.outlet, article.text) == ("7", "", "t")


@pytest.mark.parametrize(
    ("fmt", "content", "where", "hint"),
    [
        ("txt", "title: T\n---\nBody\n", "a.txt:1: field 'outlet'", "add a header line 'outlet:"),
        ("md", "outlet:   \n---\nBody\n", "a.md:1: field 'outlet'", "add a header line 'outlet:"),
        ("jsonl", '{"outlet": "A", "text": "t"}\n{"text": "t2"}\n', "a.jsonl:2: field 'outlet'",
         'add "outlet": "<name>"'),
        ("jsonl", '{"outlet": null, "text": "t"}\n', "a.jsonl:1: field 'outlet'", 'add "outlet"'),
        ("csv", "outlet,text\nA,one\n,two\n", "a.csv:3: field 'outlet'", "fill in the outlet"),
    ],
)  # fmt: skip
def test_a_missing_outlet_is_an_error(
    tmp_path: Path, fmt: str, content: str, where: str, hint: str
) -> None:
    write(tmp_path, f"a.{fmt}", content)
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    (problem,) = problems(caught)
    assert problem.startswith(f"{tmp_path / where}: no outlet is given; {hint}")


def test_a_csv_without_an_outlet_column_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "id,text\n1,one\n2,two\n3,three\n")
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert problems(caught) == [
        f"{path}:1: field 'outlet': the header has no 'outlet' column; "
        "add an 'outlet' column naming each article's outlet"
    ]
    assert len(load_corpus(path, require_outlet=False)) == 3


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n"])
@pytest.mark.parametrize(
    ("fmt", "where"), [("txt", "a.txt:3"), ("jsonl", "a.jsonl:1"), ("csv", "a.csv:2")]
)
def test_empty_or_blank_text_is_an_error(tmp_path: Path, fmt: str, where: str, text: str) -> None:
    write(tmp_path, f"a.{fmt}", render(fmt, [{"outlet": "A", "text": text}]))
    with pytest.raises(InputError, match=rf"{where}: field 'text': the article text is empty"):
        load_corpus(tmp_path)


def test_jsonl_without_a_text_key_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", '{"outlet": "A", "body": "t"}\n')
    with pytest.raises(InputError, match=r"a\.jsonl:1: field 'text': the article text is empty"):
        load_corpus(tmp_path)


def test_every_problem_of_one_record_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", '{"date": "yesterday", "text": " "}\n')
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["text", "outlet", "date"]


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_numbers_are_accepted_for_identifier_fields(tmp_path: Path) -> None:
    line = '{"id": 42, "outlet": "A", "story": 7, "group": 2019, "title": null, "text": "t"}\n'
    (article,) = load_corpus(write(tmp_path, "a.jsonl", line))
    assert (article.id, article.story, article.group, article.title) == ("42", "7", "2019", "")


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("text", "12", "a number"),
        ("text", '["a", "b"]', "a list"),
        ("text", '{"p": "x"}', "an object"),
        ("outlet", "3.5", "a number"),
        ("outlet", "true", "a true/false value"),
        ("id", "false", "a true/false value"),
        ("id", "[1]", "a list"),
        ("date", "20190912", "a number"),
    ],
)
def test_jsonl_non_string_values_are_errors(
    tmp_path: Path, field: str, value: str, kind: str
) -> None:
    record = {"outlet": '"A"', "text": '"t"', field: value}
    line = "{" + ", ".join(f'"{key}": {raw}' for key, raw in record.items()) + "}\n"
    path = write(tmp_path, "a.jsonl", '{"outlet": "A", "text": "fine"}\n' + line)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert problems(caught) == [
        f'{path}:2: field \'{field}\': must be a string, not {kind}; write it as "{field}": "..."'
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"outlet": "A", "text": "t"', "is not valid JSON (json says: Expecting ',' delimiter"),
        ("{'outlet': 'A'}", "is not valid JSON (json says: Expecting property name"),
        ("outlet: A", "is not valid JSON (json says: Expecting value at column 1)"),
        ('["A", "t"]', "is a list, not a JSON object"),
        ('"just a string"', "is a string, not a JSON object"),
        ("17", "is a number, not a JSON object"),
        ("null", "is null, not a JSON object"),
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "is not readable JSON (nests too"),
        ('{"id": ' + "9" * 5000 + ', "outlet": "A", "text": "t"}', "is not readable JSON"),
    ],
)
def test_jsonl_lines_that_are_not_objects_are_named(
    tmp_path: Path, line: str, message: str
) -> None:
    good = '{"outlet": "A", "text": "one"}\n\n  \n'
    path = write(tmp_path, "a.jsonl", good + line + '\n{"outlet": "B", "text": "two"}\n')
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    (problem,) = problems(caught)
    assert problem.startswith(f"{path}:4: {message}")
    assert "write one JSON object per line" in problem


def test_jsonl_blank_lines_are_allowed_and_lines_are_counted(tmp_path: Path) -> None:
    content = '\n{"outlet": "A", "text": "one"}\n\n   \n{"outlet": "B", "text": "two"}\n\n'
    corpus = load_corpus(write(tmp_path, "a.jsonl", content))
    assert [(a.outlet, a.source_line) for a in corpus] == [("A", 2), ("B", 5)]


def test_jsonl_keys_that_differ_only_in_case_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", '{"outlet": "A", "Text": "one", "text": "two"}\n')
    with pytest.raises(InputError, match=r"a\.jsonl:1: field 'text': 'text' is given twice"):
        load_corpus(tmp_path)


def test_newlines_escaped_inside_json_strings_are_normalised(tmp_path: Path) -> None:
    (article,) = load_corpus(write(tmp_path, "a.jsonl", '{"outlet": "A", "text": "a\\r\\nb\\rc"}'))
    assert article.text == "a\nb\nc"


def test_a_large_jsonl_file_loads_in_order(tmp_path: Path) -> None:
    rnd = random.Random(3)
    words = ["deal", "missile", "said", "Ankara", "Delhi", "Moscow", "security", "talks"]
    lines = []
    for number in range(20_000):
        text = " ".join(rnd.choice(words) for _ in range(60))
        record = {"id": f"n{number}", "outlet": f"O{number % 5}", "text": text, "n": number}
        lines.append(json.dumps(record))
    path = write(tmp_path, "big.jsonl", "\n".join(lines) + "\n")
    corpus = load_corpus(path)
    assert len(corpus) == 20_000
    assert [a.id for a in corpus.articles[:3]] == ["n0", "n1", "n2"]
    assert corpus.articles[-1].source_line == 20_000
    assert [a.id for a in iter_articles(path)] == [a.id for a in corpus]


# --- CSV -----------------------------------------------------------------------------------


def test_csv_multiline_quoted_fields_keep_line_numbers_right(tmp_path: Path) -> None:
    content = (
        "id,outlet,text\n"
        '1,A,"first line\nsecond line\n\nfourth, with comma"\n'
        "2,B,plain\n"
        '3,C,"say ""hi""\nthere"\n'
        "4,D\n"
    )
    path = write(tmp_path, "a.csv", content)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert problems(caught) == [
        f"{path}:9: this row has 2 fields but the header has 3; put double quotes around any "
        "field that contains the separator, a quote or a line break, and double the quotes "
        'inside it ("")'
    ]
    write(tmp_path, "a.csv", content.replace("4,D\n", "4,D,last\n"))
    corpus = load_corpus(path)
    assert [(a.id, a.source_line) for a in corpus] == [("1", 2), ("2", 6), ("3", 7), ("4", 9)]
    assert corpus.articles[0].text == "first line\nsecond line\n\nfourth, with comma"
    assert corpus.articles[2].text == 'say "hi"\nthere'


@pytest.mark.parametrize("row", ["5,E,too,many", "5"])
def test_csv_rows_with_the_wrong_number_of_fields_name_both_counts(
    tmp_path: Path, row: str
) -> None:
    write(tmp_path, "a.csv", f"id,outlet,text\n1,A,ok\n{row}\n6,F,ok\n")
    count = len(row.split(","))
    with pytest.raises(InputError, match=rf"a\.csv:3: this row has {count} fields but the header"):
        load_corpus(tmp_path)


def test_csv_blank_lines_are_skipped(tmp_path: Path) -> None:
    corpus = load_corpus(write(tmp_path, "a.csv", "\n\noutlet,text\n\nA,one\n\n\nB,two\n"))
    assert [(a.outlet, a.source_line) for a in corpus] == [("A", 5), ("B", 8)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Daily Planet,The deal was signed.\n", "the first row is not a header (it reads "),
        ("outlet,body\nA,t\n", "field 'text': the header has no 'text' column (its columns are"),
        ("outlet,text,TEXT\nA,t,u\n", "field 'text': the header names the 'text' column twice"),
        ("outlet,text\n", "has a header row but no articles"),
        ('outlet,text\nA,"never closed\nB,t\n', "csv cannot read the row starting here: a quoted"),
        ('outlet,text\nA,"quoted"tail\n', "csv cannot read the row starting here: ',' expected"),
    ],
)
def test_csv_structure_problems_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, "a.csv", content)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    (problem,) = problems(caught)
    line = 2 if "cannot read" in message else 1
    where = f"{path}" if "no articles" in message else f"{path}:{line}"
    assert problem.startswith(f"{where}: {message}")


def test_csv_fields_longer_than_the_csv_module_default_load(tmp_path: Path) -> None:
    text = "word " * 60_000  # 300,000 characters, over csv's default 131,072 limit
    (article,) = load_corpus(write(tmp_path, "a.csv", f'outlet,text\nA,"{text}"\n'))
    assert article.text == text.strip()


@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_with_semicolons_or_tabs_loads(tmp_path: Path, separator: str) -> None:
    content = f"outlet{separator}text\nA{separator}one, two\n"
    (article,) = load_corpus(write(tmp_path, "a.csv", content))
    assert (article.outlet, article.text) == ("A", "one, two")


def test_csv_quotes_inside_unquoted_fields_are_kept(tmp_path: Path) -> None:
    (article,) = load_corpus(write(tmp_path, "a.csv", 'outlet,text\nA,a 5" screen\n'))
    assert article.text == 'a 5" screen'


# --- .txt / .md ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ("outlet: A\nThis is not a header\n---\nBody\n", ":2", "header line 'This is not a header'"
         " is not 'key: value'; write the header as 'outlet: <name>'"),
        ("outlet: A\n: no key\n---\nBody\n", ":2", "header line ': no key' is not 'key: value'"),
        ("outlet: A\noutlet: B\n---\nBody\n", ":2: field 'outlet'", "'outlet' is given twice"
         " (also on line 1)"),
        ("outlet: A\ntext: inline\n---\nBody\n", ":2: field 'text'", "'text' cannot be a header"),
        ("Just an article with no header.\nSecond line.\n", ":1", "has no '---' line between the "
         "header and the text; start the file with a header block: 'outlet: <name>'"),
    ],
)  # fmt: skip
def test_txt_header_problems_are_named(
    tmp_path: Path, content: str, where: str, message: str
) -> None:
    path = write(tmp_path, "a.txt", content)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    (problem,) = problems(caught)
    assert problem.startswith(f"{path}{where}: {message}")


def test_txt_header_values_may_hold_colons(tmp_path: Path) -> None:
    content = "outlet: A\nurl: https://a.example/x?q=1:2\ntitle: Deal: done\n---\nBody\n"
    (article,) = load_corpus(write(tmp_path, "a.txt", content))
    assert (article.url, article.title) == ("https://a.example/x?q=1:2", "Deal: done")


def test_error_messages_escape_control_characters(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "outlet: A\n\x1b[2J\x1b]0;pwned\x07 header\n---\nBody\n")
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    assert "\x1b" not in str(caught.value)
    assert "\\x1b[2J" in str(caught.value)


# --- encodings, binary and empty files -----------------------------------------------------


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_byte_order_marks_in_every_format(tmp_path: Path, fmt: str, bom: str) -> None:
    record = {"outlet": "Ле Монд", "title": "Déjà vu", "text": "Texte accentué: ça, où, 中文."}
    data = render(fmt, [record]).encode(bom)
    if bom != "utf-8-sig":  # Python writes no mark for an explicit-endian UTF-16 codec
        data = (codecs.BOM_UTF16_LE if bom == "utf-16-le" else codecs.BOM_UTF16_BE) + data
    (article,) = load_corpus(write(tmp_path, f"a.{fmt}", data))
    assert (article.outlet, article.title, article.text) == tuple(record.values())


@pytest.mark.parametrize("fmt", FORMATS)
def test_crlf_files_load_with_newlines(tmp_path: Path, fmt: str) -> None:
    record = {"outlet": "A", "title": "T", "text": "Para one.\n\nPara two."}
    data = render(fmt, [record]).replace("\n", "\r\n").encode()
    (article,) = load_corpus(write(tmp_path, f"a.{fmt}", data))
    assert article.text == "Para one.\n\nPara two."
    assert (article.outlet, article.title) == ("A", "T")


FRENCH = (
    "Le président a déclaré que l'accord était déjà signé à Genève, après de longues négociations."
)
RUSSIAN = (
    "Россия и Индия подписали соглашение о поставке зенитных ракетных комплексов С-400. "
    "Министр обороны заявил, что сделка укрепит безопасность страны."
)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_latin1_files_load_exactly_or_are_refused(tmp_path: Path, fmt: str, encoding: str) -> None:
    record = {"outlet": "Le Monde", "title": "Accord signé", "text": FRENCH}
    path = write(tmp_path, f"a.{fmt}", render(fmt, [record]).encode(encoding))
    try:
        (article,) = load_corpus(path)
    except InputError as error:
        assert problems_of(error) == [
            f"{path}: is not UTF-8 and its encoding could not be determined"
        ]
    else:
        assert (article.title, article.text) == ("Accord signé", FRENCH)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cyrillic_legacy_files_are_detected_in_every_format(tmp_path: Path, fmt: str) -> None:
    record = {"outlet": "Известия", "text": RUSSIAN + "\n" + RUSSIAN}
    path = write(tmp_path, f"a.{fmt}", render(fmt, [record]).encode("cp1251"))
    (article,) = load_corpus(path)
    assert (article.outlet, article.text) == ("Известия", RUSSIAN + "\n" + RUSSIAN)


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "it looks like a PNG image"),
        (random.Random(7).randbytes(2000), ""),
        (b'outlet,text\nA,"some\x00\x00\x00 text"\n', "it contains NUL bytes"),
        ("outlet,text\nA,t\n".encode("utf-16-le"), "it contains NUL bytes"),
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_binary_files_are_not_text(tmp_path: Path, fmt: str, data: bytes, detail: str) -> None:
    path = write(tmp_path, f"a.{fmt}", data)
    with pytest.raises(InputError, match=rf"is not a text file \(?{detail}") as caught:
        load_corpus(path)
    assert str(caught.value).startswith(f"{path}: is not a text file")


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_files_are_errors(tmp_path: Path, fmt: str, content: bytes) -> None:
    path = write(tmp_path, f"a.{fmt}", content)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.message) == (str(path), None, "is empty")


# --- hostile text is loaded verbatim ---------------------------------------------------------


@pytest.mark.parametrize("payload", XSS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_in_every_field_loads_verbatim(tmp_path: Path, fmt: str, payload: str) -> None:
    fields = ["id", "outlet", "title", "url", "story", "group", "text"]
    record = {field: f"{field} {payload}" for field in fields}
    article = load_one(tmp_path, fmt, record)
    for field in fields:
        assert getattr(article, field) == f"{field} {payload}"


@pytest.mark.parametrize("payload", XSS)
def test_markup_in_a_date_is_rejected_and_quoted(tmp_path: Path, payload: str) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"outlet": "A", "date": payload, "text": "t"}))
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert problems(caught)[0].startswith(f"{path}:1: field 'date': {payload!r} is not an ISO")


# --- folders -------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "outlet: B\n---\nb\n")
    write(tmp_path, "a/z.md", "outlet: AZ\n---\naz\n")
    write(tmp_path, "a/deeper/y.csv", "outlet,text\nAY1,ay1\nAY2,ay2\n")
    write(tmp_path, "a.jsonl", '{"outlet": "A", "text": "a"}\n')
    corpus = load_corpus(tmp_path)
    assert [(a.outlet, a.source, a.source_line) for a in corpus] == [
        ("AY1", "a/deeper/y.csv", 2),
        ("AY2", "a/deeper/y.csv", 3),
        ("AZ", "a/z.md", 1),
        ("A", "a.jsonl", 1),
        ("B", "b.txt", 1),
    ]


def test_sources_never_carry_the_users_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles record a path relative to the input (reports must hold no absolute paths)."""
    write(tmp_path, "corpus/sub/a.txt", "outlet: A\n---\na\n")
    monkeypatch.chdir(tmp_path)
    assert load_corpus("corpus/sub/a.txt").articles[0].source == "a.txt"
    assert load_corpus(tmp_path / "corpus" / "sub" / "a.txt").articles[0].source == "a.txt"
    assert load_corpus("corpus").articles[0].source == "sub/a.txt"
    write(tmp_path, "corpus/sub/b.txt", "title: no outlet\n---\nb\n")
    with pytest.raises(InputError, match=r"^corpus/sub/b\.txt:1: field 'outlet'"):
        load_corpus("corpus")


def test_non_articles_are_skipped_and_listed(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "outlet: A\n---\na\n")
    for name in [
        "README.md", "readme.txt", "ANSWER_KEY.md", "LICENSE", "CHANGELOG.md", ".hidden.txt",
        "_draft.txt", "answer_key.json", "photo.png", "_private/b.txt", ".git/c.txt",
        "sub/README.jsonl", "sub/notes.docx",
    ]:  # fmt: skip
        write(tmp_path, name, "outlet: X\n---\nnot to be read\n")
    corpus = load_corpus(tmp_path)
    assert [a.outlet for a in corpus] == ["A"]
    formats = "not a corpus format (.txt, .md, .jsonl, .csv)"
    assert corpus.skipped == (
        ".git/: hidden (name starts with '.')",
        ".hidden.txt: hidden (name starts with '.')",
        "ANSWER_KEY.md: answer key, not an article",
        "CHANGELOG.md: documentation file, not an article",
        f"LICENSE: {formats}",
        "README.md: documentation file, not an article",
        "_draft.txt: left out (name starts with '_')",
        "_private/: left out (name starts with '_')",
        f"answer_key.json: {formats}",
        f"photo.png: {formats}",
        "readme.txt: documentation file, not an article",
        "sub/README.jsonl: documentation file, not an article",
        f"sub/notes.docx: {formats}",
    )


def test_a_folder_with_several_bad_files_reports_them_all(tmp_path: Path) -> None:
    write(tmp_path, "1-good.txt", "outlet: A\n---\ngood\n")
    write(tmp_path, "2-no-outlet.txt", "title: T\n---\nbody\n")
    write(tmp_path, "3-bad.jsonl", '{"outlet": "B", "text": "t"}\n{oops}\n')
    write(tmp_path, "4-short.csv", "outlet,text\nC,t\nD\n")
    write(tmp_path, "5-image.md", b"\x89PNG\r\n\x1a\nrest")
    write(tmp_path, "6-empty.txt", "")
    write(tmp_path, "7-date.txt", "outlet: E\ndate: 1/2/2019\n---\nbody\n")
    with pytest.raises(InputError, match=r"\(and 5 more problem\(s\): see below\)$") as caught:
        load_corpus(tmp_path)
    places = [(p.path, p.line, p.field) for p in caught.value.problems]
    assert places == [
        (str(tmp_path / "2-no-outlet.txt"), 1, "outlet"),
        (str(tmp_path / "3-bad.jsonl"), 2, None),
        (str(tmp_path / "4-short.csv"), 3, None),
        (str(tmp_path / "5-image.md"), None, None),
        (str(tmp_path / "6-empty.txt"), None, None),
        (str(tmp_path / "7-date.txt"), 2, "date"),
    ]


def test_duplicate_ids_across_a_jsonl_and_a_txt_name_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", '{"id": "x", "outlet": "A", "text": "one"}\n')
    write(tmp_path, "b.txt", "id: x\noutlet: B\n---\ntwo\n")
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    assert problems(caught) == [
        f"{tmp_path / 'b.txt'}:1: field 'id': id 'x' is already used at {tmp_path / 'a.jsonl'}:1; "
        "give every article its own id (or leave ids out and framing will make them)"
    ]


def test_the_same_article_twice_is_reported_as_a_copy(tmp_path: Path) -> None:
    line = '{"outlet": "A", "title": "T", "text": "same"}\n'
    path = write(tmp_path, "a.jsonl", line + line)
    with pytest.raises(InputError) as caught:
        load_corpus(path)
    assert problems(caught) == [
        f"{path}:2: the same article (outlet, title and text) is already at {path}:1; "
        "remove one of the two copies"
    ]


def test_a_folder_without_articles_says_what_is_read(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "about")
    write(tmp_path, "data.json", "[]")
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    (problem,) = problems(caught)
    assert problem.startswith(f"{tmp_path}: contains no articles (2 file(s) skipped: ")
    assert "framing reads .txt, .md, .jsonl, .csv files" in problem


def test_an_empty_folder_has_no_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"contains no articles; framing reads"):
        load_corpus(tmp_path)


def test_a_path_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing: does not exist; check the path"):
        load_corpus(tmp_path / "missing")


@pytest.mark.parametrize("name", ["answers.json", "article.docx", "notes"])
def test_a_single_file_in_another_format_is_an_error(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, "{}")
    with pytest.raises(InputError, match=rf"{name}: is not a corpus format \(\.txt, \.md"):
        load_corpus(path)


def test_a_file_given_directly_is_read_even_if_a_folder_would_skip_it(tmp_path: Path) -> None:
    path = write(tmp_path, "README.md", "outlet: A\n---\nan article after all\n")
    assert load_corpus(path).articles[0].text == "an article after all"


def test_suffixes_are_matched_in_any_case(tmp_path: Path) -> None:
    write(tmp_path, "a.TXT", "outlet: A\n---\na\n")
    write(tmp_path, "b.JsonL", '{"outlet": "B", "text": "b"}\n')
    assert [a.outlet for a in load_corpus(tmp_path)] == ["A", "B"]


def test_an_unreadable_file_is_reported_with_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", "outlet: A\n---\na\n")
    locked = write(tmp_path, "b.txt", "outlet: B\n---\nb\n")
    write(tmp_path, "c.txt", "title: no outlet\n---\nc\n")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(InputError) as caught:
        load_corpus(tmp_path)
    assert [p.message for p in caught.value.problems] == [
        "could not be read (Permission denied)",
        "no outlet is given",
    ]


# --- streaming -----------------------------------------------------------------------------


def test_iter_articles_streams_and_raises_every_problem_at_the_end(tmp_path: Path) -> None:
    content = (
        '{"outlet": "A", "text": "one"}\n{"text": "no outlet"}\n{"outlet": "C", "text": "3"}\n'
    )
    path = write(tmp_path, "a.jsonl", content)
    articles = iter_articles(path)
    assert next(articles).outlet == "A"
    assert next(articles).outlet == "C"
    with pytest.raises(InputError, match=r"a\.jsonl:2: field 'outlet'"):
        next(articles)
    assert [a.outlet for a in iter_articles(path, require_outlet=False)] == ["A", "", "C"]


def test_a_linked_folder_is_listed_as_skipped_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "corpus", "a.txt", "outlet: A\n---\na\n")
    write(tmp_path, "elsewhere/b.txt", "outlet: B\n---\nb\n")
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    corpus = load_corpus(tmp_path / "corpus")
    assert [a.outlet for a in corpus] == ["A"]
    assert corpus.skipped == (
        "linked/: link to a folder, not followed (link loops would never end)",
    )


def test_jsonl_strings_may_hold_raw_tabs(tmp_path: Path) -> None:
    (article,) = load_corpus(write(tmp_path, "a.jsonl", '{"outlet": "A", "text": "a\tb"}\n'))
    assert article.text == "a\tb"


def test_a_few_control_characters_at_the_end_of_a_large_file_are_kept(tmp_path: Path) -> None:
    # The streaming check reads 1 MiB at a time; the share of control characters is over the
    # whole file, so a short last chunk holding a stray escape does not make the file binary.
    chunk = framing.decoding._CHUNK_BYTES
    head = "outlet,text\nA,"
    content = head + "a" * (chunk - len(head) - 1) + "\nB,x\x1b\x1b\n"
    corpus = load_corpus(write(tmp_path, "a.csv", content))
    assert corpus.articles[1].text == "x\x1b\x1b"
