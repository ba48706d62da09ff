"""Highlight segmentation: overlapping evidence, paragraphs, text preserved."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from framing.highlight import cut, paragraph_spans
from framing.model import Evidence


def ev(start: int, end: int, layer: str = "frame") -> Evidence:
    return Evidence("a", start, end, layer, "x")


def test_overlapping_spans_split_into_constant_pieces() -> None:
    text = "abcdefghij"
    pieces = cut(text, 0, 10, [ev(2, 6), ev(4, 8, "tone")])
    assert [(p.text, len(p.evidence)) for p in pieces] == [
        ("ab", 0),
        ("cd", 1),
        ("ef", 2),
        ("gh", 1),
        ("ij", 0),
    ]


def test_paragraphs_split_at_blank_lines_and_strip() -> None:
    text = "  One.\nStill one.\n\n \n Two.  \n\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.\nStill one.", "Two.", "Three."]


@given(
    st.text(max_size=80),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=12),
)
def test_pieces_rebuild_the_text_and_carry_exact_cover(
    text: str, raw: list[tuple[int, int]]
) -> None:
    spans = [ev(min(a, b), max(a, b)) for a, b in raw if min(a, b) < max(a, b) <= len(text)]
    pieces = cut(text, 0, len(text), spans)
    assert "".join(p.text for p in pieces) == text
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        expected = {s for s in spans if s.start <= position and s.end >= end}
        assert set(piece.evidence) == expected
        position = end
