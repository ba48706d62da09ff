"""``framing annotate``'s fast record writer and mention scan give exactly the answers of the
plain rules they replace.

Why: the record is now written straight to JSON text from the analysis' columns, and the
mention scan slices fewer tokens, remembers each token's reading per actor table and skips
runs that can only be dropped; all of that was done for speed alone, and ``framing annotate``
must not change by a byte. Each test keeps the plain rule (the code as it was before) as the
oracle and checks the fast one against it on the bundled corpus, generated articles and
hostile input.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import actor_mentions, actor_table, speaker_sides
from framing.actor_mentions import (
    _FUNCTION_WORDS,
    _MONTHS_DAYS,
    _NEVER_A_NAME_ALONE,
    _TITLE_HEADS,
    _candidate_run,
    _gap_ok,
    _is_hyphen_prefix,
    _is_initial,
    _is_name_token,
    _is_word,
    _join_possessive_names,
    _read_token,
    _Segment,
    find_mentions,
)
from framing.actor_table import ActorTable, fold, load_actor_table, parse_actor_table
from framing.analysis import (
    BATCH_SIZE,
    Resources,
    analyze_documents,
    load_resources,
    prepare_document,
)
from framing.annotate import _LineWriter, annotation_lines, annotation_record
from framing.errors import UsageError
from framing.lexicon import parse_lexicon
from framing.loading import load_corpus
from framing.model import Article, Document, PreparedText
from framing.record_text import TextMemo
from framing.synthetic import generate_articles
from framing.text import prepare

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "s400"

# A user lexicon whose weights need rounding (and a negation pair), so the writer's
# remembered ``round(weight, 4)`` is tested where it changes the number.
ODD_LEXICON = """# name: odd-weights
# kind: counts
# negation: up <-> down
# category: up | Up | cues that go up
# category: down | Down | cues that go down
term\tcategory\tweight\tnote
certain\tup\t0.123456789\t
deal\tdown\t-1.00005\t
system\tup\t3.14159265\t
missile\tdown\t0.0000001\t
said\tup\t2.00005\t
turkey\tdown\t-0.00004\t
"""

# A user actor table with hyphens, plurals, short capitals, "The" and long aliases, so every
# branch of the alias reading is reached.
USER_ACTORS = """actor\tkind\talias\tside
The Hague Court\torganisation\tThe Hague Court\t
The Hague Court\torganisation\tHague\t
Hyphen-Co\torganisation\tHyphen-Co\t
Hyphen-Co\torganisation\tAir-Defence Works of the North Star Group Ltd\t
Ussr\tcountry\tUSSR\t
Ussr\tcountry\tUs\t
Sss\tcountry\tSss\t
Sss\tcountry\tSsss\t
State Things\torganisation\tState\t
Ab\tperson\tAB\tRussia
New York Times\torganisation\tNew York Times\t
Abc Plural\torganisation\tAbc-def\t
Abc Head\torganisation\tAbc\t
"""


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="module")
def odd_resources() -> Resources:
    return load_resources((parse_lexicon(ODD_LEXICON, "odd.tsv"),))


def _user_table() -> ActorTable:
    return parse_actor_table(USER_ACTORS, "user.tsv", load_actor_table())


def _documents(articles: Sequence[Article]) -> list[Document]:
    return [prepare_document(article) for article in articles]


def _generated(count: int, seed: int) -> list[Article]:
    articles = [Article(**record) for record in generate_articles(count, seed=seed, words=250)]
    # a few targets, so the targets list is written too
    return [
        replace(a, targets=((0, 10, "start"), (len(a.text) // 2, len(a.text) // 2, "middle")))
        if index % 3 == 0
        else a
        for index, a in enumerate(articles)
    ]


# --------------------------------------------------------------------------------------------
# The record writer against json.dumps of the plain record


def _plain_line(analysis: object, resources: Resources) -> str:
    """The line as ``annotate_batch`` wrote it before: the dict record through json.dumps."""
    record = annotation_record(analysis, resources)  # type: ignore[arg-type]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def assert_lines_as_before(articles: Sequence[Article], resources: Resources) -> None:
    analyses = analyze_documents(_documents(articles), resources)
    writer = _LineWriter(resources)
    # annotation_lines writes each part over a whole batch; line writes one article
    batch_lines = annotation_lines(analyses, resources)
    assert len(batch_lines) == len(analyses)
    for analysis, batch_line in zip(analyses, batch_lines, strict=True):
        plain = _plain_line(analysis, resources)
        assert batch_line == plain, analysis.document.id
        assert writer.line(analysis) == plain, analysis.document.id


def test_bundled_corpus_records_are_written_as_before(resources: Resources) -> None:
    articles = list(load_corpus(CORPUS))
    assert articles
    assert_lines_as_before(articles, resources)


def test_generated_records_are_written_as_before(
    resources: Resources, odd_resources: Resources
) -> None:
    articles = _generated(60, seed=11)
    assert_lines_as_before(articles, resources)
    assert_lines_as_before(articles, odd_resources)


def test_weights_that_need_rounding_are_rounded_as_before(odd_resources: Resources) -> None:
    article = Article("a", "Outlet", "It is certain the deal and the missile system, Turkey said.")
    analysis = analyze_documents(_documents([article]), odd_resources)[0]
    line = _LineWriter(odd_resources).line(analysis)
    assert line == _plain_line(analysis, odd_resources)
    weights = {e["weight"] for e in json.loads(line)["evidence"] if e["layer"] == "odd-weights"}
    assert {0.1235, 3.1416} <= weights  # rounded from 0.123456789 and 3.14159265


# User lexicons whose (layer, label) pairs sort before, between, after and equal to the quote,
# speaker and tone pairs, with hits on the very spans of speakers and tone words, so the
# evidence sort's ties on start and end are broken by layer and label in every way.
TIE_LEXICONS = (
    """# name: speaker
