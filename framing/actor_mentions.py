"""Actor mentions: who is named in a story, and where.

No named-entity model and no downloaded data: an actor is found in two ways.

1. **The actor table** (``framing/data/actors.tsv``, editable, extendable with a user file of the
   same columns): countries with their capital cities ("Ankara" for Turkey), seats of
   government ("the Kremlin"), demonyms ("Turkish") and nationals ("Turks"); organisations;
   leaders (with the ``side`` they speak for); weapons systems (with their maker as ``side``).
2. **The story's own capitalised words.** A run of capitalised tokens ("Lockheed Martin",
   "Jim Mattis", "S-300"; digits and hyphens allowed, "48N6E2" too) is a candidate name. A
   sentence-initial word is not a name when the story also writes it in lower case
   ("Deliveries to Turkey"), when it is a function word ("The", "When"), or when it never
   appears capitalised in mid-sentence; months and days are never names. A candidate must occur
   at least twice in the story (``MIN_OCCURRENCES``) or be in the table.

Aliases are merged by a *fold*: accents, case, hyphens, spaces, dots and apostrophes are
ignored, so "Erdogan" and "Erdoğan", "S-400", "S400" and "S 400", "U.S." and "US" meet (an
alias of three letters or fewer written in capitals must be written in capitals in the text: "US"
never matches "Us"). A plural "F-35s" or "Turks" falls back to its singular. Titles ("Mr.",
"President", "Defense Secretary", "Turkish Foreign Minister" minus the demonym) are stripped
from a name but kept in the mention's span, so "Mr. Erdoğan" is a mention of Recep Tayyip Erdoğan
whose text shows how the outlet named him. A surname ("Mattis") or shorter name ("Tayyip
Erdoğan") is merged with the one longer name of the story that ends with it ("Jim Mattis"). A
hyphenated "Ankara-based" or "Russian-built" counts as a mention of its first part.

Titles are read too: a mention in ``article.title`` has ``in_title=True``, its offsets index the
*title* (not the text) and its ``sentence`` is ``-1``. Headlines add no new candidate names (a
title-cased or all-capitals headline would make every word look like one); they match table
aliases and the names the bodies established. The same holds for any all-capitals sentence.

Why separate from ``framing.actors``: finding who is named, and where, is the large rule-based
part; ``framing.actors`` builds salience and tone on the mentions found here, and
``framing.actor_table`` holds the table both read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from framing.actor_table import ActorTable, fold, load_actor_table

# The passes' own names, re-exported for the tests that hold them to their plain rules (and
# that replace ``_scan``, ``_vocabulary`` and ``_name_runs`` here, where ``find_mentions``
# looks them up).
from framing.mention_scan import (  # noqa: F401
    _alias_at,
    _candidate_run,
    _gap_ok,
    _is_hyphen_prefix,
    _join_possessive_names,
    _name_runs,
    _read_token,
    _scan,
    _vocabulary,
)
from framing.mention_tokens import (  # noqa: F401
    _FEW_TOKENS,
    _FUNCTION_WORDS,
    _MONTHS_DAYS,
    _NEVER_A_NAME_ALONE,
    _QUOTES,
    _TITLE_HEADS,
    _is_initial,
    _is_name_token,
    _is_word,
    _Segment,
    _shouting_sentences,
    _starts_lower,
)
from framing.model import Document, PreparedText, Span
from framing.text import prepare
from framing.tokens import cased_form, token_columns

__all__ = [
    "MIN_OCCURRENCES",
    "TITLE_SENTENCE",
    "Mention",
    "article_mention_spans",
    "find_mentions",
    "table_aliases",
]

MIN_OCCURRENCES = 2
"""A name not in the table must occur this often in the story to count as an actor."""
TITLE_SENTENCE = -1
"""``Mention.sentence`` of a mention in the article's title."""


