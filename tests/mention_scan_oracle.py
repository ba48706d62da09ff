"""The mention scan as it was before its loop read the readings' derived fields (``plain``,
``single``, ``stops``) and the run's gap by its one-space case: kept verbatim as the oracle
of ``tests/test_mention_scan_equivalence.py``."""

# ruff: noqa

from __future__ import annotations

import string
from itertools import compress
from operator import attrgetter

from framing.actor_table import ActorTable
from framing.mention_scan import _alias_at, _gap_ok, _read_token, fold
from framing.mention_tokens import _NEVER_A_NAME_ALONE, _Segment, _shouting_sentences

_SHOUT = attrgetter("shout")
_ACTIVE = attrgetter("active")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)


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
    following = 0
    for i, reading in compress(zip(capitals, readings, strict=True), map(_ACTIVE, readings)):
        if i < following:
            continue  # inside an alias
        if run and i > following:
            if len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE:
                runs.append((run, None))
            run = []
        following = i + 1
        if reading.prefix or reading.fallback:
            alias: tuple[int, str, int] | None
            # Most aliases are one token ("Ankara"), and the commonest prefix is a
            # sentence's "The": when no alias can go on past the token, the token's own
            # reading is _alias_at's answer (its actor, else its fallback).
            goes_on = False
            if reading.prefix and i + 1 < n:
                # Whether the alias may go on past the token: the first step of _alias_at's
                # loop, which it passes only if this holds (the loop stops at the last
                # token, at a gap that is not spaces on one line, and when the key with the
                # next token folded begins no alias). A next token that starts with an ASCII
                # letter or digit folds to it in lower case first, and the prefixes hold
                # every prefix of an alias, so one character tells in most cases (a
                # sentence's "The" and the lower-case word after it).
                start = starts[i + 1]
                gap = text[ends[i] : start]
                if gap == " " or not gap or (gap.isspace() and "\n" not in gap):
                    after = text[start]
                    key = reading.key
                    goes_on = (
                        after not in _ASCII_ALNUM or key + after.lower() in prefixes
                    ) and key + fold(text[start : ends[i + 1]]) in prefixes
            if longer and not goes_on:
                if reading.prefix and reading.actor is not None:
                    alias = (i + 1, reading.actor, ends[i])
                elif reading.fallback is not None:
                    actor, length = reading.fallback
                    alias = (i + 1, actor, ends[i] if length is None else starts[i] + length)
                else:
                    alias = None
            else:
                alias = _alias_at(segment, i, text[starts[i] : ends[i]], reading, table)
            if alias is not None:
                end, actor, _ = alias
                aliases.append((i, end, actor))
                if run:
                    joins = _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]])
                    if len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE:
                        runs.append((run, i if joins else None))
                    run = []
                following = end
                continue
        if reading.name and token_sentence[i] not in shouting and norms[i] != "'s":
            if run and not _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]]):
                if len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE:
                    runs.append((run, None))
                run = []
            run.append(i)
        elif run:
            if len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE:
                runs.append((run, None))
            run = []
    if run and (len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE):
        runs.append((run, None))
