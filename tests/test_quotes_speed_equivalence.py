"""The fast quote finder gives exactly the quotes of the plain rules it replaced.

``find_quotes`` was made faster with prefilters (only sentences and stretches with a cue word
are searched), memos (a speaker phrase is read once), a plain-Python matcher for verb phrases,
a name scan that visits only capitalised words, and searches that start where a match can
begin. None of it may change a byte of ``framing annotate``, so the code as it was before is
kept here as the oracle: ``Context``, ``_direct_items``, ``trailing_attribution``,
``_clause_end``, ``indirect_in_sentence``, ``according_to``, ``_finish``, ``chunk_before``,
``_head``, ``name_mentions``, ``verb_category`` and the loop of ``find_quotes`` are copied
below as ``_plain_*`` (renamed, otherwise unchanged), and ``classify_subject``'s plain
reading stays in the module as ``_read_subject``. Both are run on the bundled corpus, on
generated articles and on hostile text: whole articles are compared quote by quote, and each
replaced rule is also compared on its own, on inputs chosen to reach its edge cases.

A later round listed quote marks with ``str.find`` (the regex pairing is kept as
``_plain_double_spans`` and ``_plain_single_spans``), scanned cues with the character before
the word (``_plain_cues``), searched the clause stop, "according to" and paragraph breaks
only where they can match, read commas and verb phrases without copying text, and skips
sentences whose speech verbs are all blocked; ``_plain_verb_text``, ``_plain_is_blocked``
and the plain regexes check those on their own, and ``indirect_in_sentence`` is compared
with and without the skip on blocked spans placed at random.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import (
    quote_clauses,
    quote_context,
    quote_marks,
    quote_speakers,
    quote_verbs,
    quotes,
    speaker_names,
    verb_categories,
)
from framing.lexicon import Lexicon, load_lexicon, parse_lexicon
from framing.loading import load_corpus
from framing.matching import LexiconMatcher
from framing.model import Article, Document
from framing.quote_clauses import (
    _CLAUSE_JOINT_RE,
    _CLAUSE_STOP_RE,
    _COMMA_GAP_RE,
    _DATELINE_RE,
    _HEAD_STOP_RE,
    _JOINED_BEFORE_RE,
    _NEGATION_RE,
    _PARTICIPLE_NEXT_RE,
    _RELATIVE_BEFORE_RE,
    _RELATIVE_END_RE,
    _THAT_GAP_RE,
    _THAT_NEXT_RE,
    _TIME_WORDS,
    _TO_RE,
    _strip_period,
    _truncate,
)
from framing.quote_context import _PARAGRAPH_RE, Context, Found, count_words, trim
from framing.quote_speakers import (
    _CLAUSE_WORD_RE,
    _NAME_WORD_RE,
    _PREPOSITIONS,
    Speaker,
    _bare,
    _joins_names,
    _read_subject,
    first_subject,
    subject_after,
    subject_before,
)
from framing.quote_verbs import (
    ACCORDING_RE as _ACCORDING_RE,
)
from framing.quote_verbs import (
    COORDINATED_RE as _COORDINATED_RE,
)
from framing.quote_verbs import (
    INVERTED_RE as _INVERTED_RE,
)
from framing.quote_verbs import (
    PARTICIPLE_RE as _PARTICIPLE_RE,
)
from framing.quote_verbs import (
    SPACES_RE as _SPACES_RE,
)
from framing.quote_verbs import (
    VERB_RE,
)
from framing.quote_verbs import (
    verb_text as _verb_text,
)
from framing.quotes import Quote, find_quotes
from framing.speaker_names import (
    _LAST_NAME,
    _NAME,
    _PARTICLE,
    Resolver,
    _add_name,
    _name_word,
)
from framing.synthetic import generate_articles
from framing.text import prepare
from framing.tokens import cased_form, tokenize

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: the rules as they were before the fast paths.


def _plain_name_mentions(text: str) -> list[tuple[int, str]]:
    """``name_mentions`` as it was: every word of the text, one by one."""
    mentions: list[tuple[int, str]] = []
    current: list[tuple[str, int]] = []
    previous_end = 0
    for match in _NAME_WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        if current and not text[previous_end:start].isspace():
            _add_name(current, mentions)
        previous_end = match.end()
        if not current and not word[0].isupper():
            continue
        kind = _name_word(word)
        if kind == _NAME or (kind == _PARTICLE and current):
            current.append((word, start))
            continue
        if kind == _LAST_NAME:
            current.append((word, start))
        _add_name(current, mentions)
    _add_name(current, mentions)
    return mentions


@cache
def _plain_stance_matcher() -> LexiconMatcher:
    return LexiconMatcher(load_lexicon("stance.tsv"))


def _plain_verb_category(phrase: str) -> str:
    """``verb_category`` as it was: the sparse ``LexiconMatcher`` on the phrase's tokens."""
    starts, ends, norms = tokenize(phrase)
    if not norms:
        return ""
    matcher = _plain_stance_matcher()
    cased = [cased_form(phrase[s:e]) for s, e in zip(starts, ends, strict=True)]
    for match in matcher.match(norms, cased if matcher.lexicon.case_sensitive else None):
        if match.entry.category in verb_categories.ATTRIBUTION_CATEGORIES:
            return match.entry.category
    return ""


# The clause rules as they were, before cue gates, memos and compiled shortcuts (copied from
# framing.quote_clauses, framing.quotes and framing.quote_speakers; only renamed).

_PLAIN_THAT_RE = re.compile(r"\bthat\b")
_COMMA_END_RE = re.compile(r",\s*$")


def _plain_verb_at(text: str, start: int, limit: int) -> re.Match[str] | None:
    return VERB_RE.search(text, start, limit)


class _PlainContext:
    """Sentence and paragraph lookups for one text, built once (binary search per lookup)."""

    def __init__(self, document: Document) -> None:
        self.text = document.article.text
        spans = document.prepared.sentences
        self.sentence_starts = [s.start for s in spans]
        self.sentence_ends = [s.end for s in spans]
        starts = [0]
        for match in _PARAGRAPH_RE.finditer(self.text):
            starts.append(match.end())
        self.paragraph_starts = starts
        self.paragraph_ends = [m.start() for m in _PARAGRAPH_RE.finditer(self.text)] + [
            len(self.text)
        ]

    def sentence_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)

    def sentence_span(self, position: int) -> tuple[int, int]:
        if not self.sentence_starts:
            return 0, len(self.text)
        index = self.sentence_of(position)
        return self.sentence_starts[index], self.sentence_ends[index]

    def paragraph_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, position) - 1, 0)


