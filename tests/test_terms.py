"""Distinctive terms: n-grams, counts, the statistics per target, the word family, evidence."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import chi2, false_discovery_control
from sklearn.feature_extraction.text import TfidfTransformer

from framing.analysis import prepare_document
from framing.loading import load_corpus
from framing.model import Article, Document, Story
from framing.stories import group_stories
from framing.terms import (
    MIN_TOKENS,
    STOP_WORDS,
    TermOptions,
    TermScore,
    TermsResult,
    countable_norms,
    distinctive_terms,
    log_odds_dirichlet,
    term_counts,
)

S400 = Path(__file__).resolve().parent.parent / "corpora" / "s400"
SMALL = TermOptions(min_tokens=0)
"""For stories of a few sentences, which MIN_TOKENS would (rightly) mark too small."""


def story_of(*articles: tuple[str, str] | tuple[str, str, str]) -> Story:
    """Build a story from (outlet, text) or (outlet, text, group), in that order."""
    documents = tuple(
        prepare_document(
            Article(
                id=f"a{i}", outlet=item[0], text=item[1], group=item[2] if len(item) > 2 else ""
            )
        )
        for i, item in enumerate(articles)
    )
    return Story("s", documents)


@cache
def s400() -> Story:
    documents = [prepare_document(article) for article in load_corpus(S400)]
    (story,) = group_stories(documents)
    return story


@cache
def s400_terms() -> TermsResult:
    return distinctive_terms(s400(), TermOptions())


STORY = story_of(
    ("Sovereign Daily", "Our sovereignty matters. Sovereignty is our right. The deal stands."),
    ("Threat Wire", "The missile is a threat. A threat to allies. The deal worries allies."),
    ("Market Post", "The deal is worth billions. Billions in revenue for the missile maker."),
)


def all_scores(result: TermsResult) -> list[TermScore]:
    scores = [t for o in result.by_outlet for t in o.terms]
    scores += [t for g in result.by_group for t in g.terms]
    scores += [t for pair in result.pairs for t in (*pair.a_terms, *pair.b_terms)]
    return scores


def tokens_in(document: Document, start: int, end: int) -> list[str]:
    prepared = document.prepared
    return [
        norm
        for norm, s, e in zip(
            prepared.token_norms, prepared.token_starts, prepared.token_ends, strict=True
        )
        if s >= start and e <= end
    ]


# -- The statistic and the simple cases ---------------------------------------------------------


def test_log_odds_matches_monroe_et_al_by_hand() -> None:
    own = np.array([6.0, 1.0])
    rest = np.array([0.0, 9.0])
    prior = own + rest
    delta, variance, z = log_odds_dirichlet(own, rest, prior)
    a0, n_i, n_j = prior.sum(), own.sum(), rest.sum()
    expected = math.log((6 + 6) / (n_i + a0 - 6 - 6)) - math.log((0 + 6) / (n_j + a0 - 0 - 6))
    assert delta[0] == pytest.approx(expected)
    assert variance[0] == pytest.approx(1 / 12 + 1 / 6)
    assert z[0] == pytest.approx(expected / math.sqrt(1 / 12 + 1 / 6))
    assert z[1] < 0


def test_each_outlet_gets_its_own_words_with_raw_counts() -> None:
    result = distinctive_terms(STORY, TermOptions(top_k=3, min_count=2, min_tokens=0))
    top = {o.outlet: o.terms[0] for o in result.by_outlet}
    assert (top["Sovereign Daily"].term, top["Sovereign Daily"].count) == ("sovereignty", 2)
    assert top["Sovereign Daily"].count_rest == 0
    assert top["Threat Wire"].term in {"threat", "allies"}
    assert top["Market Post"].term == "billions"
    for outlet in result.by_outlet:
        assert not outlet.too_small
        assert outlet.unit == "tokens"
        for t in outlet.terms:
            assert t.z > 0 and t.count >= 2 and t.tfidf > 0 and t.g2 > 0 and t.log_ratio > 0
            assert 0 < t.p <= t.q <= 1


def test_a_word_used_at_the_same_rate_everywhere_is_not_distinctive() -> None:
    story = story_of(
        ("A", "deal deal alpha alpha alpha"),
        ("B", "deal deal bravo bravo bravo"),
        ("C", "deal deal charlie charlie charlie"),
    )
    result = distinctive_terms(story, TermOptions(min_count=1, min_tokens=0, max_n=1))
    for outlet, own in zip(result.by_outlet, ["alpha", "bravo", "charlie"], strict=True):
        assert [t.term for t in outlet.terms] == [own]


def test_stop_words_and_numbers_are_never_listed() -> None:
    story = story_of(("A", "the the the 400 400 400 and and"), ("B", "a word here"))
    result = distinctive_terms(story, TermOptions(min_count=1, min_tokens=0))
    listed = {t.term for t in all_scores(result)}
    assert not listed & {"the", "400", "and", "the 400", "400 and"}


def test_evidence_marks_every_occurrence_of_listed_terms() -> None:
    result = distinctive_terms(STORY, TermOptions(top_k=1, min_count=2, min_tokens=0))
    spans = [e for e in result.evidence if e.label == "sovereignty"]
    assert [e.text for e in spans] == ["sovereignty", "Sovereignty"]
    assert all(e.layer == "term" for e in result.evidence)


def test_ranking_is_deterministic() -> None:
    assert distinctive_terms(STORY, SMALL) == distinctive_terms(STORY, SMALL)
    assert distinctive_terms(s400(), TermOptions()) == s400_terms()


def test_empty_story_gives_empty_lists() -> None:
    result = distinctive_terms(story_of(("A", "the and of"), ("B", "a an")), SMALL)
    assert all(not o.terms for o in result.by_outlet)
    assert result.n_tests == 0 and result.evidence == ()


@pytest.mark.parametrize(
    "bad",
    [
        {"top_k": 0},
        {"min_count": 0},
        {"prior_scale": 0.0},
        {"max_n": 0},
        {"max_n": 6},
        {"unit": "words"},
        {"min_tokens": -1},
    ],
)
def test_options_are_validated(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must be"):
        TermOptions(**bad)  # type: ignore[arg-type]


# -- N-grams ------------------------------------------------------------------------------------


def test_phrases_may_hold_stop_words_inside_but_not_at_either_end() -> None:
    text = "The war of words grew. The war of words went on."
    counts = term_counts([prepare_document(Article("a", "A", text))])
    assert counts["war of words"] == 2
    assert counts["words grew"] == 1
    assert counts["war"] == 2
    assert not {"of words", "war of", "the war", "of", "the war of"} & set(counts)


def test_phrases_never_cross_sentences_or_punctuation() -> None:
    text = (
        "Ankara agreed. Deal signed in Moscow. ANKARA — Türkiye stands firm, officials insist. "
        "“The deal is done,” ministers said."
    )
    counts = term_counts([prepare_document(Article("a", "A", text))])
    assert {"deal signed", "türkiye stands firm", "officials insist"} <= set(counts)
    crossing = {
        "agreed deal",
        "moscow ankara",
        "ankara türkiye",
        "firm officials",
        "done ministers",
    }
    assert not crossing & set(counts)


def test_phrases_hold_no_token_without_a_letter() -> None:
    text = "The deal for 400 missiles was signed. The S-400 deal was signed in 2019 by Russia."
    counts = term_counts([prepare_document(Article("a", "A", text))])
    assert "s-400 deal" in counts
    assert not {"deal for 400 missiles", "400 missiles", "2019 by russia"} & set(counts)


def test_single_words_keep_the_old_rule() -> None:
    document = s400().documents[0]
    words = Counter(countable_norms(document))
    counts = term_counts([document], max_n=1)
    assert counts == dict(words)


def test_a_listed_phrase_is_marked_from_its_first_to_its_last_word() -> None:
    story = story_of(
        ("A", "The war of words grew. Then the war of words went on. Words matter."),
        ("B", "Sanctions were announced. The sanctions bite. Officials met."),
    )
    result = distinctive_terms(story, TermOptions(min_tokens=0, top_k=20))
    (phrase,) = [t for t in result.by_outlet[0].terms if t.term == "war of words"]
    assert (phrase.n, phrase.count, phrase.count_rest) == (3, 2, 0)
    spans = [e for e in result.evidence if e.label == "war of words"]
    assert [e.text for e in spans] == ["war of words", "war of words"]
    assert all(e.article_id == "a0" for e in spans)


def test_s400_listed_terms_follow_the_phrase_rules() -> None:
    result = s400_terms()
    scores = all_scores(result)
    assert any(t.n == 2 for t in scores)
    for score in scores:
        words = score.term.split(" ")
        assert len(words) == score.n <= 3
        assert words[0] not in STOP_WORDS and words[-1] not in STOP_WORDS
        assert all(any(ch.isalpha() for ch in word) for word in words)


def test_s400_evidence_stays_in_one_sentence_and_spells_its_label() -> None:
    story = s400()
    documents = {d.id: d for d in story.documents}
    evidence = s400_terms().evidence
    assert evidence
    for item in evidence:
        document = documents[item.article_id]
        assert " ".join(tokens_in(document, item.start, item.end)) == item.label
        assert item.text == document.article.text[item.start : item.end]
        inside = [s for s in document.prepared.sentences if s.start <= item.start < s.end]
        assert len(inside) == 1 and item.end <= inside[0].end
    keys = [(e.article_id, e.start, e.end, e.label) for e in evidence]
    assert len(keys) == len(set(keys))


def test_s400_evidence_counts_every_occurrence_in_the_targets_articles() -> None:
    story = s400()
    result = s400_terms()
    by_article: dict[str, Counter[str]] = {}
    for item in result.evidence:
        by_article.setdefault(item.article_id, Counter())[item.label] += 1

    def marked(outlet: str, term: str) -> int:
        return sum(by_article.get(d.id, Counter())[term] for d in story.documents_of(outlet))

    for outlet in result.by_outlet:
        for score in outlet.terms:
            assert marked(outlet.outlet, score.term) == score.count
    for pair in result.pairs:
        for score in pair.a_terms:
            assert marked(pair.a, score.term) == score.count
        for score in pair.b_terms:
            assert marked(pair.b, score.term) == score.count


# -- Targets: outlets, groups, pairs ------------------------------------------------------------


def test_s400_targets_cover_outlets_groups_and_pairs() -> None:
    story = s400()
    result = s400_terms()
    assert [o.outlet for o in result.by_outlet] == list(story.outlets)
    assert [g.group for g in result.by_group] == [
        "Europe",
        "India",
        "Russia",
        "Turkey",
        "United States",
    ]
    us = result.by_group[-1]
    assert us.outlets == ("Forward Posture", "Lodestar Wire")
    assert (us.n_articles, us.n_articles_rest) == (3, 5)
    assert [(p.a, p.b) for p in result.pairs] == list(combinations(story.outlets, 2))
    for outlet in result.by_outlet:
        assert outlet.n_tokens + outlet.n_tokens_rest == sum(o.n_tokens for o in result.by_outlet)
        assert outlet.terms and not outlet.too_small
    russian = next(o for o in result.by_outlet if o.outlet == "Sever Telegraph Agency")
    assert "triumf" in [t.term for t in russian.terms]


def test_pairwise_terms_are_antisymmetric() -> None:
    story = s400()
    reversed_story = Story(story.id, tuple(sorted(story.documents, key=lambda d: d.article.outlet)))
    forward = s400_terms()
    backward = distinctive_terms(reversed_story, TermOptions())
    pairs = {(p.a, p.b): p for p in backward.pairs}
    checked = 0
    for pair in forward.pairs:
        other = pairs.get((pair.b, pair.a))
        if other is None:
            continue
        checked += 1
        assert other.a_terms == pair.b_terms
        assert other.b_terms == pair.a_terms
        assert (other.n_tokens_a, other.n_tokens_b) == (pair.n_tokens_b, pair.n_tokens_a)
        assert not {t.term for t in pair.a_terms} & {t.term for t in pair.b_terms}
        assert all(t.z > 0 and t.count >= 2 for t in (*pair.a_terms, *pair.b_terms))
    assert checked >= 5
    assert backward.n_tests == forward.n_tests


def test_a_pair_compares_the_two_outlets_only() -> None:
    story = s400()
    result = s400_terms()
    pair = result.pairs[0]
    a_words = Counter(t for d in story.documents_of(pair.a) for t in countable_norms(d))
    b_words = Counter(t for d in story.documents_of(pair.b) for t in countable_norms(d))
    assert (pair.n_tokens_a, pair.n_tokens_b) == (a_words.total(), b_words.total())
    for score in pair.a_terms:
        if score.n == 1:
            assert (score.count, score.count_rest) == (a_words[score.term], b_words[score.term])


def test_groups_need_two_labels_and_ungrouped_articles_are_rest_only() -> None:
    one_group = story_of(("A", "Sovereignty matters. Sovereignty.", "x"), ("B", "Threat. Threat."))
    assert distinctive_terms(one_group, SMALL).by_group == ()
    story = story_of(
        ("A", "Sovereignty matters. Sovereignty wins.", "east"),
        ("B", "Threat looms. Threat grows.", "west"),
        ("C", "Revenue rises. Revenue grows.", ""),
    )
    result = distinctive_terms(story, SMALL)
    assert [(g.group, g.outlets, g.n_articles, g.n_articles_rest) for g in result.by_group] == [
        ("east", ("A",), 1, 2),
        ("west", ("B",), 1, 2),
    ]
    assert result.by_group[0].terms[0].term == "sovereignty"
    assert result.by_group[0].terms[0].count_rest == 0


# -- The word family and q-values ---------------------------------------------------------------


def words_of(documents: Iterable[Document]) -> Counter[str]:
    return Counter(t for d in documents for t in countable_norms(d))


def plain_g2(a: float, b: float, c: float, d: float) -> float:
    """G2 from its definition, cell by cell (0 ln 0 = 0), to check the vectorised one."""
    total = c + d
    cells = [
        (a, c * (a + b) / total),
        (b, d * (a + b) / total),
        (c - a, c * (total - a - b) / total),
        (d - b, d * (total - a - b) / total),
    ]
    return 2.0 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def oracle_q(
    story: Story, min_count: int
) -> tuple[int, dict[tuple[str, str], tuple[float, float]]]:
    """Recompute every test of the story's word family with plain loops (single words)."""
    outlets = story.outlets
    own_words = {o: words_of(story.documents_of(o)) for o in outlets}
    groups = sorted({d.article.group for d in story.documents if d.article.group})
    group_words = {g: words_of(d for d in story.documents if d.article.group == g) for g in groups}
    pooled: Counter[str] = Counter()
    for words in own_words.values():
        pooled.update(words)
    vocabulary = sorted(pooled)
    comparisons = [(f"outlet:{o}", own_words[o], pooled - own_words[o]) for o in outlets]
    comparisons += [(f"group:{g}", group_words[g], pooled - group_words[g]) for g in groups]
    comparisons += [
        (f"pair:{a}|{b}", own_words[a], own_words[b]) for a, b in combinations(outlets, 2)
    ]
    keys: list[tuple[str, str]] = []
    p_values: list[float] = []
    for name, mine, theirs in comparisons:
        own = np.array([mine[w] for w in vocabulary], dtype=float)
        rest = np.array([theirs[w] for w in vocabulary], dtype=float)
        n_own, n_rest = own.sum(), rest.sum()
        for k, word in enumerate(vocabulary):
            if pooled[word] >= min_count and own[k] + rest[k] >= min_count:
                keys.append((name, word))
                p_values.append(float(chi2.sf(plain_g2(own[k], rest[k], n_own, n_rest), 1)))
    q_values = false_discovery_control(np.array(p_values), method="bh")
    return len(keys), {
        key: (p, float(q)) for key, p, q in zip(keys, p_values, q_values, strict=True)
    }


