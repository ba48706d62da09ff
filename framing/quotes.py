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
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from framing.lexicon import load_lexicon
from framing.matching import LexiconMatcher
from framing.model import Document, Evidence
from framing.tokens import cased_form, tokenize

__all__ = [
    "OutletSources",
    "Quote",
    "SideShare",
    "SpeakerShare",
    "VerbUse",
    "find_quotes",
    "quote_evidence",
    "summarize_sources",
]

KINDS = ("direct", "indirect", "anonymous")
ATTRIBUTION_CATEGORIES = ("attribution_neutral", "attribution_loaded")


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

_VERB_WORDS = (
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
    "argued", "argues", "argue", "arguing", "warned", "warns", "warn", "warning", "insisted",
    "insists", "insist", "insisting", "claimed", "claims", "claim", "claiming", "noted", "noting",
    "stressed", "stresses", "stress", "stressing", "conceded", "concedes", "concede", "explained",
    "explaining", "asked", "asks", "replied", "replies", "responded", "wrote", "writes",
    "announced", "announces", "recalled", "recalls", "suggested", "suggests", "acknowledged",
    "acknowledges", "admitted", "admits", "declared", "declares", "observed", "cautioned",
    "predicted", "countered", "counter", "counters", "maintained", "maintains", "contended",
    "contends", "urged", "urges", "complained", "complains", "emphasised", "emphasized",
    "emphasises", "emphasizes", "underlined", "underscored", "confirmed", "confirms", "reiterated",
    "reiterates", "vowed", "vows", "pledged", "promised", "accused", "accuses", "alleged",
    "alleges", "boasted", "tweeted", "testified", "describe", "describes", "described", "regard",
    "regards", "regarded",
)  # fmt: skip
_VERB_PHRASES = (
    "pointed out",
    "points out",
    "point out",
    "made clear",
    "make clear",
    "makes clear",
    "has made clear",
)
# Verbs that report a view only with a "that" clause ("officials fear that ..."); alone they
# are too often something else ("the deal was reported at $2.5 billion").
_THAT_ONLY = (
    "reported", "reports", "fear", "fears", "feared", "worry", "worries", "believe", "state",
    "states",
)  # fmt: skip
_VERB_ALT = "|".join(
    [re.escape(p).replace("\\ ", r"\s+") for p in _VERB_PHRASES if not p.startswith("has ")]
    + sorted(_VERB_WORDS, key=len, reverse=True)
)
_AUX = (
    r"(?:(?:has|have|had|will|would|did|does|do|may|might|could|can)\s+)?"
    r"(?:(?:also|since|repeatedly|long|even|already|previously|publicly|privately|again|"
    r"reportedly|recently|often|now|still|never|not|later|then|further)\s+)*"
)
_TOLD_OBJECT = (
    r"(?:\s+(?:reporters|journalists|lawmakers|parliament|a\s+news\s+conference|"
    r"a\s+press\s+conference|(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}))?"
)
_VERB_RE = re.compile(
    rf"\b(?P<aux>{_AUX})(?P<verb>(?:{_VERB_ALT})\b(?<=told)?)"
    rf"|\b(?P<aux2>{_AUX})(?P<verb2>(?:{'|'.join(_THAT_ONLY)}))(?=\s+that\b)"
)
_TOLD_RE = re.compile(_TOLD_OBJECT)
_INVERTED_RE = re.compile(rf"\s*(?P<verb>{_VERB_ALT})\b")

_PARTICIPLES = (
    "saying", "arguing", "warning", "insisting", "noting", "stressing", "adding", "claiming",
    "explaining", "suggesting", "complaining", "emphasising", "emphasizing", "telling",
)  # fmt: skip
_PARTICIPLE_RE = re.compile(
    rf"(?:,\s+(?:(?:while|before|after)\s+)?|\s+while\s+)(?P<verb>{'|'.join(_PARTICIPLES)})\b"
    + r"(?:\s+(?:reporters|journalists))?"
)
_COORDINATED_RE = re.compile(
    rf",?\s+(?:and|but|while)\s+(?:{_AUX})(?:(?:{_VERB_ALT})|{'|'.join(_PARTICIPLES)})\b"
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_THAT_RE = re.compile(r"\bthat\b")
_TIME_WORDS = re.compile(
    r"^(?:(?:on|last|this|earlier|later|late|early|in)\s+)*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|today|"
    r"yesterday|earlier|later|background|condition\s+of\s+anonymity|a\s+statement|"
    r"an\s+interview|privately|publicly|recently|again|this\s+week|tonight|morning|"
    r"afternoon|evening)\b[^,]*$"
)

_PRONOUNS = {"he", "she", "they"}
_STOP_LEAD = {
    "but", "and", "yet", "so", "meanwhile", "however", "still", "now", "also", "then", "the",
    "instead", "moreover", "indeed", "even", "as", "while", "although", "though", "because",
    "when", "if", "since", "where",
}  # fmt: skip
_DETERMINERS = {
    "a", "an", "the", "one", "two", "three", "several", "some", "many", "most", "other",
    "another", "few", "senior",
}  # fmt: skip
_ANON_NOUNS = {
    "official", "officials", "source", "sources", "diplomat", "diplomats", "aide", "aides",
    "staffer", "staffers", "member", "members", "insider", "insiders", "person", "people",
    "expert", "experts", "analyst", "analysts", "banker", "bankers", "critic", "critics",
    "observer", "observers", "lawmaker", "lawmakers", "officer", "officers", "executive",
    "executives", "adviser", "advisers", "advisor", "advisors", "negotiator", "negotiators",
    "someone", "supporters", "opponents", "residents", "commanders", "engineers",
    "economists", "traders", "investors", "witnesses", "activists", "spokesperson",
    "planners", "others", "many", "representatives",
}  # fmt: skip
_ROLE_NOUNS = {
    "ambassador", "envoy", "minister", "president", "spokesman", "spokeswoman", "secretary",
    "chairman", "chairwoman", "director", "chief", "ministry", "government", "administration",
    "manufacturer", "company", "agency", "media", "press", "report", "reports", "newspaper",
    "embassy", "military", "army", "pentagon", "kremlin", "statement", "study", "survey",
    "data", "figures", "estimates", "institute", "department", "office", "white", "house",
    "congress", "senate", "parliament", "council", "committee", "bank", "group", "alliance",
}  # fmt: skip
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "president", "minister", "secretary", "general", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chancellor", "senator", "director", "chairman",
    "chairwoman", "chief", "commander", "marshal", "admiral", "colonel", "lieutenant",
    "captain", "(ret)", "(retd)", "(ret.)", "(retd.)", "envoy", "king", "queen", "prince",
    "premier", "mayor", "governor", "judge", "sir", "dame", "lord", "lady", "sheikh",
    "emir", "pope", "cardinal", "professor", "doctor", "deputy", "analyst", "manager",
    "editor", "ceo", "founder", "head", "councillor", "councilman", "councilwoman", "coach",
    "economist", "farmer", "engineer", "lawyer", "attorney", "activist", "teacher", "author",
    "writer", "historian", "scientist", "researcher", "leader", "candidate", "owner",
    "organiser", "organizer", "pastor", "rabbi", "imam", "bishop", "detective", "inspector",
    "sergeant", "superintendent", "commissioner", "police", "officer", "nurse", "player",
    "striker", "union", "club", "opposition", "health", "finance", "transport",
}  # fmt: skip
_PREPOSITIONS = {
    "in", "at", "of", "from", "with", "on", "for", "to", "by", "about", "into", "near",
    "familiar", "involved", "close", "who", "whose", "which", "that", "speaking", "under",
    "across", "inside", "within", "outside", "among",
}  # fmt: skip
_NOT_NAMES = {
    "with", "from", "by", "at", "to", "of", "under", "over", "through", "against", "without",
    "during", "until", "nor", "or", "not", "no", "every", "each", "all", "any", "both",
    "the", "a", "an", "but", "and", "in", "on", "for", "as", "this", "that", "it", "its",
    "his", "her", "their", "our", "we", "i", "you", "if", "when", "while", "after", "before",
    "since", "yet", "so", "now", "then", "there", "here", "what", "why", "how", "who",
}  # fmt: skip
_PARTICLES = {"van", "von", "de", "da", "del", "der", "bin", "al", "le", "la", "du", "di", "ibn"}

