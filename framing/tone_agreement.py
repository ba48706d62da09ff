"""How closely our VADER agrees with ``vaderSentiment``: ``python -m framing.tone_agreement``.

Why this exists: :mod:`framing.tone` applies VADER's rules as array operations on the project's
own tokens instead of calling ``vaderSentiment``, for speed and character offsets. Users
should know what that costs in fidelity. The script scores real news sentences both ways and
prints the agreement (Pearson r of the compound scores, the share given the same class,
positive / neutral / negative with VADER's thresholds, the mean absolute difference) and the
speed of each.

Sentences: the bundled corpus (``corpora/s400``, original prose, always present) and, when it
is beside the checkout, BABE (3,674 sentences from 11 US outlets; development data outside the
repository, see ``framing.validate``). A BABE text that our splitter cuts into several
sentences has no single compound of ours, so it is left out and counted. The differences are
deliberate (see :mod:`framing.tone`: tokens without punctuation, the "but" rule by position, no
ALL-CAPS rule), so agreement is high but not perfect.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.article_analysis import prepare_document
from framing.loading import load_corpus
from framing.model import Article
from framing.tone import classify, load_vader_lexicon, score_tones
from framing.validate import BabeFormatError, read_babe, resolve_data_path

BUNDLED = Path(__file__).resolve().parent.parent / "corpora" / "s400"
"""The bundled corpus, when the package runs from a checkout."""


@dataclass(frozen=True, slots=True)
class Agreement:
    """Agreement of our compound scores with ``vaderSentiment``'s on one set of sentences."""

    name: str
    sentences: int
    left_out: int
    pearson_r: float
    same_class: float
    mean_abs_difference: float
    ours_per_second: float
    ours_with_preparation_per_second: float
    theirs_per_second: float


def agreement(name: str, texts: Sequence[str], *, whole_only: bool) -> Agreement:
    """Score ``texts`` both ways; with ``whole_only``, skip texts we split into sentences."""
    lexicon = load_vader_lexicon()
    started = time.perf_counter()
    documents = [
        prepare_document(Article(id=str(i), outlet="-", text=text)) for i, text in enumerate(texts)
    ]
    prepared = time.perf_counter()
    tones = score_tones(documents, lexicon)
    ours_seconds = time.perf_counter() - prepared
    prepare_seconds = prepared - started
    ours: list[float] = []
    sentences: list[str] = []
    left_out = 0
    for text, document, tone in zip(texts, documents, tones, strict=True):
        if whole_only and len(tone.compounds) != 1:
            left_out += 1
            continue
        for span, compound in zip(document.prepared.sentences, tone.compounds, strict=True):
            ours.append(compound)
            sentences.append(text[span.start : span.end])
    analyzer = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    theirs = [float(analyzer.polarity_scores(sentence)["compound"]) for sentence in sentences]
    theirs_seconds = time.perf_counter() - started
    ours_array, theirs_array = np.asarray(ours), np.asarray(theirs)
    same = [classify(a) == classify(b) for a, b in zip(ours, theirs, strict=True)]
    return Agreement(
        name=name,
        sentences=len(ours),
        left_out=left_out,
        pearson_r=float(np.corrcoef(ours_array, theirs_array)[0, 1]) if len(ours) > 1 else 0.0,
        same_class=float(np.mean(same)) if same else 0.0,
        mean_abs_difference=float(np.mean(np.abs(ours_array - theirs_array))) if ours else 0.0,
        ours_per_second=len(ours) / ours_seconds if ours_seconds else 0.0,
        ours_with_preparation_per_second=len(ours) / (ours_seconds + prepare_seconds),
        theirs_per_second=len(theirs) / theirs_seconds if theirs_seconds else 0.0,
    )


def bundled_sentences(folder: Path = BUNDLED) -> list[str]:
    """The bundled corpus's article texts (each split into sentences when scored)."""
    return [article.text for article in load_corpus(folder)] if folder.is_dir() else []


def format_table(results: Sequence[Agreement]) -> str:
    """A plain-text table, one row per set of sentences."""
    lines = [
        f"{'sentences':<10}{'n':>7}{'left out':>10}{'r':>7}{'same class':>12}"
        f"{'mean |diff|':>13}{'ours/s':>10}{'+prepare/s':>12}{'vaderSentiment/s':>18}"
    ]
    for r in results:
        lines.append(
            f"{r.name:<10}{r.sentences:>7,}{r.left_out:>10,}{r.pearson_r:>7.3f}"
            f"{r.same_class:>12.1%}{r.mean_abs_difference:>13.3f}"
            f"{r.ours_per_second:>10,.0f}{r.ours_with_preparation_per_second:>12,.0f}"
            f"{r.theirs_per_second:>18,.0f}"
        )
    lines.append(
        "sentences per second: ours/s scores prepared tokens, +prepare/s includes splitting "
        "and tokenising (done once for every analyzer); vaderSentiment tokenises itself. "
        "Same class: positive, neutral or negative with VADER's thresholds (+-0.05)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table (or JSON). Returns 1 only when the BABE file is malformed."""
    parser = argparse.ArgumentParser(
        prog="python -m framing.tone_agreement",
        description="Agreement of framing's VADER with the vaderSentiment package.",
    )
    parser.add_argument("--data", default=None, help="BABE JSONL file (as framing.validate)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = []
    bundled = bundled_sentences()
    if bundled:
        results.append(agreement("s400", bundled, whole_only=False))
    path = resolve_data_path(args.data)
    if path.is_file():
        try:
            babe = [sentence.text for sentence in read_babe(path)]
        except BabeFormatError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        results.append(agreement("BABE", babe, whole_only=True))
    else:
        print(f"BABE data not found at {path}; only the bundled corpus is scored.", file=sys.stderr)
    if args.json:
        json.dump([asdict(r) for r in results], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