def _plain_trailing_attribution(
    ctx: _PlainContext, end_mark: int, limit: int, sentence_start: int
) -> tuple[Speaker, str, str, int, int] | None:
    """Find "…,” said X" or "…,” X said" after a closing mark; return speaker, verb, context."""
    text = ctx.text
    piece = text[end_mark:limit]
    stripped = piece.lstrip(" ,\u00a0")
    offset = end_mark + len(piece) - len(stripped)
    if not stripped or stripped[0] in ".;:" or stripped.startswith("("):
        return None
    inverted = _INVERTED_RE.match(text, offset, limit)
    if inverted is not None:
        verb = _SPACES_RE.sub(" ", inverted.group("verb"))
        speaker = subject_after(text, inverted.end() + 1, limit)
        if speaker is not None:
            return speaker, verb, text[offset:limit], offset, inverted.end()
    match = _plain_verb_at(text, offset, limit)
    if match is None or count_words(text[offset : match.start()]) > 12:
        return None
    verb, verb_end = _verb_text(text, match, limit)
    group = "verb" if match.group("verb") else "verb2"
    aux = match.group("aux" if group == "verb" else "aux2") or ""
    subject = _read_subject(text[offset : match.start(group) - len(aux)], offset)
    if subject is None:
        return None
    return subject, verb, text[match.start() : limit], match.start(), verb_end


def _plain_clause_end(text: str, start: int, sentence_end: int, relative: bool = False) -> int:
    """End a reported clause at the sentence end, a semicolon or a coordinated speech verb.

    ``relative``: the verb stands in a relative clause ("India, which Washington describes
    as a partner, is ..."), so the clause also ends where the main clause resumes.
    """
    end = sentence_end
    if relative:
        resume = _RELATIVE_END_RE.search(text, start, end)
        if resume is not None:
            end = resume.start()
    stop = _CLAUSE_STOP_RE.search(text, start, end)
    if stop is not None and stop.start() > start:
        end = stop.start()
    coordinated = _COORDINATED_RE.search(text, start, end)
    if coordinated is not None:
        end = coordinated.start()
    participle = _PARTICIPLE_RE.search(text, start, end)
    if participle is not None:
        end = participle.start()
    return end


