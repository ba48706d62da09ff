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
from dataclasses import dataclass, field

from framing.actors import ActorTable, Mention, load_actor_table
from framing.model import Document, Evidence
from framing.tokens import cased_form


def _word_set(words: str) -> frozenset[str]:
    """Return the space-separated words of a closed list."""
    return frozenset(words.split())


__all__ = ["DETERMINERS", "NOT_KINDS", "OBJECT_HEADS", "Label", "labels_by_outlet"]

LABEL_KINDS = ("alias", "modifier", "description")
DETERMINERS = _word_set(
    """the a an this these those its their his her our my your some many several few both
    all any each every another other such no two three four five six seven eight nine ten
    dozen"""
)
_DESCRIPTION_DETERMINERS = _word_set(
    "the a an this these those its their his her our two three four five six both"
)
_DEFINITE = _word_set("the this these those its their his her our")
_NOT_BEFORE_NAME = _word_set("both all any each every either neither no such")
EVENT_NOUNS = _word_set(
    """deal purchase agreement contract order plan program programme transfer delivery decision
    issue question debate talk dispute summit policy relationship relation tie cooperation
    crisis standoff row controversy case news story report announcement acquisition buy payment
    price cost waiver sanction threat risk concern problem file negotiation sale export import
    market supply saga affair deployment test purchase choice matter"""
)
"""Heads that name a transaction or an event, not a kind of thing: never learned as an
actor's head, and an apposition or predicate with one is not a label ("the S-400 deal")."""
NOT_KINDS = EVENT_NOUNS | _word_set(
    """purchaser partner official officer leader government spokesman spokeswoman operator
    crew maker manufacturer"""
)
"""Heads after an object's name that are not kinds of that object ("S-400 operators")."""
OBJECT_HEADS = _word_set("system weapon hardware equipment platform")
_CLOSED = _word_set(
    """of in on at for from with without by to into onto upon over under about against among
    between during through across after before since until as than like via per amid despite
    toward towards within beyond and or but nor so yet if when while because although though
    whether that which who whom whose where what why how it he she they we you i me him them us
    its itself themselves is are was were be been being am has have had do does did will would
    could can may might shall should must not n't never no also only just even still already
    now then there here very too more less said says say told tell tells warn warns argue
    argues claim insist insists added noted stressed believe believes fear fears worry worries
    hope hopes expect expects want wants see sees think thinks know knows become becomes became
    remain remains make makes made get gets got go goes went take takes took give gives gave
    let lets seem seems appear appears out up down off back away ahead together apart
    first last 's"""
)
_MODALS = _word_set("to will would could can may might shall should must")
_PRONOUNS = _word_set("they we he she it who i you")
_AUX = _word_set(
    """will would could can may might should must shall is are was were be been being has have
    had set to also still now already soon not n't never likely expected 's"""
)
_COPULA = _word_set("is are was were be been become becomes became remain remains remained")
_MAKE = _word_set("make makes made making")
_DESCRIBE = _word_set(
    """describes described describe calls called call regards regarded regard sees saw see
    views viewed view considers considered consider labels labelled labeled brands branded
    ranks ranked"""
)
_ORDINALS = _word_set("first second third last next only")
_INTENSIFIERS = _word_set("most more least less and first second third last next only")
_CLAUSE_END = ',;:—–()[]!?"“”'
MAX_MODIFIERS = 4
MAX_DESCRIPTION_TOKENS = 15


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


def singular(word: str) -> str:
    """Return a noun's singular by its ending ("batteries" -> "battery", "systems" -> "system")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(slots=True)
class _Doc:
    """One article's tokens and mentions, indexed for the phrase rules."""

    document: Document
    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    norms: Sequence[str]
    sentence: Sequence[int]
    # token -> (mention, first token, end token)
    mention_of: dict[int, tuple[Mention, int, int]] = field(default_factory=dict)
    # tokens of negated predicates ("is not a single missile"): no description there
    blocked: set[int] = field(default_factory=set)
    spans: list[tuple[Mention, int, int]] = field(default_factory=list)


