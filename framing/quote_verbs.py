"""Speech verbs: their words, the patterns that find them, and the cues that say where.

What it does: lists the speech verbs, auxiliaries, adverbs and participles of attribution,
compiles them into ``VERB_RE`` (a verb phrase: "has repeatedly argued", "told reporters"),
the participle and "according to" patterns, and ``CUE_RE``, the one scan per article that
marks where any of them can be; and reads a verb phrase as written (``verb_text``).

Why separate from ``framing.quote_clauses``: the vocabulary and its compiled patterns are
shared by the sentence and paragraph lookups (``framing.quote_context``) and the clause
rules, and building fast patterns from word lists is a job of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from framing.quote_speakers import VERB_WORDS

__all__ = [
    "ACCORDING_RE",
    "COORDINATED_RE",
    "CUE_RE",
    "CUE_WORDS",
    "INVERTED_RE",
    "PARTICIPLE_RE",
    "SPACES_RE",
    "VERB_RE",
    "find_cues",
    "lead_in",
    "verb_text",
]

_VERB_PHRASES = (
    "pointed out",
    "points out",
    "point out",
    "made clear",
    "make clear",
    "makes clear",
    "has made clear",
)
# Verbs that report a view only with a "that" clause ("officials fear that ..."); alone they
# are too often something else ("the deal was reported at $2.5 billion").
_THAT_ONLY = (
    "reported", "reports", "fear", "fears", "feared", "worry", "worries", "believe", "state",
    "states",
)  # fmt: skip
_AUX_WORDS = (
    "has", "have", "had", "will", "would", "did", "does", "do", "may", "might", "could", "can",
)  # fmt: skip
_ADVERBS = (
    "also", "since", "repeatedly", "long", "even", "already", "previously", "publicly",
    "privately", "again", "reportedly", "recently", "often", "now", "still", "never", "not",
    "later", "then", "further",
)  # fmt: skip

_Trie = dict[str, "_Trie"]
"""Letters to the words' remaining letters; the key "" marks the end of a word."""


