"""The one-pass sentence splitter and the token split pattern against the code they replaced.

``framing.sentences.split_sentences`` once searched each paragraph for candidates apart and
called ``_spans`` and ``_add_cuts`` per paragraph; it now searches the whole text once and
cuts every paragraph in one loop. ``framing.tokens._splitter`` now lists ASCII letters and
digits in front of ``\\w``. Neither may change a single span or token, so the previous code is
kept here as the oracle and compared with the new on the bundled corpus, on generated articles
and on hostile text. (``tests/test_prepare_equivalence.py`` compares both with Punkt itself
and with ``finditer``.)
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from framing import sentences, tokens
from framing.loading import load_corpus
from framing.model import Span
from framing.synthetic import generate_articles
from tests.test_prepare_equivalence import HAZARDS, TOKEN_PARTS, any_text

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: framing/sentences.py and framing/tokens.py as they were before.


def old_paragraphs(text: str) -> list[tuple[int, int, int]]:
    """``_paragraphs`` as it was: every paragraph stripped with ``rstrip()``."""
    found: list[tuple[int, int, int]] = []
    start = 0
    breaks = sentences._PARAGRAPH_BREAK
    if not any(char in text for char in sentences._OTHER_LINE_BREAKS):
        breaks = sentences._BLANK_LINE
    for match in breaks.finditer(text):
        end = match.start()
        visible = len(text[start:end].rstrip())
        if visible:
            found.append((start, end, start + visible))
        start = match.end()
    visible = len(text[start:].rstrip())
    if visible:
        found.append((start, len(text), start + visible))
    return found


def old_spans(
    text: str, blanked: str, candidates: re.Pattern[str], paragraph: tuple[int, int, int]
) -> tuple[list[tuple[int, int]], bool]:
    """``_spans`` as it was: one paragraph's cuts, searching the paragraph alone."""
    start, end, visible_end = paragraph
    cuts: list[tuple[int, int]] = []
    last_break = start
    closing = False
    previous: re.Match[str] | None = None
    word_start = word_end = start
    rfind = blanked.rfind
    for match in candidates.finditer(text, start, end):
        candidate = match.start()
        space = rfind(" ", word_end, candidate)
        first = space + 1 if space > word_end else word_start
        if (
            previous is not None
            and word_end <= first
            and sentences._ends_sentence(text, word_start, previous)
        ):
            cuts.append((last_break, word_end + 1))
            next_start = previous.start(2)
            last_break = next_start if next_start >= 0 else word_end + 1
            closing = closing or sentences._may_realign(text, last_break)
        previous, word_start, word_end = match, first, candidate
    if previous is not None and sentences._ends_sentence(text, word_start, previous):
        cuts.append((last_break, word_end + 1))
        next_start = previous.start(2)
        last_break = next_start if next_start >= 0 else word_end + 1
        closing = closing or sentences._may_realign(text, last_break)
    if closing:
        cuts.append((last_break, visible_end))
        return sentences._realign(text, cuts), True
    if last_break < visible_end:
        cuts.append((last_break, visible_end))
    return cuts, False


def old_add_cuts(text: str, cuts: list[tuple[int, int]], found: list[Span]) -> None:
    """``_add_cuts`` as it was: cuts that need no realignment, joined into sentences."""
    start, last = cuts[0]
    piece = text[start:last]
    first = start + len(piece) - len(piece.lstrip())
    for index in range(1, len(cuts)):
        start, end = cuts[index]
        if sentences._starts_lower(text, start, end):
            last = end
        else:
            found.append(Span(first, last))
            first, last = start, end
    found.append(Span(first, last))


def old_split_sentences(text: str) -> list[Span]:
    """``split_sentences`` as it was: a search and two calls per paragraph."""
    found: list[Span] = []
    paragraphs = old_paragraphs(text)
    if paragraphs:
        blanked = sentences._blank_ascii_space(text)
        candidates = sentences._candidates(any_end="?" in text or "!" in text)
        for paragraph in paragraphs:
            spans, realigned = old_spans(text, blanked, candidates, paragraph)
            if realigned:
                sentences._add_sentences(text, spans, found)
            elif spans:
                old_add_cuts(text, spans, found)
    return found


def old_splitter(astral: bool, word_is_alnum: bool) -> re.Pattern[str]:
    """``_splitter`` as it was: ``\\w`` alone in the lookahead and the shortcut."""
    alnum = r"\w" if word_is_alnum else tokens._ALNUM
    marks = tokens._marks(astral)[1:-1]
    extends = (
        rf"[{marks}{tokens._APOSTROPHES}{tokens._HYPHENS}{tokens._ZERO_WIDTH_JOINERS}]"
        rf"|[.,]{alnum}"
    )
    plain = rf"{alnum}++(?!{extends})"
    return re.compile(rf"(?=[\w{tokens._APOSTROPHES}])({plain}|{tokens._token_regex(astral)})")


def assert_same_as_before(text: str) -> None:
    assert sentences._paragraphs(text) == old_paragraphs(text)
    assert sentences.split_sentences(text) == old_split_sentences(text)
    for astral in (False, True):
        for word_is_alnum in (False, True):
            if word_is_alnum and not tokens._word_is_alnum(text):
                continue
            new = tokens._splitter(astral, word_is_alnum).split(text)
            assert new == old_splitter(astral, word_is_alnum).split(text)


# --------------------------------------------------------------------------------------------
# Real, generated and hostile text


def test_bundled_corpus_is_split_as_before() -> None:
    corpus = load_corpus(CORPUS)
    assert corpus
    for article in corpus:
        assert_same_as_before(article.text)


def test_generated_articles_are_split_as_before() -> None:
    for record in generate_articles(150, seed=11):
        assert_same_as_before(record["text"])


# Paragraph structure: blank lines (with indentation and trailing spaces), single line breaks,
# and a candidate or a closing quote on a paragraph's last visible character, which the
# whole-text search sees past.
PARAGRAPH_PARTS = st.sampled_from(
    [
        *HAZARDS,
        "\n\n",
        "\n \n",
        " \n\n  ",
        "\t\n\n",
        ".\n\n",
        ".”\n\nHe",
        "?\n\n“",
        "said.\n\nThe",
        "Gen.\n\nSmith",
        "no.\n\n10",
        "U.S.\n\n",
        ". ”\n\n",
        "!\r\n\r\n",
        ".\u2029The",
    ]
)
paragraphed = st.lists(PARAGRAPH_PARTS, max_size=40).map("".join)
spaced_paragraphs = st.lists(PARAGRAPH_PARTS, max_size=40).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(paragraphed, spaced_paragraphs))
def test_hostile_paragraphs_are_split_as_before(source: str) -> None:
    assert_same_as_before(source)


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, TOKEN_PARTS))
def test_any_text_is_split_as_before(source: str) -> None:
    assert_same_as_before(source)
