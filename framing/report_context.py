"""Turn analyses into display-ready page data: every number rounded and worded here.

Templates compute nothing: ordering, rounding, plural forms and explanations are decided in this
module, in plain dataclasses a test can inspect without parsing HTML (coverage.py's and
datasette's habit).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from framing import __version__
from framing.analysis import (
    STORY_FRAMES,
    ArticleAnalysis,
    StoryAnalysis,
)
from framing.classroom import discussion_questions
from framing.frames import OutletFrames
from framing.highlight import cut, paragraph_spans
from framing.lexicon import Lexicon
from framing.model import Evidence
from framing.report_charts import Chart, forest_chart
from framing.report_coverage import CoverageView, coverage_view
from framing.report_measures import MeasureTable, measure_table
from framing.report_naming import NamingView, naming_view
from framing.report_sources import SourcesColumn, sources_columns
from framing.report_words import TermRow, term_rows
from framing.tone import OutletTone, classify
from framing.wording import plural


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text with its highlight classes and a hover explanation."""

    text: str
    classes: str
    title: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    anchor: str
    title: str
    date: str
    url: str
    url_is_link: bool
    n_words: int
    n_sentences: int
    paragraphs: tuple[tuple[Segment, ...], ...]


@dataclass(frozen=True, slots=True)
class FrameCell:
    frame_id: str
    label: str
    count: int
    share_percent: int
    share_text: str
    per_1000_text: str
    z_text: str
    is_dominant: bool


@dataclass(frozen=True, slots=True)
class OutletColumn:
    """One outlet's column on the story page."""

    name: str
    anchor: str
    group: str
    sample_text: str
    frames: tuple[FrameCell, ...]
    frame_hits: int
    dominant_text: str
    tone_mean_text: str
    tone_interval_text: str
    tone_label: str
    tone_text: str
    terms: tuple[TermRow, ...]
    terms_sample_text: str
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True, slots=True)
class FrameRow:
    """One frame across all outlets: a row of the frames table."""

    label: str
    css_class: str
    cells: tuple[FrameCell, ...]


@dataclass(frozen=True, slots=True)
class LegendItem:
    frame_id: str
    label: str
    description: str
    css_class: str


