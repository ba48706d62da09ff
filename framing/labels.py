"""Labels: the words each outlet uses to name or describe an actor or object.

Three kinds of label, each counted per outlet with the spans behind it (layer ``label``,
label = the actor):

- ``alias``: the name as written at a mention ("Ankara" or "Turkey", "Mr. Erdoğan"). A mention
  of a person with a ``side`` in the actor table (a leader) is also an alias of that side, so
  "Mr. Erdoğan" is one of the ways an outlet names Turkey and "Vladimir Putin" one for Russia.
- ``modifier``: the noun phrase around a mention, with its modifiers and head noun ("Russia's
  S-400 missile system": modifiers "russia's", head "system"; "our Turkish allies"; "the Trump
  administration", also a label of the United States), and a noun phrase tied to a mention by
  "in", "from", "with" or "such as" ("some circles in Washington", "partners such as India").
- ``description``: a phrase that refers back to the actor without naming it: appositions
  ("India, a close U.S. defense partner,"), copular descriptions ("Turkey would become the first
  NATO member to operate it"; "is not a single missile but a network"; "make Turkey the first
  NATO ally"; "which Washington describes as a major defence partner") and definite or
  indefinite descriptions whose head noun the story ties to the actor ("the system", "the
  Russian batteries", "a stand-alone battery").

How head nouns are learned, without a part-of-speech tagger: an object's name followed by
lower-case words gives the last of them as a head ("S-400 missile system" -> "system", "an
S-400 battery" -> "battery"), unless it names a transaction or an event rather than a kind of
thing (``NOT_KINDS``: "deal", "purchase", "plans"); appositions and copular descriptions give
theirs for every kind of actor ("a close U.S. defense partner" -> India: "partner"). A few
generic heads (``OBJECT_HEADS``: "system", "weapon", "hardware") hold for every object. A
description is then attributed to an actor mentioned in the same article that has its head:
the nearest one mentioned before it (else after it). A country word inside the description
restricts it to objects whose table ``side`` (maker) is that country: "the Russian system" is
the S-400, "a Chinese system" is no object of a story without a Chinese one. A plural head after
"two" or "both" goes to the two nearest such actors ("two allies").

Words are told apart by shape and a few closed lists: determiners (``DETERMINERS``), other
function words and common verbs (``CLOSED``); a word the story uses right after "to", a modal or
a subject pronoun, or one ending in "-ed"/"-ing" straight after a name, is read as a verb and
ends a phrase; a word ending in "-ly" as an adverb. Labels come from the article text; headlines
are left to :mod:`framing.actors`' salience (their offsets are not text offsets).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from framing.actors import ActorTable, Mention, load_actor_table
from framing.label_phrases import (
    DEFINITE,
    DESCRIPTION_DETERMINERS,
    DETERMINERS,
    EVENT_NOUNS,
    INTENSIFIERS,
    MAX_DESCRIPTION_TOKENS,
    MAX_MODIFIERS,
    NOT_BEFORE_NAME,
    NOT_KINDS,
    OBJECT_HEADS,
    ORDINALS,
    Doc,
    WordStats,
    gap_ok,
    index_document,
    lower_word,
    np_head,
    predicates,
    singular,
    word_stats,
)
from framing.model import Document, Evidence
from framing.tokens import cased_form

__all__ = [
    "DETERMINERS",
    "MAX_DESCRIPTION_TOKENS",
    "NOT_KINDS",
    "OBJECT_HEADS",
    "Label",
    "labels_by_outlet",
]

LABEL_KINDS = ("alias", "modifier", "description")


@dataclass(frozen=True, slots=True)
class Label:
    """One way an outlet names or describes an actor, how often, and where.

    ``text`` is the phrase as most often written (apostrophes made straight); labels are
    counted by its lower-case form ("ANKARA" in a dateline counts with "Ankara").
    ``modifiers`` and ``head`` are the phrase's words around the name (``modifier`` labels)
    or its head noun (``description`` labels), lower-cased.
    """

    actor: str
    outlet: str
    text: str
    kind: str
    count: int
    evidence: tuple[Evidence, ...]
    modifiers: tuple[str, ...] = ()
    head: str = ""


class _Collector:
    def __init__(self) -> None:
        self.hits: dict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
        self.forms: dict[tuple[str, str, str, str], tuple[str, tuple[str, ...], str]] = {}
        self.seen: set[tuple[str, str, int, int, str]] = set()
        self.written: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)

    def add(
        self,
        outlet: str,
        actor: str,
        kind: str,
        doc: Doc,
        start: int,
        end: int,
        modifiers: tuple[str, ...] = (),
        head: str = "",
    ) -> None:
        raw = doc.text[start:end]
        text = " ".join(cased_form(raw).split())
        if not text:
            return
        marker = (actor, kind, start, end, doc.document.id)
        if marker in self.seen:
            return
        self.seen.add(marker)
        key = (outlet, actor, kind, text.lower())
        self.forms.setdefault(key, (text, modifiers, head))
        self.written[key][text] += 1
        self.hits[key].append(Evidence(doc.document.id, start, end, "label", actor, 1.0, raw))


def labels_by_outlet(
    story_documents: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    table: ActorTable | None = None,
) -> dict[str, dict[str, tuple[Label, ...]]]:
    """Return outlet -> actor -> labels (most frequent first, then by text)."""
    table = table if table is not None else load_actor_table()
    docs = [index_document(d, mentions.get(d.id, ())) for d in story_documents]
    words = word_stats(docs)
    heads: dict[str, set[str]] = defaultdict(set)
    collector = _Collector()
    for doc in docs:
        outlet = doc.document.article.outlet
        for mention, first, end in doc.spans:
            _alias_labels(collector, outlet, doc, mention, table)
            phrase = _phrase(doc, first, end, words, table)
            if phrase is not None:
                _modifier_labels(collector, outlet, doc, mention, phrase, table, heads)
            _prepositional(collector, outlet, doc, mention, first, end, words, table)
    for doc in docs:
        outlet = doc.document.article.outlet
        for mention, first, end in doc.spans:
            phrase = _phrase(doc, first, end, words, table)
            left, right = (phrase[0], phrase[1]) if phrase else (first, end)
            for np_first, np_end in predicates(doc, left, right, words):
                head = np_head(doc, np_first, np_end, words)
                if head in EVENT_NOUNS:
                    continue
                learn = doc.norms[np_first] != "the" or doc.norms[np_first + 1] in ORDINALS
                collector.add(
                    outlet,
                    mention.actor,
                    "description",
                    doc,
                    doc.starts[np_first],
                    doc.ends[np_end - 1],
                    head=head,
                )
                if head and learn:
                    heads[mention.actor].add(head)
    for doc in docs:
        _descriptions(collector, doc, heads, words, table)
    result: dict[str, dict[str, list[Label]]] = defaultdict(lambda: defaultdict(list))
    for key, evidence in collector.hits.items():
        outlet, actor, kind, _lower = key
        _first, modifiers, head = collector.forms[key]
        text = collector.written[key].most_common(1)[0][0]
        result[outlet][actor].append(
            Label(actor, outlet, text, kind, len(evidence), tuple(evidence), modifiers, head)
        )
    return {
        outlet: {
            actor: tuple(sorted(labels, key=lambda lb: (-lb.count, lb.text.lower(), lb.kind)))
            for actor, labels in sorted(by_actor.items())
        }
        for outlet, by_actor in result.items()
    }


def _alias_labels(
    collector: _Collector, outlet: str, doc: Doc, mention: Mention, table: ActorTable
) -> None:
    collector.add(outlet, mention.actor, "alias", doc, mention.start, mention.end)
    side = table.side(mention.actor)
    if side and table.kind(mention.actor) == "person":
        collector.add(outlet, side, "alias", doc, mention.start, mention.end)


def _phrase(
    doc: Doc, first: int, end: int, words: WordStats, table: ActorTable
) -> tuple[int, int, tuple[int, ...], int] | None:
    """The noun phrase around a mention: (first token, end token, modifier tokens, head
    token or -1), or None when the mention stands alone."""
    norms, sentence = doc.norms, doc.sentence
    n = len(norms)
    left = first
    possessor = False
    # Left: a possessor ("Russia's S-400") or determiner + modifiers ("the first Russian").
    if first >= 2 and norms[first - 1] == "'s" and sentence[first - 2] == sentence[first]:
        owner = doc.mention_of.get(first - 2)
        raw = doc.text[doc.starts[first - 2] : doc.ends[first - 2]]
        if (owner or raw[:1].isupper()) and gap_ok(doc, first - 1, first):
            left = owner[1] if owner else first - 2
            possessor = True
    if not possessor:
        k = first - 1
        chain: list[int] = []
        while k >= 0 and first - k <= 3 and sentence[k] == sentence[first]:
            if not gap_ok(doc, k, k + 1):
                break
            if norms[k] in DETERMINERS:
                if norms[k] not in NOT_BEFORE_NAME:
                    left = k
                break
            if not lower_word(doc, k, words):
                break
            chain.append(k)
            k -= 1
    # Right: lower-case nouns and adjectives, or names that are not countries, people or objects.
    right = end
    j = end
    if j < n and norms[j] == "'s" and sentence[j] == sentence[first]:
        j += 1
        right = j
        possessor_of = True
    else:
        possessor_of = False
    while j < n and j - right < MAX_MODIFIERS and sentence[j] == sentence[first]:
        if not gap_ok(doc, j - 1, j):
            break
        other = doc.mention_of.get(j)
        raw = doc.text[doc.starts[j] : doc.ends[j]]
        if other is not None:
            if table.kind(other[0].actor) in ("country", "person", "object"):
                break
            j = other[2]
            right = j
            continue
        if raw[:1].isupper() and not possessor_of:
            j += 1
            right = j
            continue
        if not lower_word(doc, j, words):
            break
        if norms[j].endswith(("ed", "ing")) and not (
            possessor_of and j + 1 < n and lower_word(doc, j + 1, words)
        ):
            break
        j += 1
        right = j
    # Keep the words the story uses as nouns; after an adjective-like name ("Turkish",
    # "U.S.") or a possessive the first word may be any content word ("Turkish service").
    kind = table.kind(doc.mention_of[first][0].actor)
    adjectival = _adjectival(doc, first, end, table)
    open_class = adjectival or kind == "object" or left < first
    if not open_class and not possessor_of:
        right = end  # "Ankara covers", "India buys": a name, then its verb
    kept = right if possessor_of else end
    for t in range(end + (1 if possessor_of else 0), right):
        norm = norms[t]
        if doc.text[doc.starts[t]][:1].isupper() or t in doc.mention_of:
            kept = t + 1
            continue
        loose = (
            t == kept
            and (adjectival or possessor_of or kind == "object")
            and not norm[:1].isdigit()
        )
        if not (
            words.noun(norm)
            or (loose and norm not in words.verbs and not norm.endswith(("ed", "ing", "er")))
        ):
            break
        kept = t + 1
    right = max(kept, end + 1) if possessor_of else kept
    if possessor_of and right == end + 1:
        return None
    if right == end and not adjectival:
        left = first if not possessor else left
    if right == end:
        after = doc.text[doc.ends[end - 1] : doc.ends[end - 1] + 1] if end <= n else ""
        if after in ("-", "–", "—") or all(norms[t] in DETERMINERS for t in range(left, first)):
            left = first if not possessor else left
    if left == first and right == end:
        return None
    modifiers = tuple(t for t in range(left, right) if not first <= t < end and norms[t] != "'s")
    head = right - 1 if right > end and norms[right - 1] != "'s" else -1
    return left, right, modifiers, head


def _modifier_labels(
    collector: _Collector,
    outlet: str,
    doc: Doc,
    mention: Mention,
    phrase: tuple[int, int, tuple[int, ...], int],
    table: ActorTable,
    heads: dict[str, set[str]],
) -> None:
    left, right, modifier_tokens, head_token = phrase
    start, end = min(doc.starts[left], mention.start), doc.ends[right - 1]
    if (
        doc.text[start:end].count("“") > doc.text[start:end].count("”")
        and doc.text[end : end + 1] == "”"
    ):
        end += 1
    head = doc.norms[head_token] if head_token >= 0 else ""
    n = len(doc.norms)
    modifiers = tuple(
        doc.norms[t] + ("'s" if t + 1 < n and doc.norms[t + 1] == "'s" else "")
        for t in modifier_tokens
        if t != head_token
    )
    if modifiers and doc.norms[modifier_tokens[0]] in ("the", "a", "an"):
        modifiers = modifiers[1:]
    collector.add(outlet, mention.actor, "modifier", doc, start, end, modifiers, head)
    kind = table.kind(mention.actor)
    side = table.side(mention.actor)
    if kind == "person" and side:
        collector.add(outlet, side, "modifier", doc, start, end, modifiers, head)
    first_after = bisect_left(doc.starts, mention.end)
    if (
        (kind == "object" or (kind == "unknown" and any(c.isdigit() for c in mention.actor)))
        and head
        and head_token >= first_after
        and (first_after >= len(doc.norms) or doc.norms[first_after] != "'s")
        and doc.text[doc.starts[head_token]].islower()
        and singular(head) not in NOT_KINDS
    ):
        heads[mention.actor].add(singular(head))


def _prepositional(
    collector: _Collector,
    outlet: str,
    doc: Doc,
    mention: Mention,
    first: int,
    end: int,
    words: WordStats,
    table: ActorTable,
) -> None:
    """ "some circles in Washington", "relationship with Russia", "partners such as India"."""
    norms = doc.norms
    if first < 2:
        return
    prep = first - 1
    if norms[prep] == "as" and norms[prep - 1] == "such":
        prep -= 1
    elif norms[prep] not in ("in", "from", "with"):
        return
    k = prep - 1
    chain: list[int] = []
    left = -1
    while k >= 0 and prep - k <= MAX_MODIFIERS + 1 and doc.sentence[k] == doc.sentence[first]:
        if not gap_ok(doc, k, k + 1):
            break
        if norms[k] in DETERMINERS:
            left = k
            break
        if not lower_word(doc, k, words) or norms[k].endswith(("ed", "ing")):
            break
        chain.append(k)
        k -= 1
    if not chain or not words.noun(norms[chain[0]]) or norms[chain[0]].endswith("ing"):
        return
    left = left if left >= 0 else chain[-1]
    phrase = _phrase(doc, first, end, words, table)
    right = phrase[1] if phrase and phrase[0] >= first else end
    stop = doc.ends[right - 1] if right > end else mention.end
    collector.add(
        outlet,
        mention.actor,
        "modifier",
        doc,
        doc.starts[left],
        stop,
        tuple(norms[t] for t in reversed(chain[1:])),
        norms[chain[0]],
    )


def _descriptions(
    collector: _Collector,
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


_DEMONYM_ENDINGS = ("ish", "ian", "ean", "ese", "ic", "i", "an")


def _adjectival(doc: Doc, first: int, end: int, table: ActorTable) -> bool:
    """Is the mention used like an adjective: an initialism or acronym ("U.S.", "NATO") or a
    demonym ("Turkish": an alias with a demonym ending that is not the actor's own name)?"""
    mention = doc.mention_of[first][0]
    written = mention.text.split()[-1] if mention.text.split() else ""
    letters = "".join(c for c in written if c.isalpha())
    if len(letters) >= 2 and letters.isupper():
        return True
    return (
        end - first == 1
        and written.lower().endswith(_DEMONYM_ENDINGS)
        and written.lower() != mention.actor.lower()
    )
