"""Neutral voice and a fact once: a column's judgement never speaks as the brief, and no fact twice."""

from summarize import summarize_texts
from summarize.editing.subjectivity import argues, judging_words

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
