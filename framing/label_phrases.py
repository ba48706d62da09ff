"""Noun-phrase heuristics for labels: closed word lists, word statistics and chunking.

What it does: without a part-of-speech tagger, tells words apart by shape, a few closed lists
(``DETERMINERS``, ``CLOSED``, modals, pronouns, copulas) and the story's own statistics
(``WordStats``: which lower-case words behave as verbs or nouns), and finds noun phrases and
predicates around a token (``np_start``, ``np_extent``, ``np_head``, ``predicates``) over an
article indexed for these rules (``Doc``, ``index_document``).

Why separate from ``framing.labels``: these are generic English phrase rules that know nothing
of labels or outlets; ``framing.labels`` decides which phrases are labels of which actor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.actor_mentions import Mention
from framing.model import Document

__all__ = [
    "DEFINITE",
    "DESCRIPTION_DETERMINERS",
    "DETERMINERS",
    "EVENT_NOUNS",
    "INTENSIFIERS",
    "MAX_DESCRIPTION_TOKENS",
    "MAX_MODIFIERS",
    "NOT_BEFORE_NAME",
    "NOT_KINDS",
    "OBJECT_HEADS",
    "ORDINALS",
    "Doc",
    "WordStats",
    "gap_ok",
    "index_document",
    "lower_word",
    "np_extent",
    "np_head",
    "np_start",
    "predicates",
    "singular",
    "word_stats",
]


def _word_set(words: str) -> frozenset[str]:
    """Return the space-separated words of a closed list."""
    return frozenset(words.split())


DETERMINERS = _word_set(
    """the a an this these those its their his her our my your some many several few both
    all any each every another other such no two three four five six seven eight nine ten
    dozen"""
)
DESCRIPTION_DETERMINERS = _word_set(
    "the a an this these those its their his her our two three four five six both"
)
DEFINITE = _word_set("the this these those its their his her our")
NOT_BEFORE_NAME = _word_set("both all any each every either neither no such")
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
ORDINALS = _word_set("first second third last next only")
INTENSIFIERS = _word_set("most more least less and first second third last next only")
_CLAUSE_END = ',;:—–()[]!?"“”'
MAX_MODIFIERS = 4
MAX_DESCRIPTION_TOKENS = 15


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
class Doc:
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


def index_document(document: Document, mentions: Sequence[Mention]) -> Doc:
    prepared = document.prepared
    doc = Doc(
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


@dataclass(frozen=True, slots=True)
class WordStats:
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


def word_stats(docs: Sequence[Doc]) -> WordStats:
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
    return WordStats(frozenset(after_verb - after_det), frozenset(nouns))


def gap_ok(doc: Doc, left: int, right: int) -> bool:
    """True when tokens ``left`` and ``right`` (adjacent) are separated by spaces only."""
    gap = doc.text[doc.ends[left] : doc.starts[right]]
    return not gap or (gap.isspace() and "\n" not in gap) or gap.strip(" ") in ("“", "”", '"')


def lower_word(doc: Doc, t: int, words: WordStats, *, before_noun: bool = False) -> bool:
    """A lower-case content word that may sit inside a noun phrase (a word in "-ly" only
    ``before_noun``: "the deadly missile system", not "Turkey finally bought")."""
    norm = doc.norms[t]
    raw = doc.text[doc.starts[t] : doc.ends[t]]
    if not raw[:1].isalpha() and not raw[:1].isdigit():
        return False
    if raw[:1].isupper() or norm in _CLOSED or norm in DETERMINERS or norm in words.verbs:
        return False
    return before_noun or not norm.endswith("ly") or norm in words.nouns


def np_start(doc: Doc, i: int) -> bool:
    """Does a noun phrase start at token ``i`` (a determiner, "one of", a possessive name)?"""
    norms = doc.norms
    if i >= len(norms):
        return False
    if norms[i] in ("a", "an", "the", "one", "its", "their", "our", "his", "her"):
        return True
    if norms[i] == "also" and i + 1 < len(norms):
        return norms[i + 1] in ("a", "an", "the")
    return i + 1 < len(norms) and norms[i + 1] == "'s" and doc.text[doc.starts[i]].isupper()


def np_extent(doc: Doc, i: int, words: WordStats) -> tuple[int, int]:
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


def np_head(doc: Doc, first: int, end: int, words: WordStats) -> str:
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
        if norm in INTENSIFIERS and i + 1 < end:
            i += 1
            continue
        raw = doc.text[doc.starts[i] : doc.ends[i]]
        if raw[:1].isupper():
            i += 1
            continue
        if not lower_word(doc, i, words):
            break
        if words.noun(norm) or not norm.endswith(("ed", "ing", "ible", "able", "ive", "al")):
            head = singular(norm)
        i += 1
    return head


def predicates(doc: Doc, left: int, right: int, words: WordStats) -> list[tuple[int, int]]:
    """Descriptions predicated of the phrase ``[left, right)``: apposition, copula (past a
    relative clause), "make NAME the ...", "which X describes as ..."."""
    norms, n = doc.norms, len(doc.norms)
    found: list[tuple[int, int]] = []
    if right >= n or doc.sentence[right] != doc.sentence[left]:
        return found
    gap = doc.text[doc.ends[right - 1] : doc.starts[right]]
    if left > 0 and norms[left - 1] in _PREPOSITIONS:
        return found  # "sanctions on Turkey would be ...": Turkey is not the subject
    if left > 0 and norms[left - 1] in _MAKE and not gap.strip() and np_start(doc, right):
        found.append(np_extent(doc, right, words))
    j = right
    if gap.strip() == ",":
        if np_start(doc, right) and not _is_list_item(doc, right):
            found.append(np_extent(doc, right, words))
            return found
        if norms[right] not in ("which", "who"):
            return found
        # Skip the relative clause to its closing comma, reading "describes as" inside it.
        j = right + 1
        while j < n and doc.sentence[j] == doc.sentence[left]:
            if norms[j] == "as" and norms[j - 1] in _DESCRIBE and np_start(doc, j + 1):
                found.append(np_extent(doc, j + 1, words))
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
            if norms[k] == "but" and np_start(doc, k + 1):
                found.append(np_extent(doc, k + 1, words))
                break
            doc.blocked.add(k)
            k += 1
        return found
    if np_start(doc, j):
        found.append(np_extent(doc, j, words))
    return found


def _is_list_item(doc: Doc, i: int) -> bool:
    """ ", the United States and ...": a determiner then a name is a list, not an apposition."""
    return doc.norms[i] == "the" and i + 1 in doc.mention_of