# kind: counts
# category: Okafor | Okafor | the speaker's own pair
# category: aardvark | A | sorts before every speaker name
# category: zz | Z | sorts after them
term\tcategory\tweight\tnote
okafor\tOkafor\t0.0\t
threaten\taardvark\t-0.0\t
said\tzz\t2\t
welcome\tzz\t1\t
""",
    """# name: tone
# kind: counts
# category: negative | N | the tone words' own pair
# category: neutral | M | between the tone pairs
term\tcategory\tweight\tnote
threaten\tnegative\t-0.0\t
welcome\tneutral\t0.0\t
""",
    """# name: quote
# kind: counts
# category: Mr | M | a quote pair of its own
term\tcategory\tweight\tnote
okafor\tMr\t1\t
""",
)
TIE_TEXT = (
    "“It will threaten the region,” Mr. Okafor said. Okafor said the deal was welcome. "
    "“Welcome,” said Okafor. “Threaten?” asked Aaron Abbot. Zed Zulu said it was welcome, "
    "and Aaron Abbot said it was not."
)


def test_evidence_ties_are_broken_by_layer_and_label_as_before(resources: Resources) -> None:
    tie_resources = load_resources(
        tuple(parse_lexicon(text, f"tie{i}.tsv") for i, text in enumerate(TIE_LEXICONS))
    )
    articles = [Article("ties", "Wire", TIE_TEXT, "Okafor: a welcome threat")]
    articles += _generated(20, seed=5)
    assert_lines_as_before(articles, tie_resources)
    analysis = analyze_documents(_documents(articles[:1]), tie_resources)[0]
    evidence = json.loads(_LineWriter(tie_resources).line(analysis))["evidence"]
    spans: dict[tuple[int, int], set[str]] = {}
    for item in evidence:
        spans.setdefault((item["start"], item["end"]), set()).add(item["layer"])
    # the test reaches ties between a user lexicon and each built-in layer
    tied = [layers for layers in spans.values() if len(layers) > 1]
    assert any({"speaker", "tone"} <= layers for layers in tied)
    assert any("quote" in layers and len(layers) > 1 for layers in tied)


HAZARDS = [
    "Turkey", "Turks", "Turkish", "Turkey's", "Ankara-based", "Russian-built", "S-400",
    "S-400s", "S400", "S 400", "U.S.", "US", "Us", "us", "USSR", "The", "the", "Kremlin",
    "New", "Delhi", "NEW DELHI", "New York Times", "Erdoğan", "Erdogan's", "Mr.", "Dr.", "Gen.",
    "Defense", "Secretary", "Jim", "Mattis", "President", "Recep", "Tayyip", "May", "Monday",
    "America's", "Adversaries", "Through", "Sanctions", "Act", "NATO", "F-35s", "48N6E2",
    "Lockheed", "Martin", "Hague", "Hyphen-Co", "Hyphen-Co-based", "State", "AB", "Ab",
    "Sss", "Ssss", "Abc-defs", "Abc-def", "Abc", "Air-Defence", "Works", "of", "North", "Star",
    "Group", "Ltd", "certain",
    "not", "deal", "missile", "system", "said", "claimed", "according to", "good", "bad",
    "threat", "very", "ÉMILE", "ZOLA", "İ", "ß", "'s", "’s", "“", "”", "\"", "'", "(", ")",
    ",", ".", ";", ":", "—", "-", "?", "!", "said.", "“We will,”", "he said", "officials said",
]  # fmt: skip
GAPS = [" ", " ", " ", "  ", "\n", "\n\n", ". ", ", ", "", "-", "\t", "\xa0", " — "]

words = st.lists(st.tuples(st.sampled_from(HAZARDS), st.sampled_from(GAPS)), max_size=60)
hostile_text = words.map(lambda pairs: "".join(w + g for w, g in pairs))
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=80)
label = st.one_of(st.sampled_from(["", "Wire", "“Q” \\ \u2028 \x00 é"]), any_text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.one_of(hostile_text, any_text), st.one_of(hostile_text, any_text), label),
        min_size=1,
        max_size=3,
    )
)
def test_hostile_records_are_written_as_before(
    resources: Resources, odd_resources: Resources, items: list[tuple[str, str, str]]
) -> None:
    articles = []
    for index, (text, title, name) in enumerate(items):
        middle = len(text) // 2
        targets = ((0, middle, name), (middle, middle, "empty")) if index % 2 else ()
        articles.append(Article(f"{name}-{index}", name, text, title, group=name, targets=targets))
    assert_lines_as_before(articles, resources)
    assert_lines_as_before(articles, odd_resources)


numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1, 1.0, True, False, 0, 0.12345, -0.00004, 5e-5, 1e300]),
    st.integers(-(10**20), 10**20),
    st.floats(-2, 2).map(lambda x: round(x, 4)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(numbers, max_size=30))
def test_remembered_numbers_are_written_as_json_writes_them(values: list[float]) -> None:
    memo = TextMemo()
    for value in [*values, *values]:  # the second time from memory
        assert memo.round4(value) == json.dumps(round(value, 4)), value
        assert memo.number(value) == json.dumps(value), value


# --------------------------------------------------------------------------------------------
# The mention scan: the plain rules as they were written before


def _plain_raws(segment: _Segment) -> list[str]:
    prepared = segment.prepared
    return [
        segment.text[start:end]
        for start, end in zip(prepared.token_starts, prepared.token_ends, strict=True)
    ]


def _plain_capitals(raws: list[str]) -> list[int]:
    return [i for i, raw in enumerate(raws) if raw[0].isupper() or raw[0].isdigit()]


def _plain_vocabulary(segment: _Segment, lower_vocab: set[str], mid_caps: set[str]) -> None:
    text, prepared, norms = segment.text, segment.prepared, segment.prepared.token_norms
    raws = _plain_raws(segment)
    lower_vocab.update([norm for raw, norm in zip(raws, norms, strict=True) if raw[0].islower()])
    mid_caps.update(
        norms[i]
        for i in _plain_capitals(raws)
        if raws[i][0].isupper() and not _is_initial(text, prepared, i)
    )


def _plain_shouting_sentences(segment: _Segment) -> set[int]:
    raws = _plain_raws(segment)
    token_sentence = segment.prepared.token_sentence
    upper = Counter(
        sentence
        for raw, sentence in zip(raws, token_sentence, strict=True)
        if raw.isupper() and _is_word(raw)
    )
    candidates = {sentence for sentence, count in upper.items() if count >= 2}
    if not candidates:
        return set()
    words = Counter(
        sentence
        for raw, sentence in zip(raws, token_sentence, strict=True)
        if sentence in candidates and _is_word(raw)
    )
    return {s for s in candidates if words[s] >= 3 and upper[s] >= 0.6 * words[s]}


def _plain_alias_at(
    text: str, prepared: PreparedText, i: int, table: ActorTable
) -> tuple[int, str, int] | None:
    starts, ends = prepared.token_starts, prepared.token_ends
    n = len(starts)
    best: tuple[int, str, int] | None = None
    key = ""
    written = ""
    j = i
    while j < n and j - i < table.max_tokens:
        if j > i:
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
    if best is None:
        raw = text[starts[i] : ends[i]]
        key = fold(raw)
        if len(key) > 3 and key.endswith("s"):
            actor = table._match(raw[:-1], key[:-1])
            if actor is not None:
                return (i + 1, actor, ends[i])
        if "-" in raw and _is_hyphen_prefix(raw):
            head = raw.split("-", 1)[0]
            actor = table._match(head, fold(head))
            if actor is not None:
                return (i + 1, actor, starts[i] + len(head))
    return best


def _plain_aliases(segment: _Segment, table: ActorTable) -> dict[int, tuple[int, str, int]]:
    found: dict[int, tuple[int, str, int]] = {}
    following = 0
    for i in _plain_capitals(_plain_raws(segment)):
        if i < following:
            continue
        alias = _plain_alias_at(segment.text, segment.prepared, i, table)
        if alias is not None:
            found[i] = alias
            following = alias[0]
    return found


def _plain_scan(
    segment: _Segment, table: ActorTable, lower_vocab: set[str], mid_caps: set[str]
) -> None:
    text, prepared = segment.text, segment.prepared
    starts, ends, norms = prepared.token_starts, prepared.token_ends, prepared.token_norms
    raws = _plain_raws(segment)
    segment.shouting = _plain_shouting_sentences(segment)
    alias_end = _plain_aliases(segment, table)
    run: list[int] = []

    def close_run(next_alias: int | None) -> None:
        if run:
            _candidate_run(segment, run, next_alias, lower_vocab, mid_caps)
            run.clear()

    following = 0
    for i in _plain_capitals(raws):
        if i < following:
            continue
        if run and i > following:
            close_run(None)
        following = i + 1
        if i in alias_end:
            end, actor, _ = alias_end[i]
            segment.aliases.append((i, end, actor))
            joins = bool(run) and _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]])
            close_run(i if joins else None)
            following = end
            continue
        named = prepared.token_sentence[i] not in segment.shouting and norms[i] != "'s"
        if named and _is_name_token(raws[i]):
            if run and not _gap_ok(text, ends[run[-1]], starts[i], norms[run[-1]]):
                close_run(None)
            run.append(i)
        else:
            close_run(None)
    close_run(None)
    _join_possessive_names(segment)


@contextmanager
def plain_rules() -> Iterator[None]:
    """Run ``framing.actor_mentions`` with the plain rules in place of the fast ones.

    The fast scan finds aliases and runs, reads the vocabulary the runs ask about and names
    the runs afterwards (``_name_runs``); the plain rules read the whole vocabulary first and
    scan once all of it is known. So the plain ``_scan`` scans with no vocabulary (for
    ``table_aliases``, which needs aliases only), the plain ``_vocabulary`` reads every
    body's, and the plain ``_name_runs`` scans again from scratch with it.
    """
    tables: dict[int, ActorTable] = {}

    def scan(segment: _Segment, table: ActorTable) -> None:
        _plain_scan(segment, table, set(), set())
        tables[id(segment)] = table

    def vocabulary(segments: Sequence[_Segment]) -> tuple[set[str], set[str]]:
        lower_vocab: set[str] = set()
        mid_caps: set[str] = set()
        for segment in segments:
            if not segment.in_title:
                _plain_vocabulary(segment, lower_vocab, mid_caps)
        return lower_vocab, mid_caps

    def name_runs(segment: _Segment, lower_vocab: set[str], mid_caps: set[str]) -> None:
        _reset(segment)
        _plain_scan(segment, tables[id(segment)], lower_vocab, mid_caps)

    with (
        mock.patch.object(actor_mentions, "_scan", scan),
        mock.patch.object(actor_mentions, "_vocabulary", vocabulary),
        mock.patch.object(actor_mentions, "_name_runs", name_runs),
    ):
        yield


def _reset(segment: _Segment) -> None:
    segment.aliases.clear()
    segment.candidates.clear()
    segment.alias_prefix.clear()
    segment.titled.clear()
    segment.shouting.clear()
    segment.runs.clear()


def _state(segment: _Segment) -> tuple[object, ...]:
    return (
        segment.aliases,
        segment.candidates,
        segment.alias_prefix,
        segment.titled,
        segment.shouting,
    )


def assert_scan_as_before(text: str, table: ActorTable) -> None:
    """Check each replaced step on one text (as a body and as a title)."""
    prepared = prepare("x", text)
    for in_title in (False, True):
        fast = _Segment(0, text, prepared, in_title)
        plain = _Segment(0, text, prepared, in_title)
        raws = _plain_raws(plain)
        assert all(raws), "tokens are never empty"
        assert fast.raws == raws
        assert list(fast.lowers) == [raw[0].islower() for raw in raws]
        assert fast.capitals == _plain_capitals(raws)
        assert fast.capital_raws == [raws[i] for i in fast.capitals]
        assert fast.others == [
            i for i, raw in enumerate(raws) if not raw[0].islower() and i not in fast.capitals
        ]
        plain_vocab: tuple[set[str], set[str]] = (set(), set())
        actor_mentions._scan(fast, table)
        vocab = actor_mentions._vocabulary([fast])
        if not in_title:
            _plain_vocabulary(plain, *plain_vocab)
        # the fast vocabulary holds what the runs ask about, as the whole one has it
        asked = {fast.prepared.token_norms[t] for run, _ in fast.runs for t in run}
        assert vocab == (plain_vocab[0] & asked, plain_vocab[1] & asked)
        assert actor_mentions._shouting_sentences(fast) == _plain_shouting_sentences(plain)
        actor_mentions._name_runs(fast, *vocab)
        _plain_scan(plain, table, *plain_vocab)
        assert _state(fast) == _state(plain)
    with plain_rules():
        expected = speaker_sides._side_of(text, table)
    assert speaker_sides._side_of(text, table) == expected


def assert_mentions_as_before(documents: Sequence[Document], table: ActorTable) -> None:
    with plain_rules():
        expected = find_mentions(documents, table)
    assert find_mentions(documents, table) == expected
    for document in documents:
        assert_scan_as_before(document.article.text, table)
        assert_scan_as_before(document.article.title, table)


def test_bundled_corpus_mentions_are_found_as_before() -> None:
    documents = _documents(list(load_corpus(CORPUS)))
    stories: dict[str, list[Document]] = {}
    for document in documents:
        stories.setdefault(document.article.story, []).append(document)
    for table in (load_actor_table(), _user_table()):
        for story in stories.values():
            assert_mentions_as_before(story, table)


def test_generated_mentions_are_found_as_before() -> None:
    documents = _documents(_generated(40, seed=5))
    table = load_actor_table()
    for document in documents:
        assert_mentions_as_before([document], table)
    assert_mentions_as_before(documents[:10], _user_table())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(hostile_text, hostile_text), min_size=1, max_size=3))
def test_hostile_mentions_are_found_as_before(items: list[tuple[str, str]]) -> None:
    documents = _documents(
        [Article(f"a{index}", "O", text, title) for index, (text, title) in enumerate(items)]
    )
    assert_mentions_as_before(documents, load_actor_table())
    assert_mentions_as_before(documents, _user_table())


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_any_text_is_scanned_as_before(text: str) -> None:
    assert_scan_as_before(text, _user_table())


def test_token_readings_are_bounded_and_fresh_tables_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [document.article.text for document in _documents(_generated(5, seed=2))]
    warm = _user_table()
    for text in texts:
        assert_scan_as_before(text, warm)
    assert warm.token_cache
    monkeypatch.setattr(actor_table, "TOKEN_CACHE_SIZE", 3)
    small = _user_table()
    for text in texts:
        assert_scan_as_before(text, small)
        assert len(small.token_cache) <= 3


def test_a_cache_starting_afresh_still_reads_the_tokens_it_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the cache fills up part-way through an article, the tokens it held before are
    read again (a 200,000-article run once failed on the first such article)."""
    monkeypatch.setattr(actor_table, "TOKEN_CACHE_SIZE", 4)
    table = _user_table()
    reads: list[str] = []

    def read(raw: str, owner: ActorTable) -> actor_table.TokenReading:
        reads.append(raw)
        return _read_token(raw, owner)

    first = table.remember_tokens(["Ankara", "Turks"], read)
    again = table.remember_tokens(["Ankara", "State", "USSR", "Ssss"], read)
    assert again[0] == first[0] == _read_token("Ankara", table)
    assert again[1:] == [_read_token(raw, table) for raw in ("State", "USSR", "Ssss")]
    assert len(table.token_cache) <= 4 and reads.count("Ankara") == 2


