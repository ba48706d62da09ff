"""Sentence tone on VADER's word list, with its negation, booster and contrast rules.

VADER (Hutto & Gilbert 2014) ships its lexicon inside the ``vaderSentiment`` distribution; we read
that file with ``importlib.resources`` and apply the rules to our own shared tokens rather than
calling ``vaderSentiment``'s analyzer, for two reasons: its analyzer re-splits text on whitespace,
so its words carry no character offsets to highlight, and it is slow on large corpora.

The rules run on arrays, a batch of articles at a time: every token becomes an id into a
:class:`VaderTable` (valence, "listed", booster increment, negation flag per word), and each
rule is one NumPy operation over the scoring words and their neighbours, instead of a Python
loop over every token. ``tests/test_tone.py`` checks that this gives exactly the valences of
the rules written word by word, and reports agreement with ``vaderSentiment``.

What differs from ``vaderSentiment`` 3.3.2, on purpose:
- tokens come from :mod:`framing.text` (punctuation is never part of a word);
- the contrast rule weights every word before the first "but" by 0.5 and after it by 1.5 by
  position (``vaderSentiment`` looks words up by value, which misweights repeated valences);
- the ALL-CAPS emphasis rule and emoji descriptions are left out: news prose rarely shouts, and
  capitalised acronyms ("NATO", "US") would trigger it wrongly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray
from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE

from framing.model import Document, Evidence, Span
from framing.vocabulary import IdTable, shared_vocabulary

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
_UNLISTED, _UNLISTED_NEGATION = 0, 1
"""Ids of words outside the table: plain, or a contraction with "n't" (a negation)."""
_VOCABULARY_CAP = 2_000_000
"""Unlisted words remembered before the memo is reset, so a stream holds bounded memory."""


class _Vocabulary(dict[str, int]):
    """Word -> id; an unseen word is classed once (plain or "n't" negation) and remembered,
    so looking up a token is one C-level dict lookup however often the word recurs."""

    def __init__(self, known: Mapping[str, int]) -> None:
        super().__init__(known)
        self._known = dict(known)

    def __missing__(self, word: str) -> int:
        if len(self) > _VOCABULARY_CAP:
            self.clear()
            self.update(self._known)
        word_id = _UNLISTED_NEGATION if "n't" in word else _UNLISTED
        self[word] = word_id
        return word_id


@dataclass(frozen=True, eq=False)
class VaderTable:
    """VADER's word list and modifier words as arrays indexed by word id.

    ``scores`` marks the words that carry a valence of their own (listed and not a booster);
    ``listed`` the words in the list at all, which stop a booster or negation before them
    from reaching further (VADER's rule); ``boost`` a booster's increment; ``negation`` the
    negating words.
    """

    ids: _Vocabulary
    valence: NDArray[np.float64]
    scores: NDArray[np.bool_]
    listed: NDArray[np.bool_]
    boost: NDArray[np.float64]
    negation: NDArray[np.bool_]
    by_token_id: IdTable
    """``ids`` by the tokens' ids in the run's vocabulary (``framing.vocabulary``)."""

    @classmethod
    def build(cls, lexicon: Mapping[str, float]) -> VaderTable:
        specials = ("but", "no", "kind", "of", "least", "at", "very")
        words = sorted(set(lexicon) | set(BOOSTER_DICT) | _NEGATIONS | set(specials))
        known = {word: index + 2 for index, word in enumerate(words)}
        size = len(words) + 2
        valence = np.zeros(size)
        scores = np.zeros(size, dtype=bool)
        listed = np.zeros(size, dtype=bool)
        boost = np.zeros(size)
        negation = np.zeros(size, dtype=bool)
        negation[_UNLISTED_NEGATION] = True
        for word, index in known.items():
            if word in lexicon:
                listed[index] = True
                valence[index] = lexicon[word]
                scores[index] = word not in BOOSTER_DICT
            boost[index] = BOOSTER_DICT.get(word, 0.0)
            negation[index] = word in _NEGATIONS or "n't" in word
        ids = _Vocabulary(known)
        by_token_id = IdTable(partial(_word_ids, ids))
        return cls(ids, valence, scores, listed, boost, negation, by_token_id)


def _word_ids(ids: Mapping[str, int], words: Sequence[str]) -> NDArray[np.int64]:
    """The id of each word (``VaderTable.ids``), looked up in C."""
    return np.fromiter(map(ids.__getitem__, words), dtype=np.int64, count=len(words))


class VaderLexicon(dict[str, float]):
    """VADER's word list (word -> mean valence), carrying its :class:`VaderTable` once built."""

    _table: VaderTable | None = None

    def table(self) -> VaderTable:
        if self._table is None:
            self._table = VaderTable.build(self)
        return self._table

    def __reduce__(self) -> tuple[Any, ...]:
        return (VaderLexicon, (dict(self),))


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """Tone of one sentence: VADER's compound score in [-1, 1]."""

    index: int
    start: int
    end: int
    compound: float


@dataclass(frozen=True, slots=True)
class ArticleTone:
    """Tone of every sentence of an article, and the tone words behind it.

    Compounds are kept as one tuple beside the article's sentence spans rather than as an
    object per sentence: an annotate run scores millions of sentences, and most readers only
    need the numbers (``sentences`` builds the objects on demand).
    """

    article_id: str
    spans: tuple[Span, ...]
    compounds: tuple[float, ...]
    text: str = field(default="", repr=False)
    """The article's text, which ``evidence`` quotes."""
    word_starts: tuple[int, ...] = field(default=(), repr=False)
    """Start offsets of the tone words (the tokens with a valence), in text order."""
    word_ends: tuple[int, ...] = field(default=(), repr=False)
    word_valences: tuple[float, ...] = field(default=(), repr=False)
    """Each tone word's valence after VADER's rules (never zero)."""

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The tone words as evidence: label ``positive`` or ``negative`` by the valence's
        sign, weight the valence rounded to four places.

        Built on demand from the columns: ``framing annotate`` writes the columns directly
        (``annotate._LineWriter``), and an object per tone word (about 50 per article) cost
        more than scoring the words.
        """
        text, article_id = self.text, self.article_id
        return tuple(
            Evidence(
                article_id,
                start,
                end,
                "tone",
                "positive" if valence > 0 else "negative",
                round(valence, 4),
                text[start:end],
            )
            for start, end, valence in zip(
                self.word_starts, self.word_ends, self.word_valences, strict=True
            )
        )

    @property
    def sentences(self) -> tuple[SentenceTone, ...]:
        return tuple(
            SentenceTone(index, span.start, span.end, compound)
            for index, (span, compound) in enumerate(zip(self.spans, self.compounds, strict=True))
        )

    @property
    def mean_compound(self) -> float:
        if not self.compounds:
            return 0.0
        return sum(self.compounds) / len(self.compounds)


def load_vader_lexicon() -> VaderLexicon:
    """Read VADER's word list (token TAB mean valence TAB ...) from the installed distribution."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon = VaderLexicon()
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0]:
            lexicon[parts[0].lower()] = float(parts[1])
    return lexicon


