"""Sources and quotes: who is quoted in an article, saying what, introduced by which verb.

Why rules and not a parser: framing runs offline with no model data, and news attribution is
formulaic enough ("X said", "said X, the ...", "according to X", "officials say") that a few
regular expressions over the shared sentence spans find most of it. Every rule below was
written against the hand-annotated gold set in ``tests/quotes_gold.py``; the measured
precision, recall and speaker accuracy are printed by ``tests/test_quotes.py``.

What counts as a quote
----------------------
- *direct*: words between double quotes (straight ``"``, curly “ ”, guillemets « »), or between
  single quotes (‘ ’, ``'``) when an attribution stands next to them (British style). A quote
  may hold several sentences; a paragraph that ends inside a quote and a next paragraph that
  opens with a quote mark continue one quote (newsroom style).
- *indirect*: a reported clause after a speech verb ("X said (that) ...", "X told reporters
  ...", "X has argued that ...", "..., arguing that ..."), or around "according to X".
- *anonymous*: either of the above when the speaker is unnamed ("officials said", "a source
  familiar with the talks"); ``kind`` is then ``"anonymous"`` and ``anonymous`` is true.

Design choices
--------------
- One ``Quote`` is one contiguous span. A quote broken by its attribution ("“We will buy
  it,” he said, “whatever happens.”"), a quote running over paragraphs, and a reported clause
  split by a parenthetical attribution ("The deal, he argued, was fair") give one ``Quote``
  per piece, all with the same speaker. Why: every span stays highlightable as one range
  (``Evidence`` has one start and end), and share-of-voice counts words, which the pieces sum.
- A span in quote marks counts only with an attribution: a speaker and speech verb next to it
  ("…,” she said", "said X, “…”", "X stressed that “…”", "X put it plainly: “…”"), or a
  quote earlier in the same paragraph (or a paragraph run-on) that it continues. So scare
  quotes, titles, quoted words and headlines, which have none, are not quotes, whatever their
  length; the price is that a quote whose speaker is named only in a later sentence is missed.
  A short quoted phrase inside a reported clause ("said the deal was “finished business”")
  belongs to that indirect quote; a quote inside a quote belongs to the outer one.
- Speech verbs inside quotes are never attributions: the speaker is quoting someone else.

Layout
------
This module holds the public API (``Quote``, ``find_quotes``, ``quote_evidence``,
``verb_category``), which spans count as quotes, and the merging of what was found. Reading
speakers lives in ``framing.quote_speakers``, attributions and reported clauses in
``framing.quote_clauses``, pairing quote marks in ``framing.quote_marks``, verb categories in
``framing.verb_categories`` and per-outlet summaries in ``framing.sources`` (these two
re-exported here).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import cast

from framing.model import Document, Evidence
from framing.quote_according import according_to
from framing.quote_clauses import (
    VERB_RE,
    Context,
    Found,
    indirect_in_sentence,
    trailing_attribution,
    trim,
)

# For ``tests/test_speed_equivalence.py``, which reads the single-quote patterns here.
from framing.quote_marks import _SINGLE_CLOSE_RE as _SINGLE_CLOSE_RE
from framing.quote_marks import _SINGLE_OPEN_RE as _SINGLE_OPEN_RE
from framing.quote_marks import double_spans, single_spans
from framing.quote_speakers import first_subject
from framing.sources import (
    KINDS,
    OutletSources,
    SideShare,
    SpeakerShare,
    VerbUse,
    summarize_sources,
)
from framing.speaker_names import Resolver
from framing.verb_categories import ATTRIBUTION_CATEGORIES, cached_category, verb_category

__all__ = [
    "ATTRIBUTION_CATEGORIES",
    "KINDS",
    "OutletSources",
    "Quote",
    "SideShare",
    "SpeakerShare",
    "VerbUse",
    "find_quotes",
    "quote_evidence",
    "summarize_sources",
    "verb_category",
]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted or reported span in one article, with its speaker and verb.

    ``start``/``end`` cover the quoted words (never the quote marks); ``speaker_start``/
    ``speaker_end`` the speaker as written (``-1`` when the speaker is only inherited, as in
    the second half of a broken quote or a follow-on quote). ``speaker`` is canonical: a
    surname or pronoun resolved to the fullest name the article gives.
    """

    article_id: str
    kind: str
    start: int
    end: int
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker: str
    role: str = ""
    verb: str = ""
    verb_category: str = ""
    side: str | None = None
    anonymous: bool = False