def _plain_indirect_in_sentence(
    ctx: _PlainContext, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Find reported speech in one sentence, skipping text inside quote marks.

    A later attribution inside an earlier clause ("U.S. officials warn that ..., and Jim
    Mattis has argued that ...") ends that clause where its own subject begins.
    """
    text = ctx.text
    dateline = _DATELINE_RE.match(text, s_start, s_end)
    if dateline is not None:
        s_start = dateline.end()
    found: list[Found] = []
    position = s_start
    blocked_starts = [b[0] for b in blocked]

    def is_blocked(at: int) -> bool:
        index = bisect.bisect_right(blocked_starts, at)
        return any(blocked[i][0] <= at < blocked[i][1] for i in range(max(index - 2, 0), index))

    last_speaker: Speaker | None = None
    while position < s_end:
        match = _plain_verb_at(text, position, s_end)
        if match is None:
            break
        group = "verb" if match.group("verb") else "verb2"
        aux = match.group("aux" if group == "verb" else "aux2") or ""
        verb_start = match.start(group) - len(aux)
        position = match.end()
        if is_blocked(verb_start) or _NEGATION_RE.search(aux):
            continue
        if match.group(group).startswith("add") and _TO_RE.match(text, match.end()):
            continue  # "has added to the uncertainty"
        if _RELATIVE_BEFORE_RE.search(text[s_start:verb_start]) and not (
            _THAT_NEXT_RE.match(text, match.end())
        ):
            continue  # a relative clause inside an apposition ("who asked not to be named")
        verb, verb_end = _verb_text(text, match, s_end)
        before = text[s_start:verb_start]
        subject: Speaker | None = None
        role = ""
        joined = _JOINED_BEFORE_RE.search(before) or (
            found and _COMMA_GAP_RE.fullmatch(text[found[-1].end : verb_start])
        )
        if joined and last_speaker is not None:
            subject = last_speaker
        if subject is None:
            result = subject_before(text, s_start, verb_start)
            if result is not None:
                subject, role = result
        if (
            subject is not None
            and subject.kind in {"role", "named"}
            and match.group(group).startswith("add")
            and not _THAT_NEXT_RE.match(text, verb_end)
        ):
            continue  # "The ministry has added two trains": not speech
        trailing_subject = False
        if subject is None:
            # Inverted trailing attribution: "..., said Jim Mattis, the defense secretary."
            if _COMMA_END_RE.search(before):
                subject = subject_after(text, verb_end + 1, s_end)
                trailing_subject = subject is not None
            if subject is None:
                continue
        rest = text[verb_end:s_end]
        rest_head = _HEAD_STOP_RE.split(rest, maxsplit=1)[0].strip()
        subject_start = subject.start if not trailing_subject else verb_start
        chunk_start = _plain_chunk_before(text, s_start, min(subject_start, verb_start))[0]
        if not trailing_subject and subject.start >= s_start:
            chunk_start = min(chunk_start, _plain_chunk_before(text, s_start, subject.start)[0])
        preceded_by_comma = trailing_subject or bool(
            _COMMA_END_RE.search(text[s_start:chunk_start])
        )
        if preceded_by_comma and (
            trailing_subject or not rest_head or _TIME_WORDS.match(rest_head)
        ):
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
                pieces.append(trim(text, first, comma))
            after_comma = text.find(",", verb_end, s_end)
            if not trailing_subject and after_comma >= 0:
                tail = after_comma + 1
                if not _PARTICIPLE_NEXT_RE.match(text[tail:s_end]):
                    pieces.append(trim(text, tail, _plain_clause_end(text, tail, s_end)))
            for p_start, p_end in pieces:
                p_end = _strip_period(text, p_start, p_end)
                if count_words(text[p_start:p_end]) >= 2 and not is_blocked(p_start):
                    found.append(Found(p_start, p_end, False, subject, verb, verb))
            last_speaker = subject
            position = s_end if trailing_subject else max(position, verb_end)
            continue
        that = _PLAIN_THAT_RE.search(text, verb_end, min(s_end, verb_end + 120))
        clause_start = verb_end
        if that is not None and _THAT_GAP_RE.fullmatch(text, verb_end, that.start()):
            clause_start = that.end()
        elif group == "verb2":
            continue
        relative = match.group(group).startswith(("describ", "regard"))
        clause_end = _plain_clause_end(text, clause_start, s_end, relative)
        c_start, c_end = trim(text, clause_start, clause_end)
        c_end = _strip_period(text, c_start, c_end)
        if count_words(text[c_start:c_end]) < 2:
            continue
        if found and found[-1].start < verb_start < found[-1].end:
            _truncate(
                text, found[-1], subject.start if subject.start > found[-1].start else verb_start
            )
        context = text[verb_start : min(s_end, verb_end + 40)]
        found.append(Found(c_start, c_end, False, subject, verb, context))
        if role and subject.kind == "person" and not subject.role:
            subject.role = role
        last_speaker = subject
        position = verb_end
    # "..., arguing that ...": the speaker is the sentence's subject.
    for participle in _PARTICIPLE_RE.finditer(text, s_start, s_end):
        if is_blocked(participle.start()) or any(
            f.start <= participle.start() < f.end for f in found
        ):
            continue
        speaker = first_subject(text, s_start, participle.start()) or last_speaker
        if speaker is None:
            continue
        that = _THAT_NEXT_RE.match(text[participle.end() : s_end])
        clause_start = participle.end() + (that.end() if that else 0)
        c_start, c_end = trim(text, clause_start, _plain_clause_end(text, clause_start, s_end))
        c_end = _strip_period(text, c_start, c_end)
        if count_words(text[c_start:c_end]) >= 2:
            verb = participle.group("verb")
            context = text[participle.start("verb") : min(s_end, participle.end() + 30)]
            found.append(Found(c_start, c_end, False, speaker, verb, context))
            last_speaker = speaker
    return [f for f in found if f.end - f.start > 0]


def _plain_according_to(
    ctx: _PlainContext, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Read "according to X" before, after or inside a clause."""
    text = ctx.text
    found: list[Found] = []
    if text.find("ccording", s_start, s_end) < 0:
        return found  # a quick test: most sentences have no "according to"
    for match in _ACCORDING_RE.finditer(text, s_start, s_end):
        if any(b_start <= match.start() < b_end for b_start, b_end in blocked):
            continue
        np_end = s_end
        for stop in (",", ";", " — "):
            at = text.find(stop, match.end(), s_end)
            if at >= 0:
                np_end = min(np_end, at)
        np_start, np_end2 = trim(text, match.end(), _strip_period(text, match.end(), np_end))
        phrase = text[np_start:np_end2]
        if (
            re.match(r"(?:some|sources|reports|people)\b", phrase)
            and "," not in text[match.start() : s_end]
        ):
            continue
        speaker = _read_subject(phrase, np_start) or Speaker(phrase, np_start, np_end2, "role")
        if count_words(phrase) > 10:
            continue
        before = text[s_start : match.start()]
        if not before.strip():
            c_start, c_end = np_end + 1, _plain_clause_end(text, np_end + 1, s_end)
        elif before.rstrip().endswith(","):
            comma = before.rstrip()
            c_start = s_start
            c_end = s_start + len(comma) - 1
            if re.search(r"\b(?:that|which|who|and|but),\s*$", before):
                # Parenthetical: "interceptors that, according to the maker, reach 400 km".
                tail_end = _plain_clause_end(text, np_end + 1, s_end)
                tail = text.find(",", np_end + 1, tail_end)
                c_start, c_end = np_end + 1, tail if tail >= 0 else tail_end
        else:
            continue
        c_start, c_end = trim(text, c_start, c_end)
        c_end = _strip_period(text, c_start, c_end)
        if count_words(text[c_start:c_end]) >= 2:
            found.append(Found(c_start, c_end, False, speaker, "according to", "according to"))
    return found


_PLAIN_MARKS_RE = re.compile('["“”«»]')


def _plain_double_spans(ctx: _PlainContext) -> list[tuple[int, int, bool, bool]]:
    """Pair double quote marks within paragraphs: (start, end, runs_on, continues).

    ``runs_on``: the paragraph ended inside the quote and the next paragraph opens with a
    quote mark, so the quote continues there (``continues`` is set on that next piece).
    Unbalanced marks are dropped rather than guessed: an opening mark that never closes
    starts no quote.
    """
    text = ctx.text
    spans: list[tuple[int, int, bool, bool]] = []
    continues = False
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        open_at = -1
        first_open = True
        for match in _PLAIN_MARKS_RE.finditer(text, p_start, p_end):
            mark = match.group()
            position = match.start()
            is_open = mark in quote_marks._DOUBLE_OPEN or (
                mark == '"'
                and open_at < 0
                and position + 1 < p_end
                and not text[position + 1].isspace()
            )
            if open_at < 0:
                if is_open:
                    open_at = position
                continue
            if mark in quote_marks._DOUBLE_OPEN:
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


def _plain_single_spans(ctx: _PlainContext, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair single quote marks (British style) outside double-quoted text, per paragraph."""
    text = ctx.text
    found: list[tuple[int, int]] = []
    starts = [s for s, _ in taken]
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        position = p_start
        while True:
            opening = quote_marks._SINGLE_OPEN_RE.search(text, position, p_end)
            if opening is None:
                break
            closing = quote_marks._SINGLE_CLOSE_RE.search(text, opening.end(), p_end)
            if closing is None:
                break
            start, end = opening.end(), closing.start()
            index = bisect.bisect_right(starts, start) - 1
            inside = index >= 0 and taken[index][0] <= start < taken[index][1] + 1
            if not inside:
                found.append((start, end))
            position = closing.end()
    return found


def _plain_direct_items(ctx: _PlainContext) -> list[Found]:
    text = ctx.text
    raw = _plain_double_spans(ctx)
    spans = [(s, e, runs, cont, False) for s, e, runs, cont in raw]
    taken = [(s - 1, e + 1) for s, e, *_ in raw]
    spans += [(s, e, False, False, True) for s, e in _plain_single_spans(ctx, taken)]
    spans.sort()
    mark_starts = [s - 1 for s, *_ in spans]
    items: list[Found] = []
    for start, end, runs_on, continues, _single in spans:
        q_start, q_end = trim(text, start, end)
        if q_end <= q_start:
            continue
        paragraph = ctx.paragraph_of(start)
        p_end = ctx.paragraph_ends[paragraph]
        s_start, s_end = ctx.sentence_span(max(end - 1, start))
        after = bisect.bisect_right(mark_starts, end)
        next_mark = mark_starts[after] if after < len(mark_starts) else len(text)
        limit = min(max(s_end, end + 1), p_end, next_mark)
        close = end + (0 if runs_on else 1)
        item = Found(
            q_start,
            q_end,
            True,
            None,
            mark_start=start - 1,
            mark_end=close,
            runs_on=runs_on,
        )
        item.paragraph = paragraph
        item.sentence = ctx.sentence_of(start)
        last_char = text[q_end - 1]
        trailing = None
        ends_open = last_char in ",?!—–-" or text[q_end:end].strip() in {",", "?", "!"}
        comma_after = re.match(r"\s*,", text[close:limit]) is not None
        if not runs_on and (ends_open or comma_after):
            trailing = _plain_trailing_attribution(ctx, close, limit, s_start)
            following = ctx.sentence_of(max(end - 1, start)) + 1
            if trailing is None and following < len(ctx.sentence_ends):
                # The splitter may end a sentence inside the attribution ("Col. (ret.) Anke
                # Vogel"): try once more up to the end of the next sentence.
                wider = min(ctx.sentence_ends[following], p_end, next_mark)
                if wider > limit:
                    trailing = _plain_trailing_attribution(ctx, close, wider, s_start)
        if trailing is not None:
            speaker, verb, context, attr_start, attr_end = trailing
            item.speaker, item.verb, item.verb_context = speaker, verb, context
            item.attr_start, item.attr_end = attr_start, attr_end
        elif continues:
            item.inherit = True
        elif re.search(r"[:,]\s*$", text[s_start : start - 1]):
            # "The chairwoman, Agnieszka Brandt, put it plainly: “...”"
            lead = text[s_start : start - 1].rstrip()
            if lead.endswith(":") or VERB_RE.search(lead[-30:]):
                lead_speaker = first_subject(text, s_start, s_start + len(lead))
                if lead_speaker is not None:
                    item.speaker = lead_speaker
        items.append(item)
    return items


def _plain_chunk_before(text: str, start: int, end: int) -> tuple[int, int]:
    """Find the phrase that ends at ``end``: back to the last clause boundary."""
    piece = text[start:end]
    boundary = max(
        piece.rfind(","),
        piece.rfind(";"),
        piece.rfind(":"),
        piece.rfind("—"),
        piece.rfind("("),
        piece.rfind("”"),
        piece.rfind('"'),
        piece.rfind("“"),
    )
    for match in _CLAUSE_WORD_RE.finditer(piece):
        if match.start() > boundary:
            if match.group().startswith("and") and _joins_names(piece, match):
                continue
            boundary = match.end() - 1
    return start + boundary + 1, end


def _plain_head(text: str) -> str:
    words = [_bare(w) for w in text.split()]
    for index, word in enumerate(words):
        if index > 0 and word in _PREPOSITIONS:
            return words[index - 1]
    return words[-1] if words else ""


def _plain_finish(
    document: Document,
    ctx: _PlainContext,
    found: list[Found],
    side_of: Callable[[str], str | None],
) -> tuple[Quote, ...]:
    text = ctx.text
    resolver = Resolver(_plain_name_mentions(text))
    quotes: list[Quote] = []
    for item in sorted(found, key=lambda f: f.start):
        speaker = item.speaker
        if speaker is None:
            continue
        canonical, role, kind_of = resolver.resolve(speaker, item.start)
        if not canonical:
            continue
        anonymous = kind_of == "anonymous"
        kind = "anonymous" if anonymous else ("direct" if item.direct else "indirect")
        inherited = item.inherit or speaker.start < 0
        # The verb and a few words after it ("said in a statement", "maintained that"), cached:
        # an outlet uses a handful of verbs thousands of times.
        category = _plain_verb_category(" ".join((item.verb_context or item.verb).split()[:6]))
        side = side_of(f"{role} {speaker.text}".strip())
        quotes.append(
            Quote(
                article_id=document.id,
                kind=kind,
                start=item.start,
                end=item.end,
                speaker_text=speaker.text,
                speaker_start=-1 if inherited and item.inherit else speaker.start,
                speaker_end=-1 if inherited and item.inherit else speaker.end,
                speaker=canonical,
                role=role,
                verb=item.verb,
                verb_category=category,
                side=side,
                anonymous=anonymous,
            )
        )
    return tuple(quotes)


def _plain_find_quotes(
    document: Document, side_of: Callable[[str], str | None]
) -> tuple[Quote, ...]:
    """``find_quotes`` as it was: both clause rules on every sentence."""
    text = document.article.text
    if not text.strip():
        return ()
    ctx = _PlainContext(document)
    items = _plain_direct_items(ctx)
    blocked = [(i.mark_start, i.mark_end) for i in items]
    claimed = [(i.attr_start, i.attr_end) for i in items if i.attr_start >= 0]
    spans = sorted(blocked + claimed)
    reach = max((end - start for start, end in spans), default=0)
    span_starts = [start for start, _end in spans]
    indirect: list[Found] = []
    for s_start, s_end in zip(ctx.sentence_starts, ctx.sentence_ends, strict=True):
        lo = bisect.bisect_left(span_starts, s_start - reach)
        hi = bisect.bisect_right(span_starts, s_end)
        local = [span for span in spans[lo:hi] if span[1] > s_start]
        found = _plain_indirect_in_sentence(ctx, s_start, s_end, local)
        taken = sorted(local + [(f.start, f.end) for f in found])
        indirect.extend(found)
        indirect.extend(_plain_according_to(ctx, s_start, s_end, taken))
    merged = quotes._merge(items, indirect)
    return _plain_finish(document, ctx, merged, side_of)


@contextmanager
def _plain_rules() -> Iterator[None]:
    """Swap the fast helpers that the plain rules reach through module names for their plain
    forms (the plain copies above call the plain ones directly)."""
    with (
        mock.patch.object(quote_speakers, "classify_subject", _read_subject),
        mock.patch.object(quote_speakers, "chunk_before", _plain_chunk_before),
        mock.patch.object(speaker_names, "_head", _plain_head),
    ):
        yield


def _side(text: str) -> str | None:
    """A stand-in for the story's sides: any pure function of the speaker does."""
    return text.split()[-1].lower() if text.split() else None


def _document(text: str, article_id: str = "t") -> Document:
    return Document(Article(article_id, "Outlet", text), prepare(article_id, text))


def assert_same_quotes(document: Document) -> None:
    fast = find_quotes(document, _side)
    with _plain_rules():
        plain = _plain_find_quotes(document, _side)
    assert fast == plain


# --------------------------------------------------------------------------------------------
# Inputs: the bundled corpus, generated articles and hostile text.


@cache
def _corpus_documents() -> tuple[Document, ...]:
    return tuple(
        Document(article, prepare(article.id, article.text))
        for article in load_corpus(CORPUS).articles
    )


@cache
def _generated_documents() -> tuple[Document, ...]:
    return tuple(
        _document(record["text"], record["id"])
        for record in generate_articles(120, seed=11, words=400)
    )


def _texts() -> list[str]:
    return [d.article.text for d in (*_corpus_documents(), *_generated_documents())]


_FRAGMENTS = (
    "“", "”", "«", "»", '"', "'", "‘", "’", "„", "‹", "›", " ", "  ", ", ", ",", ".", ". ",
    "? ", "! ", ": ", "; ", " — ", " – ", "-", "\n", "\n\n", "\n \n", "\u2029", "\u00a0",
    "(", ")", "said", "says", "told reporters", "told", "has said", "had not said", "warned",
    "added", "added to", "argued that", "pointed out", "made clear", "fears that", "states that",
    "reported", "describes", "regarded", "who said", "which", "according to", "According to",
    "accordingly", "arguing", "saying", ", adding", " while insisting", "in a statement",
    "that", "and", "but", "officials", "a senior official in Ankara", "the minister", "he",
    "she", "they", "It", "Jim Mattis", "Mattis", "Mr. Okafor", "Dr. Ilse Varga", "Gen.",
    "Lt. Gen. (ret.) Halil Özkaya", "Col. (retd) Anke Vogel", "Ludwig van der Berg", "Jr.",
    "U.S.", "NATO", "S-400", "WASHINGTON — ", "on Monday", "O’Brien", "d’Artagnan", "2Smith",
    "_Xavier", "'Smith", "-Jones", "abc.Def", "the United States and Germany", "Washington",
    "𝐀lpha", "𐐀rgo", "Ⅻ", "Ⓐnne", "ǅoe", "İstanbul", "Émile Zola", "VAN", "De", "van",
    ", suggesting that", ", complaining that", " while emphasising", ", emphasizing",
    ", before telling", "fear that", "worries", "believe that", "point out", "makes clear",
)  # fmt: skip

hostile_text = st.lists(st.sampled_from(_FRAGMENTS), max_size=80).map("".join)
any_text = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8)), max_size=40).map(
    "".join
)