_WORD_RE = re.compile(r"\((?:ret|retd)\.?\)|[^\s,;:()\[\]“”\"«»]+")
_UPPER_START = re.compile(r"[^\W\d_]")
_PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n\s*|\u2029")
_CLOSE_PUNCT = ".!?"

_DOUBLE_OPEN = "“«"
_DOUBLE_CLOSE = "”»"
_MARKS_RE = re.compile('["“”«»]')
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\s])[’'](?![^\W_])")


def _is_capitalised(word: str) -> bool:
    match = _UPPER_START.search(word)
    return match is not None and match.start() <= 1 and match.group().isupper()


def _bare(word: str) -> str:
    return word.lower().strip("’'.").replace("’", "'")


def _is_title(word: str) -> bool:
    lowered = word.lower()
    return lowered in _TITLES or lowered.rstrip(".") in _TITLES


@lru_cache(maxsize=4096)
def _cached_category(phrase: str) -> str:
    return verb_category(phrase)


@cache
def _stance_matcher() -> LexiconMatcher:
    """Compile the stance lexicon once: every verb of every article is classed against it."""
    return LexiconMatcher(load_lexicon("stance.tsv"))


def verb_category(phrase: str) -> str:
    """Return the stance category of an attribution verb phrase ("" when the lexicon is silent).

    The phrase may carry trailing context ("said in a statement", "maintained that"): a match
    counts when it starts on the phrase's first verb word, so "has argued" finds "argued".
    """
    starts, ends, norms = tokenize(phrase)
    if not norms:
        return ""
    matcher = _stance_matcher()
    cased = [cased_form(phrase[s:e]) for s, e in zip(starts, ends, strict=True)]
    for match in matcher.match(norms, cased if matcher.lexicon.case_sensitive else None):
        if match.entry.category in ATTRIBUTION_CATEGORIES:
            return match.entry.category
    return ""


# -- working records --------------------------------------------------------------------------


@dataclass(slots=True)
class _Speaker:
    text: str
    start: int
    end: int
    kind: str  # "person", "named", "anonymous", "role", "pronoun"
    role: str = ""
    name: str = ""  # the person's name without titles (for "person")


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    direct: bool
    speaker: _Speaker | None
    verb: str = ""
    verb_context: str = ""
    inherit: bool = False  # speaker comes from the previous quote
    paragraph: int = 0
    sentence: int = 0
    extra: dict[str, int] = field(default_factory=dict)


class _Context:
    """Sentence and paragraph lookups for one text, built once (binary search per lookup)."""

    def __init__(self, document: Document) -> None:
        self.text = document.article.text
        spans = document.prepared.sentences
        self.sentence_starts = [s.start for s in spans]
        self.sentence_ends = [s.end for s in spans]
        starts = [0]
        for match in _PARAGRAPH_RE.finditer(self.text):
            starts.append(match.end())
        self.paragraph_starts = starts
        self.paragraph_ends = [m.start() for m in _PARAGRAPH_RE.finditer(self.text)] + [
            len(self.text)
        ]

    def sentence_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)

    def sentence_span(self, position: int) -> tuple[int, int]:
        if not self.sentence_starts:
            return 0, len(self.text)
        index = self.sentence_of(position)
        return self.sentence_starts[index], self.sentence_ends[index]

    def paragraph_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, position) - 1, 0)


# -- speakers ---------------------------------------------------------------------------------


def _words(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _WORD_RE.finditer(text)]


def _classify_subject(text: str, offset: int) -> _Speaker | None:
    """Read a noun phrase as a speaker, or reject it (``None``) when it is not one.

    Accepted: a pronoun, a name with optional titles and role words before it ("Defense
    Secretary Jim Mattis", "retired Lt. Gen. Halil Özkaya"), a short capitalised name of a
    country or body ("Washington"), or a phrase headed by a source noun ("a senior official
    in Ankara", "Russian experts", "the Trump administration"). A phrase holding a finite
    verb ("officials in Ankara made clear") is a clause, not a subject, and is rejected.
    """
    words = _words(text, offset)
    while words and (_bare(words[0][0]) in _STOP_LEAD and _bare(words[0][0]) != "the"):
        words = words[1:]
    while words and words[-1][0] in {"—", "–", "-"}:
        words = words[:-1]
    if not words:
        return None
    lowered = [_bare(w[0]) for w in words]
    if lowered[-1] in _PRONOUNS and (len(words) == 1 or not _is_capitalised(words[-2][0])):
        return _Speaker(words[-1][0], words[-1][1], words[-1][2], "pronoun")
    if len(words) > 12 or any(w in _CLAUSE_WORDS or w in _VERB_SET for w in lowered):
        return None
    start, end = words[0][1], words[-1][2]
    phrase = _source_text(words)
    # The head: the last word before the first preposition or relative word.
    cut = len(words)
    for index, word in enumerate(lowered):
        if index > 0 and word in _PREPOSITIONS:
            cut = index
            break
    if len(words) - cut > 7:
        return None
    head = lowered[cut - 1]
    if head in _ANON_NOUNS or (head == "member" and "staff" in lowered):
        return _Speaker(phrase, start, end, "anonymous")
    if cut == len(words) and _is_capitalised(words[-1][0]) and lowered[-1] not in _NOT_NAMES:
        return _named(words, start, end)
    if head in _ROLE_NOUNS:
        return _Speaker(phrase, start, end, "role")
    return None