class _QuoteDraft:
    """A ``Quote`` while its fields are set: the same slots, plain attribute assignment.

    Why: a frozen dataclass sets each field through ``object.__setattr__``, which made
    building a ``Quote`` cost over a microsecond (an article has dozens). This class has the
    same slots (CPython lays them out by sorted name) and no other state, so Python allows
    ``__class__`` to be reassigned from one to the other: ``_new_quote`` fills a draft and
    turns it into the ``Quote`` that ``Quote(...)`` would have built (equal, same hash, same
    type; checked by ``tests/test_quote_helpers_equivalence.py``). Frozen is about
    assignment after construction, which stays forbidden on the result.
    """

    __slots__ = (
        "anonymous", "article_id", "end", "kind", "role", "side", "speaker", "speaker_end",
        "speaker_start", "speaker_text", "start", "verb", "verb_category",
    )  # fmt: skip

    def __init__(
        self,
        article_id: str,
        kind: str,
        start: int,
        end: int,
        speaker_text: str,
        speaker_start: int,
        speaker_end: int,
        speaker: str,
        role: str,
        verb: str,
        verb_category: str,
        side: str | None,
        anonymous: bool,
    ) -> None:
        self.article_id = article_id
        self.kind = kind
        self.start = start
        self.end = end
        self.speaker_text = speaker_text
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end
        self.speaker = speaker
        self.role = role
        self.verb = verb
        self.verb_category = verb_category
        self.side = side
        self.anonymous = anonymous
        self.__class__ = Quote  # type: ignore[assignment]


_new_quote = cast("type[Quote]", _QuoteDraft)
"""``Quote``'s constructor as the type checker sees it, built by ``_QuoteDraft``."""


def quote_evidence(quote: Quote, text: str) -> tuple[Evidence, ...]:
    """Return the highlight spans of one quote: the quoted words and the speaker as written.

    Why two layers: a reader checking a share-of-voice figure needs to see both what was
    quoted and whom the tool credited with it.
    """
    found = [
        Evidence(
            quote.article_id,
            quote.start,
            quote.end,
            "quote",
            quote.speaker or "unknown",
            text=text[quote.start : quote.end],
        )
    ]
    if 0 <= quote.speaker_start < quote.speaker_end:
        found.append(
            Evidence(
                quote.article_id,
                quote.speaker_start,
                quote.speaker_end,
                "speaker",
                quote.speaker or "unknown",
                text=text[quote.speaker_start : quote.speaker_end],
            )
        )
    return tuple(found)


# -- vocabulary -------------------------------------------------------------------------------

# Compiled once and searched in place (``pos``/``endpos`` read like a slice here: the
# patterns look at nothing outside their match, and ``$`` sees ``endpos`` as the end).
_COMMA_NEXT_RE = re.compile(r"\s*,")
_LEAD_END_RE = re.compile(r"[:,]\s*$")
_START_END = attrgetter("start", "end")


# -- main -------------------------------------------------------------------------------------


def find_quotes(
    document: Document, side_of: Callable[[str], str | None] = lambda text: None
) -> tuple[Quote, ...]:
    """Find the direct, indirect and anonymous quotes of one article, in text order.

    ``side_of`` maps "role speaker_text" to a side (a country, "NATO", "independent"); the
    caller supplies it, since sides belong to the story, not to the text.
    """
    text = document.article.text
    if not text.strip():
        return ()
    ctx = Context(document)
    items = _direct_items(ctx)
    blocked = [(i.mark_start, i.mark_end) for i in items]
    claimed = [(i.attr_start, i.attr_end) for i in items if i.attr_start >= 0]
    spans = sorted(blocked + claimed)
    # Quote marks can span sentences; widen each sentence's window by the longest span so a
    # binary search still finds every span that reaches into the sentence.
    reach = max((end - start for start, end in spans), default=0)
    span_starts = [start for start, _end in spans]
    # A sentence with no cue word can hold no reported clause, and one without "according"
    # no "according to": the rules would return nothing there, so they are not called.
    # (Sentences are sorted and do not overlap, so a cue lies in at most one.)
    indirect: list[Found] = []
    with_verb = ctx.sentences_with(ctx.verb_cues)
    with_according = ctx.sentences_with(ctx.according_cues)
    sentence_starts, sentence_ends = ctx.sentence_starts, ctx.sentence_ends
    for index in sorted(with_verb | with_according):
        s_start, s_end = sentence_starts[index], sentence_ends[index]
        according = index in with_according
        lo = bisect.bisect_left(span_starts, s_start - reach)
        hi = bisect.bisect_right(span_starts, s_end, lo)
        local = [span for span in spans[lo:hi] if span[1] > s_start] if lo < hi else []
        found = indirect_in_sentence(ctx, s_start, s_end, local) if index in with_verb else []
        indirect.extend(found)
        if according:
            taken = sorted(local + [(f.start, f.end) for f in found])
            indirect.extend(according_to(ctx, s_start, s_end, taken))
    merged = _merge(items, indirect)
    return _finish(document, ctx, merged, side_of)


