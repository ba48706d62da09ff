"""The lexicon format and matcher: parsing errors, matching rules, and the built-in lexicon."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicon import load_lexicon, parse_lexicon
from framing.matching import LexiconMatcher
from framing.text import tokenize

HEADER = """# name: test
# title: Test lexicon
# version: 1.0
# measures: test cues
# source: written for the tests
# licence: CC0
# category: a | Alpha | first
# category: b | Beta | second
term\tcategory\tweight\tnote
"""


def lexicon_of(rows: str) -> LexiconMatcher:
    return LexiconMatcher(parse_lexicon(HEADER + rows, "test.tsv"))


def matched(matcher: LexiconMatcher, text: str) -> list[tuple[str, str]]:
    starts, ends, norms = tokenize(text)
    return [(text[starts[m.first] : ends[m.last]], m.entry.category) for m in matcher.match(norms)]


def test_header_fields_are_read() -> None:
    lexicon = parse_lexicon(HEADER + "threat\ta\t1\t\n", "test.tsv")
    assert (lexicon.name, lexicon.version, lexicon.licence) == ("test", "1.0", "CC0")
    assert [c.label for c in lexicon.categories] == ["Alpha", "Beta"]
    assert lexicon.entries[0].patterns == ("threat",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER.replace("# licence: CC0\n", "") + "x\ta\t1\t\n", "header lacks licence"),
        (HEADER + "x\tzzz\t1\t\n", r"test.tsv:10: field 'category': unknown category 'zzz'"),
        (HEADER + "x\ta\tlots\t\n", r"test.tsv:10: field 'weight': 'lots' is not a number"),
        (HEADER + "x\ta\n", "expected 4 tab-separated fields"),
        (HEADER.replace("term\tcategory\tweight\tnote\n", "") + "x\ta\t1\t\n", "column line"),
        (
            HEADER.replace("# category: a | Alpha | first\n# category: b | Beta | second\n", "")
            + "x\ta\t1\t\n",
            "no '# category",
        ),
        (HEADER.replace("a | Alpha | first", "a only"), "a category line must read"),
    ],
)
def test_malformed_lexicons_name_file_line_and_fix(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, "test.tsv", built_in=True)


def test_matching_is_case_insensitive_and_respects_token_boundaries() -> None:
    matcher = lexicon_of("threat\ta\t1\t\n")
    assert matched(matcher, "A THREAT, a Threat; threatening threats") == [
        ("THREAT", "a"),
        ("Threat", "a"),
    ]


def test_star_matches_prefixes_only_at_token_start() -> None:
    matcher = lexicon_of("sanction*\ta\t1\t\n")
    assert [t for t, _ in matched(matcher, "Sanctions, sanctioned; unsanctioned")] == [
        "Sanctions",
        "sanctioned",
    ]


def test_longest_phrase_wins_and_matches_do_not_overlap() -> None:
    matcher = lexicon_of("threat\ta\t1\t\nmissile threat\tb\t1\t\n")
    assert matched(matcher, "a missile threat and a threat") == [
        ("missile threat", "b"),
        ("threat", "a"),
    ]


def test_hyphenated_and_possessive_terms_use_the_text_tokenizer() -> None:
    matcher = lexicon_of("air-defence\ta\t1\t\nnational interest\tb\t1\t\n")
    assert matched(matcher, "Its air-defence plans serve the national interest.") == [
        ("air-defence", "a"),
        ("national interest", "b"),
    ]


def test_built_in_frame_lexicon_is_complete() -> None:
    lexicon = load_lexicon("frames.tsv")
    ids = {c.id for c in lexicon.categories}
    assert ids == {
        "security_threat",
        "alliance_rift",
        "sovereignty",
        "commercial",
        "strategic_autonomy",
        "technical",
    }
    for category in ids:
        assert sum(e.category == category for e in lexicon.entries) >= 40, category
    terms = [e.term for e in lexicon.entries]
    assert len(terms) == len(set(terms)), "a term is listed twice"
    assert "Semetko" in lexicon.source and "Boydstun" in lexicon.source


POLICY_DIMENSIONS = [
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
]


def test_policy_frames_use_the_codebook_dimension_names_with_forty_cues_each() -> None:
    lexicon = load_lexicon("policy_frames.tsv")
    assert [c.label for c in lexicon.categories] == POLICY_DIMENSIONS
    assert lexicon.kind == "frames" and "Boydstun" in lexicon.source
    for category in lexicon.categories:
        assert sum(e.category == category.id for e in lexicon.entries) >= 40, category.label


def test_generic_frames_stance_and_loaded_language_have_their_categories() -> None:
    generic = load_lexicon("generic_frames.tsv")
    assert generic.category_ids == (
        "conflict",
        "human_interest",
        "economic",
        "morality",
        "responsibility",
    )
    assert "Semetko" in generic.source
    assert all(sum(e.category == c for e in generic.entries) >= 40 for c in generic.category_ids)
    stance = load_lexicon("stance.tsv")
    assert set(stance.category_ids) == {
        "hedge",
        "booster",
        "factive",
        "implicative",
        "attribution_neutral",
        "attribution_loaded",
    }
    assert stance.negation == (("hedge", "booster"),) and "Recasens" in stance.source
    loaded = load_lexicon("loaded.tsv")
    assert {"pejorative_label", "emotive", "intensifier"} <= set(loaded.category_ids)
    assert "BABE" in loaded.source


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The regime slammed the so-called reform.", "loaded-language"),
        ("He claimed, and she insisted, that it was true.", "stance"),
        ("Taxes and the budget deficit rose.", "policy-frames"),
        ("The two sides traded accusations.", "generic-frames"),
    ],
)
def test_each_built_in_lexicon_fires_on_a_plain_example(text: str, category: str) -> None:
    from framing.analysis import analyze_document, load_resources, prepare_document
    from framing.model import Article

    analysis = analyze_document(
        prepare_document(Article(id="a", outlet="o", text=text)), load_resources()
    )
    assert analysis.scores_of(category).n_hits >= 2, [
        (e.text, e.label) for e in analysis.scores_of(category).evidence
    ]
