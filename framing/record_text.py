"""Parts of an annotation record written straight to JSON text (for ``framing annotate``):
the memo of strings and floats every part shares, and the scores object
(``record_sentences`` writes the sentences, ``evidence_text`` the evidence).

Every function here gives the bytes ``json.dumps(value, ensure_ascii=False,
separators=(",", ":"))`` gives for the value the plain code builds (``export.article_scores``
for the scores object), without building that value. Why: ``framing annotate`` writes about
48 KB of JSON per article, and building dicts for the C encoder to walk cost more than the
analysis behind them. Strings and floats still go through json's own encoder (``ENCODE``),
remembered per value; only ints (whose ``str`` is what json writes), booleans, ``null`` and
the fixed punctuation are written here. ``tests/test_annotate_speed_equivalence.py`` and
``tests/test_record_speed_text.py`` hold every part to the plain code's bytes.
"""

from __future__ import annotations

import json
from math import copysign

from framing.article_analysis import ArticleAnalysis
from framing.article_records import article_scores
from framing.lexicon_scores import ArticleLexiconScores
from framing.tone import NEUTRAL_BAND

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, with the encoder made once."""

_CATEGORY = '{"hits":%d,"score":%s,"per_1000":%s,"sentences":%d,"sentence_share":%s,"negated":%d}'
"""A category's record (``export.lexicon_scores_record``), after its key and colon."""


class TextMemo:
    """JSON text of strings and floats, remembered per value.

    Made once per batch (a batch repeats a few hundred labels, names and weights), so what
    it remembers stays bounded. Floats are remembered per non-zero value only: 0.0 and -0.0
    (and 1 and 1.0) are one dict key but two texts. ``round`` is a pure function of a float's
    value, so the rest is safe, and a float that is a key can be looked up directly.
    """

    def __init__(self) -> None:
        self.strings: dict[str | None, str] = {}
        self.rounded: dict[float, str] = {}
        self.numbers: dict[float, str] = {}

    def string(self, value: str | None) -> str:
        """A string (or null) as JSON text."""
        text = self.strings.get(value)
        if text is None:
            text = self.strings[value] = ENCODE(value)
        return text

    def round4(self, value: float) -> str:
        """``round(value, 4)`` as JSON text."""
        if type(value) is float:
            if not value:
                return _ZEROS[copysign(1.0, value) < 0]  # round keeps a zero's sign
            text = self.rounded.get(value)
            if text is None:
                text = self.rounded[value] = float_text(round(value, 4))
            return text
        return ENCODE(round(value, 4))

    def number(self, value: float) -> str:
        """``value`` as JSON text."""
        if type(value) is float:
            if not value:
                return _ZEROS[copysign(1.0, value) < 0]
            text = self.numbers.get(value)
            if text is None:
                text = self.numbers[value] = float_text(value)
            return text
        return ENCODE(value)


def float_text(value: float) -> str:
    """A float (exactly ``float``) as JSON text: ``float.__repr__`` when it is finite.

    Why: that is what json's encoder writes for a finite float (its C encoder calls the
    float type's ``repr``; only NaN and the infinities are spelt otherwise), and a call to
    ``ENCODE`` goes through the encoder's Python entry points, several times the cost.
    Most of an article's rates per 1,000 tokens are new to the batch's memo (they depend on
    the article's length), so this is paid about twenty times per article.
    """
    if value - value == 0.0:  # finite: inf - inf and nan - nan are nan
        return _REPR(value)
    return ENCODE(value)


_REPR = float.__repr__
_ZEROS = ("0.0", "-0.0")
"""JSON text of 0.0 and -0.0."""


