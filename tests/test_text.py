"""Tests for text preparation: sentences, tokens, and the PreparedText that combines them."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import sentences, text, tokens
from framing.model import PreparedText, slice_text
from framing.punkt_news import load_abbreviations
from framing.text import normalize_token, prepare, split_sentences, tokenize

# --------------------------------------------------------------------------------------------
# Helpers


def sentence_texts(source: str) -> list[str]:
    return slice_text(source, split_sentences(source))


def token_pairs(source: str) -> list[tuple[str, str]]:
    """Return (text as written, norm) for each token."""
    starts, ends, norms = tokenize(source)
    return [(source[s:e], n) for s, e, n in zip(starts, ends, norms, strict=True)]


def assert_invariants(source: str) -> PreparedText:
    """Check everything prepare() promises for any text, and return its result."""
    prepared = prepare("p", source)
    n = len(source)

    previous_end = 0
    for span in prepared.sentences:
        assert previous_end <= span.start < span.end <= n
        piece = source[span.start : span.end]
        assert piece and piece == piece.strip()
        previous_end = span.end
    # Nothing but whitespace is left outside the sentences: no text is silently dropped.
    covered = [False] * n
    for span in prepared.sentences:
        covered[span.start : span.end] = [True] * (span.end - span.start)
    assert all(ok or char.isspace() for ok, char in zip(covered, source, strict=True))

    columns = (
        prepared.token_starts,
        prepared.token_ends,
        prepared.token_norms,
        prepared.token_sentence,
    )
    assert len({len(column) for column in columns}) == 1
    previous_end = 0
    for start, end, norm, index in zip(*columns, strict=True):
        assert previous_end <= start < end <= n
        written = source[start:end]
        assert written and norm
        assert not any(char.isspace() for char in written)
        assert norm == normalize_token(written)
        sentence = prepared.sentences[index]
        assert sentence.start <= start and end <= sentence.end
        previous_end = end

    assert prepare("p", source) == prepared  # deterministic
    return prepared


# --------------------------------------------------------------------------------------------
# Properties on arbitrary text

# Fragments that exercise the splitter's and tokenizer's special cases when glued together
# at random: abbreviations, quotes, dashes, line and paragraph breaks, invisible characters,
# combining marks, right-to-left scripts, emoji, currency and numbers.
HAZARDS = [
    "The", "he", "Russia", " ", "  ", "U.S.", "U.S", "Gen.", "No.", "no", "e.g.", "J.", "A.",
    ".", "?", "!", "...", "…", ",", ";", ":", "“", "”", "‘", "’", '"', "'", "'s", "’s", "ʼs",
    "(", ")", "«", "»", "—", "–", "-", "--", "‐", "\xad", "$", "2.5", "5,400", "10", "1990s",
    "\n", "\n\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\x00", "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\u0306", "\U000e0100",
    "Erdoğan", "Триумф", "हिन्दी", "שָׁלוֹם", "مرحبا", "\u202e", "中国", "😀", "👩‍👩‍👧", "𝐀𝐁",
    "_", "İ", "ß", "ǅ", "Ⅻ", "½", "٣",
]  # fmt: skip

any_unicode = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
news_like = st.lists(st.sampled_from(HAZARDS), max_size=60).map("".join)
mixed = st.lists(st.one_of(st.sampled_from(HAZARDS), any_unicode), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(any_unicode, news_like, mixed))
def test_invariants_hold_for_any_text(source: str) -> None:
    assert_invariants(source)


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_tokenization_is_deterministic_and_independent_of_neighbours(source: str) -> None:
    assert tokenize(source) == tokenize(source)
    # A paragraph break before the text shifts every token, but changes none of them.
    starts, ends, norms = tokenize(source)
    shifted_starts, shifted_ends, shifted_norms = tokenize("\n\n" + source)
    assert shifted_starts == [s + 2 for s in starts]
    assert shifted_ends == [e + 2 for e in ends]
    assert shifted_norms == norms


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_paragraphs_are_split_independently(source: str) -> None:
    first = sentence_texts(source)
    second = sentence_texts("Second paragraph. It is short.")
    assert sentence_texts(source + "\n\n" + "Second paragraph. It is short.") == first + second


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_unicode, news_like))
def test_fast_pattern_matches_like_the_full_one_on_bmp_text(source: str) -> None:
    bmp_only = "".join(char for char in source if ord(char) <= 0xFFFF)
    fast = [m.span() for m in tokens.token_pattern(astral=False).finditer(bmp_only)]
    full = [m.span() for m in tokens.token_pattern(astral=True).finditer(bmp_only)]
    assert fast == full


# --------------------------------------------------------------------------------------------
# Agreement with hand-split news text

# Original news-like sentences (written for this test, not taken from any outlet), one tuple
# per paragraph, carrying the hazards of real coverage: abbreviations and initialisms, "U.S."
# inside and at the end of a sentence, "no." and "No. 10", money and decimals, curly and
# straight quotes, a question or exclamation in a quote followed by "he asked", em and en
# dashes, ellipses, parentheses, and a headline without final punctuation.
#
# Agreement, measured when this was written: 53 of 53 sentences (100%) exactly as
# hand-split. For comparison on the same text: NLTK's Punkt with no parameters 30/53, Punkt
# with only our abbreviation list 41/53, and that list plus "no" 40/53. The cases this
# splitter still gets wrong are in KNOWN_LIMITATIONS below, not hidden here.
REFERENCE_PARAGRAPHS: tuple[tuple[str, ...], ...] = (
    ("Moscow Signs Second Missile Deal",),
    (
        "The U.S. Senate voted 61 to 38 on Tuesday to delay the sale.",
        "He met Gen. Smith on Jan. 5 in Washington.",
        "It cost $2.5 billion.",
        "Delivery is due in 2019.",
    ),
    (
        "“We will buy it,” he said.",
        "“Nobody can stop us.”",
        "Defence Secretary Ana Ruiz, however, has argued that the radar could expose allied jets.",
        "He said no.",
        "Russia then offered a discount.",
    ),
    (
        "The U.S. has warned Turkey.",
        "The contract was first offered to the U.S.",
        "The offer lapsed in March.",
        "Talks resumed at 9 a.m. on Monday in St. Petersburg.",
        "The plant is run by Almaz Defence Corp. and employs 5,400 people.",
    ),
    (
        "Ms. Aydın, a spokeswoman for the ministry, declined to comment.",
        "“Why should we wait?” asked Col. Demir.",
        "“Is this a threat?” he asked.",
        "“No.”",
    ),
    (
        "Ankara’s order—worth roughly $2.5 billion—was signed in 2017.",
        "The first battery arrived in July 2019; the second followed in September.",
        "Prices rose 4.5% in the third quarter, according to the U.N. agency.",
        "Officials in New Delhi called the deal “a sovereign decision.”",
        "Washington disagreed.",
    ),
    (
        "The delivery window is 2019–2020, officials said.",
        "The system can track targets at 600 km… or so its maker claims.",
        "Critics were unimpressed...",
        "The ministry did not respond.",
        "The deal was approved by Pres. Erdoğan’s office, not by parliament.",
    ),
    (
        "Sales to India, e.g. the five regiments ordered in 2018, are worth more.",
        "Lt. Gen. Arslan said the batteries would be operational by Oct. 2020.",
        "He spoke from No. 10 Downing Street.",
        "The company, Acme Systems Inc., denied the report.",
    ),
    (
        "“We’re not asking permission,” the minister said.",
        "“We’re informing our partners.”",
        "Was the price too high?",
        "Analysts are divided.",
        "“Enough!” shouted a protester outside the embassy.",
    ),
    (
        "Turkey’s defence minister, Mr. Kaya, called the criticism “unfair.”",
        "The U.K. and France stayed silent.",
        "Germany did not.",
        "Sales reached 1.2 million units vs. 900,000 a year earlier.",
        "The radar (made in Russia) was installed in Aug. 2019.",
    ),
    (
        "Sanctions are possible (the law allows them).",
        "Few expect them soon.",
        "He cited a 2016 report by Dr. Lena Ortiz.",
        "NATO’s secretary general said the alliance “will not be divided.”",
        "The S-400 can engage aircraft, drones, cruise missiles, etc.",
        "It cannot engage satellites.",
    ),
    (
        "J. A. Novak, an analyst at the institute, called it “a bargain.”",
        "Gov. Ruiz vs. Sen. Park is the race to watch.",
        "‘It is done,’ he said, adding: ‘There is no going back.’",
        "The strongest objection came from the U.S.",
    ),
)

REFERENCE_TEXT = "\n\n".join(" ".join(paragraph) for paragraph in REFERENCE_PARAGRAPHS)
REFERENCE_SENTENCES = [sentence for paragraph in REFERENCE_PARAGRAPHS for sentence in paragraph]


def test_reference_paragraphs_split_exactly_as_by_hand() -> None:
    got = sentence_texts(REFERENCE_TEXT)
    agreed = len(set(got) & set(REFERENCE_SENTENCES))
    assert len(REFERENCE_SENTENCES) >= 40
    assert got == REFERENCE_SENTENCES, f"agreement {agreed}/{len(REFERENCE_SENTENCES)}"


def test_reference_tokens_are_assigned_to_their_sentences() -> None:
    prepared = assert_invariants(REFERENCE_TEXT)
    ranges = prepared.sentence_token_ranges()
    for sentence, (first, last) in zip(REFERENCE_SENTENCES, ranges, strict=True):
        assert [prepared.token_norms[i] for i in range(first, last)] == tokenize(sentence)[2]


# --------------------------------------------------------------------------------------------
# Sentence cases


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("The U.S. Senate voted.", ["The U.S. Senate voted."], id="U.S.-inside"),
        pytest.param(
            "The U.S. has warned Turkey.", ["The U.S. has warned Turkey."], id="U.S.-verb"
        ),
        pytest.param("U.S. officials left.", ["U.S. officials left."], id="U.S.-first"),
        pytest.param(
            "It was sold to the U.S. The deal closed.",
            ["It was sold to the U.S.", "The deal closed."],
            id="U.S.-end-before-starter",
        ),
        pytest.param(
            "He met Gen. Smith on Jan. 5 in Washington.",
            ["He met Gen. Smith on Jan. 5 in Washington."],
            id="gen-jan",
        ),
        pytest.param(
            "It cost $2.5 billion. Delivery is due in 2019.",
            ["It cost $2.5 billion.", "Delivery is due in 2019."],
            id="money",
        ),
        pytest.param(
            "Defence Secretary Ana Ruiz, however, has argued that the radar is a risk.",
            ["Defence Secretary Ana Ruiz, however, has argued that the radar is a risk."],
            id="however",
        ),
        pytest.param(
            "He said no. Russia then left.", ["He said no.", "Russia then left."], id="no-end"
        ),
        pytest.param(
            'He said "no." Russia then left.',
            ['He said "no."', "Russia then left."],
            id="no-quoted",
        ),
        pytest.param(
            "He said “no.” Russia then left.",
            ["He said “no.”", "Russia then left."],
            id="no-curly",
        ),
        pytest.param(
            "He lives at No. 10 Downing Street.",
            ["He lives at No. 10 Downing Street."],
            id="No.-number",
        ),
        pytest.param("Acme Inc. The deal closed.", ["Acme Inc.", "The deal closed."], id="inc-end"),
        pytest.param(
            "Acme Inc. and Beta Corp. merged.", ["Acme Inc. and Beta Corp. merged."], id="inc-mid"
        ),
        pytest.param("J. A. Smith came.", ["J. A. Smith came."], id="spaced-initials"),
        pytest.param("J.A. Smith came.", ["J.A. Smith came."], id="initials"),
        pytest.param(
            "Talks ended at 5 p.m. on Friday.", ["Talks ended at 5 p.m. on Friday."], id="pm"
        ),
        pytest.param(
            "Gov. Ruiz vs. Sen. Park is close.", ["Gov. Ruiz vs. Sen. Park is close."], id="vs"
        ),
        pytest.param(
            "Buyers, e.g. the army, agreed.", ["Buyers, e.g. the army, agreed."], id="e.g."
        ),
        pytest.param("Lt. Gen. Arslan spoke.", ["Lt. Gen. Arslan spoke."], id="ranks"),
        pytest.param(
            "The U.S.S.R. collapsed in 1991.",
            ["The U.S.S.R. collapsed in 1991."],
            id="initialism-by-pattern",
        ),
        pytest.param("He earned a Ph.D. in physics.", ["He earned a Ph.D. in physics."], id="phd"),
        pytest.param(
            "The first India–U.S. “2+2” dialogue was postponed.",
            ["The first India–U.S. “2+2” dialogue was postponed."],
            id="initialism-after-en-dash",
        ),
        pytest.param(
            "Turkish/U.S. talks stalled.", ["Turkish/U.S. talks stalled."], id="after-slash"
        ),
        pytest.param(
            "Flights to St. Petersburg resumed.",
            ["Flights to St. Petersburg resumed."],
            id="saint",
        ),
    ],
)
def test_abbreviations(source: str, expected: list[str]) -> None:
    assert sentence_texts(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "“We will buy it,” he said. “Nobody can stop us.”",
            ["“We will buy it,” he said.", "“Nobody can stop us.”"],
            id="double-curly",
        ),
        pytest.param(
            '"We will buy it," he said. "Nobody can stop us."',
            ['"We will buy it," he said.', '"Nobody can stop us."'],
            id="double-straight",
        ),
        pytest.param("‘It is over.’ She left.", ["‘It is over.’", "She left."], id="single-curly"),
        pytest.param(
            "He asked, ‘Why?’ Nobody knew.",
            ["He asked, ‘Why?’", "Nobody knew."],
            id="question-in-single-curly",
        ),
        pytest.param("“Why?” he asked.", ["“Why?” he asked."], id="question-then-lower"),
        pytest.param(
            "“Enough!” shouted a protester.",
            ["“Enough!” shouted a protester."],
            id="exclamation-then-lower",
        ),
        pytest.param(
            "He said « c'est fini. » Then left.",
            ["He said « c'est fini. »", "Then left."],
            id="guillemets",
        ),
        pytest.param(
            "Officials called it “a sovereign decision.” Washington disagreed.",
            ["Officials called it “a sovereign decision.”", "Washington disagreed."],
            id="quote-ends-sentence",
        ),
        pytest.param(
            "It rose 5%. (Details below.) Then it fell.",
            ["It rose 5%.", "(Details below.)", "Then it fell."],
            id="parentheses",
        ),
    ],
)
def test_quotes(source: str, expected: list[str]) -> None:
    assert sentence_texts(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "Ankara’s order—worth $2.5 billion—was signed.",
            ["Ankara’s order—worth $2.5 billion—was signed."],
            id="em-dash",
        ),
        pytest.param(
            "The window is 2019–2020, officials said.",
            ["The window is 2019–2020, officials said."],
            id="en-dash",
        ),
        pytest.param(
            "He hesitated -- then signed.", ["He hesitated -- then signed."], id="double-hyphen"
        ),
        pytest.param(
            "It ended. — Reuters said so.",
            ["It ended.", "— Reuters said so."],
            id="dash-after-period",
        ),
        pytest.param(
            "Critics were unimpressed... The ministry did not respond.",
            ["Critics were unimpressed...", "The ministry did not respond."],
            id="ellipsis-before-starter",
        ),
        pytest.param(
            "He paused... then signed.", ["He paused... then signed."], id="ellipsis-lower"
        ),
        pytest.param(
            "We will … defend our skies.", ["We will … defend our skies."], id="ellipsis-char"
        ),
    ],
)
def test_dashes_and_ellipses(source: str, expected: list[str]) -> None:
    assert sentence_texts(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "Moscow Signs Deal\n\nRussia signed a deal. It is big.",
            ["Moscow Signs Deal", "Russia signed a deal.", "It is big."],
            id="headline",
        ),
        pytest.param(
            "Moscow Signs Deal\r\n\r\nRussia signed a deal.\r\n",
            ["Moscow Signs Deal", "Russia signed a deal."],
            id="crlf",
        ),
        pytest.param("Para one\n \t\nPara two", ["Para one", "Para two"], id="blank-with-spaces"),
        pytest.param("Para one\u2029Para two", ["Para one", "Para two"], id="paragraph-separator"),
        pytest.param(
            "Sold to the U.S.\n\nThe deal closed.",
            ["Sold to the U.S.", "The deal closed."],
            id="abbreviation-at-paragraph-end",
        ),
        pytest.param(
            "Russia signed\na deal with Turkey.",
            ["Russia signed\na deal with Turkey."],
            id="single-newline-is-soft",
        ),
        pytest.param(
            "  \n\n  Leading and trailing space.  \n\n  ",
            ["Leading and trailing space."],
            id="stripped",
        ),
    ],
)
def test_paragraphs(source: str, expected: list[str]) -> None:
    assert sentence_texts(source) == expected


# Cases this splitter gets wrong, pinned so a change in behaviour is noticed and this list
# can shrink. Each is ambiguous without more than the next word, or rare in news text.
KNOWN_LIMITATIONS = [
    pytest.param(
        # After an abbreviation, only a listed sentence starter ("The", "He", ...) ends the
        # sentence; a name does not, because "the U.S. Senate" looks just the same.
        "The deal angered the U.S. Russia shrugged.",
        ["The deal angered the U.S. Russia shrugged."],
        id="U.S.-end-before-name",
    ),
    pytest.param(
        # Punkt looks only at the token after the period, which here is the quote.
        "It was sold to the U.S.” The buyer paid.",
        ["It was sold to the U.S.” The buyer paid."],
        id="U.S.-end-inside-quote",
    ),
    pytest.param(
        # A question in quotes followed by a capitalised speaker is split.
        "“Why not?” Erdoğan asked.",
        ["“Why not?”", "Erdoğan asked."],
        id="question-then-name",
    ),
    pytest.param(
        # "No." before a number is taken for "number".
        "He said no. 10 people came.",
        ["He said no. 10 people came."],
        id="no-before-number",
    ),
    pytest.param(
        # A headline followed by a single newline: single newlines are soft, so that
        # hard-wrapped text keeps its sentences whole.
        "Moscow Signs Deal\nRussia signed a deal.",
        ["Moscow Signs Deal\nRussia signed a deal."],
        id="headline-single-newline",
    ),
    pytest.param(
        # "…" (U+2026) never ends a sentence: in news it mostly marks an omission in a quote.
        "He paused … Then he left.",
        ["He paused … Then he left."],
        id="ellipsis-char-before-starter",
    ),
]


@pytest.mark.parametrize(("source", "current"), KNOWN_LIMITATIONS)
def test_known_limitations_are_pinned(source: str, current: list[str]) -> None:
    assert sentence_texts(source) == current


@pytest.mark.parametrize("source", ["", " ", "\n\n", " \t\r\n\u2029\u3000\x0c "])
def test_empty_and_whitespace_text_has_no_sentences_or_tokens(source: str) -> None:
    assert split_sentences(source) == []
    assert tokenize(source) == ([], [], [])
    prepared = prepare("empty", source)
    assert (prepared.n_sentences, prepared.n_tokens) == (0, 0)
    assert prepared.sentence_token_ranges() == []


def test_punctuation_only_text_is_a_sentence_without_tokens() -> None:
    prepared = assert_invariants("!!! ... —")
    assert prepared.n_tokens == 0
    assert prepared.n_sentences >= 1


# --------------------------------------------------------------------------------------------
# Token cases


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("Erdoğan", [("Erdoğan", "erdoğan")], id="turkish"),
        pytest.param("Çavuşoğlu", [("Çavuşoğlu", "çavuşoğlu")], id="turkish-cedilla"),
        pytest.param("Türkiye", [("Türkiye", "türkiye")], id="umlaut"),
        pytest.param("Триумф", [("Триумф", "триумф")], id="cyrillic"),
        pytest.param("हिन्दी भारत", [("हिन्दी", "हिन्दी"), ("भारत", "भारत")], id="devanagari"),
        pytest.param("مرحبا بالعالم", [("مرحبا", "مرحبا"), ("بالعالم", "بالعالم")], id="arabic"),
        pytest.param("שָׁלוֹם", [("שָׁלוֹם", "שָׁלוֹם")], id="hebrew-points"),
        pytest.param("Erdog\u0306an", [("Erdog\u0306an", "erdoğan")], id="decomposed-to-nfc"),
        pytest.param("中国", [("中国", "中国")], id="cjk"),
        pytest.param("Nice 👍 deal", [("Nice", "nice"), ("deal", "deal")], id="emoji"),
        pytest.param("foo_bar", [("foo", "foo"), ("bar", "bar")], id="underscore"),
        pytest.param("x\U000e0100y", [("x\U000e0100y", "x\U000e0100y")], id="astral-mark"),
    ],
)
def test_tokens_in_any_script(source: str, expected: list[tuple[str, str]]) -> None:
    assert token_pairs(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("Turkey’s", [("Turkey", "turkey"), ("’s", "'s")], id="curly"),
        pytest.param("Turkey's", [("Turkey", "turkey"), ("'s", "'s")], id="straight"),
        pytest.param("Turkeyʼs", [("Turkey", "turkey"), ("ʼs", "'s")], id="modifier-letter"),
        pytest.param("TURKEY'S", [("TURKEY", "turkey"), ("'S", "'s")], id="upper"),
        pytest.param(
            "the U.S.’s view",
            [("the", "the"), ("U.S.", "u.s."), ("’s", "'s"), ("view", "view")],
            id="initialism",
        ),
        pytest.param("it's", [("it", "it"), ("'s", "'s")], id="its-contraction"),
        pytest.param(
            "students’ union", [("students", "students"), ("union", "union")], id="plural"
        ),
        pytest.param("the 's' key", [("the", "the"), ("s", "s"), ("key", "key")], id="quoted-s"),
        pytest.param("don't", [("don't", "don't")], id="contraction"),
        pytest.param("don’t", [("don’t", "don't")], id="curly-contraction"),
        pytest.param("O’Brien", [("O’Brien", "o'brien")], id="name"),
    ],
)
def test_possessives_and_apostrophes(source: str, expected: list[tuple[str, str]]) -> None:
    assert token_pairs(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("S-400", [("S-400", "s-400")], id="model"),
        pytest.param("air-defence", [("air-defence", "air-defence")], id="compound"),
        pytest.param("pro-government", [("pro-government", "pro-government")], id="prefix"),
        pytest.param(
            "air\u2010defence", [("air\u2010defence", "air-defence")], id="unicode-hyphen"
        ),
        pytest.param("de\xadfence", [("de\xadfence", "defence")], id="soft-hyphen"),
        pytest.param(
            "pro- and anti-war",
            [("pro", "pro"), ("and", "and"), ("anti-war", "anti-war")],
            id="dangling-hyphen",
        ),
        pytest.param("2.5", [("2.5", "2.5")], id="decimal"),
        pytest.param("$2.5 billion", [("2.5", "2.5"), ("billion", "billion")], id="currency"),
        pytest.param("€5,400", [("5,400", "5,400")], id="thousands"),
        pytest.param("1,234.56", [("1,234.56", "1,234.56")], id="both"),
        pytest.param("2.5bn", [("2.5bn", "2.5bn")], id="unit"),
        pytest.param("1990s", [("1990s", "1990s")], id="decade"),
        pytest.param("2018–2019", [("2018", "2018"), ("2019", "2019")], id="en-dash-range"),
        pytest.param("in 2019.", [("in", "in"), ("2019", "2019")], id="final-period"),
        pytest.param("-5", [("5", "5")], id="sign"),
        pytest.param("U.S.", [("U.S.", "u.s.")], id="initialism"),
        pytest.param("e.g.", [("e.g.", "e.g.")], id="latin"),
        pytest.param("U.K.-based", [("U.K.", "u.k."), ("based", "based")], id="initialism-hyphen"),
        pytest.param("Gen. Smith", [("Gen", "gen"), ("Smith", "smith")], id="abbreviation"),
        pytest.param("The end.", [("The", "the"), ("end", "end")], id="sentence-end"),
    ],
)
def test_hyphens_numbers_and_periods(source: str, expected: list[tuple[str, str]]) -> None:
    assert token_pairs(source) == expected


def test_prepare_assigns_tokens_to_sentences() -> None:
    source = "The U.S. has warned Turkey’s government.\n\nAnkara bought it anyway. Why?"
    prepared = assert_invariants(source)
    assert prepared.article_id == "p"
    assert prepared.token_norms[:6] == ("the", "u.s.", "has", "warned", "turkey", "'s")
    assert prepared.token_sentence == (0,) * 7 + (1,) * 4 + (2,)
    assert prepared.sentence_token_ranges() == [(0, 7), (7, 11), (11, 12)]


# --------------------------------------------------------------------------------------------
# Scale, offline use, data file, documentation


def test_one_megabyte_of_text_completes() -> None:
    news = (REFERENCE_TEXT + "\n\n") * (1_000_000 // len(REFERENCE_TEXT) + 1)
    prepared = prepare("big", news)
    copies = news.count("Moscow Signs Second Missile Deal")
    assert prepared.n_sentences == copies * len(REFERENCE_SENTENCES)
    assert prepared.token_sentence[-1] == prepared.n_sentences - 1


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("“Why?” ", id="many-sentences-one-paragraph"),
        pytest.param("a.", id="no-whitespace"),
        pytest.param(".", id="only-periods"),
        pytest.param("U.S. ", id="only-abbreviations"),
    ],
)
def test_one_megabyte_of_adversarial_text_completes(unit: str) -> None:
    source = unit * (1_000_000 // len(unit))
    prepared = prepare("big", source)
    assert prepared.n_sentences >= 1
    assert all(
        a.end <= b.start for a, b in zip(prepared.sentences, prepared.sentences[1:], strict=False)
    )


def test_works_without_nltk_data(tmp_path: Path) -> None:
    """A machine with no nltk_data at all can prepare text (nothing is downloaded or loaded)."""
    script = textwrap.dedent(
        """
        import nltk
        import nltk.data

        nltk.data.path[:] = [EMPTY]

        def refuse(*args, **kwargs):
            raise AssertionError("framing tried to download NLTK data")

        nltk.download = refuse

        try:
            nltk.sent_tokenize("One. Two.")
        except LookupError:
            pass
        else:
            raise AssertionError("this environment is not free of nltk_data")

        from framing.text import prepare

        prepared = prepare("a", "The U.S. Senate voted. He met Gen. Smith on Jan. 5.")
        assert prepared.n_sentences == 2, prepared
        assert prepared.token_norms[1] == "u.s.", prepared
        print("ok")
        """
    ).replace("EMPTY", repr(str(tmp_path)))
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_abbreviation_file_is_in_punkt_form() -> None:
    abbreviations = load_abbreviations()
    assert len(abbreviations) > 50
    for entry in abbreviations:
        assert entry == entry.lower() and entry == entry.strip(), entry
        assert not entry.endswith(".") and " " not in entry, entry
    # DESIGN.md: an abbreviation list holding "no" merged `"no." Russia ...` into one
    # sentence; these are ordinary words that end sentences.
    for word in ("no", "mass", "wash", "ill", "miss", "ore", "may", "court", "alone"):
        assert word not in abbreviations
    for word in ("u.s", "gen", "jan", "mr", "inc", "e.g", "st", "vs"):
        assert word in abbreviations


def test_abbreviation_file_explains_itself() -> None:
    raw = (Path(sentences.__file__).parent / "data" / "abbreviations.txt").read_text("utf-8")
    header = raw.splitlines()[:3]
    assert all(line.startswith("#") for line in header)
    assert "Punkt" in raw and "offline" in raw


@pytest.mark.parametrize("module", [text, sentences, tokens])
def test_docstring_examples_run(module: ModuleType) -> None:
    failures, attempted = doctest.testmod(module, verbose=False)
    assert attempted > 0
    assert failures == 0
