"""Validate the loaded-language lexicon against expert labels: ``python -m framing.validate``.

Why this exists: the loaded-language score in a report is only worth showing if it agrees with
what trained readers call biased wording. BABE (Spinde et al., Findings of EMNLP 2021) gives
3,674 news sentences labelled biased or not by experts, with the words they marked as biased.
This script measures the product's own score on it, not a variant built for the benchmark:

- sentence level: ROC-AUC of the sum of lexicon weights in a sentence against the label;
- word level: micro precision, recall and F1 of the words the lexicon flags against the
  annotators' biased words;
- beside them, what the figures must beat: the share of biased sentences (so a reader sees
  that chance is an AUC of 0.5), VADER's absolute compound score (does the lexicon measure more
  than sentiment?), and each category on its own (does it earn its place?).

The labelled sentences are split in two halves by a hash of their id, so the split never depends
on file order: the *tune* half is for error analysis and weight tuning, the *test* half for the
figures reported once at the end. BABE is development data, not part of the project: when the
file is absent the script says so on one line and exits 0, so a checkout without it still passes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from framing.lexicon import Lexicon, load_lexicon
from framing.matching import LexiconMatcher
from framing.tokens import tokenize

LEXICON_FILE = "loaded.tsv"
"""The lexicon under test, shipped in ``framing/lexicons``."""
ENV_VAR = "FRAMING_BABE"
"""Environment variable naming the BABE JSONL file, when it is not at the default place."""
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "babe" / "babe.jsonl"
"""``../shared/data/babe/babe.jsonl`` relative to the repository root (the package's parent)."""
HALVES = {"tune": 0, "test": 1}
"""Which ``crc32(id) % 2`` each half takes: tune on one, report on the other."""


class BabeFormatError(ValueError):
    """The BABE file exists but a line is not a JSON record with id, text and label."""


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One BABE sentence with an expert label (1 biased, 0 not) and the words marked biased."""

    id: str
    text: str
    label: int
    biased_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceHits:
    """What the lexicon finds in one sentence: the score and the flagged token norms.

    ``score`` is the product's loaded-language score, the sum of the weights of the matches;
    ``category_scores`` splits that sum by category, and ``words``/``category_words`` hold the
    token norms the matches cover (as sets, because word-level scoring compares sets).
    """

    score: float
    category_scores: dict[str, float]
    words: frozenset[str]
    category_words: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class WordScores:
    """Micro-averaged word-level agreement: true positives, predicted and gold word counts."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class CategoryResult:
    """One category on its own: AUC of its sum, its word-level precision, how often it fires."""

    id: str
    label: str
    entries: int
    auc: float | None
    precision: float
    predicted_words: int
    sentences_hit: int


@dataclass(frozen=True, slots=True)
class Validation:
    """Every figure the script reports for one half of the data."""

    half: str
    sentences: int
    positive_share: float
    auc: float | None
    auc_low: float | None
    auc_high: float | None
    vader_auc: float | None
    precision: float
    recall: float
    f1: float
    biased_without_hit: float
    unbiased_with_hit: float
    categories: list[CategoryResult] = field(default_factory=list)


def resolve_data_path(cli_path: str | None) -> Path:
    """Pick the BABE file: ``--data`` first, then ``$FRAMING_BABE``, then the default place."""
    if cli_path:
        return Path(cli_path)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return DEFAULT_DATA


def read_babe(path: Path) -> list[LabelledSentence]:
    """Read BABE's JSONL, keeping only sentences whose experts agreed on a label."""
    sentences: list[LabelledSentence] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row.get("label") is None:
                    continue
                sentences.append(
                    LabelledSentence(
                        id=str(row["id"]),
                        text=str(row["text"]),
                        label=int(row["label"]),
                        biased_words=tuple(str(word) for word in row.get("biased_words") or ()),
                    )
                )
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise BabeFormatError(f"{path}:{number}: not a BABE record ({error})") from None
    return sentences


def in_half(sentence_id: str, half: str) -> bool:
    """Whether a sentence belongs to a half; a hash of the id, so file order never matters."""
    return zlib.crc32(sentence_id.encode("utf-8")) % 2 == HALVES[half]


def select_half(sentences: Iterable[LabelledSentence], half: str) -> list[LabelledSentence]:
    """Return the sentences of one half (``tune`` or ``test``) in their original order."""
    return [sentence for sentence in sentences if in_half(sentence.id, half)]


def _is_word(norm: str) -> bool:
    """A token counts as a word unless it is pure punctuation (no letter or digit)."""
    return any(char.isalnum() for char in norm)


def gold_words(biased_words: Iterable[str]) -> frozenset[str]:
    """Token norms of the annotators' biased words, tokenised exactly like the sentences."""
    words: set[str] = set()
    for phrase in biased_words:
        words.update(norm for norm in tokenize(phrase)[2] if _is_word(norm))
    return frozenset(words)


def find_hits(text: str, matcher: LexiconMatcher) -> SentenceHits:
    """Score one sentence as the product does: the sum of the weights of non-overlapping matches.

    The whole text is treated as one sentence (BABE items are single sentences, sometimes with a
    quoted fragment before them).
    """
    norms = tokenize(text)[2]
    score = 0.0
    category_scores: dict[str, float] = {}
    words: set[str] = set()
    category_words: dict[str, set[str]] = {}
    for match in matcher.match(norms):
        entry = match.entry
        score += entry.weight
        category_scores[entry.category] = category_scores.get(entry.category, 0.0) + entry.weight
        covered = {norm for norm in norms[match.first : match.last + 1] if _is_word(norm)}
        words.update(covered)
        category_words.setdefault(entry.category, set()).update(covered)
    return SentenceHits(
        score=score,
        category_scores=category_scores,
        words=frozenset(words),
        category_words={key: frozenset(value) for key, value in category_words.items()},
    )


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """ROC-AUC of scores against 0/1 labels; ``None`` when only one class is present.

    Ties count half, as in scikit-learn, so a score that is zero for most sentences is not
    rewarded for the order in which the ties happen to fall.
    """
    if len(set(labels)) < 2:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(list(labels), list(scores)))


