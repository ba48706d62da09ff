"""Person names in an article, and resolving a speaker to the fullest earlier mention.

``name_mentions`` lists the runs of capitalised words that read as person names
("Gen. (ret.) Ahmet Yilmaz", "van der Berg"); ``Resolver`` resolves a surname, a pronoun or
"the official" to the fullest mention before it. Split from ``framing.quote_speakers``, which
reads one phrase as a speaker: this module reads the whole article.
"""

from __future__ import annotations

import bisect
import re
import sys
from functools import cache, lru_cache

from framing.quote_speakers import (
    _DOTTED,
    _NAME_WORD,
    _NOT_NAMES,
    _PARTICLES,
    _PREPOSITIONS,
    Speaker,
    _bare,
    _is_capitalised,
    _is_title,
)
from framing.quote_verbs import _word_trie

__all__ = ["NameScan", "Resolver", "name_mentions"]


# What a word does in a run of ``name_mentions`` (see ``_name_word``).
_OTHER, _NAME, _LAST_NAME, _PARTICLE = range(4)


@lru_cache(maxsize=65_536)
def _name_word(word: str) -> int:
    """Classify one word of a run: part of a name, a name part that ends the name (an
    abbreviation such as "Jr." that is no initial), a particle ("van", "de"), or other.

    Memoised: an article's every word passes here, and a corpus repeats its words.
    """
    if _is_capitalised(word) and not _is_title(word) and _bare(word) not in _NOT_NAMES:
        if word.endswith(".") and len(word) > 2 and not _DOTTED.fullmatch(word):
            return _LAST_NAME
        return _NAME
    return _PARTICLE if _bare(word) in _PARTICLES else _OTHER


def name_mentions(text: str) -> list[tuple[int, str]]:
    """List person names in the article (position, name without titles) for resolution.

    A name is a run of two or more capitalised words after any titles ("Defense Secretary
    Jim Mattis" gives "Jim Mattis"), within one run of words separated only by whitespace.
    (``NameScan`` reads them; see there how.)
    """
    mentions: list[tuple[int, str]] = []
    NameScan(text).read(len(text) + 1, mentions)
    return mentions


