"""Frame cues: count each frame lexicon category in an article, every hit an evidence span.

The count is what the number is: how many listed words and phrases of each frame the article
uses. Matching runs sentence by sentence so a phrase never joins the end of one sentence to the
start of the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.lexicon import LexiconMatcher
from framing.model import Document, Evidence


@dataclass(frozen=True, slots=True)
class ArticleFrames:
    """Frame cue counts of one article (category id -> count) and the hits behind them."""

    article_id: str
    counts: dict[str, int]
    evidence: tuple[Evidence, ...]

    @property
    def n_hits(self) -> int:
        return sum(self.counts.values())


def score_frames(document: Document, matcher: LexiconMatcher) -> ArticleFrames:
    """Find every frame cue in a document."""
    prepared = document.prepared
    text = document.article.text
    counts = {category.id: 0 for category in matcher.lexicon.categories}
    evidence: list[Evidence] = []
    norms = prepared.token_norms
    for first, last in prepared.sentence_token_ranges():
        for match in matcher.match(norms[first:last]):
            start = prepared.token_starts[first + match.first]
            end = prepared.token_ends[first + match.last]
            category = match.entry.category
            counts[category] += 1
            evidence.append(
                Evidence(
                    document.id,
                    start,
                    end,
                    "frame",
                    category,
                    match.entry.weight,
                    text[start:end],
                )
            )
    return ArticleFrames(document.id, counts, tuple(evidence))


@dataclass(frozen=True, slots=True)
class FrameShare:
    """One frame in one outlet: hits, share of the outlet's frame hits, and hits per 1,000 words."""

    frame: str
    count: int
    share: float
    per_1000: float


@dataclass(frozen=True, slots=True)
class OutletFrames:
    """An outlet's frame profile over its articles in a story, with the sample it rests on.

    ``dominant`` is the frame with the most cues, or ``None`` when no cue was found or the top two
    are tied: a tie is reported as a tie rather than broken arbitrarily.
    """

    outlet: str
    n_articles: int
    n_tokens: int
    n_hits: int
    frames: tuple[FrameShare, ...]
    dominant: str | None


def summarize_frames(
    outlet: str, articles: list[ArticleFrames], n_tokens: int, frame_ids: list[str]
) -> OutletFrames:
    """Pool an outlet's article frame counts into its profile."""
    totals = {frame: sum(a.counts.get(frame, 0) for a in articles) for frame in frame_ids}
    n_hits = sum(totals.values())
    shares = tuple(
        FrameShare(
            frame,
            totals[frame],
            totals[frame] / n_hits if n_hits else 0.0,
            1000.0 * totals[frame] / n_tokens if n_tokens else 0.0,
        )
        for frame in frame_ids
    )
    ranked = sorted(shares, key=lambda s: -s.count)
    dominant = None
    if ranked and ranked[0].count > 0 and (len(ranked) == 1 or ranked[0].count > ranked[1].count):
        dominant = ranked[0].frame
    return OutletFrames(outlet, len(articles), n_tokens, n_hits, shares, dominant)
