"""Summaries of sources: who one outlet quotes, how much, from which side, with which verbs.

What it does: ``summarize_sources`` turns an outlet's ``Quote`` records into share of voice
by speaker and by side, the anonymous share, the attribution verbs used and the counts by
kind (``OutletSources``).

Why separate from ``framing.quotes``: finding quotes reads one article's text; summarising
them is arithmetic over many articles' quotes and needs none of the span-finding rules.
``framing.quotes`` re-exports these names, so existing imports keep working.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.quote_clauses import count_words

if TYPE_CHECKING:
    from framing.quotes import Quote

__all__ = [
    "KINDS",
    "OutletSources",
    "SideShare",
    "SpeakerShare",
    "VerbUse",
    "summarize_sources",
]

KINDS = ("direct", "indirect", "anonymous")


@dataclass(frozen=True, slots=True)
class SpeakerShare:
    """One speaker's share of an outlet's quotes: by number of quotes and by quoted words."""

    speaker: str
    side: str | None
    anonymous: bool
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class SideShare:
    """One side's share of an outlet's quotes ("none" when the caller named no side)."""

    side: str
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class VerbUse:
    """An attribution verb as written, its stance category and how often the outlet used it."""

    verb: str
    category: str
    count: int


@dataclass(frozen=True, slots=True)
class OutletSources:
    """Who one outlet quotes, how much, from which side, and with which verbs."""

    outlet: str
    n_articles: int
    n_quotes: int
    n_words: int
    anonymous_share: float
    speakers: tuple[SpeakerShare, ...]
    sides: tuple[SideShare, ...]
    verbs: tuple[VerbUse, ...]
    kinds: tuple[tuple[str, int], ...]


def _quoted_words(quote: Quote) -> int:
    return max(1, (quote.end - quote.start + 5) // 6)


def summarize_sources(
    outlet: str, quotes: Sequence[Quote], n_articles: int, texts: dict[str, str] | None = None
) -> OutletSources:
    """Summarise one outlet's quotes: share of voice by speaker and side, anonymity, verbs.

    Word counts come from ``texts`` (article id -> text) when given; otherwise a quote's
    length in characters divided by six (the mean English word plus a space) stands in.
    Orderings are by count, then name, so the same quotes always give the same summary.
    """

    def words(quote: Quote) -> int:
        if texts is not None and quote.article_id in texts:
            return max(1, count_words(texts[quote.article_id][quote.start : quote.end]))
        return _quoted_words(quote)

    n_quotes = len(quotes)
    total_words = sum(words(q) for q in quotes)
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    speakers = sorted(
        (
            SpeakerShare(
                speaker=name,
                side=group[0].side,
                anonymous=group[0].anonymous,
                quotes=len(group),
                words=sum(words(q) for q in group),
                quote_share=len(group) / n_quotes,
                word_share=sum(words(q) for q in group) / total_words if total_words else 0.0,
            )
            for name, group in by_speaker.items()
        ),
        key=lambda s: (-s.words, -s.quotes, s.speaker),
    )
    by_side: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_side.setdefault(quote.side or "none", []).append(quote)
    sides = sorted(
        (
            SideShare(
                side=name,
                quotes=len(group),
                words=sum(words(q) for q in group),
                quote_share=len(group) / n_quotes,
                word_share=sum(words(q) for q in group) / total_words if total_words else 0.0,
            )
            for name, group in by_side.items()
        ),
        key=lambda s: (-s.words, -s.quotes, s.side),
    )
    verb_counts = Counter((q.verb, q.verb_category) for q in quotes if q.verb)
    verbs = tuple(
        VerbUse(verb, category, count)
        for (verb, category), count in sorted(
            verb_counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])
        )
    )
    kind_counts = Counter(q.kind for q in quotes)
    anonymous = sum(q.anonymous for q in quotes)
    return OutletSources(
        outlet=outlet,
        n_articles=n_articles,
        n_quotes=n_quotes,
        n_words=total_words,
        anonymous_share=anonymous / n_quotes if n_quotes else 0.0,
        speakers=tuple(speakers),
        sides=tuple(sides),
        verbs=verbs,
        kinds=tuple((kind, kind_counts.get(kind, 0)) for kind in KINDS),
    )
