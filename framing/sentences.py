"""Split article text into sentences, offline, with NLTK's Punkt configured for news
(``framing.punkt_news``).

Around Punkt: blank lines are hard paragraph boundaries (Punkt runs inside each paragraph),
curly quotes and guillemets close a sentence the way straight quotes do, a split before a word
that starts in lower case is undone (``“Why?” he asked.`` is one sentence), and every span is
stripped of surrounding whitespace.

Punkt's ``span_tokenize`` is reproduced here step by step rather than called, because its
bookkeeping (a generator, a slice and several token objects per candidate sentence end) cost
more than the rest of text preparation: candidates and their contexts are found as Punkt finds
them, by one search of the article's text (no copies, no search per paragraph), a plain
candidate ("said. The") is judged by a rule on the word before it that gives Punkt's verdict
(cached by word), and any other context is judged by Punkt itself, once (cached by context).
Cuts that need no realignment (no closing quote after a break) become sentences without
stripping each one. The result is identical, span for span; ``tests/test_prepare_equivalence.py``
keeps the old code as oracle.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from framing.model import Span
from framing.punkt_news import CLOSING_CHARS, CURLY_QUOTES, news_tokenizer

# A line break, using the same set of line breaks as str.splitlines(). A run of whitespace
# holding two or more line breaks (a blank line), or a paragraph separator, is a hard
# paragraph boundary: from the run's first line break to its last. "\r\n" counts as two
# breaks here, as it always did (the earlier pattern, kept in tests/test_prepare_equivalence.py,
# read it as one, or, when that failed, as "\r" and "\n"). Why this shape: a pattern that
# starts with a character class lets ``re`` skip to the next line break in one tight loop;
# ``\s*`` is greedy and gives back characters until a line break follows, so the match ends at
# the run's last one (measured: the search three times faster than the earlier pattern's).
_BREAK = "\\n\\r\\x0b\\x0c\\x1c-\\x1e\\x85\\u2028\\u2029"
_PARAGRAPH_BREAK = re.compile(rf"[{_BREAK}](?:\s*[{_BREAK}]|(?<=\u2029))")
# The same where "\n" is the only line break in the text, as in most: a pattern that starts
# with one literal character is searched for faster still (measured: four times).
_OTHER_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BLANK_LINE = re.compile(r"\n\s*\n")


# The first word character of a sentence, after any opening quotes or brackets.
_FIRST_WORD_CHAR = re.compile(r"[^\w\s]*(\w)")

# What ends a sentence for Punkt (``sent_end_chars``): text without any of them has no candidate.
_SENTENCE_ENDS = ".?!"

_new_object = object.__new__
# The slots' member descriptors (``Span.start`` read through the class's namespace).
_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__


def _span(start: int, end: int) -> Span:
    """Return ``Span(start, end)``, built without the dataclass's ``__init__``.

    Why: a frozen dataclass sets each field through ``object.__setattr__`` (looked up as a
    global, then called), and a sentence span is made for each of the ~45 sentences of an
    article (measured: 0.31 µs a span, 0.19 µs here). The slots' own descriptors set the same
    two fields, so the object is the same: same type, fields, equality and hash.
    """
    span: Span = _new_object(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, visible_end)`` of each paragraph that holds something other than
    whitespace; ``visible_end`` is where its last visible character ends (Punkt's last
    sentence ends there).

    Why the test of the last character: a paragraph that ends on visible text is its own
    ``rstrip()``, so only one that ends on whitespace (indented blank lines, trailing spaces)
    is copied to be stripped (measured: this function a fifth faster on news text).
    """
    found: list[tuple[int, int, int]] = []
    start = 0
    breaks = _PARAGRAPH_BREAK
    if not any(char in text for char in _OTHER_LINE_BREAKS):
        breaks = _BLANK_LINE
    for match in breaks.finditer(text):
        end = match.start()
        if start < end and not text[end - 1].isspace():
            found.append((start, end, end))
        else:
            # Not empty and not all whitespace exactly when something is left after rstrip().
            visible = len(text[start:end].rstrip())
            if visible:
                found.append((start, end, start + visible))
        start = match.end()
    end = len(text)
    if start < end and not text[-1].isspace():
        found.append((start, end, end))
    else:
        visible = len(text[start:].rstrip())
        if visible:
            found.append((start, end, start + visible))
    return found


