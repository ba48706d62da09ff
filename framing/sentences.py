"""Split article text into sentences, offline, with NLTK's Punkt and a curated abbreviation list.

Why Punkt, configured by hand rather than trained: framing must run with no downloaded data,
so the pre-trained English model is out, and Punkt trained on the corpus itself learned junk
abbreviations ("court", "alone"; see DESIGN.md, "Offline"). Instead the parameters are written
down: abbreviations in ``framing/data/abbreviations.txt``, plus three small additions here, each
measured against the hand-split reference paragraphs in ``tests/test_text.py``:

- dotted initialisms ("U.S.", "J.A.", "U.S.S.R.") are abbreviations by pattern, so they do not
  all have to be listed;
- a short list of capitalised sentence starters ("The", "He", "But", ...) lets Punkt end a
  sentence after an abbreviation when the next word plainly begins a new one
  ("... sold to the U.S. The deal ...") while "the U.S. Senate" stays one sentence;
- "No." followed by a number ("No. 10 Downing Street") is kept together by a collocation,
  because listing "no" as an abbreviation merged "He said no. Russia ..." into one sentence.

Around Punkt: blank lines are hard paragraph boundaries (Punkt runs inside each paragraph),
curly quotes and guillemets close a sentence the way straight quotes do, a split before a word
that starts in lower case is undone (``“Why?” he asked.`` is one sentence), and every span is
stripped of surrounding whitespace.

Punkt's ``span_tokenize`` is reproduced here step by step rather than called, because its
bookkeeping (a generator, a slice and several token objects per candidate sentence end) cost
more than the rest of text preparation: candidates and their contexts are found as Punkt finds
them, a plain candidate ("said. The") is judged by a rule that gives Punkt's verdict, and any
other context is judged by Punkt itself, once (the verdicts are cached). The result is
identical, span for span; ``tests/test_prepare_equivalence.py`` keeps the old code as oracle.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

# The two _ORTHO flags are private to NLTK but unchanged since Punkt was ported; importing them
# (rather than copying their values) makes a future change fail loudly here.
from nltk.tokenize.punkt import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from framing.model import Span

ABBREVIATIONS_RESOURCE = "abbreviations.txt"
"""File name of the curated abbreviation list inside ``framing/data``."""

SENTENCE_STARTERS: tuple[str, ...] = (
    # Function words that begin English sentences and are never names. Punkt's orthographic
    # heuristic (Kiss & Strunk 2006, section 4.1.1) ends a sentence after an abbreviation when
    # the next word is one it has seen capitalised at sentence starts and lower-case inside
    # sentences; we state that fact for these words instead of learning it from a corpus.
    # "A" and "I" are left out: they are also initials ("J. A. Smith").
    "the", "an", "this", "that", "these", "those", "there", "here",
    "he", "she", "it", "we", "they", "you",
    "his", "her", "its", "our", "their", "my",
    "but", "and", "yet", "so", "however", "meanwhile", "still", "instead", "moreover",
    "in", "on", "at", "for", "after", "before", "since", "during", "while", "when", "if",
    "as", "although", "though", "despite", "according",
    "what", "why", "how", "who", "where", "some", "many", "most", "both",
)  # fmt: skip

NUMBER_COLLOCATIONS: tuple[str, ...] = ("no",)
"""Abbreviations that are abbreviations only before a number ("No. 10"): Punkt types every
number as ``##number##``, so the collocation ("no", "##number##") keeps "No. 10" together
without making "He said no." an abbreviation."""

# Closing quotes Punkt should keep inside the sentence they end: straight quotes and brackets
# (Punkt's own set), plus curly quotes, guillemets and single guillemets, which older NLTK
# releases did not know about (without them, `us.” He` was not even a candidate boundary).
_CLOSING = "\"')\\]}\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a"
_CURLY = "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a"

# A line break, and horizontal whitespace (whitespace that is not a line break), using the
# same set of line breaks as str.splitlines(). A run of whitespace holding two or more line
# breaks (a blank line), or a paragraph separator, is a hard paragraph boundary. Every break
# starts with a line break (\r and \u2029 are in the set), so the leading lookahead matches
# nothing new; it lets the search reject other characters in one test (measured: a quarter
# faster).
_BREAK = "\\n\\r\\x0b\\x0c\\x1c-\\x1e\\x85\\u2028\\u2029"
_PARAGRAPH_BREAK = re.compile(
    rf"(?=[{_BREAK}])(?:(?:\r\n|[{_BREAK}])(?:[^\S{_BREAK}]*(?:\r\n|[{_BREAK}]))+|\u2029)"
)

# Punkt looks back for the word before a candidate to the last ASCII whitespace character.
_OTHER_ASCII_SPACE = re.compile("[\t\n\r\x0b\x0c]")  # string.whitespace but " "
_ASCII_SPACE_TO_BLANK = str.maketrans(dict.fromkeys(string.whitespace, " "))

# The first word character of a sentence, after any opening quotes or brackets.
_FIRST_WORD_CHAR = re.compile(r"[^\w\s]*(\w)")
_DOTTED_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
_WORD_JOINERS = re.compile("[-/\u2010\u2011\u2013\u2014]")


class _NewsLanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English settings, with curly quotes and guillemets treated like straight quotes.

    Why: news text uses typographic quotes, and a sentence ending in ``.”`` must end there and
    keep its closing quote, as Punkt already does for ``."``.
    """

    re_boundary_realignment = re.compile(rf"[{_CLOSING}]+?(?:\s+|(?=--)|$)", re.MULTILINE)
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-," + _CURLY + "]"

    def __init__(self) -> None:
        # Compile Punkt's own two patterns with the standard library. NLTK 3.10 wraps them in
        # a 5-second wall-clock limit that counts the time spent between matches too, so one
        # long paragraph with many sentences raised TimeoutError (measured: 150,000
        # candidate boundaries in 1 MB). The patterns are fixed, not user-supplied, and
        # linear; tests/test_text.py runs them on 1 MB of adversarial text.
        super().__init__()
        fields = {
            "NonWord": self._re_non_word_chars,
            "MultiChar": self._re_multi_char_punct,
            "WordStart": self._re_word_start,
            "SentEndChars": self._re_sent_end_chars,
        }
        flags = re.UNICODE | re.VERBOSE
        self._period_context = re.compile(self._period_context_fmt % fields, flags)
        self._word_tokenizer = re.compile(self._word_tokenize_fmt % fields, flags)

    @property
    def _re_non_word_chars(self) -> str:
        other_ends = re.escape("".join(sorted(set(self.sent_end_chars) - {"."})))
        return rf"(?:[)\";}}\]\*:@\'\({{\[{_CURLY}{other_ends}])"

    def period_context_re(self) -> re.Pattern[str]:
        """Return the pattern that finds candidate sentence ends (see ``__init__``)."""
        return self._period_context

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return self._word_tokenizer


