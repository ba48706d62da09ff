"""Actors: mentions, alias merging, salience, tone toward actors and targets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from framing.actors import (
    ActorTable,
    Mention,
    actor_salience,
    actor_tone,
    find_mentions,
    fold,
    load_actor_table,
    side_of,
    tone_toward_targets,
)
from framing.errors import UsageError
from framing.model import Article, Document
from framing.text import prepare
from framing.tone import load_vader_lexicon


def doc(text: str, title: str = "", outlet: str = "o", id: str = "a") -> Document:
    article = Article(id=id, outlet=outlet, text=text, title=title)
    return Document(article, prepare(id, text))


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


@pytest.fixture(scope="module")
def vader() -> dict[str, float]:
    return load_vader_lexicon()


def actors_of(mentions: tuple[Mention, ...]) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in mentions]


def test_table_ships_in_the_package_and_covers_g20(table: ActorTable) -> None:
    for country in (
        "Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India",
        "Indonesia", "Italy", "Japan", "Mexico", "Russia", "Saudi Arabia", "South Africa",
        "South Korea", "Turkey", "United Kingdom", "United States", "Iran", "Syria", "Israel",
        "Ukraine", "Pakistan",
    ):  # fmt: skip
        assert table.kind(country) == "country", country
    for organisation in ("NATO", "European Union", "United Nations", "African Union"):
        assert table.kind(organisation) == "organisation"
    assert table.lookup("Ankara") == "Turkey"
    assert table.lookup("Turkish") == "Turkey"
    assert table.lookup("the Kremlin") == "Russia"
    assert table.lookup("New Delhi") == "India"
    assert table.lookup("U.S.") == table.lookup("US") == "United States"
    assert table.lookup("Us") is None


def test_fold_ignores_accents_case_hyphens_and_dots() -> None:
    assert fold("Erdoğan") == fold("ERDOGAN") == "erdogan"
    assert fold("S-400") == fold("S400") == fold("s 400")
    assert fold("U.S.") == fold("US")
    assert fold("Yıldız") == "yildiz"


def test_alias_merging(table: ActorTable) -> None:
    text = (
        "Erdogan met reporters. Later Erdoğan said the S400 was ready. "
        "The S-400 Triumf is Russian. The Triumf and two S-400s arrived. "
        "Defense Secretary Jim Mattis objected. Mattis said the Triumf was a risk."
    )
    mentions = find_mentions([doc(text)], table)["a"]
    by_actor: dict[str, list[str]] = {}
    for m in mentions:
        by_actor.setdefault(m.actor, []).append(m.text)
    assert by_actor["Recep Tayyip Erdoğan"] == ["Erdogan", "Erdoğan"]
    assert by_actor["S-400"] == ["S400", "S-400 Triumf", "Triumf", "S-400s", "Triumf"]
    assert by_actor["Jim Mattis"] == ["Defense Secretary Jim Mattis", "Mattis"]
    assert by_actor["Russia"] == ["Russian"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_story_names_need_two_occurrences_and_skip_sentence_starts(table: ActorTable) -> None:
    text = (
        "Deliveries start soon. Lockheed Martin built it. Geometry matters. "
        "The deliveries were late, Lockheed Martin said. Karl Brandt spoke once."
    )
    actors = {m.actor for m in find_mentions([doc(text)], table)["a"]}
    assert "Lockheed Martin" in actors
    assert not actors & {"Deliveries", "Geometry", "The", "Karl Brandt"}


def test_title_mentions_have_title_offsets(table: ActorTable) -> None:
    title = "Ankara stands firm on S-400"
    mentions = find_mentions([doc("Turkey bought the S-400.", title=title)], table)["a"]
    in_title = [m for m in mentions if m.in_title]
    assert [(m.actor, title[m.start : m.end], m.sentence) for m in in_title] == [
        ("Turkey", "Ankara", -1),
        ("S-400", "S-400", -1),
    ]


def test_side_of(table: ActorTable) -> None:
    assert side_of("Turkish Foreign Minister", table) == "Turkey"
    assert side_of("a European diplomat at NATO headquarters", table) == "NATO"
    assert side_of("New Delhi's envoy in Moscow", table) == "India"
    assert side_of("a senior official in Ankara", table) == "Turkey"
    assert side_of("a former Pentagon intelligence analyst who now advises", table) == (
        "United States"
    )
    assert side_of("a radar engineer who has worked on European programmes", table) is None
    assert side_of("Erdoğan's spokesman", table) == "Turkey"
    assert side_of("", table) is None


def test_salience_numbers_on_a_tiny_story(table: ActorTable, vader: dict[str, float]) -> None:
    docs = [
        doc(
            "Turkey bought the S-400 from Russia. Ankara paid in advance. "
            "NATO worried. Turkey said the deal was final.",
            title="Turkey buys Russian missiles",
            outlet="A",
            id="a1",
        ),
        doc("Russia sold a system. Turkey was the buyer.", title="A sale", outlet="A", id="a2"),
        doc("India waits.", outlet="B", id="b1"),
    ]
    mentions = find_mentions(docs, table)
    result = {s.actor: s for s in actor_salience("A", docs, mentions, table, vader)}
    turkey, russia = result["Turkey"], result["Russia"]
    assert turkey.mentions == 4  # Turkey, Ankara, Turkey, Turkey (titles apart)
    assert russia.mentions == 2
    total = sum(s.mentions for s in result.values())
    assert total == 8  # + S-400 and NATO
    assert turkey.share == pytest.approx(4 / 8, abs=1e-4)
    assert (turkey.headline_mentions, turkey.headline_articles, turkey.in_headline) == (1, 1, True)
    assert russia.headline_articles == 1  # "Russian" in a1's title
    assert turkey.lead_articles == 2 and result["NATO"].lead_articles == 0
    assert turkey.first_articles == 1 and russia.first_articles == 1
    assert turkey.articles == 2
    assert "India" not in result
    assert next(iter(result)) == "Turkey"


def test_tone_toward_an_actor_reads_negation(table: ActorTable, vader: dict[str, float]) -> None:
    threat = doc("Russia is a threat.", id="t1")
    not_threat = doc("Russia is not a threat.", id="t2")
    mentions = find_mentions([threat, not_threat], table)
    negative = actor_tone("Russia", [threat], mentions, vader)
    negated = actor_tone("Russia", [not_threat], mentions, vader)
    assert negative.n_sentences == 1 and negative.mean_compound < -0.05
    assert negated.mean_compound > 0
    both = actor_tone("Russia", [threat, not_threat], mentions, vader)
    assert both.n_sentences == 2
    assert both.mean_compound == pytest.approx(
        (negative.mean_compound + negated.mean_compound) / 2, abs=1e-4
    )
    assert {e.label for e in both.evidence} == {"Russia"}


def test_targets_tone(vader: dict[str, float]) -> None:
    text = "The deal is a great success. The sanctions are a terrible threat."
    document = doc(text)
    start = text.index("deal")
    second = text.index("sanctions")
    tones = tone_toward_targets(
        document,
        [(start, start + 4, "deal"), (second, second + 9, "sanctions"), (0, len(text), "all")],
        vader,
    )
    assert tones[0].label == "deal" and tones[0].mean_compound > 0.5
    assert tones[1].mean_compound < -0.5 and tones[1].sentences == (1,)
    assert tones[2].n_sentences == 2
    with pytest.raises(UsageError):
        tone_toward_targets(document, [(5, len(text) + 1, "bad")], vader)


def test_user_table_overrides_and_extends(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# name: mine\nactor\tkind\talias\tside\n"
        "Atlantis\tcountry\tAtlantis\t\nAtlantis\tcountry\tPoseidonia\t\n"
        "Atlantis\tcountry\tWashington\t\n",
        encoding="utf-8",
    )
    table = load_actor_table(path)
    assert table.lookup("Poseidonia") == "Atlantis"
    assert table.lookup("Washington") == "Atlantis"  # moved from the United States
    assert table.lookup("U.S.") == "United States"
    mentions = find_mentions([doc("Poseidonia and Washington talked.")], table)["a"]
    assert [m.actor for m in mentions] == ["Atlantis", "Atlantis"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("actor\tkind\talias\nX\tplanet\tX\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.tsv:2"):
        load_actor_table(bad)
    with pytest.raises(UsageError):
        load_actor_table(tmp_path / "missing.tsv")


def test_hostile_input(table: ActorTable, vader: dict[str, float]) -> None:
    docs = [
        doc("", title="", id="e"),
        doc("<script>alert('NATO')</script> Turkey <b>bought</b> it.", title="<script>", id="s"),
        doc(
            "ANKARA DEFIES WASHINGTON OVER RUSSIAN MISSILES. Turkey went ahead.",
            title="TURKEY DEFIES THE UNITED STATES ON S-400",
            id="c",
        ),
    ]
    mentions = find_mentions(docs, table)
    assert mentions["e"] == ()
    assert {m.actor for m in mentions["s"]} == {"NATO", "Turkey"}
    shouted = [(m.actor, m.in_title) for m in mentions["c"]]
    assert ("Turkey", True) in shouted and ("United States", True) in shouted
    assert ("S-400", True) in shouted and ("United States", False) in shouted
    for m in mentions["c"]:
        source = docs[2].article.title if m.in_title else docs[2].article.text
        assert source[m.start : m.end] == m.text
    assert not {m.actor for m in mentions["c"]} - {"Turkey", "United States", "Russia", "S-400"}
    assert actor_salience("o", docs[:1], mentions, table, vader) == ()


def test_mentions_are_fast_on_a_large_story(table: ActorTable) -> None:
    base = Path(__file__).resolve().parent.parent / "corpora" / "s400" / "articles"
    texts = [p.read_text(encoding="utf-8").split("---\n", 1)[1] for p in sorted(base.glob("*.txt"))]
    docs = [doc(texts[i % len(texts)], id=f"d{i}") for i in range(200)]
    find_mentions(docs[:2], table)
    started = time.perf_counter()
    mentions = find_mentions(docs, table)
    elapsed = time.perf_counter() - started
    assert sum(len(m) for m in mentions.values()) > 10_000
    assert elapsed < 1.5, elapsed
