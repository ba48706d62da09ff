"""Description labels: noun phrases that refer back to an actor without naming it.

"the system", "the Russian batteries", "a stand-alone battery": a phrase whose head noun the
story ties to an actor of the article (``framing.labels`` learns the heads) is attributed to
the nearest such actor, restricted by a country word to objects of that maker, and to two
actors after "two" or "both" (see ``framing.labels`` for the whole account).

Why separate from ``framing.labels``: this is the one rule that reads a whole article for
phrases not attached to a mention; the rest read around each mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from framing.actors import ActorTable
from framing.label_collector import LabelCollector
from framing.label_phrases import (
    DEFINITE,
    DESCRIPTION_DETERMINERS,
    DETERMINERS,
    EVENT_NOUNS,
    INTENSIFIERS,
    MAX_MODIFIERS,
    OBJECT_HEADS,
    Doc,
    WordStats,
    gap_ok,
    lower_word,
    np_head,
    predicates,
    singular,
)


def add_descriptions(
    collector: LabelCollector,
    doc: Doc,
    heads: Mapping[str, set[str]],
    words: WordStats,
    table: ActorTable,
) -> None:
    """Noun phrases whose head the story ties to an actor of this article."""
    outlet = doc.document.article.outlet
    norms, n = doc.norms, len(doc.norms)
    present: dict[str, list[int]] = defaultdict(list)
    for mention, first, _end in doc.spans:
        present[mention.actor].append(first)
    by_head: dict[str, list[str]] = defaultdict(list)
    for actor in present:
        for head in heads.get(actor, ()):
            by_head[head].append(actor)
        if table.kind(actor) == "object":
            for head in OBJECT_HEADS:
                if actor not in by_head[head]:
                    by_head[head].append(actor)
    if not by_head:
        return
    for k in range(n):
        head = singular(norms[k])
        if head not in by_head or k in doc.mention_of:
            continue
        raw = doc.text[doc.starts[k] : doc.ends[k]]
        if not raw[:1].islower() or not lower_word(doc, k, words):
            continue
        if k in doc.blocked:
            continue
        if (
            k + 1 < n
            and gap_ok(doc, k, k + 1)
            and lower_word(doc, k + 1, words)
            and not norms[k + 1].endswith(("ed", "ing"))
            and (singular(norms[k + 1]) in by_head or words.noun(norms[k + 1]))
        ):
            continue  # "missile system", "missile canisters": the head is further right
        found = _description_left(doc, k, words)
        if found is None:
            continue
        left, named = found
        if not named and norms[left] not in DESCRIPTION_DETERMINERS:
            continue
        candidates = list(by_head[head])
        if named:
            candidates = [a for a in candidates if table.side(a) in named and a not in named]
            if not candidates:
                continue
        if len(named) > 1 or any(table.kind(a) == "object" for a in named):
            continue  # "Russian and NATO systems"; "the S-400 battery" is a modifier label
        count = 2 if norms[left] in ("two", "both") and head != norms[k] else 1
        chosen = _nearest(candidates, present, k, count)
        if not named and norms[left] not in DEFINITE:
            # An indefinite description ("a stand-alone battery") may be a new referent: it
            # counts only when its actor was named in the last few sentences.
            chosen = [a for a in chosen if _named_recently(doc, present[a], k)]
        end = k + 1
        # "a key partner in Asia": keep a following "in/of" + name.
        if end + 1 < n and norms[end] in ("in", "of") and doc.text[doc.starts[end + 1]].isupper():
            end = end + 1 + 1
        for actor in chosen:
            collector.add(
                outlet,
                actor,
                "description",
                doc,
                doc.starts[left],
                doc.ends[end - 1],
                tuple(norms[t] for t in range(left, k) if norms[t] not in ("the", "a", "an")),
                head,
            )
            # ", a weapon designed to shoot down ...": an apposition to the description.
            for np_first, np_end in predicates(doc, left, end, words):
                if np_head(doc, np_first, np_end, words) in EVENT_NOUNS:
                    continue
                collector.add(
                    outlet,
                    actor,
                    "description",
                    doc,
                    doc.starts[np_first],
                    doc.ends[np_end - 1],
                    head=np_head(doc, np_first, np_end, words),
                )


def _description_left(doc: Doc, k: int, words: WordStats) -> tuple[int, set[str]] | None:
    """Walk left from a head noun over modifiers to a determiner or a possessive: (first
    token, actors named inside), or None when no determiner or name opens the phrase."""
    norms = doc.norms
    named: set[str] = set()
    i = k - 1
    left = -1
    steps = 0
    while i >= 0 and steps <= MAX_MODIFIERS + 1 and doc.sentence[i] == doc.sentence[k]:
        if not gap_ok(doc, i, i + 1):
            break
        steps += 1
        norm = norms[i]
        if norm in DETERMINERS:
            left = i
            break
        mention = doc.mention_of.get(i)
        if mention is not None:
            named.add(mention[0].actor)
            i = mention[1] - 1
            left = mention[1]
            if i >= 1 and norms[i] == "'s":
                break
            continue
        if any(c.isupper() for c in doc.text[doc.starts[i] : doc.ends[i]]):
            return None  # another name ("a 92N6E radar") is not our actor
        if norm == "'s":
            owner = doc.mention_of.get(i - 1)
            if owner is None:
                return None
            named.add(owner[0].actor)
            left = owner[1]
            break
        if norm in INTENSIFIERS and norm != "and":
            i -= 1
            steps += 1
            continue
        if (
            norm == "and"
            and i - 1 >= 0
            and (i - 1 in doc.mention_of or lower_word(doc, i - 1, words))
        ):
            i -= 1
            continue
        if not lower_word(doc, i, words, before_noun=True):
            break
        i -= 1
    if left < 0:
        return None
    if norms[left] not in DETERMINERS and not named:
        return None
    return left, named


def _nearest(
    candidates: Sequence[str], present: Mapping[str, Sequence[int]], k: int, count: int
) -> list[str]:
    """The ``count`` candidates mentioned nearest before token ``k`` (else nearest after)."""

    def distance(actor: str) -> tuple[int, int, str]:
        positions = present.get(actor, ())
        before = [k - p for p in positions if p < k]
        if before:
            return (0, min(before), actor)
        after = [p - k for p in positions if p > k]
        return (1, min(after) if after else 10**9, actor)

    ranked = sorted((a for a in candidates if present.get(a)), key=distance)
    return ranked[:count]


RECENT_SENTENCES = 5
"""An indefinite description counts for an actor named this many sentences before it, or in
its own sentence."""


def _named_recently(doc: Doc, positions: Sequence[int], k: int) -> bool:
    sentence = doc.sentence[k]
    return any(0 <= sentence - doc.sentence[p] <= RECENT_SENTENCES for p in positions)
