"""The coverage section of the story page: what every outlet reports, what one leaves out.

Display values only: the claims come from :mod:`framing.coverage` (sentences matched across
outlets by their words), the facts checklist from ``--facts``. Ordering, truncation and wording
are decided here, so the template only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis import StoryAnalysis
from framing.coverage import Claim
from framing.facts import FactMatch
from framing.wording import plural

MAX_SHARED = 15
"""Shared claims shown on the page (the most widely reported first); the JSON has them all."""
MAX_UNIQUE_EXAMPLES = 3
CLAIM_WIDTH = 180


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One shared claim: its wording in one outlet, and where each outlet places it."""

    text: str
    reported_text: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutletOnly:
    """What only this outlet reports."""

    outlet: str
    anchor: str
    count_text: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FactRow:
    fact: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageView:
    """Everything the coverage section shows."""

    outlets: tuple[str, ...]
    intro: str
    shared: tuple[ClaimRow, ...]
    more_shared_text: str
    only: tuple[OutletOnly, ...]
    left_out: tuple[str, ...]
    facts: tuple[FactRow, ...]


def coverage_view(story: StoryAnalysis, anchors: dict[str, str]) -> CoverageView:
    coverage = story.coverage
    outlets = coverage.outlets
    shared = sorted(coverage.shared, key=lambda c: (-len(c.outlets), c.id))
    rows = tuple(_claim_row(claim, outlets) for claim in shared[:MAX_SHARED])
    more = len(shared) - len(rows)
    claims = {claim.id: claim for claim in coverage.claims}
    only = []
    for outlet in outlets:
        mine = [c for c in coverage.claims if c.unique and c.outlets[0] == outlet]
        only.append(
            OutletOnly(
                outlet,
                anchors.get(outlet, ""),
                f"{plural(len(mine), 'sentence')} no other outlet matches",
                tuple(_short(c.representative.text) for c in mine[:MAX_UNIQUE_EXAMPLES]),
            )
        )
    left_out = tuple(
        _left_out(omission.outlet, claims[omission.claim_id], len(outlets))
        for omission in coverage.omitted
    )
    facts: tuple[FactRow, ...] = ()
    if story.facts is not None:
        facts = tuple(
            FactRow(
                text,
                tuple(
                    _fact_cell(story.facts.get(fact_id, outlet)) for outlet in story.facts.outlets
                ),
            )
            for fact_id, text in zip(story.facts.facts, story.facts.texts, strict=True)
        )
    return CoverageView(
        outlets=outlets,
        intro=(
            f"Sentences that say the same thing in different outlets, matched by their words "
            f"(TF-IDF; a sentence is matched to its most similar sentence in each other outlet "
            f"when the two are each other's best match and similar enough): "
            f"{plural(len(coverage.shared), 'claim')} reported by two or more outlets. Each "
            "cell says where the outlet puts the claim: in the lead (first three sentences or "
            "first fifth), the body, or buried (the last third). Word matching misses "
            "paraphrases and can join sentences that share many words: read them."
        ),
        shared=rows,
        more_shared_text=(
            f"{plural(more, 'more shared claim')} in analysis.json (--format json)" if more else ""
        ),
        only=tuple(only),
        left_out=left_out,
        facts=facts,
    )


def _left_out(outlet: str, claim: Claim, n_outlets: int) -> str:
    quoted = _short(claim.representative.text)
    return (
        f"{outlet} leaves out what {len(claim.outlets)} of {n_outlets} outlets report: "
        f"\u201c{quoted}\u201d"
    )


def _claim_row(claim: Claim, outlets: tuple[str, ...]) -> ClaimRow:
    cells = []
    for outlet in outlets:
        own = claim.sentences_of(outlet)
        cells.append(own[0].position if own else "—")
    return ClaimRow(
        _short(claim.representative.text),
        f"{claim.representative.outlet}; {len(claim.outlets)} of {len(outlets)} outlets",
        tuple(cells),
    )


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= CLAIM_WIDTH else flat[: CLAIM_WIDTH - 1] + "…"


def _fact_cell(match: FactMatch) -> str:
    """ "reported", or "not found" with the essential words its closest sentence lacks."""
    if match.included:
        return "reported"
    if match.missing:
        return "not found (no " + " / ".join(f"“{word}”" for word in match.missing) + ")"
    return "not found"