class NameScan:
    """``name_mentions`` read a stretch at a time: ``read(limit, ...)`` adds the names that
    start before ``limit`` and keeps its place for the next call.

    How: the words are those of ``_NAME_WORD_RE.finditer``, and a name can only begin on one
    that starts with a capital and is followed, after whitespace, by a word that can continue
    a name (capitalised, or a particle such as "van"). Reading any other word with no name
    open adds nothing, so ``_name_starts`` finds just those words and from each the run is
    read one ``_NEXT_NAME_WORD_RE`` match at a time until its name closes: most words of an
    article are never visited in Python. The plain scan over every word is kept in the tests
    as the oracle. A run whose first word is no name part opens nothing, so it ends there.

    Why a stretch at a time: a name starts on the word its run starts on, and the runs are
    read left to right, so the names before ``limit`` are all known once every candidate
    before it is read, whatever follows; ``Resolver`` asks only up to the quote it resolves
    (``finditer`` scans the text no further than asked), and an article's last quotes are
    often far from its end.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.candidates = _name_starts().finditer(text)
        self.pending: re.Match[str] | None = None  # the first candidate not yet read
        # Where that candidate starts (0 before the first is found, ``sys.maxsize`` after the
        # last): ``read`` up to this limit would add nothing.
        self.next_start = 0
        self.read_to = 0  # the words before this were read as part of a run

    def read(self, limit: int, mentions: list[tuple[int, str]]) -> None:
        """Add to ``mentions`` the names that start before ``limit`` and after those read."""
        if limit <= self.next_start:
            return
        text = self.text
        read_to = self.read_to
        name_word = _name_word
        next_word = _NEXT_NAME_WORD_RE.match
        candidates = self.candidates
        candidate = self.pending
        while True:
            if candidate is None:
                candidate = next(candidates, None)
                if candidate is None:
                    self.next_start = sys.maxsize
                    break
            start = candidate.start()
            if start >= limit:
                self.next_start = start
                break
            if start < read_to or (
                candidate.lastindex is not None and not _starts_word(text, start)
            ):
                candidate = None
                continue  # (``lastindex``: the group ``odd`` took part)
            word, end = candidate.group(), candidate.end()
            candidate = None
            read_to = end
            if name_word(word) != _NAME:
                continue  # a title, "The", a lone particle: nothing is open, nothing to add
            current = [(word, start)]
            while True:
                following = next_word(text, end)
                if following is None:
                    break
                word, end = following.group(1), following.end()
                kind = name_word(word)
                if kind in (_NAME, _PARTICLE):
                    current.append((word, end - len(word)))
                    continue
                if kind == _LAST_NAME:
                    current.append((word, end - len(word)))
                break
            _add_name(current, mentions)
            read_to = end
        self.pending = candidate
        self.read_to = read_to


# The next word of a run: whitespace only, then a word (``_NAME_WORD_RE`` never starts on a
# space, so this is the word ``finditer`` finds next exactly when the gap is whitespace).
_NEXT_NAME_WORD_RE = re.compile(rf"\s+({_NAME_WORD})")
_WORD_CHAR_RE = re.compile(r"[\w’'\-]")
_NON_LETTER_WORD_CHAR_RE = re.compile(r"[\d_’'\-]")


def _starts_word(text: str, position: int) -> bool:
    """Return whether ``finditer`` starts a word on the letter at ``position``.

    It reads a stretch of word characters (``[\\w’'-]``) as one word from the stretch's first
    letter on: digits, "_", apostrophes and hyphens before that letter are skipped, and the
    word runs to the stretch's end (and takes one final "."). So a letter starts a word when
    only such non-letters stand between it and the start of its stretch.
    """
    while position > 0 and _NON_LETTER_WORD_CHAR_RE.match(text, position - 1):
        position -= 1
    return position == 0 or not _WORD_CHAR_RE.match(text, position - 1)


@cache
def _name_starts() -> re.Pattern[str]:
    """Compile a pattern that finds every word that may begin a name (and some others).

    A match is a capital letter (``[^\\W\\d_]`` and ``str.isupper``: the Basic Multilingual
    Plane's, and, to keep the class small, every character beyond it) that starts a word
    (see ``_starts_word``): right after a character that is no word character, or after
    digits, "_", apostrophes or hyphens, which the group ``odd`` marks for ``_starts_word``
    to check. The match is that word as ``_NAME_WORD_RE`` reads it (word characters and one
    final "."), and it must be followed by whitespace and a word that starts with such a
    capital or with a particle (in any case: more is harmless, the caller reads each word).
    (An astral character must also be a letter, ``[^\\W\\d_]``, as the word's first.)
    Taking the word in the match skips no candidate that counts: one inside the word would
    follow a word character, so either it is before the end of a run read from this word,
    or it is "odd" and ``_starts_word`` rejects it as it rejected this one.
    """
    bmp = "".join(map(chr, range(0x10000)))
    capitals = "".join(re.findall(r"[^\W\d_]", "".join(filter(str.isupper, bmp))))
    capital = rf"[{re.escape(capitals)}\U00010000-\U0010ffff]"
    # The particles factored by prefix after a test of their first letter (the same
    # matches: a lookahead asks only whether one starts here). Why: a capitalised word
    # followed by a lower-case one is the common case, and there the thirteen alternatives
    # were tried one by one.
    firsts = "".join(sorted({particle[0] for particle in _PARTICLES}))
    particles = rf"(?=[{firsts}]){_word_trie(_PARTICLES)}"
    return re.compile(
        rf"{capital}(?<=[^\W\d_])(?:(?<![\w’'\-].)|(?<=[\d_’'\-].)(?P<odd>))"
        rf"[\w’'\-]*\.?(?=\s+(?:{capital}|(?i:{particles})))"
    )


def _add_name(words: list[tuple[str, int]], mentions: list[tuple[int, str]]) -> None:
    """Add the name ``words`` hold (when two or more) to ``mentions`` and empty ``words``."""
    if len(words) >= 2:
        clean = [word for word, _start in words]
        last = clean[-1]
        if last.endswith(("’s", "'s")):  # (a possessive; ``[’']s$``, as no name word holds "\n")
            last = last[:-2]
        clean[-1] = last.rstrip(".")
        mentions.append((words[0][1], " ".join(clean)))
    words.clear()


@lru_cache(maxsize=4096)
def _head(text: str) -> str:
    """Return the head noun of a speaker phrase, lower-cased (memoised: speakers recur)."""
    words = [_bare(w) for w in text.split()]
    for index, word in enumerate(words):
        if index > 0 and word in _PREPOSITIONS:
            return words[index - 1]
    return words[-1] if words else ""


class Resolver:
    """Resolve speakers in text order: surnames to full names, pronouns to the last person,
    "the official" to the earlier anonymous source it refers back to.

    Why a class: quotes are resolved in text order, and what has been seen so far (the last
    person, anonymous sources by head noun, roles by name) is the state; every lookup is a
    dictionary access or a binary search, so an article costs linear time.

    ``Resolver(mentions)`` takes an article's names; ``Resolver.reading(text)`` reads them
    from the text only as far as the quotes resolved need (``NameScan``). Why it gives the
    same: each rule asks about the names before the quote's position (a pronoun the last
    one, a surname those of its own), except a person whose surname has no name up to the
    position, which takes the fullest anywhere: only then is the whole text read. A
    quote that needs no name (anonymous, a role, a named body) reads nothing, and in real
    news a quarter of the articles quote no one else.
    """

    def __init__(self, mentions: list[tuple[int, str]]) -> None:
        self.mention_positions: list[int] = []
        self.mentions: list[tuple[int, str]] = []
        # Per surname: mention positions, and the fullest name among the first k mentions.
        self.last_positions: dict[str, list[int]] = {}
        self.fullest_upto: dict[str, list[str]] = {}
        self._scan: NameScan | None = None
        self._add(mentions)
        self.roles: dict[str, str] = {}
        self.last_person: tuple[int, str] | None = None
        self.last_plural = ""
        self.anonymous: dict[str, str] = {}

    @classmethod
    def reading(cls, text: str) -> Resolver:
        """Return a resolver that reads the names of ``text`` when it needs them."""
        resolver = cls([])
        resolver._scan = NameScan(text)
        return resolver

    def _add(self, mentions: list[tuple[int, str]]) -> None:
        self.mention_positions.extend(m[0] for m in mentions)
        self.mentions.extend(mentions)
        for mention in mentions:
            position, full = mention
            key = _bare(full.split()[-1])
            positions = self.last_positions.get(key)
            if positions is None:
                self.last_positions[key] = [position]
                self.fullest_upto[key] = [full]
                continue
            positions.append(position)
            best = self.fullest_upto[key]
            best.append(full if len(full.split()) > len(best[-1].split()) else best[-1])

    def _names_before(self, limit: int) -> None:
        """Make sure every name that starts before ``limit`` is known."""
        if self._scan is not None and limit > self._scan.next_start:
            found: list[tuple[int, str]] = []
            self._scan.read(limit, found)
            if found:
                self._add(found)

    def _fullest(self, last: str, position: int, own: str) -> str:
        """The fullest mention of this surname before ``position`` (or anywhere, if none)."""
        self._names_before(position + 1)
        positions = self.last_positions.get(last)
        count = bisect.bisect_right(positions, position) if positions else 0
        if not count:
            self._names_before(sys.maxsize)  # (every name: the fullest anywhere counts)
        upto = self.fullest_upto.get(last)
        if not upto:
            return own
        full = upto[count - 1] if count else upto[-1]
        return full if len(full.split()) > len(own.split()) else own

    def _person(self, position: int, name: str, role: str) -> tuple[str, str, str]:
        if role:
            self.roles.setdefault(name, role)
        self.last_person = (position, name)
        return name, role or self.roles.get(name, ""), "person"

    def resolve(self, speaker: Speaker, position: int) -> tuple[str, str, str]:
        """Return (canonical speaker, role, kind); "" when it cannot be resolved."""
        if speaker.kind == "pronoun":
            if speaker.text.lower() == "they":
                return (self.last_plural, "", "anonymous") if self.last_plural else ("", "", "")
            self._names_before(position)
            index = bisect.bisect_left(self.mention_positions, position) - 1
            mentioned = self.mentions[index] if index >= 0 else None
            if mentioned is not None and (
                self.last_person is None or mentioned[0] > self.last_person[0]
            ):
                # A person named after the last quote ("Her opponent, Dario Castellucci,
                # disagreed. 'It is ...,' he said.") is the likelier antecedent.
                return self._person(position, mentioned[1], "")
            if self.last_person is not None:
                return self._person(position, self.last_person[1], "")
            return "", "", ""
        if speaker.kind == "named":
            single = speaker.text.split()
            if len(single) == 1:
                last = _bare(single[0])
                self._names_before(position)
                count = bisect.bisect_left(self.last_positions.get(last, []), position)
                if count:
                    canonical = self.fullest_upto[last][count - 1]
                    if len(canonical.split()) >= 2:
                        return self._person(position, canonical, "")
            return speaker.text, speaker.role, "named"
        if speaker.kind == "person":
            name = speaker.name or speaker.text
            last = _bare(name.split()[-1]) if name.split() else ""
            return self._person(position, self._fullest(last, position, name), speaker.role)
        head = _head(speaker.text)
        lowered = speaker.text.lower()
        if speaker.kind == "anonymous":
            if lowered.startswith(("the ", "that ")):
                known = self.anonymous.get("member" if head == "staffer" else head)
                if known is not None:
                    return known, "", "anonymous"
            self.anonymous.setdefault(head, speaker.text)
            if head.endswith("s") or head in {"people", "many"}:
                self.last_plural = speaker.text
            return speaker.text, "", "anonymous"
        return speaker.text, "", "role"