def _index(document: Document, mentions: Sequence[Mention]) -> _Doc:
    prepared = document.prepared
    doc = _Doc(
        document,
        document.article.text,
        prepared.token_starts,
        prepared.token_ends,
        prepared.token_norms,
        prepared.token_sentence,
    )
    for mention in mentions:
        if mention.in_title:
            continue
        first = bisect_left(doc.starts, mention.start)
        end = bisect_left(doc.starts, mention.end)
        if first >= end:
            continue
        doc.spans.append((mention, first, end))
        for t in range(first, end):
            doc.mention_of[t] = (mention, first, end)
    return doc


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
        doc: _Doc,
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
    docs = [_index(d, mentions.get(d.id, ())) for d in story_documents]
    words = _word_stats(docs)
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
            for np_first, np_end in _predicates(doc, left, right, words):
                head = _np_head(doc, np_first, np_end, words)
                if head in EVENT_NOUNS:
                    continue
                learn = doc.norms[np_first] != "the" or doc.norms[np_first + 1] in _ORDINALS
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


@dataclass(frozen=True, slots=True)
class _Words:
    """What the story's own statistics say about lower-case words.

    ``verbs``: used right after "to", a modal or a subject pronoun and never right after a
    determiner. ``nouns``: the last word of a determiner-opened chunk that is followed by
    punctuation or a function word other than a determiner or pronoun ("the S-400 serve a"
    is no noun phrase), with their singulars.
    """

    verbs: frozenset[str]
    nouns: frozenset[str]

    def noun(self, norm: str) -> bool:
        return (
            norm in self.nouns or singular(norm) in self.nouns or norm.endswith(_NOUN_ENDINGS)
        ) and (norm not in self.verbs)


_NOUN_ENDINGS = (
    "tion",
    "tions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ship",
    "ships",
    "ance",
    "ence",
    "ism",
    "ist",
    "ists",
    "ers",
    "ors",
    "ure",
    "age",
    "ry",
    "ries",
)
_OBJECTS = _word_set("him them us me itself themselves himself herself ourselves")
_PREPOSITIONS = _word_set(
    """of on in for with to from by against about at into between among over under on upon
    toward towards than like"""
)


def _word_stats(docs: Sequence[_Doc]) -> _Words:
    after_verb: set[str] = set()
    after_det: set[str] = set()
    nouns: set[str] = set()
    for doc in docs:
        norms, text, starts = doc.norms, doc.text, doc.starts
        n = len(norms)
        for i in range(1, n):
            previous = norms[i - 1]
            if (previous in _MODALS and previous != "to") or previous in _PRONOUNS:
                after_verb.add(norms[i])
            elif previous in DETERMINERS:
                after_det.add(norms[i])
        for i in range(n):
            if norms[i] not in DETERMINERS:
                continue
            last = -1
            j = i + 1
            while j < n and j - i <= 5 and doc.sentence[j] == doc.sentence[i]:
                gap = text[doc.ends[j - 1] : starts[j]]
                if gap and not gap.isspace():
                    break
                norm = norms[j]
                if (norm in _CLOSED and norm != "'s") or norm in DETERMINERS:
                    break
                if text[starts[j]].islower():
                    if not (last >= 0 and norm.endswith(("ed", "ing"))):
                        last = j
                    else:
                        break
                j += 1
            if last < 0:
                continue
            following = norms[last + 1] if last + 1 < n else ""
            if following in DETERMINERS or following in _PRONOUNS or following in _OBJECTS:
                continue
            nouns.add(norms[last])
            nouns.add(singular(norms[last]))
    return _Words(frozenset(after_verb - after_det), frozenset(nouns))


def _gap_ok(doc: _Doc, left: int, right: int) -> bool:
    """True when tokens ``left`` and ``right`` (adjacent) are separated by spaces only."""
    gap = doc.text[doc.ends[left] : doc.starts[right]]
    return not gap or (gap.isspace() and "\n" not in gap) or gap.strip(" ") in ("“", "”", '"')


def _lower_word(doc: _Doc, t: int, words: _Words, *, before_noun: bool = False) -> bool:
    """A lower-case content word that may sit inside a noun phrase (a word in "-ly" only
    ``before_noun``: "the deadly missile system", not "Turkey finally bought")."""
    norm = doc.norms[t]
    raw = doc.text[doc.starts[t] : doc.ends[t]]
    if not raw[:1].isalpha() and not raw[:1].isdigit():
        return False
    if raw[:1].isupper() or norm in _CLOSED or norm in DETERMINERS or norm in words.verbs:
        return False
    return before_noun or not norm.endswith("ly") or norm in words.nouns


def _alias_labels(
    collector: _Collector, outlet: str, doc: _Doc, mention: Mention, table: ActorTable
) -> None:
    collector.add(outlet, mention.actor, "alias", doc, mention.start, mention.end)
    side = table.side(mention.actor)
    if side and table.kind(mention.actor) == "person":
        collector.add(outlet, side, "alias", doc, mention.start, mention.end)