def vader_table(lexicon: Mapping[str, float]) -> VaderTable:
    """The lexicon's table: kept on a :class:`VaderLexicon`, built afresh for any other mapping."""
    if isinstance(lexicon, VaderLexicon):
        return lexicon.table()
    return VaderTable.build(lexicon)


def classify(compound: float) -> str:
    """Name a compound score with VADER's thresholds."""
    if compound >= NEUTRAL_BAND:
        return "positive"
    if compound <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def score_tone(document: Document, lexicon: Mapping[str, float]) -> ArticleTone:
    """Score every sentence of a document and keep each contributing word as evidence."""
    return score_tones([document], lexicon)[0]


def score_tones(documents: Sequence[Document], lexicon: Mapping[str, float]) -> list[ArticleTone]:
    """Score every sentence of a batch of documents in one pass of array operations."""
    table = vader_table(lexicon)
    token_counts = [len(d.prepared.token_norms) for d in documents]
    sentence_counts = [len(d.prepared.sentences) for d in documents]
    sentence_offsets = np.cumsum([0, *sentence_counts])
    arrays = [d.prepared.arrays for d in documents]
    vocabulary = shared_vocabulary(arrays)
    if vocabulary is not None:
        # Every token numbered in one vocabulary: its word id is a take (``IdTable``, filled
        # from the same ``table.ids``), and the sentence column is already an array.
        present = [a for a in arrays if a is not None]
        ids = table.by_token_id.take(vocabulary, np.concatenate([a.ids for a in present]))
        token_sentence = np.concatenate([a.sentence for a in present])
    else:
        ids = _word_ids(
            table.ids,
            list(chain.from_iterable(d.prepared.token_norms for d in documents)),
        )
        token_sentence = np.fromiter(
            chain.from_iterable(d.prepared.token_sentence for d in documents),
            dtype=np.int64,
            count=len(ids),
        )
    token_sentence = token_sentence + np.repeat(sentence_offsets[:-1], token_counts)
    scoring = np.flatnonzero(table.scores[ids])
    valences = _rule_valences(table, ids, token_sentence, scoring, int(sentence_offsets[-1]))
    totals = np.bincount(
        token_sentence[scoring], weights=valences, minlength=int(sentence_offsets[-1])
    ).astype(np.float64, copy=False)
    totals = _with_exclamations(totals, documents, sentence_offsets)
    safe = np.where(totals != 0, totals, 1.0)
    compounds = np.where(totals != 0, totals / np.sqrt(safe * safe + NORMALIZE_ALPHA), 0.0)
    token_offsets = np.cumsum([0, *token_counts])
    return [
        _article_tone(
            document,
            compounds[sentence_offsets[i] : sentence_offsets[i + 1]].tolist(),
            scoring,
            valences,
            int(token_offsets[i]),
            int(token_offsets[i + 1]),
        )
        for i, document in enumerate(documents)
    ]


