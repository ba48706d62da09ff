"""The analysis as versioned JSON: the same objects the HTML report reads.

``ANALYSIS_FORMAT`` and ``ANALYSIS_VERSION`` open every file; a change that renames or removes a
field raises the version. Floats are rounded to fixed places so two runs give identical bytes.
"""

from __future__ import annotations

import json
from typing import Any

from framing import __version__
from framing.analysis import ArticleAnalysis, CorpusAnalysis, StoryAnalysis
from framing.model import Evidence
from framing.tone import classify

ANALYSIS_FORMAT = "framing.analysis"
ANALYSIS_VERSION = 1


def evidence_record(item: Evidence) -> dict[str, Any]:
    """One evidence span as JSON (shared by the analysis export and ``framing annotate``)."""
    return {
        "start": item.start,
        "end": item.end,
        "layer": item.layer,
        "label": item.label,
        "weight": round(item.weight, 4),
    }


def article_scores(analysis: ArticleAnalysis) -> dict[str, Any]:
    """Per-article scores (shared by the analysis export and ``framing annotate``)."""
    prepared = analysis.document.prepared
    tone = analysis.tone
    n = len(tone.sentences)
    compounds = [s.compound for s in tone.sentences]
    return {
        "n_tokens": prepared.n_tokens,
        "n_sentences": prepared.n_sentences,
        "frames": dict(analysis.frames.counts),
        "frame_hits": analysis.frames.n_hits,
        "tone_mean": round(tone.mean_compound, 4),
        "tone_positive_sentences": sum(1 for c in compounds if classify(c) == "positive"),
        "tone_negative_sentences": sum(1 for c in compounds if classify(c) == "negative"),
        "tone_sentences": n,
    }


def _story_record(story: StoryAnalysis) -> dict[str, Any]:
    outlets = []
    for summary, frames, tone, terms in zip(
        story.outlets, story.frames, story.tone, story.terms.by_outlet, strict=True
    ):
        outlets.append(
            {
                "outlet": summary.outlet,
                "group": summary.group,
                "n_articles": summary.n_articles,
                "n_sentences": summary.n_sentences,
                "n_tokens": summary.n_tokens,
                "frames": {
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
                },
                "tone": {
                    "n_sentences": tone.n_sentences,
                    "mean_compound": round(tone.mean_compound, 4),
                    "share_positive": round(tone.share_positive, 4),
                    "share_negative": round(tone.share_negative, 4),
                    "share_neutral": round(tone.share_neutral, 4),
                },
                "terms": {
                    "n_tokens": terms.n_tokens,
                    "n_tokens_rest": terms.n_tokens_rest,
                    "top": [
                        {
                            "term": t.term,
                            "count": t.count,
                            "count_rest": t.count_rest,
                            "tfidf": t.tfidf,
                            "delta": t.delta,
                            "variance": t.variance,
                            "z": t.z,
                        }
                        for t in terms.terms
                    ],
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
                "evidence": [evidence_record(e) for e in evidence],
            }
        )
    return {"id": story.story.id, "outlets": outlets, "articles": articles}


def analysis_json(analysis: CorpusAnalysis) -> str:
    """Serialise a corpus analysis; deterministic for the same input and options."""
    lexicon = analysis.frame_lexicon
    document = {
        "format": ANALYSIS_FORMAT,
        "version": ANALYSIS_VERSION,
        "tool_version": __version__,
        "frame_lexicon": {
            "name": lexicon.name,
            "version": lexicon.version,
            "categories": {c.id: c.label for c in lexicon.categories},
        },
        "n_articles": analysis.n_articles,
        "skipped": list(analysis.skipped),
        "stories": [_story_record(story) for story in analysis.stories],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
