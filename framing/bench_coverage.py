"""Time the coverage alignment alone on generated stories of 10, 50 and 200 articles.

Run ``python -m framing.bench_coverage``. Articles come from ``framing.synthetic`` (5 outlets),
all put in one story, and are prepared first; only ``align_coverage`` is timed (best of a few
runs, so a stray pause on a laptop does not count). The ratios show how the time grows with
the story: the alignment is meant to stay close to linear, and a 50-article story must take
under 2 s. Generated text is a worst case for the matching: its sentences come from a small
grammar, so many are near-copies and every word is shared by many sentences.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from framing.article_analysis import prepare_document
from framing.coverage import align_coverage
from framing.model import Article, Story
from framing.synthetic import generate_articles

SIZES = (10, 50, 200)
LIMIT_50 = 2.0
"""Seconds the 50-article story may take."""


def make_story(n: int, *, seed: int = 0) -> Story:
    """Generate and prepare ``n`` articles as one story (5 outlets, in turn)."""
    documents = []
    for record in generate_articles(n, seed=seed, stories=1):
        article = Article(
            id=str(record["id"]),
            outlet=str(record["outlet"]),
            text=str(record["text"]),
            title=str(record["title"]),
            date=str(record["date"]),
            story="bench",
        )
        documents.append(prepare_document(article))
    documents.sort(key=lambda d: (d.article.outlet, d.id))
    return Story("bench", tuple(documents))


def time_alignment(story: Story, *, repeat: int = 3) -> float:
    """Return the best wall time of ``repeat`` alignments of ``story``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        align_coverage(story)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Print sentences, claims, seconds and growth ratios per size; non-zero if too slow."""
    del argv
    previous: tuple[int, float] | None = None
    failed = False
    print(
        f"{'articles':>8} {'sentences':>9} {'claims':>7} {'seconds':>8} {'x time':>7} {'x size':>7}"
    )
    for n in SIZES:
        story = make_story(n)
        sentences = sum(doc.prepared.n_sentences for doc in story.documents)
        claims = len(align_coverage(story).claims)
        seconds = time_alignment(story)
        ratio = size = ""
        if previous is not None:
            ratio = f"{seconds / previous[1]:.2f}"
            size = f"{n / previous[0]:.2f}"
        print(f"{n:>8} {sentences:>9} {claims:>7} {seconds:>8.3f} {ratio:>7} {size:>7}")
        if n == 50 and seconds >= LIMIT_50:
            failed = True
        previous = (n, seconds)
    if failed:
        print(f"the 50-article story took {LIMIT_50} s or more", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
