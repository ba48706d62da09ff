"""Speakers of quotes: reading a noun phrase as a speaker and resolving it across an article.

What it does: classifies the phrase next to a speech verb as a person (with titles and role
words split off), a named body, an anonymous source, a role or a pronoun; and reads subjects
before a verb, after an inverted verb ("said X, the ...") and at the start of a sentence.
Listing the article's person names and resolving surnames, pronouns and "the official" to the
fullest earlier mention is ``framing.speaker_names``.

Why separate from ``framing.quotes``: who is speaking is a question of names, titles and
noun phrases, independent of where quote marks and reported clauses begin and end; the
span finding in ``framing.quotes`` and ``framing.quote_clauses`` asks this module for a
speaker and never looks inside one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "VERB_WORDS",
    "Speaker",
    "chunk_before",
    "classify_subject",
    "ends_with_comma",
    "first_subject",
    "subject_after",
    "subject_and_chunk_before",
    "subject_before",
]

# Speech verbs. Kept here because a phrase holding one is a clause, not a speaker
# (``classify_subject``); ``framing.quote_clauses`` builds its verb patterns from the same list.
VERB_WORDS = (
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


def _is_capitalised(word: str) -> bool:
    match = _UPPER_START.search(word)
    return match is not None and match.start() <= 1 and match.group().isupper()


def _bare(word: str) -> str:
    return word.lower().strip("’'.").replace("’", "'")


def _is_title(word: str) -> bool:
    lowered = word.lower()
    return lowered in _TITLES or lowered.rstrip(".") in _TITLES


# -- working records --------------------------------------------------------------------------


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    kind: str  # "person", "named", "anonymous", "role", "pronoun"
    role: str = ""
    name: str = ""  # the person's name without titles (for "person")


# -- speakers ---------------------------------------------------------------------------------


def _words(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _WORD_RE.finditer(text)]


def classify_subject(text: str, offset: int) -> Speaker | None:
    """Read a noun phrase as a speaker, or reject it (``None``) when it is not one.

    Accepted: a pronoun, a name with optional titles and role words before it ("Defense
    Secretary Jim Mattis", "retired Lt. Gen. Halil Özkaya"), a short capitalised name of a
    country or body ("Washington"), or a phrase headed by a source noun ("a senior official
    in Ankara", "Russian experts", "the Trump administration"). A phrase holding a finite
    verb ("officials in Ankara made clear") is a clause, not a subject, and is rejected.

    The reading depends on the phrase alone; ``offset`` (where it starts in the article) only
    moves the speaker's span. So the reading is memoised by phrase, and each call gets a new
    ``Speaker`` (callers fill in its ``role``).
    """
    if len(text) > _MEMO_CHARS:
        return _read_subject(text, offset)
    found = _classify_phrase(text)
    if found is None:
        return None
    phrase, start, end, kind, role, name = found
    return Speaker(phrase, start + offset, end + offset, kind, role, name)


# Phrases longer than this are read afresh: speakers are short, and the memo must not hold
# long clauses of hostile text (16,384 entries of at most 200 characters: a few megabytes).
_MEMO_CHARS = 200

_Reading = tuple[str, int, int, str, str, str]
"""A ``Speaker``'s fields as a tuple (text, start, end, kind, role, name)."""


@lru_cache(maxsize=16_384)
def _classify_phrase(text: str) -> _Reading | None:
    """Return ``classify_subject(text, 0)``'s fields, memoised: articles name the same
    speakers ("officials", "he", "Mr. Okafor") again and again."""
    speaker = _read_subject(text, 0)
    if speaker is None:
        return None
    return speaker.text, speaker.start, speaker.end, speaker.kind, speaker.role, speaker.name


def _read_subject(text: str, offset: int) -> Speaker | None:
    """Read a noun phrase as a speaker (see ``classify_subject``, which memoises this)."""
    words = _words(text, offset)
    while words and (_bare(words[0][0]) in _STOP_LEAD and _bare(words[0][0]) != "the"):
        words = words[1:]
    while words and words[-1][0] in {"—", "–", "-"}:
        words = words[:-1]
    if not words:
        return None
    lowered = [_bare(w[0]) for w in words]
    if lowered[-1] in _PRONOUNS and (len(words) == 1 or not _is_capitalised(words[-2][0])):
        return Speaker(words[-1][0], words[-1][1], words[-1][2], "pronoun")
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
        return Speaker(phrase, start, end, "anonymous")
    if cut == len(words) and _is_capitalised(words[-1][0]) and lowered[-1] not in _NOT_NAMES:
        return _named(words, start, end)
    if head in _ROLE_NOUNS:
        return Speaker(phrase, start, end, "role")
    return None


_CLAUSE_WORDS = {
    "is", "was", "were", "are", "be", "been", "it", "has", "have", "had", "would", "will",
    "made", "make", "makes", "can", "could", "should", "not", "did", "does", "do", "if",
}  # fmt: skip
_VERB_SET = set(VERB_WORDS) - {"member"}
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


def _named(words: list[tuple[str, int, int]], start: int, end: int) -> Speaker | None:
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
        return Speaker(text if not role_words else name, start if not role_words else name_start,
                        end, kind, "", name)  # fmt: skip
    return Speaker(name if role_words else text, name_start, end, kind, role, name)


_CLAUSE_WORD_RE = re.compile(r"\b(?:that|which|and|but|while|as|because|when|if)\s+")
# Everything up to the last clause boundary mark (one match instead of a search per mark).
_LAST_BOUNDARY_RE = re.compile(r".*[,;:—(”\"“]", re.DOTALL)


def chunk_before(text: str, start: int, end: int) -> tuple[int, int]:
    """Find the phrase that ends at ``end``: back to the last clause boundary."""
    piece = text[start:end]
    last = _LAST_BOUNDARY_RE.match(piece)
    boundary = last.end() - 1 if last is not None else -1
    # A clause word holds no boundary mark, so the words before the last mark end before it
    # and leave the scan from just after the mark as it was: only those after it count.
    for match in _CLAUSE_WORD_RE.finditer(piece, boundary + 1):
        if match.start() > boundary:
            if match.group().startswith("and") and _joins_names(piece, match):
                continue
            boundary = match.end() - 1
    return start + boundary + 1, end


def ends_with_comma(text: str, start: int, end: int) -> bool:
    """Return ``text[start:end].rstrip().endswith(",")`` without copying the stretch.

    (It is also ``re.search(r",\\s*$", text[start:end])``: ``\\s`` is ``str.isspace``.)
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ","


_CONJUNCTION_RE = re.compile(r"(?:and|but|while)\b")
_APPOSITIVE_RE = re.compile(r"(?:who|whose|which|speaking|a|an|the|\w+[’']s)\b", re.IGNORECASE)


def subject_before(text: str, sentence_start: int, verb_start: int) -> tuple[Speaker, str] | None:
    """Return the speaker whose phrase ends right before a verb, and any apposition.

    Why commas are special: "A NATO official, who spoke on condition of anonymity, said" and
    "Pankaj Saran, New Delhi's envoy in Moscow, said" have their subject before an
    apposition, so up to two comma-separated appositions are stepped over.
    """
    found = subject_and_chunk_before(text, sentence_start, verb_start)
    return None if found is None else (found[0], found[1])


def subject_and_chunk_before(
    text: str, sentence_start: int, verb_start: int
) -> tuple[Speaker, str, int] | None:
    """Return ``subject_before``'s speaker and apposition, and where the chunk before the
    verb starts (``chunk_before(text, sentence_start, verb_start)[0]``).

    Why the chunk start: a caller that needs ``chunk_before`` up to the speaker's start
    finds it here when the speaker starts where the chunk does: that chunk's boundary (a
    mark, or a clause word and its whitespace) ends right there, and nothing after it is
    read, so the shorter stretch has the same boundary (see ``indirect_in_sentence``).
    """
    chunk_start, chunk_end = chunk_before(text, sentence_start, verb_start)
    found = _subject_in_chunk(text, sentence_start, chunk_start, chunk_end)
    return None if found is None else (found[0], found[1], chunk_start)


def _subject_in_chunk(
    text: str, sentence_start: int, chunk_start: int, chunk_end: int
) -> tuple[Speaker, str] | None:
    """``subject_before`` once the chunk before the verb is known."""
    chunk = text[chunk_start:chunk_end].strip()
    after_comma = ends_with_comma(text, sentence_start, chunk_start)
    after_comma = after_comma and not _CONJUNCTION_RE.match(chunk)
    appositions: list[str] = []
    if chunk:
        speaker = classify_subject(chunk, chunk_start)
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
        outer_start, outer_end = chunk_before(text, sentence_start, end)
        outer = text[outer_start:outer_end]
        before = classify_subject(outer, outer_start)
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
        fallback = classify_subject(chunk, chunk_start)
        if fallback is not None and fallback.kind in {"role", "anonymous"}:
            return fallback, ""
    return None


def subject_after(text: str, start: int, limit: int) -> Speaker | None:
    """Read an inverted subject: "said retired Gen. Raymond Tolliver, who spent ..."."""
    piece = text[start:limit]
    cut = len(piece)
    for pattern in (",", ";", "—", " who ", " referring ", " speaking ", " in a ", " on ", "("):
        found = piece.find(pattern)
        if found > 0 and not (pattern == "(" and re.match(r"\((?:ret|retd)", piece[found:])):
            cut = min(cut, found)
    head = piece[:cut].rstrip().rstrip(".")
    # Keep "Gen." or "Dr." but drop a sentence-final period after a name.
    speaker = classify_subject(head, start)
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


# What a word of a person's name looks like (also read by ``framing.speaker_names``).
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+")
_NAME_WORD = r"(?:[^\W\d_][\w’'\-]*\.?|\((?:ret|retd)\.?\))"
_NAME_WORD_RE = re.compile(_NAME_WORD)
_NAME_RUN_RE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")


def first_subject(text: str, s_start: int, limit: int) -> Speaker | None:
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
        return classify_subject(first.group(), s_start)
    return None
