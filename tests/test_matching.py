"""The vectorised matcher gives exactly what the plain longest-match scan gives, in any batch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicon import Entry, Lexicon, parse_lexicon
from framing.matching import CompiledLexicons, Hits, LexiconMatcher
from framing.text import prepare

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

VOCABULARY = ["threat", "threats", "missile", "national", "interest", "sanction", "sanctions"]
ROWS = """threat\ta\t1\t
threat*\tb\t1\t
missile threat\tb\t2\t
missile\ta\t1\t
national interest\ta\t1\t
national interest threat\tb\t1\t
sanction*\ta\t1\t
interest\tb\t1\t
interest\ta\t1\t
"""


def lexicon(name: str = "t", rows: str = ROWS) -> Lexicon:
    return parse_lexicon(HEADER.format(name=name) + rows, f"{name}.tsv")


def reference_matches(
    entries: Sequence[Entry], norms: Sequence[str], sentences: Sequence[int]
) -> list[tuple[int, int, int]]:
    """The obvious algorithm: at each position try terms longest first, skip what is covered."""

    def fits(entry: Entry, at: int) -> bool:
        if at + len(entry.patterns) > len(norms):
            return False
        if sentences[at] != sentences[at + len(entry.patterns) - 1]:
            return False
        for offset, pattern in enumerate(entry.patterns):
            norm = norms[at + offset]
            if pattern.endswith("*"):
                if not norm.startswith(pattern[:-1]):
                    return False
            elif norm != pattern:
                return False
        return True

    def priority(entry: Entry) -> tuple[int, int, int, int]:
        exact = sum(not p.endswith("*") for p in entry.patterns)
        return (-len(entry.patterns), -exact, -sum(len(p) for p in entry.patterns), entry.line)

    ranked = sorted(entries, key=priority)
    found: list[tuple[int, int, int]] = []
    at = 0
    while at < len(norms):
        best = next((e for e in ranked if fits(e, at)), None)
        if best is None:
            at += 1
            continue
        last = at + len(best.patterns) - 1
        for entry in entries:  # a term in two categories counts for both
            if entry.patterns == best.patterns:
                found.append((at, last, entry.line))
        at = last + 1
    return sorted(found)


def as_lines(compiled: CompiledLexicons, hits: Hits) -> list[tuple[int, int, int]]:
    return sorted(
        (f, last, compiled.entries[e].line)
        for f, last, e in zip(
            hits.first.tolist(), hits.last.tolist(), hits.entry.tolist(), strict=True
        )
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*VOCABULARY, "threatening", "the", "sanctioned"]), max_size=40),
    st.lists(st.integers(min_value=0, max_value=2), max_size=40),
)
def test_vectorised_matches_equal_the_plain_scan(words: list[str], breaks: list[int]) -> None:
    sentences = []
    sentence = 0
    for index in range(len(words)):
        if index < len(breaks) and breaks[index] == 0:
            sentence += 1
        sentences.append(sentence)
    lex = lexicon()
    compiled = CompiledLexicons([lex])
    hits = compiled.match(words, np.asarray(sentences, dtype=np.int64))
    assert as_lines(compiled, hits) == reference_matches(lex.entries, words, sentences)


def test_longest_then_exact_wins_and_shared_terms_count_in_both_categories() -> None:
    matcher = LexiconMatcher(lexicon())
    norms = [
        "the",
        "missile",
        "threat",
        "and",
        "a",
        "threat",
        "to",
        "the",
        "national",
        "interest",
        "threat",
    ]
    found = [
        (" ".join(norms[m.first : m.last + 1]), m.entry.category) for m in matcher.match(norms)
    ]
    assert found == [
        ("missile threat", "b"),
        ("threat", "a"),
        ("national interest threat", "b"),
    ]
    both = [m.entry.category for m in matcher.match(["interest"])]
    assert both == ["b", "a"]


def test_lexicons_match_independently_and_batches_equal_single_documents() -> None:
    first, second = lexicon("one"), lexicon("two", "threat\tb\t1\t\nnational\ta\t1\t\n")
    compiled = CompiledLexicons([first, second])
    texts = [
        "A missile threat. The national interest.",
        "Sanctions threaten. National\n\ninterest threat.",
        "",
        "Nothing to see here.",
    ]
    prepared = [prepare(str(i), t) for i, t in enumerate(texts)]
    together = compiled.match_documents(prepared)
    for text, alone in zip(prepared, together, strict=True):
        single = compiled.match_documents([text])[0]
        assert as_lines(compiled, single) == as_lines(compiled, alone)
    # "threat" counts in both lexicons; "national interest" never joins two paragraphs
    lexicons_hit = {compiled.entries[e].category for e in together[0].entry.tolist()}
    assert lexicons_hit == {"a", "b"}
    second_doc = prepared[1]
    spans = [
        (second_doc.token_norms[f], second_doc.token_norms[last])
        for f, last in zip(together[1].first.tolist(), together[1].last.tolist(), strict=True)
    ]
    assert ("national", "interest") not in spans
    assert len(together[2]) == 0 and len(together[3]) == 0
    assert compiled.entry_lexicon[together[0].entry].tolist() == [0, 0, 1, 1]


def test_articles_are_unchanged_by_their_neighbours_in_a_batch() -> None:
    """A term at the end of one article must not continue into the next one."""
    compiled = CompiledLexicons([lexicon()])
    prepared = [prepare("a", "The national"), prepare("b", "interest rose")]
    hits = compiled.match_documents(prepared)
    assert [compiled.entries[e].term for e in hits[0].entry.tolist()] == []
    assert [compiled.entries[e].term for e in hits[1].entry.tolist()] == ["interest", "interest"]


def test_a_weight_zero_guard_stops_a_shorter_term_without_counting_itself() -> None:
    guarded = lexicon("g", "lies\ta\t1\t\nlies ahead\ta\t0\tguard\nlies in\ta\t0\tguard\n")
    matcher = LexiconMatcher(guarded)
    norms = ["more", "lies", "and", "what", "lies", "ahead", "lies", "in", "wait"]
    assert [(m.first, m.entry.term) for m in matcher.match(norms)] == [(1, "lies")]


def test_a_case_sensitive_lexicon_matches_the_tokens_as_written() -> None:
    cased = parse_lexicon(
        "# name: cased\n# case: sensitive\nterm\tcategory\tweight\tnote\n"
        "US\tcountry\t1\t\nMay\tmonth\t1\t\nUS Congress\tcountry\t1\t\nRussia's\tcountry\t1\t\n",
        "cased.tsv",
    )
    folded = lexicon("folded", "may\tb\t1\t\n")
    compiled = CompiledLexicons([folded, cased])
    assert compiled.needs_cased_tokens and cased.case_sensitive
    text = "Let us see. The US Congress met in May; it may act. Russia’s US. MAY."
    document = prepare("a", text)
    (hits,) = compiled.match_documents([document], [text])
    found = sorted(
        (
            text[document.token_starts[f] : document.token_ends[last]],
            compiled.entries[e].category,
        )
        for f, last, e in zip(
            hits.first.tolist(), hits.last.tolist(), hits.entry.tolist(), strict=True
        )
    )
    assert found == sorted(
        [
            ("US Congress", "country"),
            ("May", "month"),
            ("May", "b"),
            ("may", "b"),
            ("Russia’s", "country"),
            ("US", "country"),
            ("MAY", "b"),
        ]
    )