class _NewsToken(PunktToken):  # type: ignore[misc]
    """Punkt's token, with its patterns compiled by the standard library.

    Why: NLTK 3.10 routes these through a timeout wrapper that made each token cost about
    4 microseconds instead of 1 (measured), and Punkt builds a few tokens per candidate
    sentence end. The patterns are Punkt's own, unchanged.
    """

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")


class _Abbreviations(frozenset[str]):
    """The curated abbreviations, which also contain every dotted initialism by pattern.

    Punkt asks ``token_type in abbrev_types``; answering yes for "u.s", "j.a" or "u.s.s.r"
    without listing them all keeps the data file short and covers initialisms nobody listed.
    """

    def __contains__(self, item: object) -> bool:
        if frozenset.__contains__(self, item):
            return True
        if not isinstance(item, str):
            return False
        # Punkt itself looks past a hyphen ("pro-u.s"); dashes and slashes join words too
        # ("India–U.S. talks"), so look past those as well.
        last = _WORD_JOINERS.split(item)[-1]
        return frozenset.__contains__(self, last) or _DOTTED_INITIALS.fullmatch(last) is not None


def load_abbreviations() -> frozenset[str]:
    """Read the curated abbreviation list shipped in ``framing/data``.

    Lines are stripped, text after ``#`` is a comment, blank lines are skipped.
    """
    data = resources.files("framing").joinpath("data").joinpath(ABBREVIATIONS_RESOURCE)
    entries = (line.split("#", 1)[0].strip() for line in data.read_text("utf-8").splitlines())
    return frozenset(entry for entry in entries if entry)


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    """Build the one Punkt tokenizer, once: its parameters are fixed and it keeps no state."""
    params = PunktParameters()
    params.abbrev_types = _Abbreviations(load_abbreviations())
    params.collocations = {(word, "##number##") for word in NUMBER_COLLOCATIONS}
    for word in SENTENCE_STARTERS:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph that holds something other than whitespace."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if start < match.start() and not text[start : match.start()].isspace():
            yield start, match.start()
        start = match.end()
    if start < len(text) and not text[start:].isspace():
        yield start, len(text)


