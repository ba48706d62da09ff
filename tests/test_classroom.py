"""Discussion questions come from differences a test supports, never from noise."""

from __future__ import annotations

from pathlib import Path

from framing.analysis import analyze_corpus, load_resources
from framing.classroom import discussion_questions
from framing.loading import load_corpus
from framing.model import Article, Corpus

S400 = Path(__file__).resolve().parent.parent / "corpora" / "s400"


def test_questions_name_outlets_only_where_a_test_supports_a_difference() -> None:
    (story,) = analyze_corpus(load_corpus(S400), load_resources()).stories
    questions = discussion_questions(story)
    supported = {f.holder for f in story.findings}
    named = [q for q in questions if "of its sentences, the other outlets in" in q]
    assert len(named) >= 3
    for question in named:
        assert any(question.startswith(outlet) for outlet in supported), question
    assert "Technical assessment" in questions[0]  # the largest difference comes first


def test_a_story_without_supported_differences_says_so_first() -> None:
    text = "The council met on Monday. It discussed the budget. Members voted on the plan. " * 8
    corpus = Corpus(
        (
            Article(id="a", outlet="North Paper", text=text),
            Article(id="b", outlet="South Paper", text=text.replace("Monday", "Tuesday")),
        )
    )
    (story,) = analyze_corpus(corpus, load_resources()).stories
    assert not story.findings
    questions = discussion_questions(story)
    assert questions[0].startswith("The tests find no difference")
