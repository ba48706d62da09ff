"""The statistics of an analysis as rows: one source for the JSON export and the CSV tables.

Both exports take their numbers from these rows, rounded once here, so a spreadsheet and the
JSON (and the page, which reads the same estimates) cannot disagree.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from framing.analysis import CorpusAnalysis, StoryAnalysis
from framing.comparisons import MIN_CUE_SENTENCES, MIN_SENTENCES
from framing.intervals import REPLICATES
from framing.significance import ALPHA, MIN_ARTICLES_FOR_ARTICLE_UNITS, PERMUTATIONS
from framing.terms import TermScore

TABLE_MARK = "framing_table"
"""The first column of every CSV framing writes: marks the file as framing's own."""


def _r(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(float(value), places)


def _p(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def estimate_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Every rate of every outlet and group, with its interval and sample size."""
    metrics = {metric.key: metric for metric in story.statistics.metrics}
    rows = []
    for e in story.statistics.estimates:
        metric = metrics[e.metric]
        rows.append(
            {
                "story": story.story.id,
                "holder": e.holder,
                "lexicon": metric.lexicon,
                "category": metric.category,
                "label": metric.label,
                "n_articles": e.n_articles,
                "n_sentences": e.n_sentences,
                "sentences_with": e.sentences_with,
                "share": _r(e.share),
                "share_low": _r(e.share_low),
                "share_high": _r(e.share_high),
                "n_tokens": e.n_tokens,
                "hits": e.hits,
                "per_1000": _r(e.per_1000, 3),
                "per_1000_low": _r(e.per_1000_low, 3),
                "per_1000_high": _r(e.per_1000_high, 3),
                "enough_text": e.enough,
            }
        )
    return rows


def tone_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Mean sentence tone of every outlet and group, with its interval."""
    return [
        {
            "story": story.story.id,
            "holder": t.holder,
            "n_sentences": t.n_sentences,
            "mean_compound": _r(t.mean),
            "low": _r(t.low),
            "high": _r(t.high),
        }
        for t in story.statistics.tone
    ]


def comparison_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Every comparison: tested ones with p and q, untested ones with the reason."""
    metrics = {metric.key: metric for metric in story.statistics.metrics}
    return [
        {
            "story": story.story.id,
            "kind": c.kind,
            "a": c.a,
            "b": c.b,
            "lexicon": metrics[c.metric].lexicon,
            "category": metrics[c.metric].category,
            "label": metrics[c.metric].label,
            "count_a": c.count_a,
            "n_a": c.n_a,
            "count_b": c.count_b,
            "n_b": c.n_b,
            "share_a": _r(c.share_a),
            "share_b": _r(c.share_b),
            "difference": _r(c.difference),
            "ratio": _r(c.ratio),
            "method": c.method,
            "tested": c.tested,
            "reason": c.reason,
            "p": _p(c.p),
            "q": _p(c.q),
            "significant": c.significant,
        }
        for c in story.statistics.comparisons
    ]


def finding_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """The findings in plain words, with the numbers behind them."""
    return [
        {
            "story": story.story.id,
            "holder": f.holder,
            "lexicon": f.lexicon,
            "category": f.category,
            "direction": f.direction,
            "difference": _r(f.difference),
            "q": _p(f.q),
            "text": f.text,
        }
        for f in story.findings
    ]


def term_record(t: TermScore) -> dict[str, Any]:
    """One listed term with its raw counts beside every statistic (``count_rest`` is what it
    is compared with: the rest of the story, or the other outlet of a pair)."""
    return {
        "term": t.term,
        "n": t.n,
        "count": t.count,
        "count_rest": t.count_rest,
        "tfidf": t.tfidf,
        "delta": t.delta,
        "variance": t.variance,
        "z": t.z,
        "g2": t.g2,
        "log_ratio": t.log_ratio,
        "p": t.p,
        "q": t.q,
        "notable": t.notable,
    }


def term_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Every listed term of every outlet, group and pair, with counts and statistics."""
    result = story.terms
    rows: list[dict[str, Any]] = []

    def add(kind: str, target: str, against: str, terms: Sequence[TermScore]) -> None:
        for t in terms:
            rows.append(
                {
                    "story": story.story.id,
                    "kind": kind,
                    "target": target,
                    "against": against,
                    "unit": result.unit,
                    **term_record(t),
                }
            )

    for outlet in result.by_outlet:
        add("outlet-vs-rest", outlet.outlet, "the other outlets", outlet.terms)
    for group in result.by_group:
        add("group-vs-rest", f"group: {group.group}", "the rest of the story", group.terms)
    for pair in result.pairs:
        add("pair", pair.a, pair.b, pair.a_terms)
        add("pair", pair.b, pair.a, pair.b_terms)
    return rows


def claim_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Every sentence of every claim (sentences matched across outlets), with its place."""
    coverage = story.coverage
    return [
        {
            "story": story.story.id,
            "claim": claim.id,
            "outlets_reporting": len(claim.outlets),
            "unique": claim.unique,
            "outlet": sentence.outlet,
            "article": sentence.article_id,
            "sentence_index": sentence.index,
            "position": sentence.position,
            "start": sentence.start,
            "end": sentence.end,
            "similarity": _r(sentence.similarity),
            "representative": sentence == claim.representative,
        }
        for claim in coverage.claims
        for sentence in claim.sentences
    ]


def omission_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """Claims most outlets report and one leaves out."""
    claims = {claim.id: claim for claim in story.coverage.claims}
    return [
        {
            "story": story.story.id,
            "claim": o.claim_id,
            "outlet": o.outlet,
            "outlets_reporting": len(claims[o.claim_id].outlets),
            "outlets": len(story.coverage.outlets),
            "representative": claims[o.claim_id].representative.text,
        }
        for o in story.coverage.omitted
    ]


def fact_rows(story: StoryAnalysis) -> list[dict[str, Any]]:
    """The facts checklist (``--facts``): each fact against each outlet, with the best match."""
    if story.facts is None:
        return []
    texts = dict(zip(story.facts.facts, story.facts.texts, strict=True))
    return [
        {
            "story": story.story.id,
            "fact": m.fact_id,
            "text": texts[m.fact_id],
            "outlet": m.outlet,
            "included": m.included,
            "similarity": _r(m.similarity),
            "missing": " | ".join(m.missing),
            "article": m.evidence.article_id if m.evidence else "",
            "start": m.evidence.start if m.evidence else None,
            "end": m.evidence.end if m.evidence else None,
        }
        for m in story.facts.matches
    ]


def coverage_record(story: StoryAnalysis) -> dict[str, Any]:
    """The coverage block of a story in ``analysis.json``."""
    coverage = story.coverage
    return {
        "match_threshold": coverage.match_threshold,
        "high_threshold": coverage.high_threshold,
        "outlets": list(coverage.outlets),
        "claims": claim_rows(story),
        "omitted": omission_rows(story),
        "facts": fact_rows(story),
    }


def method_record() -> dict[str, Any]:
    """How the intervals and tests were made, carried by every export."""
    return {
        "confidence": 0.95,
        "bootstrap_replicates": REPLICATES,
        "permutations": PERMUTATIONS,
        "alpha": ALPHA,
        "correction": "Benjamini-Hochberg across every test of the report",
        "min_sentences": MIN_SENTENCES,
        "min_cue_sentences": MIN_CUE_SENTENCES,
        "min_articles_for_article_units": MIN_ARTICLES_FOR_ARTICLE_UNITS,
    }


def statistics_record(story: StoryAnalysis) -> dict[str, Any]:
    """The statistics block of a story in ``analysis.json``."""
    return {
        "method": method_record(),
        "estimates": estimate_rows(story),
        "tone": tone_rows(story),
        "comparisons": comparison_rows(story),
        "findings": finding_rows(story),
        "terms": term_rows(story),
        "term_tests": story.terms.n_tests,
    }


CSV_TABLES = {
    "measures.csv": estimate_rows,
    "tone.csv": tone_rows,
    "comparisons.csv": comparison_rows,
    "findings.csv": finding_rows,
    "terms.csv": term_rows,
    "claims.csv": claim_rows,
    "omitted.csv": omission_rows,
    "facts.csv": fact_rows,
}
"""The CSV files ``framing report --csv`` writes, one row per estimate, test or finding."""


def csv_files(analysis: CorpusAnalysis) -> dict[str, str]:
    """Every CSV table of an analysis, by file name; all stories in one file per table."""
    files = {}
    for name in CSV_TABLES:
        buffer = io.StringIO()
        write_csv_table(name, analysis.stories, buffer)
        files[name] = buffer.getvalue()
    return files


def write_csv_table(name: str, stories: Iterable[StoryAnalysis], handle: TextIO) -> None:
    """Write the CSV table ``name`` (a key of ``CSV_TABLES``) to ``handle``, a story at a time.

    The columns are those of the first row of any story (every row of a table has the same
    keys), or just ``story`` when no story has a row.
    """
    writer = CsvTableWriter(handle)
    for story in stories:
        writer.add(story_csv_rows(name, story))
    writer.close()


@dataclass(frozen=True, slots=True)
class StoryRows:
    """One story's rows of one CSV table, already as CSV text, and the table's columns."""

    columns: tuple[str, ...]
    text: str


def story_csv_rows(name: str, story: StoryAnalysis) -> StoryRows | None:
    """The rows of table ``name`` for one story as CSV text (``None`` when it has none).

    Made wherever the story was analysed, so a worker process sends text, not the analysis;
    a CSV row's text does not depend on the rows before it, so the file is their
    concatenation.
    """
    rows = CSV_TABLES[name](story)
    if not rows:
        return None
    keys = list(rows[0].keys())
    pick = _picker(keys)
    table = name.removesuffix(".csv")
    buffer = io.StringIO()
    # Tables reach a million cells: they are picked and converted by ``itemgetter`` and
    # ``map`` (C code) rather than by a generator per row.
    csv.writer(buffer, lineterminator="\n").writerows(
        [table, *map(_cell, pick(row))] for row in rows
    )
    return StoryRows(tuple(keys), buffer.getvalue())


class CsvTableWriter:
    """Writes one CSV table to ``handle`` as stories' rows arrive (:func:`story_csv_rows`).

    The header comes from the first story with rows; a table without any row gets the header
    ``story`` alone, so every file says what it is.
    """

    def __init__(self, handle: TextIO) -> None:
        self._handle = handle
        self._writer = csv.writer(handle, lineterminator="\n")
        self._started = False

    def add(self, rows: StoryRows | None) -> None:
        """Append one story's rows (nothing for ``None``)."""
        if rows is None:
            return
        if not self._started:
            self._writer.writerow([TABLE_MARK, *rows.columns])
            self._started = True
        self._handle.write(rows.text)

    def close(self) -> None:
        """Write the bare header if no story had a row."""
        if not self._started:
            self._writer.writerow([TABLE_MARK, "story"])


def _picker(keys: Sequence[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A function giving a row's values in ``keys`` order, always as a tuple."""
    if len(keys) > 1:
        return operator.itemgetter(*keys)
    key = keys[0]
    return lambda row: (row[key],)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these would run as a formula in a spreadsheet."""


def _cell(value: object) -> object:
    """A CSV cell: empty for none, true/false, and text that cannot become a formula (an outlet
    named "=HYPERLINK(...)" is written as "'=HYPERLINK(...)", as OWASP advises)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
