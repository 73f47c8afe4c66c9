"""Neutral voice and a fact once: a column's judgement never speaks as the brief, and no fact twice."""

import numpy as np

from summarize import summarize_texts
from summarize.editing.subjectivity import argues, judging_words, own_voice
from summarize.options import Options
from summarize.pipeline.segment import split_text
from summarize.pipeline.select import _conflicts
from summarize.text.sparse import SparseRows

# From columns in one story's cluster (issue 25).
OPINION = [
    "Republicans embraced the absurd faux principle that no justice be confirmed in an election year.",
    "Democrats have suffered two horrible, terrible, awful midterm elections in a row.",
    "Imagine, for a minute, that the Senate had confirmed Merrick Garland in the spring of 2016.",
    # A film critic's verdict talking to the reader (test2080), and a column's (test5396).
    "\"The Road\" is a road you'll wish hadn't been taken.",
    "Shortly thereafter, your hard-earned tax dollars went to work pursuing the first family’s vendetta.",
    # A column's promo line telling the reader what to do (test0794): an imperative with no subject.
    "The NFL goes 24/7/365, so don't miss a thing ...",
]
REPORTING = [
    "The storm killed 12 people on Tuesday, officials said.",
    "The Senate voted 52-48 on Monday to confirm the nominee after a long debate.",
    "“It was a horrible day for all of us,” the mayor said.",  # the judgement is the mayor's, quoted
    "Prices rose sharply in March, the Labor Department reported.",
    # A superlative ranks: the lexicon's only "latest" is the fashion sense (0.9 subjective).
    "The latest poll puts the senator four points ahead of his challenger.",
    "“You will see the results next year,” the mayor told reporters.",
    "Officials said they don't expect the bridge to reopen before the end of the month.",
    # Adverbs from adjectives VADER does not rate, and a judgement the poll holds ("by" names it).
    "CMS used a procurement method that has become increasingly common over the past decade.",
    "The three-term congressman is viewed favorably by 37 percent of registered voters.",
]


def test_judging_words_and_appeals_to_the_reader_are_opinion():
    for text in OPINION:
        assert argues(text), text
    assert judging_words(OPINION[1]) == ("horrible", "terrible", "awful")


def test_reporting_and_quoted_judgements_are_not_the_briefs_opinion():
    for text in REPORTING:
        assert not argues(text), text


def test_an_adverb_from_an_adjective_of_reaction_judges_as_the_adjective():
    # Ty Burr's verdict on "The Road" (test2080): no word of it is in the Pattern lexicon; VADER
    # rates "admirable" 2.6 and "gratifying" 2.3, and the adverbs are made from them.
    verdict = "Mortensen underplays his role admirably, and Smit-McPhee is gratifyingly unactorly."
    assert judging_words(verdict) == ("admirably", "gratifyingly")
    assert argues(verdict)


def test_a_critics_adverb_of_verdict_is_left_out_of_the_brief():
    review = (
        "The Road follows a man and a boy across a burned America, based on the novel by Cormac McCarthy. "
        "Mortensen underplays his role admirably, and Smit-McPhee is gratifyingly unactorly, in The Road. "
        "The man and the boy push a shopping cart along the road to the coast before winter comes."
    )
    news = (
        "The Road, directed by John Hillcoat and starring Viggo Mortensen, opens in theaters on Wednesday. "
        "The film is based on the novel by Cormac McCarthy that won the Pulitzer Prize in 2007."
    )
    brief = summarize_texts({"a": review, "b": news}, Options(words=120))
    assert brief.sentences
    assert all("admirably" not in s.text for s in brief.sentences)


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


# Three critics on one film (issue 25's "The Road" cluster): no one is quoted, so by the share of
# attributed sentences the story is not news, yet a critic's verdict is still not the brief's voice.
REVIEWS = {
    "a": (
        "The Road follows a father and his son across a burned America after an unnamed catastrophe. "
        "Kodi Smit-McPhee is convincing as a child stunned by destruction, depending on his father in a world "
        "where it must be clear to him that any man can die in an instant. "
        '"The Road" is a road you\'ll wish the father and his son had never taken across the burned country. '
        "The father and his son push a shopping cart along the road to the coast before winter comes."
    ),
    "b": (
        "In The Road, Viggo Mortensen and Kodi Smit-McPhee play a father and his son walking to the coast. "
        "The film is based on the novel by Cormac McCarthy that won the Pulitzer Prize in 2007. "
        "Charlize Theron appears in flashbacks as the mother of the son before the catastrophe."
    ),
    "c": (
        "John Hillcoat directed The Road from a script by Joe Penhall, based on the McCarthy novel. "
        "The father and his son walk the road to the coast, hiding from gangs of scavengers. "
        "Robert Duvall and Guy Pearce play strangers the father and his son meet on the road."
    ),
}


def test_a_critics_verdict_in_a_review_cluster_is_not_the_briefs_voice():
    brief = summarize_texts(REVIEWS, Options(words=200))
    assert brief.sentences
    assert all("convincing" not in s.text for s in brief.sentences)
    assert all("you'll wish" not in s.text for s in brief.sentences)


