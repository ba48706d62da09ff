"""Quote marks: pairing double quote marks within paragraphs and single ones around them.

What it does: lists the spans between paired double quote marks (straight, curly and
guillemets) paragraph by paragraph, with quotes that run on into the next paragraph, and
the spans between single quote marks (British style) outside those.

Why separate from ``framing.quotes``: pairing marks is character work on the text, apart
from deciding which spans are attributed quotes, which ``framing.quotes`` does with the
clause rules.
"""

from __future__ import annotations

import bisect
import re

from framing.quote_context import Context

__all__ = ["double_spans", "single_spans"]

_DOUBLE_OPEN = "“«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_MARKS = '"“”«»'
# A single quote that opens (at the start of the text or after a space, bracket or dash,
# before a letter) or closes (after a non-space, not before a letter or digit). The quote mark
# comes first and the look-behind after it, so ``re`` can skip ahead to quote marks instead
# of testing the look-behind at every position.
_SINGLE_OPEN_RE = re.compile(r"[‘'](?<![^\s(\[—–-][‘'])(?=[^\W\d_])")
_SINGLE_CLOSE_RE = re.compile(r"[’'](?<=[^\s][’'])(?![^\W_])")


def _positions(text: str, chars: str) -> list[int]:
    """Return the sorted positions in ``text`` of any of the characters ``chars``.

    Why ``str.find`` and not a regex class: ``re`` tests a class at every position, while
    ``find`` scans for one character in C; an article has a few dozen quote marks among
    thousands of characters (measured: a third of the time of ``finditer``).
    """
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def double_spans(ctx: Context) -> list[tuple[int, int, bool, bool]]:
    """Pair double quote marks within paragraphs: (start, end, runs_on, continues).

    ``runs_on``: the paragraph ended inside the quote and the next paragraph opens with a
    quote mark, so the quote continues there (``continues`` is set on that next piece).
    Unbalanced marks are dropped rather than guessed: an opening mark that never closes
    starts no quote. (The marks are listed once for the whole text by ``_positions``, and each
    paragraph reads its own by binary search.)
    """
    text = ctx.text
    spans: list[tuple[int, int, bool, bool]] = []
    continues = False
    marks = _positions(text, _DOUBLE_MARKS)
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        open_at = -1
        first_open = True
        lo = bisect.bisect_left(marks, p_start)
        hi = bisect.bisect_left(marks, p_end, lo)
        for position in marks[lo:hi]:
            mark = text[position]
            is_open = mark in _DOUBLE_OPEN or (
                mark == '"'
                and open_at < 0
                and position + 1 < p_end
                and not text[position + 1].isspace()
            )
            if open_at < 0:
                if is_open:
                    open_at = position
                continue
            if mark in _DOUBLE_OPEN:
                open_at = position  # an unclosed quote before: drop it
                first_open = False
                continue
            spans.append((open_at + 1, position, False, continues and first_open))
            open_at = -1
            first_open = False
            continues = False
        next_opens = False
        if open_at >= 0:
            following = p_end
            while following < len(text) and text[following].isspace():
                following += 1
            next_opens = following < len(text) and text[following] in '“«"'
            if next_opens:
                spans.append((open_at + 1, p_end, True, continues and first_open))
        continues = next_opens
    return spans


def _first_match(
    pattern: re.Pattern[str], candidates: list[int], text: str, start: int, end: int
) -> re.Match[str] | None:
    """Return ``pattern.search(text, start, end)``, trying only the sorted ``candidates``.

    The caller lists every position where a match can begin (each match of the single-quote
    patterns begins with its quote mark), and ``match`` at a position sees the text around
    it as ``search`` does there (look-behinds before it, ``end`` as the end).
    """
    index = bisect.bisect_left(candidates, start)
    while index < len(candidates) and candidates[index] < end:
        found = pattern.match(text, candidates[index], end)
        if found is not None:
            return found
        index += 1
    return None


def single_spans(ctx: Context, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair single quote marks (British style) outside double-quoted text, per paragraph.

    (The candidate lists are read only, so ``openings`` and ``closings`` may be one list.)
    """
    text = ctx.text
    found: list[tuple[int, int]] = []
    # The straight mark both opens and closes: its positions are found once, and the
    # closing marks only when some mark can open (``_positions`` of two characters is the
    # sorted merge of each one's, which are disjoint).
    straight = _positions(text, "'")
    left = _positions(text, "‘")
    if not straight and not left:
        return found  # nothing opens: no pair can form
    right = _positions(text, "’")
    if not straight and not right:
        return found  # nothing closes
    openings = sorted(left + straight) if left else straight
    closings = sorted(right + straight) if right else straight
    starts = [s for s, _ in taken]
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        position = p_start
        while True:
            opening = _first_match(_SINGLE_OPEN_RE, openings, text, position, p_end)
            if opening is None:
                break
            closing = _first_match(_SINGLE_CLOSE_RE, closings, text, opening.end(), p_end)
            if closing is None:
                break
            start, end = opening.end(), closing.start()
            index = bisect.bisect_right(starts, start) - 1
            inside = index >= 0 and taken[index][0] <= start < taken[index][1] + 1
            if not inside:
                found.append((start, end))
            position = closing.end()
    return found
