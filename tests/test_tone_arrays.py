"""The array form of VADER's rules gives exactly the valences of the rules written word by word.

``framing.tone`` applies VADER's modifier rules as NumPy operations over a batch of articles.
The reference below is the word-by-word form the project used before (and the one a reader
checks against VADER's paper): both must give the same valences, compounds and evidence,
bit for bit, on the bundled corpus, on generated articles and on arbitrary word sequences.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE

from framing import synthetic
from framing.analysis import prepare_document
from framing.loading import load_corpus
from framing.model import Article, Document
from framing.tone import (
    BOOSTER_DAMPING,
    BUT_AFTER,
    BUT_BEFORE,
    EXCLAMATION_BOOST,
    EXCLAMATION_MAX,
    NORMALIZE_ALPHA,
    ArticleTone,
    VaderLexicon,
    load_vader_lexicon,
    score_tone,
    score_tones,
    word_valences,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def reference_valence(norms: Sequence[str], i: int, lexicon: Mapping[str, float]) -> float:
    """VADER's rules for the word at ``i``, one word at a time (the oracle)."""
    word = norms[i]
    if word in BOOSTER_DICT or word not in lexicon:
        return 0.0
    if word == "kind" and i + 1 < len(norms) and norms[i + 1] == "of":
        return 0.0
    valence = lexicon[word]
    if word == "no" and i + 1 < len(norms) and norms[i + 1] in lexicon:
        return 0.0
    if (i > 0 and norms[i - 1] == "no") or (i > 1 and norms[i - 2] == "no"):
        valence *= N_SCALAR
    for distance in (1, 2, 3):
        if i < distance:
            break
        before = norms[i - distance]
        if before in lexicon:
            continue
        boost = BOOSTER_DICT.get(before, 0.0)
        if boost:
            valence += (boost if valence > 0 else -boost) * BOOSTER_DAMPING[distance - 1]
        if before in NEGATE or "n't" in before:
            valence *= N_SCALAR
    if i > 0 and norms[i - 1] == "least" and not (i > 1 and norms[i - 2] in ("at", "very")):
        valence *= N_SCALAR
    return valence


def reference_valences(norms: Sequence[str], lexicon: Mapping[str, float]) -> list[float]:
    valences = [reference_valence(norms, i, lexicon) for i in range(len(norms))]
    if "but" in norms:
        pivot = norms.index("but")
        valences = [
            v * BUT_BEFORE if i < pivot else v * BUT_AFTER if i > pivot else v
            for i, v in enumerate(valences)
        ]
    return valences


def reference_tone(document: Document, lexicon: Mapping[str, float]) -> tuple[object, ...]:
    """Compounds and evidence (as plain tuples) of one document, word by word."""
    prepared = document.prepared
    text = document.article.text
    compounds, evidence = [], []
    for index, (first, last) in enumerate(prepared.sentence_token_ranges()):
        span = prepared.sentences[index]
        valences = reference_valences(prepared.token_norms[first:last], lexicon)
        total = sum(valences)
        exclamations = min(text.count("!", span.start, span.end), EXCLAMATION_MAX)
        if total > 0:
            total += exclamations * EXCLAMATION_BOOST
        elif total < 0:
            total -= exclamations * EXCLAMATION_BOOST
        compound = total / math.sqrt(total * total + NORMALIZE_ALPHA) if total else 0.0
        compounds.append(round(compound, 4))
        for offset, valence in enumerate(valences):
            if valence:
                token = first + offset
                start, end = prepared.token_starts[token], prepared.token_ends[token]
                label = "positive" if valence > 0 else "negative"
                evidence.append((start, end, label, round(valence, 4), text[start:end]))
    return tuple(compounds), tuple(evidence)


def as_tuples(tone: ArticleTone) -> tuple[object, ...]:
    evidence = tuple((e.start, e.end, e.label, e.weight, e.text) for e in tone.evidence)
    assert all(e.layer == "tone" and e.article_id == tone.article_id for e in tone.evidence)
    return tone.compounds, evidence


@pytest.fixture(scope="module")
def lexicon() -> VaderLexicon:
    return load_vader_lexicon()


def documents_of(texts: Sequence[str]) -> list[Document]:
    return [
        prepare_document(Article(id=f"a{i}", outlet="o", text=text)) for i, text in enumerate(texts)
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="bundled corpus missing")
def test_bundled_corpus_scores_exactly_as_word_by_word(lexicon: VaderLexicon) -> None:
    documents = [prepare_document(article) for article in load_corpus(CORPUS)]
    tones = score_tones(documents, lexicon)
    assert sum(len(t.evidence) for t in tones) > 300
    for document, tone in zip(documents, tones, strict=True):
        assert as_tuples(tone) == reference_tone(document, lexicon), document.id


def test_generated_articles_score_exactly_as_word_by_word(lexicon: VaderLexicon) -> None:
    documents = documents_of([r["text"] for r in synthetic.generate_articles(60, seed=3)])
    tones = score_tones(documents, lexicon)
    for document, tone in zip(documents, tones, strict=True):
        assert as_tuples(tone) == reference_tone(document, lexicon), document.id
    # One article at a time gives the same as a batch.
    assert [as_tuples(score_tone(d, lexicon)) for d in documents[:5]] == [
        as_tuples(t) for t in tones[:5]
    ]


MODIFIERS = ["no", "not", "never", "don't", "isn't", "xyzn't", "but", "kind", "of", "sort"]
MODIFIERS += ["least", "at", "very", "extremely", "slightly", "hardly", "really", "without"]
VALENCED = ["good", "bad", "great", "threat", "welcome", "kind", "no", "like", "hope", "fail"]
NEUTRAL = ["the", "deal", "system", "Turkey", "S-400", "2019", "said"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(MODIFIERS + VALENCED + NEUTRAL), max_size=30).map(" ".join)
        | st.text(max_size=60),
        max_size=6,
    ).map(lambda parts: " ".join(p + (". ", "! ", "!!! ", "? ", "\n\n")[len(p) % 5] for p in parts))
)
def test_any_text_scores_exactly_as_word_by_word(text: str) -> None:
    lexicon = load_vader_lexicon()
    document = documents_of([text])[0]
    assert as_tuples(score_tone(document, lexicon)) == reference_tone(document, lexicon)


def test_word_valences_follow_the_rules(lexicon: VaderLexicon) -> None:
    for norms in (
        ["not", "very", "good"],
        ["no", "good"],
        ["kind", "of", "bad"],
        ["at", "least", "good"],
        ["least", "good"],
        ["good", "but", "bad", "but", "good"],
        [],
    ):
        assert word_valences(norms, lexicon) == reference_valences(norms, lexicon), norms


def test_a_plain_mapping_works_like_the_shipped_lexicon(lexicon: VaderLexicon) -> None:
    document = documents_of(["The deal is not very good, but the talks went well!"])[0]
    assert as_tuples(score_tone(document, dict(lexicon))) == as_tuples(
        score_tone(document, lexicon)
    )
    assert score_tone(document, {"deal": 2.0}).compounds[0] > 0


def test_the_lexicon_pickles_without_its_table(lexicon: VaderLexicon) -> None:
    lexicon.table()
    copy = pickle.loads(pickle.dumps(lexicon))
    assert isinstance(copy, VaderLexicon) and copy == lexicon
    assert copy._table is None


def test_an_empty_batch_and_empty_text_score_nothing(lexicon: VaderLexicon) -> None:
    assert score_tones([], lexicon) == []
    tone = score_tone(documents_of([""])[0], lexicon)
    assert tone.compounds == () and tone.evidence == () and tone.mean_compound == 0.0