def word_valences(norms: Sequence[str], lexicon: Mapping[str, float]) -> list[float]:
    """Return each word's valence in one sentence after VADER's modifier rules."""
    table = vader_table(lexicon)
    ids = np.fromiter(map(table.ids.__getitem__, norms), dtype=np.int64, count=len(norms))
    scoring = np.flatnonzero(table.scores[ids])
    valences = np.zeros(len(norms))
    valences[scoring] = _rule_valences(table, ids, np.zeros(len(norms), dtype=np.int64), scoring, 1)
    return [float(v) for v in valences]


def _rule_valences(
    table: VaderTable,
    ids: NDArray[np.int64],
    token_sentence: NDArray[np.int64],
    scoring: NDArray[np.intp],
    n_sentences: int,
) -> NDArray[np.float64]:
    """The valence of each scoring token after VADER's rules, in the rules' order.

    The order matters: a booster's sign follows the valence as modified so far, and a negation
    flips it, so the rules are applied one after another, each to every token at once.
    """
    n = len(ids)
    if not len(scoring):
        return np.zeros(0)
    sentence_first = np.searchsorted(token_sentence, np.arange(n_sentences))
    sentence_end = np.searchsorted(token_sentence, np.arange(n_sentences), side="right")
    sentence = token_sentence[scoring]
    words = ids[scoring]

    def around(offset: int) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """Whether the word ``offset`` away is in the same sentence, and its id (0 if not)."""
        where = scoring + offset
        inside = (where >= sentence_first[sentence]) & (where < sentence_end[sentence])
        return inside, np.where(inside, ids[np.clip(where, 0, n - 1)], _UNLISTED)

    has_next, following = around(1)
    ids_of = table.ids
    silenced = (words == ids_of["kind"]) & has_next & (following == ids_of["of"])
    # "no" before a listed word negates that word instead of counting itself.
    silenced |= (words == ids_of["no"]) & has_next & table.listed[following]
    alive = ~silenced
    valence = np.where(alive, table.valence[words], 0.0)

    before = [around(-distance) for distance in (1, 2, 3)]
    no_id = ids_of["no"]
    after_no = (before[0][0] & (before[0][1] == no_id)) | (before[1][0] & (before[1][1] == no_id))
    valence = np.where(alive & after_no, valence * N_SCALAR, valence)
    for (inside, word), damping in zip(before, BOOSTER_DAMPING, strict=True):
        unlisted = alive & inside & ~table.listed[word]
        boost = table.boost[word]
        boosted = unlisted & (boost != 0)
        valence = np.where(
            boosted, valence + np.where(valence > 0, boost, -boost) * damping, valence
        )
        valence = np.where(unlisted & table.negation[word], valence * N_SCALAR, valence)
    at_least = before[1][0] & ((before[1][1] == ids_of["at"]) | (before[1][1] == ids_of["very"]))
    least = alive & before[0][0] & (before[0][1] == ids_of["least"]) & ~at_least
    valence = np.where(least, valence * N_SCALAR, valence)
    return _contrast(valence, ids, token_sentence, scoring, sentence, n_sentences, ids_of["but"])