_CLAUSE_WORDS = {
    "is", "was", "were", "are", "be", "been", "it", "has", "have", "had", "would", "will",
    "made", "make", "makes", "can", "could", "should", "not", "did", "does", "do", "if",
}  # fmt: skip
_VERB_SET = set(_VERB_WORDS) - {"member"}
_ORG_WORDS = {
    "institute", "agency", "department", "ministry", "university", "council", "press",
    "post", "times", "news", "bank", "corporation", "company", "group", "office", "house",
    "states", "union", "nations", "organization", "organisation", "foundation", "centre",
    "center", "committee", "senate", "congress", "pentagon", "kremlin", "force", "army",
    "navy", "media", "party", "administration", "government",
}  # fmt: skip


def _joins_names(piece: str, match: re.Match[str]) -> bool:
    """Return whether an "and" joins two names ("the United States and Germany announced")."""
    before = piece[: match.start()].split()
    after = piece[match.end() :].split()
    if not (before and after) or before[-1].endswith(","):
        return False
    if _is_capitalised(before[-1]) and _is_capitalised(after[0]):
        return True
    return (
        _bare(before[-1]) in _ANON_NOUNS
        and _bare(after[-1] if len(after) < 3 else after[0]) in _ANON_NOUNS
    )


def _source_text(words: list[tuple[str, int, int]]) -> str:
    return " ".join(w[0] for w in words)


def _named(words: list[tuple[str, int, int]], start: int, end: int) -> _Speaker | None:
    """Split "Turkish Foreign Minister Mevlüt Çavuşoğlu" into role words and a name."""
    last_title = -1
    for index, (word, _s, _e) in enumerate(words):
        joins = (
            word == "and"
            and 0 < index < len(words) - 1
            and _is_capitalised(words[index - 1][0])
            and _is_capitalised(words[index + 1][0])
        )
        if joins:
            continue
        if _is_title(word) or not (_is_capitalised(word) or _bare(word) in _PARTICLES):
            last_title = index
    name_words = words[last_title + 1 :]
    while name_words and _bare(name_words[0][0]) in _NOT_NAMES:
        name_words = name_words[1:]
    if not name_words or len(name_words) > 6:
        return None
    role_words = words[: last_title + 1]
    if role_words and _bare(role_words[0][0]) in _PREPOSITIONS:
        role_words = []
        words = name_words
        start = name_words[0][1]
    name_start = name_words[0][1]
    name = _source_text(name_words)
    role = _source_text(role_words)
    is_org = any(_bare(w[0]) in _ORG_WORDS for w in name_words) or " and " in f" {name} "
    is_org = is_org or (len(name_words) == 1 and name_words[0][0].isupper())
    person = not is_org and (bool(role_words) or len(name_words) >= 2)
    kind = "person" if person else "named"
    text = _source_text(words)
    if role_words and _bare(role_words[0][0]) in {"the", "a", "an"}:
        role = _source_text(role_words[1:])
    if not person:
        return _Speaker(text if not role_words else name, start if not role_words else name_start,
                        end, kind, "", name)  # fmt: skip
    return _Speaker(name if role_words else text, name_start, end, kind, role, name)


def _chunk_before(text: str, start: int, end: int) -> tuple[int, int]:
    """Find the phrase that ends at ``end``: back to the last clause boundary."""
    piece = text[start:end]
    boundary = max(
        piece.rfind(","),
        piece.rfind(";"),
        piece.rfind(":"),
        piece.rfind("—"),
        piece.rfind("("),
        piece.rfind("”"),
        piece.rfind('"'),
        piece.rfind("“"),
    )
    for match in re.finditer(r"\b(?:that|which|and|but|while|as|because|when|if)\s+", piece):
        if match.start() > boundary:
            if match.group().startswith("and") and _joins_names(piece, match):
                continue
            boundary = match.end() - 1
    return start + boundary + 1, end


_APPOSITIVE_RE = re.compile(r"(?:who|whose|which|speaking|a|an|the|\w+[’']s)\b", re.IGNORECASE)


def _subject_before(text: str, sentence_start: int, verb_start: int) -> tuple[_Speaker, str] | None:
    """Return the speaker whose phrase ends right before a verb, and any apposition.

    Why commas are special: "A NATO official, who spoke on condition of anonymity, said" and
    "Pankaj Saran, New Delhi's envoy in Moscow, said" have their subject before an
    apposition, so up to two comma-separated appositions are stepped over.
    """
    chunk_start, chunk_end = _chunk_before(text, sentence_start, verb_start)
    chunk = text[chunk_start:chunk_end].strip()
    after_comma = text[sentence_start:chunk_start].rstrip().endswith(",") and not re.match(
        r"(?:and|but|while)\b", chunk
    )
    appositions: list[str] = []
    if chunk:
        speaker = _classify_subject(chunk, chunk_start)
        appositive = after_comma and _APPOSITIVE_RE.match(chunk) is not None
        if speaker is not None and not appositive and (speaker.kind != "role" or not after_comma):
            return speaker, ""
        appositions.append(chunk)
    if not after_comma:
        return None
    end = text.rfind(",", sentence_start, chunk_start)
    for _ in range(2):
        if end <= sentence_start:
            break
        outer_start, outer_end = _chunk_before(text, sentence_start, end)
        outer = text[outer_start:outer_end]
        before = _classify_subject(outer, outer_start)
        if before is not None and before.kind in {"person", "named", "anonymous"}:
            role = re.sub(r"^(?:a|an|the)\s+", "", appositions[-1] if appositions else "")
            role = re.split(r"\s+(?:who|which)\s+", role)[0]
            if re.match(r"(?:who|whose|which|speaking)\b", role):
                role = ""
            if before.kind == "person" and role:
                before.role = f"{before.role}, {role}" if before.role else role
            return before, role
        appositions.append(outer.strip())
        end = text.rfind(",", sentence_start, outer_start)
    if chunk:
        fallback = _classify_subject(chunk, chunk_start)
        if fallback is not None and fallback.kind in {"role", "anonymous"}:
            return fallback, ""
    return None