def _starts_lower(text: str, start: int, end: int) -> bool:
    """Return whether the sentence ``text[start:end]``'s first word starts in lower case (so it
    continues the last one).

    Read off the first character when it is the first word's (a letter or digit: "_", the only
    other word character, is not lower case either); otherwise the pattern is matched between
    the offsets, which is matching it on the sentence (no lookbehind, no anchor).
    """
    head = text[start]
    if head.isalnum():
        return head.islower()
    match = _FIRST_WORD_CHAR.match(text, start, end)
    return match is not None and match.group(1).islower()


@lru_cache(maxsize=1 << 14)
def _plain_break(word: str) -> bool:
    """Return True where Punkt is sure to end a sentence after ``word`` (the word before a
    candidate and the candidate itself), whatever follows; False means "ask Punkt".

    Why: asking Punkt builds and annotates a token object per word of the context, about ten
    microseconds a candidate, and most candidates are plain (see ``_plain_word``). Punkt's word
    tokenizer then gives opening quotes and brackets as tokens of their own, never breaks, and
    the word with its period as one token (``word?`` gives ``word`` and ``?``, and "?" is
    always a break). Its first pass marks ``word.`` a break unless the word is an abbreviation;
    its second pass keeps the break unless a collocation starts with the word or the token is an
    initial or a number, which two or more letters are not. A token or punctuation follows (a
    candidate needs one), so ``text_contains_sentbreak`` answers True.

    Why keyed by the word, not the whole context: the verdict does not depend on what follows,
    and sentence-final words repeat across articles far more than word-and-next-token pairs
    (measured on the bundled corpus, cold: 4% of contexts were seen before in the same run).
    ``tests/test_prepare_equivalence.py`` checks the verdicts against Punkt.
    """
    match = _plain_word().fullmatch(word)
    if match is None:
        return False
    letters = match.group("word")
    if letters is None:
        return True
    params = news_tokenizer()._params
    # Lower-cased exactly as Punkt does for each lookup: the token without its period for the
    # abbreviation list, the token's type without its period for collocations.
    word_type = (letters + ".").lower()[:-1]
    return letters.lower() not in params.abbrev_types and all(
        first != word_type for first, _ in params.collocations
    )


@cache
def _plain_word() -> re.Pattern[str]:
    """Compile the shape of a plain candidate's word: opening quotes or brackets, then a word of
    two or more letters and ".", or a word and "?" or "!"."""
    opening = rf"[(\"\[{{{CURLY_QUOTES}]*"
    return re.compile(rf"{opening}(?:(?P<word>[^\W\d_]{{2,}})\.|[^\W\d_]+[?!])")


@lru_cache(maxsize=1 << 14)
def _punkt_verdict(context: str) -> bool:
    """Return Punkt's verdict on one candidate, ``text_contains_sentbreak(context)``.

    Why a cache: the verdict depends only on the context string (the word before the candidate,
    the punctuation and the next token), and news text repeats some ("Jan. 5", "Mr. Okafor").
    """
    return bool(news_tokenizer().text_contains_sentbreak(context))


def _ends_sentence(text: str, word_start: int, match: re.Match[str]) -> bool:
    """Return Punkt's verdict on the candidate ``match`` whose word starts at ``word_start``.

    The context Punkt judges, the word, the candidate and what follows it (group 1,
    ``after_tok``), is the one slice ``text[word_start:match.end(1)]`` because the word ends
    where the candidate starts. A plain word settles it without the rest (``_plain_break``).
    """
    return _plain_break(text[word_start : match.end()]) or _punkt_verdict(
        text[word_start : match.end(1)]
    )


def _blank_ascii_space(text: str) -> str:
    """Return ``text`` with each ASCII whitespace character (``string.whitespace``) as " ".

    Punkt looks back for the word before a candidate to the last of these; with all of them
    blank, one ``rfind(" ")`` does. Why ``replace`` rather than one ``translate``: ``translate``
    is slow on non-ASCII text, and news text has only "\\n" besides " " (both give the same
    string; each ``replace`` leaves the others' characters alone).
    """
    blanked = text
    for char in "\t\n\r\x0b\x0c":
        if char in blanked:
            blanked = blanked.replace(char, " ")
    return blanked


def _may_realign(text: str, start: int) -> bool:
    """Return False where ``_realign`` cannot move anything from a sentence starting at
    ``start``: its realignment pattern needs a closing quote or bracket there, and then no letter
    or digit right after it (it takes the quotes lazily, then wants whitespace, "--" or the end
    of the sentence, which cannot come before a letter right after the first quote). Why: an
    opening curly quote is in the same class (“ starts many news sentences), so the class alone
    sent a third of the paragraphs of generated news down the slower path.
    """
    return text[start] in CLOSING_CHARS and not text[start + 1 : start + 2].isalnum()


