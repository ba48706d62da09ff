"""``framing stories PATH``: show how a corpus falls into stories before running a report.

Why a command of its own: when articles carry no ``story`` field, framing groups them by text
and date, and a user should be able to check that grouping (which articles went together, how
coherent each story is, which articles fit poorly) and tune ``--window-days`` or
``--threshold`` before trusting a report built on it. ``--json`` gives the same listing as a
versioned record for scripts and spreadsheets.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from framing.errors import UsageError
from framing.loading import load_corpus
from framing.model import Document
from framing.stories import (
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    POOR_FIT_RATIO,
    StoryGrouping,
    StoryInfo,
    find_stories,
)
from framing.text import prepare

Print = Callable[[str], None]

FORMAT = "framing.stories"
VERSION = 1


def add_stories_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing stories PATH [--json] [--window-days N] [--threshold X]``."""
    stories = commands.add_parser(
        "stories",
        help="list the stories of a corpus (grouped automatically where articles name none)",
        description="List each story with its articles, its coherence and the articles that "
        "fit it poorly. Articles without a 'story' field are grouped by the similarity of "
        "their text within a date window; articles that name a story keep it.",
    )
    stories.add_argument("path", type=Path, help="a folder of articles, or a .txt/.md/.jsonl/.csv")
    stories.add_argument(
        "--json", action="store_true", help="print a versioned JSON listing instead of text"
    )
    stories.add_argument(
        "--window-days",
        type=int,
        default=DEFAULT_WINDOW_DAYS,
        metavar="N",
        help="never join articles more than N days apart (default: %(default)s; articles "
        "without a date are not limited)",
    )
    stories.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="X",
        help="how similar (cosine, 0-1) two articles must be to be joined (default: "
        "%(default)s; higher splits more stories)",
    )
    stories.add_argument("--debug", action="store_true", help="show tracebacks")
    stories.set_defaults(force=False)


def run_stories(args: argparse.Namespace, out: Print = print) -> int:
    """Load the corpus, group it into stories and print the listing; return the exit code."""
    window_days: int = args.window_days
    threshold: float = getattr(args, "threshold", DEFAULT_THRESHOLD)
    if window_days < 0:
        raise UsageError(f"--window-days must be 0 or more, not {window_days}")
    if not 0 < threshold <= 1:
        raise UsageError(f"--threshold must be above 0 and at most 1, not {threshold:g}")
    corpus = load_corpus(args.path)
    documents = [Document(article, prepare(article.id, article.text)) for article in corpus]
    grouping = find_stories(documents, window_days=window_days, threshold=threshold)
    if args.json:
        out(stories_json(grouping, len(corpus), corpus.skipped))
        return 0
    for line in stories_text(grouping, len(corpus)):
        out(line)
    if corpus.skipped:
        skipped = "; ".join(_plain(item) for item in corpus.skipped)
        out(f"framing: passed over {len(corpus.skipped)} file(s): {skipped}")
    return 0


def stories_record(
    grouping: StoryGrouping, n_articles: int, skipped: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Return the versioned listing as plain data (what ``--json`` prints)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "settings": {
            "window_days": grouping.window_days,
            "threshold": grouping.threshold,
            "poor_fit_ratio": POOR_FIT_RATIO,
        },
        "n_articles": n_articles,
        "skipped": list(skipped),
        "stories": [_story_record(info) for info in grouping.stories],
    }


def stories_json(grouping: StoryGrouping, n_articles: int, skipped: tuple[str, ...] = ()) -> str:
    """Return the listing as JSON text (stable key order, UTF-8 characters kept)."""
    return json.dumps(stories_record(grouping, n_articles, skipped), ensure_ascii=False, indent=2)


def _story_record(info: StoryInfo) -> dict[str, Any]:
    return {
        "id": info.story.id,
        "title": info.title,
        "automatic": info.automatic,
        "top_terms": list(info.top_terms),
        "coherence": info.coherence,
        "n_articles": len(info.story.documents),
        "outlets": list(info.story.outlets),
        "articles": [
            {
                "id": document.id,
                "outlet": document.article.outlet,
                "date": document.article.date,
                "title": document.article.title,
                "similarity": fit.similarity,
                "to_others": fit.to_others,
                "poor_fit": fit.poor,
            }
            for document, fit in zip(info.story.documents, info.fits, strict=True)
        ],
        "poor_fits": [fit.article_id for fit in info.poor_fits],
    }


def stories_text(grouping: StoryGrouping, n_articles: int) -> list[str]:
    """Return the plain-text listing, one line per item (user text made safe for a terminal)."""
    count = len(grouping.stories)
    lines = [
        f"framing: {n_articles} article(s), {count} {'story' if count == 1 else 'stories'} "
        f"(articles without a story field joined at similarity >= {grouping.threshold:g}, "
        f"at most {grouping.window_days} day(s) apart)"
    ]
    for info in grouping.stories:
        documents = info.story.documents
        kind = "grouped automatically" if info.automatic else "named in the articles"
        lines.append("")
        lines.append(f"{_plain(info.story.id)}: {_plain(info.title)} ({kind})")
        if len(documents) == 1:
            lines.append("  1 article: coherence not measured")
        else:
            lines.append(
                f"  {len(documents)} articles from {len(info.story.outlets)} outlet(s); "
                f"coherence {info.coherence:.2f} (mean similarity to the story's centre, 0-1)"
            )
        for document, fit in zip(documents, info.fits, strict=True):
            article = document.article
            mark = "  <- fits poorly" if fit.poor else ""
            lines.append(
                f"  - {_plain(article.outlet) or '(no outlet)'}, {article.date or 'no date'}: "
                f"{_plain(article.title) or '(untitled)'} [{_plain(document.id)}] "
                f"fit {fit.similarity:.2f}{mark}"
            )
        if info.poor_fits:
            lines.append(
                f"  fits poorly: {len(info.poor_fits)} article(s) whose similarity to the "
                f"story's other articles is under {POOR_FIT_RATIO:g} x the median of the rest; "
                "check that they belong here"
            )
    return lines


def _plain(text: str) -> str:
    """Return ``text`` on one line with control and bidirectional-override characters escaped.

    Why: titles and ids are user input, and a terminal obeys escape sequences (colours, cursor
    moves, a rewritten title bar) and bidi overrides that would make a listing lie.
    """
    return "".join(f"\\u{ord(char):04x}" if _unsafe(char) else char for char in text)


_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _unsafe(char: str) -> bool:
    """Control characters, line separators and bidi controls; joiners (Cf) in names are kept."""
    return char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp")
