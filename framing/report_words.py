"""The words table of the story page: each outlet's listed terms with their contexts.

Split from :mod:`framing.report_context` because it has one job: a term's row (raw counts,
Log Ratio, q) and its keyword-in-context lines in every outlet that uses it, taken from the
occurrences recorded while counting, never from a second scan of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import StoryAnalysis
from framing.findings import format_q
from framing.model import Evidence
from framing.terms import OutletTerms
from framing.wording import plural

KWIC_PER_TERM = 3
KWIC_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Context:
    """A keyword in context: the words around one occurrence of a term."""

    left: str
    match: str
    right: str
    article_anchor: str


@dataclass(frozen=True, slots=True)
class ContextGroup:
    """A term's contexts in one outlet, with how often that outlet uses it."""

    outlet: str
    count_text: str
    contexts: tuple[Context, ...]


@dataclass(frozen=True, slots=True)
class TermRow:
    term: str
    count: int
    count_rest: int
    z_text: str
    tfidf_text: str
    g2_text: str
    log_ratio_text: str
    q_text: str
    notable: bool
    context_groups: tuple[ContextGroup, ...]


def term_rows(
    terms: OutletTerms, story: StoryAnalysis, anchors: dict[str, str]
) -> tuple[TermRow, ...]:
    """Build the word table, each term with its contexts in every outlet that uses it (this
    outlet first); contexts come from the recorded occurrences, not a second token scan."""
    texts = {a.document.id: a.document.article.text for a in story.articles}
    outlet_of = {a.document.id: a.document.article.outlet for a in story.articles}
    occurrences: dict[str, dict[str, list[Evidence]]] = {}
    for item in story.terms.contexts:
        by_outlet = occurrences.setdefault(item.label, {})
        by_outlet.setdefault(outlet_of[item.article_id], []).append(item)

    def groups(term: str) -> tuple[ContextGroup, ...]:
        found = occurrences.get(term, {})
        order = [terms.outlet, *(o for o in story.story.outlets if o != terms.outlet)]
        return tuple(
            ContextGroup(
                outlet,
                f"{plural(len(found[outlet]), 'time')} in {outlet}",
                tuple(
                    _context(texts[item.article_id], item, anchors)
                    for item in found[outlet][:KWIC_PER_TERM]
                ),
            )
            for outlet in order
            if found.get(outlet)
        )

    return tuple(
        TermRow(
            term=score.term,
            count=score.count,
            count_rest=score.count_rest,
            z_text=f"{score.z:.2f}",
            tfidf_text=f"{score.tfidf:.3f}",
            g2_text=f"{score.g2:.1f}",
            log_ratio_text=f"{score.log_ratio:+.1f}",
            q_text=format_q(score.q).removeprefix("= "),
            notable=score.notable,
            context_groups=groups(score.term),
        )
        for score in terms.terms
    )


def _context(text: str, item: Evidence, anchors: dict[str, str]) -> Context:
    left = " ".join(text[max(0, item.start - KWIC_WIDTH) : item.start].split())
    right = " ".join(text[item.end : item.end + KWIC_WIDTH].split())
    return Context(left, text[item.start : item.end], right, anchors[item.article_id])
