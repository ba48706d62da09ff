"""The fast sentence splitter and tokenizer against the plain Punkt and ``finditer`` versions.

``framing.sentences`` reproduces ``PunktSentenceTokenizer.span_tokenize`` with cheaper
bookkeeping, a shortcut for plain candidates and a cache; ``framing.tokens`` finds tokens with
``re.split``. Neither may change a single span or token, so the original code is kept here as
the oracle and both are compared with it on the bundled corpus, on generated articles and on
hostile text.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import punkt_news, sentences, tokens
from framing.loading import load_corpus
from framing.model import Span
from framing.synthetic import generate_articles
from framing.text import assign_sentences, prepare, tokenize

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: the code as it was before the fast path, calling Punkt itself.


_BREAK = "\\n\\r\\x0b\\x0c\\x1c-\\x1e\\x85\\u2028\\u2029"
_PARAGRAPH_BREAK = re.compile(rf"(?:\r\n|[{_BREAK}])(?:[^\S{_BREAK}]*(?:\r\n|[{_BREAK}]))+|\u2029")


def oracle_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph with something visible, as before."""
    found: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if start < match.start() and not text[start : match.start()].isspace():
            found.append((start, match.start()))
        start = match.end()
    if start < len(text) and not text[start:].isspace():
        found.append((start, len(text)))
    return found


_FIRST_WORD_CHAR = re.compile(r"[^\w\s]*(\w)")


def oracle_starts_lower(sentence: str) -> bool:
    """Return whether a sentence's first word starts in lower case, as before."""
    match = _FIRST_WORD_CHAR.match(sentence)
    return match is not None and match.group(1).islower()


def oracle_sentences(text: str) -> list[Span]:
    """Split ``text`` as ``split_sentences`` did with ``span_tokenize`` on each paragraph."""
    result: list[Span] = []
    for start, end in oracle_paragraphs(text):
        paragraph = text[start:end]
        spans: list[Span] = []
        previous_end = 0
        for raw_start, raw_end in punkt_news.news_tokenizer().span_tokenize(paragraph):
            raw_start = max(raw_start, previous_end)
            piece = paragraph[raw_start:raw_end]
            stripped = piece.strip()
            if not stripped:
                continue
            s = raw_start + len(piece) - len(piece.lstrip())
            e = s + len(stripped)
            previous_end = e
            if spans and oracle_starts_lower(stripped):
                spans[-1] = Span(spans[-1].start, start + e)
            else:
                spans.append(Span(start + s, start + e))
        result.extend(spans)
    return result


_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def oracle_norm(token: str) -> str:
    """Normalise one token as ``normalize_token`` did before it was cached."""
    norm = token.lower()
    if norm.isascii():
        return norm
    return unicodedata.normalize("NFC", norm.translate(tokens._NORM_TABLE))


