"""Cut an article's text into paragraphs of segments, each carrying the evidence that covers it.

Evidence spans from different layers overlap (a word can be a frame cue and a tone word); a
sweep over all span boundaries gives segments whose covering set is constant, so the template
only has to print each segment with its classes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from framing.model import Evidence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text and the evidence covering all of it (empty for plain text)."""

    text: str
    evidence: tuple[Evidence, ...]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each non-blank paragraph, split at blank lines."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    stripped = []
    for begin, end in spans:
        chunk = text[begin:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            stripped.append((begin + left, begin + right))
    return stripped


def cut(text: str, start: int, end: int, evidence: Sequence[Evidence]) -> list[Piece]:
    """Split ``text[start:end]`` into pieces at every boundary of the evidence inside it.

    A sweep over sorted boundaries keeps the set of open spans, so the cost grows with the
    number of spans, not with spans times pieces (a long article can carry thousands).
    """
    inside = sorted(
        (e for e in evidence if e.start < end and e.end > start and e.end > e.start),
        key=lambda e: (e.start, e.end),
    )
    bounds = sorted(
        {start, end, *(max(e.start, start) for e in inside), *(min(e.end, end) for e in inside)}
    )
    pieces = []
    active: list[Evidence] = []
    next_span = 0
    for left, right in pairwise(bounds):
        active = [e for e in active if e.end > left]
        while next_span < len(inside) and max(inside[next_span].start, start) <= left:
            active.append(inside[next_span])
            next_span += 1
        pieces.append(Piece(text[left:right], tuple(active)))
    return pieces
