"""A big night's candidate pairs come from a MinHash LSH index, not from comparing every pair (issue 28)."""

import random
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from summarize.jobs import grouping
from summarize.jobs.grouping import GroupingOptions, candidate_graph, cluster, vectors
from summarize.types import Document

LETTERS = "bcdfghjklmnprstvz"


def word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) + rng.choice("aeiou") for _ in range(4))


def synthetic_night(stories: int = 60, per_story: int = 3, loose: int = 240, seed: int = 0):
    """Articles of filler words drawn as news words are (a few common, most rare: Zipf's law); the
    articles of one story also share a few names of their own."""
    rng = random.Random(seed)
    vocabulary = [word(rng) for _ in range(3000)]
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    docs, gold = [], []
    for s in range(stories + loose):
        names = [word(rng) for _ in range(8)]
        for _ in range(per_story if s < stories else 1):
            body = rng.choices(vocabulary, weights, k=80) + 2 * rng.sample(names, 6)
            rng.shuffle(body)
            text = ". ".join(" ".join(body[i : i + 10]).capitalize() for i in range(0, len(body), 10)) + "."
            docs.append(Document(f"d{len(docs)}", Path(f"d{len(docs)}.txt"), text, None))
            gold.append(s if s < stories else -1 - s)
    return docs, np.array(gold)


def test_the_index_proposes_a_small_share_of_all_pairs_and_finds_every_story():
    docs, gold = synthetic_night(loose=820)
    rows = vectors(docs, GroupingOptions())
    n = rows.shape[0]
    first, second = grouping._proposed_pairs(rows)
    # Only these pairs are scored: a fifth of all pairs at most (each article meets those that share
    # one of its heaviest terms, a number that does not grow with the night as all pairs do).
    assert len(first) < n * (n - 1) / 2 / 5
    # A pair the index misses (it is approximate) still meets through a third member of its story.
    linked = csr_matrix((np.ones(len(first)), (first, second)), shape=(n, n))
    for story in range(60):
        members = np.flatnonzero(gold == story)
        assert connected_components(linked[members][:, members], directed=False)[0] == 1


def test_grouping_with_the_index_is_grouping_with_every_pair_compared():
    docs, gold = synthetic_night()
    options = GroupingOptions()
    rows = vectors(docs, options)
    exact = candidate_graph(rows, options.neighbours, options.threshold)  # a small night: every pair
    indexed = candidate_graph(rows, options.neighbours, options.threshold, index_from=0)
    by_index = cluster(rows, options, indexed)
    assert (by_index == cluster(rows, options, exact)).all()
    # ... and it is the stories: members of one story share a label, no two stories do.
    for story in range(60):
        assert len(set(by_index[gold == story])) == 1
    assert len({by_index[gold == story][0] for story in range(60)}) == 60
