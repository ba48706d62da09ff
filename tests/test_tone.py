"""Sentence tone on VADER's word list: rules, evidence and agreement with vaderSentiment."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.analysis import prepare_document
from framing.loading import load_corpus
from framing.model import Article
from framing.tone import classify, load_vader_lexicon, score_tone, word_valences

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


@pytest.fixture(scope="module")
def lexicon() -> dict[str, float]:
    return load_vader_lexicon()


def compound(text: str, lexicon: dict[str, float]) -> float:
    document = prepare_document(Article(id="a", outlet="o", text=text))
    tone = score_tone(document, lexicon)
    assert len(tone.sentences) == 1
    return tone.sentences[0].compound


def test_lexicon_is_read_from_the_installed_distribution(lexicon: dict[str, float]) -> None:
    assert len(lexicon) > 7000
    assert lexicon["good"] > 0 > lexicon["bad"]


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("The deal is bad.", "The deal is good."),
        ("The deal is not good.", "The deal is good."),
        ("The deal is good.", "The deal is very good."),
        ("The deal is very bad.", "The deal is bad."),
        ("The deal is great but costly.", "The deal is costly but great."),
    ],
)
def test_rules_order_sentences_as_vader_does(
    lower: str, higher: str, lexicon: dict[str, float]
) -> None:
    assert compound(lower, lexicon) < compound(higher, lexicon)


def test_negation_flips_sign(lexicon: dict[str, float]) -> None:
    assert classify(compound("This is a good deal.", lexicon)) == "positive"
    assert classify(compound("This isn't a good deal.", lexicon)) == "negative"
    assert classify(compound("The talks were held on Monday.", lexicon)) == "neutral"


def test_but_rule_weights_by_position(lexicon: dict[str, float]) -> None:
    valences = word_valences(["good", "but", "good"], lexicon)
    assert valences[0] == pytest.approx(0.5 * lexicon["good"])
    assert valences[2] == pytest.approx(1.5 * lexicon["good"])


def test_evidence_spans_are_the_scored_words(lexicon: dict[str, float]) -> None:
    text = "A terrible threat.\n\nA welcome agreement!"
    document = prepare_document(Article(id="a", outlet="o", text=text))
    tone = score_tone(document, lexicon)
    words = {(text[e.start : e.end], e.label) for e in tone.evidence}
    assert ("terrible", "negative") in words
    assert ("threat", "negative") in words
    assert ("welcome", "positive") in words
    assert all(e.text == text[e.start : e.end] for e in tone.evidence)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="bundled corpus missing")
def test_agreement_with_vadersentiment_on_the_bundled_corpus(lexicon: dict[str, float]) -> None:
    """Our scorer and vaderSentiment agree closely on real news sentences.

    They differ on purpose (tokenisation, the "but" rule, no ALL-CAPS rule), so agreement is
    high but not perfect; the thresholds pin it so a regression shows up.
    """
    reference = SentimentIntensityAnalyzer()
    ours, theirs = [], []
    for article in load_corpus(CORPUS):
        document = prepare_document(article)
        for sentence in score_tone(document, lexicon).sentences:
            ours.append(sentence.compound)
            text = article.text[sentence.start : sentence.end]
            theirs.append(reference.polarity_scores(text)["compound"])
    assert len(ours) > 200
    correlation = float(np.corrcoef(ours, theirs)[0, 1])
    same_class = np.mean([classify(a) == classify(b) for a, b in zip(ours, theirs, strict=True)])
    assert correlation > 0.9, correlation
    assert same_class > 0.85, same_class
