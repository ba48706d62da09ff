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
from collections import defaultdict
from collections.abc import Mapping, Sequence

from framing.actors import ActorTable, Mention, load_actor_table
from framing.label_collector import Label, LabelCollector
from framing.label_descriptions import add_descriptions
from framing.label_phrases import (
    DETERMINERS,
    EVENT_NOUNS,
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
from framing.model import Document

__all__ = [
    "DETERMINERS",
    "MAX_DESCRIPTION_TOKENS",
    "NOT_KINDS",
    "OBJECT_HEADS",
    "Label",
    "labels_by_outlet",
]


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
    collector = LabelCollector()
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
        add_descriptions(collector, doc, heads, words, table)
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
    collector: LabelCollector, outlet: str, doc: Doc, mention: Mention, table: ActorTable
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
    collector: LabelCollector,
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
    collector: LabelCollector,
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