def _direct_items(ctx: Context) -> list[Found]:
    text = ctx.text
    raw = double_spans(ctx)
    spans = [(s, e, runs, cont, False) for s, e, runs, cont in raw]
    taken = [(s - 1, e + 1) for s, e, *_ in raw]
    spans += [(s, e, False, False, True) for s, e in single_spans(ctx, taken)]
    spans.sort()
    mark_starts = [s - 1 for s, *_ in spans]
    items: list[Found] = []
    # (``ctx.paragraph_of``, ``sentence_of`` and ``sentence_span``, read here directly.)
    paragraph_starts, paragraph_ends = ctx.paragraph_starts, ctx.paragraph_ends
    sentence_starts, sentence_ends = ctx.sentence_starts, ctx.sentence_ends
    for start, end, runs_on, continues, _single in spans:
        q_start, q_end = trim(text, start, end)
        if q_end <= q_start:
            continue
        paragraph = max(bisect.bisect_right(paragraph_starts, start) - 1, 0)
        p_end = paragraph_ends[paragraph]
        closing_sentence = max(bisect.bisect_right(sentence_starts, max(end - 1, start)) - 1, 0)
        if sentence_starts:
            s_start = sentence_starts[closing_sentence]
            s_end = sentence_ends[closing_sentence]
        else:
            s_start, s_end = 0, len(text)
        after = bisect.bisect_right(mark_starts, end)
        next_mark = mark_starts[after] if after < len(mark_starts) else len(text)
        limit = min(max(s_end, end + 1), p_end, next_mark)
        close = end + (0 if runs_on else 1)
        # (Positional: the paragraph and the marks; no sentence or "single" mark: nothing
        # reads them.)
        item = Found(
            q_start, q_end, True, None, "", "", False, paragraph, 0, start - 1, close, runs_on
        )
        last_char = text[q_end - 1]
        trailing = None
        ends_open = last_char in ",?!—–-" or text[q_end:end].strip() in {",", "?", "!"}
        comma_after = _COMMA_NEXT_RE.match(text, close, limit) is not None
        if not runs_on and (ends_open or comma_after):
            trailing = trailing_attribution(ctx, close, limit, s_start)
            following = closing_sentence + 1
            if trailing is None and following < len(sentence_ends):
                # The splitter may end a sentence inside the attribution ("Col. (ret.) Anke
                # Vogel"): try once more up to the end of the next sentence.
                wider = min(sentence_ends[following], p_end, next_mark)
                if wider > limit:
                    trailing = trailing_attribution(ctx, close, wider, s_start)
        if trailing is not None:
            speaker, verb, context, attr_start, attr_end = trailing
            item.speaker, item.verb, item.verb_context = speaker, verb, context
            item.attr_start, item.attr_end = attr_start, attr_end
        elif continues:
            item.inherit = True
        elif _LEAD_END_RE.search(text, s_start, start - 1):
            # "The chairwoman, Agnieszka Brandt, put it plainly: “...”"
            lead = text[s_start : start - 1].rstrip()
            if lead.endswith(":") or VERB_RE.search(lead[-30:]):
                lead_speaker = first_subject(text, s_start, s_start + len(lead))
                if lead_speaker is not None:
                    item.speaker = lead_speaker
        items.append(item)
    return items


