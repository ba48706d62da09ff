"""Group prepared documents into stories (by the ``story`` field) in a stable order."""

from __future__ import annotations

from collections.abc import Iterable

from framing.model import Document, Story


def group_stories(documents: Iterable[Document]) -> tuple[Story, ...]:
    """Return one ``Story`` per story id, sorted by id.

    Within a story, outlets keep the order in which they first appear in the input (a user who
    names files ``1-wire.txt``, ``2-daily.txt`` chooses the column order), and each outlet's
    articles are ordered by date, then id, so the same input always gives the same report.
    """
    by_story: dict[str, list[Document]] = {}
    for document in documents:
        by_story.setdefault(document.article.story, []).append(document)
    stories = []
    for story_id in sorted(by_story):
        docs = by_story[story_id]
        outlet_rank: dict[str, int] = {}
        for doc in docs:
            outlet_rank.setdefault(doc.article.outlet, len(outlet_rank))
        docs.sort(key=lambda d: (outlet_rank[d.article.outlet], d.article.date or "", d.article.id))
        stories.append(Story(story_id, tuple(docs)))
    return tuple(stories)
