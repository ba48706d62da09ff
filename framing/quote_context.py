"""One article's sentence and paragraph lookups, its cue positions, and the working record.

What it does: ``Context`` holds the sentence and paragraph spans of one text and the sorted
positions where speech verbs, participles and "according" can be (one ``CUE_RE`` scan);
``Found`` is a quote or reported clause while it is being read; ``trim`` and
``count_words`` are the small span helpers every rule uses.

Why separate from ``framing.quote_clauses``: the clause rules, the quote-mark pairing and
the merging in ``framing.quotes`` all read the same lookups and records.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.model import Document
from framing.quote_cues import cue_positions
from framing.quote_speakers import Speaker

__all__ = [
    "WHITESPACE",
    "Context",
    "Found",
    "count_words",
    "has_cue",
    "has_words",
    "trim",
    "trim_clause",
    "trim_phrase",
]

_PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n\s*|\u2029")
# ``_PARAGRAPH_RE`` without its second branch: where the text has no U+2029 that branch never
# matches, so this finds the same breaks. Why: a pattern that starts with one literal lets
# ``re`` skip to each newline with a plain character scan; two branches make it test every
# position (measured: about five times faster on a 600-word article).
_NEWLINE_BREAK_RE = re.compile(r"\n[^\S\n]*\n\s*")


# -- working records --------------------------------------------------------------------------


@dataclass(slots=True)
class Found:
    """A quote or reported clause while it is read, and a direct one's quote marks.

    ``mark_start``/``mark_end`` are a direct quote's marks (the span the clause rules must
    not read as a verb's), ``attr_start``/``attr_end`` its attribution (-1 when it has
    none), ``runs_on`` whether it runs on into the next paragraph, ``inside`` whether it
    lies inside another quote or a reported clause. Why fields and not a dict of extras:
    each direct quote had a dict built and read by key several times; a slot is read
    directly, and a ``Found`` is made without a default factory.
    """

    start: int
    end: int
    direct: bool
    speaker: Speaker | None
    verb: str = ""
    verb_context: str = ""
    inherit: bool = False  # speaker comes from the previous quote
    paragraph: int = 0
    sentence: int = 0
    mark_start: int = -1
    mark_end: int = -1
    runs_on: bool = False
    attr_start: int = -1
    attr_end: int = -1
    inside: bool = False


class Context:
    """Sentence and paragraph lookups for one text, built once (binary search per lookup).

    ``verb_cues``, ``participle_cues`` and ``according_cues`` are the sorted positions where
    ``CUE_RE`` finds a word of that kind (a participle is a verb cue too): a pattern that
    needs such a word cannot match in a stretch without one (see ``has_cue``).
    """

    def __init__(self, document: Document) -> None:
        self.text = document.article.text
        spans = document.prepared.sentences
        self.sentence_starts = [s.start for s in spans]
        self.sentence_ends = [s.end for s in spans]
        starts = [0]
        ends = []
        breaks = _PARAGRAPH_RE if "\u2029" in self.text else _NEWLINE_BREAK_RE
        for match in breaks.finditer(self.text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(self.text))
        self.paragraph_starts = starts
        self.paragraph_ends = ends
        self.verb_cues, self.participle_cues, self.according_cues = cue_positions(
            self.text, document.prepared
        )

    def sentences_with(self, cues: list[int]) -> set[int]:
        """Return the indices of the sentences that hold a position of ``cues``."""
        found = set()
        starts, ends = self.sentence_starts, self.sentence_ends
        for at in cues:
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at < ends[index]:
                found.add(index)
        return found

    def sentence_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)

    def sentence_span(self, position: int) -> tuple[int, int]:
        if not self.sentence_starts:
            return 0, len(self.text)
        index = self.sentence_of(position)
        return self.sentence_starts[index], self.sentence_ends[index]

    def paragraph_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, position) - 1, 0)


def has_cue(cues: list[int], start: int, end: int) -> bool:
    """Return whether the sorted ``cues`` hold a position in ``[start, end)``."""
    index = bisect.bisect_left(cues, start)
    return index < len(cues) and cues[index] < end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma (attribution punctuation) from a span.

    From the left it drops whitespace and ",:;", from the right whitespace and ",;:—–", as a
    loop over the characters would; ``str.lstrip``/``rstrip`` do it in C with those
    characters listed (``WHITESPACE`` is every character ``str.isspace`` accepts). Why: the
    rules trim two spans per quote, and the loop cost more than the rest of a trim.
    """
    if start >= end:
        return start, end
    piece = text[start:end]
    kept = piece.lstrip(_LEFT_TRIM)
    start += len(piece) - len(kept)
    return start, start + len(kept.rstrip(_RIGHT_TRIM))


def trim_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return a reported clause's span: ``trim``, then a trailing period, ellipsis, no-break
    space or space dropped; ``None`` when fewer than two words are left.

    It is ``trim`` followed by the rules' ``_strip_period`` and ``has_words(..., 2)``, done on
    one slice: the period strip is an ``rstrip`` of the four characters its loop drops, and
    the word test splits the kept piece once. Why: the rules read every clause through the
    three, each slicing or looping over it again.
    """
    if start >= end:
        return None  # (``trim`` leaves the span as it is: it holds no word)
    piece = text[start:end]
    kept = piece.lstrip(_LEFT_TRIM)
    start += len(piece) - len(kept)
    kept = kept.rstrip(_RIGHT_TRIM).rstrip(_PERIOD)
    if len(kept.split(maxsplit=1)) < 2:
        return None
    return start, start + len(kept)


def trim_phrase(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Return ``trim(text, start, e)`` with ``e`` the end once a trailing period, ellipsis,
    no-break space or space is dropped (the rules' ``_strip_period``), and the text it spans.

    Done on one slice: the period strip is an ``rstrip`` of those four characters, bounded
    by ``start`` as the loop was; ``trim`` of an empty or reversed span leaves it as it is,
    and its text is empty. Why: "according to X" reads X this way, and the loop, the two
    strips and the slice each went over the phrase again.
    """
    if start >= end:
        return start, end, ""
    piece = text[start:end].rstrip(_PERIOD)
    if not piece:
        return start, start, ""
    kept = piece.lstrip(_LEFT_TRIM)
    start += len(piece) - len(kept)
    kept = kept.rstrip(_RIGHT_TRIM)
    return start, start + len(kept), kept


WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character for which ``str.isspace`` is true (tested over all of Unicode)."""
_LEFT_TRIM = WHITESPACE + ",:;"
_RIGHT_TRIM = WHITESPACE + ",;:—–"
_PERIOD = ".…\u00a0 "
"""What ``framing.quote_clauses._strip_period`` drops from the end of a clause."""


def count_words(text: str) -> int:
    return len(text.split())


def has_words(text: str, count: int) -> bool:
    """Return ``count_words(text) >= count`` without splitting past the ``count``-th word.

    (``split`` with ``maxsplit`` gives the first words and the rest as one piece, so it
    has ``count`` pieces exactly when the text has ``count`` words or more.)
    """
    return len(text.split(maxsplit=count - 1)) >= count