def _long_sentence(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_FRAGMENTS).strip() or "x" for _ in range(words))


# --------------------------------------------------------------------------------------------
# Whole articles.


def test_bundled_corpus_gives_the_same_quotes() -> None:
    documents = _corpus_documents()
    assert sum(len(find_quotes(d)) for d in documents) > 100  # the corpus has quotes to lose
    for document in documents:
        assert_same_quotes(document)


def test_generated_articles_give_the_same_quotes() -> None:
    for document in _generated_documents():
        assert_same_quotes(document)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“",
        "”He said.",
        "“Unbalanced, he said.",
        "«No», said Jim Mattis. ‘Yes,’ she said.",
        '"We will buy it," he said, "whatever happens."\n\n"And more," he added.',
        _long_sentence(1, 3000),
        "According to " * 400 + "officials, it is done.",
        "He said that " * 500 + ".",
    ],
)
def test_edge_cases_give_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


@settings(max_examples=1000, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_any_text_gives_the_same_quotes(text: str) -> None:
    assert_same_quotes(_document(text))


# --------------------------------------------------------------------------------------------
# Each rule on its own.


def _assert_cues_cover_the_patterns(text: str, windows: list[tuple[int, int]]) -> None:
    """Wherever a clause pattern matches, ``Context`` has a cue of its kind in the stretch."""
    ctx = _context(text)
    kinds = (
        (quote_verbs.VERB_RE, ctx.verb_cues),
        (quote_verbs.COORDINATED_RE, ctx.verb_cues),
        (quote_verbs.PARTICIPLE_RE, ctx.participle_cues),
        (quote_verbs.ACCORDING_RE, ctx.according_cues),
    )
    for start, end in windows:
        for pattern, cues in kinds:
            if pattern.search(text, start, end) is not None:
                assert quote_context.has_cue(cues, start, end), (pattern, text[start:end])


def _context(text: str) -> Context:
    return Context(_document(text))


def _windows(text: str, seed: int) -> list[tuple[int, int]]:
    """Every sentence, and stretches that start and end anywhere, even inside words."""
    prepared = prepare("t", text)
    windows = [(s.start, s.end) for s in prepared.sentences] + [(0, len(text))]
    rng = random.Random(seed)
    for _ in range(40):
        start = rng.randint(0, len(text))
        windows.append((start, rng.randint(start, min(len(text), start + 300))))
    return windows


def test_cues_cover_every_clause_pattern_in_articles() -> None:
    for seed, text in enumerate(_texts()):
        _assert_cues_cover_the_patterns(text, _windows(text, seed))


@settings(max_examples=500, deadline=None)
@given(hostile_text, st.integers(0, 1000))
def test_cues_cover_every_clause_pattern_in_hostile_text(text: str, seed: int) -> None:
    _assert_cues_cover_the_patterns(text, _windows(text, seed))


def test_no_cue_word_begins_according() -> None:
    """A position ``CUE_RE`` reads as "according" is no verb's: no speech word begins so."""
    words = {
        *quote_speakers.VERB_WORDS,
        *quote_verbs._THAT_ONLY,
        *quote_verbs._PARTICIPLES,
        *(phrase.split()[0] for phrase in quote_verbs._VERB_PHRASES),
    }
    assert not [w for w in words if "according".startswith(w) or w.startswith("accord")]


def test_name_mentions_match_the_plain_scan_on_articles() -> None:
    for text in _texts():
        assert speaker_names.name_mentions(text) == _plain_name_mentions(text)


@settings(max_examples=1500, deadline=None)
@given(any_text)
def test_name_mentions_match_the_plain_scan_on_any_text(text: str) -> None:
    assert speaker_names.name_mentions(text) == _plain_name_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jim Mattis",
        "Ludwig van der Berg met Ana de la Cruz",
        "Ludwig VAN der Berg, Ludwig vaN Berg",
        "2Jim Mattis, _Jim Mattis, 'Jim Mattis, -Jim Mattis, a2Jim Mattis, x_Jim Mattis",
        "abc.Jim Mattis U.S. Sen. Bob Jones Jr. and J.A. Smith Jr. Smith",
        "𝐀lpha 𝐁eta, 𐐀rgo 𐐁ox, Ⓐnne Ⓑoe, ǅoe ǅim, Ⅻ Ⅼ, İstanbul İzmir",
        "Col. (ret.) Anke Vogel (retd) Max Holm (RET) Jo Lo",
        "Jim\u00a0Mattis\u2029Jim\nMattis \n\n Jim",
        "\U000100fbLudwig van der Berg, \U00010000Jim Mattis, 𝐀\U000100fbJo Lo, ²Jim Mattis",
        "Ⅻ Jim Mattis, Jim Ⅻ Mattis, Jim_Mattis Lo, O’Brien O’Neil, a-Jim Mattis",
    ],
)
def test_name_mentions_match_the_plain_scan_on_edge_cases(text: str) -> None:
    assert speaker_names.name_mentions(text) == _plain_name_mentions(text)