def test_q_values_are_adjusted_over_every_test_of_the_story() -> None:
    story = story_of(
        ("A", "Sovereignty matters. Sovereignty wins. The deal stands. Deal signed.", "east"),
        ("A", "Sovereignty again. Ankara decides.", "east"),
        ("B", "The threat grows. Threat to allies. Allies worry about the deal.", "west"),
        ("C", "Revenue rises. Revenue for the maker. The deal pays. Allies buy.", "west"),
    )
    options = TermOptions(min_tokens=0, max_n=1, top_k=50)
    result = distinctive_terms(story, options)
    n_tests, expected = oracle_q(story, options.min_count)
    assert result.n_tests == n_tests
    listed = [(f"outlet:{o.outlet}", o.terms) for o in result.by_outlet]
    listed += [(f"group:{g.group}", g.terms) for g in result.by_group]
    listed += [(f"pair:{p.a}|{p.b}", p.a_terms + p.b_terms) for p in result.pairs]
    checked = 0
    for name, scores in listed:
        for score in scores:
            p, q = expected[(name, score.term)]
            assert score.p == pytest.approx(p, rel=1e-3)
            assert score.q == pytest.approx(q, rel=1e-3)
            assert score.q >= score.p
            assert score.notable == (q < 0.05)
            checked += 1
    assert checked > 5
    # Adjusting within one outlet's column alone would give smaller q-values: the family counts.
    first = result.by_outlet[0].terms
    alone = false_discovery_control([t.p for t in first], method="bh")
    assert any(t.q > a + 1e-9 for t, a in zip(first, alone, strict=True))


