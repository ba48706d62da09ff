"""The records of one article's analysis as JSON values: its scores, evidence and quotes.

Shared by the analysis export (``framing.export``) and ``framing annotate``. Split from
``framing.export`` so that annotating, which needs only these, does not import the story-level
analysis (its statistics and alignment pull in SciPy's ``stats`` and scikit-learn: about a
second of start-up, measured).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from framing.article_analysis import ArticleAnalysis
from framing.lexicon_scores import ArticleLexiconScores
from framing.model import Evidence
from framing.quotes import Quote
from framing.tone import classify

__all__ = [
    "article_scores",
    "evidence_record",
    "lexicon_scores_record",
    "quote_record",
]


def evidence_record(item: Evidence) -> dict[str, Any]:
    """One evidence span as JSON (shared by the analysis export and ``framing annotate``).

    ``negated`` appears only when true (a stance cue read under a negation), to keep the
    annotation of a large corpus small.
    """
    record: dict[str, Any] = {
        "start": item.start,
        "end": item.end,
        "layer": item.layer,
        "label": item.label,
        "weight": round(item.weight, 4),
    }
    if item.negated:
        record["negated"] = True
    return record


def _rate(numerator: float, denominator: float, scale: float = 1.0) -> float:
    return round(scale * numerator / denominator, 4) if denominator else 0.0


def lexicon_scores_record(scores: ArticleLexiconScores) -> dict[str, Any]:
    """One lexicon's scores for one article."""
    record: dict[str, Any] = {
        "hits": scores.n_hits,
        "score": round(scores.total_score, 4),
        "per_1000": _rate(scores.n_hits, scores.n_tokens, 1000.0),
        "sentences_with_cue": scores.sentences_with_cue,
        "sentence_share": _rate(scores.sentences_with_cue, scores.n_sentences),
        "categories": {
            c.category: {
                "hits": c.hits,
                "score": round(c.score, 4),
                "per_1000": _rate(c.hits, scores.n_tokens, 1000.0),
                "sentences": c.sentences,
                "sentence_share": _rate(c.sentences, scores.n_sentences),
                "negated": c.negated,
            }
            for c in scores.categories
        },
    }
    if scores.profile:
        record["profile"] = {category: round(share, 4) for category, share in scores.profile}
        record["used"] = list(scores.used)
        record["dominant"] = scores.dominant
    return record


def article_scores(analysis: ArticleAnalysis) -> dict[str, Any]:
    """Per-article scores (shared by the analysis export and ``framing annotate``)."""
    prepared = analysis.document.prepared
    tone = analysis.tone
    # each sentence classified once, not once per class counted
    classes = Counter(map(classify, [s.compound for s in tone.sentences]))
    return {
        "n_tokens": prepared.n_tokens,
        "n_sentences": prepared.n_sentences,
        "tone": {
            "mean": round(tone.mean_compound, 4),
            "positive_sentences": classes["positive"],
            "negative_sentences": classes["negative"],
            "sentences": len(tone.sentences),
        },
        "lexicons": {s.lexicon: lexicon_scores_record(s) for s in analysis.lexicons},
    }


def quote_record(q: Quote) -> dict[str, Any]:
    """One quote (shared by the analysis export and ``framing annotate``)."""
    return {
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "role": q.role,
        "side": q.side,
        "verb": q.verb,
        "verb_category": q.verb_category,
        "anonymous": q.anonymous,
    }
