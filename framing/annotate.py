"""``framing annotate``: one JSON record per article, for researchers scoring any collection.

Record schema (``ANNOTATION_FORMAT`` version ``ANNOTATION_VERSION``; documented field by field in
the README, section "Annotation records"):

- ``format``, ``version``, ``id``, ``outlet``, ``group``;
- ``lexicons``: name -> version of every lexicon applied (so a record says what produced it);
- ``sentences``: ``start``, ``end``, ``tone`` (VADER compound) and ``cues`` (lexicon name ->
  category -> hits, only the lexicons with a hit in that sentence);
- ``evidence``: ``start``, ``end``, ``layer`` (a lexicon name, ``tone``, ``quote`` or
  ``speaker``), ``label`` (the category, or the speaker), ``weight``, and ``negated: true`` for
  a negated stance cue;
- ``quotes``: every quote: ``kind`` (direct, indirect, anonymous), the quoted span, the
  speaker as written and resolved, role, side, verb and its category;
- ``mentions``: every actor named (``actor``, ``start``, ``end``, ``in_title``: then the
  offsets are into the title);
- ``targets``: for each of the input's ``targets`` spans, the mean VADER compound of the
  sentences it touches (``tone``) and how many (``sentences``);
- ``scores``: ``n_tokens``, ``n_sentences``, ``tone`` and ``lexicons`` (per lexicon: hits, rate
  per 1,000 tokens, sentences with a cue, per category the same, and for frame lexicons the
  normalised ``profile``, the frames ``used`` and the ``dominant`` one).

Offsets are code-point indices into the article's text as loaded (after decoding and newline
normalisation). Later versions may add fields; removing or renaming one raises the version.
Version 2 replaced version 1's ``frames``/``frame_hits``/``tone_*`` score fields with the
``tone`` and ``lexicons`` objects; version 3 added ``quotes``, ``mentions``, ``targets`` and
the quote layers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from framing.actor_mentions import article_mention_spans
from framing.actors import find_mentions, tone_toward_targets
from framing.article_analysis import (
    BATCH_SIZE,
    ArticleAnalysis,
    Resources,
    analyze_documents,
    prepare_document,
)
from framing.article_records import article_scores, evidence_record, quote_record
from framing.evidence_text import EvidenceText
from framing.execution import ResourceSpec, run_batches
from framing.model import Article
from framing.output import check_targets, open_atomic
from framing.progress import progress_bar
from framing.quotes import Quote
from framing.record_sentences import SentencesText
from framing.record_text import ENCODE as _ENCODE
from framing.record_text import ScoresText, TextMemo

ANNOTATION_FORMAT = "framing.annotation"
ANNOTATION_VERSION = 3


def annotation_record(analysis: ArticleAnalysis, resources: Resources) -> dict[str, Any]:
    """The record of one analysed article, as a dict.

    This is the schema's plain statement; ``annotate_batch`` writes the same record straight
    to JSON text (``_LineWriter``), and the tests hold the two to the same bytes.
    """
    article = analysis.document.article
    prepared = analysis.document.prepared
    evidence = sorted(analysis.evidence, key=lambda e: (e.start, e.end, e.layer, e.label))
    cues: dict[int, dict[str, dict[str, int]]] = {}
    for scores in analysis.lexicons:
        for sentence in scores.sentence_cues:
            cues.setdefault(sentence.sentence, {})[scores.lexicon] = dict(sentence.counts)
    sentences = []
    for index, (span, tone) in enumerate(
        zip(prepared.sentences, analysis.tone.sentences, strict=True)
    ):
        sentences.append(
            {
                "start": span.start,
                "end": span.end,
                "tone": tone.compound,
                "cues": cues.get(index, {}),
            }
        )
    return {
        "format": ANNOTATION_FORMAT,
        "version": ANNOTATION_VERSION,
        "id": article.id,
        "outlet": article.outlet,
        "group": article.group,
        "lexicons": {lexicon.name: lexicon.version for lexicon in resources.lexicons},
        "sentences": sentences,
        "evidence": [evidence_record(e) for e in evidence],
        "quotes": [quote_record(q) for q in analysis.quotes],
        "mentions": [
            {"actor": m.actor, "start": m.start, "end": m.end, "in_title": m.in_title}
            for m in find_mentions([analysis.document], resources.actors).get(article.id, ())
        ],
        "targets": [
            {
                "label": t.label,
                "start": t.start,
                "end": t.end,
                "tone": round(t.mean_compound, 4),
                "sentences": t.n_sentences,
            }
            for t in tone_toward_targets(analysis.document, article.targets, resources.vader)
        ],
        "scores": article_scores(analysis),
    }


def annotate_batch(resources: Resources, articles: list[Article]) -> list[str]:
    """The JSON lines (without newlines) of a batch of articles, in order.

    The unit of work of every backend (``framing.execution``): it depends only on the
    articles and the resources, so serial, ``--jobs`` and Dask runs write the same bytes.
    """
    documents = [prepare_document(article) for article in articles]
    return annotation_lines(analyze_documents(documents, resources), resources)


def annotation_lines(analyses: Iterable[ArticleAnalysis], resources: Resources) -> list[str]:
    """The JSON text of each analysed article's record (the bytes ``annotation_record``
    would give through ``json.dumps``, written directly)."""
    items = list(analyses)
    lines: list[str] = []
    for lo in range(0, len(items), BATCH_SIZE):
        lines += _LineWriter(resources).lines(items[lo : lo + BATCH_SIZE])
    return lines


_MENTION = '{"actor":%s,"start":%d,"end":%d,"in_title":%s}'
"""A mention's record, as ``annotation_record`` writes it."""


