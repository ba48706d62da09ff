"""The analysis as versioned JSON: the same objects the HTML report reads.

``ANALYSIS_FORMAT`` and ``ANALYSIS_VERSION`` open every file; a change that renames or removes a
field raises the version. Floats are rounded to fixed places so two runs give identical bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from framing import __version__
from framing.actors import ActorSalience
from framing.analysis import CorpusAnalysis, StoryAnalysis
from framing.article_records import article_scores, evidence_record, quote_record
from framing.frames import OutletFrames
from framing.indented_json import IndentedJson, Stream, indented_json, newline
from framing.labels import Label
from framing.lexicon import Lexicon
from framing.lexicon_scores import LexiconRates
from framing.model import Evidence
from framing.quotes import OutletSources
from framing.tables import coverage_record, statistics_record, term_record

ANALYSIS_FORMAT = "framing.analysis"
ANALYSIS_VERSION = 4


def rates_record(rates: LexiconRates) -> dict[str, Any]:
    """One lexicon pooled over an outlet or a group, with its sample size."""
    return {
        "n_articles": rates.n_articles,
        "n_sentences": rates.n_sentences,
        "n_tokens": rates.n_tokens,
        "hits": rates.n_hits,
        "sentences_with_cue": rates.sentences_with_cue,
        "sentence_share": round(rates.any_share, 4),
        "articles_by_dominant_frame": dict(rates.articles_by_dominant),
        "categories": {
            c.category: {
                "hits": c.hits,
                "score": round(c.score, 4),
                "per_1000": round(c.per_1000, 4),
                "sentences": c.sentences,
                "sentence_share": round(c.sentence_share, 4),
                "negated": c.negated,
            }
            for c in rates.categories
        },
    }


def lexicon_record(lexicon: Lexicon) -> dict[str, Any]:
    """A lexicon's provenance, as every export carries it."""
    return {
        "name": lexicon.name,
        "title": lexicon.title,
        "version": lexicon.version,
        "kind": lexicon.kind,
        "measures": lexicon.measures,
        "source": lexicon.source,
        "licence": lexicon.licence,
        "origin": lexicon.origin,
        "n_entries": len(lexicon.entries),
        "categories": {c.id: c.label for c in lexicon.categories},
    }


def sources_record(s: OutletSources) -> dict[str, Any]:
    """An outlet's sources: share of voice by speaker and side, anonymous share, verbs."""
    return {
        "n_articles": s.n_articles,
        "n_quotes": s.n_quotes,
        "n_quoted_words": s.n_words,
        "anonymous_share": round(s.anonymous_share, 4),
        "kinds": dict(s.kinds),
        "speakers": [
            {
                "speaker": p.speaker,
                "side": p.side,
                "anonymous": p.anonymous,
                "quotes": p.quotes,
                "words": p.words,
                "quote_share": round(p.quote_share, 4),
                "word_share": round(p.word_share, 4),
            }
            for p in s.speakers
        ],
        "sides": [
            {
                "side": d.side,
                "quotes": d.quotes,
                "words": d.words,
                "quote_share": round(d.quote_share, 4),
                "word_share": round(d.word_share, 4),
            }
            for d in s.sides
        ],
        "verbs": [{"verb": v.verb, "category": v.category, "count": v.count} for v in s.verbs],
    }


def actors_record(items: tuple[ActorSalience, ...]) -> list[dict[str, Any]]:
    """An outlet's actors: how often and how prominently named, and the tone around them."""
    return [
        {
            "actor": a.actor,
            "kind": a.kind,
            "articles": a.articles,
            "mentions": a.mentions,
            "share": round(a.share, 4),
            "headline_mentions": a.headline_mentions,
            "headline_articles": a.headline_articles,
            "lead_articles": a.lead_articles,
            "first_articles": a.first_articles,
            "tone_mean_compound": round(a.tone.mean_compound, 4),
            "tone_sentences": a.tone.n_sentences,
        }
        for a in items
    ]


def labels_record(by_actor: tuple[tuple[str, tuple[Label, ...]], ...]) -> dict[str, Any]:
    """An outlet's words for each actor, with counts and where they stand."""
    return {
        actor: [
            {
                "text": label.text,
                "kind": label.kind,
                "count": label.count,
                "head": label.head,
                "modifiers": list(label.modifiers),
                "evidence": [
                    evidence_record(e) | {"article": e.article_id} for e in label.evidence
                ],
            }
            for label in labels
        ]
        for actor, labels in by_actor
    }


def _frames_record(frames: OutletFrames) -> dict[str, Any]:
    return {
        "n_hits": frames.n_hits,
        "dominant": frames.dominant,
        "most_frequent": frames.most_frequent,
        "by_frame": [
            {
                "frame": share.frame,
                "count": share.count,
                "share": round(share.share, 4),
                "per_1000": round(share.per_1000, 3),
                "z": share.z,
            }
            for share in frames.frames
        ],
    }


