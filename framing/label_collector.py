"""A label and the collector the label rules add to (``framing.labels``).

Why separate: the rules for modifiers and aliases (``framing.labels``) and for descriptions
(``framing.label_descriptions``) add to one collector, so it lives where both can import it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from framing.label_phrases import Doc
from framing.model import Evidence
from framing.tokens import cased_form


@dataclass(frozen=True, slots=True)
class Label:
    """One way an outlet names or describes an actor, how often, and where.

    ``text`` is the phrase as most often written (apostrophes made straight); labels are
    counted by its lower-case form ("ANKARA" in a dateline counts with "Ankara").
    ``modifiers`` and ``head`` are the phrase's words around the name (``modifier`` labels)
    or its head noun (``description`` labels), lower-cased.
    """

    actor: str
    outlet: str
    text: str
    kind: str
    count: int
    evidence: tuple[Evidence, ...]
    modifiers: tuple[str, ...] = ()
    head: str = ""


class LabelCollector:
    """Labels as they are found: their spans per (outlet, actor, kind, lower-case text), the
    words and head of the first, and how each was written (the commonest form is shown).
    A span is counted once per actor and kind, whichever rule finds it again."""

    def __init__(self) -> None:
        self.hits: dict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
        self.forms: dict[tuple[str, str, str, str], tuple[str, tuple[str, ...], str]] = {}
        self.seen: set[tuple[str, str, int, int, str]] = set()
        self.written: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)

    def add(
        self,
        outlet: str,
        actor: str,
        kind: str,
        doc: Doc,
        start: int,
        end: int,
        modifiers: tuple[str, ...] = (),
        head: str = "",
    ) -> None:
        raw = doc.text[start:end]
        text = " ".join(cased_form(raw).split())
        if not text:
            return
        marker = (actor, kind, start, end, doc.document.id)
        if marker in self.seen:
            return
        self.seen.add(marker)
        key = (outlet, actor, kind, text.lower())
        self.forms.setdefault(key, (text, modifiers, head))
        self.written[key][text] += 1
        self.hits[key].append(Evidence(doc.document.id, start, end, "label", actor, 1.0, raw))