def _subject_after(text: str, start: int, limit: int) -> _Speaker | None:
    """Read an inverted subject: "said retired Gen. Raymond Tolliver, who spent ..."."""
    piece = text[start:limit]
    cut = len(piece)
    for pattern in (",", ";", "—", " who ", " referring ", " speaking ", " in a ", " on ", "("):
        found = piece.find(pattern)
        if found > 0 and not (pattern == "(" and re.match(r"\((?:ret|retd)", piece[found:])):
            cut = min(cut, found)
    head = piece[:cut].rstrip().rstrip(".")
    # Keep "Gen." or "Dr." but drop a sentence-final period after a name.
    speaker = _classify_subject(head, start)
    if speaker is None:
        return None
    rest = piece[cut:]
    apposition = re.match(
        r",\s*(?!who\b|which\b|whose\b|referring\b|speaking\b)((?:a|an|the)\s+[^,;“”\"]+|[a-z][^,;“”\"]+)",
        rest,
    )
    if apposition and speaker.kind == "person":
        role = re.sub(r"^(?:a|an|the)\s+", "", apposition.group(1).strip())
        role = re.split(r"\s+(?:who|that|which)\s+|\.\s", role)[0].rstrip(".")
        speaker.role = f"{speaker.role}, {role}" if speaker.role else role
    return speaker


# -- quote marks ------------------------------------------------------------------------------


def _double_spans(ctx: _Context) -> list[tuple[int, int, bool, bool]]:
    """Pair double quote marks within paragraphs: (start, end, runs_on, continues).

    ``runs_on``: the paragraph ended inside the quote and the next paragraph opens with a
    quote mark, so the quote continues there (``continues`` is set on that next piece).
    Unbalanced marks are dropped rather than guessed: an opening mark that never closes
    starts no quote.
    """
    text = ctx.text
    spans: list[tuple[int, int, bool, bool]] = []
    continues = False
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        open_at = -1
        first_open = True
        for match in _MARKS_RE.finditer(text, p_start, p_end):
            mark = match.group()
            position = match.start()
            is_open = mark in _DOUBLE_OPEN or (
                mark == '"'
                and open_at < 0
                and position + 1 < p_end
                and not text[position + 1].isspace()
            )
            if open_at < 0:
                if is_open:
                    open_at = position
                continue
            if mark in _DOUBLE_OPEN:
                open_at = position  # an unclosed quote before: drop it
                first_open = False
                continue
            spans.append((open_at + 1, position, False, continues and first_open))
            open_at = -1
            first_open = False
            continues = False
        next_opens = False
        if open_at >= 0:
            following = p_end
            while following < len(text) and text[following].isspace():
                following += 1
            next_opens = following < len(text) and text[following] in '“«"'
            if next_opens:
                spans.append((open_at + 1, p_end, True, continues and first_open))
        continues = next_opens
    return spans