def _phrase(
    doc: _Doc, first: int, end: int, words: _Words, table: ActorTable
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
        if (owner or raw[:1].isupper()) and _gap_ok(doc, first - 1, first):
            left = owner[1] if owner else first - 2
            possessor = True
    if not possessor:
        k = first - 1
        chain: list[int] = []
        while k >= 0 and first - k <= 3 and sentence[k] == sentence[first]:
            if not _gap_ok(doc, k, k + 1):
                break
            if norms[k] in DETERMINERS:
                if norms[k] not in _NOT_BEFORE_NAME:
                    left = k
                break
            if not _lower_word(doc, k, words):
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
        if not _gap_ok(doc, j - 1, j):
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
        if not _lower_word(doc, j, words):
            break
        if norms[j].endswith(("ed", "ing")) and not (
            possessor_of and j + 1 < n and _lower_word(doc, j + 1, words)
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
    doc: _Doc,
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
    doc: _Doc,
    mention: Mention,
    first: int,
    end: int,
    words: _Words,
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
        if not _gap_ok(doc, k, k + 1):
            break
        if norms[k] in DETERMINERS:
            left = k
            break
        if not _lower_word(doc, k, words) or norms[k].endswith(("ed", "ing")):
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


def _np_start(doc: _Doc, i: int) -> bool:
    """Does a noun phrase start at token ``i`` (a determiner, "one of", a possessive name)?"""
    norms = doc.norms
    if i >= len(norms):
        return False
    if norms[i] in ("a", "an", "the", "one", "its", "their", "our", "his", "her"):
        return True
    if norms[i] == "also" and i + 1 < len(norms):
        return norms[i + 1] in ("a", "an", "the")
    return i + 1 < len(norms) and norms[i + 1] == "'s" and doc.text[doc.starts[i]].isupper()


def _np_extent(doc: _Doc, i: int, words: _Words) -> tuple[int, int]:
    """A description from token ``i`` to the end of its clause (a comma, dash, bracket,
    quote, sentence end, or "and"/"but" before a verb), at most ``MAX_DESCRIPTION_TOKENS``."""
    norms, sentence = doc.norms, doc.sentence
    if norms[i] == "also":
        i += 1
    j = i + 1
    n = len(norms)
    while j < n and j - i < MAX_DESCRIPTION_TOKENS and sentence[j] == sentence[i]:
        gap = doc.text[doc.ends[j - 1] : doc.starts[j]]
        if any(c in _CLAUSE_END for c in gap):
            break
        if (
            norms[j] in ("and", "but", "while", "because")
            and j + 1 < n
            and (norms[j + 1] in _AUX or norms[j + 1] in _PRONOUNS or norms[j + 1] in words.verbs)
        ):
            break
        j += 1
    return i, j


def _np_head(doc: _Doc, first: int, end: int, words: _Words) -> str:
    """The head noun of a description: the last word of its opening noun chunk."""
    norms = doc.norms
    i = first
    if norms[i] == "one" and i + 1 < end and norms[i + 1] == "of":
        i += 2
    head = ""
    while i < end:
        norm = norms[i]
        if norm in DETERMINERS or norm == "'s" or doc.mention_of.get(i):
            i += 1
            continue
        if norm in _INTENSIFIERS and i + 1 < end:
            i += 1
            continue
        raw = doc.text[doc.starts[i] : doc.ends[i]]
        if raw[:1].isupper():
            i += 1
            continue
        if not _lower_word(doc, i, words):
            break
        if words.noun(norm) or not norm.endswith(("ed", "ing", "ible", "able", "ive", "al")):
            head = singular(norm)
        i += 1
    return head


def _predicates(doc: _Doc, left: int, right: int, words: _Words) -> list[tuple[int, int]]:
    """Descriptions predicated of the phrase ``[left, right)``: apposition, copula (past a
    relative clause), "make NAME the ...", "which X describes as ..."."""
    norms, n = doc.norms, len(doc.norms)
    found: list[tuple[int, int]] = []
    if right >= n or doc.sentence[right] != doc.sentence[left]:
        return found
    gap = doc.text[doc.ends[right - 1] : doc.starts[right]]
    if left > 0 and norms[left - 1] in _PREPOSITIONS:
        return found  # "sanctions on Turkey would be ...": Turkey is not the subject
    if left > 0 and norms[left - 1] in _MAKE and not gap.strip() and _np_start(doc, right):
        found.append(_np_extent(doc, right, words))
    j = right
    if gap.strip() == ",":
        if _np_start(doc, right) and not _is_list_item(doc, right):
            found.append(_np_extent(doc, right, words))
            return found
        if norms[right] not in ("which", "who"):
            return found
        # Skip the relative clause to its closing comma, reading "describes as" inside it.
        j = right + 1
        while j < n and doc.sentence[j] == doc.sentence[left]:
            if norms[j] == "as" and norms[j - 1] in _DESCRIBE and _np_start(doc, j + 1):
                found.append(_np_extent(doc, j + 1, words))
            if "," in doc.text[doc.ends[j - 1] : doc.starts[j]] and j > right + 1:
                break
            j += 1
        if j >= n or doc.sentence[j] != doc.sentence[left]:
            return found
    elif gap.strip():
        return found
    chain: list[str] = []
    while (
        j < n
        and len(chain) < 5
        and (norms[j] in _AUX or norms[j] in _COPULA)
        and doc.sentence[j] == doc.sentence[left]
    ):
        chain.append(norms[j])
        j += 1
    if not chain or chain[-1] not in _COPULA:
        return found
    if "not" in chain or "n't" in chain or "never" in chain:
        k = j
        while k < n and k - j < 10 and doc.sentence[k] == doc.sentence[left]:
            if norms[k] == "but" and _np_start(doc, k + 1):
                found.append(_np_extent(doc, k + 1, words))
                break
            doc.blocked.add(k)
            k += 1
        return found
    if _np_start(doc, j):
        found.append(_np_extent(doc, j, words))
    return found


def _is_list_item(doc: _Doc, i: int) -> bool:
    """ ", the United States and ...": a determiner then a name is a list, not an apposition."""
    return doc.norms[i] == "the" and i + 1 in doc.mention_of


def _descriptions(
    collector: _Collector,
    doc: _Doc,
    heads: Mapping[str, set[str]],
    words: _Words,
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
        if not raw[:1].islower() or not _lower_word(doc, k, words):
            continue
        if k in doc.blocked:
            continue
        if (
            k + 1 < n
            and _gap_ok(doc, k, k + 1)
            and _lower_word(doc, k + 1, words)
            and not norms[k + 1].endswith(("ed", "ing"))
            and (singular(norms[k + 1]) in by_head or words.noun(norms[k + 1]))
        ):
            continue  # "missile system", "missile canisters": the head is further right
        found = _description_left(doc, k, words)
        if found is None:
            continue
        left, named = found
        if not named and norms[left] not in _DESCRIPTION_DETERMINERS:
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
        if not named and norms[left] not in _DEFINITE:
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
            for np_first, np_end in _predicates(doc, left, end, words):
                if _np_head(doc, np_first, np_end, words) in EVENT_NOUNS:
                    continue
                collector.add(
                    outlet,
                    actor,
                    "description",
                    doc,
                    doc.starts[np_first],
                    doc.ends[np_end - 1],
                    head=_np_head(doc, np_first, np_end, words),
                )


def _description_left(doc: _Doc, k: int, words: _Words) -> tuple[int, set[str]] | None:
    """Walk left from a head noun over modifiers to a determiner or a possessive: (first
    token, actors named inside), or None when no determiner or name opens the phrase."""
    norms = doc.norms
    named: set[str] = set()
    i = k - 1
    left = -1
    steps = 0
    while i >= 0 and steps <= MAX_MODIFIERS + 1 and doc.sentence[i] == doc.sentence[k]:
        if not _gap_ok(doc, i, i + 1):
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
        if norm in _INTENSIFIERS and norm != "and":
            i -= 1
            steps += 1
            continue
        if (
            norm == "and"
            and i - 1 >= 0
            and (i - 1 in doc.mention_of or _lower_word(doc, i - 1, words))
        ):
            i -= 1
            continue
        if not _lower_word(doc, i, words, before_noun=True):
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


def _named_recently(doc: _Doc, positions: Sequence[int], k: int) -> bool:
    sentence = doc.sentence[k]
    return any(0 <= sentence - doc.sentence[p] <= RECENT_SENTENCES for p in positions)


_DEMONYM_ENDINGS = ("ish", "ian", "ean", "ese", "ic", "i", "an")


def _adjectival(doc: _Doc, first: int, end: int, table: ActorTable) -> bool:
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
