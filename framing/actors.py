"""Actors: how prominently a story's actors are named by each outlet, and in what tone.

What it does: ``actor_salience`` counts an outlet's mentions of each actor (in headlines, in
the lead, first named) with the mean tone of the sentences naming it (``actor_tone``);
``tone_toward_targets`` scores the tone of the sentences naming given targets.

Why this module is small: the actor table lives in ``framing.actor_table`` and finding
mentions in ``framing.actor_mentions``; their public names are re-exported here, so
``from framing.actors import ...`` keeps working for every caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from framing.actor_mentions import (
    MIN_OCCURRENCES,
    TITLE_SENTENCE,
    Mention,
    find_mentions,
)
from framing.actor_table import (
    ACTORS_RESOURCE,
    COLUMNS,
    KINDS,
    Actor,
    ActorTable,
    fold,
    load_actor_table,
    parse_actor_table,
)
from framing.errors import UsageError
from framing.model import Document, Evidence
from framing.speaker_sides import side_of
from framing.tone import load_vader_lexicon, score_tone, score_tones

__all__ = [
    "ACTORS_RESOURCE",
    "COLUMNS",
    "KINDS",
    "LEAD_SENTENCES",
    "MIN_OCCURRENCES",
    "TITLE_SENTENCE",
    "Actor",
    "ActorSalience",
    "ActorTable",
    "ActorTone",
    "Mention",
    "TargetTone",
    "actor_salience",
    "actor_tone",
    "find_mentions",
    "fold",
    "load_actor_table",
    "parse_actor_table",
    "side_of",
    "tone_toward_targets",
]

LEAD_SENTENCES = 2
"""The lead: the first two sentences of an article's text."""


@dataclass(frozen=True, slots=True)
class ActorTone:
    """Mean VADER compound of the sentences that mention an actor, over ``n_sentences``;
    ``evidence`` holds those sentences (layer ``actor_tone``, weight the sentence's compound)."""

    actor: str
    mean_compound: float
    n_sentences: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorSalience:
    """How prominent an actor is in one outlet's articles of a story.

    ``mentions`` counts text mentions (titles apart); ``share`` is that over all the outlet's
    actor mentions; ``headline_mentions`` counts title mentions and ``headline_articles`` the
    articles whose title names the actor; ``lead_articles`` those that name it in the first two
    sentences; ``first_articles`` those whose text names it before any other actor.
    """

    outlet: str
    actor: str
    kind: str
    articles: int
    mentions: int
    share: float
    headline_mentions: int
    headline_articles: int
    lead_articles: int
    first_articles: int
    tone: ActorTone

    @property
    def in_headline(self) -> bool:
        return self.headline_articles > 0

    @property
    def in_lead(self) -> bool:
        return self.lead_articles > 0

    @property
    def first(self) -> bool:
        return self.first_articles > 0


@cache
def _vader() -> Mapping[str, float]:
    return load_vader_lexicon()


def _sentence_compounds(document: Document, vader: Mapping[str, float]) -> list[float]:
    return [s.compound for s in score_tone(document, vader).sentences]


def actor_tone(
    actor: str,
    documents: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    vader: Mapping[str, float] | None = None,
    compounds_of: Mapping[str, Sequence[float]] | None = None,
) -> ActorTone:
    """Mean VADER compound (framing.tone, negation-aware) of the text sentences naming ``actor``.

    A sentence naming the actor twice counts once; title mentions are left out (a headline has
    no sentence score of its own here). ``compounds_of`` (document id -> sentence compounds)
    saves scoring each document again for every actor it names.
    """
    vader = vader if vader is not None else _vader()
    values: list[float] = []
    evidence: list[Evidence] = []
    for document in documents:
        sentences = sorted(
            {
                m.sentence
                for m in mentions.get(document.id, ())
                if m.actor == actor and not m.in_title
            }
        )
        if not sentences:
            continue
        if compounds_of is not None and document.id in compounds_of:
            compounds = compounds_of[document.id]
        else:
            compounds = _sentence_compounds(document, vader)
        for index in sentences:
            span = document.prepared.sentences[index]
            values.append(compounds[index])
            evidence.append(
                Evidence(
                    document.id,
                    span.start,
                    span.end,
                    "actor_tone",
                    actor,
                    compounds[index],
                    document.article.text[span.start : span.end],
                )
            )
    mean = round(sum(values) / len(values), 4) if values else 0.0
    return ActorTone(actor, mean, len(values), tuple(evidence))