class ScoresText:
    """``export.article_scores(analysis)`` as JSON text.

    The whole object is one ``%`` format per article: a template joined from fixed pieces
    (one per lexicon and per category, made once per set of names, their keys' ``%`` signs
    doubled) and the values it takes. A category with no hit, no sentence, no negation and
    a score of exactly +0.0 (40-54% of them) writes a constant text, whenever its lexicon's
    rates of a zero count are written "0.0" (any article with tokens and sentences, or
    none): its piece then holds its values and takes none. The per-1,000 rate and sentence
    share of a count are made once per article's lexicon (counts repeat). Where a record's
    keys would repeat (two lexicons, or two categories, of one name, which the dicts would
    merge), and where the tone's spans and compounds disagree (which
    ``ArticleTone.sentences`` raises on), the plain dicts are encoded instead.
    """

    def __init__(self, memo: TextMemo) -> None:
        self._memo = memo
        self._keys: dict[tuple[str, ...], list[str] | None] = {}
        self._categories: dict[tuple[str, ...], tuple[list[str], list[str]] | None] = {}
        self._per_1000: dict[int, dict[int, str]] = {}
        self._share: dict[int, dict[int, str]] = {}

    def _rate(self, texts: dict[int, str], count: int, total: int, scale: float) -> str:
        """``export._rate(count, total, scale)`` as JSON text, remembered in ``texts``."""
        text = texts[count] = self._memo.round4(scale * count / total) if total else "0.0"
        return text

    def _keys_of(self, names: tuple[str, ...]) -> list[str] | None:
        """Per name, its JSON key and colon, ``%`` doubled; ``None`` when a name repeats."""
        if names in self._keys:
            return self._keys[names]
        unique = len(set(names)) == len(names)
        keys = self._keys[names] = [_escaped(ENCODE(n) + ":") for n in names] if unique else None
        return keys

    def _categories_of(self, names: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
        """Per category name, its piece of template with values to take, and its piece
        when it is all zero; ``None`` when a name repeats."""
        if names in self._categories:
            return self._categories[names]
        keys = self._keys_of(names)
        pieces = None
        if keys is not None:
            pieces = (
                [f",{key}{_CATEGORY}" for key in keys],
                [f",{key}{_ZERO_CATEGORY}" for key in keys],
            )
        self._categories[names] = pieces
        return pieces

    def text(self, analysis: ArticleAnalysis) -> str:
        """The scores object of one analysed article."""
        lexicons = analysis.lexicons
        tone = analysis.tone
        compounds = tone.compounds
        lexicon_keys = self._keys_of(tuple([s.lexicon for s in lexicons]))
        if lexicon_keys is None or len(tone.spans) != len(compounds):
            return ENCODE(article_scores(analysis))
        prepared = analysis.document.prepared
        band = NEUTRAL_BAND
        pieces = [_HEAD]
        values: list[object] = [
            prepared.n_tokens,
            prepared.n_sentences,
            self._memo.round4(tone.mean_compound),
            len([c for c in compounds if c >= band]),
            len([c for c in compounds if c <= -band]),
            len(compounds),
        ]
        for index, (key, scores) in enumerate(zip(lexicon_keys, lexicons, strict=True)):
            pieces.append(f",{key}" if index else key)
            if not self._lexicon(scores, pieces, values):
                return ENCODE(article_scores(analysis))
        pieces.append("}}")
        return "".join(pieces) % tuple(values)

    def _lexicon(
        self, scores: ArticleLexiconScores, pieces: list[str], values: list[object]
    ) -> bool:
        """Add one lexicon's record (``export.lexicon_scores_record``) to the template and
        its values; ``False`` when its category or frame names repeat."""
        categories = scores.categories
        layout = self._categories_of(tuple([c.category for c in categories]))
        if layout is None:
            return False
        round4 = self._memo.round4
        rounded = self._memo.rounded
        n_tokens, n_sentences = scores.n_tokens, scores.n_sentences
        # the text of _rate(count, n_tokens, 1000.0) and _rate(count, n_sentences) per count,
        # for the batch's articles of this length
        per_1000 = self._per_1000.get(n_tokens)
        if per_1000 is None:
            per_1000 = self._per_1000[n_tokens] = {}
        share = self._share.get(n_sentences)
        if share is None:
            share = self._share[n_sentences] = {}
        rate, part = self._rate, self._rate
        with_cue = scores.sentences_with_cue
        n_hits = sum([c.hits for c in categories])
        values += (
            n_hits,
            round4(sum([c.score for c in categories])),
            per_1000.get(n_hits) or rate(per_1000, n_hits, n_tokens, 1000.0),
            with_cue,
            share.get(with_cue) or part(share, with_cue, n_sentences, 1.0),
        )
        # a zero category's piece holds its text: only where that is what it would write
        zeros_written = (per_1000.get(0) or rate(per_1000, 0, n_tokens, 1000.0)) == "0.0" and (
            share.get(0) or part(share, 0, n_sentences, 1.0)
        ) == "0.0"
        pieces.append(_LEXICON)
        first = len(pieces)
        for piece, zero_piece, c in zip(*layout, categories, strict=True):
            count, score, in_sentences, negations = c.hits, c.score, c.sentences, c.negated
            if (
                count
                or in_sentences
                or negations
                or score
                or not zeros_written
                or type(score) is not float
                or copysign(1.0, score) < 0
            ):
                pieces.append(piece)
                values += (
                    count,
                    rounded.get(score) or round4(score),
                    per_1000.get(count) or rate(per_1000, count, n_tokens, 1000.0),
                    in_sentences,
                    share.get(in_sentences) or part(share, in_sentences, n_sentences, 1.0),
                    negations,
                )
            else:
                pieces.append(zero_piece)
        if len(pieces) > first:  # the first category's piece has no comma before it
            pieces[first] = pieces[first][1:]
        if not scores.profile:
            pieces.append("}}")
            return True
        profile_keys = self._keys_of(tuple([name for name, _ in scores.profile]))
        if profile_keys is None:
            return False
        string = self._memo.string
        pieces.append(
            '},"profile":{'
            + ",".join([key + "%s" for key in profile_keys])
            + '},"used":[%s],"dominant":%s}'
        )
        values += [round4(value) for _, value in scores.profile]
        values += (",".join(map(string, scores.used)), string(scores.dominant))
        return True


def _escaped(text: str) -> str:
    """``text`` as literal text in a ``%`` template."""
    return text.replace("%", "%%")


_HEAD = (
    '{"n_tokens":%d,"n_sentences":%d,"tone":{"mean":%s,"positive_sentences":%d,'
    '"negative_sentences":%d,"sentences":%d},"lexicons":{'
)
"""The scores object up to its lexicons' records."""
_LEXICON = (
    '{"hits":%d,"score":%s,"per_1000":%s,"sentences_with_cue":%d,"sentence_share":%s,"categories":{'
)
"""A lexicon's record (``export.lexicon_scores_record``) up to its categories' records."""
_ZERO_CATEGORY = (
    '{"hits":0,"score":0.0,"per_1000":0.0,"sentences":0,"sentence_share":0.0,"negated":0}'
)
"""The record of a category with no hit, no sentence, no negation and a score of +0.0."""