def _single_spans(ctx: _Context, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair single quote marks (British style) outside double-quoted text, per paragraph."""
    text = ctx.text
    found: list[tuple[int, int]] = []
    starts = [s for s, _ in taken]
    for p_start, p_end in zip(ctx.paragraph_starts, ctx.paragraph_ends, strict=True):
        position = p_start
        while True:
            opening = _SINGLE_OPEN_RE.search(text, position, p_end)
            if opening is None:
                break
            closing = _SINGLE_CLOSE_RE.search(text, opening.end(), p_end)
            if closing is None:
                break
            start, end = opening.end(), closing.start()
            index = bisect.bisect_right(starts, start) - 1
            inside = index >= 0 and taken[index][0] <= start < taken[index][1] + 1
            if not inside:
                found.append((start, end))
            position = closing.end()
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma (attribution punctuation) from a span."""
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


def _n_words(text: str) -> int:
    return len(text.split())


# -- attribution next to quote marks -------------------------------------------------------------


def _verb_at(text: str, start: int, limit: int) -> re.Match[str] | None:
    return _VERB_RE.search(text, start, limit)


def _verb_text(text: str, match: re.Match[str], limit: int) -> tuple[str, int]:
    """Return the verb phrase as written (with "told" + object) and where it ends."""
    group = "verb" if match.group("verb") else "verb2"
    aux = match.group("aux" if group == "verb" else "aux2") or ""
    verb_start = match.start(group) - len(aux)
    verb_end = match.end(group)
    if match.group(group).startswith("told"):
        told = _TOLD_RE.match(text, verb_end, limit)
        if told is not None and told.end() > verb_end:
            obj = told.group().strip()
            if not re.match(r"(?:That|This|The\s+(?:deal|S-400))\b", obj):
                verb_end = told.end()
    return re.sub(r"\s+", " ", text[verb_start:verb_end]), verb_end


def _trailing(
    ctx: _Context, end_mark: int, limit: int, sentence_start: int
) -> tuple[_Speaker, str, str, int, int] | None:
    """Find "…,” said X" or "…,” X said" after a closing mark; return speaker, verb, context."""
    text = ctx.text
    piece = text[end_mark:limit]
    stripped = piece.lstrip(" ,\u00a0")
    offset = end_mark + len(piece) - len(stripped)
    if not stripped or stripped[0] in ".;:" or stripped.startswith("("):
        return None
    inverted = _INVERTED_RE.match(text, offset, limit)
    if inverted is not None:
        verb = re.sub(r"\s+", " ", inverted.group("verb"))
        speaker = _subject_after(text, inverted.end() + 1, limit)
        if speaker is not None:
            return speaker, verb, text[offset:limit], offset, inverted.end()
    match = _verb_at(text, offset, limit)
    if match is None or _n_words(text[offset : match.start()]) > 12:
        return None
    verb, verb_end = _verb_text(text, match, limit)
    group = "verb" if match.group("verb") else "verb2"
    aux = match.group("aux" if group == "verb" else "aux2") or ""
    subject = _classify_subject(text[offset : match.start(group) - len(aux)], offset)
    if subject is None:
        return None
    return subject, verb, text[match.start() : limit], match.start(), verb_end


# -- indirect quotes --------------------------------------------------------------------------


_CLAUSE_STOP_RE = re.compile(r";|,?\s+(?:and\s+)?according\s+to\b|\s+—\s+")
_RELATIVE_END_RE = re.compile(r",\s+(?:has|have|had|is|are|was|were)\b")
_THAT_GAP_RE = re.compile(
    r"\s*(?:(?:(?:in|on|at|during|after|before|to|with|this|last|earlier|later|again|"
    r"repeatedly|privately|publicly|yesterday|today|also|recently|on\s+background)\b[^,;]*?)"
    r")?\s*$"
)
_DATELINE_RE = re.compile(r"[A-Z][A-Z]+\b[^—\n]{0,40}?\s+—\s+")


def _clause_end(text: str, start: int, sentence_end: int, relative: bool = False) -> int:
    """End a reported clause at the sentence end, a semicolon or a coordinated speech verb.

    ``relative``: the verb stands in a relative clause ("India, which Washington describes
    as a partner, is ..."), so the clause also ends where the main clause resumes.
    """
    end = sentence_end
    if relative:
        resume = _RELATIVE_END_RE.search(text, start, end)
        if resume is not None:
            end = resume.start()
    stop = _CLAUSE_STOP_RE.search(text, start, end)
    if stop is not None and stop.start() > start:
        end = stop.start()
    coordinated = _COORDINATED_RE.search(text, start, end)
    if coordinated is not None:
        end = coordinated.start()
    participle = _PARTICIPLE_RE.search(text, start, end)
    if participle is not None:
        end = participle.start()
    return end


def _indirect_in_sentence(
    ctx: _Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[_Found]:
    """Find reported speech in one sentence, skipping text inside quote marks.

    A later attribution inside an earlier clause ("U.S. officials warn that ..., and Jim
    Mattis has argued that ...") ends that clause where its own subject begins.
    """
    text = ctx.text
    dateline = _DATELINE_RE.match(text, s_start, s_end)
    if dateline is not None:
        s_start = dateline.end()
    found: list[_Found] = []
    position = s_start
    blocked_starts = [b[0] for b in blocked]

    def is_blocked(at: int) -> bool:
        index = bisect.bisect_right(blocked_starts, at)
        return any(blocked[i][0] <= at < blocked[i][1] for i in range(max(index - 2, 0), index))

    last_speaker: _Speaker | None = None
    while position < s_end:
        match = _verb_at(text, position, s_end)
        if match is None:
            break
        group = "verb" if match.group("verb") else "verb2"
        aux = match.group("aux" if group == "verb" else "aux2") or ""
        verb_start = match.start(group) - len(aux)
        position = match.end()
        if is_blocked(verb_start) or re.search(r"\b(?:not|never)\b", aux):
            continue
        if re.match(r"add", match.group(group)) and _TO_RE.match(text, match.end()):
            continue  # "has added to the uncertainty"
        if re.search(r"\b(?:who|which|whom)\s+$", text[s_start:verb_start]) and not (
            _THAT_NEXT_RE.match(text, match.end())
        ):
            continue  # a relative clause inside an apposition ("who asked not to be named")
        verb, verb_end = _verb_text(text, match, s_end)
        before = text[s_start:verb_start]
        subject: _Speaker | None = None
        role = ""
        joined = re.search(r"(?:\band|\bbut|\bwhile)\s*$", before) or (
            found and re.fullmatch(r"[\s.]*,\s*", text[found[-1].end : verb_start])
        )
        if joined and last_speaker is not None:
            subject = last_speaker
        if subject is None:
            result = _subject_before(text, s_start, verb_start)
            if result is not None:
                subject, role = result
        if (
            subject is not None
            and subject.kind in {"role", "named"}
            and re.match(r"add", match.group(group))
            and not _THAT_NEXT_RE.match(text, verb_end)
        ):
            continue  # "The ministry has added two trains": not speech
        trailing_subject = False
        if subject is None:
            # Inverted trailing attribution: "..., said Jim Mattis, the defense secretary."
            if re.search(r",\s*$", before):
                subject = _subject_after(text, verb_end + 1, s_end)
                trailing_subject = subject is not None
            if subject is None:
                continue
        rest = text[verb_end:s_end]
        rest_head = re.split(r"[,.;]", rest, maxsplit=1)[0].strip()
        subject_start = subject.start if not trailing_subject else verb_start
        chunk_start = _chunk_before(text, s_start, min(subject_start, verb_start))[0]
        if not trailing_subject and subject.start >= s_start:
            chunk_start = min(chunk_start, _chunk_before(text, s_start, subject.start)[0])
        preceded_by_comma = trailing_subject or bool(re.search(r",\s*$", text[s_start:chunk_start]))
        if preceded_by_comma and (
            trailing_subject or not rest_head or _TIME_WORDS.match(rest_head)
        ):
            # Trailing attribution ("..., the minister said.") or parenthetical ("The deal,
            # he argued, was fair."): the clause is around the attribution.
            comma = text.rfind(",", s_start, chunk_start if not trailing_subject else subject_start)
            pieces = []
            if comma > s_start:
                first = s_start
                if not trailing_subject:
                    joints = list(re.finditer(r",\s+(?:and|but)\s+|;\s+", text[s_start:comma]))
                    if joints:
                        first = s_start + joints[-1].end()
                pieces.append(_trim(text, first, comma))
            after_comma = text.find(",", verb_end, s_end)
            if not trailing_subject and after_comma >= 0:
                tail = after_comma + 1
                if not re.match(r"\s*\w+ing\b", text[tail:s_end]):
                    pieces.append(_trim(text, tail, _clause_end(text, tail, s_end)))
            for p_start, p_end in pieces:
                p_end = _strip_period(text, p_start, p_end)
                if _n_words(text[p_start:p_end]) >= 2 and not is_blocked(p_start):
                    found.append(_Found(p_start, p_end, False, subject, verb, verb))
            last_speaker = subject
            position = s_end if trailing_subject else max(position, verb_end)
            continue
        that = _THAT_RE.search(text, verb_end, min(s_end, verb_end + 120))
        clause_start = verb_end
        if that is not None and _THAT_GAP_RE.fullmatch(text, verb_end, that.start()):
            clause_start = that.end()
        elif group == "verb2":
            continue
        relative = bool(re.match(r"(?:describ|regard)", match.group(group)))
        clause_end = _clause_end(text, clause_start, s_end, relative)
        c_start, c_end = _trim(text, clause_start, clause_end)
        c_end = _strip_period(text, c_start, c_end)
        if _n_words(text[c_start:c_end]) < 2:
            continue
        if found and found[-1].start < verb_start < found[-1].end:
            _truncate(
                text, found[-1], subject.start if subject.start > found[-1].start else verb_start
            )
        context = text[verb_start : min(s_end, verb_end + 40)]
        found.append(_Found(c_start, c_end, False, subject, verb, context))
        if role and subject.kind == "person" and not subject.role:
            subject.role = role
        last_speaker = subject
        position = verb_end
    # "..., arguing that ...": the speaker is the sentence's subject.
    for participle in _PARTICIPLE_RE.finditer(text, s_start, s_end):
        if is_blocked(participle.start()) or any(
            f.start <= participle.start() < f.end for f in found
        ):
            continue
        speaker = _first_subject(text, s_start, participle.start()) or last_speaker
        if speaker is None:
            continue
        that = re.match(r"\s+that\b", text[participle.end() : s_end])
        clause_start = participle.end() + (that.end() if that else 0)
        c_start, c_end = _trim(text, clause_start, _clause_end(text, clause_start, s_end))
        c_end = _strip_period(text, c_start, c_end)
        if _n_words(text[c_start:c_end]) >= 2:
            verb = participle.group("verb")
            context = text[participle.start("verb") : min(s_end, participle.end() + 30)]
            found.append(_Found(c_start, c_end, False, speaker, verb, context))
            last_speaker = speaker
    return [f for f in found if f.end - f.start > 0]


_TO_RE = re.compile(r"\s+to\b")
_THAT_NEXT_RE = re.compile(r"\s+that\b")
_JOINT_RE = re.compile(r",\s+(?:and|but|while)\s+|,\s+|;\s+|\s+(?:and|but)\s+")


def _truncate(text: str, clause: _Found, attribution_start: int) -> None:
    """End a clause where a new attribution inside it begins (unless nothing would be left:
    then the new one is reported speech nested in the old, and both stay)."""
    limit = min(attribution_start, clause.end)
    joints = list(_JOINT_RE.finditer(text, clause.start, limit))
    if not joints:
        return
    end = _strip_period(text, clause.start, joints[-1].start())
    if _n_words(text[clause.start : end]) >= 2:
        clause.end = end


def _strip_period(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".…\u00a0 ":
        end -= 1
    return end


def _first_subject(text: str, s_start: int, limit: int) -> _Speaker | None:
    """Return the sentence subject before ``limit``: its first name, or its opening phrase."""
    for run in _NAME_RUN_RE.finditer(text, s_start, limit):
        words = _words(run.group(), run.start())
        while words and (_bare(words[0][0]) in _NOT_NAMES or _bare(words[0][0]) in _STOP_LEAD):
            words = words[1:]
        for index, word in enumerate(words):
            if not (_is_capitalised(word[0]) or _is_title(word[0]) or _bare(word[0]) in _PARTICLES):
                words = words[:index]
                break
        if not words:
            continue
        named = _named(words, words[0][1], words[-1][2])
        if named is not None and named.kind == "person":
            return named
    first = re.match(r"[^,]*?(?=\s+(?:has|have|had|is|was|were|are|also)\b)", text[s_start:limit])
    if first is not None:
        return _classify_subject(first.group(), s_start)
    return None


def _according(
    ctx: _Context, s_start: int, s_end: int, blocked: list[tuple[int, int]]
) -> list[_Found]:
    """Read "according to X" before, after or inside a clause."""
    text = ctx.text
    found: list[_Found] = []
    for match in _ACCORDING_RE.finditer(text, s_start, s_end):
        if any(b_start <= match.start() < b_end for b_start, b_end in blocked):
            continue
        np_end = s_end
        for stop in (",", ";", " — "):
            at = text.find(stop, match.end(), s_end)
            if at >= 0:
                np_end = min(np_end, at)
        np_start, np_end2 = _trim(text, match.end(), _strip_period(text, match.end(), np_end))
        phrase = text[np_start:np_end2]
        if (
            re.match(r"(?:some|sources|reports|people)\b", phrase)
            and "," not in text[match.start() : s_end]
        ):
            continue
        speaker = _classify_subject(phrase, np_start) or _Speaker(phrase, np_start, np_end2, "role")
        if _n_words(phrase) > 10:
            continue
        before = text[s_start : match.start()]
        if not before.strip():
            c_start, c_end = np_end + 1, _clause_end(text, np_end + 1, s_end)
        elif before.rstrip().endswith(","):
            comma = before.rstrip()
            c_start = s_start
            c_end = s_start + len(comma) - 1
            if re.search(r"\b(?:that|which|who|and|but),\s*$", before):
                # Parenthetical: "interceptors that, according to the maker, reach 400 km".
                tail_end = _clause_end(text, np_end + 1, s_end)
                tail = text.find(",", np_end + 1, tail_end)
                c_start, c_end = np_end + 1, tail if tail >= 0 else tail_end
        else:
            continue
        c_start, c_end = _trim(text, c_start, c_end)
        c_end = _strip_period(text, c_start, c_end)
        if _n_words(text[c_start:c_end]) >= 2:
            found.append(_Found(c_start, c_end, False, speaker, "according to", "according to"))
    return found


_DOTTED = re.compile(r"(?:[^\W\d_]\.)+")
_NAME_WORD = r"(?:[^\W\d_][\w’'\-]*\.?|\((?:ret|retd)\.?\))"
_NAME_RUN_RE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")


def _name_mentions(text: str) -> list[tuple[int, str]]:
    """List person names in the article (position, name without titles) for resolution.

    A name is a run of two or more capitalised words after any titles ("Defense Secretary
    Jim Mattis" gives "Jim Mattis"); runs are read from the whole text once.
    """
    mentions: list[tuple[int, str]] = []
    for run in _NAME_RUN_RE.finditer(text):
        words = [w for w in _words(run.group(), run.start())]
        current: list[tuple[str, int, int]] = []
        for word in [*words, ("", 0, 0)]:
            token = word[0]
            if (
                token
                and _is_capitalised(token)
                and not _is_title(token)
                and (_bare(token) not in _NOT_NAMES)
            ):
                current.append(word)
                if token.endswith(".") and len(token) > 2 and not _DOTTED.fullmatch(token):
                    word = ("", 0, 0)
                else:
                    continue
            elif token and _bare(token) in _PARTICLES and current:
                current.append(word)
                continue
            if len(current) >= 2:
                clean = [w[0].rstrip(",") for w in current]
                clean[-1] = re.sub(r"[’']s$", "", clean[-1]).rstrip(".")
                mentions.append((current[0][1], " ".join(clean)))
            current = []
    return mentions


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
    ctx = _Context(document)
    items = _direct_items(ctx)
    blocked = [(i.extra["mark_start"], i.extra["mark_end"]) for i in items]
    claimed = [
        (i.extra["attr_start"], i.extra["attr_end"]) for i in items if "attr_start" in i.extra
    ]
    spans = sorted(blocked + claimed)
    # Quote marks can span sentences; widen each sentence's window by the longest span so a
    # binary search still finds every span that reaches into the sentence.
    reach = max((end - start for start, end in spans), default=0)
    span_starts = [start for start, _end in spans]
    indirect: list[_Found] = []
    for s_start, s_end in zip(ctx.sentence_starts, ctx.sentence_ends, strict=True):
        lo = bisect.bisect_left(span_starts, s_start - reach)
        hi = bisect.bisect_right(span_starts, s_end)
        local = [span for span in spans[lo:hi] if span[1] > s_start]
        found = _indirect_in_sentence(ctx, s_start, s_end, local)
        taken = sorted(local + [(f.start, f.end) for f in found])
        indirect.extend(found)
        indirect.extend(_according(ctx, s_start, s_end, taken))
    merged = _merge(items, indirect)
    return _finish(document, ctx, merged, side_of)


def _direct_items(ctx: _Context) -> list[_Found]:
    text = ctx.text
    raw = _double_spans(ctx)
    spans = [(s, e, runs, cont, False) for s, e, runs, cont in raw]
    taken = [(s - 1, e + 1) for s, e, *_ in raw]
    spans += [(s, e, False, False, True) for s, e in _single_spans(ctx, taken)]
    spans.sort()
    mark_starts = [s - 1 for s, *_ in spans]
    items: list[_Found] = []
    for start, end, runs_on, continues, single in spans:
        q_start, q_end = _trim(text, start, end)
        if q_end <= q_start:
            continue
        paragraph = ctx.paragraph_of(start)
        p_end = ctx.paragraph_ends[paragraph]
        s_start, s_end = ctx.sentence_span(max(end - 1, start))
        after = bisect.bisect_right(mark_starts, end)
        next_mark = mark_starts[after] if after < len(mark_starts) else len(text)
        limit = min(max(s_end, end + 1), p_end, next_mark)
        close = end + (0 if runs_on else 1)
        item = _Found(
            q_start,
            q_end,
            True,
            None,
            extra={"mark_start": start - 1, "mark_end": close, "runs_on": int(runs_on)},
        )
        item.paragraph = paragraph
        item.sentence = ctx.sentence_of(start)
        last_char = text[q_end - 1]
        trailing = None
        ends_open = last_char in ",?!—–-" or text[q_end:end].strip() in {",", "?", "!"}
        comma_after = re.match(r"\s*,", text[close:limit]) is not None
        if not runs_on and (ends_open or comma_after):
            trailing = _trailing(ctx, close, limit, s_start)
            following = ctx.sentence_of(max(end - 1, start)) + 1
            if trailing is None and following < len(ctx.sentence_ends):
                # The splitter may end a sentence inside the attribution ("Col. (ret.) Anke
                # Vogel"): try once more up to the end of the next sentence.
                wider = min(ctx.sentence_ends[following], p_end, next_mark)
                if wider > limit:
                    trailing = _trailing(ctx, close, wider, s_start)
        if trailing is not None:
            speaker, verb, context, attr_start, attr_end = trailing
            item.speaker, item.verb, item.verb_context = speaker, verb, context
            item.extra["attr_start"], item.extra["attr_end"] = attr_start, attr_end
        elif continues:
            item.inherit = True
        elif re.search(r"[:,]\s*$", text[s_start : start - 1]):
            # "The chairwoman, Agnieszka Brandt, put it plainly: “...”"
            lead = text[s_start : start - 1].rstrip()
            if lead.endswith(":") or _VERB_RE.search(lead[-30:]):
                lead_speaker = _first_subject(text, s_start, s_start + len(lead))
                if lead_speaker is not None:
                    item.speaker = lead_speaker
        item.extra["single"] = int(single)
        items.append(item)
    return items


def _merge(direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """Reconcile quote marks with reported clauses.

    A clause that opens with a quote ('stressed that "what counts ..."') gives its speaker to
    the direct quote and is dropped; a short quote inside a clause is part of that clause.
    """
    kept_indirect: list[_Found] = []
    starts = [d.start for d in direct]
    for clause in indirect:
        lo = bisect.bisect_left(starts, clause.start - 2)
        hi = bisect.bisect_right(starts, clause.end + 2)
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
            d.extra["inside"] = 1
        kept_indirect.append(clause)
    for index in range(len(direct) - 2, -1, -1):
        item, following = direct[index], direct[index + 1]
        if item.speaker is None and item.extra.get("runs_on") and following.speaker is not None:
            item.speaker, item.verb, item.verb_context = (
                following.speaker,
                following.verb,
                following.verb_context,
            )
    outer: _Found | None = None
    for item in direct:
        if outer is not None and outer.start < item.start and item.end <= outer.end:
            item.extra["inside"] = 1  # a quote within a quote belongs to the outer one
        elif item.speaker is not None and (outer is None or item.end > outer.end):
            outer = item
    result: list[_Found] = []
    previous: _Found | None = None
    for item in direct:
        if item.extra.get("inside"):
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
    result.sort(key=lambda f: (f.start, f.end))
    return result


def _finish(
    document: Document,
    ctx: _Context,
    found: list[_Found],
    side_of: Callable[[str], str | None],
) -> tuple[Quote, ...]:
    text = ctx.text
    resolver = _Resolver(_name_mentions(text))
    quotes: list[Quote] = []
    for item in sorted(found, key=lambda f: f.start):
        speaker = item.speaker
        if speaker is None:
            continue
        canonical, role, kind_of = resolver.resolve(speaker, item.start)
        if not canonical:
            continue
        anonymous = kind_of == "anonymous"
        kind = "anonymous" if anonymous else ("direct" if item.direct else "indirect")
        inherited = item.inherit or speaker.start < 0
        # The verb and a few words after it ("said in a statement", "maintained that"), cached:
        # an outlet uses a handful of verbs thousands of times.
        category = _cached_category(" ".join((item.verb_context or item.verb).split()[:6]))
        side = side_of(f"{role} {speaker.text}".strip())
        quotes.append(
            Quote(
                article_id=document.id,
                kind=kind,
                start=item.start,
                end=item.end,
                speaker_text=speaker.text,
                speaker_start=-1 if inherited and item.inherit else speaker.start,
                speaker_end=-1 if inherited and item.inherit else speaker.end,
                speaker=canonical,
                role=role,
                verb=item.verb,
                verb_category=category,
                side=side,
                anonymous=anonymous,
            )
        )
    return tuple(quotes)


def _head(text: str) -> str:
    words = [_bare(w) for w in text.split()]
    for index, word in enumerate(words):
        if index > 0 and word in _PREPOSITIONS:
            return words[index - 1]
    return words[-1] if words else ""


class _Resolver:
    """Resolve speakers in text order: surnames to full names, pronouns to the last person,
    "the official" to the earlier anonymous source it refers back to.

    Why a class: quotes are resolved in text order, and what has been seen so far (the last
    person, anonymous sources by head noun, roles by name) is the state; every lookup is a
    dictionary access or a binary search, so an article costs linear time.
    """

    def __init__(self, mentions: list[tuple[int, str]]) -> None:
        self.mention_positions = [m[0] for m in mentions]
        self.mentions = mentions
        self.by_last: dict[str, list[tuple[int, str]]] = {}
        for mention in mentions:
            self.by_last.setdefault(_bare(mention[1].split()[-1]), []).append(mention)
        # Per surname: mention positions, and the fullest name among the first k mentions.
        self.last_positions = {k: [m[0] for m in v] for k, v in self.by_last.items()}
        self.fullest_upto: dict[str, list[str]] = {}
        for key, found in self.by_last.items():
            best: list[str] = []
            for _p, full in found:
                if not best or len(full.split()) > len(best[-1].split()):
                    best.append(full)
                else:
                    best.append(best[-1])
            self.fullest_upto[key] = best
        self.roles: dict[str, str] = {}
        self.last_person: tuple[int, str] | None = None
        self.last_plural = ""
        self.anonymous: dict[str, str] = {}

    def _fullest(self, last: str, position: int, own: str) -> str:
        """The fullest mention of this surname before ``position`` (or anywhere, if none)."""
        upto = self.fullest_upto.get(last)
        if not upto:
            return own
        count = bisect.bisect_right(self.last_positions[last], position)
        full = upto[count - 1] if count else upto[-1]
        return full if len(full.split()) > len(own.split()) else own

    def _person(self, position: int, name: str, role: str) -> tuple[str, str, str]:
        if role:
            self.roles.setdefault(name, role)
        self.last_person = (position, name)
        return name, role or self.roles.get(name, ""), "person"

    def resolve(self, speaker: _Speaker, position: int) -> tuple[str, str, str]:
        """Return (canonical speaker, role, kind); "" when it cannot be resolved."""
        if speaker.kind == "pronoun":
            if speaker.text.lower() == "they":
                return (self.last_plural, "", "anonymous") if self.last_plural else ("", "", "")
            index = bisect.bisect_left(self.mention_positions, position) - 1
            mentioned = self.mentions[index] if index >= 0 else None
            if mentioned is not None and (
                self.last_person is None or mentioned[0] > self.last_person[0]
            ):
                # A person named after the last quote ("Her opponent, Dario Castellucci,
                # disagreed. 'It is ...,' he said.") is the likelier antecedent.
                return self._person(position, mentioned[1], "")
            if self.last_person is not None:
                return self._person(position, self.last_person[1], "")
            return "", "", ""
        if speaker.kind == "named":
            single = speaker.text.split()
            if len(single) == 1:
                last = _bare(single[0])
                count = bisect.bisect_left(self.last_positions.get(last, []), position)
                if count:
                    canonical = self.fullest_upto[last][count - 1]
                    if len(canonical.split()) >= 2:
                        return self._person(position, canonical, "")
            return speaker.text, speaker.role, "named"
        if speaker.kind == "person":
            name = speaker.name or speaker.text
            last = _bare(name.split()[-1]) if name.split() else ""
            return self._person(position, self._fullest(last, position, name), speaker.role)
        head = _head(speaker.text)
        lowered = speaker.text.lower()
        if speaker.kind == "anonymous":
            if lowered.startswith(("the ", "that ")):
                known = self.anonymous.get("member" if head == "staffer" else head)
                if known is not None:
                    return known, "", "anonymous"
            self.anonymous.setdefault(head, speaker.text)
            if head.endswith("s") or head in {"people", "many"}:
                self.last_plural = speaker.text
            return speaker.text, "", "anonymous"
        return speaker.text, "", "role"


# -- summaries --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerShare:
    """One speaker's share of an outlet's quotes: by number of quotes and by quoted words."""

    speaker: str
    side: str | None
    anonymous: bool
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class SideShare:
    """One side's share of an outlet's quotes ("none" when the caller named no side)."""

    side: str
    quotes: int
    words: int
    quote_share: float
    word_share: float


@dataclass(frozen=True, slots=True)
class VerbUse:
    """An attribution verb as written, its stance category and how often the outlet used it."""

    verb: str
    category: str
    count: int


@dataclass(frozen=True, slots=True)
class OutletSources:
    """Who one outlet quotes, how much, from which side, and with which verbs."""

    outlet: str
    n_articles: int
    n_quotes: int
    n_words: int
    anonymous_share: float
    speakers: tuple[SpeakerShare, ...]
    sides: tuple[SideShare, ...]
    verbs: tuple[VerbUse, ...]
    kinds: tuple[tuple[str, int], ...]


def _quoted_words(quote: Quote) -> int:
    return max(1, (quote.end - quote.start + 5) // 6)


def summarize_sources(
    outlet: str, quotes: Sequence[Quote], n_articles: int, texts: dict[str, str] | None = None
) -> OutletSources:
    """Summarise one outlet's quotes: share of voice by speaker and side, anonymity, verbs.

    Word counts come from ``texts`` (article id -> text) when given; otherwise a quote's
    length in characters divided by six (the mean English word plus a space) stands in.
    Orderings are by count, then name, so the same quotes always give the same summary.
    """

    def words(quote: Quote) -> int:
        if texts is not None and quote.article_id in texts:
            return max(1, _n_words(texts[quote.article_id][quote.start : quote.end]))
        return _quoted_words(quote)

    n_quotes = len(quotes)
    total_words = sum(words(q) for q in quotes)
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    speakers = sorted(
        (
            SpeakerShare(
                speaker=name,
                side=group[0].side,
                anonymous=group[0].anonymous,
                quotes=len(group),
                words=sum(words(q) for q in group),
                quote_share=len(group) / n_quotes,
                word_share=sum(words(q) for q in group) / total_words if total_words else 0.0,
            )
            for name, group in by_speaker.items()
        ),
        key=lambda s: (-s.words, -s.quotes, s.speaker),
    )
    by_side: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_side.setdefault(quote.side or "none", []).append(quote)
    sides = sorted(
        (
            SideShare(
                side=name,
                quotes=len(group),
                words=sum(words(q) for q in group),
                quote_share=len(group) / n_quotes,
                word_share=sum(words(q) for q in group) / total_words if total_words else 0.0,
            )
            for name, group in by_side.items()
        ),
        key=lambda s: (-s.words, -s.quotes, s.side),
    )
    verb_counts = Counter((q.verb, q.verb_category) for q in quotes if q.verb)
    verbs = tuple(
        VerbUse(verb, category, count)
        for (verb, category), count in sorted(
            verb_counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])
        )
    )
    kind_counts = Counter(q.kind for q in quotes)
    anonymous = sum(q.anonymous for q in quotes)
    return OutletSources(
        outlet=outlet,
        n_articles=n_articles,
        n_quotes=n_quotes,
        n_words=total_words,
        anonymous_share=anonymous / n_quotes if n_quotes else 0.0,
        speakers=tuple(speakers),
        sides=tuple(sides),
        verbs=verbs,
        kinds=tuple((kind, kind_counts.get(kind, 0)) for kind in KINDS),
    )
