"""The candidate index behind grouping: each article's nearest articles without comparing every pair."""

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse import random as sparse_random
from sklearn.preprocessing import normalize

from summarize.jobs import grouping
from summarize.jobs.grouping import candidate_graph


def _every_pair(rows: csr_matrix, neighbours: int, threshold: float) -> dict[tuple[int, int], float]:
    """The graph candidate_graph stands in for: each row's nearest rows found by comparing every pair."""
    similarity = (rows @ rows.T).toarray().astype(np.float64)
    np.fill_diagonal(similarity, -1.0)
    edges: dict[tuple[int, int], float] = {}
    for i, row in enumerate(similarity):
        for j in np.argsort(-row, kind="stable")[:neighbours]:
            if row[j] >= threshold:
                edges[i, int(j)] = edges[int(j), i] = float(row[j])
    return edges


def _edges(graph: csr_matrix) -> dict[tuple[int, int], float]:
    coo = graph.tocoo()
    return {(int(i), int(j)): float(v) for i, j, v in zip(coo.row, coo.col, coo.data)}


def _night(n: int = 300, terms: int = 2000, seed: int = 0) -> csr_matrix:
    rows = sparse_random(n, terms, density=0.01, format="csr", dtype=np.float32, random_state=seed)
    return normalize(rows).astype(np.float32)


@pytest.mark.parametrize("block_pairs", [4_000_000, 50])
def test_the_index_finds_the_nearest_articles_that_comparing_every_pair_finds(monkeypatch, block_pairs):
    # Read in one block, or in many small ones (a night too big for one block of memory).
    monkeypatch.setattr(grouping, "BLOCK_PAIRS", block_pairs)
    rows = _night()
    found = _edges(candidate_graph(rows, 5, 0.05, common=rows.shape[0], terms=rows.shape[1]))
    expected = _every_pair(rows, 5, 0.05)
    assert found.keys() == expected.keys() and len(found) > 300
    assert all(abs(found[e] - expected[e]) < 1e-5 for e in expected)


def test_a_pair_proposed_by_a_rare_term_is_scored_on_its_common_terms_too():
    # Articles 0 and 1 share a rare name (term 0); every article holds the common words (terms 1, 2).
    n = 40
    dense = np.zeros((n, 50), dtype=np.float32)
    dense[:, 1] = 1.0
    dense[:, 2] = 1.0
    dense[[0, 1], 0] = 1.0
    for i in range(n):
        dense[i, 3 + i] = 1.0  # a term of its own
    rows = normalize(csr_matrix(dense))
    graph = _edges(candidate_graph(rows, 3, 0.1, common=5))
    assert graph[0, 1] == pytest.approx(float((rows[0] @ rows[1].T).toarray()[0, 0]))  # 0.75 with terms 1, 2
    # The common words alone propose nothing: no pair but the one sharing a rare term.
    assert set(graph) == {(0, 1), (1, 0)}
    assert len(_edges(candidate_graph(rows, 3, 0.1, common=n))) > 2  # with them counted, every pair is alike
