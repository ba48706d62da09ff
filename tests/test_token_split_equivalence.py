"""The token split and offsets against the code they replaced.

``framing.tokens.split_pieces`` splits text whose letters and digits are all ASCII (and which
has no combining mark) with a pattern of ASCII classes, and ``token_id_columns`` sums the
offsets with NumPy and returns them as arrays too, which ``prepare`` keeps instead of filling
two arrays from the tuples again. None of this may change a token, an offset, a norm, an id or
a sentence index, so the previous code is kept here as the oracle and compared with the new on
the bundled corpus, generated articles and hostile text (non-ASCII letters, marks, "ʼ", "_",
characters beyond U+FFFF, lone surrogates).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import tokens
from framing.loading import load_corpus
from framing.model import PreparedText
from framing.sentences import split_sentences
from framing.synthetic import generate_articles
from framing.text import _sentence_of, prepare
from framing.vocabulary import TokenArrays
from tests.test_prepare_equivalence import HAZARDS, TOKEN_PARTS, any_text

# token_id_columns as it was (offsets summed in Python, tuples only; the full splitter for
# every text, as old_split below): the earlier oracle already keeps it.
from tests.test_text_prepare_speed_equivalence import old_token_id_columns

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# --------------------------------------------------------------------------------------------
# The oracle: the split, token_id_columns and prepare as they were before.


def old_split(text: str) -> list[str]:
    """The split as it was: the full splitter for every text."""
    splitter = tokens._splitter(
        astral=tokens._has_astral(text), word_is_alnum=tokens._word_is_alnum(text)
    )
    return splitter.split(text)


def old_prepare(article_id: str, text: str) -> PreparedText:
    """``prepare`` as it was: the offset arrays filled from the tuples."""
    sentences = split_sentences(text)
    starts, ends, norms, ids, vocabulary = old_token_id_columns(text)
    n_tokens = len(starts)
    start_array = np.fromiter(starts, np.int64, n_tokens)
    end_array = np.fromiter(ends, np.int64, n_tokens)
    if len(sentences) > 1:
        of_token = _sentence_of(sentences, start_array)
        token_sentence = tuple(of_token.tolist())
    else:
        of_token = np.zeros(len(starts), np.int64)
        token_sentence = (0,) * len(starts)
    return PreparedText(
        article_id=article_id,
        sentences=tuple(sentences),
        token_starts=starts,
        token_ends=ends,
        token_norms=norms,
        token_sentence=token_sentence,
        arrays=TokenArrays(of_token, ids, vocabulary, start_array, end_array),
    )


def assert_same_as_before(text: str) -> None:
    assert tokens.split_pieces(text) == old_split(text)
    assert tokens.token_columns(text) == tuple(map(tuple, tokens.tokenize(text)))
    new = prepare("a", text)
    old = old_prepare("a", text)
    assert new == old
    assert all(type(column) is tuple for column in (new.token_starts, new.token_ends))
    assert all(type(offset) is int for offset in (*new.token_starts, *new.token_ends))
    assert new.arrays is not None and old.arrays is not None
    assert new.arrays.vocabulary is old.arrays.vocabulary
    for mine, theirs in (
        (new.arrays.ids, old.arrays.ids),
        (new.arrays.sentence, old.arrays.sentence),
        (new.arrays.starts, old.arrays.starts),
        (new.arrays.ends, old.arrays.ends),
    ):
        assert mine is not None and theirs is not None
        assert mine.dtype == theirs.dtype == np.int64
        assert mine.shape == theirs.shape and mine.flags.c_contiguous
        assert mine.tolist() == theirs.tolist()


# --------------------------------------------------------------------------------------------
# Real, generated and hostile text


def test_bundled_corpus_is_split_as_before() -> None:
    corpus = load_corpus(CORPUS)
    assert corpus
    for article in corpus:
        assert_same_as_before(article.text)
        assert_same_as_before(article.title)


def test_generated_articles_are_split_as_before() -> None:
    for record in generate_articles(150, seed=31):
        assert_same_as_before(record["text"])
        assert_same_as_before(record["title"])


def test_texts_that_need_the_full_splitter_are_split_as_before() -> None:
    for text in [
        "",
        " ",
        "plain ascii, 2.5 and U.S. don't",
        "“Quoted” — dashes – and ‘single’ quotes, Turkey’s S‐400",
        "Erdoğan said", "café", "cafe\u0301 and e\u0301.g.", "x\u0301's", "naïve’s",
        "İstanbul", "ß", "٣ and 3", "Ⅻ ½", "ǅ", "ΟΔΟΣ Σ.", "हिन्दी", "Oʼ Brien", "rockʼs",
        "snake_case words", "a_b ʼ", "𝐀bc", "a😀b", "x\U000e0100y", "a\u200cb a\u200db",
        "lone \ud800 surrogate", "pair \ud83d\ude00 of lone ones", "\udfff", "a\ud800b's",
        "\xa0non-breaking\xa0space\xa0", "soft\xadhyphen",
    ]:  # fmt: skip
        assert_same_as_before(text)


def test_the_ascii_test_reads_every_non_ascii_character() -> None:
    # One letter beyond ASCII anywhere, even last or among other non-ASCII characters, takes
    # the full splitter; quotes and dashes alone do not.
    for text in ("“a” — b é", "é “a”", "“a”é", "a\u0301", "”\u0301", "a𝐀"):
        assert tokens._not_ascii_word().search(text.encode().decode()) is not None
        assert_same_as_before(text)
    assert tokens._not_ascii_word().search("“”‘’–—…\xa0ʼ\u200c\u200d\xad😀") is None


glued = st.lists(st.sampled_from(HAZARDS), max_size=40).map("".join)
spaced = st.lists(st.sampled_from(HAZARDS), max_size=40).map(" ".join)
with_surrogates = st.text(st.characters(), max_size=80)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(glued, spaced, TOKEN_PARTS))
def test_hostile_news_text_is_split_as_before(source: str) -> None:
    assert_same_as_before(source)


@settings(max_examples=500, deadline=None)
@given(st.one_of(any_text, with_surrogates))
def test_any_text_is_split_as_before(source: str) -> None:
    assert_same_as_before(source)
