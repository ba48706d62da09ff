"""The actor table: who can be named in a story, under which aliases, and for which side.

What it does: reads ``framing/data/actors.tsv`` and an optional user file of the same
columns (``parse_actor_table``, ``load_actor_table``) into an ``ActorTable`` that looks an
alias up by its ``fold`` (accents, case, hyphens, spaces, dots and apostrophes ignored) and
gives each actor's kind and side.

Why separate from ``framing.actors``: the table is data with its own file format, checks and
lookups; finding mentions in text (``framing.actor_mentions``) and scoring salience and tone
(``framing.actors``) only read it.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from framing.errors import UsageError

__all__ = [
    "ACTORS_RESOURCE",
    "COLUMNS",
    "KINDS",
    "Actor",
    "ActorTable",
    "TokenReading",
    "fold",
    "load_actor_table",
    "parse_actor_table",
]

ACTORS_RESOURCE = "actors.tsv"
KINDS = ("country", "organisation", "person", "object")
"""Kinds an actor table row may give; a name found only in the story has kind ``unknown``."""
COLUMNS = ("actor", "kind", "alias", "side")
_FOLD_TABLE = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d"})
_FOLD_DROP = re.compile(r"[\s.\-\u2010\u2011\u00ad'\u2019\u2018\u02bc`]+")
FOLD_CACHE_SIZE = 65_536
"""Distinct strings ``fold`` remembers (the least recently used are forgotten first)."""
SIDE_CACHE_SIZE = 65_536
"""Texts whose side an ``ActorTable`` remembers (a few MB at most) before it starts afresh."""
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
TOKEN_CACHE_SIZE = 65_536
"""Tokens whose reading an ``ActorTable`` remembers (a few MB at most) before it starts afresh."""


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Return the key aliases are compared by: no accents, case, hyphens, spaces, dots or
    apostrophes ("Erdoğan" and "erdogan", "S-400" and "S 400", "U.S." and "US" share one).

    Memoised: mention finding folds every capitalised token of every article, and a corpus
    repeats the same few thousand words, each costing a Unicode decomposition.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD_DROP.sub("", stripped.casefold())


# --- the actor table ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor: its canonical name, kind, side (a person's country or organisation, an
    object's maker) and every alias the table lists."""

    name: str
    kind: str
    side: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: str
    exact_case: bool


@dataclass(frozen=True, slots=True)
class TokenReading:
    """What the mention scan makes of one token as written, on its own, with one table.

    ``key`` is its :func:`fold`; ``prefix`` whether that key begins some alias (so a longer
    alias may start at the token); ``actor`` the actor the token alone names when ``prefix``
    (else None); ``fallback`` the actor it names read as a plural or as the first part of a
    hyphenated word, with the length of that name in the token (None: the whole token);
    ``name`` whether it may be part of a name; ``shout`` whether it is a word written in
    capitals (it counts toward an all-capitals sentence); ``active`` whether any of
    ``prefix``, ``fallback`` and ``name`` holds (a token for which none does only ends a
    run). ``framing.mention_scan`` decides the readings; the table only remembers them.

    The rest is derived from those, once per token instead of once per occurrence:
    ``plain`` whether ``name`` is all it is (neither ``prefix`` nor ``fallback``: the scan
    only extends a run with it); ``single`` the actor the token names as a one-token alias
    (``actor``, else ``fallback``'s actor, else None); ``stops`` the ASCII letters and digits
    that, as the first character of the next token, end any alias begun at the token (empty
    unless ``prefix``); ``lone`` whether a run of the token alone is kept for naming (its
    norm is not a function word or month, ``framing.mention_tokens._NEVER_A_NAME_ALONE``).
    """

    key: str
    prefix: bool
    actor: str | None
    fallback: tuple[str, int | None] | None
    name: bool
    shout: bool
    active: bool
    plain: bool
    single: str | None
    stops: frozenset[str]
    lone: bool


