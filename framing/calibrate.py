"""Calibration of the tests: ``python -m framing.calibrate [--stories 200]``.

Does the report call differences that are not there? It simulates stories in which every outlet
is drawn from one distribution (the same generator of news-like sentences, ``framing.synthetic``)
and runs the real pipeline on each: lexicons, estimates, every test, Benjamini-Hochberg across the
story's tests, findings. Whatever it reports there is a false difference. Then it injects a
difference of a stated size (one outlet gets extra sentences with loaded words) and counts how
often the report finds it: the power.

Printed: the share of null stories with at least one reported difference (the bar: at most 5%,
which Benjamini-Hochberg guarantees when every null is true), the share of all null tests that
came out significant, and the power with the injected difference's size in percentage points.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from framing.analysis import (
    Resources,
    analyze_documents,
    analyze_story,
    finish_stories,
    load_resources,
    prepare_document,
)
from framing.model import Article
from framing.stories import group_stories
from framing.synthetic import generate_articles
from framing.terms import TermOptions

INJECTED = "Critics called the plan a reckless disgrace."
"""The sentence added to one outlet to make a difference: two loaded words."""
METRIC = "loaded-language/any"


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    """What the report said about one simulated story."""

    tests: int
    significant: int
    found_injected: bool
    injected_difference: float
    word_tests: int
    notable_words: int


def simulate_story(
    index: int, resources: Resources, *, outlets: int, articles: int, words: int, inject: float
) -> StoryOutcome:
    """Build one story from the generator, optionally inject, analyse, and count the claims."""
    rng = random.Random(index)
    records = list(
        generate_articles(outlets * articles, seed=10_000 + index, words=words, stories=1)
    )
    documents = []
    for number, record in enumerate(records):
        outlet = f"Outlet {number % outlets + 1}"
        text = record["text"]
        if inject and outlet == "Outlet 1":
            paragraphs = text.split("\n\n")
            text = "\n\n".join(
                f"{p} {INJECTED}" if rng.random() < inject else p for p in paragraphs
            )
        article = Article(id=f"s{index}-{number}", outlet=outlet, text=text, story=f"sim-{index}")
        documents.append(prepare_document(article))
    by_id = {a.document.id: a for a in analyze_documents(documents, resources)}
    (story,) = group_stories(documents)
    analysis = analyze_story(
        story, (by_id[d.id] for d in story.documents), resources, TermOptions()
    )
    (done,) = finish_stories([analysis])
    comparisons = done.statistics.comparisons
    tested = [c for c in comparisons if c.tested]
    injected = done.statistics.versus_rest("Outlet 1", METRIC)
    terms = done.terms
    listed = [t for o in terms.by_outlet for t in o.terms]
    listed += [t for g in terms.by_group for t in g.terms]
    listed += [t for p in terms.pairs for t in (*p.a_terms, *p.b_terms)]
    return StoryOutcome(
        len(tested),
        sum(c.significant for c in tested),
        any(
            f.holder == "Outlet 1" and f.metric == METRIC and f.direction == "more"
            for f in done.findings
        ),
        injected.difference if injected is not None else 0.0,
        terms.n_tests,
        sum(t.notable for t in listed),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m framing.calibrate", description=__doc__)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--articles", type=int, default=2, help="articles per outlet")
    parser.add_argument("--words", type=int, default=600, help="words per article")
    parser.add_argument(
        "--inject",
        type=float,
        default=0.6,
        help="share of paragraphs of one outlet that get a sentence with loaded words",
    )
    args = parser.parse_args(argv)
    resources = load_resources()
    started = time.perf_counter()
    shape = {"outlets": args.outlets, "articles": args.articles, "words": args.words}
    null = [simulate_story(i, resources, inject=0.0, **shape) for i in range(args.stories)]
    power = [simulate_story(i, resources, inject=args.inject, **shape) for i in range(args.stories)]
    elapsed = time.perf_counter() - started
    stories_with_claim = sum(o.significant > 0 for o in null)
    tests = sum(o.tests for o in null)
    false = sum(o.significant for o in null)
    word_stories = sum(o.notable_words > 0 for o in null)
    word_tests = sum(o.word_tests for o in null)
    notable = sum(o.notable_words for o in null)
    found = sum(o.found_injected for o in power)
    size = sum(o.injected_difference for o in power) / len(power)
    print(
        f"{args.stories} simulated stories per condition: {args.outlets} outlets x "
        f"{args.articles} articles of about {args.words} words ({elapsed:.0f} s)"
    )
    print(
        f"no difference built in: {stories_with_claim} of {args.stories} stories "
        f"({100 * stories_with_claim / args.stories:.1f}%) report any difference at q < 0.05; "
        f"{false} of {tests:,} tests ({100 * false / max(tests, 1):.2f}%) come out significant"
    )
    print(
        f"words, no difference built in: {word_stories} of {args.stories} stories "
        f"({100 * word_stories / args.stories:.1f}%) list a notable word (q < 0.05); "
        f"{notable} of {word_tests:,} word tests ({100 * notable / max(word_tests, 1):.2f}%)"
    )
    print(
        f"difference built in (one outlet, loaded words, +{100 * size:.0f} percentage points of "
        f"sentences on average): found in {found} of {args.stories} stories "
        f"(power {100 * found / args.stories:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