def word_scores(predicted: Sequence[frozenset[str]], gold: Sequence[frozenset[str]]) -> WordScores:
    """Micro word-level agreement: sum |pred & gold| over sum |pred| and over sum |gold|."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold need one word set per sentence")
    return WordScores(
        true_positives=sum(len(p & g) for p, g in zip(predicted, gold, strict=True)),
        predicted=sum(len(p) for p in predicted),
        gold=sum(len(g) for g in gold),
    )


BOOTSTRAP_RESAMPLES = 1000
"""Resamples for the AUC's interval: enough for two stable decimals."""


def auc_interval(
    scores: Sequence[float], labels: Sequence[int], level: float = 0.95, seed: int = 0
) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval of the ROC-AUC, resampling sentences (fixed seed).

    A figure of 0.78 on 1,800 sentences is not exact; the interval says how far another sample
    of the same kind of sentences could move it.
    """
    import numpy as np
    from sklearn.metrics import roc_auc_score

    score_array = np.asarray(scores, dtype=float)
    label_array = np.asarray(labels, dtype=int)
    if len(set(label_array.tolist())) < 2:
        return None, None
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(BOOTSTRAP_RESAMPLES):
        pick = rng.integers(0, len(label_array), len(label_array))
        if label_array[pick].min() == label_array[pick].max():
            continue
        values.append(float(roc_auc_score(label_array[pick], score_array[pick])))
    tail = (1 - level) / 2
    return float(np.quantile(values, tail)), float(np.quantile(values, 1 - tail))


def vader_scores(texts: Sequence[str]) -> list[float]:
    """Absolute VADER compound score per text: the sentiment baseline the lexicon must beat."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return [abs(float(analyzer.polarity_scores(text)["compound"])) for text in texts]