def _subject_phrases() -> list[str]:
    """Phrases as the rules hand them to ``classify_subject``, taken from the articles."""
    phrases: list[str] = []
    for text in _texts()[:60]:
        for start in range(0, len(text) - 40, 97):
            phrases.extend(text[start : start + size] for size in (3, 12, 25, 40))
    return [*phrases, "", " ", "he", "He", "Mr. Okafor ", "officials in Ankara", "the minister"]


def test_classify_subject_matches_the_plain_reading() -> None:
    for phrase in _subject_phrases():
        for offset in (0, 7, 1234):
            assert quote_speakers.classify_subject(phrase, offset) == quote_speakers._read_subject(
                phrase, offset
            )


@settings(max_examples=1000, deadline=None)
@given(any_text, st.integers(0, 10_000))
def test_classify_subject_matches_the_plain_reading_on_any_text(text: str, offset: int) -> None:
    assert quote_speakers.classify_subject(text, offset) == quote_speakers._read_subject(
        text, offset
    )


def test_classify_subject_gives_a_new_speaker_each_time() -> None:
    first = quote_speakers.classify_subject("Mr. Okafor", 10)
    assert first is not None and first.role == "Mr." and (first.start, first.end) == (14, 20)
    first.role = "changed by a caller"
    again = quote_speakers.classify_subject("Mr. Okafor", 20)
    assert again is not None and again is not first
    assert again.role == "Mr." and (again.start, again.end) == (24, 30)


