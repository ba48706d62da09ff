"""The stance category of an attribution verb ("said": neutral, "claimed": loaded).

What it does: matches the stance lexicon against the few words of a verb phrase ("has
argued", "said in a statement") in plain Python, as ``LexiconMatcher`` would, and returns
the category of its first attribution verb.

Why separate from ``framing.quotes``: classing a verb is a lexicon question, apart from
finding quotes; the quote finder asks it once per quote.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from framing.lexicon import Entry, Lexicon, load_lexicon
from framing.tokens import cased_form, tokenize

__all__ = ["ATTRIBUTION_CATEGORIES", "cached_category", "verb_category"]

ATTRIBUTION_CATEGORIES = ("attribution_neutral", "attribution_loaded")


@lru_cache(maxsize=4096)
def cached_category(phrase: str) -> str:
    """Return ``verb_category(phrase)``, memoised: an outlet uses a handful of verbs."""
    return verb_category(phrase)


@dataclass(frozen=True, slots=True)
class _Term:
    """The lexicon rows that share one token pattern, and how they rank at one position."""

    patterns: tuple[str, ...]
    priority: tuple[int, int, int, int]
    entries: tuple[Entry, ...]
    guard: bool  # every row has weight 0: wins its overlap, then is dropped


class _PhraseMatcher:
    """Match one lexicon in a few tokens in plain Python, as ``LexiconMatcher`` does.

    Why not ``LexiconMatcher``: it is built for whole batches of articles, and its sparse
    matrices cost about a millisecond per call whatever the length (this: about 20 us); a
    verb phrase has six words, and an article's quotes bring new phrases all the time (a
    phrase carries the words after its verb). The rules are the same: a term matches
    consecutive tokens (an exact pattern the token itself, ``stem*`` any token that starts
    with the stem); at each position the longest term wins, then the one with more exact
    patterns, then longer patterns, then the one listed first; a match that overlaps an
    earlier kept one is dropped; guards (rows of weight 0) are dropped after that.
    ``tests/test_quotes_speed_equivalence.py`` checks it against ``LexiconMatcher``.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.case_sensitive = lexicon.case_sensitive
        rows: dict[tuple[str, ...], list[Entry]] = {}
        for entry in lexicon.entries:
            rows.setdefault(entry.patterns, []).append(entry)
        self._by_word: dict[str, list[_Term]] = {}
        self._by_stem: dict[str, list[_Term]] = {}
        for order, (patterns, entries) in enumerate(rows.items()):
            exact = sum(not p.endswith("*") for p in patterns)
            priority = (-len(patterns), -exact, -sum(len(p) for p in patterns), order)
            term = _Term(patterns, priority, tuple(entries), all(e.weight == 0 for e in entries))
            first = patterns[0]
            if first.endswith("*"):
                self._by_stem.setdefault(first[:-1], []).append(term)
            else:
                self._by_word.setdefault(first, []).append(term)
        self._stem_lengths = sorted({len(stem) for stem in self._by_stem}, reverse=True)

    def _starting(self, token: str) -> list[_Term]:
        """The terms whose first pattern ``token`` satisfies."""
        found = list(self._by_word.get(token, ()))
        for length in self._stem_lengths:
            if length <= len(token):
                found.extend(self._by_stem.get(token[:length], ()))
        return found

    def match(self, tokens: Sequence[str]) -> list[tuple[int, Entry]]:
        """Return (first token, entry) of every match, ordered by position, then file line."""
        candidates: list[tuple[int, tuple[int, int, int, int], _Term]] = []
        for index, token in enumerate(tokens):
            for term in self._starting(token):
                rest = term.patterns[1:]
                if index + len(rest) < len(tokens) and all(
                    _fits(tokens[index + offset], pattern) for offset, pattern in enumerate(rest, 1)
                ):
                    candidates.append((index, term.priority, term))
        candidates.sort(key=lambda c: (c[0], c[1]))
        found: list[tuple[int, Entry]] = []
        last_end = -1
        for first, _priority, term in candidates:
            if first > last_end:
                last_end = first + len(term.patterns) - 1
                if not term.guard:
                    found.extend((first, entry) for entry in term.entries)
        found.sort(key=lambda m: (m[0], m[1].line))
        return found

    def first_category(self, tokens: Sequence[str], categories: Container[str]) -> str:
        """Return the category of the first entry of ``match(tokens)`` whose category is one
        of ``categories`` ("" when none is), reading only as far as that match.

        Why it is the same: ``match`` keeps, position by position, the best-ranked term that
        starts after the last kept match ends (the others at that position overlap it), and
        lists each kept term's rows by file line. Walking the positions in order with the
        same rule reaches the same kept terms in the same order, so the first row found of
        such a category is ``match``'s first. Why: the verb opens its phrase, so this mostly
        stops at the first or second word instead of matching all six (measured: a fifth of
        the time of ``match``; text other than the generator's brings a new phrase with
        almost every quote).
        """
        last_end = -1
        for index, token in enumerate(tokens):
            if index <= last_end:
                continue
            best: _Term | None = None
            for term in self._starting(token):
                rest = term.patterns[1:]
                if (best is None or term.priority < best.priority) and (
                    index + len(rest) < len(tokens)
                    and all(
                        _fits(tokens[index + offset], pattern)
                        for offset, pattern in enumerate(rest, 1)
                    )
                ):
                    best = term
            if best is None:
                continue
            last_end = index + len(best.patterns) - 1
            if best.guard:
                continue
            for entry in sorted(best.entries, key=lambda entry: entry.line):
                if entry.category in categories:
                    return entry.category
        return ""


def _fits(token: str, pattern: str) -> bool:
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern


@cache
def _stance_matcher() -> _PhraseMatcher:
    """Compile the stance lexicon once: every verb of every article is classed against it."""
    return _PhraseMatcher(load_lexicon("stance.tsv"))


def verb_category(phrase: str) -> str:
    """Return the stance category of an attribution verb phrase ("" when the lexicon is silent).

    The phrase may carry trailing context ("said in a statement", "maintained that"): the
    category is that of the phrase's first match of an attribution verb, so "has argued" finds
    "argued".
    """
    starts, ends, norms = tokenize(phrase)
    if not norms:
        return ""
    matcher = _stance_matcher()
    tokens = norms
    if matcher.case_sensitive:
        tokens = [cased_form(phrase[s:e]) for s, e in zip(starts, ends, strict=True)]
    return matcher.first_category(tokens, ATTRIBUTION_CATEGORIES)
