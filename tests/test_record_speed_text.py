"""The record's parts written as text (``framing.record_text``) are the plain values' JSON.

Why: ``framing annotate`` writes the sentences and the scores object straight to text for
speed alone; every byte must stay what ``json.dumps`` gives for ``annotation_record``'s
sentences and ``export.article_scores``. ``tests/test_annotate_speed_equivalence.py`` holds
whole lines to the plain record; this module reaches the cases those articles never do:
repeated lexicon or category names (which the plain dicts merge), signed zeros, empty
articles, hits outside the sentences, and lengths that disagree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis import (
    ArticleAnalysis,
    Resources,
    analyze_documents,
    load_resources,
    prepare_document,
)
from framing.annotate import annotation_record
from framing.article_records import article_scores
from framing.lexicon import parse_lexicon
from framing.lexicon_scores import CategoryCount
from framing.loading import load_corpus
from framing.model import Article
from framing.record_sentences import SentencesText
from framing.record_text import ENCODE, ScoresText, TextMemo, float_text
from framing.synthetic import generate_articles

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

ODD_FRAMES = """# name: odd-frames
# kind: frames
# category: a | A | one
# category: b | B | two
term\tcategory\tweight\tnote
deal\ta\t0.3\t
system\tb\t0.1\t
missile\tb\t-0.2\t
said\ta\t0.000001\t
"""


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain_sentences(analysis: ArticleAnalysis, resources: Resources) -> str:
    """The sentences list of the plain record, without its brackets."""
    return _dumps(annotation_record(analysis, resources)["sentences"])[1:-1]


def assert_parts_as_before(analyses: Sequence[ArticleAnalysis], resources: Resources) -> None:
    memo = TextMemo()
    scores, sentences = ScoresText(memo), SentencesText(memo)
    plain = [_plain_sentences(analysis, resources) for analysis in analyses]
    for _ in range(2):  # the second time from memory
        for analysis, expected in zip(analyses, plain, strict=True):
            assert scores.text(analysis) == _dumps(article_scores(analysis))
            assert sentences.text(analysis) == expected
        # the whole list as one batch, and split in two
        assert sentences.texts(analyses) == plain
        half = len(analyses) // 2
        assert sentences.texts(analyses[:half]) + sentences.texts(analyses[half:]) == plain


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources((parse_lexicon(ODD_FRAMES, "odd.tsv"),))


def _analyses(articles: Sequence[Article], resources: Resources) -> list[ArticleAnalysis]:
    return analyze_documents([prepare_document(a) for a in articles], resources)


def test_bundled_and_generated_articles(resources: Resources) -> None:
    articles = [*load_corpus(CORPUS)]
    articles += [Article(**r) for r in generate_articles(30, seed=8, words=200)]
    assert_parts_as_before(_analyses(articles, resources), resources)
    assert_parts_as_before(_analyses(articles[:5], load_resources()), load_resources())


def test_empty_and_tiny_articles(resources: Resources) -> None:
    texts = ["", " ", "deal", "Not certain.", "Deal! Deal? deal deal. System missile said."]
    articles = [Article(f"a{i}", "O", text) for i, text in enumerate(texts)]
    assert_parts_as_before(_analyses(articles, resources), resources)


def test_repeated_names_are_merged_as_the_plain_dicts_merge_them(resources: Resources) -> None:
    articles = [Article(**r) for r in generate_articles(4, seed=2, words=200)]
    analyses = _analyses(articles, resources)
    odd = []
    for analysis in analyses:
        lexicons = analysis.lexicons
        # a lexicon twice, and a lexicon whose categories repeat a name
        first = lexicons[0]
        counts = (*first.categories, replace(first.categories[0], hits=99))
        twin = replace(first, categories=counts)
        odd.append(replace(analysis, lexicons=(*lexicons, lexicons[1])))
        odd.append(replace(analysis, lexicons=(twin, *lexicons[1:])))
        profile = tuple(first.profile) + tuple(first.profile[:1])
        odd.append(replace(analysis, lexicons=(replace(first, profile=profile), *lexicons[1:])))
    assert_parts_as_before(odd, resources)


def test_signed_zeros_and_odd_floats(resources: Resources) -> None:
    article = Article("a", "O", "The deal. The system said no. Missile deal, a deal.")
    analysis = _analyses([article], resources)[0]
    values = [0.0, -0.0, 1e-9, -1e-9, 0.00005, -0.00005, 1e300, 2.5, 1 / 3]
    odd = []
    for value in values:
        lexicons = tuple(
            replace(
                scores,
                categories=tuple(replace(c, score=value) for c in scores.categories),
                profile=tuple((name, value) for name, _ in scores.profile),
            )
            for scores in analysis.lexicons
        )
        compounds = tuple(value for _ in analysis.tone.compounds)
        tone = replace(analysis.tone, compounds=compounds)
        odd.append(replace(analysis, lexicons=lexicons, tone=tone))
    assert_parts_as_before(odd, resources)


def test_hits_in_no_sentence_are_left_out_as_before(resources: Resources) -> None:
    """A hit whose sentence is past the last one has no sentence record to go in."""
    article = Article("a", "O", "The deal. The system said so. A missile deal.")
    analysis = _analyses([article], resources)[0]
    lexicons = []
    for scores in analysis.lexicons:
        moved = scores.hit_sentence.copy()
        moved[::2] += 10
        lexicons.append(replace(scores, hit_sentence=moved))
    assert_parts_as_before([replace(analysis, lexicons=tuple(lexicons))], resources)


def test_lengths_that_disagree_raise_as_before(resources: Resources) -> None:
    article = Article("a", "O", "The deal. The system said so. A missile deal.")
    analysis = _analyses([article], resources)[0]
    short = replace(analysis, tone=replace(analysis.tone, compounds=analysis.tone.compounds[:-1]))
    with pytest.raises(ValueError):
        annotation_record(short, resources)
    with pytest.raises(ValueError):
        SentencesText(TextMemo()).text(short)


numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1, 1.0, True, False, 0, 0.12345, -0.00004, 5e-5, 1e300]),
    st.integers(-(10**20), 10**20),
    st.floats(-2, 2).map(lambda x: round(x, 4)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(numbers, max_size=30))
def test_remembered_numbers_are_written_as_json_writes_them(values: list[Any]) -> None:
    memo = TextMemo()
    for value in [*values, *values]:  # the second time from memory
        assert memo.round4(value) == json.dumps(round(value, 4)), value
        assert memo.number(value) == json.dumps(value), value
    assert all(type(key) is float and key for key in memo.rounded)
    assert np.all([type(key) is float and key for key in memo.numbers])


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.floats(), st.floats(-1e6, 1e6).map(lambda x: round(x, 4))))
def test_float_text_is_what_json_writes(value: float) -> None:
    assert float_text(value) == ENCODE(value) == json.dumps(value)


def test_float_text_of_edge_floats() -> None:
    import sys

    for value in (0.0, -0.0, 5e-324, -5e-324, sys.float_info.max, -sys.float_info.max, 1e16,
                  1e-5, 1e-4, 123456789.0, float("nan"), float("inf"), float("-inf")):  # fmt: skip
        assert float_text(value) == json.dumps(value)


def test_category_counts_keep_their_field_order() -> None:
    """``ScoresText`` formats a category's fields in this order."""
    assert [f for f in CategoryCount.__dataclass_fields__] == [
        "category", "hits", "score", "sentences", "negated",
    ]  # fmt: skip


