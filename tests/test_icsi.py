"""The `icsi` baseline follows Gillick & Favre (2009): each rule on a tiny hand-built cluster."""

from itertools import combinations

from summarize.jobs.icsi import bigrams, candidates, concept_weights, icsi, solve_ilp
from summarize.text.words import stem

from .conftest import make_raw


def pair(a: str, b: str) -> str:
    return f"{stem(a)} {stem(b)}"


def test_concepts_are_stemmed_bigrams_not_two_stop_words_nor_across_punctuation():
    found = bigrams("The storm, officials said, flooded the valleys of the north.")
    assert pair("officials", "said") in found
    assert pair("flooded", "the") in found  # one stop word is enough to keep a pair
    assert pair("storm", "officials") not in found  # a comma stands between them
    assert pair("of", "the") not in found  # two stop words
    assert all(c.replace(" ", "").isalnum() for c in found)  # no punctuation mark in a concept


def test_a_concept_weighs_the_documents_holding_it_not_its_occurrences():
    docs = [
        ["The levee broke at dawn.", "The levee broke again.", "The levee broke a third time."],
        ["Witnesses said the levee broke quickly."],
        ["Engineers had warned the levee broke easily in storms."],
        ["Schools were closed."],
        ["Power was cut."],
    ]
    assert concept_weights(docs)[pair("levee", "broke")] == 3


def test_concepts_in_fewer_than_three_documents_are_dropped_from_five_documents_on():
    five = [
        ["Heavy rain fell on Monday."],
        ["Heavy rain fell again."],
        ["Heavy rain closed the roads."],
        ["The mayor declared an emergency."],
        ["The mayor declared a curfew."],
    ]
    weights = concept_weights(five)
    assert weights[pair("heavy", "rain")] == 3
    assert pair("mayor", "declared") not in weights  # in 2 of 5 documents


def test_two_documents_are_enough_in_clusters_of_two_to_four():
    four = [
        ["The mayor declared an emergency."],
        ["The mayor declared a curfew."],
        ["Schools were closed."],
        ["Power was cut."],
    ]
    weights = concept_weights(four)
    assert weights[pair("mayor", "declared")] == 2
    assert pair("schools", "were") not in weights  # in one document only


def test_sentences_under_eight_words_are_not_candidates():
    seven = "Heavy rain flooded the town on Monday."
    eight = "Heavy rain flooded the old town on Monday."
    assert candidates([seven, eight, eight]) == [eight]
    docs = [make_raw(n, f"{seven} Officials said heavy rain flooded the town on Monday night.") for n in "abc"]
    picked = icsi(docs, 100)
    assert seven not in picked
    assert picked == ["Officials said heavy rain flooded the town on Monday night."]


def test_the_programme_is_solved_exactly_to_the_word_budget():
    # The 12-word sentence has the best weight per word, so a greedy pick takes it first and then
    # nothing else fits in 18 words; the two 9-word sentences together cover more.
    long = "Rescue crews pulled survivors from collapsed buildings across the old harbour district."
    first = "Schools stayed closed while teachers checked flooded classrooms downtown."
    second = "Power companies restored electricity to northern suburbs by Tuesday."
    sentences = [long, first, second]
    assert [len(s.split()) for s in sentences] == [12, 9, 9]
    totals = {long: 9.0, first: 5.0, second: 5.0}
    weights = {c: totals[s] / len(bigrams(s)) for s in sentences for c in bigrams(s)}
    picked = solve_ilp(sentences, weights, 18)
    assert picked == [1, 2]

    def value(chosen):
        return sum(weights[c] for c in set().union(*(bigrams(sentences[i]) for i in chosen)))

    fitting = [
        set(c) for k in range(4) for c in combinations(range(3), k) if sum(len(sentences[i].split()) for i in c) <= 18
    ]
    assert value(picked) == max(value(c) for c in fitting if c)
    assert solve_ilp(sentences, weights, 17) == [0]  # 9 + 9 no longer fits: never over the budget


def test_the_summary_never_exceeds_the_budget_and_keeps_input_order():
    story = (
        "Heavy rain flooded the river town on Monday night, officials said. "
        "The mayor declared a state of emergency in the river town on Tuesday morning. "
        "Rescue crews evacuated hundreds of residents from the flooded river town overnight."
    )
    docs = [make_raw(n, story) for n in "abcde"]
    for budget in (10, 14, 25, 40):
        picked = icsi(docs, budget)
        assert sum(len(s.split()) for s in picked) <= budget
        assert picked == sorted(picked, key=story.index)
