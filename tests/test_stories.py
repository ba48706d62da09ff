"""Automatic story grouping, coherence and poor fits, and the ``framing stories`` command.

The central test mixes the bundled S-400 story (its ``story`` fields removed) with the two
stories of ``tests/corpora_stories.py``, all dated within the same weeks, and checks that the
grouping finds exactly those three stories again from the text alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from framing.errors import UsageError
from framing.loading import load_corpus
from framing.model import DEFAULT_STORY, Article, Document
from framing.stories import (
    DEFAULT_THRESHOLD,
    StoryGrouping,
    find_stories,
    group_stories,
    plan_stories,
    story_features,
)
from framing.stories_cli import add_stories_command, run_stories
from framing.text import prepare
from tests.corpora_stories import PORT_STRIKE, RATE_DECISION, STORIES

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def _documents(articles: Iterable[Article]) -> list[Document]:
    return [Document(article, prepare(article.id, article.text)) for article in articles]


def _fixture_articles(*, keep_story: bool = False) -> list[Article]:
    return [
        Article(
            id=record["id"],
            outlet=record["outlet"],
            title=record["title"],
            date=record["date"],
            text=record["text"],
            story=record["story"] if keep_story else DEFAULT_STORY,
        )
        for record in STORIES
    ]


def _s400(*, keep_story: bool = False) -> list[Article]:
    articles = list(load_corpus(CORPUS))
    assert {article.story for article in articles} == {"s400"}
    if keep_story:
        return articles
    return [dataclasses.replace(article, story=DEFAULT_STORY) for article in articles]


def _truth() -> dict[str, str]:
    """Article id -> the story it was written for."""
    truth = {article.id: "s400" for article in _s400(keep_story=True)}
    truth.update({record["id"]: record["story"] for record in STORIES})
    return truth


def _partition(grouping: StoryGrouping) -> set[frozenset[str]]:
    return {frozenset(doc.id for doc in info.story.documents) for info in grouping.stories}


def _expected_partition(ids: Iterable[str]) -> set[frozenset[str]]:
    truth = _truth()
    by_story: dict[str, set[str]] = {}
    for article_id in ids:
        by_story.setdefault(truth[article_id], set()).add(article_id)
    return {frozenset(members) for members in by_story.values()}


@pytest.fixture(scope="module")
def mixed() -> list[Document]:
    return _documents(_s400() + _fixture_articles())


# --- the test corpora themselves ------------------------------------------------------------


def test_fixture_stories_are_short_multi_outlet_and_dated_near_the_s400_coverage() -> None:
    for story in (PORT_STRIKE, RATE_DECISION):
        records = [record for record in STORIES if record["story"] == story]
        assert 4 <= len(records) <= 6
        assert len({record["outlet"] for record in records}) >= 4
        for record in records:
            assert 150 <= len(record["text"].split()) <= 300, record["id"]
            assert record["date"].startswith(("2018-06", "2018-07"))


# --- automatic grouping -----------------------------------------------------------------------


def test_mixed_corpus_splits_back_into_its_stories(mixed: list[Document]) -> None:
    grouping = find_stories(mixed)
    assert _partition(grouping) == _expected_partition(doc.id for doc in mixed)
    # Ids follow the order of each story's first article in the input: S-400 files come first.
    assert [info.story.id for info in grouping.stories] == ["auto-1", "auto-2", "auto-3"]
    assert all(info.automatic for info in grouping.stories)
    first, port, rate = grouping.stories
    assert "s-400" in first.top_terms
    assert "velmora" in port.top_terms and port.title.startswith(port.top_terms[0])
    assert "inflation" in rate.top_terms or "estravia" in rate.top_terms
    assert all(not info.poor_fits for info in grouping.stories)
    assert all(0.4 < info.coherence < 1 for info in grouping.stories)


def test_grouping_has_a_margin_around_the_default_threshold(mixed: list[Document]) -> None:
    """The module docstring's claim: the right split holds well below and above the default.

    Measured gap: same-story nearest neighbours >= 0.218, cross-story pairs <= 0.069.
    """
    expected = _expected_partition(doc.id for doc in mixed)
    for threshold in (DEFAULT_THRESHOLD / 1.5, DEFAULT_THRESHOLD * 1.5):
        assert _partition(find_stories(mixed, threshold=threshold)) == expected
    assert len(find_stories(mixed, threshold=0.05).stories) < 3  # below the gap: stories merge


def test_group_stories_matches_find_stories(mixed: list[Document]) -> None:
    stories = group_stories(mixed, automatic=True)
    assert stories == tuple(info.story for info in find_stories(mixed).stories)


def test_membership_does_not_depend_on_input_order(mixed: list[Document]) -> None:
    assert _partition(find_stories(mixed[::-1])) == _partition(find_stories(mixed))


def test_same_input_gives_identical_output(mixed: list[Document]) -> None:
    assert find_stories(mixed) == find_stories(list(mixed))


def test_within_a_story_outlets_keep_input_order_and_articles_date_order(
    mixed: list[Document],
) -> None:
    s400 = find_stories(mixed).stories[0].story
    outlets = list(dict.fromkeys(doc.article.outlet for doc in mixed[:8]))
    assert s400.outlets == tuple(outlets)
    wire = [doc.article.date or "" for doc in s400.documents_of("Lodestar Wire")]
    assert wire == sorted(wire)


# --- named stories are left alone ------------------------------------------------------------


def test_default_group_stories_is_unchanged_one_story_for_articles_without_a_field(
    mixed: list[Document],
) -> None:
    (story,) = group_stories(mixed)
    assert story.id == DEFAULT_STORY
    assert len(story.documents) == len(mixed)


def test_articles_with_a_story_keep_it_exactly() -> None:
    named = _documents(_s400(keep_story=True))
    loose = _documents(_fixture_articles())
    for automatic in (False, True):
        stories = group_stories(named + loose, automatic=automatic)
        s400 = next(story for story in stories if story.id == "s400")
        assert s400.documents == group_stories(named)[0].documents
    grouping = find_stories(named + loose)
    assert [info.story.id for info in grouping.stories] == ["s400", "auto-1", "auto-2"]
    assert not grouping.stories[0].automatic
    assert grouping.stories[0].title == "s400"


def test_plan_stories_gives_the_stories_of_group_stories_from_the_articles_alone() -> None:
    named = _s400(keep_story=True)
    loose = _fixture_articles()
    for articles in (named + loose, loose + named, named, [*named[:3], *loose[:2]]):
        documents = _documents(articles)
        asked: list[int] = []

        def features(
            documents: list[Document] = documents, asked: list[int] = asked
        ) -> list[list[str]]:
            asked.append(1)
            return [story_features(document) for document in documents]

        plan = plan_stories(articles, features)
        stories = group_stories(documents, automatic=True)
        assert [story_id for story_id, _ in plan] == [story.id for story in stories]
        for (_, rows), story in zip(plan, stories, strict=True):
            assert [articles[row].id for row in rows] == [d.id for d in story.documents]
        # The text is read only when some article has no story to name.
        assert asked == ([1] if any(a.story == DEFAULT_STORY for a in articles) else [])


def test_named_stories_are_never_merged_or_split_even_when_unrelated() -> None:
    articles = _fixture_articles()
    mislabelled = [dataclasses.replace(a, story="one-pile") for a in articles]
    (story,) = group_stories(_documents(mislabelled), automatic=True)
    assert story.id == "one-pile" and len(story.documents) == len(articles)


def test_automatic_ids_skip_ids_that_users_already_chose() -> None:
    named = [dataclasses.replace(a, story="auto-1") for a in _s400()[:2]]
    grouping = find_stories(_documents(named + _fixture_articles()))
    assert [info.story.id for info in grouping.stories] == ["auto-1", "auto-2", "auto-3"]
    assert [info.automatic for info in grouping.stories] == [False, True, True]


# --- dates ------------------------------------------------------------------------------------


def _shifted(articles: Sequence[Article], prefix: str, month: str) -> list[Article]:
    """The same coverage again, months later (a recurring strike): new ids, new dates."""
    return [
        dataclasses.replace(a, id=prefix + a.id, date=month + (a.date or "")[7:]) for a in articles
    ]


def test_date_window_splits_the_same_topic_months_apart() -> None:
    june = [a for a in _fixture_articles() if a.id.startswith("port-")]
    october = _shifted(june, "oct-", "2018-10")
    documents = _documents(june + october)
    grouping = find_stories(documents)
    assert _partition(grouping) == {
        frozenset(a.id for a in june),
        frozenset(a.id for a in october),
    }
    assert len(find_stories(documents, window_days=200).stories) == 1


def test_window_limits_direct_links_but_a_story_can_drift_through_its_neighbours() -> None:
    """The S-400 coverage spans 34 days; consecutive articles link within the 14-day window."""
    grouping = find_stories(_documents(_s400()))
    assert len(grouping.stories) == 1
    assert len(find_stories(_documents(_s400()), window_days=0).stories) > 1


def test_articles_without_dates_are_not_limited_by_dates() -> None:
    june = [a for a in _fixture_articles() if a.id.startswith("port-")]
    october = _shifted(june, "oct-", "2018-10")
    undated = [dataclasses.replace(a, id="undated-" + a.id, date=None) for a in june[:1]]
    grouping = find_stories(_documents(june + october + undated))
    assert len(grouping.stories) == 1  # the undated copy links to both months


def test_an_unreadable_date_counts_as_no_date() -> None:
    june = [a for a in _fixture_articles() if a.id.startswith("port-")]
    odd = [dataclasses.replace(a, id="odd-" + a.id, date="sometime") for a in june]
    assert len(find_stories(_documents(june + odd)).stories) == 1


# --- small and odd corpora -------------------------------------------------------------------


def test_a_single_unrelated_article_forms_its_own_story() -> None:
    rate = next(a for a in _fixture_articles() if a.id.startswith("rate-"))
    grouping = find_stories(_documents([*_s400(), rate]))
    assert [len(info.story.documents) for info in grouping.stories] == [8, 1]
    alone = grouping.stories[1]
    assert alone.story.documents[0].id == rate.id
    assert alone.coherence == 1.0 and not alone.poor_fits
    assert alone.fits[0].to_others == 0.0


def test_a_corpus_of_one_article() -> None:
    (info,) = find_stories(_documents(_fixture_articles()[:1])).stories
    assert info.story.id == "auto-1" and info.coherence == 1.0


def test_empty_corpus() -> None:
    assert group_stories([]) == ()
    assert group_stories([], automatic=True) == ()
    assert find_stories([]).stories == ()


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        find_stories([], window_days=-1)
    with pytest.raises(ValueError):
        find_stories([], threshold=0)
    with pytest.raises(ValueError):
        find_stories([], threshold=1.5)


HOSTILE = (
    "",
    "   \n\n  ",
    "!!! ??? ... --- ''' ",
    "<script>alert('x')</script> <img src=x onerror=alert(1)>",
    "\x1b[2J\x1b[31mRED\x1b[0m \u202egnp.exe\u202c \x00\x07",
    "the and of to in a is",  # stop words only
    "1 2 3 4 5 6 7 8 9",
    "zzz " * 5000,
    "Ω" * 3000,
)


def test_hostile_text_never_breaks_grouping() -> None:
    articles = [
        Article(id=f"h{index}", outlet="Odd\x1b[31m Outlet", title=f"t\n{index}", text=text)
        for index, text in enumerate(HOSTILE)
    ]
    documents = _documents([*articles, *_fixture_articles()])
    grouping = find_stories(documents)
    assert sorted(d.id for i in grouping.stories for d in i.story.documents) == sorted(
        d.id for d in documents
    )
    for info in grouping.stories:
        assert 0.0 <= info.coherence <= 1.0
        for fit in info.fits:
            assert 0.0 <= fit.similarity <= 1.0 and 0.0 <= fit.to_others <= 1.0
    # The fixture stories still come out whole.
    partition = _partition(grouping)
    for story in (PORT_STRIKE, RATE_DECISION):
        assert frozenset(r["id"] for r in STORIES if r["story"] == story) in partition


def test_a_corpus_with_no_content_words_at_all() -> None:
    articles = [Article(id=f"e{i}", outlet="A", text=text) for i, text in enumerate(HOSTILE[:3])]
    grouping = find_stories(_documents(articles))
    assert len(grouping.stories) == 3
    assert all(info.top_terms == () and info.title == "" for info in grouping.stories)


# --- poor fits --------------------------------------------------------------------------------


def test_an_article_filed_under_the_wrong_story_fits_poorly() -> None:
    port = [a for a in _fixture_articles() if a.id.startswith("port-")]
    rate = next(a for a in _fixture_articles() if a.id.startswith("rate-"))
    filed = [dataclasses.replace(a, story="strike") for a in [*port, rate]]
    (info,) = find_stories(_documents(filed)).stories
    assert [fit.article_id for fit in info.poor_fits] == [rate.id]
    assert info.coherence < find_stories(_documents(filed[:-1])).stories[0].coherence


def test_two_article_stories_flag_nothing() -> None:
    port = [a for a in _fixture_articles() if a.id.startswith("port-")][:1]
    rate = [a for a in _fixture_articles() if a.id.startswith("rate-")][:1]
    filed = [dataclasses.replace(a, story="pair") for a in port + rate]
    (info,) = find_stories(_documents(filed)).stories
    assert not info.poor_fits


# --- the command ------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing")
    commands = parser.add_subparsers(dest="command", required=True)
    add_stories_command(commands)
    return parser


def _run(argv: list[str]) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run_stories(_parser().parse_args(["stories", *argv]), lines.append)
    return code, lines


def _write_mixed_folder(folder: Path) -> None:
    """The S-400 files with their ``story:`` header line removed, plus the fixture stories."""
    folder.mkdir()
    for path in sorted((CORPUS / "articles").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith("story:")]
        assert len(kept) == len(lines) - 1
        (folder / path.name).write_text("".join(kept), encoding="utf-8")
    for index, record in enumerate(STORIES):  # numbered: the loader reads files in name order
        header = "".join(f"{key}: {record[key]}\n" for key in ("id", "outlet", "title", "date"))
        (folder / f"z{index:02d}-{record['id']}.txt").write_text(
            header + "---\n" + record["text"] + "\n", encoding="utf-8"
        )


def test_command_lists_each_story_with_its_articles(tmp_path: Path) -> None:
    _write_mixed_folder(tmp_path / "mixed")
    code, lines = _run([str(tmp_path / "mixed")])
    assert code == 0
    text = "\n".join(lines)
    assert lines[0].startswith("framing: 17 article(s), 3 stories")
    for story_id in ("auto-1", "auto-2", "auto-3"):
        assert f"\n{story_id}: " in text
    assert "grouped automatically" in text and "coherence 0." in text
    assert "Harbour Ledger, 2018-06-11: Velmora dockworkers walk out" in text
    assert "Lodestar Wire, 2018-06-08: Turkey presses ahead" in text
    assert "fits poorly" not in text


def test_command_json_is_versioned_and_complete(tmp_path: Path) -> None:
    _write_mixed_folder(tmp_path / "mixed")
    code, lines = _run([str(tmp_path / "mixed"), "--json", "--window-days", "20"])
    assert code == 0 and len(lines) == 1
    record = json.loads(lines[0])
    assert record["format"] == "framing.stories" and record["version"] == 1
    assert record["settings"]["window_days"] == 20
    assert record["settings"]["threshold"] == DEFAULT_THRESHOLD
    assert record["n_articles"] == 17
    stories = record["stories"]
    assert [story["id"] for story in stories] == ["auto-1", "auto-2", "auto-3"]
    assert [story["n_articles"] for story in stories] == [8, 5, 4]
    port = stories[1]
    assert port["automatic"] is True and "velmora" in port["top_terms"]
    assert port["poor_fits"] == []
    first = port["articles"][0]
    assert set(first) == {
        "id",
        "outlet",
        "date",
        "title",
        "similarity",
        "to_others",
        "poor_fit",
    }
    assert first["outlet"] == "Harbour Ledger" and first["date"] == "2018-06-11"
    # Same input, same bytes.
    assert _run([str(tmp_path / "mixed"), "--json", "--window-days", "20"])[1] == lines


def test_command_shows_poor_fits_and_named_stories(tmp_path: Path) -> None:
    port = [r for r in STORIES if r["story"] == PORT_STRIKE]
    rate = next(r for r in STORIES if r["story"] == RATE_DECISION)
    rows = [{**r, "story": "strike"} for r in [*port, rate]]
    path = tmp_path / "filed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _, lines = _run([str(path)])
    text = "\n".join(lines)
    assert "strike: strike (named in the articles)" in text
    flagged = [line for line in lines if line.endswith("<- fits poorly")]
    assert len(flagged) == 1 and rate["title"] in flagged[0]
    record = json.loads(_run([str(path), "--json"])[1][0])
    assert record["stories"][0]["poor_fits"] == [rate["id"]]


def test_command_escapes_terminal_control_characters(tmp_path: Path) -> None:
    rows = [
        {
            "id": "a\x1b[2J",
            "outlet": "Evil\x1b[31m",
            "title": "t\u202eitle\nline",
            "text": HOSTILE[4],
        },
        {"id": "b", "outlet": "Plain", "title": "", "text": HOSTILE[3]},
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, lines = _run([str(path)])
    assert code == 0
    text = "\n".join(lines)
    assert "\x1b" not in text and "\u202e" not in text
    assert "Evil\\u001b[31m" in text and "t\\u202eitle\\u000aline" in text
    assert "(untitled)" in text
    record = json.loads(_run([str(path), "--json"])[1][0])
    outlets = {a["outlet"] for s in record["stories"] for a in s["articles"]}
    assert outlets == {"Evil\x1b[31m", "Plain"}  # JSON keeps the data exactly (escaped by json)


def test_command_refuses_bad_options(tmp_path: Path) -> None:
    _write_mixed_folder(tmp_path / "mixed")
    with pytest.raises(UsageError, match="--window-days"):
        _run([str(tmp_path / "mixed"), "--window-days", "-1"])
    with pytest.raises(UsageError, match="--threshold"):
        _run([str(tmp_path / "mixed"), "--threshold", "2"])
    with pytest.raises(SystemExit):
        _parser().parse_args(["stories", "x", "--window-days", "soon"])


def test_small_blocks_find_the_same_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    """The date-ordered block product must see every pair, whatever the block size."""
    june = _fixture_articles()
    october = _shifted(june, "oct-", "2018-10")
    undated = [dataclasses.replace(a, id="u-" + a.id, date=None) for a in june[::3]]
    documents = _documents([*_s400(), *october, *undated, *june])
    expected = _partition(find_stories(documents))
    assert len(expected) == 3  # the undated copies join June to October
    monkeypatch.setattr("framing.stories._BLOCK_ROWS", 3)
    assert _partition(find_stories(documents)) == expected
    small = _partition(find_stories(documents, window_days=5))
    monkeypatch.setattr("framing.stories._BLOCK_ROWS", 1000)
    assert _partition(find_stories(documents, window_days=5)) == small