def test_long_phrases_are_read_without_the_memo() -> None:
    long = "officials " * 30
    quote_speakers._classify_phrase.cache_clear()
    assert quote_speakers.classify_subject(long, 5) == quote_speakers._read_subject(long, 5)
    assert quote_speakers._classify_phrase.cache_info().currsize == 0


def _verb_phrases() -> list[str]:
    """Every term of the stance lexicon, runs of its words, and verb contexts from articles."""
    lexicon = load_lexicon("stance.tsv")
    terms = [entry.term.replace("*", "ing") for entry in lexicon.entries]
    words = [word for term in terms for word in term.split()] + ["the", "not", "X", "’s"]
    rng = random.Random(5)
    phrases = terms + [
        " ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(1200)
    ]
    phrases += [" ".join(rng.choice(terms) for _ in range(rng.randint(1, 3))) for _ in range(800)]
    for document in (*_corpus_documents(), *_generated_documents()[:30]):
        text = document.article.text
        for match in quote_verbs.VERB_RE.finditer(text):
            phrases.append(" ".join(text[match.start() : match.end() + 50].split()[:6]))
    return phrases


def _plain_matches(phrase: str) -> list[tuple[int, int]]:
    _starts, _ends, norms = tokenize(phrase)
    return [(m.first, m.entry.line) for m in _plain_stance_matcher().match(norms)]


def _fast_matches(phrase: str) -> list[tuple[int, int]]:
    _starts, _ends, norms = tokenize(phrase)
    return [(first, entry.line) for first, entry in verb_categories._stance_matcher().match(norms)]


def test_verb_category_matches_the_lexicon_matcher() -> None:
    categories = set()
    for phrase in _verb_phrases():
        expected = _plain_verb_category(phrase)
        assert verb_categories.verb_category(phrase) == expected, phrase
        assert _fast_matches(phrase) == _plain_matches(phrase), phrase
        categories.add(expected)
    assert categories == {"", "attribution_neutral", "attribution_loaded"}


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_verb_category_matches_the_lexicon_matcher_on_any_text(text: str) -> None:
    assert verb_categories.verb_category(text) == _plain_verb_category(text)
    assert _fast_matches(text) == _plain_matches(text)


_HEADER = """# name: t
# title: Test
# version: 1
# measures: test
# source: tests
# licence: CC0
# category: a | A | first
# category: b | B | second
term\tcategory\tweight\tnote
"""
_ROWS = (
    "threat\ta\t1\t\nthreat*\tb\t1\t\nmissile threat\tb\t2\t\nmissile\ta\t1\t\n"
    "national interest\ta\t1\t\nnational interest threat\tb\t1\t\nsanction*\ta\t1\t\n"
    "interest\tb\t1\t\ninterest\ta\t1\t\nsanctions\tb\t1\t\nsanction* threat*\ta\t1\t\n"
    "lies\ta\t1\t\nlies ahead\ta\t0\tguard\nlies in\tb\t0\tguard\nlies in wait\tb\t1\t\n"
)
_WORDS = (
    "threat", "threats", "threatening", "missile", "national", "interest", "sanction",
    "sanctions", "sanctioned", "lies", "ahead", "in", "wait", "the",
)  # fmt: skip


