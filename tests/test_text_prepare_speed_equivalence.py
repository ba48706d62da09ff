"""``prepare`` against the code it replaced: every field, the arrays included.

``framing.sentences.split_sentences`` now builds its spans without the dataclass's
``__init__`` and takes text with no sentence-end character (most titles) as one sentence per
paragraph without searching it; ``framing.text.prepare`` gives a text of one sentence its
sentence column without a search. None of this may change a span, a token, a norm, an id or a
sentence index, so the previous code is kept here as the oracle and compared with the new on
the bundled corpus, generated articles (bodies and titles) and hostile text.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

import numpy as np
import numpy.typing as npt
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import sentences, tokens
from framing import vocabulary as vocabularies
from framing.loading import load_corpus
from framing.model import PreparedText, Span
from framing.punkt_news import CLOSING_CHARS, news_tokenizer
from framing.synthetic import generate_articles
from framing.text import prepare, sentence_array
from framing.vocabulary import TokenArrays, Vocabulary
from tests.test_prepare_equivalence import HAZARDS, TOKEN_PARTS, any_text

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: split_sentences, token_id_columns and prepare as they were before.


def old_split_sentences(text: str) -> list[Span]:
    """``split_sentences`` as it was: ``Span(...)`` for each sentence, every text searched."""
    found: list[Span] = []
    paragraphs = sentences._paragraphs(text)
    if not paragraphs:
        return found
    rfind = sentences._blank_ascii_space(text).rfind
    matches = sentences._candidates(any_end="?" in text or "!" in text).finditer(text)
    match = next(matches, None)
    plain, verdict = sentences._plain_break, sentences._punkt_verdict
    append = found.append
    for start, end, visible_end in paragraphs:
        last_visible = visible_end - 1
        cuts: list[tuple[int, int]] = []
        add_cut = cuts.append
        last_break = word_start = word_end = start
        # The previous candidate, one character at word_end (its match ends at word_end + 1).
        previous: re.Match[str] | None = None
        # Whether a cut may start with a closing quote or bracket that _realign would move.
        closing = False
        while match is not None:
            candidate = match.start()
            if candidate >= end:
                break
            if candidate != last_visible:
                space = rfind(" ", word_end, candidate)
                word = space + 1 if space > word_end else word_start
                if (
                    previous is not None
                    and word_end <= word
                    and (
                        plain(text[word_start : word_end + 1])
                        or verdict(text[word_start : previous.end(1)])
                    )
                ):
                    add_cut((last_break, word_end + 1))
                    next_start = previous.start(2)
                    last_break = next_start if next_start >= 0 else word_end + 1
                    if not closing and text[last_break] in CLOSING_CHARS:
                        closing = sentences._may_realign(text, last_break)
                previous, word_start, word_end = match, word, candidate
            match = next(matches, None)
        if previous is not None and sentences._ends_sentence(text, word_start, previous):
            add_cut((last_break, word_end + 1))
            next_start = previous.start(2)
            last_break = next_start if next_start >= 0 else word_end + 1
            closing = closing or sentences._may_realign(text, last_break)
        if closing:
            add_cut((last_break, visible_end))
            sentences._add_sentences(text, sentences._realign(text, cuts), found)
            continue
        if last_break < visible_end:
            add_cut((last_break, visible_end))
        first, last = cuts[0]
        if text[first].isspace():
            piece = text[first:last]
            first += len(piece) - len(piece.lstrip())
        for index in range(1, len(cuts)):
            cut_start, cut_end = cuts[index]
            head = text[cut_start]
            if (
                head.islower()
                if head.isalnum()
                else sentences._starts_lower(text, cut_start, cut_end)
            ):
                last = cut_end
            else:
                append(Span(first, last))
                first, last = cut_start, cut_end
        append(Span(first, last))
    return found


def old_token_id_columns(
    text: str,
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], npt.NDArray[np.int64], Vocabulary]:
    """``token_id_columns`` as it is (filling the array straight from the vocabulary was
    tried and was slower on real text: ``tolist`` makes new ints where the list reuses the
    vocabulary's); kept so that ``old_prepare`` stays the whole oracle."""
    splitter = tokens._splitter(
        astral=tokens._has_astral(text), word_is_alnum=tokens._word_is_alnum(text)
    )
    pieces = splitter.split(text)
    offsets = tuple(accumulate(map(len, pieces)))
    words = pieces[1::2]
    vocabulary = tokens._VOCABULARY[0]
    if len(vocabulary) + len(words) > vocabularies.VOCABULARY_SIZE:
        vocabulary = tokens._VOCABULARY[0] = Vocabulary(tokens._norm)
    ids = list(map(vocabulary.__getitem__, words))
    if len(ids) > 1:
        norms: tuple[str, ...] = itemgetter(*ids)(vocabulary.norms)
    else:
        norms = tuple(vocabulary.norms[i] for i in ids)
    id_array = np.fromiter(ids, dtype=np.int64, count=len(ids))
    return offsets[0:-1:2], offsets[1::2], norms, id_array, vocabulary


def old_prepare(article_id: str, text: str) -> PreparedText:
    """``prepare`` as it was: every text's tokens searched for their sentence."""
    found = old_split_sentences(text)
    starts, ends, norms, ids, vocabulary = old_token_id_columns(text)
    of_token = sentence_array(found, starts)
    return PreparedText(
        article_id=article_id,
        sentences=tuple(found),
        token_starts=starts,
        token_ends=ends,
        token_norms=norms,
        token_sentence=tuple(of_token.tolist()),
        arrays=TokenArrays(of_token, ids, vocabulary),
    )


def assert_same_as_before(text: str) -> None:
    new = prepare("a", text)
    old = old_prepare("a", text)
    assert new == old
    assert all(type(span) is Span for span in new.sentences)
    assert new.arrays is not None and old.arrays is not None
    assert new.arrays.vocabulary is old.arrays.vocabulary
    for mine, theirs in (
        (new.arrays.ids, old.arrays.ids),
        (new.arrays.sentence, old.arrays.sentence),
    ):
        assert mine.dtype == theirs.dtype == np.int64
        assert mine.tolist() == theirs.tolist()


# --------------------------------------------------------------------------------------------
# Real, generated and hostile text


def test_sentence_ends_are_punkts() -> None:
    assert "".join(news_tokenizer()._lang_vars.sent_end_chars) == sentences._SENTENCE_ENDS


def test_spans_are_spans() -> None:
    span = sentences._span(3, 7)
    assert type(span) is Span and span == Span(3, 7) and hash(span) == hash(Span(3, 7))
    assert repr(span) == repr(Span(3, 7))


def test_bundled_corpus_is_prepared_as_before() -> None:
    corpus = load_corpus(CORPUS)
    assert corpus
    for article in corpus:
        assert_same_as_before(article.text)
        assert_same_as_before(article.title)


def test_generated_articles_are_prepared_as_before() -> None:
    for record in generate_articles(150, seed=12):
        assert_same_as_before(record["text"])
        assert_same_as_before(record["title"])


TITLE_PARTS = st.sampled_from(
    [*HAZARDS, "\n\n", " \n\n  ", "\t", "\u2029", "  ", "“Quote”", "(", "Word", "x", "’s"]
)
titles = st.lists(TITLE_PARTS, max_size=12).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(titles, st.lists(TITLE_PARTS, max_size=12).map("".join)))
def test_hostile_titles_are_prepared_as_before(source: str) -> None:
    assert_same_as_before(source)


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, TOKEN_PARTS))
def test_any_text_is_prepared_as_before(source: str) -> None:
    assert_same_as_before(source)
