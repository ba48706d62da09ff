"""Attributions and reported speech: speech verbs, "X said that ...".

What it does: finds the attribution next to a closing quote mark ("...,” said X"), the
reported clauses of a sentence ("X said (that) ...", "..., arguing that ...") and where such
a clause ends, each as a working record (``Found``) with its speaker. Clauses around
"according to X" are read in ``framing.quote_according``.

Why separate from ``framing.quotes``: reported speech is read clause by clause from verb
patterns, a job of its own next to pairing quote marks and merging the results, which stays
in ``framing.quotes`` with the public API. The verb vocabulary and its patterns live in
``framing.quote_verbs``, the per-article lookups (``Context``) in ``framing.quote_context``.
"""

from __future__ import annotations

import bisect
import re

from framing.quote_context import (
    Context,
    Found,
    count_words,
    has_cue,
    has_words,
    trim,
    trim_clause,
)
from framing.quote_speakers import (
    Speaker,
    chunk_before,
    classify_subject,
    ends_with_comma,
    first_subject,
    subject_after,
    subject_and_chunk_before,
)

# The vocabulary, for ``tests/test_speed_equivalence.py``, which reads it here.
from framing.quote_verbs import _ADVERBS as _ADVERBS
from framing.quote_verbs import _AUX_WORDS as _AUX_WORDS
from framing.quote_verbs import _THAT_ONLY as _THAT_ONLY
from framing.quote_verbs import _VERB_PHRASES as _VERB_PHRASES
from framing.quote_verbs import (
    COORDINATED_RE,
    CUE_RE,
    INVERTED_RE,
    PARTICIPLE_RE,
    SPACES_RE,
    VERB_RE,
    lead_in,
    verb_text,
)

__all__ = [
    "CUE_RE",
    "VERB_RE",
    "Context",
    "Found",
    "clause_end",
    "count_words",
    "has_cue",
    "indirect_in_sentence",
    "trailing_attribution",
    "trim",
]

# "that" as a word. Written with the literal first and the word boundary before it as a
# look-behind, so ``re`` can skip ahead to each "that" (a leading ``\b`` tests every place).
_THAT_RE = re.compile(r"that\b(?<!\wthat)")
_TIME_WORDS = re.compile(
    r"^(?:(?:on|last|this|earlier|later|late|early|in)\s+)*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|today|"
    r"yesterday|earlier|later|background|condition\s+of\s+anonymity|a\s+statement|"
    r"an\s+interview|privately|publicly|recently|again|this\s+week|tonight|morning|"
    r"afternoon|evening)\b[^,]*$"
)

# -- attribution next to quote marks -------------------------------------------------------------


def _verb_at(ctx: Context, start: int, limit: int) -> re.Match[str] | None:
    """Return ``VERB_RE.search(ctx.text, start, limit)``, searched only where it can match.

    A match's verb starts on a verb cue, and before the verb the match holds only an
    auxiliary and adverbs, each followed by whitespace. So a match begins at the first cue in
    the stretch or within such words leading up to it (``lead_in``), never earlier: the
    search starts there instead of trying every word of the sentence before it.
    """
    cues = ctx.verb_cues
    index = bisect.bisect_left(cues, start)
    if index == len(cues) or cues[index] >= limit:
        return None
    return VERB_RE.search(ctx.text, max(start, lead_in(ctx.text, cues[index])), limit)


def trailing_attribution(
    ctx: Context, end_mark: int, limit: int, sentence_start: int
) -> tuple[Speaker, str, str, int, int] | None:
    """Find "…,” said X" or "…,” X said" after a closing mark; return speaker, verb, context."""
    text = ctx.text
    piece = text[end_mark:limit]
    stripped = piece.lstrip(" ,\u00a0")
    offset = end_mark + len(piece) - len(stripped)
    if not stripped or stripped[0] in ".;:" or stripped.startswith("("):
        return None
    inverted = INVERTED_RE.match(text, offset, limit)
    if inverted is not None:
        verb = SPACES_RE.sub(" ", inverted.group("verb"))
        speaker = subject_after(text, inverted.end() + 1, limit)
        if speaker is not None:
            return speaker, verb, text[offset:limit], offset, inverted.end()
    match = _verb_at(ctx, offset, limit)
    if match is None:
        return None
    before = text[offset : match.start()]  # (the match starts with its auxiliary)
    if len(before) >= _THIRTEEN_WORDS and has_words(before, 13):
        return None
    verb, verb_end = verb_text(text, match, limit)
    subject = classify_subject(before, offset)
    if subject is None:
        return None
    return subject, verb, text[match.start() : limit], match.start(), verb_end