@pytest.mark.parametrize("max_tokens", [0, 1, 2, 30])
def test_alias_reading_holds_for_any_alias_length(max_tokens: int) -> None:
    table = replace(_user_table(), max_tokens=max_tokens)
    for text in (
        "The Hague Court met Hyphen-Co and Air-Defence Works of the North Star Group Ltd. "
        "Ankara-based Turks, the USSR, Us and US, State and Ssss. New York Times. Abc-defs.",
        *(document.article.text for document in _documents(_generated(3, seed=9))),
    ):
        assert_scan_as_before(text, table)


def test_lone_words_never_a_name_are_dropped_by_the_candidate_rule() -> None:
    """The shortcut in ``_scan`` skips only runs ``_candidate_run`` would drop anyway."""
    assert _NEVER_A_NAME_ALONE == (_FUNCTION_WORDS | _MONTHS_DAYS) - _TITLE_HEADS
    for word in sorted(_NEVER_A_NAME_ALONE):
        text = f"And {word.capitalize()} went. He said {word.capitalize()} Turkey."
        prepared = prepare("x", text)
        for i, norm in enumerate(prepared.token_norms):
            if norm != word:
                continue
            segment = _Segment(0, text, prepared, False)
            for next_alias in (None, i + 1):
                _candidate_run(segment, [i], next_alias, {word}, {word})
                _candidate_run(segment, [i], next_alias, set(), set())
            assert segment.candidates == [] and segment.alias_prefix == {}, word
            assert segment.titled == set()


