"""Deterministic news-like articles for benchmarks and scale tests.

The text is assembled from a small grammar (actors, verbs, objects, quotes, numbers) with a
seeded ``random.Random``, so the same arguments always give the same articles. It is not meant
to read well; it is meant to look like news to a tokenizer, a sentence splitter and the
lexicons: varied sentence lengths, quotes with attributions, abbreviations, names, figures.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

OUTLETS = ("Harbor Wire", "Capital Ledger", "Northern Courier", "Eastern Review", "Delta Post")
ACTORS = (
    "the U.S. State Department",
    "Gen. Laura Mendez",
    "the defence ministry",
    "Mr. Okafor",
    "officials in Ankara",
    "analysts in New Delhi",
    "a senior diplomat",
    "the manufacturer",
    "Dr. Ilse Varga",
    "lawmakers",
)
VERBS = ("said", "warned", "claimed", "noted", "insisted", "argued", "told reporters")
OBJECTS = (
    "the air-defence system",
    "the missile deal",
    "the $2.5 billion contract",
    "the alliance",
    "the sanctions law",
    "the radar network",
    "the export order",
    "the delivery schedule",
    "the partnership",
    "national sovereignty",
)
CLAUSES = (
    "would threaten the security of the region",
    "was a sovereign decision that no one could dictate",
    "could strain trust between the partners",
    "would bring revenue and new customers to the industry",
    "kept the country's options open between great powers",
    "could track targets at long range with its radar",
    "had not changed since Jan. 5",
    "was worth about 5.4 billion dollars",
    "was not a good idea",
    "remained a very welcome step",
)


def _sentence(rng: random.Random) -> str:
    actor = rng.choice(ACTORS)
    verb = rng.choice(VERBS)
    thing = rng.choice(OBJECTS)
    clause = rng.choice(CLAUSES)
    form = rng.random()
    if form < 0.25:
        return f"“{thing.capitalize()} {clause},” {actor} {verb}."
    if form < 0.45:
        return f"{actor[0].upper() + actor[1:]} {verb} that {thing} {clause}."
    if form < 0.6:
        return f"According to {actor}, {thing} {clause} — and talks continue."
    extra = rng.choice(("", " in 2019", " this week", " on Friday", " after the summit"))
    return f"{thing[0].upper() + thing[1:]} {clause}{extra}."


def generate_articles(
    n: int, *, seed: int = 0, words: int = 600, stories: int = 20
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` article records (the loader's JSONL fields) of about ``words`` words each.

    Article ``i`` belongs to story ``i % stories`` and to outlet ``(i // stories) % 5``, so
    every story with five or more articles has all five outlets.
    """
    rng = random.Random(seed)
    for index in range(n):
        paragraphs: list[str] = []
        count = 0
        while count < words:
            sentences = [_sentence(rng) for _ in range(rng.randint(1, 4))]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        yield {
            "id": f"gen-{index:07d}",
            "outlet": OUTLETS[(index // stories) % len(OUTLETS)],
            "title": f"Generated report {index}",
            "date": f"2018-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "story": f"story-{index % stories:03d}",
            "text": "\n\n".join(paragraphs),
        }


def write_jsonl(path: str, n: int, *, seed: int = 0, words: int = 600, stories: int = 20) -> None:
    """Write ``n`` generated articles to ``path`` as JSONL."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in generate_articles(n, seed=seed, words=words, stories=stories):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
