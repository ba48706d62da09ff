"""Scores from lexicon hits: rates, sentence shares, frame profiles, negation, pooling."""

from __future__ import annotations

import pytest

from framing.lexicon import Lexicon, parse_lexicon
from framing.lexicon_scores import ArticleLexiconScores, pool_rates, score_lexicons
from framing.matching import CompiledLexicons
from framing.model import Article, Document
from framing.text import prepare

STANCE = """# name: stance-test
# negation: hedge <-> booster
# category: hedge | Hedges | weaken
# category: booster | Boosters | strengthen
# category: verb | Loaded verbs | judge the speaker
term\tcategory\tweight\tnote
certain\tbooster\t1\t
clearly\tbooster\t1\t
may\thedge\t1\t
no doubt\tbooster\t1\t
claimed\tverb\t1\t
"""

FRAMES = """# name: frames-test
# kind: frames
# category: money | Money | costs
# category: war | War | fighting
term\tcategory\tweight\tnote
cost*\tmoney\t1\t
budget\tmoney\t1\t
war\twar\t1\t
battle\twar\t2\t
"""


def score(lexicon_text: str, text: str) -> ArticleLexiconScores:
    lexicon: Lexicon = parse_lexicon(lexicon_text, "test.tsv")
    compiled = CompiledLexicons([lexicon])
    document = Document(Article(id="a", outlet="o", text=text), prepare("a", text))
    hits = compiled.match_documents([document.prepared])[0]
    return score_lexicons(document, hits, compiled)[0]


def test_negated_stance_cues_swap_hedge_and_booster_and_say_so() -> None:
    result = score(
        STANCE,
        "It is not certain. It is certain. He never clearly said so. "
        "There is no doubt. Nobody claimed it. He did not claim it; they hadn't claimed it.",
    )
    counts = result.counts
    assert counts == {"hedge": 2, "booster": 2, "verb": 2}
    negated = [(e.text, e.label) for e in result.evidence if e.negated]
    assert negated == [("certain", "hedge"), ("clearly", "hedge"), ("claimed", "verb")]
    # "no doubt" is its own booster phrase: the phrase wins, nothing is negated
    assert ("no doubt", "booster") in [(e.text, e.label) for e in result.evidence]
    assert result.count_of("verb").negated == 1


def test_a_negator_in_the_previous_sentence_does_not_negate() -> None:
    result = score(STANCE, "Not so. Certain of it.")
    assert result.counts["booster"] == 1 and not any(e.negated for e in result.evidence)


def test_rates_and_sentence_shares_come_from_the_same_hits() -> None:
    text = "The war costs money. The budget grew. Rain fell. A battle, a war."
    result = score(FRAMES, text)
    assert result.n_tokens == 13 and result.n_sentences == 4
    assert result.counts == {"money": 2, "war": 3}
    assert result.count_of("war").score == 4.0  # "battle" weighs 2
    assert result.count_of("war").sentences == 2
    assert result.sentences_with_cue == 3
    assert [(s.sentence, s.counts) for s in result.sentence_cues] == [
        (0, (("money", 1), ("war", 1))),
        (1, (("money", 1),)),
        (3, (("war", 2),)),
    ]
    assert len(result.evidence) == result.n_hits == 5
    # profile: shares of cue weight; used: >= 2 cues and >= 15%; dominant: the top used frame
    assert dict(result.profile) == pytest.approx({"money": 2 / 6, "war": 4 / 6}, abs=1e-6)
    assert result.used == ("war", "money")
    assert result.dominant == "war"


def test_frames_need_two_cues_to_be_used_and_ties_name_no_dominant() -> None:
    one = score(FRAMES, "The budget.")
    assert one.used == () and one.dominant is None
    tied = score(FRAMES, "War and war. Budget and costs.")
    assert tied.used == ("money", "war") or tied.used == ("war", "money")
    assert tied.dominant is None
    none = score(FRAMES, "Nothing here.")
    assert none.profile == (("money", 0.0), ("war", 0.0)) and none.dominant is None


def test_counts_lexicons_have_no_frame_profile() -> None:
    result = score(STANCE, "It may rain.")
    assert result.profile == () and result.used == () and result.dominant is None


def test_pooling_weighs_every_token_and_sentence_once() -> None:
    lexicon = parse_lexicon(FRAMES, "test.tsv")
    a = score(FRAMES, "War. War. Peace.")
    b = score(FRAMES, "Budget talks went on for a long time without any result at all.")
    pooled = pool_rates(lexicon, "outlet", [a, b])
    war = pooled.rate_of("war")
    assert pooled.n_tokens == a.n_tokens + b.n_tokens
    assert war.hits == 2 and war.per_1000 == pytest.approx(1000 * 2 / pooled.n_tokens)
    assert war.sentences == 2 and war.sentence_share == pytest.approx(2 / 4)
    assert pooled.sentences_with_cue == 3 and pooled.any_share == pytest.approx(3 / 4)
    assert pooled.articles_by_dominant == (("war", 1),)