def oracle_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Tokenize ``text`` as ``tokenize`` did, with one match object per token."""
    pattern = tokens.token_pattern(astral=_ASTRAL.search(text) is not None)
    matches = list(pattern.finditer(text))
    return (
        [match.start() for match in matches],
        [match.end() for match in matches],
        [oracle_norm(match.group()) for match in matches],
    )


def oracle_assign_sentences(sentences: Sequence[Span], token_starts: Sequence[int]) -> list[int]:
    """Assign tokens to sentences as ``text.assign_sentences`` did, with ``searchsorted``."""
    if not token_starts:
        return []
    sentence_starts = np.fromiter((span.start for span in sentences), dtype=np.int64)
    positions = np.searchsorted(sentence_starts, np.asarray(token_starts, dtype=np.int64), "right")
    indices: list[int] = np.maximum(positions - 1, 0).tolist()
    return indices


def assert_same_as_oracle(text: str) -> None:
    """Check sentences, tokens and each step of the splitter against the oracle."""
    prepared = prepare("x", text)
    assert list(prepared.sentences) == oracle_sentences(text)
    starts, ends, norms = oracle_tokens(text)
    assert prepared.token_starts == tuple(starts)
    assert prepared.token_ends == tuple(ends)
    assert prepared.token_norms == tuple(norms)
    assert prepared.token_sentence == tuple(oracle_assign_sentences(prepared.sentences, starts))
    punkt = punkt_news.news_tokenizer()
    paragraphs = sentences._paragraphs(text)
    assert [(start, end) for start, end, _ in paragraphs] == oracle_paragraphs(text)
    blanked = sentences._blank_ascii_space(text)
    assert blanked == text.translate(str.maketrans(dict.fromkeys(string.whitespace, " ")))
    for start, end, visible_end in paragraphs:
        text_of_paragraph = text[start:end]
        assert visible_end == start + len(text_of_paragraph.rstrip())
        for match, context in punkt._match_potential_end_contexts(text_of_paragraph):
            verdict = punkt.text_contains_sentbreak(context)
            assert sentences._punkt_verdict(context) == verdict, context
            assert not sentences._plain_break(_word_of(match, context)) or verdict, context


# --------------------------------------------------------------------------------------------
# Real and generated articles


def test_bundled_corpus_is_prepared_exactly_as_before() -> None:
    corpus = load_corpus(CORPUS)
    assert corpus
    for article in corpus:
        assert_same_as_oracle(article.text)


def test_generated_articles_are_prepared_exactly_as_before() -> None:
    for record in generate_articles(150, seed=7):
        assert_same_as_oracle(record["text"])


def _word_of(match: re.Match[str], context: str) -> str:
    """Return the word before a Punkt candidate and the candidate: its context without what
    follows (``after_tok``)."""
    return context[: len(context) - len(match.group("after_tok"))]


def test_plain_candidates_are_most_of_news_text() -> None:
    """The shortcut must carry its weight: most candidates in the corpus are plain."""
    punkt = punkt_news.news_tokenizer()
    words = [
        _word_of(match, context)
        for article in load_corpus(CORPUS)
        for start, end, _ in sentences._paragraphs(article.text)
        for match, context in punkt._match_potential_end_contexts(article.text[start:end])
    ]
    plain = sum(map(sentences._plain_break, words))
    assert plain >= 0.6 * len(words)


# --------------------------------------------------------------------------------------------
# Hostile text: every rule Punkt applies around a candidate, glued together at random

HAZARDS = [
    "The", "the", "he", "It", "Russia", "said", "no", "No", "no.", "No.", "10", "2.5", "5,400",
    "2019.", "5.", "-3.", ".5", "U.S.", "U.S", "u.s.", "U.S.S.R.", "J.", "A.", "J. A.", "e.g.",
    "i.e.", "Gen.", "Dr.", "Mr.", "Jan.", "St.", "Inc.", "etc.", "vs.", "pro-U.S.", "India–U.S.",
    "a", "I", "ab", "Ab", "aB", "ΟΔΟΣ", "Σ.", "İ", "Erdoğan", "ß", "_", "٣",
    ".", "..", "...", "…", ". . .", "?", "!", "?!", "!!", "!!!", ",", ";", ":", "-", "--", "—",
    "–", "/", "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "(", ")", "[", "]", "{", "}",
    "`", "*", "@", "&", "#", "'s", "’s",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x85", "\xa0", "\u2028",
    "\u2029", "\u200b", "\u0301",
]  # fmt: skip

WORDS = st.sampled_from(HAZARDS)
glued = st.lists(WORDS, max_size=40).map("".join)
spaced = st.lists(WORDS, max_size=40).map(" ".join)
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(glued, spaced))
def test_hostile_news_text_is_prepared_exactly_as_before(source: str) -> None:
    assert_same_as_oracle(source)


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, st.lists(st.one_of(WORDS, any_text), max_size=8).map("".join)))
def test_any_text_is_prepared_exactly_as_before(source: str) -> None:
    assert_same_as_oracle(source)


@pytest.mark.parametrize(
    ("word", "after", "plain"),
    [
        ("said.", " The", True),
        ("said.", "”", True),
        ("war.", ")", True),
        ("“Why?", "”", True),
        ("“Why?", " He", True),
        ("(war.", " It", True),
        ("Erdoğan.", " He", True),
        ("ΟΔΟΣ.", " Το", True),
        ("İstanbul.", " The", True),
        ("word.?", " x", False),
        ("word.", "?", True),
        ("word.", " .", True),
        ("word.", "\n\nNext", True),
        ("said.", "\u2028The", True),
        ("no.", " 10", False),
        ("No.", " 10", False),
        ("no.", " Russia", False),
        ("Gen.", " Smith", False),
        ("Jan.", " 5", False),
        ("J.", " Smith", False),
        ("A.", " He", False),
        ("U.S.", " The", False),
        ("2019.", " The", False),
        (" word.", " The", False),
        ("said.\xa0Then.", " It", False),
        ("'gen.", " Smith", False),
        ("acting!!", " I", False),
    ],
)
def test_shortcut_agrees_with_punkt(word: str, after: str, plain: bool) -> None:
    verdict = punkt_news.news_tokenizer().text_contains_sentbreak(word + after)
    assert sentences._plain_break(word) == plain
    assert not plain or verdict
    assert sentences._punkt_verdict(word + after) == verdict


def test_split_pattern_has_no_group_of_its_own() -> None:
    """``tokenize`` relies on ``re.split`` returning only gaps and whole tokens."""
    for astral in (False, True):
        assert tokens.token_pattern(astral).groups == 0
        assert re.compile(tokens._splitter(astral).pattern).groups == 1


# --------------------------------------------------------------------------------------------
# Each fast step alone, on inputs made for it

LINE_BREAKS = st.text(
    st.sampled_from(list("\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029 \t\xa0a."))
)


@settings(max_examples=1500, deadline=None)
@given(LINE_BREAKS)
def test_paragraph_breaks_are_found_as_before(source: str) -> None:
    """The break pattern, rewritten to start with a character class, finds the same runs."""
    old = [match.span() for match in _PARAGRAPH_BREAK.finditer(source)]
    assert [match.span() for match in sentences._PARAGRAPH_BREAK.finditer(source)] == old
    if not any(char in source for char in sentences._OTHER_LINE_BREAKS):
        assert [match.span() for match in sentences._BLANK_LINE.finditer(source)] == old


# Letters, digits, combining marks and every character the token pattern treats specially, so
# that the plain-word shortcut meets each way a run of letters can continue.
TOKEN_PARTS = st.text(
    st.sampled_from(
        [
            *"aAsSzZ09٣_ .,;'’‘ʼ-‐‑\xad\u200c\u200d\u0301\u093f–—\"“”()$İßǅⅫ½",
            "😀",
            "𝐀",
            "\U000e0100",
        ]
    ),
    max_size=60,
)


@settings(max_examples=2000, deadline=None)
@given(TOKEN_PARTS)
def test_plain_word_shortcut_splits_as_the_full_pattern(source: str) -> None:
    """Where the shortcut takes a run of letters and digits, the full pattern takes the same."""
    for astral in (False, True):
        full = re.compile(f"({tokens.token_pattern(astral).pattern})")
        assert tokens._splitter(astral).split(source) == full.split(source)
        if tokens._word_is_alnum(source):
            assert tokens._splitter(astral, word_is_alnum=True).split(source) == full.split(source)
    assert tokens.tokenize(source) == oracle_tokens(source)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.integers(0, 60), max_size=12, unique=True).map(sorted),
    st.lists(st.integers(0, 80), max_size=40, unique=True).map(sorted),
)
def test_tokens_are_assigned_to_sentences_as_before(
    starts: list[int], tokens_at: list[int]
) -> None:
    spans = [Span(start, start + 1) for start in starts]
    assert assign_sentences(spans, tokens_at) == oracle_assign_sentences(spans, tokens_at)


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(["a", "é", "\u2019", "\uffff", "\ud800", "\udfff", "😀", "\U0010ffff"]))
)
def test_astral_text_is_recognised_as_before(source: str) -> None:
    """Lone surrogates (JSON can carry them) count as one UTF-16 unit, as any BMP character."""
    assert tokens._has_astral(source) == (_ASTRAL.search(source) is not None)


def test_norm_cache_empties_when_full_and_norms_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tokens, "NORM_CACHE_SIZE", 3)
    monkeypatch.setattr(tokens, "_NORMS", tokens._NormCache())
    words = ["Turkey", "S-400", "Erdoğan", "O\u2019Brien", "Turkey", "e\u0301", "U.S."]
    assert [tokens.normalize_token(word) for word in words] == list(map(oracle_norm, words))
    assert len(tokens._NORMS) <= 3
    assert tokenize("Turkey’s Erdoğan") == oracle_tokens("Turkey’s Erdoğan")