# --- mentions ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """One naming of an actor: ``text`` is ``source[start:end]`` as written, title included
    ("Mr. Erdoğan"). ``source`` is the article's text, or its title when ``in_title`` (then
    ``sentence`` is ``-1``)."""

    article_id: str
    actor: str
    start: int
    end: int
    text: str
    sentence: int
    in_title: bool


def find_mentions(
    documents: Sequence[Document], table: ActorTable | None = None
) -> dict[str, tuple[Mention, ...]]:
    """Return every actor mention per article id (body mentions first, then title mentions,
    each in text order). ``documents`` should be one story: the story's statistics decide
    which capitalised words are names."""
    table = table if table is not None else load_actor_table()
    segments, names = _story(documents, table)
    result: dict[str, list[Mention]] = {doc.id: [] for doc in documents}
    titles: dict[str, list[Mention]] = {doc.id: [] for doc in documents}
    for segment in segments:
        doc_id = documents[segment.doc].id
        found = _emit(segment, doc_id, names, table)
        (titles if segment.in_title else result)[doc_id].extend(found)
    return {doc_id: tuple(result[doc_id] + titles[doc_id]) for doc_id in result}


def article_mention_spans(
    document: Document, table: ActorTable
) -> list[tuple[str, int, int, bool]]:
    """Return ``(actor, start, end, in_title)`` of each mention ``find_mentions([document],
    table)`` finds for the article as its own story, in the same order.

    Why: ``framing annotate`` writes only these four fields of each mention; building a
    ``Mention`` (with its text and sentence) for each, to read them back, cost more than
    the rest of writing the mentions.
    """
    segments, names = _story((document,), table)
    spans: list[tuple[str, int, int, bool]] = []
    for segment in segments:  # the body, then the title
        in_title = segment.in_title
        spans += [
            (actor, start, end, in_title) for start, end, actor, _ in _spans(segment, names, table)
        ]
    return spans


def _story(
    documents: Sequence[Document], table: ActorTable
) -> tuple[list[_Segment], dict[str, str]]:
    """The segments of a story (each body, then its title if it has one) scanned and named,
    with the names of the candidates the story keeps, by candidate key."""
    segments: list[_Segment] = []
    for index, document in enumerate(documents):
        segments.append(_Segment(index, document.article.text, document.prepared, False))
        if document.article.title.strip():
            title = document.article.title
            segments.append(_Segment(index, title, _prepare_title(document.id, title), True))
    # Runs are named once the story's vocabulary is known (as far as they ask about it).
    for segment in segments:
        _scan(segment, table)
    lower_vocab, mid_caps = _vocabulary(segments)
    for segment in segments:
        _name_runs(segment, lower_vocab, mid_caps)
    return segments, _resolve_candidates(segments, table)


_MAY_SPLIT = re.compile(r"[.?!]|[^\S ]")
"""What a sentence break needs: a sentence end (Punkt's ".", "?", "!") or a line break (any
whitespace but a space is let through to ``prepare``, which decides)."""


def _prepare_title(article_id: str, title: str) -> PreparedText:
    """Return ``prepare(article_id, title)`` (without token ids) for a non-blank title.

    Why: a title is a few words, and splitting it into sentences, numbering its tokens and
    finding each token's sentence with NumPy cost three times the rest of reading it. Without
    a sentence end or any whitespace but spaces, Punkt finds no break, so the title is one
    sentence from its first character that is not a space to its last, and every token is in
    it; any other title is prepared in full. A test holds the two to the same result.
    """
    if _MAY_SPLIT.search(title) is not None:
        return prepare(article_id, title)
    starts, ends, norms = token_columns(title)
    first = len(title) - len(title.lstrip(" "))
    return PreparedText(
        article_id,
        (Span(first, len(title.rstrip(" "))),),
        starts,
        ends,
        norms,
        (0,) * len(starts),
    )


def _resolve_candidates(segments: Sequence[_Segment], table: ActorTable) -> dict[str, str]:
    """Map candidate keys to actor names: merge shorter names into the one longer name that
    ends with them, then keep those seen ``MIN_OCCURRENCES`` times (titles do not count).

    Why in this order: a story names a few dozen candidates, and most occur once and merge
    with nothing, so they get no name. The counts are taken in C (``Counter`` over the
    keys); merging is tried only when some candidate follows a title (without one no key
    merges, see ``_merge``); and the written forms are read only for the names kept.
    """
    counts: Counter[str] = Counter()
    titled: set[str] = set()
    for segment in segments:
        titled |= segment.titled
        if not segment.in_title:
            counts.update(map(_KEY, segment.candidates))
    merged = _merge(segments, counts, titled) if titled else {}
    totals = counts
    if merged:
        totals = Counter()
        for key, count in counts.items():
            totals[merged.get(key, key)] += count
    # A key that merges with nothing is its own target, and only counted keys have a total.
    kept = {
        key: target
        for key in (*counts, *merged)
        if totals[target := merged.get(key, key)] >= MIN_OCCURRENCES
    }
    if not kept:
        return {}
    best_of = _best_forms(segments, set(kept.values()))
    return {key: best_of[target] for key, target in kept.items()}


_KEY = itemgetter(2)
"""A candidate's key (candidates are (first token, end token, key, title-prefix start))."""


