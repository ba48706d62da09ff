"""Reported speech around "according to X": the clause before, after or around the phrase.

Why a module of its own: "according to" is no speech verb and has no subject; its clause is
read from the phrase's position in the sentence (at its start, after a comma, or as a
parenthetical), a rule of its own beside the verb patterns of ``framing.quote_clauses``,
whose clause ends (``clause_end``) it shares.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from framing.quote_clauses import clause_end
from framing.quote_context import Context, Found, has_words, trim_clause, trim_phrase
from framing.quote_speakers import Speaker, classify_subject
from framing.quote_verbs import ACCORDING_RE

__all__ = ["according_to"]

_HEDGED_SOURCE_RE = re.compile(r"(?:some|sources|reports|people)\b")
_PARENTHETICAL_BEFORE_RE = re.compile(r"\b(?:that|which|who|and|but),\s*$")


def _according_matches(ctx: Context, s_start: int, s_end: int) -> Iterator[re.Match[str]]:
    """Yield the matches of ``ACCORDING_RE.finditer(ctx.text, s_start, s_end)``.

    A match starts with "according" or "According" at a word start, which is where
    ``ctx.according_cues`` lists one (see ``CUE_RE``); so each is a ``match`` at a cue of the
    sentence, and none can start inside another ("according to " holds no such word start).
    Why: the search read the rest of the sentence after its last match, at every position.
    """
    text = ctx.text
    cues = ctx.according_cues
    index = bisect.bisect_left(cues, s_start)
    while index < len(cues) and cues[index] < s_end:
        match = ACCORDING_RE.match(text, cues[index], s_end)
        if match is not None:
            yield match
        index += 1


def according_to(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Read "according to X" before, after or inside a clause.

    The phrase X ends at the first ",", ";" or " — " after "according to" (or the sentence
    end). Found here as the first comma, then a ";" before it, then a " — " before that: a
    " — " that starts before a "," or ";" ends before it too (it holds neither), so each
    ``find`` bounded by the last gives the first of all three, as three finds over the rest
    of the sentence did. The phrase is the stretch stripped of its period and trimmed in one
    pass (``trim_phrase``), the clause likewise (``trim_clause``).
    """
    text = ctx.text
    found: list[Found] = []
    for match in _according_matches(ctx, s_start, s_end):
        if blocked and any(b_start <= match.start() < b_end for b_start, b_end in blocked):
            continue
        m_end = match.end()
        np_end = text.find(",", m_end, s_end)
        if np_end < 0:
            np_end = s_end
        at = text.find(";", m_end, np_end)
        if at >= 0:
            np_end = at
        at = text.find(" — ", m_end, np_end)
        if at >= 0:
            np_end = at
        np_start, np_end2, phrase = trim_phrase(text, m_end, np_end)
        if _HEDGED_SOURCE_RE.match(phrase) and "," not in text[match.start() : s_end]:
            continue
        speaker = classify_subject(phrase, np_start) or Speaker(phrase, np_start, np_end2, "role")
        if has_words(phrase, 11):
            continue
        before = text[s_start : match.start()]
        if not before.strip():
            c_start, c_end = np_end + 1, clause_end(ctx, np_end + 1, s_end)
        elif before.rstrip().endswith(","):
            comma = before.rstrip()
            c_start = s_start
            c_end = s_start + len(comma) - 1
            if _PARENTHETICAL_BEFORE_RE.search(before):
                # Parenthetical: "interceptors that, according to the maker, reach 400 km".
                tail_end = clause_end(ctx, np_end + 1, s_end)
                tail = text.find(",", np_end + 1, tail_end)
                c_start, c_end = np_end + 1, tail if tail >= 0 else tail_end
        else:
            continue
        span = trim_clause(text, c_start, c_end)
        if span is not None:
            found.append(Found(span[0], span[1], False, speaker, "according to", "according to"))
    return found
