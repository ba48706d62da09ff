"""Lexicons as data: parse the TSV format and match terms against prepared tokens.

A lexicon file is UTF-8 text. Header lines start with ``#`` and hold ``key: value`` pairs
(``name``, ``title``, ``version``, ``measures``, ``source``, ``licence``, ``changelog``) and one
``category:`` line per category (``id | Label | description``). Then a row
``term<TAB>category<TAB>weight<TAB>note`` per entry, after a ``term	category	weight	note``
column line. A term is one or more space-separated token patterns; a pattern ending in ``*``
matches any token starting with it. Matching is case-insensitive because it runs on token norms.

Keeping lexicons as data (not code) lets a teacher or an editor read and edit exactly what is
counted, and the header travels with every report that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from framing.errors import LexiconError
from framing.text import tokenize

HEADER_FIELDS = ("name", "title", "version", "measures", "source", "licence")
COLUMNS = ("term", "category", "weight", "note")


@dataclass(frozen=True, slots=True)
class Category:
    """One category of a lexicon, with the label a reader sees."""

    id: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: the term's token patterns and what a match counts for."""

    term: str
    patterns: tuple[str, ...]
    category: str
    weight: float
    note: str
    line: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A parsed lexicon: its provenance header, categories and entries."""

    name: str
    title: str
    version: str
    measures: str
    source: str
    licence: str
    categories: tuple[Category, ...]
    entries: tuple[Entry, ...]

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry found in a token sequence: tokens ``[first, last]`` inclusive."""

    entry: Entry
    first: int
    last: int


def parse_lexicon(text: str, origin: str) -> Lexicon:
    """Parse lexicon text; ``origin`` names the file in error messages."""
    header: dict[str, str] = {}
    categories: list[Category] = []
    entries: list[Entry] = []
    seen_columns = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            key = key.strip().lower()
            if not sep:
                continue  # a free comment
            if key == "category":
                categories.append(_parse_category(value, origin, number))
            else:
                header[key] = value.strip()
            continue
        cells = line.split("\t")
        if not seen_columns:
            if tuple(cell.strip().lower() for cell in cells) != COLUMNS:
                raise LexiconError(
                    f"{origin}:{number}: expected the column line 'term<TAB>category<TAB>weight"
                    "<TAB>note' before the first entry"
                )
            seen_columns = True
            continue
        entries.append(_parse_entry(cells, origin, number))
    missing = [name for name in HEADER_FIELDS if not header.get(name)]
    if missing:
        raise LexiconError(
            f"{origin}: header lacks {', '.join(missing)}; add '# {missing[0]}: ...' at the top"
        )
    known = {category.id for category in categories}
    if not known:
        raise LexiconError(f"{origin}: no '# category: id | Label | description' lines")
    for entry in entries:
        if entry.category not in known:
            raise LexiconError(
                f"{origin}:{entry.line}: field 'category': unknown category '{entry.category}'; "
                f"use one of {', '.join(sorted(known))}"
            )
    return Lexicon(
        name=header["name"],
        title=header["title"],
        version=header["version"],
        measures=header["measures"],
        source=header["source"],
        licence=header["licence"],
        categories=tuple(categories),
        entries=tuple(entries),
    )


def _parse_category(value: str, origin: str, number: int) -> Category:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise LexiconError(
            f"{origin}:{number}: a category line must read '# category: id | Label | description'"
        )
    return Category(parts[0], parts[1], parts[2])


def _parse_entry(cells: list[str], origin: str, number: int) -> Entry:
    if len(cells) != len(COLUMNS):
        raise LexiconError(
            f"{origin}:{number}: expected 4 tab-separated fields (term, category, weight, note), "
            f"found {len(cells)}"
        )
    term, category, weight_text, note = (cell.strip() for cell in cells)
    patterns = _term_patterns(term)
    if not patterns:
        raise LexiconError(f"{origin}:{number}: field 'term': empty term; write a word or phrase")
    try:
        weight = float(weight_text)
    except ValueError:
        raise LexiconError(
            f"{origin}:{number}: field 'weight': '{weight_text}' is not a number; write e.g. 1"
        ) from None
    return Entry(term, patterns, category, weight, note, number)


def _term_patterns(term: str) -> tuple[str, ...]:
    """Split a term into token patterns with the same tokenizer as the text, keeping ``*``."""
    patterns: list[str] = []
    for word in term.split():
        star = word.endswith("*")
        _, _, norms = tokenize(word.rstrip("*"))
        if not norms:
            continue
        if star:
            norms[-1] += "*"
        patterns.extend(norms)
    return tuple(patterns)


def load_lexicon(filename: str) -> Lexicon:
    """Load a lexicon shipped inside the package (``framing/lexicons/FILENAME``)."""
    resource = resources.files("framing") / "lexicons" / filename
    return parse_lexicon(resource.read_text(encoding="utf-8"), f"framing/lexicons/{filename}")


class LexiconMatcher:
    """Find every entry of a lexicon in a token sequence, longest match first.

    Exact single tokens are looked up in a dict; prefix patterns (``sanction*``) and phrases are
    indexed by their first pattern, so each token costs a few dict lookups, not one per term.
    Matches do not overlap: at each position the longest entry wins, so "missile threat" is
    counted once, not also as "threat".
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: dict[str, list[Entry]] = {}
        prefix_lengths: set[int] = set()
        for entry in lexicon.entries:
            first = entry.patterns[0]
            if first.endswith("*"):
                stem = first[:-1]
                self._prefix.setdefault(stem, []).append(entry)
                prefix_lengths.add(len(stem))
            else:
                self._exact.setdefault(first, []).append(entry)
        self._prefix_lengths = tuple(sorted(prefix_lengths, reverse=True))
        self._cache: dict[str, tuple[Entry, ...]] = {}
        for bucket in (*self._exact.values(), *self._prefix.values()):
            bucket.sort(key=lambda entry: -len(entry.patterns))

    def _candidates(self, norm: str) -> tuple[Entry, ...]:
        """Return the entries that may start at a token, longest first (memoised per norm).

        A corpus has far fewer distinct words than tokens, so caching per matcher turns the
        prefix scan into one dict lookup for almost every token.
        """
        cached = self._cache.get(norm)
        if cached is not None:
            return cached
        found = list(self._exact.get(norm, ()))
        for length in self._prefix_lengths:
            if length <= len(norm):
                found.extend(self._prefix.get(norm[:length], ()))
        found.sort(key=lambda entry: -len(entry.patterns))
        result = tuple(found)
        self._cache[norm] = result
        return result

    def match(self, norms: Sequence[str]) -> list[Match]:
        """Return non-overlapping matches in token order."""
        matches: list[Match] = []
        i = 0
        n = len(norms)
        while i < n:
            matched = None
            for entry in self._candidates(norms[i]):
                if _matches_at(entry.patterns, norms, i):
                    matched = entry
                    break
            if matched is None:
                i += 1
                continue
            last = i + len(matched.patterns) - 1
            matches.append(Match(matched, i, last))
            i = last + 1
        return matches


def _matches_at(patterns: tuple[str, ...], norms: Sequence[str], start: int) -> bool:
    if start + len(patterns) > len(norms):
        return False
    for offset, pattern in enumerate(patterns):
        norm = norms[start + offset]
        if pattern.endswith("*"):
            if not norm.startswith(pattern[:-1]):
                return False
        elif norm != pattern:
            return False
    return True
