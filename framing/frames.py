"""Compare frame lexicons across a story's outlets: which frame each outlet stresses.

The counts come from :mod:`framing.lexicon_scores` (a count of listed words and phrases per
frame); this module pools them per outlet and compares each outlet with the rest of the story.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from framing.statistics import log_odds_dirichlet


class HasCounts(Protocol):
    """An article's cue counts per frame (``ArticleLexiconScores`` is one)."""

    @property
    def counts(self) -> Mapping[str, int]: ...


@dataclass(frozen=True, slots=True)
class FrameShare:
    """One frame in one outlet: cues, their share, rate, and emphasis against the other outlets.

    ``z`` is the log-odds z-score of this frame's cues in this outlet against the rest of the
    story (Monroe et al. 2008, as for words); 0.0 when the story has a single outlet.
    """

    frame: str
    count: int
    share: float
    per_1000: float
    z: float


@dataclass(frozen=True, slots=True)
class OutletFrames:
    """An outlet's frame profile over its articles in a story, with the sample it rests on.

    ``most_frequent`` is the frame with the most cues in the outlet's own text (``None`` on a tie
    or with no cues). ``dominant`` is the frame the outlet stresses most *compared with the other
    outlets*: the highest positive ``z`` among frames with at least ``MIN_DOMINANT_COUNT`` cues.
    The two differ when a frame's vocabulary is common to every outlet's report of the event:
    every article on an arms deal names its price, but only some make the price the story.
    With one outlet in the story there is nothing to compare, and ``dominant`` is
    ``most_frequent``.
    """

    outlet: str
    n_articles: int
    n_tokens: int
    n_hits: int
    frames: tuple[FrameShare, ...]
    most_frequent: str | None
    dominant: str | None

    def share_of(self, frame: str) -> FrameShare:
        return next(share for share in self.frames if share.frame == frame)


MIN_DOMINANT_COUNT = 2
"""A frame needs at least this many cues in an outlet to be called its dominant frame."""


@dataclass(frozen=True, slots=True)
class OutletFrameInput:
    """What ``compare_frames`` needs of one outlet: its articles' counts and its word total."""

    outlet: str
    articles: tuple[HasCounts, ...]
    n_tokens: int


def compare_frames(
    outlets: Sequence[OutletFrameInput], frame_ids: Sequence[str]
) -> tuple[OutletFrames, ...]:
    """Pool each outlet's frame counts and compare each outlet with the rest of its story."""
    counts = np.array(
        [[sum(a.counts.get(f, 0) for a in o.articles) for f in frame_ids] for o in outlets],
        dtype=float,
    ).reshape(len(outlets), len(frame_ids))
    totals = counts.sum(axis=0)
    profiles = []
    for row, item in enumerate(outlets):
        own = counts[row]
        if len(outlets) > 1:
            _, _, z = log_odds_dirichlet(own, totals - own, totals)
            z = np.where(totals > 0, np.nan_to_num(z), 0.0)
        else:
            z = np.zeros(len(frame_ids))
        n_hits = int(own.sum())
        shares = tuple(
            FrameShare(
                frame,
                int(own[k]),
                float(own[k] / n_hits) if n_hits else 0.0,
                float(1000.0 * own[k] / item.n_tokens) if item.n_tokens else 0.0,
                round(float(z[k]), 3),
            )
            for k, frame in enumerate(frame_ids)
        )
        most_frequent = _top(shares, key=lambda s: s.count, floor=1)
        if len(outlets) > 1:
            dominant = _top(
                [s for s in shares if s.count >= MIN_DOMINANT_COUNT and s.z > 0],
                key=lambda s: s.z,
                floor=0,
            )
        else:
            dominant = most_frequent
        profiles.append(
            OutletFrames(
                item.outlet,
                len(item.articles),
                item.n_tokens,
                n_hits,
                shares,
                most_frequent,
                dominant,
            )
        )
    return tuple(profiles)


def _top(
    shares: Sequence[FrameShare], key: Callable[[FrameShare], float], floor: float
) -> str | None:
    """Return the frame with the largest key, or None when there is none or the top is tied."""
    ranked = sorted(shares, key=key, reverse=True)
    if not ranked or key(ranked[0]) < floor:
        return None
    if len(ranked) > 1 and key(ranked[0]) == key(ranked[1]):
        return None
    return ranked[0].frame