def _starts_lower(sentence: str) -> bool:
    """Return whether a sentence's first word starts in lower case (so it continues the last)."""
    match = _FIRST_WORD_CHAR.match(sentence)
    return match is not None and match.group(1).islower()


def _certain_break(context: str) -> bool:
    """Return True where Punkt is sure to end a sentence in ``context``; False means "ask Punkt".

    Why: asking Punkt builds and annotates a token object per word of the context, about ten
    microseconds a candidate, and most candidates are plain (see ``_plain_end``). Punkt's word
    tokenizer then gives opening quotes and brackets as tokens of their own, never breaks, and
    the word with its period as one token (``word?`` gives ``word`` and ``?``, and "?" is
    always a break). Its first pass marks ``word.`` a break unless the word is an abbreviation;
    its second pass keeps the break unless a collocation starts with the word or the token is an
    initial or a number, which two or more letters are not. A token follows, so
    ``text_contains_sentbreak`` answers True. ``tests/test_prepare_equivalence.py`` checks this
    against Punkt.
    """
    match = _plain_end().fullmatch(context)
    if match is None:
        return False
    word = match.group("word")
    if word is None:
        return True
    params = _tokenizer()._params
    # Lower-cased exactly as Punkt does for each lookup: the token without its period for the
    # abbreviation list, the token's type without its period for collocations.
    word_type = (word + ".").lower()[:-1]
    return word.lower() not in params.abbrev_types and all(
        first != word_type for first, _ in params.collocations
    )


@cache
def _plain_end() -> re.Pattern[str]:
    """Compile the shape of a plain candidate: opening quotes or brackets, then a word of two or
    more letters and ".", or a word and "?" or "!", then Punkt's next token or punctuation."""
    non_word = _tokenizer()._lang_vars._re_non_word_chars
    opening = rf"[(\"\[{{{_CURLY}]*"
    word = r"(?:(?P<word>[^\W\d_]{2,})\.|[^\W\d_]+[?!])"
    return re.compile(rf"{opening}{word}(?:\s+\S+|{non_word})")


@lru_cache(maxsize=1 << 14)
def _ends_sentence(context: str) -> bool:
    """Return Punkt's verdict on one candidate, ``text_contains_sentbreak(context)``.

    Why a cache: the verdict depends only on the context string (the word before the candidate,
    the punctuation and the next token), and news text repeats contexts ("said. The").
    """
    return _certain_break(context) or bool(_tokenizer().text_contains_sentbreak(context))


def _end_contexts(paragraph: str) -> list[tuple[re.Match[str], str]]:
    """Return Punkt's candidate sentence ends in ``paragraph``, each with its context string.

    The same list as ``PunktSentenceTokenizer._match_potential_end_contexts`` (NLTK 3.10),
    computed with ``str.rfind`` instead of a Python loop over characters. The word before a
    candidate starts after the last ASCII whitespace (``string.whitespace``) since the previous
    candidate; Punkt takes a space found at that very position as none found, and then starts
    the word where the previous candidate's word started. A candidate is dropped when the next
    candidate's word reaches back over it ("acting!!!" keeps only the last "!").
    """
    # One rfind per candidate: Punkt's six whitespace characters all read as " " (rarely needed,
    # and translate is slow on non-ASCII text, so only when one other than " " is there).
    blanked = paragraph
    if _OTHER_ASCII_SPACE.search(paragraph):
        blanked = paragraph.translate(_ASCII_SPACE_TO_BLANK)
    found: list[tuple[re.Match[str], str]] = []
    previous: re.Match[str] | None = None
    word_start = word_end = 0
    for match in _tokenizer()._lang_vars.period_context_re().finditer(paragraph):
        end = match.start()
        space = blanked.rfind(" ", word_end, end)
        start = space + 1 if space > word_end else word_start
        if previous is not None and word_end <= start:
            found.append((previous, _context(paragraph, previous, word_start, word_end)))
        previous, word_start, word_end = match, start, end
    if previous is not None:
        found.append((previous, _context(paragraph, previous, word_start, word_end)))
    return found


