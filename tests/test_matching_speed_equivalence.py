"""Matching a few tokens in Python gives exactly the hits of the sparse tables.

Why: ``CompiledLexicons.match`` (and so ``LexiconMatcher.match``, which ``framing.validate``
calls per sentence) finds the candidates of fewer than ``_FEW_TOKENS`` tokens in Python, for
speed alone. The sparse path, forced by setting ``_FEW_TOKENS`` to 0, is the oracle: both run
on the bundled lexicons over the bundled corpus' sentences, and on random token sequences
(with sentence breaks, several lexicons, a case-sensitive one) from a small vocabulary where
terms overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import matching
from framing.analysis import load_resources
from framing.lexicon import Lexicon, parse_lexicon
from framing.loading import load_corpus
from framing.matching import CompiledLexicons, Hits, LexiconMatcher
from framing.text import prepare
from framing.tokens import cased_form

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

HEADER = """# name: {name}
# title: Test
# version: 1
# measures: test
# source: tests
# licence: CC0
# category: a | A | first
# category: b | B | second
term\tcategory\tweight\tnote
"""
ROWS = """threat\ta\t1\t
threat*\tb\t1\t
missile threat\tb\t2\t
missile\ta\t1\t
national interest\ta\t1\t
national interest threat\tb\t1\t
national interest threat*\ta\t1\t
sanction*\ta\t1\t
interest\tb\t1\t
interest\ta\t1\t
lies\ta\t1\t
lies ahead\ta\t0\tguard
"""
CASED = (
    "# name: cased\n# case: sensitive\nterm\tcategory\tweight\tnote\n"
    "US\tcountry\t1\t\nMay\tmonth\t1\t\nUS Congress\tcountry\t1\t\nRussia's\tcountry\t1\t\n"
)
VOCABULARY = [
    "threat", "threats", "threatening", "missile", "national", "interest", "sanction",
    "sanctioned", "lies", "ahead", "the", "US", "us", "May", "may", "Congress", "Russia's",
]  # fmt: skip


def _lexicon(name: str, rows: str = ROWS) -> Lexicon:
    return parse_lexicon(HEADER.format(name=name) + rows, f"{name}.tsv")


def _columns(hits: Hits) -> tuple[list[int], list[int], list[int]]:
    return hits.first.tolist(), hits.last.tolist(), hits.entry.tolist()


def _both(
    compiled: CompiledLexicons,
    norms: Sequence[str],
    sentences: Sequence[int],
    cased: Sequence[str] | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    few = compiled.match(norms, np.asarray(sentences, dtype=np.int64), cased)
    with monkeypatch.context() as patch:
        patch.setattr(matching, "_FEW_TOKENS", 0)
        sparse = compiled.match(norms, np.asarray(sentences, dtype=np.int64), cased)
    assert _columns(few) == _columns(sparse)


def test_bundled_lexicons_match_corpus_sentences_as_the_sparse_tables_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    resources = load_resources()
    singles = [CompiledLexicons([lexicon]) for lexicon in resources.lexicons]
    for article in load_corpus(CORPUS):
        prepared = prepare(article.id, article.text)
        for sentence in range(prepared.n_sentences):
            tokens = [i for i, s in enumerate(prepared.token_sentence) if s == sentence]
            norms = [prepared.token_norms[i] for i in tokens]
            cased = [
                cased_form(article.text[prepared.token_starts[i] : prepared.token_ends[i]])
                for i in tokens
            ]
            for compiled in (resources.compiled, *singles):
                _both(compiled, norms, [0] * len(norms), cased, monkeypatch)
        norms = list(prepared.token_norms[:60])
        _both(resources.compiled, norms, prepared.token_sentence[:60], None, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=70),
    st.lists(st.integers(min_value=0, max_value=3), max_size=70),
)
def test_random_tokens_match_as_the_sparse_tables_do(words: list[str], breaks: list[int]) -> None:
    sentences, sentence = [], 0
    for index in range(len(words)):
        if index < len(breaks) and breaks[index] == 0:
            sentence += 1
        sentences.append(sentence)
    norms = [word.lower() for word in words]
    with pytest.MonkeyPatch.context() as monkeypatch:
        for lexicons in (
            [_lexicon("one")],
            [_lexicon("one"), _lexicon("two", "threat\tb\t1\t\nnational\ta\t1\t\n")],
            [_lexicon("one"), parse_lexicon(CASED, "cased.tsv")],
        ):
            compiled = CompiledLexicons(lexicons)
            cased = words if compiled.needs_cased_tokens else None
            _both(compiled, norms, sentences, cased, monkeypatch)


def test_lexicon_matcher_answers_as_before_on_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = LexiconMatcher(_lexicon("one"))
    norms = [
        "the",
        "missile",
        "threat",
        "and",
        "what",
        "lies",
        "ahead",
        "for",
        "the",
        "national",
        "interest",
        "threats",
    ]
    few = matcher.match(norms)
    monkeypatch.setattr(matching, "_FEW_TOKENS", 0)
    assert matcher.match(norms) == few
    assert [(m.first, m.last, m.entry.term) for m in few] == [
        (1, 2, "missile threat"),
        (9, 11, "national interest threat*"),
    ]
