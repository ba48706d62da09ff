"""Labels: how each outlet names and describes an actor, checked against the answer key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from framing.actors import ActorTable, find_mentions, load_actor_table
from framing.analysis import prepare_document
from framing.labels import Label, labels_by_outlet
from framing.loading import load_corpus
from framing.model import Article, Document
from framing.text import prepare

ROOT = Path(__file__).resolve().parent.parent
S400 = ROOT / "corpora" / "s400"
RECALL_BAR = 0.90


def doc(text: str, outlet: str = "o", id: str = "a") -> Document:
    return Document(Article(id=id, outlet=outlet, text=text), prepare(id, text))


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


@pytest.fixture(scope="module")
def s400(table: ActorTable) -> tuple[list[Document], dict[str, dict[str, tuple[Label, ...]]]]:
    documents = [prepare_document(a) for a in load_corpus(S400 / "articles")]
    mentions = find_mentions(documents, table)
    return documents, labels_by_outlet(documents, mentions, table)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    return text


def _key_form(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", _norm(text))


def test_label_recall_on_the_answer_key(
    s400: tuple[list[Document], dict[str, dict[str, tuple[Label, ...]]]],
) -> None:
    _documents, labels = s400
    key = json.loads((S400 / "answer_key.json").read_text(encoding="utf-8"))
    found = total = 0
    misses: list[str] = []
    for outlet, info in key["outlets"].items():
        for actor, wanted in info["labels"].items():
            texts = [_norm(label.text) for label in labels.get(outlet, {}).get(actor, ())]
            for label in wanted:
                total += 1
                if any(_key_form(label) in text for text in texts):
                    found += 1
                else:
                    misses.append(f"{outlet} / {actor}: {label!r}")
    recall = found / total
    print(f"label recall {found}/{total} = {recall:.1%}")
    for miss in misses:
        print("  missed:", miss)
    assert total > 100
    assert recall >= RECALL_BAR, misses


def test_every_label_has_its_evidence(
    s400: tuple[list[Document], dict[str, dict[str, tuple[Label, ...]]]],
) -> None:
    documents, labels = s400
    texts = {d.id: d.article.text for d in documents}
    outlets = {d.id: d.article.outlet for d in documents}
    for outlet, by_actor in labels.items():
        for actor, actor_labels in by_actor.items():
            counts = [(-lb.count, lb.text.lower()) for lb in actor_labels]
            assert counts == sorted(counts)
            for label in actor_labels:
                assert label.kind in ("alias", "modifier", "description")
                assert label.count == len(label.evidence) > 0
                assert (label.actor, label.outlet) == (actor, outlet)
                for ev in label.evidence:
                    assert (ev.layer, ev.label) == ("label", actor)
                    assert outlets[ev.article_id] == outlet
                    written = texts[ev.article_id][ev.start : ev.end]
                    assert written == ev.text
                    assert _norm(" ".join(written.split())) == _norm(label.text)


def test_alias_choices_are_counted_per_outlet(
    s400: tuple[list[Document], dict[str, dict[str, tuple[Label, ...]]]],
) -> None:
    _documents, labels = s400
    turkish = {
        lb.text: lb.count for lb in labels["Yeni Sancak Daily"]["Turkey"] if lb.kind == "alias"
    }
    assert turkish["Türkiye"] >= 5 and turkish["Ankara"] > turkish["Turkey"]
    forward = labels["Forward Posture"]["Turkey"]
    assert any(lb.text == "Mr. Erdoğan" and lb.kind == "alias" for lb in forward)


def test_modifiers_heads_and_descriptions(table: ActorTable) -> None:
    text = (
        "Russia's S-400 missile system will arrive. Officials fear the deadly missile system. "
        "An S-400 battery is expensive. The Russian batteries are big. "
        "Turkey, a NATO member since 1952, bought it. Turkey would become the first NATO member "
        "to operate it."
    )
    document = doc(text, outlet="Wire")
    labels = labels_by_outlet([document], find_mentions([document], table), table)["Wire"]
    s400 = {lb.text: lb for lb in labels["S-400"]}
    phrase = s400["Russia's S-400 missile system"]
    assert (phrase.kind, phrase.modifiers, phrase.head) == (
        "modifier",
        ("russia's", "missile"),
        "system",
    )
    assert s400["the deadly missile system"].kind == "description"
    assert s400["the deadly missile system"].head == "system"
    assert s400["The Russian batteries"].kind == "description"
    assert s400["An S-400 battery"].kind == "modifier"
    turkey = {lb.text for lb in labels["Turkey"] if lb.kind == "description"}
    assert "a NATO member since 1952" in turkey
    assert "the first NATO member to operate it" in turkey


def test_hostile_and_empty_input(table: ActorTable) -> None:
    documents = [
        doc("", id="e"),
        doc("<script>alert(1)</script> NATO <b>said</b> Turkey, a <i>member</i>, agreed.", id="s"),
        doc("TURKEY DEFIES WASHINGTON OVER RUSSIAN MISSILES.", id="c"),
    ]
    labels = labels_by_outlet(documents, find_mentions(documents, table), table)
    for by_actor in labels.values():
        for actor_labels in by_actor.values():
            for label in actor_labels:
                for ev in label.evidence:
                    assert ev.end > ev.start
    assert labels_by_outlet([], {}, table) == {}