@dataclass(frozen=True, slots=True)
class ActorTable:
    """The parsed actor table: actors by name and aliases by their :func:`fold` key."""

    actors: Mapping[str, Actor] = field(compare=False)
    aliases: Mapping[str, tuple[_Alias, ...]] = field(compare=False)
    prefixes: frozenset[str] = field(compare=False)
    max_tokens: int = 1
    origin: tuple[str, ...] = ()
    side_cache: dict[str, str | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    """Sides found for this table, by text (see ``remember_side``)."""
    token_cache: dict[str, TokenReading] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    """Readings of single tokens for this table, by the token as written (``remember_tokens``)."""
    stops_by_key: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    """``stops`` remembered per alias prefix (see ``stops``; at most one per prefix)."""
    next_chars: dict[str, set[str]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    """Per alias prefix, the characters that go on from it to a longer prefix (``stops``)."""
    id_readings: _ReadingsById = field(
        default_factory=lambda: _ReadingsById(), init=False, compare=False, repr=False
    )
    """The same readings by token id in the current vocabulary (``remember_ids``)."""

    def actor(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def kind(self, name: str) -> str:
        actor = self.actors.get(name)
        return actor.kind if actor else "unknown"

    def side(self, name: str) -> str | None:
        actor = self.actors.get(name)
        return actor.side if actor else None

    def remember_side(self, text: str, find: Callable[[str, ActorTable], str | None]) -> str | None:
        """Return ``find(text, self)``, computed once per text while the cache holds it.

        Why: a story repeats a few speakers hundreds of times, and each fresh answer splits,
        tokenizes and scans the text. The answer depends on the text and this table only,
        and the cache starts afresh at ``SIDE_CACHE_SIZE`` entries, so memory stays bounded.
        """
        cache = self.side_cache
        if text not in cache:
            if len(cache) >= SIDE_CACHE_SIZE:
                cache.clear()
            cache[text] = find(text, self)
        return cache[text]

    def remember_tokens(
        self, raws: list[str], read: Callable[[str, ActorTable], TokenReading]
    ) -> list[TokenReading]:
        """Return ``[read(raw, self) for raw in raws]``, each computed once while the cache
        holds it.

        Why: every capitalised token of every article is looked up as the start of an alias,
        and a corpus repeats the same few thousand such tokens. A reading depends on the token
        and this table only (the table never changes), and the cache starts afresh when it
        would pass ``TOKEN_CACHE_SIZE`` entries, so memory stays bounded. Why in bulk: the
        tokens missing from the cache are found by one set difference, and the rest are looked
        up by ``map`` in C, with no Python step per token (an article has about a hundred
        capitalised tokens, nearly all of them remembered).
        """
        cache = self.token_cache
        missing = set(raws).difference(cache)
        if missing:
            if len(cache) + len(missing) > TOKEN_CACHE_SIZE:
                cache.clear()
                missing = set(raws)  # the remembered ones are gone too
            if len(missing) > TOKEN_CACHE_SIZE:
                fresh = {raw: read(raw, self) for raw in missing}
                return list(map(fresh.__getitem__, raws))
            for raw in missing:
                cache[raw] = read(raw, self)
        return list(map(cache.__getitem__, raws))

    def remember_ids(
        self,
        vocabulary: object,
        ids: list[int],
        raw_of: Callable[[int], str],
        read: Callable[[str, ActorTable], TokenReading],
    ) -> list[TokenReading]:
        """Return the readings of the tokens with ``ids`` (ids in ``vocabulary``, see
        ``framing.vocabulary``), as ``remember_tokens`` gives them; ``raw_of(k)`` is the
        token of ``ids[k]`` as written.

        Why: an id stands for one token as written, so its reading is the one remembered for
        that token; looked up by id, the tokens need not be sliced out of the text. An id new
        to this table is read through ``remember_tokens`` (and so shares its memory). The ids
        are remembered for one vocabulary at a time (a new one starts afresh), so memory stays
        bounded by the vocabulary's size.

        Why ``all_known``: once a run's common words are read, a body's capitalised ids are
        often all remembered, and then the readings are one ``map`` in C, with no set built
        to find the missing ones; a body with a new name (most bodies of real news read
        early in a run) fails that ``map`` part-way and pays for it, so it is tried only
        while the last body had every id remembered. The answer is the same either way.
        """
        book = self.id_readings
        if book.vocabulary is not vocabulary:
            book.vocabulary, book.readings, book.all_known = vocabulary, {}, False
        known = book.readings
        if book.all_known:
            try:
                return list(map(known.__getitem__, ids))
            except KeyError:
                book.all_known = False
        missing = set(ids).difference(known)
        book.all_known = not missing
        if missing:
            at = [k for k, token_id in enumerate(ids) if token_id in missing]
            raws = list(map(raw_of, at))
            for k, reading in zip(at, self.remember_tokens(raws, read), strict=True):
                known[ids[k]] = reading
        return list(map(known.__getitem__, ids))

    def stops(self, key: str) -> frozenset[str]:
        """The ASCII letters and digits ``c`` for which ``key + c.lower()`` begins no alias
        (``key`` begins one): read as the next token's first character, each ends any
        alias begun at ``key``.

        Why remembered per key: the scan asks it of each new token that begins an alias
        (``TokenReading.stops``), and there are only as many keys as alias prefixes; the
        characters that go on are read from the prefixes once (``next_chars``).
        """
        memo = self.stops_by_key
        stops = memo.get(key)
        if stops is None:
            after = self.next_chars
            if not after:  # read once: each prefix's last character goes on from the rest
                for prefix in self.prefixes:
                    after.setdefault(prefix[:-1], set()).add(prefix[-1])
            goes_on = after.get(key, set())
            stops = memo[key] = _ASCII_ALNUM.difference(goes_on, map(str.upper, goes_on))
        return stops

    def lookup(self, text: str) -> str | None:
        """Return the actor an alias as written names, or None ("the Kremlin" -> "Russia")."""
        return self._match(_strip_the(text).strip(), fold(_strip_the(text)))

    def _match(self, written: str, key: str) -> str | None:
        candidates = self.aliases.get(key)
        if not candidates:
            return None
        capitals: bool | None = None  # whether the letters are all capitals, read when asked
        for alias in candidates:
            if not alias.exact_case:
                return alias.actor
            if capitals is None:
                capitals = "".join(c for c in written if c.isalpha()).isupper()
            if capitals:
                return alias.actor
        return None


class _ReadingsById:
    """Token readings by id in one vocabulary (see ``ActorTable.remember_ids``)."""

    __slots__ = ("all_known", "readings", "vocabulary")

    def __init__(self) -> None:
        self.vocabulary: object = None
        self.readings: dict[int, TokenReading] = {}
        # whether the last call found every id remembered (``ActorTable.remember_ids``)
        self.all_known = False

    def __reduce__(self) -> tuple[object, ...]:
        # Ids mean nothing in another process: an unpickled table starts afresh.
        return (_ReadingsById, ())


def _strip_the(alias: str) -> str:
    return alias[4:] if alias[:4].lower() == "the " else alias


def parse_actor_table(
    text: str, origin: str, base: ActorTable | None = None, *, strict: bool = True
) -> ActorTable:
    """Parse the TSV format (``#`` header lines, the column line, one row per alias).

    With ``base``, the rows extend it: an actor named in ``text`` takes the kind and side given
    there, its aliases are added, and an alias listed for another actor in ``base`` moves to the
    new one (so a user file overrides the built-in table).
    """
    actors: dict[str, Actor] = dict(base.actors) if base else {}
    owner: dict[str, tuple[str, bool]] = {}
    if base:
        for name, actor in base.actors.items():
            for alias in actor.aliases:
                owner[alias] = (name, _exact_case(alias))
    problems: list[str] = []
    seen_columns = False
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not seen_columns and tuple(c.lower() for c in cells[:3]) == COLUMNS[:3]:
            seen_columns = True
            continue
        if len(cells) < 3 or not cells[0] or not cells[2]:
            problems.append(f"{origin}:{number}: expected actor, kind, alias (and side), tabs")
            continue
        name, kind, alias = cells[0], cells[1].lower(), cells[2]
        side = cells[3] if len(cells) > 3 and cells[3] else None
        if kind not in KINDS:
            problems.append(f"{origin}:{number}: kind '{cells[1]}' is not one of {KINDS}")
            continue
        previous = actors.get(name)
        if previous is None or (base and name in base.actors and previous is base.actors[name]):
            kept = previous.aliases if previous else ()
            actors[name] = Actor(name, kind, side, kept)
        elif side and not actors[name].side:
            actors[name] = Actor(name, actors[name].kind, side, actors[name].aliases)
        old = owner.get(alias)
        if old and old[0] != name and old[0] in actors:
            held = actors[old[0]]
            actors[old[0]] = Actor(
                held.name, held.kind, held.side, tuple(a for a in held.aliases if a != alias)
            )
        owner[alias] = (name, _exact_case(alias))
        if alias not in actors[name].aliases:
            current = actors[name]
            actors[name] = Actor(name, current.kind, current.side, (*current.aliases, alias))
    if problems and strict:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise UsageError(problems[0] + more)
    return _build(actors, (*(base.origin if base else ()), origin))


def _exact_case(alias: str) -> bool:
    letters = "".join(c for c in alias if c.isalpha())
    return len(letters) <= 3 and letters.isupper()


def _build(actors: Mapping[str, Actor], origin: tuple[str, ...]) -> ActorTable:
    aliases: dict[str, list[_Alias]] = defaultdict(list)
    prefixes: set[str] = set()
    max_tokens = 1
    for name, actor in actors.items():
        for written in (name, *actor.aliases) if actor.kind != "person" else actor.aliases:
            alias = _strip_the(written)
            key = fold(alias)
            if not key:
                continue
            entry = _Alias(name, _exact_case(alias))
            if entry not in aliases[key]:
                aliases[key].append(entry)
            prefixes.update(key[:i] for i in range(1, len(key) + 1))
            max_tokens = max(max_tokens, len(alias.split()) + alias.count("'") + 2)
    ordered = {
        k: tuple(sorted(v, key=lambda a: a.exact_case, reverse=True)) for k, v in aliases.items()
    }
    return ActorTable(dict(actors), ordered, frozenset(prefixes), max_tokens, origin)


@cache
def _builtin_table() -> ActorTable:
    data = resources.files("framing").joinpath("data").joinpath(ACTORS_RESOURCE)
    return parse_actor_table(data.read_text(encoding="utf-8"), f"framing/data/{ACTORS_RESOURCE}")


def load_actor_table(extra: Path | None = None) -> ActorTable:
    """Return the built-in actor table, extended and overridden by a user file if given."""
    table = _builtin_table()
    if extra is None:
        return table
    try:
        text = Path(extra).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise UsageError(f"{extra}: cannot read the actor table ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise UsageError(f"{extra}: the actor table is not UTF-8 text") from error
    return parse_actor_table(text, str(extra), table)