def share(flags: Iterable[bool]) -> float:
    """Share of true values; 0 for an empty sequence."""
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def validate(
    sentences: Sequence[LabelledSentence],
    lexicon: Lexicon,
    half: str = "",
    baseline: Sequence[float] | None = None,
) -> Validation:
    """Compute every reported figure for some labelled sentences.

    ``baseline`` holds a comparison score per sentence (VADER's by default); pass a list to keep
    tests independent of VADER.
    """
    matcher = LexiconMatcher(lexicon)
    labels = [sentence.label for sentence in sentences]
    hits = [find_hits(sentence.text, matcher) for sentence in sentences]
    gold = [gold_words(sentence.biased_words) for sentence in sentences]
    overall = word_scores([hit.words for hit in hits], gold)
    if baseline is None:
        baseline = vader_scores([sentence.text for sentence in sentences])
    categories: list[CategoryResult] = []
    for category in lexicon.categories:
        predicted = [hit.category_words.get(category.id, frozenset()) for hit in hits]
        scores = word_scores(predicted, gold)
        categories.append(
            CategoryResult(
                id=category.id,
                label=category.label,
                entries=sum(1 for entry in lexicon.entries if entry.category == category.id),
                auc=roc_auc([hit.category_scores.get(category.id, 0.0) for hit in hits], labels),
                precision=scores.precision,
                predicted_words=scores.predicted,
                sentences_hit=sum(1 for words in predicted if words),
            )
        )
    low, high = auc_interval([hit.score for hit in hits], labels)
    return Validation(
        half=half,
        sentences=len(sentences),
        positive_share=share(label == 1 for label in labels),
        auc=roc_auc([hit.score for hit in hits], labels),
        auc_low=low,
        auc_high=high,
        vader_auc=roc_auc(baseline, labels),
        precision=overall.precision,
        recall=overall.recall,
        f1=overall.f1,
        biased_without_hit=share(
            hit.score == 0 for hit, label in zip(hits, labels, strict=True) if label == 1
        ),
        unbiased_with_hit=share(
            hit.score != 0 for hit, label in zip(hits, labels, strict=True) if label == 0
        ),
        categories=categories,
    )


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_table(result: Validation) -> str:
    """Render the figures as a small plain-text table for a terminal or a log."""
    lines = [
        f"loaded-language lexicon on BABE, {result.half} half: {result.sentences} sentences",
        "",
        f"{'measure':<44}{'value':>8}",
        f"{'share of biased sentences (chance AUC = 0.5)':<44}{_fmt(result.positive_share):>8}",
        f"{'sentence ROC-AUC, loaded-language score':<44}{_fmt(result.auc):>8}",
        f"{'  95% bootstrap interval (sentences)':<44}"
        f"{_fmt(result.auc_low):>8} to {_fmt(result.auc_high)}",
        f"{'sentence ROC-AUC, VADER |compound| baseline':<44}{_fmt(result.vader_auc):>8}",
        f"{'word precision':<44}{_fmt(result.precision):>8}",
        f"{'word recall':<44}{_fmt(result.recall):>8}",
        f"{'word F1':<44}{_fmt(result.f1):>8}",
        f"{'biased sentences with no hit':<44}{_fmt(result.biased_without_hit):>8}",
        f"{'unbiased sentences with a hit':<44}{_fmt(result.unbiased_with_hit):>8}",
        "",
        f"{'category':<20}{'rows':>6}{'AUC':>8}{'word P':>8}{'words':>7}{'sents':>7}",
    ]
    for category in result.categories:
        lines.append(
            f"{category.id:<20}{category.entries:>6}{_fmt(category.auc):>8}"
            f"{_fmt(category.precision):>8}{category.predicted_words:>7}"
            f"{category.sentences_hit:>7}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the validation on one half of BABE and print a table (or JSON).

    Returns 0 when the figures were printed or the data is absent (a validation that cannot run
    skips cleanly), 1 when the data file is malformed.
    """
    parser = argparse.ArgumentParser(
        prog="python -m framing.validate",
        description="Validate the loaded-language lexicon against BABE's expert labels.",
    )
    parser.add_argument(
        "--half",
        choices=sorted(HALVES),
        default="tune",
        help="tune: for development; test: held out, for the figures reported once",
    )
    parser.add_argument(
        "--data",
        default=None,
        help=f"BABE JSONL file (default: ${ENV_VAR}, else {DEFAULT_DATA})",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    path = resolve_data_path(args.data)
    if not path.is_file():
        print(f"BABE data not found at {path}; validation skipped.")
        return 0
    try:
        sentences = select_half(read_babe(path), args.half)
    except BabeFormatError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    result = validate(sentences, load_lexicon(LEXICON_FILE), half=args.half)
    if args.json:
        json.dump(asdict(result), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
