"""Sentence tone on VADER's word list, with its negation, booster and contrast rules.

VADER (Hutto & Gilbert 2014) ships its lexicon inside the ``vaderSentiment`` distribution; we read
that file with ``importlib.resources`` and apply the rules to our own shared tokens rather than
calling ``vaderSentiment``'s analyzer, for two reasons: its analyzer re-splits text on whitespace,
so its words carry no character offsets to highlight, and it is slow on large corpora.

What differs from ``vaderSentiment`` 3.3.2, on purpose:
- tokens come from :mod:`framing.text` (punctuation is never part of a word);
- the contrast rule weights every word before the first "but" by 0.5 and after it by 1.5 by
  position (``vaderSentiment`` looks words up by value, which misweights repeated valences);
- the ALL-CAPS emphasis rule and emoji descriptions are left out: news prose rarely shouts, and
  capitalised acronyms ("NATO", "US") would trigger it wrongly.
The test suite reports agreement with ``vaderSentiment`` on the bundled corpus.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE

from framing.model import Document, Evidence

# Constants from vaderSentiment 3.3.2 (Hutto & Gilbert 2014, empirically derived there).
NORMALIZE_ALPHA = 15.0
"""``compound = s / sqrt(s*s + alpha)``: the alpha VADER uses to map sums into (-1, 1)."""
BOOSTER_DAMPING = (1.0, 0.95, 0.9)
"""A booster one, two or three words before a word counts fully, 0.95 or 0.9 (VADER)."""
BUT_BEFORE, BUT_AFTER = 0.5, 1.5
"""Weights of words before and after a contrastive "but" (VADER's ``_but_check``)."""
EXCLAMATION_BOOST, EXCLAMATION_MAX = 0.292, 4
"""Each "!" adds 0.292 to the sum's magnitude, up to four of them (VADER's ``_amplify_ep``)."""
NEUTRAL_BAND = 0.05
"""VADER's documented thresholds: compound >= 0.05 is positive, <= -0.05 negative."""

_NEGATIONS = frozenset(NEGATE)


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """Tone of one sentence: VADER's compound score in [-1, 1]."""

    index: int
    start: int
    end: int
    compound: float


@dataclass(frozen=True, slots=True)
class ArticleTone:
    """Tone of every sentence of an article, and the tone words behind it."""

    article_id: str
    sentences: tuple[SentenceTone, ...]
    evidence: tuple[Evidence, ...]

    @property
    def mean_compound(self) -> float:
        if not self.sentences:
            return 0.0
        return sum(s.compound for s in self.sentences) / len(self.sentences)


def load_vader_lexicon() -> dict[str, float]:
    """Read VADER's word list (token TAB mean valence TAB ...) from the installed distribution."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0]:
            lexicon[parts[0].lower()] = float(parts[1])
    return lexicon


def classify(compound: float) -> str:
    """Name a compound score with VADER's thresholds."""
    if compound >= NEUTRAL_BAND:
        return "positive"
    if compound <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def score_tone(document: Document, lexicon: Mapping[str, float]) -> ArticleTone:
    """Score every sentence of a document and keep each contributing word as evidence."""
    prepared = document.prepared
    text = document.article.text
    sentences: list[SentenceTone] = []
    evidence: list[Evidence] = []
    for index, (first, last) in enumerate(prepared.sentence_token_ranges()):
        span = prepared.sentences[index]
        norms = prepared.token_norms[first:last]
        valences = word_valences(norms, lexicon)
        total = sum(valences)
        exclamations = min(text.count("!", span.start, span.end), EXCLAMATION_MAX)
        if total > 0:
            total += exclamations * EXCLAMATION_BOOST
        elif total < 0:
            total -= exclamations * EXCLAMATION_BOOST
        compound = total / math.sqrt(total * total + NORMALIZE_ALPHA) if total else 0.0
        sentences.append(SentenceTone(index, span.start, span.end, round(compound, 4)))
        for offset, valence in enumerate(valences):
            if valence:
                token = first + offset
                start, end = prepared.token_starts[token], prepared.token_ends[token]
                evidence.append(
                    Evidence(
                        document.id,
                        start,
                        end,
                        "tone",
                        "positive" if valence > 0 else "negative",
                        round(valence, 4),
                        text[start:end],
                    )
                )
    return ArticleTone(document.id, tuple(sentences), tuple(evidence))


def word_valences(norms: Sequence[str], lexicon: Mapping[str, float]) -> list[float]:
    """Return each word's valence in one sentence after VADER's modifier rules."""
    valences = [_valence_at(norms, i, lexicon) for i in range(len(norms))]
    if "but" in norms:
        pivot = norms.index("but")
        valences = [
            v * BUT_BEFORE if i < pivot else v * BUT_AFTER if i > pivot else v
            for i, v in enumerate(valences)
        ]
    return valences


def _valence_at(norms: Sequence[str], i: int, lexicon: Mapping[str, float]) -> float:
    word = norms[i]
    if word in BOOSTER_DICT or word not in lexicon:
        return 0.0
    if word == "kind" and i + 1 < len(norms) and norms[i + 1] == "of":
        return 0.0
    valence = lexicon[word]
    if word == "no" and i + 1 < len(norms) and norms[i + 1] in lexicon:
        return 0.0  # "no" negates the next word instead of counting itself
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
        if _is_negation(before):
            valence *= N_SCALAR
    if i > 0 and norms[i - 1] == "least" and not (i > 1 and norms[i - 2] in ("at", "very")):
        valence *= N_SCALAR
    return valence


def _is_negation(norm: str) -> bool:
    return norm in _NEGATIONS or "n't" in norm


@dataclass(frozen=True, slots=True)
class OutletTone:
    """An outlet's sentence tone: mean compound and the shares of positive/negative sentences."""

    outlet: str
    n_sentences: int
    mean_compound: float
    share_positive: float
    share_negative: float
    share_neutral: float


def summarize_tone(outlet: str, articles: list[ArticleTone]) -> OutletTone:
    """Pool an outlet's sentences (every sentence weighs the same, whichever article it is in)."""
    compounds = [s.compound for article in articles for s in article.sentences]
    n = len(compounds)
    if not n:
        return OutletTone(outlet, 0, 0.0, 0.0, 0.0, 0.0)
    labels = [classify(c) for c in compounds]
    return OutletTone(
        outlet,
        n,
        sum(compounds) / n,
        labels.count("positive") / n,
        labels.count("negative") / n,
        labels.count("neutral") / n,
    )
