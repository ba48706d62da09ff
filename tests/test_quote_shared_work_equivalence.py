"""Work the quote stage now shares gives what it gave when done twice.

- ``single_spans`` lists the straight single quote mark once (it both opens and closes) and
  the closing marks only when some mark opens; the old form listed openings and closings
  with ``_positions`` of two characters each. The old function is copied below as the oracle.
- ``indirect_in_sentence`` takes the chunk before a subject from ``subject_and_chunk_before``
  when the subject starts where the chunk before the verb starts, instead of calling
  ``chunk_before`` again up to it. What that relies on, ``chunk_before`` up to a chunk start
  giving that start, is checked here on every sentence stretch; the rule as a whole is
  compared with its old form in ``tests/test_indirect_speed_equivalence.py``.
"""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.quote_context import Context
from framing.quote_marks import _SINGLE_CLOSE_RE, _SINGLE_OPEN_RE, _positions, single_spans
from framing.quote_speakers import chunk_before, subject_and_chunk_before, subject_before
from tests.test_quotes_speed_equivalence import (
    _corpus_documents,
    _document,
    _generated_documents,
    any_text,
    hostile_text,
)


def _old_first_match(pattern, candidates, text, start, end):  # type: ignore[no-untyped-def]
    index = bisect.bisect_left(candidates, start)
    while index < len(candidates) and candidates[index] < end:
        found = pattern.match(text, candidates[index], end)
        if found is not None:
            return found
        index += 1
    return None


def _old_single_spans(ctx: Context, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    text = ctx.text
    found: list[tuple[int, int]] = []
    openings = _positions(text, "‘'")
    closings = _positions(text, "’'")
    if not openings or not closings:
        return found
    starts = [s for s, _ in taken]
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        position = p_start
        while True:
            opening = _old_first_match(_SINGLE_OPEN_RE, openings, text, position, p_end)
            if opening is None:
                break
            closing = _old_first_match(_SINGLE_CLOSE_RE, closings, text, opening.end(), p_end)
            if closing is None:
                break
            start, end = opening.end(), closing.start()
            index = bisect.bisect_right(starts, start) - 1
            inside = index >= 0 and taken[index][0] <= start < taken[index][1] + 1
            if not inside:
                found.append((start, end))
            position = closing.end()
    return found


def _assert_same(text: str) -> None:
    ctx = Context(_document(text))
    for taken in ([], [(0, len(text) // 2)], [(len(text) // 3, len(text) // 3 + 5)]):
        assert single_spans(ctx, taken) == _old_single_spans(ctx, taken)
    starts = ctx.sentence_starts or [0]
    ends = ctx.sentence_ends or [len(text)]
    for s_start, s_end in zip(starts, ends, strict=True):
        for end in range(s_start, s_end + 1):
            chunk = chunk_before(text, s_start, end)[0]
            assert chunk_before(text, s_start, chunk)[0] == chunk
            found = subject_and_chunk_before(text, s_start, end)
            before = subject_before(text, s_start, end)
            if found is None:
                assert before is None
            else:
                assert before is not None
                assert (found[0], found[1]) == before and found[2] == chunk


def test_bundled_corpus_gives_the_same() -> None:
    for document in _corpus_documents()[:40]:
        _assert_same(document.article.text)


def test_generated_articles_give_the_same() -> None:
    for document in _generated_documents()[:20]:
        _assert_same(document.article.text)


EDGES = [
    "",
    "'",
    "‘",
    "’",
    "'a'",
    "‘a’ b 'c' d",
    "He said 'no' and ‘yes’.\n\nShe said 'fine’, they said.",
    "It's the 'deal', Mr. Okafor's aide said, ‘we're done’",
    "the ministry and Germany said that, and officials said and  that",
]


def test_edge_cases_give_the_same() -> None:
    for text in EDGES:
        _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_hostile_text_gives_the_same(text: str) -> None:
    _assert_same(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_any_text_gives_the_same(text: str) -> None:
    _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("'‘’ aB\n,.\"“”"), max_size=40))
def test_mark_soup_gives_the_same(text: str) -> None:
    _assert_same(text)