# Thirteen words take at least this many characters (a letter each and a space between).
_THIRTEEN_WORDS = 13 + 12


# -- indirect quotes --------------------------------------------------------------------------


_CLAUSE_STOP_RE = re.compile(r";|,?\s+(?:and\s+)?according\s+to\b|\s+—\s+")
_RELATIVE_END_RE = re.compile(r",\s+(?:has|have|had|is|are|was|were)\b")
_THAT_GAP_RE = re.compile(
    r"\s*(?:(?:(?:in|on|at|during|after|before|to|with|this|last|earlier|later|again|"
    r"repeatedly|privately|publicly|yesterday|today|also|recently|on\s+background)\b[^,;]*?)"
    r")?\s*$"
)
_DATELINE_RE = re.compile(r"[A-Z][A-Z]+\b[^—\n]{0,40}?\s+—\s+")
# Compiled once: ``indirect_in_sentence`` tries most of these on every verb it finds.
_TO_RE = re.compile(r"\s+to\b")
_THAT_NEXT_RE = re.compile(r"\s+that\b")
_NEGATION_RE = re.compile(r"\b(?:not|never)\b")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|whom)\s+$")
_JOINED_BEFORE_RE = re.compile(r"(?:\band|\bbut|\bwhile)\s*$")
_LONGEST_BEFORE_WORD = len("which")  # of those two patterns' words
_COMMA_GAP_RE = re.compile(r"[\s.]*,\s*")
_HEAD_STOP_RE = re.compile(r"[,.;]")
_CLAUSE_JOINT_RE = re.compile(r",\s+(?:and|but)\s+|;\s+")
_PARTICIPLE_NEXT_RE = re.compile(r"\s*\w+ing\b")


def clause_end(ctx: Context, start: int, sentence_end: int, relative: bool = False) -> int:
    """End a reported clause at the sentence end, a semicolon or a coordinated speech verb.

    ``relative``: the verb stands in a relative clause ("India, which Washington describes
    as a partner, is ..."), so the clause also ends where the main clause resumes. The verb
    patterns are searched only where ``ctx`` has a cue for them.
    """
    text = ctx.text
    end = sentence_end
    if relative:
        resume = _RELATIVE_END_RE.search(text, start, end)
        if resume is not None:
            end = resume.start()
    stop = _clause_stop(text, start, end)
    if stop is not None and stop.start() > start:
        end = stop.start()
    cues = ctx.verb_cues  # (``has_cue``, read here directly, as below)
    index = bisect.bisect_left(cues, start)
    if index < len(cues) and cues[index] < end:
        coordinated = COORDINATED_RE.search(text, start, end)
        if coordinated is not None:
            end = coordinated.start()
    cues = ctx.participle_cues
    index = bisect.bisect_left(cues, start)
    if index < len(cues) and cues[index] < end:
        participle = PARTICIPLE_RE.search(text, start, end)
        if participle is not None:
            end = participle.start()
    return end


def _clause_stop(text: str, start: int, end: int) -> re.Match[str] | None:
    """Return ``_CLAUSE_STOP_RE.search(text, start, end)``, searched only where it can match.

    Each match holds a ";", a "—" or "according", and before that only a comma, whitespace
    and "and" (``,?\\s+(?:and\\s+)?``); so none starts before the run of such characters
    that leads up to the first of the three, and where none of them is, there is no match.
    Why: the pattern has no fixed first character, so ``re`` tries all three branches at
    every position of the clause, which made this the costliest step of reading one.
    """
    first = -1
    for key in (";", "—", "according"):
        at = text.find(key, start, end)
        if at >= 0 and (first < 0 or at < first):
            first = at
    if first < 0:
        return None
    while first > start and (text[first - 1] in ",and" or text[first - 1].isspace()):
        first -= 1
    return _CLAUSE_STOP_RE.search(text, first, end)