category_values = st.tuples(
    st.sampled_from([0, 1, 2, 7]),
    st.sampled_from([0.0, -0.0, 0, 1.5, -2.25, 1e-9, float("nan")]),
    st.sampled_from([0, 1, 3]),
    st.sampled_from([0, 1]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(category_values, min_size=1, max_size=8),
    st.sampled_from([(0, 0), (1, 1), (250, 12), (-3, -1), (7, 0), (0, 5)]),
    st.sampled_from(["stance", "odd%sname", "100%", "%d%%"]),
)
def test_zero_categories_and_percent_signs_are_written_as_the_dicts_are(
    resources: Resources,
    values: list[tuple[int, float, int, int]],
    lengths: tuple[int, int],
    name: str,
) -> None:
    """A category with nothing (its record one constant text), beside any other; ``%`` in
    a lexicon's or category's name (the record is one ``%`` format); any article length."""
    article = Article("a", "O", "The deal. The system said no. Missile deal, a deal.")
    analysis = _analyses([article], resources)[0]
    n_tokens, n_sentences = lengths
    lexicons = []
    for index, scores in enumerate(analysis.lexicons):
        categories = tuple(
            CategoryCount(f"{name}-{k}", hits, score, sentences, negated)
            for k, (hits, score, sentences, negated) in enumerate(values)
        )
        lexicons.append(
            replace(
                scores,
                lexicon=f"{name}{index}",
                categories=categories,
                n_tokens=n_tokens,
                n_sentences=n_sentences,
                profile=tuple((c.category, c.score) for c in categories) if scores.profile else (),
            )
        )
    assert_parts_as_before([replace(analysis, lexicons=tuple(lexicons))], resources)