def _context(paragraph: str, match: re.Match[str], word_start: int, word_end: int) -> str:
    """Return what Punkt judges a candidate by: the word before it, itself and what follows."""
    return paragraph[word_start:word_end] + match.group() + match.group("after_tok")


def _punkt_spans(paragraph: str) -> list[tuple[int, int]]:
    """Return ``PunktSentenceTokenizer.span_tokenize(paragraph)``, computed faster.

    The candidates and verdicts are Punkt's (``_end_contexts``, ``_ends_sentence``); cutting
    at each break follows ``_slices_from_text``: a sentence ends after the candidate, the next
    starts at the next token (or right after the candidate when punctuation follows it), and
    the last one ends at the last visible character.
    """
    cuts: list[tuple[int, int]] = []
    last_break = 0
    for match, context in _end_contexts(paragraph):
        if _ends_sentence(context):
            cuts.append((last_break, match.end()))
            next_start = match.start("next_tok")
            last_break = next_start if next_start >= 0 else match.end()
    cuts.append((last_break, len(paragraph.rstrip())))
    return _realign(paragraph, cuts)


def _realign(paragraph: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes and brackets after a break into the sentence they close.

    A copy of ``PunktSentenceTokenizer._realign_boundaries`` on ``(start, end)`` pairs: the
    realignment pattern is matched with ``pos``/``endpos`` rather than on a slice, which is
    the same because it has no ``^`` and no lookbehind. Empty spans are dropped where Punkt
    drops them.
    """
    realignment = _tokenizer()._lang_vars.re_boundary_realignment
    spans: list[tuple[int, int]] = []
    shift = 0
    for index, (start, end) in enumerate(cuts):
        start += shift
        if index + 1 == len(cuts):
            if start < end:
                spans.append((start, end))
            break
        next_start, next_end = cuts[index + 1]
        closing = realignment.match(paragraph, next_start, next_end)
        if closing is not None:
            spans.append((start, next_start + len(closing.group().rstrip())))
            shift = closing.end() - next_start
        else:
            shift = 0
            if start < end:
                spans.append((start, end))
    return spans


def _paragraph_sentences(text: str, start: int, end: int) -> list[Span]:
    """Split one paragraph ``text[start:end]`` with Punkt; return stripped spans in ``text``."""
    paragraph = text[start:end]
    spans: list[Span] = []
    previous_end = 0
    for raw_start, raw_end in _punkt_spans(paragraph):
        # Punkt's spans should be ordered and disjoint; clamping keeps that true whatever
        # input it meets, and stripping makes every span start and end on visible text.
        raw_start = max(raw_start, previous_end)
        piece = paragraph[raw_start:raw_end]
        stripped = piece.strip()
        if not stripped:
            continue
        s = raw_start + len(piece) - len(piece.lstrip())
        e = s + len(stripped)
        previous_end = e
        if spans and _starts_lower(stripped):
            spans[-1] = Span(spans[-1].start, start + e)
        else:
            spans.append(Span(start + s, start + e))
    return spans


def split_sentences(text: str) -> list[Span]:
    """Return the sentences of ``text`` as half-open character spans, in text order.

    Spans never overlap, and each one starts and ends on a non-whitespace character, so
    ``text[span.start:span.end]`` is the sentence exactly as written. Empty or whitespace-only
    text has no sentences.

    Examples
    --------
    >>> from framing.model import slice_text
    >>> text = "The U.S. Senate voted. It met Gen. Smith on Jan. 5."
    >>> slice_text(text, split_sentences(text))
    ['The U.S. Senate voted.', 'It met Gen. Smith on Jan. 5.']
    """
    sentences: list[Span] = []
    for start, end in _paragraphs(text):
        sentences.extend(_paragraph_sentences(text, start, end))
    return sentences