# --------------------------------------------------------------------------------------------
# The segment's first letters read through NumPy (bodies of _FEW_TOKENS tokens or more)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(), max_size=400))
def test_first_letters_are_read_as_str_reads_them(text: str) -> None:
    prepared = prepare("x", text)
    starts = prepared.token_starts
    assert actor_mentions._starts_lower(text, starts).tolist() == [
        text[start].islower() for start in starts
    ]


long_hostile_text = st.lists(
    st.tuples(
        st.sampled_from([*HAZARDS, "élan", "Élan", "ßig", "İstanbul", "ωmega", "Ωmega"]),
        st.sampled_from(GAPS),
    ),
    min_size=actor_mentions._FEW_TOKENS,
    max_size=200,
).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=150, deadline=None)
@given(long_hostile_text)
def test_long_texts_are_scanned_as_before(text: str) -> None:
    text += " Élan said: ßig, İstanbul Turkey." * actor_mentions._FEW_TOKENS
    assert len(prepare("x", text).token_starts) >= actor_mentions._FEW_TOKENS
    assert_scan_as_before(text, _user_table())


def test_a_target_outside_its_text_fails_in_a_batch(resources: Resources) -> None:
    articles = _generated(5, seed=3)
    articles[3] = replace(articles[3], targets=((0, len(articles[3].text) + 1, "past the end"),))
    analyses = analyze_documents(_documents(articles), resources)
    with pytest.raises(UsageError, match="target 'past the end'"):
        annotation_lines(analyses, resources)


def test_lines_over_more_than_a_batch_are_each_articles_line(resources: Resources) -> None:
    articles = [Article(**record) for record in generate_articles(BATCH_SIZE + 3, seed=5, words=60)]
    analyses = analyze_documents(_documents(articles), resources)
    expected = [_LineWriter(resources).line(analysis) for analysis in analyses]
    assert annotation_lines(analyses, resources) == expected
