"""The passes of actor-mention finding over one text: the scan (the actor table's aliases,
runs of capitalised tokens and a body's vocabulary, in one step per capitalised token), then
the naming of those runs as candidate names once the whole story's vocabulary is known.

Why separate from ``framing.actor_mentions``: scanning one text is the per-token part (each
capitalised token is read against the table, runs are cut at titles and sentence openers);
``framing.actor_mentions`` then resolves the candidates of the whole story into names and
emits the mentions. ``framing.mention_tokens`` holds what both read of a text's tokens.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter

from framing.actor_table import ActorTable, TokenReading, fold
from framing.mention_tokens import (
    _FUNCTION_WORDS,
    _MONTHS_DAYS,
    _NEVER_A_NAME_ALONE,
    _OPENERS,
    _TITLE_ABBREVIATIONS,
    _TITLE_HEADS,
    _is_name_token,
    _is_shout,
    _Segment,
    _shouting_sentences,
)
from framing.tokens import normalize_token

_SHOUT = attrgetter("shout")
_ACTIVE = attrgetter("active")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)


def _gap_ok(text: str, end: int, start: int, previous_norm: str) -> bool:
    gap = text[end:start]
    if not gap:
        return True
    if gap.isspace():
        return "\n\n" not in gap
    return gap[0] == "." and gap[1:].isspace() and previous_norm in _TITLE_ABBREVIATIONS


def _alias_at(
    segment: _Segment, i: int, raw: str, reading: TokenReading, table: ActorTable
) -> tuple[int, str, int] | None:
    """Longest table alias starting at token ``i``, written ``raw``, which reads as
    ``reading`` on its own: (end token, actor, end char) or None.

    The longest alias is tried first, token by token while the folded text so far begins
    an alias; failing that, the token alone read as a plural ("Turks") or as the first part
    of a hyphenated word ("Ankara-based").
    """
    starts, ends = segment.prepared.token_starts, segment.prepared.token_ends
    best: tuple[int, str, int] | None = None
    if reading.prefix and table.max_tokens > 0:
        if reading.actor is not None:
            best = (i + 1, reading.actor, ends[i])
        text = segment.text
        n = len(starts)
        key, written = reading.key, raw
        j = i + 1
        while j < n and j - i < table.max_tokens:
            gap = text[ends[j - 1] : starts[j]]
            if gap and not (gap.isspace() and "\n" not in gap):
                break
            raw = text[starts[j] : ends[j]]
            key += fold(raw)
            written += raw
            if key not in table.prefixes:
                break
            actor = table._match(written, key)
            if actor is not None:
                best = (j + 1, actor, ends[j])
            j += 1
    if best is None and reading.fallback is not None:
        actor, length = reading.fallback
        return (i + 1, actor, ends[i] if length is None else starts[i] + length)
    return best


def _read_token(raw: str, table: ActorTable) -> TokenReading:
    """What the scan makes of one token as written, on its own, with ``table``.

    It depends on the token and the table only, so the table remembers it
    (``ActorTable.remember_tokens``): a corpus repeats the same few thousand capitalised tokens.
    """
    key = fold(raw)
    prefix = key in table.prefixes
    fallback: tuple[str, int | None] | None = None
    if len(key) > 3 and key.endswith("s"):
        actor = table._match(raw[:-1], key[:-1])
        if actor is not None:
            fallback = (actor, None)
    if fallback is None and "-" in raw and _is_hyphen_prefix(raw):
        head = raw.split("-", 1)[0]
        actor = table._match(head, fold(head))
        if actor is not None:
            fallback = (actor, len(head))
    actor = table._match(raw, key) if prefix else None
    name = _is_name_token(raw)
    active = bool(prefix or fallback or name)
    plain = name and not prefix and fallback is None
    lone = normalize_token(raw) not in _NEVER_A_NAME_ALONE
    single = actor if actor is not None else fallback[0] if fallback is not None else None
    stops = table.stops(key) if prefix else _NO_STOPS
    return TokenReading(
        key, prefix, actor, fallback, name, _is_shout(raw), active, plain, single, stops, lone
    )


_NO_STOPS: frozenset[str] = frozenset()


def _is_hyphen_prefix(raw: str) -> bool:
    parts = raw.split("-")
    return len(parts) > 1 and all(p[:1].islower() for p in parts[1:])


def _scan(segment: _Segment, table: ActorTable) -> None:
    """Pass one, in one step per capitalised token: table aliases, and runs of capitalised
    tokens (named later by ``_name_runs``, once the story's vocabulary is known)."""
    text, prepared = segment.text, segment.prepared
    starts, ends, norms = prepared.token_starts, prepared.token_ends, prepared.token_norms
    token_sentence = prepared.token_sentence
    capitals = segment.capitals
    # What each token reads as on its own comes from the table's memory, in one call: most
    # capitalised tokens begin no alias, and for those nothing more is read.
    if segment.capital_ids is not None:
        readings = segment.readings = table.remember_ids(
            segment.vocabulary,
            segment.capital_ids,
            lambda k: text[starts[capitals[k]] : ends[capitals[k]]],
            _read_token,
        )
    else:
        readings = segment.readings = table.remember_tokens(segment.capital_raws, _read_token)
    shouting = segment.shouting = _shouting_sentences(segment, map(_SHOUT, readings))
    aliases, runs = segment.aliases, segment.runs
    prefixes = table.prefixes
    # an alias may go on past its first token (the loop in _alias_at runs at least once)
    longer = table.max_tokens > 1
    n = len(starts)
    run: list[int] = []
    # Only tokens starting with a capital or a digit can begin an alias or be part of a
    # name; any other token ends the current run, so a jump over one closes it. Aliases are
    # taken longest first, left to right, and never overlap. A run closed before an alias
    # is named by _candidate_run; a lone function word or month ("The", "According", "May")
    # never is a name, and most runs are one such sentence opener, so it is not kept.
    # A token that begins no alias and cannot be part of a name ("2019", "5.4") would only
    # end the current run, which the next token read ends as well (it comes after a jump),
    # so only the others are read.
    # A run is never empty after a step that did not extend it with its token, so a run
    # still open at token i ends at token i - 1 (its gap to i is the text between them).
    # A capitalised token's norm is never the possessive "'s" (its first character is a
    # letter or digit, lower-cased), so the name step need not ask.
    # ``keep``: whether the open run is kept when it closes (two tokens or more, or one that
    # is not a function word or month: its reading's ``lone``).
    keep = False
    following = 0
    for i, reading in compress(zip(capitals, readings, strict=True), map(_ACTIVE, readings)):
        if i != following:
            if i < following:
                continue  # inside an alias
            if run:
                if keep:
                    runs.append((run, None))
                run = []
        following = i + 1
        if not reading.plain:
            # It begins an alias (its key begins one) or names one as a plural or the head
            # of a hyphenated word.
            goes_on = False
            if reading.prefix and i + 1 < n:
                # Whether the alias may go on past the token: the first step of _alias_at's
                # loop, which it passes only if this holds (the loop stops at the last
                # token, at a gap that is not spaces on one line, and when the key with the
                # next token folded begins no alias). A next token that starts with an ASCII
                # letter or digit folds to it in lower case first, and the prefixes hold
                # every prefix of an alias, so one character tells in most cases (a
                # sentence's "The" and the lower-case word after it): the reading's
                # ``stops`` are the characters that tell it cannot.
                start = starts[i + 1]
                if text[start] not in reading.stops:
                    gap = text[ends[i] : start]
                    if gap == " " or not gap or (gap.isspace() and "\n" not in gap):
                        goes_on = reading.key + fold(text[start : ends[i + 1]]) in prefixes
            actor: str | None
            if longer and not goes_on:
                # Most aliases are one token ("Ankara"), and the commonest prefix is a
                # sentence's "The": when no alias can go on past the token, the token's own
                # reading is _alias_at's answer (its actor, else its fallback's).
                actor, end = reading.single, i + 1
            else:
                alias = _alias_at(segment, i, text[starts[i] : ends[i]], reading, table)
                actor = None
                if alias is not None:
                    end, actor, _ = alias
            if actor is not None:
                aliases.append((i, end, actor))
                if run:
                    if keep:
                        # (the run ends at token i - 1, see above)
                        gap = text[ends[i - 1] : starts[i]]
                        joins = gap == " " or _gap_ok(text, ends[i - 1], starts[i], norms[i - 1])
                        runs.append((run, i if joins else None))
                    run = []
                following = end
                continue
            if not reading.name:
                if run:
                    if keep:
                        runs.append((run, None))
                    run = []
                continue
        if shouting and token_sentence[i] in shouting:
            if run:
                if keep:
                    runs.append((run, None))
                run = []
        elif not run:
            run = [i]
            keep = reading.lone
        elif text[ends[i - 1] : starts[i]] == " " or _gap_ok(
            text, ends[i - 1], starts[i], norms[i - 1]
        ):
            run.append(i)
            keep = True
        else:
            if keep:
                runs.append((run, None))
            run = [i]
            keep = reading.lone
    if run and keep:
        runs.append((run, None))


def _vocabulary(segments: Sequence[_Segment]) -> tuple[set[str], set[str]]:
    """Return the story's vocabulary as far as naming its runs asks about it: of the norms
    of the runs' tokens, those some body writes in lower case, and those some body
    capitalises mid-sentence (``_candidate_run`` asks only about a run's tokens).

    Why only those: a body writes a few hundred distinct words in lower case and capitalises
    a few dozen; the runs hold a dozen. Checking each body's words against that dozen, in
    C, costs less than collecting them all, and mid-sentence capitals are read only for them.
    """
    asked = {
        norms[t]
        for segment in segments
        for norms in (segment.prepared.token_norms,)
        for run, _ in segment.runs
        for t in run
    }
    lower_vocab: set[str] = set()
    mid_caps: set[str] = set()
    if not asked:
        return lower_vocab, mid_caps
    for segment in segments:
        if segment.in_title:
            continue
        text, prepared = segment.text, segment.prepared
        starts, norms, token_sentence = (
            prepared.token_starts,
            prepared.token_norms,
            prepared.token_sentence,
        )
        lower_vocab |= asked.intersection(compress(norms, segment.lowers))
        capitals = segment.capitals
        for i in compress(capitals, map(asked.__contains__, map(norms.__getitem__, capitals))):
            # A capital (not a digit) mid-sentence, not after an opening mark or a line
            # break: _is_initial's tests, spared a call.
            if (
                i
                and norms[i] not in mid_caps
                and text[starts[i]].isupper()
                and token_sentence[i] == token_sentence[i - 1]
            ):
                j = starts[i] - 1
                while j >= 0 and text[j] in " \t":
                    j -= 1
                if j >= 0 and text[j] not in _OPENERS and text[j] != "\n":
                    mid_caps.add(norms[i])
    return lower_vocab, mid_caps


def _name_runs(segment: _Segment, lower_vocab: set[str], mid_caps: set[str]) -> None:
    """Pass two: name the scan's runs (``_candidate_run``) with the vocabulary of every body
    of the story, then join possessive names."""
    _name(segment, segment.runs, lower_vocab, mid_caps)
    segment.runs.clear()
    _join_possessive_names(segment)


def _candidate_run(
    segment: _Segment,
    run: list[int],
    next_alias: int | None,
    lower_vocab: set[str],
    mid_caps: set[str],
) -> None:
    """Name one run: the candidate it holds, if any, once titles and sentence-initial words
    that are not names are cut off (the plain rules of the tests name runs one by one)."""
    _name(segment, ((run, next_alias),), lower_vocab, mid_caps)


def _title_prefix(norms: Sequence[str], run: Sequence[int]) -> int:
    """Index into ``run`` where the name starts after a title ("Defense Secretary Jim Mattis"
    -> 2); 0 when there is no title."""
    last_head = -1
    for position, token in enumerate(run):
        if norms[token] in _TITLE_HEADS:
            last_head = position
    return last_head + 1


def _name(
    segment: _Segment,
    runs: Iterable[tuple[list[int], int | None]],
    lower_vocab: set[str],
    mid_caps: set[str],
) -> None:
    """Name each of ``runs`` (see ``_candidate_run``), in one loop.

    Why one loop: an article has a few dozen runs, most of one token, and a call per run
    (and per test of a sentence start) cost more than the rules. A one-token run is named
    without the list work a longer one needs: a title head alone is only a title for the
    alias after it, a function word or month alone is dropped, and so is a sentence's first
    word the story writes in lower case or never capitalises mid-sentence.
    """
    text, prepared = segment.text, segment.prepared
    norms, token_sentence = prepared.token_norms, prepared.token_sentence
    starts, ends = prepared.token_starts, prepared.token_ends
    candidates = segment.candidates
    for run, next_alias in runs:
        if len(run) == 1:
            first = run[0]
            norm = norms[first]
            if norm in _TITLE_HEADS:
                if next_alias is not None:
                    segment.alias_prefix[next_alias] = first
                continue
            if norm in _MONTHS_DAYS or norm in _FUNCTION_WORDS:
                continue
            if (norm in lower_vocab or norm not in mid_caps) and (
                first == 0
                or token_sentence[first] != token_sentence[first - 1]
                or _after_opener(text, starts[first])
            ):
                continue
            candidates.append((first, first + 1, fold(text[starts[first] : ends[first]]), first))
            continue
        # Most runs hold no title head, and then the name starts at the run's first token.
        cut = (
            0 if _TITLE_HEADS.isdisjoint(map(norms.__getitem__, run)) else _title_prefix(norms, run)
        )
        prefix_start = run[0]
        name = run[cut:]
        if not name:
            if next_alias is not None and cut:
                segment.alias_prefix[next_alias] = prefix_start
            continue
        if cut == 0:
            # Drop sentence-initial words that are not names.
            while name:
                first = name[0]
                norm = norms[first]
                if norm in _MONTHS_DAYS or norm in _FUNCTION_WORDS:
                    del name[0]
                    continue
                if (norm in lower_vocab or (len(name) == 1 and norm not in mid_caps)) and (
                    first == 0
                    or token_sentence[first] != token_sentence[first - 1]
                    or _after_opener(text, starts[first])
                ):
                    del name[0]
                    continue
                break
            if not name:
                continue
        if len(name) == 1 and norms[name[0]] in _MONTHS_DAYS:
            continue  # a month or day alone is no name, after a title too ("President May")
        first, last = name[0], name[-1]
        key = fold(text[starts[first] : ends[last]])
        if cut:
            segment.titled.add(key)
        candidates.append((first, last + 1, key, prefix_start if cut else first))


def _after_opener(text: str, start: int) -> bool:
    """Whether only spaces and tabs stand between ``start`` and the text's start, a line
    break or an opening mark (the rest of ``_is_initial``'s test)."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in _OPENERS or text[j] == "\n"


def _key(segment: _Segment, first: int, end: int) -> str:
    prepared = segment.prepared
    return fold(segment.text[prepared.token_starts[first] : prepared.token_ends[end - 1]])


def _join_possessive_names(segment: _Segment) -> None:
    """Join "Countering America's Adversaries Through Sanctions Act" into one name: a
    candidate after "'s" that holds a capitalised function word ("Through", "Of") is a
    title-cased name, and so is everything capitalised before the "'s"."""
    norms, text = segment.prepared.token_norms, segment.text
    starts = segment.prepared.token_starts
    # Most texts have no candidate after "'s": then there is nothing to join.
    possessive = [c for c in segment.candidates if c[0] >= 2 and norms[c[0] - 1] == "'s"]
    if not possessive:
        segment.candidates.sort()
        return
    by_start = {c[0]: c for c in segment.candidates}
    alias_by_end = {a[1]: a for a in segment.aliases}
    cand_by_end = {c[1]: c for c in segment.candidates}
    for first, end, _unused_key, _prefix in possessive:
        inner = [
            t
            for t in range(first + 1, end)
            if norms[t] in _FUNCTION_WORDS and text[starts[t]].isupper()
        ]
        if not inner:
            continue
        left_end = first - 1
        new_first = left_end
        while True:
            if new_first in alias_by_end:
                alias = alias_by_end[new_first]
                segment.aliases.remove(alias)
                new_first = alias[0]
            elif new_first in cand_by_end:
                cand = cand_by_end[new_first]
                if cand in segment.candidates:
                    segment.candidates.remove(cand)
                new_first = cand[0]
            else:
                break
        if new_first == left_end:
            continue
        segment.candidates.remove(by_start[first])
        segment.candidates.append((new_first, end, _key(segment, new_first, end), new_first))
    segment.candidates.sort()
