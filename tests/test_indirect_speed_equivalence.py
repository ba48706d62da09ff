"""``indirect_in_sentence`` gives exactly what its previous form gave.

A round of speed work on the reported-speech rule (``framing.quote_clauses``) read a
sentence's verbs from the cue list in place (no ``_verb_at`` call per verb), tested the words
before a verb with ``str.endswith`` before slicing the sentence for the relative-clause and
"and"/"but" searches, read a plain " that" after the verb with one match instead of a
search and a gap test, took the chunk before a subject that opens the sentence as the
sentence start without ``chunk_before``, trimmed a clause in one pass of ``str`` strips
(``trim_clause``) and tested participles once per sentence. "according to X" finds the end
of X with bounded ``find``s and trims X in one pass (``trim_phrase``); the attribution after
a quote mark counts the words before its verb only when there are characters enough for
thirteen. The rules and the helpers they used are copied below as ``_old_*`` and compared
with the new ones on the bundled corpus, on generated articles and on hostile text,
sentence by sentence (with the blocked spans ``find_quotes`` passes and with random ones,
and from every quote mark) and through ``find_quotes`` with the old rules swapped in.
"""

from __future__ import annotations

import bisect
import random
import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import quote_according, quote_clauses, quotes
from framing.model import Document
from framing.quote_according import (
    _HEDGED_SOURCE_RE,
    _PARENTHETICAL_BEFORE_RE,
    _according_matches,
)
from framing.quote_clauses import (
    _CLAUSE_JOINT_RE,
    _CLAUSE_STOP_RE,
    _COMMA_GAP_RE,
    _DATELINE_RE,
    _HEAD_STOP_RE,
    _JOINED_BEFORE_RE,
    _JOINT_RE,
    _LONGEST_BEFORE_WORD,
    _NEGATION_RE,
    _PARTICIPLE_NEXT_RE,
    _RELATIVE_BEFORE_RE,
    _RELATIVE_END_RE,
    _THAT_GAP_RE,
    _THAT_NEXT_RE,
    _THAT_RE,
    _TIME_WORDS,
    _TO_RE,
)
from framing.quote_context import (
    Context,
    Found,
    has_cue,
    has_words,
    trim,
    trim_clause,
    trim_phrase,
)
from framing.quote_speakers import (
    Speaker,
    chunk_before,
    classify_subject,
    ends_with_comma,
    first_subject,
    subject_after,
    subject_before,
)
from framing.quote_verbs import (
    COORDINATED_RE,
    INVERTED_RE,
    PARTICIPLE_RE,
    SPACES_RE,
    VERB_RE,
    lead_in,
    verb_text,
)
from framing.quotes import find_quotes
from tests.test_quotes_speed_equivalence import (
    _FRAGMENTS,
    _corpus_documents,
    _document,
    _generated_documents,
    _side,
    any_text,
    hostile_text,
)

# --------------------------------------------------------------------------------------------
# The oracle: the rule and its helpers as they were.


def _old_verb_at(ctx: Context, start: int, limit: int) -> re.Match[str] | None:
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


def _old_clause_end(ctx: Context, start: int, sentence_end: int, relative: bool = False) -> int:
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
    stop = _old_clause_stop(text, start, end)
    if stop is not None and stop.start() > start:
        end = stop.start()
    if has_cue(ctx.verb_cues, start, end):
        coordinated = COORDINATED_RE.search(text, start, end)
        if coordinated is not None:
            end = coordinated.start()
    if has_cue(ctx.participle_cues, start, end):
        participle = PARTICIPLE_RE.search(text, start, end)
        if participle is not None:
            end = participle.start()
    return end


def _old_clause_stop(text: str, start: int, end: int) -> re.Match[str] | None:
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


def _old_says_nothing_more(text: str, verb_end: int, s_end: int) -> bool:
    """Return whether the words after a verb, up to the next comma, period or semicolon, are
    none or only a time or setting ("said on Monday", "said in a statement")."""
    rest_head = _HEAD_STOP_RE.split(text[verb_end:s_end], maxsplit=1)[0].strip()
    return not rest_head or _TIME_WORDS.match(rest_head) is not None