def _says_nothing_more(text: str, verb_end: int, s_end: int) -> bool:
    """Return whether the words after a verb, up to the next comma, period or semicolon, are
    none or only a time or setting ("said on Monday", "said in a statement")."""
    rest_head = _HEAD_STOP_RE.split(text[verb_end:s_end], maxsplit=1)[0].strip()
    return not rest_head or _TIME_WORDS.match(rest_head) is not None


def _tail_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Search ``text`` for ``_RELATIVE_BEFORE_RE`` or ``_JOINED_BEFORE_RE`` from where a match
    can start: a word of theirs ends the text but for its trailing whitespace, so it starts at
    most ``_LONGEST_BEFORE_WORD`` characters before that. Why: the search is then a few
    steps, not one per character of the sentence so far (the word boundary still sees the
    character before the start).
    """
    return pattern.search(text, _tail_start(text))


def _tail_start(text: str) -> int:
    """Return where ``_tail_search`` starts in ``text`` (for both patterns at once)."""
    return max(len(text.rstrip()) - _LONGEST_BEFORE_WORD, 0)


def _is_blocked(blocked: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Return whether ``at`` lies in one of the two last spans of ``blocked`` (sorted, with
    their ``starts``) that start at or before it."""
    index = bisect.bisect_right(starts, at)
    # (Those spans start at or before ``at``: only their ends are left to compare.)
    if index and at < blocked[index - 1][1]:
        return True
    return index > 1 and at < blocked[index - 2][1]


def _says_nothing(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]], starts: list[int]
) -> bool:
    """Return whether ``indirect_in_sentence`` must find nothing in a sentence without a
    participle cue because every speech verb in it is blocked (the caller tests participles).

    Why it is the same: the rule skips a verb match whose start is blocked, before anything
    else, and reads participles only where there is a participle cue. Each match of its
    verb search has its verb on a verb cue ``c`` of the sentence and starts between
    ``lead_in(c)`` and ``c`` (see ``_verb_at``); so when every position there is blocked
    for every cue, every match is skipped. Why: a direct quote's attribution ("…,” Mr.
    Okafor argued.") is claimed and blocked, and such sentences are a third of those with a
    verb; this check costs a binary search or two per verb instead of the searches.
    """
    text = ctx.text
    cues = ctx.verb_cues
    index = bisect.bisect_left(cues, s_start)
    while index < len(cues) and cues[index] < s_end:
        cue = cues[index]
        for at in range(max(s_start, lead_in(text, cue)), cue + 1):
            spot = bisect.bisect_right(starts, at)  # (``_is_blocked``, read here directly)
            if not (
                (spot and at < blocked[spot - 1][1]) or (spot > 1 and at < blocked[spot - 2][1])
            ):
                return False
        index += 1
    return True


# The last word of ``_RELATIVE_BEFORE_RE`` and of ``_JOINED_BEFORE_RE``: the text before a
# verb can match either only if it ends with one of these but for trailing whitespace.
_BEFORE_WORDS = ("who", "which", "whom", "and", "but", "while")
# A verb's "that" where it follows after one space: ``_THAT_RE`` finds it there first and the
# gap before it is a space, which ``_THAT_GAP_RE`` accepts (see ``indirect_in_sentence``).
_SPACE_THAT_RE = re.compile(r" that\b")


