"""The actor-mention finder as it was before it was split and sped up (framing/actor_mentions.py
at f41b0f9), kept as the oracle of tests/test_mentions_speed_equivalence.py: the code is the old
module below its docstring, unchanged but for the token readings, which it now computes afresh
with a reading type of its own (the table's memory holds the new, richer readings)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress

import numpy as np
import numpy.typing as npt

from framing.actor_table import ActorTable, fold, load_actor_table
from framing.model import Document, PreparedText
from framing.text import prepare
from framing.tokens import cased_form


@dataclass(frozen=True, slots=True)
class TokenReading:
    """The oracle's own reading of one token (the table's memory now holds richer ones)."""

    key: str
    prefix: bool
    actor: str | None
    fallback: tuple[str, int | None] | None
    name: bool


BoolArray = npt.NDArray[np.bool_]

__all__ = [
    "MIN_OCCURRENCES",
    "TITLE_SENTENCE",
    "Mention",
    "find_mentions",
    "table_aliases",
]


def _word_set(words: str) -> frozenset[str]:
    """Return the space-separated words of a closed list."""
    return frozenset(words.split())


MIN_OCCURRENCES = 2
"""A name not in the table must occur this often in the story to count as an actor."""
TITLE_SENTENCE = -1
"""``Mention.sentence`` of a mention in the article's title."""

# Capitalised words that start sentences but are not names (checked on the run's first token).
_FUNCTION_WORDS = _word_set(
    """the a an this that these those it its in on at for from with without by of to and but
    or nor if when while as after before since until although though because so yet then there
    here he she they we you i his her their our my your what which who whom whose where why how
    some many most few all both each every no not nobody none such other another one two three
    four five six seven eight nine ten first last next new former later earlier meanwhile
    however still also even only just instead indeed yes please let according under over
    through against among between during despite about around across within beyond into onto
    upon via per amid toward towards mr mrs ms dr people"""
)
_MONTHS_DAYS = _word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)
# A title ends with one of these heads ("Defense Secretary", "Gen.", "Prime Minister").
_TITLE_HEADS = _word_set(
    """president minister secretary general chancellor king queen prince princess premier
    senator governor ambassador envoy spokesman spokeswoman spokesperson mr mrs ms dr prof gen
    col lt maj capt adm sen rep gov sgt cmdr brig sheikh emir sultan pope judge chairman
    chairwoman chair director marshal admiral colonel commander mayor speaker lord sir dame
    ayatollah professor doctor lieutenant captain major"""
)
_TITLE_ABBREVIATIONS = _word_set(
    "mr mrs ms dr prof gen col lt maj capt adm sen rep gov sgt cmdr brig st jr messrs"
)
# Lone words _candidate_run always drops (function words and months that are not a title).
_NEVER_A_NAME_ALONE = (_FUNCTION_WORDS | _MONTHS_DAYS) - _TITLE_HEADS
_OPENERS = frozenset("“\"‘'(:—–[")
_QUOTES = "“”\"‘’'«»„"


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


@dataclass(slots=True)
class _Segment:
    """Working state for one text (a body or a title) between the two passes."""

    doc: int
    text: str
    prepared: PreparedText
    in_title: bool
    # (token start, token end, actor) from the table
    aliases: list[tuple[int, int, str]] = field(default_factory=list)
    # (token start, token end, candidate key, title-prefix start token)
    candidates: list[tuple[int, int, str, int]] = field(default_factory=list)
    # alias start token -> title-prefix start token
    alias_prefix: dict[int, int] = field(default_factory=dict)
    # candidate keys seen right after a title ("Defense Secretary Jim Mattis")
    titled: set[str] = field(default_factory=set)
    shouting: set[int] = field(default_factory=set)
    # per token, 1 if it starts with a lower-case letter, else 0 (tokens are never empty)
    lowers: bytes = field(init=False)
    # the other tokens, as written, sliced once: only these can begin a name or an alias, or
    # be written in capitals
    written: dict[int, str] = field(init=False)
    # tokens that start with a capital or a digit: the only ones that can begin a name
    capitals: list[int] = field(init=False)

    def __post_init__(self) -> None:
        """Slice only the tokens the passes read as written.

        Why: most tokens of news text start with a lower-case letter, and all a pass needs of
        those is that they do (a token holding a lower-case letter is never all capitals).
        ``map`` and NumPy pick them out without a Python loop over every token.
        """
        text, starts, ends = self.text, self.prepared.token_starts, self.prepared.token_ends
        if len(starts) < _FEW_TOKENS:
            self.lowers = bytes(map(str.islower, map(text.__getitem__, starts)))
            unlowered = [i for i, lower in enumerate(self.lowers) if not lower]
        else:
            lower = _starts_lower(text, starts)
            self.lowers = lower.view(np.uint8).tobytes()
            unlowered = np.flatnonzero(~lower).tolist()
        self.written = {i: text[starts[i] : ends[i]] for i in unlowered}
        self.capitals = [
            i for i, raw in self.written.items() if raw[0].isupper() or raw[0].isdigit()
        ]

    @property
    def raws(self) -> list[str]:
        """Every token as written (the passes read ``lowers`` and ``written`` instead)."""
        prepared = self.prepared
        return [
            self.text[start:end]
            for start, end in zip(prepared.token_starts, prepared.token_ends, strict=True)
        ]