def _best_forms(segments: Sequence[_Segment], keys: set[str]) -> dict[str, str]:
    """The commonest way the bodies write each of ``keys`` (ties: more letters beyond
    ASCII, then the first written), spaces collapsed; read in one pass over the candidates.
    """
    forms: dict[str, Counter[str]] = {key: Counter() for key in keys}
    for segment in segments:
        if segment.in_title:
            continue
        text, prepared = segment.text, segment.prepared
        starts, ends = prepared.token_starts, prepared.token_ends
        for first, end, key, _prefix in segment.candidates:
            if key in keys:
                forms[key][" ".join(cased_form(text[starts[first] : ends[end - 1]]).split())] += 1
    return {key: _best(written) for key, written in forms.items()}


def _best(forms: Counter[str]) -> str:
    """The form counted most often; among those, the one with more letters beyond ASCII;
    among those, the first counted.

    ``max`` gives the first of the largest in the order it reads: ``most_common()`` lists
    forms by count, ties in the order counted, so without letters beyond ASCII (the key's
    second part is then 0 throughout) the first form counted most often is the answer.
    """
    if "".join(forms).isascii():
        return max(forms.items(), key=_COUNT)[0]
    return max(
        forms.most_common(), key=lambda item: (item[1], sum(not c.isascii() for c in item[0]))
    )[0]


_COUNT = itemgetter(1)


def _merge(
    segments: Sequence[_Segment], counts: Mapping[str, int], titled: set[str]
) -> dict[str, str]:
    """The keys merged into a longer name that ends with them, each with that name.

    A key merges only into a counted longer name of which one of the two follows a title
    (``titled``), and only when exactly one such name is not itself ended by another.
    """
    tokens_of: dict[str, tuple[str, ...]] = {}
    for segment in segments:
        norms = segment.prepared.token_norms
        for first, end, key, _prefix in segment.candidates:
            if key not in tokens_of:
                parts = norms[first:end]
                if "'s" in parts:
                    parts = tuple(norm for norm in parts if norm != "'s")
                tokens_of[key] = tuple(map(fold, parts))
    # Table persons' full names also absorb surnames ("Erdogan" alone is already an alias).
    longer: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, parts in tokens_of.items():
        for size in range(1, len(parts)):
            longer[parts[-size:]].add(key)
    merged: dict[str, str] = {}
    for key, parts in tokens_of.items():
        ending = longer.get(parts)
        if not ending:
            continue  # no longer name ends with this one
        targets = {
            t for t in ending if t != key and counts.get(t) and (t in titled or key in titled)
        }
        tops = {t for t in targets if not (longer.get(tokens_of[t], set()) & targets)}
        if len(tops) == 1:
            merged[key] = next(iter(tops))  # never the key itself (targets leave it out)
    return merged


def _emit(
    segment: _Segment, doc_id: str, names: Mapping[str, str], table: ActorTable
) -> list[Mention]:
    """The segment's mentions, in text order."""
    text, in_title = segment.text, segment.in_title
    token_sentence = segment.prepared.token_sentence
    return [
        _mention(
            doc_id,
            actor,
            start,
            end,
            text[start:end],
            TITLE_SENTENCE if in_title else token_sentence[first],
            in_title,
        )
        for start, end, actor, first in _spans(segment, names, table)
    ]


