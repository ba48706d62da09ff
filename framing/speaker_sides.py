"""For which side a speaker talks: the country or organisation a role points to.

Why separate from ``framing.actor_mentions``: that module finds who a story names; this one
reads one short description ("Turkish Foreign Minister", "a senior official in Ankara") for
the quote finder, with its own rule (below), on the same actor table and alias scan.
"""

from __future__ import annotations

from framing.actor_mentions import table_aliases
from framing.actor_table import ActorTable, load_actor_table

__all__ = ["side_of"]

_ROLE_CUT = frozenset(("who", "which", "that", "whose"))
"""Words after which a role describes the past ("an engineer who has worked on ...")."""


def side_of(text: str, table: ActorTable | None = None) -> str | None:
    """Return the country or organisation a role or speaker description points to.

    Rule: the text is cut at its first relative pronoun ("who", "which", "that": what follows
    describes the past, "a radar engineer who has worked on European programmes"). Of the
    remaining mentions, a country or organisation counts as itself and a person (or anything
    else with a side in the table) as its side; objects do not count. The first one named
    wins ("Turkish Foreign Minister" -> Turkey, "New Delhi's envoy in Moscow" -> India, "a
    European diplomat at NATO headquarters" -> NATO, since "European" is no alias), except
    that one named after "in" (a posting: "a senior official in Ankara") counts only when
    nothing else is named. Each table remembers its answers (``ActorTable.remember_side``).
    """
    table = table if table is not None else load_actor_table()
    return table.remember_side(text, _side_of)


def _side_of(text: str, table: ActorTable) -> str | None:
    """Apply the rule of ``side_of`` (not remembered)."""
    if not text.strip():
        return None
    prepared, aliases = table_aliases(text, table)
    norms = prepared.token_norms
    limit = next((i for i, norm in enumerate(norms) if norm in _ROLE_CUT and i > 0), len(norms))
    posted: str | None = None
    for first, _end, actor in aliases:
        if first >= limit:
            break
        side = _side_actor(actor, table)
        if side is None:
            continue
        before = [norms[j] for j in range(max(0, first - 2), first)]
        if before and (before[-1] == "in" or before[-2:] == ["in", "the"]):
            posted = posted or side
            continue
        return side
    return posted


def _side_actor(actor: str, table: ActorTable) -> str | None:
    kind = table.kind(actor)
    if kind in ("country", "organisation"):
        return actor
    if kind == "object":
        return None
    return table.side(actor)