def actor_salience(
    outlet: str,
    documents: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    table: ActorTable | None = None,
    vader: Mapping[str, float] | None = None,
) -> tuple[ActorSalience, ...]:
    """Return each actor's salience in ``outlet``'s documents (others are ignored), most
    mentioned first (ties by name)."""
    table = table if table is not None else load_actor_table()
    vader = vader if vader is not None else _vader()
    own = [doc for doc in documents if doc.article.outlet == outlet]
    compounds_of = {
        doc.id: tone.compounds for doc, tone in zip(own, score_tones(own, vader), strict=True)
    }
    body: Counter[str] = Counter()
    headline: Counter[str] = Counter()
    headline_articles: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    first: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for doc in own:
        found = mentions.get(doc.id, ())
        text_mentions = [m for m in found if not m.in_title]
        body.update(m.actor for m in text_mentions)
        headline.update(m.actor for m in found if m.in_title)
        headline_articles.update({m.actor for m in found if m.in_title})
        lead.update({m.actor for m in text_mentions if m.sentence < LEAD_SENTENCES})
        articles.update({m.actor for m in found})
        if text_mentions:
            first[min(text_mentions, key=lambda m: m.start).actor] += 1
    total = sum(body.values())
    result = []
    for actor in sorted(articles, key=lambda a: (-body[a], -headline[a], a)):
        result.append(
            ActorSalience(
                outlet=outlet,
                actor=actor,
                kind=table.kind(actor),
                articles=articles[actor],
                mentions=body[actor],
                share=round(body[actor] / total, 4) if total else 0.0,
                headline_mentions=headline[actor],
                headline_articles=headline_articles[actor],
                lead_articles=lead[actor],
                first_articles=first[actor],
                tone=actor_tone(actor, own, mentions, vader, compounds_of),
            )
        )
    return tuple(result)


@dataclass(frozen=True, slots=True)
class TargetTone:
    """Tone toward a researcher's target span: the mean compound of the sentences it touches."""

    label: str
    start: int
    end: int
    mean_compound: float
    n_sentences: int
    sentences: tuple[int, ...]


def tone_toward_targets(
    document: Document,
    targets: Sequence[tuple[int, int, str]],
    vader: Mapping[str, float] | None = None,
) -> tuple[TargetTone, ...]:
    """Score each ``(start, end, label)`` character span of ``document.article.text`` by the
    mean VADER compound of the sentences it overlaps (the same scores as :func:`actor_tone`).

    Raises :class:`UsageError` for a span outside the text or with ``end < start``; an empty
    span counts the sentence that holds its position.
    """
    vader = vader if vader is not None else _vader()
    length = len(document.article.text)
    compounds: list[float] | None = None
    spans = document.prepared.sentences
    result = []
    for start, end, label in targets:
        if not (0 <= start <= end <= length):
            raise UsageError(
                f"target '{label}' ({start}, {end}) is outside article {document.id!r} "
                f"(0 to {length})"
            )
        if compounds is None:
            compounds = _sentence_compounds(document, vader)
        touched = tuple(
            i
            for i, span in enumerate(spans)
            if (span.start < end and start < span.end)
            or (start == end and span.start <= start < span.end)
        )
        values = [compounds[i] for i in touched]
        mean = round(sum(values) / len(values), 4) if values else 0.0
        result.append(TargetTone(label, start, end, mean, len(values), touched))
    return tuple(result)