_FEW_TOKENS = 64
"""Below this many tokens (a title, a role) the tokens' first letters are read in Python."""


def _starts_lower(text: str, starts: Sequence[int]) -> BoolArray:
    """Per token, whether its first character is lower-case (``str.islower``).

    Why NumPy: this is read for every token of every body, and one ``str`` per token costs
    more than the rest of the segment's set-up. The text's code points (UTF-32, lone
    surrogates kept as themselves, so an index is a ``str`` index) are read at the token
    starts: among ASCII characters exactly "a" to "z" are lower-case, and a token starting
    beyond ASCII is asked in Python.
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    first = codes[np.fromiter(starts, dtype=np.int64, count=len(starts))]
    lower = (first >= 0x61) & (first <= 0x7A)
    for i in np.flatnonzero(first > 0x7F).tolist():
        lower[i] = text[starts[i]].islower()
    return lower


def find_mentions(
    documents: Sequence[Document], table: ActorTable | None = None
) -> dict[str, tuple[Mention, ...]]:
    """Return every actor mention per article id (body mentions first, then title mentions,
    each in text order). ``documents`` should be one story: the story's statistics decide
    which capitalised words are names."""
    table = table if table is not None else load_actor_table()
    segments: list[_Segment] = []
    for index, document in enumerate(documents):
        segments.append(_Segment(index, document.article.text, document.prepared, False))
        if document.article.title.strip():
            title = document.article.title
            segments.append(_Segment(index, title, prepare(document.id, title), True))
    lower_vocab: set[str] = set()
    mid_caps: set[str] = set()
    for segment in segments:
        if not segment.in_title:
            _vocabulary(segment, lower_vocab, mid_caps)
    for segment in segments:
        _scan(segment, table, lower_vocab, mid_caps)
    names = _resolve_candidates(segments, table)
    known = {key: name for key, name in names.items()}
    result: dict[str, list[Mention]] = {doc.id: [] for doc in documents}
    titles: dict[str, list[Mention]] = {doc.id: [] for doc in documents}
    for segment in segments:
        doc_id = documents[segment.doc].id
        found = _emit(segment, doc_id, known, table)
        (titles if segment.in_title else result)[doc_id].extend(found)
    return {doc_id: tuple(result[doc_id] + titles[doc_id]) for doc_id in result}


def _is_name_token(raw: str) -> bool:
    first = raw[0]
    if first.isupper():
        if "-" in raw:
            last = raw.rsplit("-", 1)[1]
            return not (last and last[0].islower())
        return True
    return first.isdigit() and any(c.isupper() for c in raw)


def _is_initial(text: str, prepared: PreparedText, i: int) -> bool:
    if i == 0 or prepared.token_sentence[i] != prepared.token_sentence[i - 1]:
        return True
    j = prepared.token_starts[i] - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in _OPENERS or text[j] == "\n"


def _vocabulary(segment: _Segment, lower_vocab: set[str], mid_caps: set[str]) -> None:
    """Add the norms the body writes in lower case, and those it capitalises mid-sentence."""
    text, prepared, norms = segment.text, segment.prepared, segment.prepared.token_norms
    written = segment.written
    lower_vocab.update(compress(norms, segment.lowers))
    token_sentence = prepared.token_sentence
    mid_caps.update(
        norms[i]
        for i in segment.capitals
        # the first two tests are _is_initial's own, spared a call at each sentence start
        if i
        and token_sentence[i] == token_sentence[i - 1]
        and written[i][0].isupper()
        and not _is_initial(text, prepared, i)
    )


def _shouting_sentences(segment: _Segment) -> set[int]:
    """Sentences written in capitals: three words or more (of two letters or more), 60% of
    them all capitals. Such a sentence holds at least two all-capitals words, so words are
    counted only in the few sentences that do."""
    prepared, text = segment.prepared, segment.text
    token_sentence = prepared.token_sentence
    # A token starting with a lower-case letter is never all capitals: only those written
    # can count.
    upper = Counter(
        token_sentence[i] for i, raw in segment.written.items() if raw.isupper() and _is_word(raw)
    )
    candidates = {sentence for sentence, count in upper.items() if count >= 2}
    if not candidates:
        return set()
    starts, ends = prepared.token_starts, prepared.token_ends
    words = Counter(
        sentence
        for i, sentence in enumerate(token_sentence)
        if sentence in candidates and _is_word(text[starts[i] : ends[i]])
    )
    return {s for s in candidates if words[s] >= 3 and upper[s] >= 0.6 * words[s]}


def _is_word(raw: str) -> bool:
    """Whether a token holds two letters or more (all-letter tokens need no count)."""
    if raw.isalpha():
        return len(raw) >= 2
    return sum(c.isalpha() for c in raw) >= 2


def _gap_ok(text: str, end: int, start: int, previous_norm: str) -> bool:
    gap = text[end:start]
    if not gap:
        return True
    if gap.isspace():
        return "\n\n" not in gap
    return gap[0] == "." and gap[1:].isspace() and previous_norm in _TITLE_ABBREVIATIONS


def _alias_at(
    segment: _Segment, i: int, reading: TokenReading, table: ActorTable
) -> tuple[int, str, int] | None:
    """Longest table alias starting at token ``i`` (one of ``segment.written``), which reads
    as ``reading`` on its own: (end token, actor, end char) or None.

    The longest alias is tried first, token by token while the folded text so far begins
    an alias; failing that, the token alone read as a plural ("Turks") or as the first part
    of a hyphenated word ("Ankara-based").
    """
    raw = segment.written[i]
    starts, ends = segment.prepared.token_starts, segment.prepared.token_ends
    best: tuple[int, str, int] | None = None
    if reading.prefix and table.max_tokens > 0:
        if reading.actor is not None:
            best = (i + 1, reading.actor, ends[i])
        text = segment.text
        n = len(starts)
        key, written = reading.key, raw
        j = i + 1
        while j < n and j - i < table.max_tokens:
            gap = text[ends[j - 1] : starts[j]]
            if gap and not (gap.isspace() and "\n" not in gap):
                break
            raw = text[starts[j] : ends[j]]
            key += fold(raw)
            written += raw
            if key not in table.prefixes:
                break
            actor = table._match(written, key)
            if actor is not None:
                best = (j + 1, actor, ends[j])
            j += 1
    if best is None and reading.fallback is not None:
        actor, length = reading.fallback
        return (i + 1, actor, ends[i] if length is None else starts[i] + length)
    return best


def _read_token(raw: str, table: ActorTable) -> TokenReading:
    """What the scan makes of one token as written, on its own, with ``table``.

    It depends on the token and the table only, so the table remembers it
    (``ActorTable.remember_token``): a corpus repeats the same few thousand capitalised tokens.
    """
    key = fold(raw)
    prefix = key in table.prefixes
    fallback: tuple[str, int | None] | None = None
    if len(key) > 3 and key.endswith("s"):
        actor = table._match(raw[:-1], key[:-1])
        if actor is not None:
            fallback = (actor, None)
    if fallback is None and "-" in raw and _is_hyphen_prefix(raw):
        head = raw.split("-", 1)[0]
        actor = table._match(head, fold(head))
        if actor is not None:
            fallback = (actor, len(head))
    actor = table._match(raw, key) if prefix else None
    return TokenReading(key, prefix, actor, fallback, _is_name_token(raw))


def _is_hyphen_prefix(raw: str) -> bool:
    parts = raw.split("-")
    return len(parts) > 1 and all(p[:1].islower() for p in parts[1:])


def _scan(segment: _Segment, table: ActorTable, lower_vocab: set[str], mid_caps: set[str]) -> None:
    """Pass one: table aliases and candidate names (runs of capitalised tokens)."""
    text, prepared, written = segment.text, segment.prepared, segment.written
    starts, ends, norms = prepared.token_starts, prepared.token_ends, prepared.token_norms
    token_sentence = prepared.token_sentence
    shouting = segment.shouting = _shouting_sentences(segment)
    run: list[int] = []

    def close_run(next_alias: int | None) -> None:
        # A lone function word or month ("The", "According", "May") is never a name: most
        # runs are one such sentence opener, and _candidate_run would only drop it.
        if len(run) > 1 or norms[run[0]] not in _NEVER_A_NAME_ALONE:
            _candidate_run(segment, run, next_alias, lower_vocab, mid_caps)
        run.clear()

    # Only tokens starting with a capital or a digit can begin an alias or be part of a
    # name; any other token ends the current run, so a jump over one closes it. Aliases are
    # taken longest first, left to right, and never overlap.
    following = 0
    for i in segment.capitals:
        if i < following:
            continue  # inside an alias
        if run and i > following:
            close_run(None)
        following = i + 1
        # What the token reads as on its own comes from the table's memory: most capitalised
        # tokens begin no alias, and for those nothing more is read.
        # The oracle reads every token afresh (the table's memory holds the new readings).
        reading = _read_token(written[i], table)
        if reading.prefix or reading.fallback:
            alias = _alias_at(segment, i, reading, table)
            if alias is not None:
                end, actor, _ = alias
                segment.aliases.append((i, end, actor))
                if run:
                    joins = _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]])
                    close_run(i if joins else None)
                following = end
                continue
        if reading.name and token_sentence[i] not in shouting and norms[i] != "'s":
            if run and not _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]]):
                close_run(None)
            run.append(i)
        elif run:
            close_run(None)
    if run:
        close_run(None)
    _join_possessive_names(segment)


def _title_prefix(norms: Sequence[str], run: Sequence[int]) -> int:
    """Index into ``run`` where the name starts after a title ("Defense Secretary Jim Mattis"
    -> 2); 0 when there is no title."""
    last_head = -1
    for position, token in enumerate(run):
        if norms[token] in _TITLE_HEADS:
            last_head = position
    return last_head + 1


def _candidate_run(
    segment: _Segment,
    run: list[int],
    next_alias: int | None,
    lower_vocab: set[str],
    mid_caps: set[str],
) -> None:
    norms = segment.prepared.token_norms
    cut = _title_prefix(norms, run)
    prefix_start = run[0]
    name = list(run[cut:])
    if not name:
        if next_alias is not None and cut:
            segment.alias_prefix[next_alias] = prefix_start
        return
    if cut == 0:
        # Drop sentence-initial words that are not names.
        while name:
            first = name[0]
            if norms[first] in _MONTHS_DAYS or norms[first] in _FUNCTION_WORDS:
                name.pop(0)
                continue
            if _is_initial(segment.text, segment.prepared, first) and (
                norms[first] in lower_vocab or (len(name) == 1 and norms[first] not in mid_caps)
            ):
                name.pop(0)
                continue
            break
        prefix_start = name[0] if name else prefix_start
    name = [t for t in name if norms[t] not in _MONTHS_DAYS] if len(name) == 1 else name
    if not name:
        return
    key = _key(segment, name[0], name[-1] + 1)
    if cut:
        segment.titled.add(key)
    segment.candidates.append((name[0], name[-1] + 1, key, prefix_start if cut else name[0]))


def _key(segment: _Segment, first: int, end: int) -> str:
    prepared = segment.prepared
    return fold(segment.text[prepared.token_starts[first] : prepared.token_ends[end - 1]])


def _join_possessive_names(segment: _Segment) -> None:
    """Join "Countering America's Adversaries Through Sanctions Act" into one name: a
    candidate after "'s" that holds a capitalised function word ("Through", "Of") is a
    title-cased name, and so is everything capitalised before the "'s"."""
    norms, text = segment.prepared.token_norms, segment.text
    starts = segment.prepared.token_starts
    by_start = {c[0]: c for c in segment.candidates}
    alias_by_end = {a[1]: a for a in segment.aliases}
    cand_by_end = {c[1]: c for c in segment.candidates}
    for first, end, _unused_key, _prefix in list(segment.candidates):
        if first < 2 or norms[first - 1] != "'s":
            continue
        inner = [
            t
            for t in range(first + 1, end)
            if norms[t] in _FUNCTION_WORDS and text[starts[t]].isupper()
        ]
        if not inner:
            continue
        left_end = first - 1
        new_first = left_end
        while True:
            if new_first in alias_by_end:
                alias = alias_by_end[new_first]
                segment.aliases.remove(alias)
                new_first = alias[0]
            elif new_first in cand_by_end:
                cand = cand_by_end[new_first]
                if cand in segment.candidates:
                    segment.candidates.remove(cand)
                new_first = cand[0]
            else:
                break
        if new_first == left_end:
            continue
        segment.candidates.remove(by_start[first])
        segment.candidates.append((new_first, end, _key(segment, new_first, end), new_first))
    segment.candidates.sort()


def _resolve_candidates(segments: Sequence[_Segment], table: ActorTable) -> dict[str, str]:
    """Map candidate keys to actor names: merge shorter names into the one longer name that
    ends with them, then keep those seen ``MIN_OCCURRENCES`` times (titles do not count)."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    tokens_of: dict[str, tuple[str, ...]] = {}
    titled: set[str] = set()
    for segment in segments:
        prepared = segment.prepared
        titled |= segment.titled
        for first, end, key, _prefix in segment.candidates:
            written = " ".join(
                cased_form(
                    segment.text[prepared.token_starts[first] : prepared.token_ends[end - 1]]
                ).split()
            )
            if key not in tokens_of:
                tokens_of[key] = tuple(
                    fold(prepared.token_norms[t])
                    for t in range(first, end)
                    if prepared.token_norms[t] != "'s"
                )
            if not segment.in_title:
                counts[key] += 1
                forms[key][written] += 1
    # Table persons' full names also absorb surnames ("Erdogan" alone is already an alias).
    longer: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, parts in tokens_of.items():
        for size in range(1, len(parts)):
            longer[parts[-size:]].add(key)
    merged: dict[str, str] = {}
    for key, parts in tokens_of.items():
        targets = {
            t
            for t in longer.get(parts, set())
            if t != key and counts[t] and (t in titled or key in titled)
        }
        tops = {t for t in targets if not (longer.get(tokens_of[t], set()) & targets)}
        merged[key] = next(iter(tops)) if len(tops) == 1 else key
    totals: Counter[str] = Counter()
    for key, count in counts.items():
        totals[merged[key]] += count
    names: dict[str, str] = {}
    for key in tokens_of:
        target = merged[key]
        if totals[target] < MIN_OCCURRENCES:
            continue
        form = forms[target].most_common()
        best = max(form, key=lambda item: (item[1], sum(not c.isascii() for c in item[0])))[0]
        names[key] = best
    return names


def _emit(
    segment: _Segment, doc_id: str, names: Mapping[str, str], table: ActorTable
) -> list[Mention]:
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
            if gap.strip(" " + _QUOTES) == "" and "\n" not in gap:
                merged[-1] = (merged[-1][0], span[1], span[2], merged[-1][3])
                continue
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    mentions = []
    for start, end, actor, first in merged:
        if text[start:end].count("“") > text[start:end].count("”") and text[end : end + 1] == "”":
            end += 1
        sentence = TITLE_SENTENCE if segment.in_title else prepared.token_sentence[first]
        mentions.append(
            Mention(doc_id, actor, start, end, text[start:end], sentence, segment.in_title)
        )
    return mentions


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
    _scan(segment, table, set(), set())
    return prepared, sorted(segment.aliases)
