"""``framing annotate``: one JSON record per article, for researchers scoring any collection.

Record schema (``ANNOTATION_FORMAT`` version ``ANNOTATION_VERSION``; documented in the README):
``format``, ``version``, ``id``, ``outlet``, ``sentences`` (``start``, ``end``), ``evidence``
(``start``, ``end``, ``layer``, ``label``, ``weight``) and ``scores``. Offsets are code-point
indices into the article's text as loaded (after decoding and newline normalisation).
Later versions may add layers and scores; removing or renaming a field raises the version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from framing.analysis import Resources, analyze_document, prepare_document
from framing.export import article_scores, evidence_record
from framing.model import Article
from framing.output import check_targets, open_atomic

ANNOTATION_FORMAT = "framing.annotation"
ANNOTATION_VERSION = 1


def annotation_record(article: Article, resources: Resources) -> dict[str, Any]:
    """Analyze one article on its own and return its record."""
    analysis = analyze_document(prepare_document(article), resources)
    evidence = sorted(analysis.evidence, key=lambda e: (e.start, e.end, e.layer, e.label))
    return {
        "format": ANNOTATION_FORMAT,
        "version": ANNOTATION_VERSION,
        "id": article.id,
        "outlet": article.outlet,
        "sentences": [
            {"start": s.start, "end": s.end} for s in analysis.document.prepared.sentences
        ],
        "evidence": [evidence_record(e) for e in evidence],
        "scores": article_scores(analysis),
    }


def write_annotations(
    articles: Iterable[Article], resources: Resources, out: Path, *, force: bool = False
) -> int:
    """Write one line per article to ``out`` (atomically) and return how many were written."""
    check_targets([out], force=force)
    count = 0
    with open_atomic(out) as handle:
        for article in articles:
            record = annotation_record(article, resources)
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            handle.write("\n")
            count += 1
    return count