def indirect_in_sentence(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Find reported speech in one sentence, skipping text inside quote marks.

    A later attribution inside an earlier clause ("U.S. officials warn that ..., and Jim
    Mattis has argued that ...") ends that clause where its own subject begins.

    What the common case ("Mr. Okafor said that the deal ...") skips, each the same:

    - the verbs are read from the cue list in place (``_verb_at`` inline: the index only
      moves on, as the search position does), and the loop stops when no cue is left;
    - ``_RELATIVE_BEFORE_RE`` and ``_JOINED_BEFORE_RE`` match only where the text before
      the verb ends with one of their words (``_BEFORE_WORDS``) but for whitespace (``\\s``
      is ``str.isspace``), so they are searched only then;
    - where " that" follows the verb, ``_THAT_RE`` (searched from the verb's end, which is
      the space) finds that "that" first, with the same word boundary after it and a space
      before it, and ``_THAT_GAP_RE`` accepts the one space: the clause starts after it;
    - a subject that opens the sentence leaves nothing for ``chunk_before`` to read: on an
      empty stretch it returns the stretch's start;
    - a clause is trimmed, stripped of its period and counted in one pass (``trim_clause``);
    - the participle cue is looked up once (again only if a dateline moved the start), and
      blocked spans only when there are some (``_is_blocked`` of none is false).
    """
    text = ctx.text
    cues = ctx.verb_cues
    participle_cues = ctx.participle_cues
    spot = bisect.bisect_left(participle_cues, s_start)
    with_participle = spot < len(participle_cues) and participle_cues[spot] < s_end
    blocked_starts = [b[0] for b in blocked] if blocked else []
    if (
        blocked
        and not with_participle
        and _says_nothing(ctx, s_start, s_end, blocked, blocked_starts)
    ):
        return []
    dateline = _DATELINE_RE.match(text, s_start, s_end)
    if dateline is not None:
        s_start = dateline.end()
        with_participle = has_cue(participle_cues, s_start, s_end)
    found: list[Found] = []
    position = s_start
    index = bisect.bisect_left(cues, s_start)
    cue_count = len(cues)
    last_speaker: Speaker | None = None
    while position < s_end:
        # ``_verb_at(ctx, position, s_end)``: ``position`` never moves back, nor the index.
        while index < cue_count and cues[index] < position:
            index += 1
        if index == cue_count or cues[index] >= s_end:
            break
        match = VERB_RE.search(text, max(position, lead_in(text, cues[index])), s_end)
        if match is None:
            break
        # The match is the auxiliary and the verb: it starts where the auxiliary does.
        verb_start = match.start()
        position = match.end()
        if blocked and _is_blocked(blocked, blocked_starts, verb_start):
            continue
        aux, verb_word, aux2, that_verb = match.groups()
        if verb_word is None:
            aux, verb_word = aux2, that_verb
        if aux and _NEGATION_RE.search(aux):
            continue
        if verb_word.startswith("add") and _TO_RE.match(text, match.end()):
            continue  # "has added to the uncertainty"
        word_end = verb_start
        while word_end > s_start and text[word_end - 1].isspace():
            word_end -= 1
        joined_before: re.Match[str] | None = None
        if text.endswith(_BEFORE_WORDS, s_start, word_end):
            before = text[s_start:verb_start]
            tail = _tail_start(before)
            if _RELATIVE_BEFORE_RE.search(before, tail) and not (
                _THAT_NEXT_RE.match(text, match.end())
            ):
                continue  # a relative clause inside an apposition ("who asked not to be named")
            joined_before = _JOINED_BEFORE_RE.search(before, tail)
        verb, verb_end = verb_text(text, match, s_end)
        subject: Speaker | None = None
        role = ""
        joined = joined_before or (
            found and _COMMA_GAP_RE.fullmatch(text[found[-1].end : verb_start])
        )
        if joined and last_speaker is not None:
            subject = last_speaker
        # Where the chunk before the verb starts, when ``subject_and_chunk_before`` read it
        # (-1 when it did not).
        verb_chunk = -1
        if subject is None:
            result = subject_and_chunk_before(text, s_start, verb_start)
            if result is not None:
                subject, role, verb_chunk = result
        if (
            subject is not None
            and subject.kind in {"role", "named"}
            and verb_word.startswith("add")
            and not _THAT_NEXT_RE.match(text, verb_end)
        ):
            continue  # "The ministry has added two trains": not speech
        trailing_subject = False
        if subject is None:
            # Inverted trailing attribution: "..., said Jim Mattis, the defense secretary."
            if ends_with_comma(text, s_start, verb_start):  # (``before`` ends with ",")
                subject = subject_after(text, verb_end + 1, s_end)
                trailing_subject = subject is not None
            if subject is None:
                continue
        subject_start = subject.start if not trailing_subject else verb_start
        chunk_end = min(subject_start, verb_start)
        if chunk_end <= s_start:
            chunk_start = s_start
        elif chunk_end == verb_chunk:
            # The subject starts where the chunk before the verb does: ``chunk_before`` up
            # to it is that chunk's start (see ``subject_and_chunk_before``).
            chunk_start = verb_chunk
        else:
            chunk_start = chunk_before(text, s_start, chunk_end)[0]
        if not trailing_subject and subject.start >= s_start and subject.start != chunk_end:
            # (Where the subject ends the chunk just read, the same call would give the same.)
            chunk_start = min(chunk_start, chunk_before(text, s_start, subject.start)[0])
        preceded_by_comma = trailing_subject or ends_with_comma(text, s_start, chunk_start)
        if preceded_by_comma and (trailing_subject or _says_nothing_more(text, verb_end, s_end)):
            # Trailing attribution ("..., the minister said.") or parenthetical ("The deal,
            # he argued, was fair."): the clause is around the attribution.
            comma = text.rfind(",", s_start, chunk_start if not trailing_subject else subject_start)
            pieces = []
            if comma > s_start:
                first = s_start
                if not trailing_subject:
                    joints = list(_CLAUSE_JOINT_RE.finditer(text[s_start:comma]))
                    if joints:
                        first = s_start + joints[-1].end()
                pieces.append((first, comma))
            after_comma = text.find(",", verb_end, s_end)
            if not trailing_subject and after_comma >= 0:
                tail = after_comma + 1
                if not _PARTICIPLE_NEXT_RE.match(text[tail:s_end]):
                    pieces.append((tail, clause_end(ctx, tail, s_end)))
            for piece_start, piece_end in pieces:
                span = trim_clause(text, piece_start, piece_end)
                if span is not None and not (
                    blocked and _is_blocked(blocked, blocked_starts, span[0])
                ):
                    found.append(Found(span[0], span[1], False, subject, verb, verb))
            last_speaker = subject
            position = s_end if trailing_subject else max(position, verb_end)
            continue
        that_here = _SPACE_THAT_RE.match(text, verb_end, min(s_end, verb_end + 120))
        if that_here is not None:
            clause_start = that_here.end()
        else:
            that = _THAT_RE.search(text, verb_end, min(s_end, verb_end + 120))
            clause_start = verb_end
            if that is not None and _THAT_GAP_RE.fullmatch(text, verb_end, that.start()):
                clause_start = that.end()
            elif that_verb is not None:
                continue
        relative = verb_word.startswith(("describ", "regard"))
        span = trim_clause(text, clause_start, clause_end(ctx, clause_start, s_end, relative))
        if span is None:
            continue
        if found and found[-1].start < verb_start < found[-1].end:
            _truncate(
                text, found[-1], subject.start if subject.start > found[-1].start else verb_start
            )
        context = text[verb_start : min(s_end, verb_end + 40)]
        found.append(Found(span[0], span[1], False, subject, verb, context))
        if role and subject.kind == "person" and not subject.role:
            subject.role = role
        last_speaker = subject
        position = verb_end
    # "..., arguing that ...": the speaker is the sentence's subject.
    participles = PARTICIPLE_RE.finditer(text, s_start, s_end) if with_participle else ()
    for participle in participles:
        if (blocked and _is_blocked(blocked, blocked_starts, participle.start())) or any(
            f.start <= participle.start() < f.end for f in found
        ):
            continue
        speaker = first_subject(text, s_start, participle.start()) or last_speaker
        if speaker is None:
            continue
        that = _THAT_NEXT_RE.match(text[participle.end() : s_end])
        clause_start = participle.end() + (that.end() if that else 0)
        span = trim_clause(text, clause_start, clause_end(ctx, clause_start, s_end))
        if span is not None:
            verb = participle.group("verb")
            context = text[participle.start("verb") : min(s_end, participle.end() + 30)]
            found.append(Found(span[0], span[1], False, speaker, verb, context))
            last_speaker = speaker
    # (Every clause holds two words, and ``_truncate`` keeps two: none is empty, as the
    # filter ``f.end - f.start > 0`` the rule ended with asked.)
    return found


_JOINT_RE = re.compile(r",\s+(?:and|but|while)\s+|,\s+|;\s+|\s+(?:and|but)\s+")


def _truncate(text: str, clause: Found, attribution_start: int) -> None:
    """End a clause where a new attribution inside it begins (unless nothing would be left:
    then the new one is reported speech nested in the old, and both stay)."""
    limit = min(attribution_start, clause.end)
    joints = list(_JOINT_RE.finditer(text, clause.start, limit))
    if not joints:
        return
    end = _strip_period(text, clause.start, joints[-1].start())
    if has_words(text[clause.start : end], 2):
        clause.end = end


def _strip_period(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".…\u00a0 ":
        end -= 1
    return end
