"""NLTK's Punkt configured for news, offline: a curated abbreviation list and three rules.

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

Split from :mod:`framing.sentences` (which splits text with it): this module only says what
Punkt knows.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from framing.punkt_module import load_punkt

# Punkt alone, not the whole of NLTK (see framing.punkt_module: a second of start-up).
_punkt = load_punkt()
if TYPE_CHECKING:
    from nltk.tokenize.punkt import (
        PunktLanguageVars,
        PunktParameters,
        PunktSentenceTokenizer,
        PunktToken,
    )
else:
    PunktLanguageVars = _punkt.PunktLanguageVars
    PunktParameters = _punkt.PunktParameters
    PunktSentenceTokenizer = _punkt.PunktSentenceTokenizer
    PunktToken = _punkt.PunktToken
# The two _ORTHO flags are private to NLTK but unchanged since Punkt was ported; reading them
# (rather than copying their values) makes a future change fail loudly here.
_ORTHO_BEG_UC = _punkt._ORTHO_BEG_UC
_ORTHO_MID_LC = _punkt._ORTHO_MID_LC

__all__ = [
    "ABBREVIATIONS_RESOURCE",
    "CLOSING_CHARS",
    "CURLY_QUOTES",
    "NUMBER_COLLOCATIONS",
    "SENTENCE_STARTERS",
    "load_abbreviations",
    "news_tokenizer",
]

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
# The characters themselves (the string above escapes "]" for a regex class).
CLOSING_CHARS = frozenset(_CLOSING) - {"\\"}
CURLY_QUOTES = "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a"

_DOTTED_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
_WORD_JOINERS = re.compile("[-/\u2010\u2011\u2013\u2014]")


class _NewsLanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English settings, with curly quotes and guillemets treated like straight quotes.

    Why: news text uses typographic quotes, and a sentence ending in ``.”`` must end there and
    keep its closing quote, as Punkt already does for ``."``.
    """

    re_boundary_realignment = re.compile(rf"[{_CLOSING}]+?(?:\s+|(?=--)|$)", re.MULTILINE)
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-," + CURLY_QUOTES + "]"

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
        return rf"(?:[)\";}}\]\*:@\'\({{\[{CURLY_QUOTES}{other_ends}])"

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
def news_tokenizer() -> PunktSentenceTokenizer:
    """Build the one Punkt tokenizer, once: its parameters are fixed and it keeps no state."""
    params = PunktParameters()
    params.abbrev_types = _Abbreviations(load_abbreviations())
    params.collocations = {(word, "##number##") for word in NUMBER_COLLOCATIONS}
    for word in SENTENCE_STARTERS:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)