def _spans(
    segment: _Segment, names: Mapping[str, str], table: ActorTable
) -> list[tuple[int, int, str, int]]:
    """The segment's mentions as (start, end, actor, first token), in text order: aliases
    and named candidates, with the spans of one actor that only spaces or quotation marks
    part joined into one, and a span with an open quotation mark taking its close."""
    prepared, text = segment.prepared, segment.text
    starts, ends = prepared.token_starts, prepared.token_ends
    spans: list[tuple[int, int, str, int]] = []
    for first, end, actor in segment.aliases:
        prefix = segment.alias_prefix.get(first, first)
        char_end = ends[end - 1]
        if end - first == 1:
            raw = text[starts[first] : ends[first]]
            if "-" in raw and table._match(raw, fold(raw)) is None and _is_hyphen_prefix(raw):
                char_end = starts[first] + len(raw.split("-", 1)[0])
        spans.append((starts[prefix], char_end, actor, first))
    for first, end, key, prefix in segment.candidates:
        found_name = names.get(key)
        if found_name is not None:
            spans.append((starts[prefix], ends[end - 1], found_name, first))
    if segment.in_title or segment.shouting:
        spans.extend(_known_in_shouting(segment, names, spans))
    spans.sort()
    merged: list[tuple[int, int, str, int]] = []
    for span in spans:
        if merged and merged[-1][2] == span[2]:
            gap = text[merged[-1][1] : span[0]]
            if gap.strip(_GAP_MARKS) == "" and "\n" not in gap:
                merged[-1] = (merged[-1][0], span[1], span[2], merged[-1][3])
                continue
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    for index, (start, end, actor, first) in enumerate(merged):
        # (counted in place: most spans hold no quotation mark, and none is sliced out)
        if (
            text.find("“", start, end) >= 0
            and text.count("“", start, end) > text.count("”", start, end)
            and text[end : end + 1] == "”"
        ):
            merged[index] = (start, end + 1, actor, first)
    return merged


_GAP_MARKS = " " + _QUOTES
"""What may stand between two spans of one actor that are joined into one mention."""
_FIELDS = ("article_id", "actor", "start", "end", "text", "sentence", "in_title")
_ARTICLE_ID, _ACTOR, _START, _END, _TEXT, _SENTENCE, _IN_TITLE = (
    getattr(Mention, name).__set__ for name in _FIELDS
)


def _mention(
    article_id: str, actor: str, start: int, end: int, text: str, sentence: int, in_title: bool
) -> Mention:
    """Return ``Mention(article_id, actor, start, end, text, sentence, in_title)``.

    Why not the constructor: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, a lookup and a call per field, and an article has a few dozen
    mentions; the slots' own setters fill the same fields of the same object in about a third
    of the time. A test holds ``_FIELDS`` to the dataclass's fields, so none is missed.
    """
    mention: Mention = _NEW(Mention)
    _ARTICLE_ID(mention, article_id)
    _ACTOR(mention, actor)
    _START(mention, start)
    _END(mention, end)
    _TEXT(mention, text)
    _SENTENCE(mention, sentence)
    _IN_TITLE(mention, in_title)
    return mention


_NEW = object.__new__


def _known_in_shouting(
    segment: _Segment, names: Mapping[str, str], taken: Sequence[tuple[int, int, str, int]]
) -> list[tuple[int, int, str, int]]:
    """In a headline or an all-capitals sentence, match the story's established names by
    their fold (up to four tokens), since capitalisation says nothing there."""
    prepared, text = segment.prepared, segment.text
    starts, ends = prepared.token_starts, prepared.token_ends
    covered = {t for _s, _e, _a, first in taken for t in range(first, first + 1)}
    used = [(s, e) for s, e, _a, _f in taken]
    found: list[tuple[int, int, str, int]] = []
    n = len(starts)
    for i in range(n):
        if i in covered or (
            not segment.in_title and prepared.token_sentence[i] not in segment.shouting
        ):
            continue
        for size in (4, 3, 2, 1):
            if i + size > n:
                continue
            key = fold(text[starts[i] : ends[i + size - 1]])
            name = names.get(key)
            if name is None:
                continue
            span = (starts[i], ends[i + size - 1])
            if any(s < span[1] and span[0] < e for s, e in used):
                break
            found.append((span[0], span[1], name, i))
            used.append(span)
            break
    return found


# --- table aliases in a short text ------------------------------------------------------


def table_aliases(text: str, table: ActorTable) -> tuple[PreparedText, list[tuple[int, int, str]]]:
    """The table's aliases in a short text (a speaker's role), in text order, as (first token,
    end token, actor), with the prepared text. Outside a story only the table counts: no
    capitalised-word candidates, so nothing needs a second occurrence."""
    prepared = prepare("role", text)
    segment = _Segment(0, text, prepared, False)
    _scan(segment, table)
    # The runs are still named: a title-cased name after "'s" takes in the alias before it
    # ("America's Countering Adversaries Through Sanctions Act" names no country).
    _name_runs(segment, set(), set())
    return prepared, sorted(segment.aliases)