def _word_trie(words: Iterable[str]) -> str:
    """Return a regex matching any of ``words``, factored by shared prefixes ("sa(?:id|ys)").

    Why: ``re`` tries the alternatives of a plain ``a|b|c`` one by one at every word
    boundary, and there are a hundred speech verbs; factored, it tests a few letters. The
    words are plain letters and every use is followed by a word boundary or whitespace, so
    at most one word can match anywhere and the order of the alternatives changes nothing
    (a word that is a prefix of another is still tried longest first). A space in a word
    stands for whitespace (``\\s+``), and what follows it is a group: a match has a group
    (``lastindex``) exactly when it ended on such a phrase (only ``CUE_RE`` lists phrases).
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: _Trie) -> str:
    branches = [
        rf"\s+({_trie_regex(child)})" if char == " " else re.escape(char) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


_VERB_ALT = "|".join(
    [re.escape(p).replace("\\ ", r"\s+") for p in _VERB_PHRASES if not p.startswith("has ")]
    + [_word_trie(VERB_WORDS)]
)
_AUX = rf"(?:{_word_trie(_AUX_WORDS)}\s+)?(?:{_word_trie(_ADVERBS)}\s+)*"
# Every verb phrase starts with one of these letters; checking it first lets a search skip
# the word boundaries (half of them are word ends) where no phrase can start.
_VERB_FIRST = "".join(
    sorted({w[0] for w in (*_AUX_WORDS, *_ADVERBS, *VERB_WORDS, *_VERB_PHRASES, *_THAT_ONLY)})
)
_TOLD_OBJECT = (
    r"(?:\s+(?:reporters|journalists|lawmakers|parliament|a\s+news\s+conference|"
    r"a\s+press\s+conference|(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}))?"
)
VERB_RE = re.compile(
    rf"\b(?=[{_VERB_FIRST}])(?:(?P<aux>{_AUX})(?P<verb>(?:{_VERB_ALT})\b(?<=told)?)"
    rf"|(?P<aux2>{_AUX})(?P<verb2>{_word_trie(_THAT_ONLY)})(?=\s+that\b))"
)
_TOLD_RE = re.compile(_TOLD_OBJECT)
# An auxiliary or adverb of ``_AUX`` that ends where the search ends (see ``lead_in``).
_LEAD_WORD_RE = re.compile(rf"(?:{'|'.join(_AUX_WORDS + _ADVERBS)})\Z")
_LONGEST_LEAD_WORD = max(len(word) for word in _AUX_WORDS + _ADVERBS)
_LEAD_WORDS = _AUX_WORDS + _ADVERBS
# The last two letters of each of those words (each has two or more): a word can end where
# the text's two characters before are none of these only if it is not one of them. (Where
# fewer than two characters are left, the slice is shorter and in no pair, and no word of
# two or more letters fits there either.)
_LEAD_TAILS = frozenset(word[-2:] for word in _LEAD_WORDS)
INVERTED_RE = re.compile(rf"\s*(?P<verb>{_VERB_ALT})\b")

_PARTICIPLES = (
    "saying", "arguing", "warning", "insisting", "noting", "stressing", "adding", "claiming",
    "explaining", "suggesting", "complaining", "emphasising", "emphasizing", "telling",
)  # fmt: skip
# Where a reported clause or "according to" may be: each word start that begins one of the
# words the clause patterns need: "according" for ``according_to``, a participle for
# ``PARTICIPLE_RE``, and any of those or a speech verb for ``VERB_RE`` and ``COORDINATED_RE``;
# a verb phrase ("made clear", "points out") or a verb that counts only before "that"
# ("fears that") is a cue only with its next word (a group: see ``_word_trie``). Each of
# their matches holds such a word (or phrase), which starts at a word boundary (after an
# auxiliary's space, a comma's space, or at the match's own ``\b``) and holds only letters,
# so no other such word can start inside it: wherever a pattern can match, the scan has found
# a word start of its kind. Why: over half of the sentences have none, and one scan of the
# text settles them all instead of a dozen searches and some bookkeeping per sentence. Why
# the phrases whole: their first words alone ("has", "made", "make", "point", "state",
# "believe", "reported") are common words, and in real news they were most of the cues of
# sentences that hold no reported speech, each of which the clause rule then searched in
# vain. ("has" was listed as the first word of "has made clear", which ``VERB_RE`` reads as
# the auxiliary "has" before the phrase "made clear", whose own cue is "made".) (No speech
# word begins "according", so a word start read as "according" is no verb's.)
CUE_WORDS = frozenset(
    {
        *VERB_WORDS,
        *_PARTICIPLES,
        "according",
        "According",
        *(p for p in _VERB_PHRASES if not p.startswith("has ")),
        *(f"{word} that" for word in _THAT_ONLY),
    }
)
"""The words and phrases ``CUE_RE`` finds (a phrase's words separated by one space)."""
CUE_RE = re.compile(r"\b(?:" + _word_trie(CUE_WORDS) + ")")
# ``CUE_RE`` as the scan runs it: the character before the word instead of ``\b``, over the
# text with a space in front. A word start is a word character (every cue begins with a
# letter) after a non-word character or at the start, so this finds each cue, one character
# early in the text with the space, which is where it is in the text itself. Why: ``re`` can
# skip to the non-word characters with a class test instead of trying ``\b`` at every
# position (measured: a sixth faster).
_CUE_AFTER_RE = re.compile(r"\W" + CUE_RE.pattern.removeprefix(r"\b"))
_PARTICIPLE_START_RE = re.compile(_word_trie(_PARTICIPLES))
# ``_CUE_AFTER_RE`` over bytes: the text encoded as ASCII with every other character as "?"
# (one byte per character, so positions are those of the text), then every byte that is no
# word character as a space (``_SPACED``). The cue words are ASCII letters, so a cue word
# matches at a byte exactly where it matches in the text (a phrase: wherever it matches in the
# text, and ``find_cues`` reads it again there); the byte before it is a space exactly
# where the character is no word character (ASCII ``\w`` is Unicode ``\w`` on ASCII), or
# where a "?" stood for a character that ``find_cues`` checks. Why: ``re`` finds a literal
# first byte with a plain scan, but tests a class (and a character's ``\W`` at some cost)
# at every position (measured: about two thirds of the time of ``_CUE_AFTER_RE``, the
# encoding included).
_CUE_BYTES_RE = re.compile(rb" " + CUE_RE.pattern.removeprefix(r"\b").encode("ascii"))
_SPACED = (
    bytes(code if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(128))
    + b" " * 128
)
_REPLACED = ord("?")
_WORD_CHAR_RE = re.compile(r"\w")
PARTICIPLE_RE = re.compile(
    rf"(?:,\s+(?:(?:while|before|after)\s+)?|\s+while\s+)(?P<verb>{'|'.join(_PARTICIPLES)})\b"
    + r"(?:\s+(?:reporters|journalists))?"
)
COORDINATED_RE = re.compile(
    rf",?\s+(?:and|but|while)\s+(?:{_AUX})(?:(?:{_VERB_ALT})|{'|'.join(_PARTICIPLES)})\b"
)
ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
SPACES_RE = re.compile(r"\s+")
_NOT_TOLD_OBJECT_RE = re.compile(r"(?:That|This|The\s+(?:deal|S-400))\b")


def lead_in(text: str, position: int) -> int:
    """Return where the auxiliaries and adverbs (each followed by whitespace) that end at
    ``position`` begin (``position`` itself when none do).

    Each step back takes the earliest such word that ends where the whitespace before begins,
    so the result is never later than the start of a ``VERB_RE`` match that covers them.
    (``_LEAD_WORD_RE`` finds the earliest; before it, the last two characters tell whether
    any such word can end there at all, one set lookup instead of ``str.endswith`` over all
    the words: mostly none can, a verb's subject is before it.)
    """
    while True:
        end = position
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == position or text[end - 2 : end] not in _LEAD_TAILS:
            return position
        low = max(end - _LONGEST_LEAD_WORD, 0)
        if not text.endswith(_LEAD_WORDS, low, end):
            return position
        word = _LEAD_WORD_RE.search(text, low, end)
        if word is None:
            return position
        position = word.start()


def verb_text(text: str, match: re.Match[str], limit: int) -> tuple[str, int]:
    """Return the verb phrase as written (with "told" + object) and where it ends.

    A ``VERB_RE`` match is its auxiliary and verb groups and nothing else (its ``\b`` and
    look-arounds take no characters), so the phrase starts where the match starts and the
    verb ends where the match ends.
    """
    verb_start = match.start()
    verb_end = match.end()
    verb = match.group("verb")
    if verb is not None and verb.startswith("told"):
        told = _TOLD_RE.match(text, verb_end, limit)
        if told is not None and told.end() > verb_end:
            obj = told.group().strip()
            if not _NOT_TOLD_OBJECT_RE.match(obj):
                verb_end = told.end()
    return _single_spaced(text[verb_start:verb_end]), verb_end


def _single_spaced(phrase: str) -> str:
    """Return ``SPACES_RE.sub(" ", phrase)``: whitespace runs as one space.

    When the phrase has no two spaces in a row and is printable (every whitespace character
    but the space is unprintable), its only whitespace runs are single spaces, which the
    substitution leaves as they are: the phrase is returned without running it.
    """
    if phrase.isprintable() and "  " not in phrase:
        return phrase
    return SPACES_RE.sub(" ", phrase)


def find_cues(text: str) -> tuple[list[int], list[int], list[int]]:
    """Return the sorted positions of ``text``'s verb, participle and "according" cues.

    Each is a word start where ``CUE_RE`` matches (see there): "according" or "According"
    for the third list, any other for the first, and those that begin a participle for the
    second as well (a participle is a verb cue too).

    How: ``_CUE_BYTES_RE`` runs over the text as ASCII bytes with spaces for the non-word
    bytes (see there). A candidate whose space stands for a character that was not ASCII
    ("?" in ``data``) is kept when that character is no word character. A phrase (a match
    with a group) is read again in the text: in the bytes, any non-word character between its
    words is a space, so the bytes find every phrase of the text and some that are none
    ("made, clear"); its words hold no other cue, so the match hides none.
    """
    verbs: list[int] = []
    participles: list[int] = []
    according: list[int] = []
    data = (" " + text).encode("ascii", "replace")
    for cue in _CUE_BYTES_RE.finditer(data.translate(_SPACED)):
        at = cue.start()  # (the byte before the cue: the cue's position in ``text``)
        if data[at] == _REPLACED and at and _WORD_CHAR_RE.match(text, at - 1) is not None:
            continue  # (a non-ASCII letter, digit or mark before: no word start)
        if cue.lastindex is not None and CUE_RE.match(text, at) is None:
            continue  # (a phrase whose gap holds more than whitespace: see ``_SPACED``)
        if text.startswith(("according", "According"), at):
            according.append(at)
            continue
        verbs.append(at)
        if _PARTICIPLE_START_RE.match(text, at):
            participles.append(at)
    return verbs, participles, according
