"""The scan's loop gives the aliases, runs and all-capitals sentences of the loop it
replaced (``tests/mention_scan_oracle.py``), token for token.

Why: the loop now reads per-token facts from the token's reading (``plain``, ``single``,
``stops``) and takes a run's one-space gap without a call; these are its intermediate
results, held to the old loop's on the bundled corpus, generated articles, titles and
hostile text (``tests/test_mentions_speed_equivalence.py`` holds the mentions themselves to
the older finder).
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actor_table import ActorTable
from framing.analysis import prepare_document
from framing.loading import load_corpus
from framing.mention_scan import _scan
from framing.mention_tokens import _Segment
from framing.model import Article, PreparedText
from framing.synthetic import generate_articles
from framing.text import prepare
from tests import mention_scan_oracle
from tests.test_mentions_speed_equivalence import CORPUS, _fresh, _tables, any_text, hostile_text


def _state(segment: _Segment) -> tuple[object, ...]:
    return (segment.aliases, segment.runs, segment.shouting, segment.readings)


def _assert_same_scan(texts: Iterable[tuple[str, PreparedText]], table: ActorTable) -> None:
    new_table, old_table = _fresh(table), _fresh(table)
    for text, prepared in texts:
        new = _Segment(0, text, prepared, False)
        old = _Segment(0, text, prepared, False)
        _scan(new, new_table)
        mention_scan_oracle._scan(old, old_table)
        assert _state(new) == _state(old)


def _articles() -> list[Article]:
    articles = list(load_corpus(CORPUS))
    articles += [Article(**record) for record in generate_articles(200, seed=11)]
    return articles


def test_bundled_and_generated_texts_scan_as_before() -> None:
    documents = [prepare_document(article) for article in _articles()]
    texts = [(d.article.text, d.prepared) for d in documents]
    texts += [(d.article.title, prepare(d.id, d.article.title)) for d in documents]
    for table in _tables():
        _assert_same_scan(texts, table)


@settings(max_examples=300, deadline=None)
@given(st.one_of(hostile_text, any_text))
def test_hostile_text_scans_as_before(text: str) -> None:
    for table in _tables():
        _assert_same_scan([(text, prepare("t", text))], table)