def test_q_is_never_below_p_on_s400() -> None:
    result = s400_terms()
    scores = all_scores(result)
    assert result.n_tests > len(scores)
    assert all(0 < t.p <= t.q <= 1 for t in scores)
    assert all(t.notable == (t.q < 0.05) for t in scores)


def filler(words: int) -> str:
    """Return neutral sentences both outlets share, so their own words are what differs."""
    vocabulary = ["officials", "meeting", "report", "capital", "week", "talks", "ministry"]
    sentences = []
    for k in range(words // 4):
        picked = [vocabulary[(k * 3 + j) % len(vocabulary)] for j in range(4)]
        sentences.append(" ".join(picked).capitalize() + ".")
    return " ".join(sentences)


def test_a_strong_difference_on_enough_text_is_notable() -> None:
    story = story_of(
        ("A", filler(400) + " Sovereignty matters." * 60),
        ("B", filler(400) + " Threat grows." * 60),
    )
    result = distinctive_terms(story, TermOptions())
    top = {t.term: t for t in result.by_outlet[0].terms[:3]}
    # Three terms tie on counts (60 against 0); the phrase's totals differ slightly.
    assert set(top) == {"sovereignty", "matters", "sovereignty matters"}
    assert all(t.notable and t.q < 0.05 and t.count == 60 for t in top.values())
    assert "officials" not in {t.term for t in all_scores(result)}


# -- Small samples and the document-frequency variant ------------------------------------------


def test_a_too_small_outlet_gets_no_terms() -> None:
    story = s400()
    tiny = prepare_document(Article("tiny", "Tiny Gazette", "Turkey buys the S-400. It is done."))
    result = distinctive_terms(Story(story.id, (*story.documents, tiny)), TermOptions())
    small = result.by_outlet[-1]
    assert small.outlet == "Tiny Gazette" and small.too_small and small.terms == ()
    assert small.n_tokens < MIN_TOKENS
    assert all(o.terms and not o.too_small for o in result.by_outlet[:-1])
    for pair in result.pairs:
        if "Tiny Gazette" in (pair.a, pair.b):
            assert pair.too_small and pair.a_terms == () and pair.b_terms == ()
        else:
            assert not pair.too_small
    assert not [e for e in result.evidence if e.article_id == "tiny"]


def test_min_tokens_guards_both_sides_of_a_comparison() -> None:
    result = distinctive_terms(STORY, TermOptions())
    assert all(o.too_small and not o.terms for o in result.by_outlet)
    assert result.n_tests == 0 and result.evidence == ()


OPED = "Sovereignty is everything. " * 20 + "The pipeline matters."
DF_STORY = story_of(
    ("A", OPED),
    ("A", "The pipeline opened today."),
    ("A", "Officials praised the pipeline."),
    ("B", "Sanctions loom. Sanctions hurt."),
    ("B", "Sanctions again, officials said."),
    ("B", "The sanctions vote."),
)


def test_counting_articles_stops_one_long_article_from_dominating() -> None:
    by_tokens = distinctive_terms(DF_STORY, TermOptions(min_tokens=0))
    by_articles = distinctive_terms(DF_STORY, TermOptions(min_tokens=0, unit="articles"))
    tokens_a, articles_a = by_tokens.by_outlet[0], by_articles.by_outlet[0]
    assert tokens_a.terms[0].term == "sovereignty"
    assert tokens_a.terms[0].count == 20
    assert "sovereignty" not in {t.term for t in articles_a.terms}
    pipeline = articles_a.terms[0]
    assert (pipeline.term, pipeline.count, pipeline.count_rest) == ("pipeline", 3, 0)
    assert (articles_a.n_articles, articles_a.n_articles_rest) == (3, 3)
    assert articles_a.unit == "articles"
    assert by_articles.unit == "articles"
    sanctions = by_articles.by_outlet[1].terms[0]
    assert (sanctions.term, sanctions.count) == ("sanctions", 3)
    assert next(t for t in by_tokens.by_outlet[1].terms if t.term == "sanctions").count == 4


def test_counting_articles_needs_min_count_articles() -> None:
    result = distinctive_terms(s400(), TermOptions(unit="articles"))
    several = {"Yeni Sancak Daily", "Lodestar Wire"}
    for outlet in result.by_outlet:
        assert outlet.too_small == (outlet.outlet not in several)
        assert outlet.too_small or outlet.terms
        assert all(t.count <= outlet.n_articles for t in outlet.terms)
    for pair in result.pairs:
        assert pair.too_small == (not {pair.a, pair.b} & several)
    names = ("Hallstatt Defence Notes", "Yeni Sancak Daily")
    mixed = next(p for p in result.pairs if (p.a, p.b) == names)
    assert mixed.a_terms == () and mixed.b_terms


def test_counting_articles_keeps_statistics_finite_for_a_term_in_every_article() -> None:
    story = story_of(
        ("A", "The deal holds. Sovereignty first."),
        ("A", "The deal again. Sovereignty again."),
        ("B", "The deal is bad. Threat rises."),
        ("B", "The deal worries. Threat again."),
    )
    result = distinctive_terms(story, TermOptions(min_tokens=0, unit="articles"))
    for score in all_scores(result):
        assert all(math.isfinite(v) for v in (score.z, score.p, score.q, score.g2, score.log_ratio))
    assert "deal" not in {t.term for t in all_scores(result)}


# -- TF-IDF and the prior -----------------------------------------------------------------------


def test_tfidf_of_single_words_is_scikit_learns_on_pooled_outlets() -> None:
    story = s400()
    result = s400_terms()
    outlets = story.outlets
    counts = [words_of(story.documents_of(o)) for o in outlets]
    vocabulary = sorted(set().union(*counts))
    matrix = np.array([[c[w] for w in vocabulary] for c in counts], dtype=float)
    tfidf = TfidfTransformer().fit_transform(matrix).toarray()
    column = {w: k for k, w in enumerate(vocabulary)}
    for row, outlet in enumerate(result.by_outlet):
        for score in outlet.terms:
            if score.n == 1:
                assert score.tfidf == pytest.approx(tfidf[row, column[score.term]], abs=1e-4)


def test_the_story_itself_as_background_is_the_default_prior() -> None:
    story = s400()
    background = term_counts(story.documents)
    assert distinctive_terms(story, TermOptions(), background=background) == s400_terms()


def test_a_background_prior_changes_the_scores_and_needs_token_counts() -> None:
    story = s400()
    background = {"turkey": 5000, "s-400": 4000, "russia": 3000, "deal": 3000}
    result = distinctive_terms(story, TermOptions(), background=background)
    assert result != s400_terms()
    assert all(math.isfinite(t.z) for t in all_scores(result))
    with pytest.raises(ValueError, match="unit='tokens'"):
        distinctive_terms(story, TermOptions(unit="articles"), background=background)