@cache
def _candidates(any_end: bool) -> re.Pattern[str]:
    """Return Punkt's pattern for candidate sentence ends (see ``_NewsLanguageVars``), or, with
    ``any_end=False``, the same pattern for "." alone.

    Why two: a pattern that starts with one literal character is searched for in a tight loop
    (measured: twice as fast), and most articles hold no "?" and no "!", where the two patterns
    find the same candidates.
    """
    pattern: re.Pattern[str] = news_tokenizer()._lang_vars.period_context_re()
    if any_end:
        return pattern
    ends = "[" + re.escape("".join(news_tokenizer()._lang_vars.sent_end_chars)) + "]"
    if pattern.pattern.count(ends) != 1:
        raise RuntimeError(f"NLTK's Punkt pattern changed; {ends} not found once in it")
    return re.compile(pattern.pattern.replace(ends, r"\.", 1), pattern.flags)


def _realign(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes and brackets after a break into the sentence they close.

    A copy of ``PunktSentenceTokenizer._realign_boundaries`` on ``(start, end)`` pairs in
    ``text``: the realignment pattern is matched with ``pos``/``endpos`` rather than on a slice,
    which is the same because it has no ``^`` and no lookbehind, and only where the next cut
    starts with a closing character, which the pattern needs to match at all. Empty spans are
    dropped where Punkt drops them.
    """
    realignment = news_tokenizer()._lang_vars.re_boundary_realignment
    spans: list[tuple[int, int]] = []
    shift = 0
    last = len(cuts) - 1
    for index, (start, end) in enumerate(cuts):
        start += shift
        if index == last:
            if start < end:
                spans.append((start, end))
            break
        next_start, next_end = cuts[index + 1]
        closing = None
        if next_start < next_end and text[next_start] in CLOSING_CHARS:
            closing = realignment.match(text, next_start, next_end)
        if closing is not None:
            spans.append((start, next_start + len(closing.group().rstrip())))
            shift = closing.end() - next_start
        else:
            shift = 0
            if start < end:
                spans.append((start, end))
    return spans


def _add_sentences(text: str, spans: list[tuple[int, int]], sentences: list[Span]) -> None:
    """Append one paragraph's sentences, stripped, to ``sentences``; a sentence that starts in
    lower case is joined to the one before it in the paragraph."""
    # Punkt's spans should be ordered and disjoint; clamping keeps that true whatever input it
    # meets, and stripping makes every span start and end on visible text.
    previous_end = 0
    first: int | None = None
    last = 0
    for raw_start, raw_end in spans:
        if raw_start < previous_end:
            raw_start = previous_end
        piece = text[raw_start:raw_end]
        stripped = piece.strip()
        if not stripped:
            continue
        s = raw_start + len(piece) - len(piece.lstrip())
        e = previous_end = s + len(stripped)
        if first is not None:
            if _starts_lower(text, s, e):
                last = e
                continue
            sentences.append(_span(first, last))
        first, last = s, e
    if first is not None:
        sentences.append(_span(first, last))


def _unbroken_paragraphs(text: str, paragraphs: list[tuple[int, int, int]]) -> list[Span]:
    """Return each paragraph as one sentence: what ``split_sentences`` gives for text with no
    ".", "?" or "!" (most titles).

    Why the same: with no sentence-end character there is no candidate, so each paragraph is
    one cut from its start to its last visible character, of which only the start is stripped
    (a paragraph's first cut may start on whitespace; it holds visible text).
    """
    found: list[Span] = []
    for start, _, visible_end in paragraphs:
        if text[start].isspace():
            piece = text[start:visible_end]
            start += len(piece) - len(piece.lstrip())
        found.append(_span(start, visible_end))
    return found


def split_sentences(text: str) -> list[Span]:
    """Return the sentences of ``text`` as half-open character spans, in text order.

    Spans never overlap, and each one starts and ends on a non-whitespace character, so
    ``text[span.start:span.end]`` is the sentence exactly as written. Empty or whitespace-only
    text has no sentences.

    Blank lines are hard paragraph boundaries: Punkt runs on each paragraph alone, here on its
    stretch of ``text`` (no copies).

    Examples
    --------
    >>> from framing.model import slice_text
    >>> text = "The U.S. Senate voted. It met Gen. Smith on Jan. 5."
    >>> slice_text(text, split_sentences(text))
    ['The U.S. Senate voted.', 'It met Gen. Smith on Jan. 5.']

    Notes
    -----
    Each paragraph is cut as ``PunktSentenceTokenizer.span_tokenize`` cuts it:

    - Candidate sentence ends are found as ``_match_potential_end_contexts`` (NLTK 3.10) finds
      them on the paragraph, by one search of the whole text (one loop in C rather than one
      per paragraph). That search finds the same matches, with the same groups, plus one: the
      pattern has no lookbehind and no anchor, its lookahead wants punctuation or whitespace
      and a token, and a paragraph ends where whitespace begins, so only a candidate on the
      paragraph's last visible character sees further (over the blank line) than the
      paragraph; on the paragraph alone it is no candidate, and it is skipped.
    - The word before a candidate starts after the last ASCII whitespace (``blanked`` holds
      each as " ") since the previous candidate; Punkt takes a space found at that very
      position as none found, and then starts the word where the previous candidate's word
      started. A candidate is dropped when the next candidate's word reaches back over it
      ("acting!!!" keeps only the last "!"). The verdict is ``_ends_sentence``'s, written
      out.
    - Cutting at each break follows ``_slices_from_text``: a sentence ends after the
      candidate, the next starts at the next token (group 2, ``next_tok``) or right after the
      candidate when punctuation follows it, and the last one ends at the last visible
      character; where a cut may start with a closing quote (``_may_realign``), ``_realign``
      moves it and ``_add_sentences`` strips and joins the spans.
    - Otherwise ``_realign`` would keep every non-empty cut, and only the last can be empty:
      a break's cut ends after its candidate, which is at or after the previous break's end
      (the next token, or the character after the candidate, never whitespace before it).
      Such cuts need no stripping but the first one's start (a paragraph may be indented; the
      first cut holds visible text, a candidate or the paragraph's) and no clamping, so they
      are joined here directly: a cut whose first word starts in lower case continues the
      sentence before it.

    The loop is written out (no call per candidate or cut) because it runs for every
    sentence of every article. ``tests/test_prepare_equivalence.py`` compares the result with
    Punkt's own, ``tests/test_sentences_speed_equivalence.py`` with the previous code.
    """
    sentences: list[Span] = []
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return sentences
    if not any(char in text for char in _SENTENCE_ENDS):
        return _unbroken_paragraphs(text, paragraphs)
    rfind = _blank_ascii_space(text).rfind
    matches = _candidates(any_end="?" in text or "!" in text).finditer(text)
    match = next(matches, None)
    plain, verdict = _plain_break, _punkt_verdict
    append = sentences.append
    for start, end, visible_end in paragraphs:
        last_visible = visible_end - 1
        cuts: list[tuple[int, int]] = []
        add_cut = cuts.append
        last_break = word_start = word_end = start
        # The previous candidate, one character at word_end (its match ends at word_end + 1).
        previous: re.Match[str] | None = None
        # Whether a cut may start with a closing quote or bracket that _realign would move.
        closing = False
        while match is not None:
            candidate = match.start()
            if candidate >= end:
                break
            if candidate != last_visible:
                space = rfind(" ", word_end, candidate)
                word = space + 1 if space > word_end else word_start
                if (
                    previous is not None
                    and word_end <= word
                    and (
                        plain(text[word_start : word_end + 1])
                        or verdict(text[word_start : previous.end(1)])
                    )
                ):
                    add_cut((last_break, word_end + 1))
                    next_start = previous.start(2)
                    last_break = next_start if next_start >= 0 else word_end + 1
                    if not closing and text[last_break] in CLOSING_CHARS:
                        closing = _may_realign(text, last_break)
                previous, word_start, word_end = match, word, candidate
            match = next(matches, None)
        if previous is not None and _ends_sentence(text, word_start, previous):
            add_cut((last_break, word_end + 1))
            next_start = previous.start(2)
            last_break = next_start if next_start >= 0 else word_end + 1
            closing = closing or _may_realign(text, last_break)
        if closing:
            add_cut((last_break, visible_end))
            _add_sentences(text, _realign(text, cuts), sentences)
            continue
        if last_break < visible_end:
            add_cut((last_break, visible_end))
        first, last = cuts[0]
        if text[first].isspace():
            piece = text[first:last]
            first += len(piece) - len(piece.lstrip())
        for index in range(1, len(cuts)):
            cut_start, cut_end = cuts[index]
            head = text[cut_start]
            if head.islower() if head.isalnum() else _starts_lower(text, cut_start, cut_end):
                last = cut_end
            else:
                append(_span(first, last))
                first, last = cut_start, cut_end
        append(_span(first, last))
    return sentences