@dataclass(frozen=True, slots=True)
class LexiconInfo:
    name: str
    title: str
    version: str
    measures: str
    source: str
    licence: str
    origin: str
    n_terms: int


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding and where its evidence is: the outlet's articles, the measure's table."""

    text: str
    outlet_anchor: str
    table_anchor: str


@dataclass(frozen=True, slots=True)
class StoryPage:
    """Everything the story template shows."""

    story_id: str
    file_name: str
    title: str
    lead_text: str
    outlets: tuple[OutletColumn, ...]
    frame_rows: tuple[FrameRow, ...]
    legend: tuple[LegendItem, ...]
    lexicon: LexiconInfo
    frames_table: MeasureTable
    frame_measures: tuple[MeasureTable, ...]
    measures: tuple[MeasureTable, ...]
    findings: tuple[FindingView, ...]
    findings_text: str
    lexicons: tuple[LexiconInfo, ...]
    provenance: tuple[tuple[str, str], ...]
    questions: tuple[str, ...]
    coverage: CoverageView
    sources: tuple[SourcesColumn, ...]
    naming: NamingView
    frame_charts: tuple[Chart, ...]
    tone_chart: Chart
    tool_version: str


def build_story_page(
    story: StoryAnalysis, file_name: str, settings: Sequence[tuple[str, str]] = ()
) -> StoryPage:
    story_frames = story.lexicon(STORY_FRAMES)
    outlets_of_group: dict[str, set[str]] = {}
    for analysis in story.articles:
        article = analysis.document.article
        if article.group:
            outlets_of_group.setdefault(article.group, set()).add(article.outlet)
    shown_groups = frozenset(g for g, members in outlets_of_group.items() if len(members) > 1)
    lexicon = story_frames.lexicon
    labels = {c.id: c.label for c in lexicon.categories}
    category_labels = {
        (item.lexicon.name, c.id): c.label
        for item in story.lexicons
        for c in item.lexicon.categories
    }
    titles = {item.lexicon.name: item.lexicon.title for item in story.lexicons}
    css = {c.id: f"f{i}" for i, c in enumerate(lexicon.categories)}
    anchors = _anchors([o.outlet for o in story.outlets], "outlet")
    article_anchors = _anchors([a.document.id for a in story.articles], "article")
    evidence_by_article = _evidence_by_article(story)
    columns = []
    for summary, frames, tone, terms in zip(
        story.outlets, story.frames, story.tone, story.terms.by_outlet, strict=True
    ):
        own = story.articles_of(summary.outlet)
        columns.append(
            OutletColumn(
                name=summary.outlet,
                anchor=anchors[summary.outlet],
                group=summary.group,
                sample_text=(
                    f"{plural(summary.n_articles, 'article')}, "
                    f"{plural(summary.n_sentences, 'sentence')}, "
                    f"{plural(summary.n_tokens, 'word')}"
                ),
                frames=_frame_cells(frames, labels),
                frame_hits=frames.n_hits,
                dominant_text=_dominant_text(
                    frames,
                    labels,
                    {
                        c.metric.split("/", 1)[1]
                        for c in story.statistics.comparisons
                        if c.kind == "outlet-vs-rest"
                        and c.a == summary.outlet
                        and c.metric.startswith(f"{STORY_FRAMES}/")
                        and c.significant
                        and c.difference > 0
                    },
                ),
                tone_mean_text=f"{tone.mean_compound:+.2f}",
                tone_interval_text=_tone_interval(story, summary.outlet),
                tone_label=_tone_label(tone),
                tone_text=_tone_text(tone),
                terms=term_rows(terms, story, article_anchors),
                terms_sample_text=(
                    f"{plural(terms.n_tokens, 'counted word')} here against "
                    f"{terms.n_tokens_rest:,} in the other outlets"
                    + ("; not enough text to compare words" if terms.too_small else "")
                ),
                articles=tuple(
                    _article_view(
                        a, article_anchors, evidence_by_article, category_labels, titles, css
                    )
                    for a in own
                ),
            )
        )
    legend = tuple(LegendItem(c.id, c.label, c.description, css[c.id]) for c in lexicon.categories)
    return StoryPage(
        story_id=story.story.id,
        file_name=file_name,
        title=f"How {plural(len(columns), 'outlet')} framed the story '{story.story.id}'",
        lead_text=(
            f"{plural(len(story.articles), 'article')} from {plural(len(columns), 'outlet')}. "
            "Every number below comes from highlighted words in the articles at the bottom of "
            "the page: hover a highlighted word to see why it was counted."
        ),
        outlets=tuple(columns),
        frame_rows=tuple(
            FrameRow(item.label, item.css_class, tuple(col.frames[row] for col in columns))
            for row, item in enumerate(legend)
        ),
        legend=legend,
        lexicon=_lexicon_info(lexicon),
        frames_table=measure_table(story_frames, story.statistics, anchors, shown_groups),
        frame_measures=tuple(
            measure_table(item, story.statistics, anchors, shown_groups)
            for item in story.lexicons
            if item.lexicon.name != STORY_FRAMES and item.lexicon.kind == "frames"
        ),
        measures=tuple(
            measure_table(item, story.statistics, anchors, shown_groups)
            for item in story.lexicons
            if item.lexicon.kind != "frames"
        ),
        findings=_findings(story, anchors),
        findings_text=_findings_text(story),
        lexicons=tuple(_lexicon_info(item.lexicon) for item in story.lexicons),
        provenance=_provenance(story, settings),
        questions=discussion_questions(story),
        coverage=coverage_view(story, anchors),
        sources=sources_columns(story, anchors),
        naming=naming_view(story),
        frame_charts=tuple(
            forest_chart(
                f"chart-frame-{index + 1}",
                f"{category.label}: share of sentences with a cue, 95% interval",
                f"{STORY_FRAMES}/{category.id}",
                story.story.outlets,
                story.statistics,
            )
            for index, category in enumerate(lexicon.categories)
        ),
        tone_chart=forest_chart(
            "chart-tone",
            "Negative tone: share of sentences, 95% interval",
            "tone/negative",
            story.story.outlets,
            story.statistics,
        ),
        tool_version=__version__,
    )


def _findings(story: StoryAnalysis, anchors: dict[str, str]) -> tuple[FindingView, ...]:
    return tuple(
        FindingView(
            finding.text,
            anchors.get(finding.holder, ""),
            "tone"
            if finding.lexicon == "tone"
            else "frames"
            if finding.lexicon == STORY_FRAMES
            else f"measure-{finding.lexicon}",
        )
        for finding in story.findings
    )


def _findings_text(story: StoryAnalysis) -> str:
    tested = sum(c.tested for c in story.statistics.comparisons)
    untested = len(story.statistics.comparisons) - tested
    found = len(story.findings)
    lead = (
        f"{plural(found, 'difference')} between an outlet (or group) and the rest of the story "
        "that a test supports"
        if found
        else "No difference between an outlet and the rest of the story that a test supports"
    )
    return (
        f"{lead}, out of {tested:,} tests of shares of sentences (each outlet and group against "
        "the rest, and every pair), corrected together for testing so many (Benjamini-Hochberg, "
        f"q < 0.05). {untested:,} more comparisons rest on too little text and were not tested. "
        "Every figure has its 95% interval and the sentences it is counted from; each finding "
        "links to the highlighted articles and to its table."
    )


def _tone_interval(story: StoryAnalysis, outlet: str) -> str:
    tone = next(t for t in story.statistics.tone if t.holder == outlet)
    return f"95% CI {tone.low:+.2f} to {tone.high:+.2f}"


def _is_web_link(url: str) -> bool:
    """Only plain web addresses become links: ``javascript:``, ``data:`` or ``file:`` URLs in
    an article's metadata stay text, so a click can never run code or open a local file."""
    lowered = url.strip().lower()
    return lowered.startswith(("http://", "https://")) and not any(
        ch.isspace() or ch in "\"'<>`" for ch in url.strip()
    )