def _contrast(
    valence: NDArray[np.float64],
    ids: NDArray[np.int64],
    token_sentence: NDArray[np.int64],
    scoring: NDArray[np.intp],
    sentence: NDArray[np.int64],
    n_sentences: int,
    but_id: int,
) -> NDArray[np.float64]:
    """Weight words before a sentence's first "but" by 0.5 and after it by 1.5."""
    buts = np.flatnonzero(ids == but_id)
    if not len(buts):
        return valence
    pivot = np.full(n_sentences, -1, dtype=np.int64)
    with_but, first = np.unique(token_sentence[buts], return_index=True)
    pivot[with_but] = buts[first]
    own = pivot[sentence]
    valence = np.where((own >= 0) & (scoring < own), valence * BUT_BEFORE, valence)
    return np.where((own >= 0) & (scoring > own), valence * BUT_AFTER, valence)


def _with_exclamations(
    totals: NDArray[np.float64], documents: Sequence[Document], offsets: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Add VADER's "!" emphasis to each sentence's sum, away from zero."""
    marks = np.zeros(len(totals))
    for i, document in enumerate(documents):
        text = document.article.text
        if "!" not in text:
            continue
        for index, span in enumerate(document.prepared.sentences):
            marks[offsets[i] + index] = min(text.count("!", span.start, span.end), EXCLAMATION_MAX)
    emphasis = marks * EXCLAMATION_BOOST
    return np.where(totals > 0, totals + emphasis, np.where(totals < 0, totals - emphasis, totals))


def _article_tone(
    document: Document,
    compounds: list[float],
    scoring: NDArray[np.intp],
    valences: NDArray[np.float64],
    first_token: int,
    end_token: int,
) -> ArticleTone:
    """One article's sentence tones and its tone words (in text order, as columns)."""
    prepared = document.prepared
    rounded = tuple(map(round, compounds, repeat(4)))
    lo, hi = np.searchsorted(scoring, (first_token, end_token))
    own = valences[lo:hi]
    words = own != 0
    tokens = (scoring[lo:hi][words] - first_token).tolist()
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    if len(tokens) > 1:  # picked in C (itemgetter gives one index's value bare)
        pick = itemgetter(*tokens)
        starts, ends = pick(prepared.token_starts), pick(prepared.token_ends)
    elif tokens:
        starts, ends = (prepared.token_starts[tokens[0]],), (prepared.token_ends[tokens[0]],)
    return ArticleTone(
        document.id,
        prepared.sentences,
        rounded,
        document.article.text,
        starts,
        ends,
        tuple(own[words].tolist()),
    )


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
    compounds = [c for article in articles for c in article.compounds]
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
