"""Neutral voice and a fact once: a column's judgement never speaks as the brief, and no fact twice."""

import numpy as np

from summarize import summarize_texts
from summarize.pipeline import repeats
from summarize.pipeline.coverage import Problem
from summarize.text.subjectivity import argues, judging_words

# From columns in one story's cluster (issue 25).
OPINION = [
    "Republicans embraced the absurd faux principle that no justice be confirmed in an election year.",
    "Democrats have suffered two horrible, terrible, awful midterm elections in a row.",
    "Imagine, for a minute, that the Senate had confirmed Merrick Garland in the spring of 2016.",
]
REPORTING = [
    "The storm killed 12 people on Tuesday, officials said.",
    "The Senate voted 52-48 on Monday to confirm the nominee after a long debate.",
    "“It was a horrible day for all of us,” the mayor said.",  # the judgement is the mayor's, quoted
    "Prices rose sharply in March, the Labor Department reported.",
]


def test_judging_words_and_appeals_to_the_reader_are_opinion():
    for text in OPINION:
        assert argues(text), text
    assert judging_words(OPINION[1]) == ("horrible", "terrible", "awful")


def test_reporting_and_quoted_judgements_are_not_the_briefs_opinion():
    for text in REPORTING:
        assert not argues(text), text


def test_a_columns_judgement_is_left_out_of_the_brief():
    news = (
        "The Senate confirmed the nominee to the Supreme Court on Monday by a vote of 52 to 48. "
        "The vote came after weeks of hearings and a long debate in the chamber. "
    )
    column = news + (
        "Democrats have suffered two horrible, terrible, awful midterm elections in a row, and the vote showed it. "
    )
    brief = summarize_texts({"a": news + "Senators from both parties spoke before the vote on Monday.", "b": column})
    assert all("horrible" not in s.text for s in brief.sentences)
    assert brief.sentences


class _Fake:
    """Stands in for MiniLM: the vectors given for each text."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors

    def encode(self, texts):
        return np.stack([self.vectors[t] for t in texts])


def test_two_picked_sentences_that_mean_the_same_are_never_both_kept(monkeypatch):
    texts = [
        "Paul asked the governor to change the law so he could run for both offices.",
        "The senator wanted the statute rewritten, letting him seek two seats at once.",
        "The state party will vote on the change at its meeting in March.",
    ]
    same = np.array([1.0, 0.0])
    vectors = {texts[0]: same, texts[1]: same, texts[2]: np.array([0.0, 1.0])}
    monkeypatch.setattr("summarize.models.embeddings.embedder", lambda: _Fake(vectors))
    problem = Problem(None, np.zeros(0), np.ones(3), np.ones(3), 3)  # type: ignore[arg-type]
    solved = []

    def solve(p):
        solved.append(p.conflicts)
        return [0, 2] if (0, 1) in p.conflicts else [0, 1, 2]

    problem, picked = repeats.once(problem, [0, 1, 2], texts, solve)
    assert picked == [0, 2] and (0, 1) in problem.conflicts and solved


def test_without_the_model_the_selection_is_unchanged(monkeypatch):
    monkeypatch.setattr("summarize.models.embeddings.embedder", lambda: None)
    problem = Problem(None, np.zeros(0), np.ones(2), np.ones(2), 2)  # type: ignore[arg-type]
    assert repeats.once(problem, [0, 1], ["a", "b"], lambda p: [0])[1] == [0, 1]