def _lexicons() -> list[Lexicon]:
    cased = (
        "# name: cased\n# case: sensitive\nterm\tcategory\tweight\tnote\n"
        "US\ta\t1\t\nMay\tb\t1\t\nUS Congress\ta\t1\t\nRussia's\ta\t1\t\nmay act\tb\t1\t\n"
    )
    return [parse_lexicon(_HEADER + _ROWS, "t.tsv"), parse_lexicon(cased, "cased.tsv")]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_phrase_matcher_equals_the_lexicon_matcher(words: list[str]) -> None:
    """Longest, then most exact, then longest patterns win; guards block and are dropped."""
    lexicon = _lexicons()[0]
    plain = [(m.first, m.entry.line) for m in LexiconMatcher(lexicon).match(words)]
    fast = [
        (first, entry.line) for first, entry in verb_categories._PhraseMatcher(lexicon).match(words)
    ]
    assert fast == plain


@pytest.mark.parametrize(
    "text", ["Let us see. The US Congress met in May; it may act. Russia’s US. MAY.", "us MAY"]
)
def test_phrase_matcher_equals_the_lexicon_matcher_when_case_sensitive(text: str) -> None:
    lexicon = _lexicons()[1]
    starts, ends, norms = tokenize(text)
    cased = [cased_form(text[s:e]) for s, e in zip(starts, ends, strict=True)]
    plain = [(m.first, m.entry.line) for m in LexiconMatcher(lexicon).match(norms, cased)]
    fast = [
        (first, entry.line) for first, entry in verb_categories._PhraseMatcher(lexicon).match(cased)
    ]
    assert fast == plain
    assert len(plain) >= (4 if text.startswith("Let") else 0)


def test_context_matches_the_plain_context() -> None:
    for document in (*_corpus_documents(), *_generated_documents()):
        _assert_same_context(document)


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_context_matches_the_plain_context_on_any_text(text: str) -> None:
    _assert_same_context(_document(text))


def _assert_same_context(document: Document) -> None:
    fast, plain = Context(document), _PlainContext(document)
    assert (fast.sentence_starts, fast.sentence_ends) == (
        plain.sentence_starts,
        plain.sentence_ends,
    )
    assert fast.paragraph_starts == plain.paragraph_starts
    assert fast.paragraph_ends == plain.paragraph_ends
    assert (fast.verb_cues, fast.participle_cues, fast.according_cues) == _plain_cues(
        document.article.text
    )


def _plain_cues(text: str) -> tuple[list[int], list[int], list[int]]:
    """The cues as ``Context`` found them before ``find_cues``: ``CUE_RE`` over the text."""
    verbs: list[int] = []
    participles: list[int] = []
    according: list[int] = []
    for cue in quote_verbs.CUE_RE.finditer(text):
        at = cue.start()
        if text.startswith(("according", "According"), at):
            according.append(at)
            continue
        verbs.append(at)
        if quote_verbs._PARTICIPLE_START_RE.match(text, at):
            participles.append(at)
    return verbs, participles, according


def _assert_same_small_rules(text: str, seed: int) -> None:
    """``chunk_before``, the verb and "that" searches and the searches at the end of a
    sentence so far give what their plain forms give, on stretches that start and end
    anywhere."""
    rng = random.Random(seed)
    ctx = _context(text)
    for start, end in _windows(text, seed):
        assert quote_speakers.chunk_before(text, start, end) == _plain_chunk_before(
            text, start, end
        )
        plain_that = _PLAIN_THAT_RE.search(text, start, end)
        fast_that = quote_clauses._THAT_RE.search(text, start, end)
        assert (fast_that and fast_that.span()) == (plain_that and plain_that.span())
        fast_verb = quote_clauses._verb_at(ctx, start, end)
        plain_verb = VERB_RE.search(text, start, end)
        assert (fast_verb and (fast_verb.span(), fast_verb.groupdict())) == (
            plain_verb and (plain_verb.span(), plain_verb.groupdict())
        )
        before = text[start:end]
        for pattern in (_RELATIVE_BEFORE_RE, _JOINED_BEFORE_RE):
            fast_tail = quote_clauses._tail_search(pattern, before)
            plain_tail = pattern.search(before)
            assert (fast_tail and fast_tail.span()) == (plain_tail and plain_tail.span())
        cut = rng.randint(start, end)
        assert quote_speakers.chunk_before(text, cut, end) == _plain_chunk_before(text, cut, end)
        assert quote_speakers.ends_with_comma(text, start, end) == bool(
            _COMMA_END_RE.search(text[start:end])
        )
        fast_stop = quote_clauses._clause_stop(text, start, end)
        plain_stop = quote_clauses._CLAUSE_STOP_RE.search(text, start, end)
        assert (fast_stop and fast_stop.span()) == (plain_stop and plain_stop.span())


def test_small_rules_match_their_plain_forms_in_articles() -> None:
    for seed, text in enumerate(_texts()[:80]):
        _assert_same_small_rules(text, seed)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *_FRAGMENTS,
                ",that ",
                ",and ",
                "(but ",
                "xthat",
                "that",
                " who ",
                " which\n",
                "while",
                "has ",
                "also ",
                "long ",
                "belong ",
                "never ",
                "not  ",
                "repeatedly\n",
                "reportedly ",
            ]
        ),
        max_size=40,
    ).map("".join),
    st.integers(0, 1000),
)
def test_small_rules_match_their_plain_forms_on_hostile_text(text: str, seed: int) -> None:
    _assert_same_small_rules(text, seed)


# --------------------------------------------------------------------------------------------
# Quote marks: listed once per text with ``str.find`` instead of a regex per paragraph.


def _assert_same_mark_pairs(document: Document) -> None:
    ctx, plain = Context(document), _PlainContext(document)
    raw = _plain_double_spans(plain)
    assert quote_marks.double_spans(ctx) == raw
    taken = [(s - 1, e + 1) for s, e, *_ in raw]
    assert quote_marks.single_spans(ctx, taken) == _plain_single_spans(plain, taken)


