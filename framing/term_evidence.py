"""Where a story's listed terms occur: one evidence span per occurrence, for highlighting.

Split from :mod:`framing.terms`: finding the spans reads the occurrences recorded while
counting (``framing.term_counting.Counts``), not the statistics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from framing.model import Evidence, Story
from framing.term_counting import Counts

if TYPE_CHECKING:
    from framing.terms import _Listed, _Target


def term_evidence(
    story: Story,
    counts: Counts,
    targets: Sequence[_Target],
    listed: Sequence[tuple[_Listed, _Listed] | None],
) -> tuple[Evidence, ...]:
    """Mark every occurrence of each listed term in the articles of the side that lists it.

    Why no rescan per term: each article's occurrences were recorded with their vocabulary
    ids and token positions while counting, so one ``isin`` per article against the terms
    listed for it finds them all. A span runs from the first token's start to the last
    token's end (never past a sentence, since the phrase never is). A term listed by several
    targets (an outlet, its group, a pair) is marked once per occurrence.
    """
    wanted: dict[int, set[int]] = {}
    for target, item in zip(targets, listed, strict=True):
        if item is None:
            continue
        for docs, side in ((target.docs_own, item[0]), (target.docs_other, item[1])):
            if not side.columns.size:
                continue
            ids = counts.keep[side.columns].tolist()
            for doc in docs.tolist():
                wanted.setdefault(doc, set()).update(ids)
    return occurrences(story, counts, wanted, "term")


def occurrences(
    story: Story, counts: Counts, wanted: dict[int, set[int]], layer: str
) -> tuple[Evidence, ...]:
    """Spans of the wanted vocabulary ids in each document (by index), from the recorded
    occurrences: one ``isin`` per document, never a rescan per term."""
    evidence: list[Evidence] = []
    for doc in sorted(wanted):
        document = story.documents[doc]
        where = slice(counts.offsets[doc], counts.offsets[doc + 1])
        ids = counts.occurrence_ids[where]
        starts, lengths = counts.occurrence_starts[where], counts.occurrence_lengths[where]
        if not wanted[doc]:
            continue
        hits = np.flatnonzero(np.isin(ids, np.fromiter(wanted[doc], dtype=np.int64)))
        if not hits.size:
            continue
        prepared = document.prepared
        token_starts = np.asarray(prepared.token_starts, dtype=np.int64)
        token_ends = np.asarray(prepared.token_ends, dtype=np.int64)
        begin = token_starts[starts[hits]].tolist()
        end = token_ends[starts[hits] + lengths[hits] - 1].tolist()
        labels = counts.vocabulary[ids[hits]].tolist()
        text = document.article.text
        spans = sorted(zip(begin, end, labels, strict=True))
        evidence.extend(
            Evidence(document.id, s, e, layer, str(label), 1.0, text[s:e]) for s, e, label in spans
        )
    return tuple(evidence)