def test_customer_reviews_in_the_first_person_keep_their_opinions():
    # Reviews whose writers speak as "I": their opinions are what a brief of them reports.
    reviews = {
        "a": "I bought this hotel room for a week. The rooms are awful and the staff were rude to me every day.",
        "b": "I stayed three nights with my family. The rooms are awful, and the walls are thin as paper.",
        "c": "We booked it for a conference. I found the rooms awful and the breakfast cold every morning.",
    }
    brief = summarize_texts(reviews, Options(words=40))
    assert any("awful" in s.text for s in brief.sentences)


def test_a_columnists_question_or_exclamation_is_never_a_sentence_of_a_news_brief():
    # The long brief of a short story takes flawed sentences too (too few clean ones fill it): a
    # question or an exclamation in the writer's own voice stays out even then.
    news = (
        "Former President George W. Bush took the Ice Bucket Challenge on Wednesday, his office said. "
        "Bush was doused with ice water by his wife, Laura Bush, in a video posted on Facebook, his office said. "
    )
    column = news + (
        "Have you done the Ice Bucket Challenge with your own family and friends this week? "
        "The challenge raised money for ALS research, and Bush took the challenge with his wife — including the dog! "
        "“Would you do it again?” a reporter asked Bush, who said he would take the challenge again."
    )
    brief = summarize_texts({"a": news, "b": column}, Options(length="long"))
    assert brief.sentences
    assert not any(s.text.rstrip(' ”"').endswith(("?", "!")) for s in brief.sentences)


def test_one_precise_figure_told_twice_is_one_fact_once():
    # Two outlets on Scaramucci's disclosure (issue 25's read: "repeats the $4.9 million from the
    # SkyBridge stake"): the longer telling adds his salary; the stake income is in both, and the
    # selection never picks the two together. Sharing a bare number is not the same fact.
    texts = [
        "The incoming White House communications director earned $4.9 million from his ownership stake in SkyBridge.",
        "Anthony Scaramucci made $5 million in salary and another $4.9 million from his ownership stake in his "
        "investment firm SkyBridge Capital in the first six months of this year, according to the filing.",
        "The storm killed 12 people and destroyed hundreds of homes in the coastal towns of the province on "
        "Tuesday, officials said.",
        "Police arrested 12 people for looting shops in the coastal towns of the province during the night "
        "curfew on Friday.",
    ]
    vectors = SparseRows.from_dense(np.eye(len(texts)))  # no two alike by TF-IDF: only the words decide
    assert _conflicts(vectors, list(range(len(texts))), texts) == ((0, 1),)


# A critic's review (test4656, "Mirror Mirror"): its writer judges in most sentences and quotes
# no one, so its milder judgements ("fantastic": 0.9 subjective, polarity only 0.4) are the
# critic's verdict too, not a description the brief may print in its own voice.
CRITIC = (
    "Mirror Mirror takes itself less seriously, presenting a pink confection of slapstick laughs. "
    "The Queen’s devoted servant Brighton (Nathan Lane doing a fantastic Nathan Lane) simpers and cowers "
    "as he reluctantly does all the Queen’s bidding in Mirror Mirror. "
    "Julia Roberts is wonderful as the Queen, and I laughed more than I expected to. "
    "The dwarfs are a good gang of bandits, and the fight scenes are great fun. "
    "The costumes are magnificent, though the story drags in the middle. "
    "Lily Collins plays Snow White, who learns to fight with a sword."
)
REPORT = (
    "Mirror Mirror, directed by Tarsem Singh, opens Friday in theaters, the studio said. "
    "Julia Roberts plays the Queen, and Nathan Lane plays her servant Brighton, the studio said. "
    "Lily Collins plays Snow White, and Armie Hammer plays the prince, according to the studio. "
    "The film cost about $85 million to make, the studio said on Monday. "
    "Snow and the Huntsman, another film of the fairy tale, opens in June, the studio said."
)


def test_a_review_is_read_as_its_critics_voice_and_a_report_is_not():
    assert own_voice([(s, False) for s in split_text(CRITIC)])
    assert not own_voice([(s, False) for s in split_text(REPORT)])


def test_a_milder_judgement_counts_only_where_the_article_is_a_critics():
    servant = split_text(CRITIC)[1]
    assert judging_words(servant) == ()  # in a news report, "fantastic" alone is not the rule's
    assert judging_words(servant, mild=True) == ("fantastic",)


def test_a_critics_milder_verdict_is_left_out_of_the_brief():
    brief = summarize_texts({"a": CRITIC, "b": REPORT}, Options(words=120))
    assert brief.sentences
    assert all("fantastic" not in s.text for s in brief.sentences)


# A column on a player's joke (test0794): too few clean sentences for a medium brief, so the brief
# takes flawed ones, yet never its writer's "we" ("Nope, not a road we want to go down.").
COLUMN = (
    "The Buffalo Bills wide receiver Stevie Johnson ruffled a few feathers in New England on Wednesday night, "
    "the team said. "
    "If Kim Jong Un and his pals won't \"chill out,\" Johnson said, there's one spot he wouldn't miss if it was targeted. "
    "Foxboro, Massachusetts, home of the New England Patriots, is where the Bills have not won since 2000. "
    "Nope, not a road we want to go down with North Korea and the New England Patriots. "
    "After taking a lot of criticism, Johnson later backed off with a tweet, his agent said."
)


def test_a_columnists_we_is_left_out_even_where_the_brief_takes_flawed_sentences():
    brief = summarize_texts({"a": COLUMN}, Options(words=150))
    assert brief.sentences
    assert all("we want" not in s.text for s in brief.sentences)