def _provenance(
    story: StoryAnalysis, settings: Sequence[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """How this page was made: tool and lexicon versions, options, and a fingerprint of the
    input, so two reports can be told apart or shown to come from the same articles."""
    digest = hashlib.sha256()
    for analysis in story.articles:
        article = analysis.document.article
        for value in (article.id, article.outlet, article.title, article.date or "", article.url):
            digest.update(value.encode("utf-8") + b"\x1f")
        digest.update(article.text.encode("utf-8") + b"\x1e")
    lexicons = "; ".join(f"{item.lexicon.name} {item.lexicon.version}" for item in story.lexicons)
    return (
        ("tool", f"framing {__version__}"),
        ("lexicons", lexicons),
        ("tone", "VADER word list from the vaderSentiment package"),
        *settings,
        ("articles", str(len(story.articles))),
        ("input fingerprint (SHA-256 of the articles)", digest.hexdigest()),
    )


def _anchors(keys: Sequence[str], prefix: str) -> dict[str, str]:
    """Make HTML ids from arbitrary text: index-based, so hostile names cannot shape them."""
    return {key: f"{prefix}-{i + 1}" for i, key in enumerate(dict.fromkeys(keys))}


def _frame_cells(frames: OutletFrames, labels: dict[str, str]) -> tuple[FrameCell, ...]:
    return tuple(
        FrameCell(
            frame_id=share.frame,
            label=labels[share.frame],
            count=share.count,
            share_percent=round(100 * share.share),
            share_text=f"{100 * share.share:.0f}%",
            per_1000_text=f"{share.per_1000:.1f}",
            z_text=f"z {share.z:+.1f}",
            is_dominant=share.frame == frames.dominant,
        )
        for share in frames.frames
    )


def _dominant_text(frames: OutletFrames, labels: dict[str, str], supported: set[str]) -> str:
    """Say which frame the outlet stresses, and whether a test supports the difference."""
    if frames.n_hits == 0:
        return "No frame cues found: the lexicon says nothing about this outlet."
    if frames.most_frequent is None:
        frequent = f"no single most frequent frame (the top frames are tied; {frames.n_hits} cues)"
    else:
        top = frames.share_of(frames.most_frequent)
        frequent = (
            f"most frequent in its own text: {labels[top.frame]} "
            f"({top.count} of {frames.n_hits} cues, {100 * top.share:.0f}%)"
        )
    if frames.dominant is None:
        return f"No frame stands out against the other outlets; {frequent}."
    if frames.dominant == frames.most_frequent and all(s.z == 0 for s in frames.frames):
        return f"Dominant frame, {frequent}."
    lead = frames.share_of(frames.dominant)
    strength = (
        "a difference a test supports: more of its sentences than the rest of the story have it"
        if lead.frame in supported
        else "not a difference a test supports"
    )
    return (
        f"Stresses most, compared with the other outlets: {labels[lead.frame]} "
        f"({lead.count} cues, z = {lead.z:+.1f}, {strength}); {frequent}."
    )


def _tone_label(tone: OutletTone) -> str:
    if tone.n_sentences == 0:
        return "no sentences"
    return {
        "positive": "leans positive",
        "negative": "leans negative",
        "neutral": "about neutral",
    }[classify(tone.mean_compound)]


def _tone_text(tone: OutletTone) -> str:
    n = tone.n_sentences
    if n == 0:
        return "No sentences to score."
    negative = round(tone.share_negative * n)
    positive = round(tone.share_positive * n)
    return (
        f"Of {plural(n, 'sentence')}, {negative} ({100 * tone.share_negative:.0f}%) score "
        f"negative and {positive} ({100 * tone.share_positive:.0f}%) positive."
    )


def _evidence_by_article(story: StoryAnalysis) -> dict[str, list[Evidence]]:
    grouped: dict[str, list[Evidence]] = {a.document.id: list(a.evidence) for a in story.articles}
    for item in story.coverage.evidence:
        if item.label == "unique":
            grouped.setdefault(item.article_id, []).append(item)
    for item in story.terms.evidence:
        grouped.setdefault(item.article_id, []).append(item)
    return grouped


def _article_view(
    analysis: ArticleAnalysis,
    anchors: dict[str, str],
    evidence: dict[str, list[Evidence]],
    labels: dict[tuple[str, str], str],
    titles: dict[str, str],
    css: dict[str, str],
) -> ArticleView:
    article = analysis.document.article
    spans = evidence.get(article.id, [])
    paragraphs = tuple(
        tuple(
            _segment(piece.text, piece.evidence, labels, titles, css)
            for piece in cut(article.text, start, end, spans)
        )
        for start, end in paragraph_spans(article.text)
    )
    return ArticleView(
        anchor=anchors[article.id],
        title=article.title or "(untitled)",
        date=article.date or "",
        url=article.url,
        url_is_link=_is_web_link(article.url),
        n_words=analysis.document.prepared.n_tokens,
        n_sentences=analysis.document.prepared.n_sentences,
        paragraphs=paragraphs,
    )


LOADED = "loaded-language"
STANCE = "stance"
_STANCE_CLASSES = {
    "hedge": "hedge",
    "booster": "booster",
    "attribution_loaded": "attrib-loaded",
}


def _segment(
    text: str,
    covering: Sequence[Evidence],
    labels: dict[tuple[str, str], str],
    titles: dict[str, str],
    css: dict[str, str],
) -> Segment:
    """Classes and a hover note for a run of text: each layer has its own look."""
    if not covering:
        return Segment(text, "", "")
    classes: list[str] = []
    notes: list[str] = []
    for item in covering:
        label = labels.get((item.layer, item.label), item.label)
        if item.layer == STORY_FRAMES:
            classes += ["frame", css.get(item.label, "")]
            notes.append(f"frame cue: {label}")
        elif item.layer == "tone":
            classes.append(f"tone-{item.label}")
            notes.append(f"tone word: {item.label} ({item.weight:+.2f} on VADER's scale)")
        elif item.layer == "term":
            classes.append("term")
            notes.append("distinctive term of this outlet")
        elif item.layer == LOADED:
            classes.append("loaded")
            notes.append(f"loaded language: {label} (weight {item.weight:g})")
        elif item.layer == "quote":
            classes.append("quote")
            notes.append(f"quoted: {item.label}")
        elif item.layer == "speaker":
            classes.append("speaker")
            notes.append(f"speaker: {item.label}")
        elif item.layer == "claim":
            classes.append("unique-claim")
            notes.append("no other outlet reports this (no sentence matched)")
        elif item.layer == STANCE:
            classes.append(_STANCE_CLASSES.get(item.label, "stance"))
            negated = " (negated)" if item.negated else ""
            notes.append(f"stance: {label}{negated}")
        else:
            classes.append("cue")
            notes.append(f"{titles.get(item.layer, item.layer)}: {label}")
    return Segment(text, " ".join(dict.fromkeys(c for c in classes if c)), "; ".join(notes))


def _lexicon_info(lexicon: Lexicon) -> LexiconInfo:
    return LexiconInfo(
        lexicon.name,
        lexicon.title,
        lexicon.version,
        lexicon.measures,
        lexicon.source,
        lexicon.licence,
        lexicon.origin,
        len(lexicon.entries),
    )
