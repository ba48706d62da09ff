"""The evidence writer's sort keys: comparing keys is comparing (layer, label) pairs.

``framing.evidence_text`` orders an article's evidence by start, end and (layer, label) with
integer keys, fitting the article's quote and speaker pairs between the fixed pairs of its
lexicons and the tone words. Ties between two quote or speaker pairs on one span are too rare
in real text for the record tests to reach every case, so the keys are checked here directly.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.evidence_text import _HitLayout

names = st.sampled_from(["", "a", "b", "quote", "speaker", "tone", "unknown", "Z", "é", "zz"])
pairs = st.tuples(names, names)
lexicons = st.lists(
    st.tuples(names, st.lists(names, min_size=1, max_size=4, unique=True)),
    max_size=4,
    unique_by=lambda lexicon: lexicon[0],
)


@settings(max_examples=300, deadline=None)
@given(lexicons, st.lists(pairs, max_size=12))
def test_keys_order_as_the_pairs_do(
    lexicon_specs: list[tuple[str, list[str]]], others: list[tuple[str, str]]
) -> None:
    scores = [SimpleNamespace(lexicon=name, category_ids=tuple(ids)) for name, ids in lexicon_specs]
    layout = _HitLayout(scores)  # type: ignore[arg-type]
    scale, other_keys = layout.ranks(others)
    keyed = {pair: rank * scale for rank, pair in enumerate(layout.ranked)}
    assert all(keyed.get(pair, key) == key for pair, key in other_keys.items())
    keyed.update(other_keys)
    assert set(other_keys) == set(others)
    ordered = sorted(keyed)
    assert sorted(keyed, key=keyed.__getitem__) == ordered
    assert len(set(keyed.values())) == len(keyed)  # equal keys only for equal pairs
    # the hits' ranks are their pairs' places among the fixed pairs
    fixed = [(name, label) for name, ids in lexicon_specs for label in ids]
    assert [layout.ranked[r] for r in layout.category_rank.tolist()] == fixed
