"""The facts checklist: essential words, hostile facts files, and the s400 answer key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from framing.analysis import prepare_document
from framing.errors import InputError
from framing.facts import check_facts, parse_fact
from framing.facts_file import read_facts
from framing.loading import load_corpus
from framing.model import Article, Story
from framing.stories import group_stories

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def _story(**outlets: str) -> Story:
    documents = tuple(
        prepare_document(Article(f"{name}-1", name, text, story="t"))
        for name, text in outlets.items()
    )
    return Story("t", documents)


STEALTH = _story(
    Alpha="Western analysts have disputed claims that the missile system can defeat stealth "
    "aircraft. The harbour festival drew crowds.",
    Beta="The missile system is marketed as able to defeat stealth aircraft. Farmers expect a "
    "strong harvest this autumn.",
)


def test_parse_fact_shows_the_first_alternative_and_keeps_the_stems() -> None:
    fact = parse_fact(
        "f", "Claims about stealth aircraft are [disputed|doubted|called into question]."
    )
    assert fact.text == "Claims about stealth aircraft are disputed."
    (group,) = fact.essentials
    assert [written for written, _ in group] == ["disputed", "doubted", "called into question"]
    assert group[2][1] == ("call", "into", "question")
    assert fact.missing_in(("they", "doubt", "it")) == ()  # "doubted" and "doubt" share a stem
    assert fact.missing_in(("call", "it", "into", "question")) == ("disputed",)  # not together
    assert parse_fact("g", "No brackets here.").essentials == ()


@pytest.mark.parametrize(
    "written",
    ["Unbalanced [bracket.", "Closing] only.", "Empty [] group.", "Empty [a||b].", "[!!]"],
)
def test_parse_fact_refuses_broken_brackets(written: str) -> None:
    with pytest.raises(ValueError):
        parse_fact("f", written)


def test_without_brackets_shared_rare_words_are_enough() -> None:
    result = check_facts(
        {"stealth": "Claims that the system can defeat stealth aircraft are disputed."}, STEALTH
    )
    assert result.get("stealth", "Alpha").included
    assert result.get("stealth", "Beta").included  # word overlap alone cannot tell


def test_an_essential_word_separates_the_dispute_from_the_claim() -> None:
    fact = "Claims that the system can defeat stealth aircraft are [disputed|doubted|contested]."
    result = check_facts({"stealth": fact}, STEALTH)
    alpha, beta = result.get("stealth", "Alpha"), result.get("stealth", "Beta")
    assert alpha.included and alpha.missing == ()
    assert alpha.evidence is not None and "disputed" in alpha.evidence.text
    assert not beta.included and beta.missing == ("disputed",)
    assert beta.evidence is not None and "marketed" in beta.evidence.text  # the closest sentence
    assert result.texts == ("Claims that the system can defeat stealth aircraft are disputed.",)


def test_facts_file_reports_a_broken_bracket_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "facts.txt"
    path.write_text(
        "# checklist\nok\tTurkey has [paid|deposit] an advance.\nbad\tTurkey [paid.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_facts(path)
    message = str(raised.value)
    assert f"{path}:3" in message and "fact" in message and "[" in message
    path.write_text("ok\tTurkey has [paid|deposit] an advance.\n", encoding="utf-8")
    assert read_facts(path) == {"ok": "Turkey has [paid|deposit] an advance."}


# --- the s400 answer key ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def s400() -> tuple[Story, dict[str, Any]]:
    key: dict[str, Any] = json.loads((CORPUS / "answer_key.json").read_text(encoding="utf-8"))
    (story,) = group_stories(prepare_document(a) for a in load_corpus(CORPUS))
    return story, key


def test_the_key_checklist_shows_the_key_facts(s400: tuple[Story, dict[str, Any]]) -> None:
    _, key = s400
    assert key["fact_checklist"].keys() == key["facts"].keys()
    for fact_id, written in key["fact_checklist"].items():
        fact = parse_fact(fact_id, written)
        assert fact.text == key["facts"][fact_id]
        assert fact.essentials


def test_every_fact_the_key_says_an_outlet_omits_is_not_found(
    s400: tuple[Story, dict[str, Any]],
) -> None:
    story, key = s400
    result = check_facts(key["fact_checklist"], story)
    omitted = [(o, f) for o, entry in key["outlets"].items() for f in entry["facts_omitted"]]
    assert len(omitted) == 52
    assert [cell for cell in omitted if result.get(cell[1], cell[0]).included] == []


def test_s400_facts_agree_with_the_answer_key(s400: tuple[Story, dict[str, Any]]) -> None:
    story, key = s400
    result = check_facts(key["fact_checklist"], story)
    cells = agree = true_pos = found = included = 0
    disagreements: list[str] = []
    for outlet, entry in key["outlets"].items():
        for fact in entry["facts_included"] + entry["facts_omitted"]:
            match = result.get(fact, outlet)
            expected = fact in entry["facts_included"]
            cells += 1
            found += match.included
            included += expected
            true_pos += match.included and expected
            if match.included == expected:
                agree += 1
            else:
                text = match.evidence.text[:100] if match.evidence else ""
                disagreements.append(
                    f"{outlet} / {fact}: key={'included' if expected else 'omitted'} "
                    f"sim={match.similarity:.3f} lacks={match.missing} best={text!r}"
                )
    precision = true_pos / found
    recall = true_pos / included
    print(f"\nagreement {agree}/{cells} = {agree / cells:.1%}")
    print(f"'included' precision {precision:.1%} recall {recall:.1%}")
    print("\n".join(disagreements))
    assert agree / cells >= 0.9
    for match in result.matches:
        if match.evidence is not None:
            assert match.evidence.layer == "fact" and match.evidence.label == match.fact_id
