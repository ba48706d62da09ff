"""The ``sentences`` list of an annotation record, written straight to JSON text, a batch at a
time (for ``framing annotate``).

Each sentence has its span, its tone and its ``cues`` (lexicon -> category -> hits, only the
lexicons with a hit there), the counts of ``ArticleLexiconScores.sentence_cues``; the text is
the bytes ``json.dumps`` gives for ``annotate.annotation_record``'s list (held to them by
``tests/test_record_speed_text.py`` and ``tests/test_annotate_speed_equivalence.py``).

Why it is written so: an article has ~45 sentences and ~170 distinct (sentence, category)
pairs among ~220 hits. The pairs of a whole batch are found with one set of NumPy calls
(per article, the same dozen calls cost more in fixed overhead than in work): categories
are numbered across the lexicons and sentences across the batch, so counting the keys in
one table orders the pairs by article, sentence, lexicon and category, as the record nests
them. Each pair is one remembered piece of text (the category and count, after a comma, or
after the opening of its lexicon's object or of the sentence's), and each article's list is
one ``%`` format of a template joined from its sentences' heads (taking the span and tone),
their cue pieces (keys' ``%`` doubled) and their closings: no join per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from framing.article_analysis import ArticleAnalysis
from framing.lexicon_scores import ArticleLexiconScores
from framing.record_text import ENCODE, TextMemo

LayoutKey = tuple[tuple[str, tuple[str, ...]], ...]
"""What a ``_Layout`` is made from: each lexicon's name and categories."""

_HEAD = '{"start":%d,"end":%d,"tone":%s,"cues":'
"""A sentence's record up to its cues (the template takes its span and its tone's text)."""
_SEPARATED_HEAD = "," + _HEAD
_CLOSE_CUES, _CLOSE_EMPTY = "}}}", "{}}"
"""How a sentence's record ends after its cue pieces; or with no cue."""
_CLOSINGS = np.asarray([_CLOSE_EMPTY, _CLOSE_CUES], dtype=object)
_SENTENCE = _HEAD + "%s}"
"""A sentence's record with its cues' text as a value (the plain cues' route)."""
_TABLE_LIMIT = 1 << 22
"""Count the batch's keys in a table up to this many cells; sort them beyond."""


class SentencesText:
    """The sentence records of analysed articles, comma-separated, a batch at a time.

    Made once per batch with the batch's ``TextMemo``, so what it remembers stays bounded.
    Two lexicons of one name (which the record's dict merges) and hits in a category their
    lexicon does not have are written from the plain dicts instead; a batch whose articles
    have different lexicons (never in one run) is written article by article.
    """

    def __init__(self, memo: TextMemo) -> None:
        self._memo = memo
        self._layouts: dict[LayoutKey, _Layout | None] = {}

    def text(self, analysis: ArticleAnalysis) -> str:
        """The sentence records of one analysed article, comma-separated."""
        return self.texts([analysis])[0]

    def texts(self, analyses: Sequence[ArticleAnalysis]) -> list[str]:
        """The sentence records of each analysed article, comma-separated."""
        for analysis in analyses:
            _check_lengths(analysis)
        if not analyses:
            return []
        layout = self._layout(analyses[0].lexicons)
        if len(analyses) > 1 and any(
            self._layout(analysis.lexicons) is not layout for analysis in analyses
        ):
            return [self.texts([analysis])[0] for analysis in analyses]
        if layout is None:
            return [self._plain(analysis) for analysis in analyses]
        written = layout.write(analyses)
        if written is None:
            return [self._plain(analysis) for analysis in analyses]
        items, bounds = written
        number = self._memo.number
        numbers = self._memo.numbers
        results = []
        for index, analysis in enumerate(analyses):
            values: list[object] = []
            for span, compound in zip(
                analysis.document.prepared.sentences, analysis.tone.compounds, strict=True
            ):
                values += (span.start, span.end, numbers.get(compound) or number(compound))
            results.append("".join(items[bounds[index] : bounds[index + 1]]) % tuple(values))
        return results

    def _plain(self, analysis: ArticleAnalysis) -> str:
        """One article's records with its cues through the plain dicts."""
        spans = analysis.document.prepared.sentences
        cues = ["{}"] * len(spans)
        for sentence, text in _plain_cues(analysis.lexicons).items():
            if 0 <= sentence < len(cues):
                cues[sentence] = text
        number = self._memo.number
        args: list[object] = []
        for span, compound, cue in zip(spans, analysis.tone.compounds, cues, strict=True):
            args += (span.start, span.end, number(compound), cue)
        return ",".join([_SENTENCE] * len(spans)) % tuple(args)

    def _layout(self, lexicons: Sequence[ArticleLexiconScores]) -> _Layout | None:
        key = tuple((s.lexicon, s.category_ids) for s in lexicons)
        if key in self._layouts:
            return self._layouts[key]
        names = [name for name, _ in key]
        layout = _Layout(key) if len(set(names)) == len(names) else None
        self._layouts[key] = layout
        return layout