class _LineWriter:
    """Write annotation records straight to JSON text: for every article, the same bytes as
    ``json.dumps(annotation_record(...), ensure_ascii=False, separators=(",", ":"))``.

    Why: an article has about 330 evidence spans, 45 sentences and 27 quotes, and building
    a dict for each (after an ``Evidence`` object for each lexicon hit) for the C encoder to
    walk cost more than all the rest of the record. Here the spans are read from the
    lexicons' hit columns, and the lists of records are written as text. Every string and
    float still goes through json's own encoder (``_ENCODE``), remembered per value
    (``record_text.TextMemo``): a batch repeats a few hundred labels, names and weights.
    Only ints (offsets and counts, whose ``str`` is what json writes), booleans and the fixed
    punctuation are written here; the sentences are written by ``record_sentences``, the
    scores object by ``record_text``, the evidence by ``evidence_text``; the targets (most
    articles have none) are still dicts through the encoder. Made once per batch, so what
    it remembers stays bounded. The parts are made in
    the record's order, each over the whole batch (``lines``), so the first target outside
    the text in the batch fails, after the mentions are found, as it did.
    """

    def __init__(self, resources: Resources) -> None:
        self._resources = resources
        self._lexicons = _ENCODE({lexicon.name: lexicon.version for lexicon in resources.lexicons})
        self._head = f'{{"format":{_ENCODE(ANNOTATION_FORMAT)},"version":{ANNOTATION_VERSION}'
        self._memo = memo = TextMemo()
        self._string = memo.string
        self._scores = ScoresText(memo)
        self._sentences = SentencesText(memo)
        self._evidence = EvidenceText(memo)

    def line(self, analysis: ArticleAnalysis) -> str:
        """The JSON line (without newline) of one analysed article."""
        return self.lines([analysis])[0]

    def lines(self, analyses: Sequence[ArticleAnalysis]) -> list[str]:
        """The JSON lines (without newlines) of a batch of analysed articles, in order.

        The same text as ``line`` for each, made part by part over the whole batch: each
        part's code and tables then stay warm in the CPU's caches over the batch. Measured
        on 2,000 generated articles, each part cost 20-40% more when the parts took turns
        per article, about 0.14 ms per article in all.
        """
        sentences = self._sentences.texts(analyses)
        evidence = self._evidence.texts(analyses)
        quotes = [self._quotes(analysis.quotes) for analysis in analyses]
        mentions = [self._mentions(analysis) for analysis in analyses]
        targets = [self._targets(analysis) for analysis in analyses]
        scores = [self._scores.text(analysis) for analysis in analyses]
        string = self._string
        head, lexicons = self._head, self._lexicons
        return [
            "".join(
                (
                    head,
                    f',"id":{_ENCODE(article.id)},"outlet":{string(article.outlet)}',
                    f',"group":{string(article.group)},"lexicons":{lexicons}',
                    ',"sentences":[',
                    sentences[index],
                    '],"evidence":[',
                    evidence[index],
                    '],"quotes":[',
                    quotes[index],
                    '],"mentions":[',
                    mentions[index],
                    '],"targets":',
                    targets[index],
                    ',"scores":',
                    scores[index],
                    "}",
                )
            )
            for index, article in enumerate(a.document.article for a in analyses)
        ]

    def _mentions(self, analysis: ArticleAnalysis) -> str:
        """The article's actor mentions, comma-separated (the article is its own story)."""
        found = article_mention_spans(analysis.document, self._resources.actors)
        string = self._string
        values: list[object] = []
        for actor, start, end, in_title in found:
            values += (string(actor), start, end, "true" if in_title else "false")
        return ",".join([_MENTION] * len(found)) % tuple(values)

    def _targets(self, analysis: ArticleAnalysis) -> str:
        """The tone toward the article's target spans, as a JSON list (most have none)."""
        document = analysis.document
        if not document.article.targets:
            return "[]"
        targets = tone_toward_targets(document, document.article.targets, self._resources.vader)
        return _ENCODE(
            [
                {
                    "label": t.label,
                    "start": t.start,
                    "end": t.end,
                    "tone": round(t.mean_compound, 4),
                    "sentences": t.n_sentences,
                }
                for t in targets
            ]
        )

    def _quotes(self, quotes: Sequence[Quote]) -> str:
        """The records of ``quotes`` (as ``quote_record`` writes them), comma-separated."""
        string = self._string
        return ",".join(
            f'{{"kind":{string(q.kind)},"start":{q.start},"end":{q.end},'
            f'"speaker":{string(q.speaker)},"speaker_text":{string(q.speaker_text)},'
            f'"speaker_start":{q.speaker_start},"speaker_end":{q.speaker_end},'
            f'"role":{string(q.role)},"side":{string(q.side)},"verb":{string(q.verb)},'
            f'"verb_category":{string(q.verb_category)},'
            f'"anonymous":{"true" if q.anonymous else "false"}}}'
            for q in quotes
        )


def batched(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last may be shorter)."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def write_annotations(
    articles: Iterable[Article],
    spec: ResourceSpec,
    out: Path,
    *,
    force: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    resources: Resources | None = None,
    quiet: bool = False,
) -> int:
    """Write one line per article to ``out`` (atomically) and return how many were written.

    Records are written as their batch is done, in input order, whatever the backend
    (``framing.execution``); a progress bar counts them on a terminal unless ``quiet``.
    """
    check_targets([out], force=force)
    count = 0
    with open_atomic(out) as handle, progress_bar(unit="articles", quiet=quiet) as bar:
        for lines in run_batches(
            annotate_batch,
            batched(articles),
            spec,
            jobs=jobs,
            scheduler=scheduler,
            resources=resources,
        ):
            for line in lines:
                handle.write(line)
                handle.write("\n")
            count += len(lines)
            bar.update(len(lines))
    return count
