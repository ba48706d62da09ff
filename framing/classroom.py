"""Discussion questions for a class, built from the story's own largest differences.

A teacher gets questions that send students back to the text: each is tied to a difference a
test supports (so the class does not chase noise) or to a word one outlet uses and the others do
not, and asks what the choice does to a reader, not which outlet is "right".
"""

from __future__ import annotations

from framing.analysis import StoryAnalysis
from framing.comparisons import short_title

MAX_FROM_FINDINGS = 4
MAX_FROM_WORDS = 2


def discussion_questions(story: StoryAnalysis) -> tuple[str, ...]:
    """Questions for a class discussion of one story, strongest differences first."""
    questions: list[str] = []
    metrics = {metric.key: metric for metric in story.statistics.metrics}
    outlets = set(story.story.outlets)
    used: set[str] = set()
    ranked = sorted(
        (f for f in story.findings if f.holder in outlets), key=lambda f: -abs(f.difference)
    )
    for finding in ranked:
        if len(questions) >= MAX_FROM_FINDINGS or finding.holder in used:
            continue
        used.add(finding.holder)
        metric = metrics[finding.metric]
        comparison = story.statistics.versus_rest(finding.holder, finding.metric)
        if comparison is None:
            continue
        share, rest = f"{100 * comparison.share_a:.0f}%", f"{100 * comparison.share_b:.0f}%"
        if metric.lexicon == "tone":
            what = f"sentences of {metric.label}"
        elif metric.frames:
            what = f"the '{metric.label}' frame ({short_title(metric.lexicon_title)})"
        else:
            what = metric.label.lower()
        questions.append(
            f"{finding.holder} has {what} in {share} of its sentences, the other outlets in "
            f"{rest}. Find two such sentences in its article. What would a reader who saw only "
            f"this outlet come away believing about the story?"
        )
    for outlet_terms in story.terms.by_outlet:
        if len(questions) >= MAX_FROM_FINDINGS + MAX_FROM_WORDS:
            break
        notable = [t for t in outlet_terms.terms if t.notable and t.count_rest == 0]
        if notable:
            term = notable[0]
            questions.append(
                f"Only {outlet_terms.outlet} says \u201c{term.term}\u201d ({term.count} times). "
                "What do the other outlets call the same thing, and does the choice of word "
                "change how the story feels?"
            )
    questions.append(
        "Pick one fact every outlet reports. Where does each outlet put it: in the first "
        "paragraphs, or late in the article? What does the placement tell a reader?"
    )
    questions.append(
        "Write a neutral headline for this story. Which words from the outlets' headlines did "
        "you leave out, and why?"
    )
    if not story.findings:
        questions.insert(
            0,
            "The tests find no difference between the outlets that is more than chance. Does "
            "that mean they framed the story the same way? What could counting words miss?",
        )
    return tuple(questions)
