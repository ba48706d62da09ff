"""Names read as far as the quotes need give exactly the quotes of names read in full.

``_finish`` built its ``Resolver`` from ``name_mentions`` over the whole article; it now
uses ``Resolver.reading``, which reads the names with ``NameScan`` only up to the quote it
resolves (and in full only for a person whose surname has no name before the quote). The
previous form, ``Resolver(name_mentions(text))``, is swapped back in below, and whole
articles must give the same quotes on the bundled corpus, generated articles and hostile
text; ``NameScan`` read in stretches must list the names of one full read.
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import speaker_names
from framing.quote_speakers import Speaker
from framing.quotes import find_quotes
from framing.speaker_names import NameScan, Resolver, name_mentions
from tests.test_quotes_speed_equivalence import (
    _corpus_documents,
    _document,
    _generated_documents,
    _side,
    _texts,
    any_text,
    hostile_text,
)

# --------------------------------------------------------------------------------------------
# The oracle: every name read before the first quote is resolved.


def _old_reading(text: str) -> Resolver:
    return Resolver(name_mentions(text))


def _assert_same_quotes(text: str) -> None:
    document = _document(text)
    fast = find_quotes(document, _side)
    # (A plain function read from the class is called as it is: ``Resolver.reading(text)``.)
    with mock.patch.object(speaker_names.Resolver, "reading", _old_reading):
        old = find_quotes(document, _side)
    assert fast == old


def test_bundled_corpus_gives_the_same_quotes_as_names_read_in_full() -> None:
    for document in _corpus_documents():
        _assert_same_quotes(document.article.text)


def test_generated_articles_give_the_same_quotes_as_names_read_in_full() -> None:
    for document in _generated_documents():
        _assert_same_quotes(document.article.text)


@settings(max_examples=800, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same_quotes_as_names_read_in_full(text: str) -> None:
    _assert_same_quotes(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_text_gives_the_same_quotes_as_names_read_in_full(text: str) -> None:
    _assert_same_quotes(text)


# --------------------------------------------------------------------------------------------
# The scan and the resolver on their own.


def _read_in_stretches(text: str, limits: list[int]) -> list[tuple[int, str]]:
    scan = NameScan(text)
    found: list[tuple[int, str]] = []
    for limit in limits:
        before = len(found)
        scan.read(limit, found)
        # Each read adds exactly the names that start before its limit, after those read.
        assert all(start < limit for start, _name in found[before:])
        assert limit <= scan.next_start or scan.next_start == sys.maxsize
    scan.read(sys.maxsize, found)
    return found


def test_names_read_in_stretches_are_the_names_read_at_once() -> None:
    rng = random.Random(5)
    for text in _texts():
        limits = sorted(rng.randint(0, len(text) + 2) for _ in range(rng.randint(0, 12)))
        assert _read_in_stretches(text, limits) == name_mentions(text)


@settings(max_examples=800, deadline=None)
@given(any_text, st.lists(st.integers(-2, 400), max_size=8))
def test_names_read_in_stretches_on_any_text(text: str, limits: list[int]) -> None:
    assert _read_in_stretches(text, sorted(limits)) == name_mentions(text)


# Names and speakers with spaces between them, so that runs of names form and recur.
_WORDS = ("Jim", "Mattis", "Ilse", "Varga", "Ludwig", "van", "der", "Berg", "Secretary", "Dr.",
          "Jr.", "Mattis’s", "said", "he", "she", "officials", "“We", "will,”", "said.", "The",
          "Later", ",", ".", "\n\n")  # fmt: skip
spaced_text = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)

# A person named first by surname alone, whose full name comes only later.
_LATER_FULL_NAME = (
    "“We will buy it,” said Secretary Berg. Officials agreed. "
    "Later Ludwig van der Berg said the deal was done. “It is,” he said."
)


def test_a_full_name_after_the_first_quote_is_read() -> None:
    """A person with no name before the quote takes the fullest name anywhere."""
    quotes = find_quotes(_document(_LATER_FULL_NAME), _side)
    assert quotes[0].speaker == "Later Ludwig van der Berg"
    _assert_same_quotes(_LATER_FULL_NAME)


@settings(max_examples=800, deadline=None)
@given(spaced_text)
def test_spaced_names_give_the_same_quotes_as_names_read_in_full(text: str) -> None:
    _assert_same_quotes(text)


_SPEAKERS = (
    ("he", "pronoun"), ("she", "pronoun"), ("they", "pronoun"), ("Mattis", "named"),
    ("Varga", "named"), ("NATO", "named"), ("Jim Mattis", "person"), ("Ilse Varga", "person"),
    ("Berg", "person"), ("officials", "anonymous"), ("the official", "anonymous"),
    ("the ministry", "role"),
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(hostile_text, spaced_text),
    st.lists(st.tuples(st.sampled_from(_SPEAKERS), st.integers(0, 160)), max_size=10),
)
def test_resolver_reading_answers_as_the_full_resolver(
    text: str, asks: list[tuple[tuple[str, str], int]]
) -> None:
    """Any speakers, at any positions in text order, resolve as with every name known."""
    lazy, full = Resolver.reading(text), Resolver(name_mentions(text))
    for (phrase, kind), position in sorted(asks, key=lambda ask: ask[1]):
        name = phrase if kind == "person" else ""
        one, two = (Speaker(phrase, position, position + 3, kind, "", name) for _ in "12")
        assert lazy.resolve(one, position) == full.resolve(two, position)


# --------------------------------------------------------------------------------------------
# The candidate pattern with its particles as one alternation, as it was.


@cache
def _old_name_starts() -> re.Pattern[str]:
    bmp = "".join(map(chr, range(0x10000)))
    capitals = "".join(re.findall(r"[^\W\d_]", "".join(filter(str.isupper, bmp))))
    capital = rf"[{re.escape(capitals)}\U00010000-\U0010ffff]"
    particles = "|".join(sorted(speaker_names._PARTICLES))
    return re.compile(
        rf"{capital}(?<=[^\W\d_])(?:(?<![\w’'\-].)|(?<=[\d_’'\-].)(?P<odd>))"
        rf"[\w’'\-]*\.?(?=\s+(?:{capital}|(?i:{particles})))"
    )


def _assert_same_candidates(text: str) -> None:
    new = [(m.span(), m.lastindex) for m in speaker_names._name_starts().finditer(text)]
    assert new == [(m.span(), m.lastindex) for m in _old_name_starts().finditer(text)]


def test_name_candidates_match_the_alternation_in_articles() -> None:
    for text in _texts():
        _assert_same_candidates(text)


# Particles in every case, and the letters that match theirs only ignoring case ("İ", "ı").
_PARTICLE_WORDS = ("van", "VAN", "Von", "de", "DE", "dI", "İbn", "ıbn", "bİn", "bın", "al", "Al",
                   "la", "Le", "du", "del", "der", "da", "dx", "v", "b", "Ann", "x")  # fmt: skip
particle_text = st.lists(
    st.one_of(st.sampled_from(_PARTICLE_WORDS), st.sampled_from(_WORDS)), max_size=20
).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(particle_text, any_text))
def test_name_candidates_match_the_alternation_on_any_text(text: str) -> None:
    _assert_same_candidates(text)
