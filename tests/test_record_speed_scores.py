"""``score_lexicons``' and ``score_batch``'s fast paths give exactly the scores of the code
they replaced.

Why: the per-article scorer was rewritten for speed alone (fewer NumPy calls, the hits'
offsets picked from the token tuples, distinct pairs counted on a sorted array, rounding
skipped where it is exact, negation windows screened in C), and then made to count a whole
batch of articles in one set of array calls (``framing.lexicon_counts``), where an article's
hits must never be counted with, or negated by, its neighbours'. Every field of every
``ArticleLexiconScores`` must stay the same, down to array dtypes and float bits, or
``framing annotate`` and the reports would change. The old scorer is kept here as the oracle
and compared on the bundled corpus, generated articles, a user lexicon with odd weights, and
hostile text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.analysis import Resources, load_resources, prepare_document
from framing.lexicon import Lexicon, parse_lexicon
from framing.lexicon_scores import (
    NEGATION_WINDOW,
    NEGATORS,
    USED_MIN_HITS,
    USED_MIN_SHARE,
    ArticleLexiconScores,
    CategoryCount,
    score_batch,
    score_lexicons,
)
from framing.loading import load_corpus
from framing.matching import CompiledLexicons, Hits
from framing.model import Article, Document
from framing.synthetic import generate_articles

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# Weights that need rounding, negative and tiny ones, a negation pair, and a frames lexicon
# whose shares and ties are not round numbers.
ODD_COUNTS = """# name: odd-counts
# kind: counts
# negation: up <-> down
# category: up | Up | cues that go up
# category: down | Down | cues that go down
# category: flat | Flat | never negated
term\tcategory\tweight\tnote
certain\tup\t0.123456789\t
deal\tdown\t-1.00005\t
system\tup\t3.14159265\t
missile\tdown\t0.0000001\t
said\tup\t2.00005\t
turkey\tdown\t-0.00004\t
the\tflat\t0.1\t
"""
ODD_FRAMES = """# name: odd-frames
# kind: frames
# category: a | A | one
# category: b | B | two
# category: c | C | three
term\tcategory\tweight\tnote
deal\ta\t0.3\t
system\tb\t0.1\t
missile\tb\t0.2\t
said\tc\t0.3\t
russia\ta\t1\t
turkey\tc\t1\t
"""


# --------------------------------------------------------------------------------------------
# The oracle: score_lexicons as it was written before


def _old_score_lexicons(
    document: Document, hits: Hits, compiled: CompiledLexicons
) -> tuple[ArticleLexiconScores, ...]:
    prepared = document.prepared
    n_lexicons = len(compiled.lexicons)
    n_all = int(compiled.category_offset[-1])
    token_sentence = np.asarray(prepared.token_sentence, dtype=np.int64)
    lexicon = compiled.entry_lexicon[hits.entry]
    category = compiled.entry_global_category[hits.entry]
    weight = compiled.entry_weight[hits.entry]
    negated = np.zeros(len(hits), dtype=bool)
    if len(hits):
        sentence = token_sentence[hits.first]
        start = np.asarray(prepared.token_starts, dtype=np.int64)[hits.first]
        end = np.asarray(prepared.token_ends, dtype=np.int64)[hits.last]
        negatable = np.flatnonzero(compiled.lexicon_negates[lexicon])
        if len(negatable):
            negated[negatable] = _old_negated(
                hits.first[negatable], prepared.token_norms, token_sentence
            )
            category = np.where(negated, compiled.negation_swap[category], category)
        hit_counts = np.bincount(category, minlength=n_all).tolist()
        scores = np.bincount(category, weights=weight, minlength=n_all).tolist()
        negated_counts = np.bincount(category[negated], minlength=n_all).tolist()
        pairs = np.unique(sentence * n_all + category)
        sentence_counts = np.bincount(pairs % n_all, minlength=n_all).tolist()
        with_cue = np.bincount(
            np.unique(sentence * n_lexicons + lexicon) % n_lexicons, minlength=n_lexicons
        ).tolist()
    else:
        sentence = start = end = hits.first
        hit_counts = negated_counts = sentence_counts = [0] * n_all
        scores = [0.0] * n_all
        with_cue = [0] * n_lexicons
    bounds = np.searchsorted(lexicon, np.arange(n_lexicons + 1)).tolist()
    offsets = compiled.category_offset.tolist()
    results = []
    for index, item in enumerate(compiled.lexicons):
        lo, hi = bounds[index], bounds[index + 1]
        base = offsets[index]
        categories = compiled.category_ids[index]
        counts = tuple(
            CategoryCount(
                name,
                hit_counts[base + k],
                round(scores[base + k], 6),
                sentence_counts[base + k],
                negated_counts[base + k],
            )
            for k, name in enumerate(categories)
        )
        profile, used, dominant = _old_frame_profile(item, counts)
        own_start = start[lo:hi]
        order: slice | np.ndarray = slice(None)
        if hi - lo > 1 and bool((own_start[1:] < own_start[:-1]).any()):
            order = np.argsort(own_start, kind="stable")
        results.append(
            ArticleLexiconScores(
                item.name,
                document.id,
                prepared.n_tokens,
                prepared.n_sentences,
                counts,
                with_cue[index],
                profile,
                used,
                dominant,
                categories,
                document.article.text,
                own_start[order],
                end[lo:hi][order],
                sentence[lo:hi][order],
                (category[lo:hi] - base)[order],
                weight[lo:hi][order],
                negated[lo:hi][order],
            )
        )
    return tuple(results)


def _old_negated(firsts: np.ndarray, norms: Sequence[str], sentences: np.ndarray) -> np.ndarray:
    flags = np.zeros(len(firsts), dtype=bool)
    sentence_list = sentences.tolist()
    for index, first in enumerate(firsts.tolist()):
        own = sentence_list[first]
        for position in range(max(0, first - NEGATION_WINDOW), first):
            if sentence_list[position] != own:
                continue
            norm = norms[position]
            if norm in NEGATORS or norm.endswith("n't"):
                flags[index] = True
                break
    return flags


def _old_frame_profile(
    lexicon: Lexicon, counts: Sequence[CategoryCount]
) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...], str | None]:
    if lexicon.kind != "frames":
        return (), (), None
    total = sum(c.score for c in counts)
    if total <= 0:
        return tuple((c.category, 0.0) for c in counts), (), None
    profile = tuple((c.category, round(c.score / total, 6)) for c in counts)
    used = tuple(
        c.category
        for c in sorted(counts, key=lambda c: -c.score)
        if c.hits >= USED_MIN_HITS and c.score / total >= USED_MIN_SHARE
    )
    dominant = None
    if used:
        top = next(c for c in counts if c.category == used[0])
        ties = [c for c in counts if c.score == top.score]
        dominant = used[0] if len(ties) == 1 else None
    return profile, used, dominant


# --------------------------------------------------------------------------------------------
# Comparison


def _same(value: object, expected: object) -> bool:
    """Equal, with arrays of the same dtype and floats of the same bits (``repr``)."""
    if isinstance(expected, np.ndarray):
        return (
            isinstance(value, np.ndarray)
            and value.dtype == expected.dtype
            and value.shape == expected.shape
            and repr(value.tolist()) == repr(expected.tolist())
        )
    return type(value) is type(expected) and repr(value) == repr(expected)


def assert_scores_as_before(document: Document, hits: Hits, compiled: CompiledLexicons) -> None:
    fast = score_lexicons(document, hits, compiled)
    assert_same_scores(document, fast, _old_score_lexicons(document, hits, compiled))


def assert_same_scores(
    document: Document,
    fast: Sequence[ArticleLexiconScores],
    plain: Sequence[ArticleLexiconScores],
) -> None:
    assert len(fast) == len(plain)
    for new, old in zip(fast, plain, strict=True):
        for name in ArticleLexiconScores.__dataclass_fields__:
            assert _same(getattr(new, name), getattr(old, name)), (document.id, new.lexicon, name)


def assert_documents_as_before(documents: Sequence[Document], resources: Resources) -> None:
    compiled = resources.compiled
    texts = [d.article.text for d in documents]
    hits = compiled.match_documents([d.prepared for d in documents], texts)
    # the batch scorer ``analyze_documents`` uses, and the one-document scorer
    batch = score_batch(documents, compiled)
    for document, own, batched in zip(documents, hits, batch, strict=True):
        assert_scores_as_before(document, own, compiled)
        assert_same_scores(document, batched, _old_score_lexicons(document, own, compiled))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="module")
def odd_resources() -> Resources:
    return load_resources(
        (parse_lexicon(ODD_COUNTS, "odd.tsv"), parse_lexicon(ODD_FRAMES, "frames.tsv"))
    )


def _documents(articles: Sequence[Article]) -> list[Document]:
    return [prepare_document(article) for article in articles]


def test_bundled_corpus_is_scored_as_before(resources: Resources, odd_resources: Resources) -> None:
    documents = _documents(list(load_corpus(CORPUS)))
    assert documents
    assert_documents_as_before(documents, resources)
    assert_documents_as_before(documents, odd_resources)


def test_generated_articles_are_scored_as_before(
    resources: Resources, odd_resources: Resources
) -> None:
    articles = [Article(**record) for record in generate_articles(80, seed=3, words=300)]
    documents = _documents(articles)
    assert_documents_as_before(documents, resources)
    assert_documents_as_before(documents, odd_resources)


def test_hits_out_of_order_and_no_hits_are_scored_as_before(resources: Resources) -> None:
    """Hits not sorted by first token (a caller's own ``Hits``), and an article with none."""
    compiled = resources.compiled
    articles = [Article(**record) for record in generate_articles(6, seed=4, words=200)]
    for document in _documents(articles):
        hits = compiled.match_documents([document.prepared], [document.article.text])[0]
        assert len(hits) > 3
        rng = np.random.default_rng(len(hits))
        for _ in range(5):
            # shuffled within each lexicon: lexicons stay in order, text order does not
            order = np.lexsort((rng.random(len(hits)), compiled.entry_lexicon[hits.entry]))
            shuffled = Hits(hits.first[order], hits.last[order], hits.entry[order])
            assert_scores_as_before(document, shuffled, compiled)
        empty = Hits(hits.first[:0], hits.last[:0], hits.entry[:0])
        assert_scores_as_before(document, empty, compiled)
        one = Hits(hits.first[:1], hits.last[:1], hits.entry[:1])
        assert_scores_as_before(document, one, compiled)


def test_a_batch_never_mixes_its_articles(resources: Resources) -> None:
    """A negator ending one article does not negate a cue opening the next, nor one ending a
    sentence the next sentence's; sentences and offsets are each article's own; empty
    articles and articles without hits sit between."""
    texts = [
        "It is not",
        "Definitely the deal goes ahead.",
        "",
        "Nothing.",
        "It is not definitely.",
        "It was not so. Definitely, it goes.",  # a negator in the sentence before
    ]
    documents = _documents([Article(f"a{i}", "O", text) for i, text in enumerate(texts)])
    assert_documents_as_before(documents, resources)
    stance = [scores[-1] for scores in score_batch(documents, resources.compiled)]
    assert stance[1].lexicon == "stance" and not stance[1].hit_negated.any()
    assert stance[4].hit_negated.tolist() == [True]
    assert stance[1].hit_start.tolist() == [0] and stance[1].hit_sentence.tolist() == [0]
    assert stance[5].hit_sentence.tolist() == [1] and not stance[5].hit_negated.any()


def test_a_batch_without_any_hit_is_scored_as_before(resources: Resources) -> None:
    documents = _documents([Article("a", "O", "Nothing."), Article("b", "O", "")])
    assert_documents_as_before(documents, resources)


def test_exactness_shortcut_holds_only_where_rounding_changes_nothing() -> None:
    """The shortcut's premise: sums of multiples of 1/64 below 2**40 have six decimals."""
    rng = np.random.default_rng(0)
    for _ in range(200):
        parts = rng.integers(-(2**12), 2**12, size=int(rng.integers(1, 50))) / 64.0
        total = 0.0
        for part in parts.tolist():
            total += part
            assert round(total, 6) == total
            assert repr(round(total, 6)) == repr(total)
    assert repr(round(-0.0, 6)) == "-0.0"


HAZARDS = [
    "not", "no", "never", "can't", "don't", "won't", "isn't", "n't", "nor", "cannot",
    "certain", "certainly", "clearly", "may", "might", "perhaps", "claimed", "said", "deal",
    "system", "missile", "Turkey", "Russia", "threat", "security", "sovereign", "business",
    "the", "a", "of", ",", ".", ";", "—", "“", "”", "!", "?", "\n", "\n\n",
]  # fmt: skip

hostile_text = st.lists(st.sampled_from(HAZARDS), max_size=80).map(" ".join)
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=80)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(hostile_text, any_text), min_size=1, max_size=4))
def test_hostile_text_is_scored_as_before(
    resources: Resources, odd_resources: Resources, texts: list[str]
) -> None:
    documents = _documents([Article(f"a{i}", "O", text) for i, text in enumerate(texts)])
    assert_documents_as_before(documents, resources)
    assert_documents_as_before(documents, odd_resources)


def test_drafts_have_the_records_slots() -> None:
    """The drafts fill every field of the records they become, and nothing else."""
    from framing.lexicon_scores import _CategoryDraft, _ScoresDraft

    for draft, record in ((_CategoryDraft, CategoryCount), (_ScoresDraft, ArticleLexiconScores)):
        assert sorted(draft.__slots__) == sorted(record.__dataclass_fields__)
        assert sorted(record.__slots__) == sorted(record.__dataclass_fields__)
    made = _CategoryDraft("a", 1, 0.5, 1, 0)
    assert type(made) is CategoryCount and made == CategoryCount("a", 1, 0.5, 1, 0)
    with pytest.raises(AttributeError):
        made.hits = 2  # type: ignore[misc]