def _check_lengths(analysis: ArticleAnalysis) -> None:
    """Raise as the plain record's strict zips do when the spans and tones disagree."""
    spans = analysis.document.prepared.sentences
    tone = analysis.tone
    if not (len(spans) == len(tone.compounds) == len(tone.spans)):
        list(zip(spans, tone.sentences, strict=True))
        raise AssertionError("unreachable")


class _Layout:
    """The categories of a set of lexicons numbered across them, and the text pieces of the
    ``cues`` objects (``%`` doubled), made once per set of lexicons."""

    def __init__(self, lexicons: LayoutKey) -> None:
        offsets = [0]
        lexicon_of: list[int] = []
        for index, (_, categories) in enumerate(lexicons):
            offsets.append(offsets[-1] + len(categories))
            lexicon_of.extend([index] * len(categories))
        self.offsets = offsets
        self.size = offsets[-1]
        self.lexicon_of = np.asarray(lexicon_of, dtype=np.int64)
        openers = [_escaped(ENCODE(name)) + ":{" for name, _ in lexicons]
        keys = [
            _escaped(ENCODE(category)) + ":"
            for _, categories in lexicons
            for category in categories
        ]
        # per global category: after a comma, opening its lexicon's object, opening the cues
        self._heads = (
            [f",{key}" for key in keys],
            [f"}},{openers[lexicon]}{key}" for lexicon, key in zip(lexicon_of, keys, strict=True)],
            [f"{{{openers[lexicon]}{key}" for lexicon, key in zip(lexicon_of, keys, strict=True)],
        )
        self._pieces: dict[int, str] = {}

    def write(self, analyses: Sequence[ArticleAnalysis]) -> tuple[list[str], list[int]] | None:
        """The template pieces of every article's sentences, one after another, and where
        each article's begin (and the last ends); ``None`` when a hit's category is not
        one of its lexicon's (the plain dicts then say what is written)."""
        size = self.size
        offsets = self.offsets
        n_sentences = [len(a.document.prepared.sentences) for a in analyses]
        base = [0, *np.cumsum(n_sentences).tolist()]
        total = base[-1]
        sentence_parts: list[npt.NDArray[np.integer]] = []
        category_parts: list[npt.NDArray[np.integer]] = []
        lengths: list[int] = []
        segment_base: list[int] = []
        segment_limit: list[int] = []
        segment_offset: list[int] = []
        segment_size: list[int] = []
        for index, analysis in enumerate(analyses):
            for position, scores in enumerate(analysis.lexicons):
                count = len(scores.hit_sentence)
                if count:
                    sentence_parts.append(scores.hit_sentence)
                    category_parts.append(scores.hit_category)
                    lengths.append(count)
                    segment_base.append(base[index])
                    segment_limit.append(n_sentences[index])
                    segment_offset.append(offsets[position])
                    segment_size.append(offsets[position + 1] - offsets[position])
        if not lengths:
            return _items(np.zeros(0, dtype=np.int64), [], total, base)
        sentence = np.concatenate(sentence_parts).astype(np.int64, copy=False)
        category = np.concatenate(category_parts).astype(np.int64, copy=False)
        if len(category) and (
            category.min() < 0 or np.any(category >= np.repeat(segment_size, lengths))
        ):
            return None
        # a hit in no sentence of its article has no record to go in
        inside = (sentence >= 0) & (sentence < np.repeat(segment_limit, lengths))
        keys = (sentence + np.repeat(segment_base, lengths)) * size + (
            category + np.repeat(segment_offset, lengths)
        )
        keys = keys[inside]
        if total * size <= max(_TABLE_LIMIT, 16 * len(keys)):
            table = np.bincount(keys, minlength=total * size)
            distinct = np.flatnonzero(table)
            counts = table[distinct]
        else:
            distinct, counts = np.unique(keys, return_counts=True)
        pair_sentence = distinct // size
        pair_category = distinct - pair_sentence * size
        lexicon = self.lexicon_of[pair_category]
        opens_sentence = np.concatenate(([True], pair_sentence[1:] != pair_sentence[:-1]))
        opens_lexicon = opens_sentence | np.concatenate(([True], lexicon[1:] != lexicon[:-1]))
        # one number per piece: its count, how it opens (0, 1, 2) and its category
        code = opens_lexicon.astype(np.int64) + opens_sentence
        piece_keys = ((counts * 3 + code) * size + pair_category).tolist()
        pieces = self._pieces
        texts = [pieces.get(k) or self._piece(k) for k in piece_keys]
        return _items(pair_sentence, texts, total, base)

    def _piece(self, key: int) -> str:
        rest, category = divmod(key, self.size)
        count, code = divmod(rest, 3)
        text = self._pieces[key] = self._heads[code][category] + str(count)
        return text