def _merge(direct: list[Found], indirect: list[Found]) -> list[Found]:
    """Reconcile quote marks with reported clauses.

    A clause that opens with a quote ('stressed that "what counts ..."') gives its speaker to
    the direct quote and is dropped; a short quote inside a clause is part of that clause.
    """
    kept_indirect: list[Found] = []
    starts = [d.start for d in direct]
    for clause in indirect:
        lo = bisect.bisect_left(starts, clause.start - 2)
        hi = bisect.bisect_right(starts, clause.end + 2)
        if lo == hi:  # no quote marks near it (mostly so): kept as it is
            kept_indirect.append(clause)
            continue
        nearby = direct[lo:hi]
        opening = [d for d in nearby if d.start <= clause.start + 3]
        inner = [d for d in nearby if d.end <= clause.end + 2]
        inner += [d for d in opening if d not in inner]
        if opening or any((d.end - d.start) * 2 >= clause.end - clause.start for d in inner):
            for d in inner:
                if d.speaker is None and not d.inherit:
                    d.speaker, d.verb, d.verb_context = (
                        clause.speaker,
                        clause.verb,
                        clause.verb_context,
                    )
            continue
        for d in inner:
            d.inside = True
        kept_indirect.append(clause)
    for index in range(len(direct) - 2, -1, -1):
        item, following = direct[index], direct[index + 1]
        if item.speaker is None and item.runs_on and following.speaker is not None:
            item.speaker, item.verb, item.verb_context = (
                following.speaker,
                following.verb,
                following.verb_context,
            )
    outer: Found | None = None
    for item in direct:
        if outer is not None and outer.start < item.start and item.end <= outer.end:
            item.inside = True  # a quote within a quote belongs to the outer one
        elif item.speaker is not None and (outer is None or item.end > outer.end):
            outer = item
    result: list[Found] = []
    previous: Found | None = None
    for item in direct:
        if item.inside:
            continue
        if item.speaker is None:
            same_place = previous is not None and (
                previous.paragraph == item.paragraph or item.inherit
            )
            if same_place and previous is not None:
                item.speaker, item.verb, item.verb_context = (
                    previous.speaker,
                    previous.verb,
                    previous.verb_context,
                )
                item.inherit = True
            else:
                continue
        result.append(item)
        previous = item
    # Short or title-like spans with no attribution were dropped above; now check length for
    # attributed but one-word quotes ("said 'no'") which stay: the attribution makes them quotes.
    result.extend(kept_indirect)
    result.sort(key=_START_END)
    return result


def _finish(
    document: Document,
    ctx: Context,
    found: list[Found],
    side_of: Callable[[str], str | None],
) -> tuple[Quote, ...]:
    text = ctx.text
    resolver = Resolver.reading(text)
    quotes: list[Quote] = []
    # The side of each speaker description, asked once per article: an article quotes the
    # same few speakers again and again, and ``side_of`` is a function of its text alone.
    sides: dict[str, str | None] = {}
    article_id = document.id
    for item in found:  # (in text order: ``_merge`` sorted them by start, then end)
        speaker = item.speaker
        if speaker is None:
            continue
        canonical, role, kind_of = resolver.resolve(speaker, item.start)
        if not canonical:
            continue
        anonymous = kind_of == "anonymous"
        kind = "anonymous" if anonymous else ("direct" if item.direct else "indirect")
        # (An inherited quote shows no speaker span: it was named at an earlier quote.)
        at, to = (-1, -1) if item.inherit else (speaker.start, speaker.end)
        # The verb and a few words after it ("said in a statement", "maintained that"), cached:
        # an outlet uses a handful of verbs thousands of times. (``maxsplit``: the first six
        # words are those of a full split, without splitting the rest of a long context.)
        words = (item.verb_context or item.verb).split(maxsplit=6)[:6]
        category = cached_category(" ".join(words))
        description = f"{role} {speaker.text}".strip()
        if description in sides:
            side = sides[description]
        else:
            side = sides[description] = side_of(description)
        quotes.append(
            # Positional: keywords cost a third more per quote, and an article has dozens.
            _new_quote(
                article_id,
                kind,
                item.start,
                item.end,
                speaker.text,
                at,
                to,
                canonical,
                role,
                item.verb,
                category,
                side,
                anonymous,
            )
        )
    return tuple(quotes)