def _story_record(story: StoryAnalysis) -> dict[str, Any]:
    outlets = []
    actors = dict(story.actors)
    labels = dict(story.labels)
    for index, (summary, tone, terms) in enumerate(
        zip(story.outlets, story.tone, story.terms.by_outlet, strict=True)
    ):
        outlets.append(
            {
                "outlet": summary.outlet,
                "group": summary.group,
                "n_articles": summary.n_articles,
                "n_sentences": summary.n_sentences,
                "n_tokens": summary.n_tokens,
                "frames": {
                    item.lexicon.name: _frames_record(item.frames[index])
                    for item in story.lexicons
                    if item.frames
                },
                "lexicons": {
                    item.lexicon.name: rates_record(item.outlets[index]) for item in story.lexicons
                },
                "sources": sources_record(story.sources[index]),
                "actors": actors_record(actors.get(summary.outlet, ())),
                "labels": labels_record(labels.get(summary.outlet, ())),
                "tone": {
                    "n_sentences": tone.n_sentences,
                    "mean_compound": round(tone.mean_compound, 4),
                    "share_positive": round(tone.share_positive, 4),
                    "share_negative": round(tone.share_negative, 4),
                    "share_neutral": round(tone.share_neutral, 4),
                },
                "terms": {
                    "unit": terms.unit,
                    "n_tokens": terms.n_tokens,
                    "n_tokens_rest": terms.n_tokens_rest,
                    "too_small": terms.too_small,
                    "top": [term_record(t) for t in terms.terms],
                },
            }
        )
    term_evidence: dict[str, list[Evidence]] = {}
    for item in story.terms.evidence:
        term_evidence.setdefault(item.article_id, []).append(item)
    articles = []
    for analysis in story.articles:
        article = analysis.document.article
        evidence = list(analysis.evidence) + term_evidence.get(article.id, [])
        evidence.sort(key=lambda e: (e.start, e.end, e.layer, e.label))
        articles.append(
            {
                "id": article.id,
                "outlet": article.outlet,
                "title": article.title,
                "date": article.date,
                "url": article.url,
                "group": article.group,
                "source": article.source,
                "scores": article_scores(analysis),
                "quotes": [quote_record(q) for q in analysis.quotes],
                "evidence": [evidence_record(e) for e in evidence],
            }
        )
    groups = {
        item.lexicon.name: {rates.name: rates_record(rates) for rates in item.groups}
        for item in story.lexicons
        if item.groups
    }
    return {
        "id": story.story.id,
        "outlets": outlets,
        "groups": groups,
        "statistics": statistics_record(story),
        "coverage": coverage_record(story),
        "articles": articles,
    }


def analysis_json(analysis: CorpusAnalysis) -> str:
    """Serialise a corpus analysis; deterministic for the same input and options."""
    document = _analysis_document(analysis.lexicons, analysis.n_articles, analysis.skipped)
    stories = Stream(_story_record(story) for story in analysis.stories)
    return indented_json({**document, "stories": stories}) + "\n"


def write_analysis_json(analysis: CorpusAnalysis, handle: TextIO) -> None:
    """Write :func:`analysis_json`'s text to ``handle`` story by story, never holding it whole
    (on a 200-story report it is half a gigabyte)."""
    writer = AnalysisJsonWriter(handle, analysis.lexicons, analysis.n_articles, analysis.skipped)
    for story in analysis.stories:
        writer.add(story_json(story))
    writer.close()


def story_json(story: StoryAnalysis) -> str:
    """One story's record as it stands in ``analysis.json``'s list of stories (indented at
    its depth): made wherever the story was analysed, so a worker process can send text
    instead of the analysis."""
    writer = IndentedJson()
    writer.write(_story_record(story), _STORY_DEPTH)
    return "".join(writer.parts)


_STORY_DEPTH = 2
"""The depth of a story's record: an item of the ``stories`` list of the top-level object."""


class AnalysisJsonWriter:
    """Writes ``analysis.json`` to ``handle`` as stories arrive, each already as text
    (:func:`story_json`), in the order they are added.

    Why text in, not analyses: stories analysed in other processes arrive as their text, and
    only one is held at a time. The bytes are those of :func:`analysis_json`: the head is the
    document written with an empty story list, cut before that list, and each story follows
    with the separator the indented layout puts between list items.
    """

    def __init__(
        self, handle: TextIO, lexicons: Iterable[Lexicon], n_articles: int, skipped: Iterable[str]
    ) -> None:
        self._handle = handle
        self._count = 0
        document = _analysis_document(lexicons, n_articles, skipped)
        empty = indented_json({**document, "stories": []})
        self._tail = newline(0) + "}"
        head = empty.removesuffix("[]" + self._tail)
        if head == empty:  # pragma: no cover - the layout puts the stories last, always
            raise AssertionError("the stories must be the last field of analysis.json")
        handle.write(head + "[")

    def add(self, story_text: str) -> None:
        """Append one story's record (from :func:`story_json`)."""
        inner = newline(_STORY_DEPTH)
        self._handle.write(("," + inner if self._count else inner) + story_text)
        self._count += 1

    def close(self) -> None:
        """Close the list and the document (the file ends with a newline)."""
        closing = "]" if not self._count else newline(_STORY_DEPTH - 1) + "]"
        self._handle.write(closing + self._tail + "\n")


def _analysis_document(
    lexicons: Iterable[Lexicon], n_articles: int, skipped: Iterable[str]
) -> dict[str, Any]:
    """The top of ``analysis.json`` before its stories (which are the last field)."""
    return {
        "format": ANALYSIS_FORMAT,
        "version": ANALYSIS_VERSION,
        "tool_version": __version__,
        "lexicons": [lexicon_record(lexicon) for lexicon in lexicons],
        "n_articles": n_articles,
        "skipped": list(skipped),
    }