def test_mark_pairs_match_the_plain_scan_in_articles() -> None:
    for document in (*_corpus_documents(), *_generated_documents()):
        _assert_same_mark_pairs(document)


@settings(max_examples=1000, deadline=None)
@given(hostile_text)
def test_mark_pairs_match_the_plain_scan_on_hostile_text(text: str) -> None:
    _assert_same_mark_pairs(_document(text))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_mark_pairs_match_the_plain_scan_on_any_text(text: str) -> None:
    _assert_same_mark_pairs(_document(text))


# --------------------------------------------------------------------------------------------
# Shortcuts in reading clauses.


def test_whitespace_is_the_same_for_re_and_str() -> None:
    """``\\s`` is ``str.isspace`` (``ends_with_comma``, ``_clause_stop``), and the space is
    the only printable whitespace character (``_single_spaced``)."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        assert bool(space.match(char)) == char.isspace()
        assert not (char.isspace() and char.isprintable()) or char == " "


def test_verb_matches_are_their_auxiliary_and_verb() -> None:
    """``_verb_text`` and ``indirect_in_sentence`` read a match's start as its auxiliary's and
    its end as its verb's, and its groups in the order aux, verb, aux2, verb2."""
    assert list(VERB_RE.groupindex) == ["aux", "verb", "aux2", "verb2"]
    for text in _texts():
        for match in VERB_RE.finditer(text):
            group = "verb" if match.group("verb") else "verb2"
            aux = match.group("aux" if group == "verb" else "aux2") or ""
            assert match.start(group) - len(aux) == match.start()
            assert match.end(group) == match.end()


def _plain_verb_text(text: str, match: re.Match[str], limit: int) -> tuple[str, int]:
    """``_verb_text`` as it was."""
    group = "verb" if match.group("verb") else "verb2"
    aux = match.group("aux" if group == "verb" else "aux2") or ""
    verb_start = match.start(group) - len(aux)
    verb_end = match.end(group)
    if match.group(group).startswith("told"):
        told = quote_verbs._TOLD_RE.match(text, verb_end, limit)
        if told is not None and told.end() > verb_end:
            obj = told.group().strip()
            if not quote_verbs._NOT_TOLD_OBJECT_RE.match(obj):
                verb_end = told.end()
    return _SPACES_RE.sub(" ", text[verb_start:verb_end]), verb_end


def _plain_is_blocked(blocked: list[tuple[int, int]], at: int) -> bool:
    starts = [b[0] for b in blocked]
    index = bisect.bisect_right(starts, at)
    return any(blocked[i][0] <= at < blocked[i][1] for i in range(max(index - 2, 0), index))


def _random_blocked(rng: random.Random, text: str) -> list[tuple[int, int]]:
    spans = []
    for _ in range(rng.randint(0, 6)):
        start = rng.randint(0, len(text))
        spans.append((start, start + rng.randint(0, 40)))
    return sorted(spans)


def _assert_same_clause_shortcuts(text: str, seed: int) -> None:
    """``_verb_text``, ``_is_blocked`` and the skip of sentences whose verbs are all blocked
    (``_says_nothing``) give what the plain rules give, with blocked spans placed at random
    and on the verbs themselves."""
    rng = random.Random(seed)
    ctx = _context(text)
    for start, end in _windows(text, seed):
        for match in VERB_RE.finditer(text, start, end):
            limit = rng.randint(match.end(), end)
            assert quote_verbs.verb_text(text, match, limit) == _plain_verb_text(text, match, limit)
        verbs = [m.span() for m in VERB_RE.finditer(text, start, end)]
        for blocked in (
            _random_blocked(rng, text),
            sorted(verbs),
            sorted(verbs[: len(verbs) // 2] + _random_blocked(rng, text)),
            sorted((a - rng.randint(0, 3), b) for a, b in verbs),
        ):
            starts = [b[0] for b in blocked]
            for _ in range(10):
                at = rng.randint(0, len(text))
                assert quote_clauses._is_blocked(blocked, starts, at) == _plain_is_blocked(
                    blocked, at
                )
            fast = quote_clauses.indirect_in_sentence(ctx, start, end, blocked)
            with mock.patch.object(quote_clauses, "_says_nothing", lambda *args: False):
                plain = quote_clauses.indirect_in_sentence(ctx, start, end, blocked)
            assert [_found_key(f) for f in fast] == [_found_key(f) for f in plain]


def _found_key(found: Found) -> tuple[object, ...]:
    speaker = found.speaker
    return (
        found.start,
        found.end,
        found.verb,
        found.verb_context,
        speaker and (speaker.text, speaker.start, speaker.end, speaker.kind, speaker.role),
    )


def test_clause_shortcuts_match_the_plain_rules_in_articles() -> None:
    for seed, text in enumerate(_texts()[:60]):
        _assert_same_clause_shortcuts(text, seed)


@settings(max_examples=800, deadline=None)
@given(hostile_text, st.integers(0, 1000))
def test_clause_shortcuts_match_the_plain_rules_on_hostile_text(text: str, seed: int) -> None:
    _assert_same_clause_shortcuts(text, seed)


# Words of the stance lexicon's terms (stems completed), with a few others, for random phrases.
_STANCE_WORDS = (
    *(entry.term.replace("*", "ing") for entry in load_lexicon("stance.tsv").entries),
    "the not X ’s said",
)


def _first_of_match(tokens: list[str]) -> str:
    """``verb_category``'s answer as it was: the first attribution row of the full match."""
    for _first, entry in verb_categories._stance_matcher().match(tokens):
        if entry.category in verb_categories.ATTRIBUTION_CATEGORIES:
            return entry.category
    return ""


def test_first_category_is_the_first_of_the_full_match() -> None:
    matcher = verb_categories._stance_matcher()
    for phrase in _verb_phrases():
        tokens = tokenize(phrase)[2]
        assert matcher.first_category(
            tokens, verb_categories.ATTRIBUTION_CATEGORIES
        ) == _first_of_match(tokens)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for p in _STANCE_WORDS for w in p.split()})), max_size=9))
def test_first_category_is_the_first_of_the_full_match_on_any_words(tokens: list[str]) -> None:
    matcher = verb_categories._stance_matcher()
    assert matcher.first_category(
        tokens, verb_categories.ATTRIBUTION_CATEGORIES
    ) == _first_of_match(tokens)