def _items(
    pair_sentence: npt.NDArray[np.int64], texts: list[str], total: int, base: list[int]
) -> tuple[list[str], list[int]]:
    """Lay the batch's sentences out as template pieces: per sentence its head, its cue
    pieces (``texts``, ordered by sentence; ``pair_sentence``: each one's sentence across
    the batch) and its closing. Returns the pieces and where each article's begin."""
    per_sentence = np.bincount(pair_sentence, minlength=total)
    # before sentence j: j heads and j closings, and the pieces of the sentences before it
    head = np.arange(total, dtype=np.int64) * 2
    head[1:] += np.cumsum(per_sentence)[:-1]
    items = np.empty(total * 2 + len(texts), dtype=object)
    items[head] = _SEPARATED_HEAD
    firsts = [b for b, after in pairwise(base) if after > b]
    items[head[firsts]] = _HEAD
    pieces = np.empty(len(texts), dtype=object)
    pieces[:] = texts
    items[np.arange(len(texts), dtype=np.int64) + pair_sentence * 2 + 1] = pieces
    items[head + 1 + per_sentence] = _CLOSINGS[(per_sentence > 0).astype(np.intp)]
    starts = [*head.tolist(), len(items)]
    return items.tolist(), [starts[b] for b in base]


def _escaped(text: str) -> str:
    """``text`` as literal text in a ``%`` template."""
    return text.replace("%", "%%")


def _plain_cues(lexicons: Sequence[ArticleLexiconScores]) -> dict[int, str]:
    """Per sentence with a cue, its ``cues`` object through the plain dicts."""
    cues: dict[int, dict[str, dict[str, int]]] = {}
    for scores in lexicons:
        for sentence in scores.sentence_cues:
            cues.setdefault(sentence.sentence, {})[scores.lexicon] = dict(sentence.counts)
    return {sentence: ENCODE(value) for sentence, value in cues.items()}