def _old_tail_start(text: str) -> int:
    """Return where ``_tail_search`` starts in ``text`` (for both patterns at once)."""
    return max(len(text.rstrip()) - _LONGEST_BEFORE_WORD, 0)


def _old_is_blocked(blocked: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Return whether ``at`` lies in one of the two last spans of ``blocked`` (sorted, with
    their ``starts``) that start at or before it."""
    index = bisect.bisect_right(starts, at)
    # (Those spans start at or before ``at``: only their ends are left to compare.)
    if index and at < blocked[index - 1][1]:
        return True
    return index > 1 and at < blocked[index - 2][1]


def _old_says_nothing(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]], starts: list[int]
) -> bool:
    """Return whether ``indirect_in_sentence`` must find nothing in the sentence because
    every speech verb in it is blocked and it has no participle.

    Why it is the same: the rule skips a verb match whose start is blocked, before anything
    else, and reads participles only where there is a participle cue. Each match of its
    verb search has its verb on a verb cue ``c`` of the sentence and starts between
    ``lead_in(c)`` and ``c`` (see ``_verb_at``); so when every position there is blocked
    for every cue, every match is skipped. Why: a direct quote's attribution ("…,” Mr.
    Okafor argued.") is claimed and blocked, and such sentences are a third of those with a
    verb; this check costs a binary search or two per verb instead of the searches.
    """
    participles = ctx.participle_cues
    index = bisect.bisect_left(participles, s_start)
    if index < len(participles) and participles[index] < s_end:
        return False  # (``has_cue`` and ``_is_blocked``, read here directly)
    text = ctx.text
    cues = ctx.verb_cues
    index = bisect.bisect_left(cues, s_start)
    while index < len(cues) and cues[index] < s_end:
        cue = cues[index]
        for at in range(max(s_start, lead_in(text, cue)), cue + 1):
            spot = bisect.bisect_right(starts, at)
            if not (
                (spot and at < blocked[spot - 1][1]) or (spot > 1 and at < blocked[spot - 2][1])
            ):
                return False
        index += 1
    return True


def _old_indirect_in_sentence(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Find reported speech in one sentence, skipping text inside quote marks.

    A later attribution inside an earlier clause ("U.S. officials warn that ..., and Jim
    Mattis has argued that ...") ends that clause where its own subject begins.
    """
    text = ctx.text
    blocked_starts = [b[0] for b in blocked]
    if blocked and _old_says_nothing(ctx, s_start, s_end, blocked, blocked_starts):
        return []
    dateline = _DATELINE_RE.match(text, s_start, s_end)
    if dateline is not None:
        s_start = dateline.end()
    found: list[Found] = []
    position = s_start

    def is_blocked(at: int) -> bool:
        return _old_is_blocked(blocked, blocked_starts, at)

    last_speaker: Speaker | None = None
    while position < s_end:
        match = _old_verb_at(ctx, position, s_end)
        if match is None:
            break
        # The match is the auxiliary and the verb: it starts where the auxiliary does.
        verb_start = match.start()
        position = match.end()
        if _old_is_blocked(blocked, blocked_starts, verb_start):
            continue
        aux, verb_word, aux2, that_verb = match.groups()
        if verb_word is None:
            aux, verb_word = aux2, that_verb
        if aux and _NEGATION_RE.search(aux):
            continue
        if verb_word.startswith("add") and _TO_RE.match(text, match.end()):
            continue  # "has added to the uncertainty"
        before = text[s_start:verb_start]
        tail = _old_tail_start(before)
        if _RELATIVE_BEFORE_RE.search(before, tail) and not (
            _THAT_NEXT_RE.match(text, match.end())
        ):
            continue  # a relative clause inside an apposition ("who asked not to be named")
        verb, verb_end = verb_text(text, match, s_end)
        subject: Speaker | None = None
        role = ""
        joined = _JOINED_BEFORE_RE.search(before, tail) or (
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
        chunk_start = chunk_before(text, s_start, chunk_end)[0]
        if not trailing_subject and subject.start >= s_start and subject.start != chunk_end:
            # (Where the subject ends the chunk just read, the same call would give the same.)
            chunk_start = min(chunk_start, chunk_before(text, s_start, subject.start)[0])
        preceded_by_comma = trailing_subject or ends_with_comma(text, s_start, chunk_start)
        if preceded_by_comma and (
            trailing_subject or _old_says_nothing_more(text, verb_end, s_end)
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
                    pieces.append(trim(text, tail, _old_clause_end(ctx, tail, s_end)))
            for p_start, p_end in pieces:
                p_end = _old_strip_period(text, p_start, p_end)
                if has_words(text[p_start:p_end], 2) and not is_blocked(p_start):
                    found.append(Found(p_start, p_end, False, subject, verb, verb))
            last_speaker = subject
            position = s_end if trailing_subject else max(position, verb_end)
            continue
        that = _THAT_RE.search(text, verb_end, min(s_end, verb_end + 120))
        clause_start = verb_end
        if that is not None and _THAT_GAP_RE.fullmatch(text, verb_end, that.start()):
            clause_start = that.end()
        elif that_verb is not None:
            continue
        relative = verb_word.startswith(("describ", "regard"))
        clause_end = _old_clause_end(ctx, clause_start, s_end, relative)
        c_start, c_end = trim(text, clause_start, clause_end)
        c_end = _old_strip_period(text, c_start, c_end)
        if not has_words(text[c_start:c_end], 2):
            continue
        if found and found[-1].start < verb_start < found[-1].end:
            _old_truncate(
                text, found[-1], subject.start if subject.start > found[-1].start else verb_start
            )
        context = text[verb_start : min(s_end, verb_end + 40)]
        found.append(Found(c_start, c_end, False, subject, verb, context))
        if role and subject.kind == "person" and not subject.role:
            subject.role = role
        last_speaker = subject
        position = verb_end
    # "..., arguing that ...": the speaker is the sentence's subject.
    participles = (
        PARTICIPLE_RE.finditer(text, s_start, s_end)
        if has_cue(ctx.participle_cues, s_start, s_end)
        else ()
    )
    for participle in participles:
        if is_blocked(participle.start()) or any(
            f.start <= participle.start() < f.end for f in found
        ):
            continue
        speaker = first_subject(text, s_start, participle.start()) or last_speaker
        if speaker is None:
            continue
        that = _THAT_NEXT_RE.match(text[participle.end() : s_end])
        clause_start = participle.end() + (that.end() if that else 0)
        c_start, c_end = trim(text, clause_start, _old_clause_end(ctx, clause_start, s_end))
        c_end = _old_strip_period(text, c_start, c_end)
        if has_words(text[c_start:c_end], 2):
            verb = participle.group("verb")
            context = text[participle.start("verb") : min(s_end, participle.end() + 30)]
            found.append(Found(c_start, c_end, False, speaker, verb, context))
            last_speaker = speaker
    return [f for f in found if f.end - f.start > 0]


def _old_truncate(text: str, clause: Found, attribution_start: int) -> None:
    """End a clause where a new attribution inside it begins (unless nothing would be left:
    then the new one is reported speech nested in the old, and both stay)."""
    limit = min(attribution_start, clause.end)
    joints = list(_JOINT_RE.finditer(text, clause.start, limit))
    if not joints:
        return
    end = _old_strip_period(text, clause.start, joints[-1].start())
    if has_words(text[clause.start : end], 2):
        clause.end = end


def _old_strip_period(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".…\u00a0 ":
        end -= 1
    return end


def _old_trailing_attribution(
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
    match = _old_verb_at(ctx, offset, limit)
    if match is None:
        return None
    before = text[offset : match.start()]  # (the match starts with its auxiliary)
    if has_words(before, 13):
        return None
    verb, verb_end = verb_text(text, match, limit)
    subject = classify_subject(before, offset)
    if subject is None:
        return None
    return subject, verb, text[match.start() : limit], match.start(), verb_end


def _old_according_to(
    ctx: Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[Found]:
    """Read "according to X" before, after or inside a clause."""
    text = ctx.text
    found: list[Found] = []
    for match in _according_matches(ctx, s_start, s_end):
        if any(b_start <= match.start() < b_end for b_start, b_end in blocked):
            continue
        np_end = s_end
        for stop in (",", ";", " — "):
            at = text.find(stop, match.end(), s_end)
            if at >= 0:
                np_end = min(np_end, at)
        np_start, np_end2 = trim(text, match.end(), _old_strip_period(text, match.end(), np_end))
        phrase = text[np_start:np_end2]
        if _HEDGED_SOURCE_RE.match(phrase) and "," not in text[match.start() : s_end]:
            continue
        speaker = classify_subject(phrase, np_start) or Speaker(phrase, np_start, np_end2, "role")
        if has_words(phrase, 11):
            continue
        before = text[s_start : match.start()]
        if not before.strip():
            c_start, c_end = np_end + 1, _old_clause_end(ctx, np_end + 1, s_end)
        elif before.rstrip().endswith(","):
            comma = before.rstrip()
            c_start = s_start
            c_end = s_start + len(comma) - 1
            if _PARENTHETICAL_BEFORE_RE.search(before):
                # Parenthetical: "interceptors that, according to the maker, reach 400 km".
                tail_end = _old_clause_end(ctx, np_end + 1, s_end)
                tail = text.find(",", np_end + 1, tail_end)
                c_start, c_end = np_end + 1, tail if tail >= 0 else tail_end
        else:
            continue
        c_start, c_end = trim(text, c_start, c_end)
        c_end = _old_strip_period(text, c_start, c_end)
        if has_words(text[c_start:c_end], 2):
            found.append(Found(c_start, c_end, False, speaker, "according to", "according to"))
    return found


# --------------------------------------------------------------------------------------------
# The comparisons.


def _found_key(found: Found) -> tuple[object, ...]:
    """Every field of a clause and of its speaker (a ``Found`` compares its ``Speaker`` by
    value too, but the key says which field differs when one does)."""
    speaker = found.speaker
    return (
        found.start,
        found.end,
        found.direct,
        found.verb,
        found.verb_context,
        speaker
        and (speaker.text, speaker.start, speaker.end, speaker.kind, speaker.role, speaker.name),
    )


def _random_blocked(rng: random.Random, text: str) -> list[tuple[int, int]]:
    spans = []
    for _ in range(rng.randint(0, 6)):
        start = rng.randint(0, len(text))
        spans.append((start, start + rng.randint(0, 40)))
    return sorted(spans)


def _assert_same_in_sentence(
    ctx: Context, start: int, end: int, blocked: list[tuple[int, int]]
) -> None:
    fast = quote_clauses.indirect_in_sentence(ctx, start, end, list(blocked))
    old = _old_indirect_in_sentence(ctx, start, end, list(blocked))
    assert [_found_key(f) for f in fast] == [_found_key(f) for f in old]
    fast = quote_according.according_to(ctx, start, end, list(blocked))
    old = _old_according_to(ctx, start, end, list(blocked))
    assert [_found_key(f) for f in fast] == [_found_key(f) for f in old]


def _assert_same_on_text(text: str, seed: int) -> None:
    """Every sentence (and stretches cut anywhere) with no blocked span, with spans on its
    verbs (as a direct quote's claimed attribution is), on its verbs' lead-ins and at random."""
    rng = random.Random(seed)
    document = _document(text)
    ctx = Context(document)
    windows = list(zip(ctx.sentence_starts, ctx.sentence_ends, strict=True))
    for _ in range(4):
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        windows.append((a, b))
    for start, end in windows:
        verbs = [m.span() for m in VERB_RE.finditer(text, start, end)]
        for blocked in (
            [],
            sorted(verbs),
            sorted(verbs[: len(verbs) // 2] + _random_blocked(rng, text)),
            sorted((a - rng.randint(0, 3), b) for a, b in verbs),
            _random_blocked(rng, text),
        ):
            _assert_same_in_sentence(ctx, start, end, blocked)
    # The attribution after each closing mark (and any other character), to the sentence
    # end and to a random limit.
    marks = [at for at, char in enumerate(text) if char in '”"’»,']
    for at in marks + [rng.randint(0, len(text)) for _ in range(3)]:
        sentence = ctx.sentence_span(at)
        for limit in (sentence[1], rng.randint(at, len(text))):
            fast_attribution = quote_clauses.trailing_attribution(ctx, at, limit, sentence[0])
            old_attribution = _old_trailing_attribution(ctx, at, limit, sentence[0])
            assert fast_attribution == old_attribution


def _assert_same_quotes(document: Document) -> None:
    fast = find_quotes(document, _side)
    with (
        mock.patch.object(quotes, "indirect_in_sentence", _old_indirect_in_sentence),
        mock.patch.object(quotes, "according_to", _old_according_to),
        mock.patch.object(quotes, "trailing_attribution", _old_trailing_attribution),
    ):
        old = find_quotes(document, _side)
    assert fast == old


def test_bundled_corpus_gives_the_same_clauses() -> None:
    documents = _corpus_documents()
    for document in documents:
        _assert_same_quotes(document)
    for seed, document in enumerate(documents):
        _assert_same_on_text(document.article.text, seed)


def test_generated_articles_give_the_same_clauses() -> None:
    documents = _generated_documents()
    for document in documents:
        _assert_same_quotes(document)
    for seed, document in enumerate(documents[:60]):
        _assert_same_on_text(document.article.text, seed)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Mr. Okafor said that the deal was done.",
        "He said that",
        "He said that.",
        "He said thatched roofs leak.",
        "He said  that it was done, and she said that it was not.",
        "He said that\u00a0it was done.",
        "He said that , . it was done ,.",
        "He said that ., .",
        "WASHINGTON saying — officials said that it is done, arguing that it is.",
        "WASHINGTON — The minister said, arguing that it is done.",
        "The deal, which officials said that they liked, was signed.",
        "Officials who said that it was done and he said that it was not.",
        "Officials said that it was done, and then said it was not.",
        "India, which Washington describes as a partner, is buying it.",
        "The ministry has added two trains, officials said.",
        "It is done, said Jim Mattis, the defense secretary.",
        "The deal, he argued, was fair.",
        "He said" + " that" * 30 + " it was done.",
        "Officials said " + "x " * 130 + "that it was done.",
        "and said that it was done.",
        "who said that it was done.",
        "He said that " * 200 + ".",
        "According to Mr. Okafor, the deal is done — and talks continue.",
        "According to officials; the deal is done, they say.",
        "According to officials — the deal is done, and more; it is.",
        "According to the minister — who spoke, the deal is done.",
        "The deal is done, according to a senior official in Ankara.",
        "The deal is done, according to … .",
        "The deal is done, according to\u00a0NBC Los Angeles.",
        "Interceptors that, according to the maker, reach 400 km, are sold.",
        "According to some, the deal is done.",
        "According to sources the deal is done.",
        "According to .",
        "according to",
        "“It is done,” the manufacturer noted.",
        "“It is done,” said Jim Mattis, the defense secretary.",
        "“It is done,”  , . he said.",
        "“It is done,” a b c d e f g h i j k l m said.",
        "“It is done,” a b c d e f g h i j k l said.",
        "“It is done,” (he said).",
        "“It is done,” a b c d e f g h i j k l ,said.",
        "According to officials — , the deal is done.",
        "According to officials;, the deal is done.",
        ",he said, the deal is done.",
        "“He said, the deal is done.",
    ],
)
def test_edge_cases_give_the_same_clauses(text: str) -> None:
    _assert_same_quotes(_document(text))
    _assert_same_on_text(text, len(text))


@settings(max_examples=1000, deadline=None)
@given(hostile_text, st.integers(0, 1000))
def test_hostile_text_gives_the_same_clauses(text: str, seed: int) -> None:
    _assert_same_quotes(_document(text))
    _assert_same_on_text(text, seed)


@settings(max_examples=300, deadline=None)
@given(any_text, st.integers(0, 1000))
def test_any_text_gives_the_same_clauses(text: str, seed: int) -> None:
    _assert_same_quotes(_document(text))
    _assert_same_on_text(text, seed)


_CLAUSE_PIECES = (*_FRAGMENTS, " that", " that ", "that", "…", "\u00a0", " .", ". ,", ";", ":")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=12).map("".join), st.data())
def test_trim_clause_is_trim_strip_period_and_two_words(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    c_start, c_end = trim(text, start, end)
    c_end = _old_strip_period(text, c_start, c_end)
    expected = (c_start, c_end) if has_words(text[c_start:c_end], 2) else None
    assert trim_clause(text, start, end) == expected


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=12).map("".join), st.data())
def test_trim_phrase_is_trim_after_strip_period(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    np_start, np_end = trim(text, start, _old_strip_period(text, start, end))
    assert trim_phrase(text, start, end) == (np_start, np_end, text[np_start:np_end])
