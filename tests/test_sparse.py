"""The hand-written sparse rows give SciPy's results bit for bit, stored order included.

Values span six orders of magnitude and rows hold dozens of entries, so a sum taken in any other
order than SciPy's comes out different in its last bits and the exact comparisons below fail.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csc_array, csr_matrix, vstack

from summarize.text import sparse
from summarize.text.sparse import SparseRows, vstack_columnwise


def _random(seed: int, n: int = 30, m: int = 50, density: float = 0.4, shuffled: bool = True) -> SparseRows:
    """A random matrix whose rows are stored in a random order of their columns when `shuffled`
    (as TF-IDF rows are: terms in order of appearance)."""
    rng = np.random.default_rng(seed)
    dense = np.where(rng.random((n, m)) < density, rng.random((n, m)) * 10.0 ** rng.integers(-3, 3, (n, m)), 0.0)
    rows = SparseRows.from_dense(dense)
    if not shuffled:
        return rows
    order = np.concatenate([rng.permutation(np.arange(a, b)) for a, b in zip(rows.indptr[:-1], rows.indptr[1:])])
    return SparseRows(rows.indptr, rows.indices[order.astype(int)], rows.data[order.astype(int)], rows.shape)


def _scipy(rows: SparseRows) -> csr_matrix:
    matrix = csr_matrix((rows.data.copy(), rows.indices.copy(), rows.indptr.copy()), shape=rows.shape)
    matrix.has_sorted_indices = True  # as words.tfidf's matrices claimed, sorted or not
    return matrix


def _same(ours: SparseRows, theirs) -> None:  # type: ignore[no-untyped-def]
    theirs = csr_matrix(theirs)
    assert ours.shape == theirs.shape
    assert ours.indptr.tolist() == theirs.indptr.tolist()
    assert ours.indices.tolist() == theirs.indices.tolist()
    assert ours.data.tolist() == theirs.data.tolist()


def test_entries_are_stored_row_by_row_in_column_order():
    rows = SparseRows.from_entries([2, 0, 2, 0], [1, 3, 0, 0], np.array([1.0, 2.0, 3.0, 4.0]), (3, 4))
    _same(rows, csr_matrix(([1.0, 2.0, 3.0, 4.0], ([2, 0, 2, 0], [1, 3, 0, 0])), shape=(3, 4)))
    assert rows.toarray().tolist() == [[4.0, 0, 0, 2.0], [0, 0, 0, 0], [3.0, 1.0, 0, 0]]
    assert SparseRows.from_dense(rows.toarray()).indices.tolist() == [0, 3, 0, 1]
    with pytest.raises(ValueError):
        SparseRows.from_entries([0, 0], [1, 1], np.ones(2), (1, 2))


@pytest.mark.parametrize("seed", range(5))
def test_taking_rows_and_columns_and_transposing_keep_scipys_order(seed):
    rows = _random(seed)
    rng = np.random.default_rng(seed)
    picked = rng.integers(0, rows.shape[0], 45)
    _same(rows.take(picked), _scipy(rows)[picked])
    keep = np.flatnonzero(rng.random(rows.shape[1]) < 0.6)
    _same(rows.columns(keep), _scipy(rows)[:, keep])
    _same(rows.transposed(), _scipy(rows).T.tocsr())
    assert rows.entries()[0].tolist() == _scipy(rows).tocoo().row.tolist()


@pytest.mark.parametrize("seed", range(5))
def test_sums_and_products_with_a_dense_vector_are_scipys_floats(seed):
    rows = _random(seed, n=80, m=20, density=0.7)
    vector = np.random.default_rng(seed).random(rows.shape[1]) * 1e3
    assert rows.column_sums().tolist() == np.asarray(_scipy(rows).sum(axis=0)).ravel().tolist()
    assert rows.dot(vector).tolist() == np.asarray(_scipy(rows) @ vector).ravel().tolist()


@pytest.mark.parametrize("at_once", [500_000, 50])
@pytest.mark.parametrize("seed", range(5))
def test_products_of_two_matrices_are_scipys_entries_in_scipys_order(seed, at_once, monkeypatch):
    monkeypatch.setattr(sparse, "PRODUCTS_AT_ONCE", at_once)  # 50: made in blocks of a few rows
    rows, other = _random(seed), _random(seed + 100, n=50, m=40)
    _same(rows.matmul(other), _scipy(rows) @ _scipy(other))
    gram = rows.matmul(rows.transposed())
    _same(gram, _scipy(rows) @ _scipy(rows).T)
    # Rows 10 to 19 times every row, only where the other row comes before: kept in SciPy's order.
    block = rows.take(np.arange(10, 20)).matmul(rows.transposed(), below=10)
    theirs = (_scipy(rows)[10:20] @ _scipy(rows).T).tocoo()
    earlier = theirs.col < theirs.row + 10
    assert block.entries()[1].tolist() == theirs.col[earlier].tolist()
    assert block.entries()[0].tolist() == theirs.row[earlier].tolist()
    assert block.data.tolist() == theirs.data[earlier].tolist()
    assert gram.toarray().tolist() == (_scipy(rows) @ _scipy(rows).T).toarray().tolist()
    # A product with no entry at all, and one whose sums cancel to zero (not stored by SciPy).
    _same(rows.matmul(SparseRows.empty(rows.shape[1], 3)), _scipy(rows) @ csr_matrix((rows.shape[1], 3)))
    signs = SparseRows.from_dense(np.array([[1.0, -1.0], [2.0, 0.0]]))
    _same(signs.matmul(SparseRows.from_dense(np.array([[1.0], [1.0]]))), _scipy(signs) @ csr_matrix([[1.0], [1.0]]))


@pytest.mark.parametrize("shuffled", [True, False])
@pytest.mark.parametrize("seed", range(5))
def test_paired_row_products_are_what_scipys_multiply_and_sum_give(seed, shuffled):
    rows = _random(seed, n=40, m=60, density=0.5, shuffled=shuffled)
    rng = np.random.default_rng(seed)
    left, right = rng.integers(0, 40, 200), rng.integers(0, 40, 200)
    left[:3] = right[:3] = 0  # a row times itself
    theirs = np.asarray(_scipy(rows)[left].multiply(_scipy(rows)[right]).sum(axis=1)).ravel()
    assert rows.paired_dots(left, right).tolist() == theirs.tolist()
    empty = SparseRows.from_dense(np.zeros((2, 3)))
    assert empty.paired_dots(np.array([0, 1]), np.array([1, 0])).tolist() == [0.0, 0.0]


def test_stacked_blocks_are_the_column_wise_arrays_scipy_hands_highs():
    blocks = [_random(1, n=1, m=30, density=0.9), _random(2, n=12, m=30), _random(3, n=4, m=30, density=0.1)]
    theirs = vstack([csc_array(_scipy(b)) for b in blocks], format="csc")
    start, index, value = vstack_columnwise(blocks)
    assert start.tolist() == theirs.indptr.tolist()
    assert index.tolist() == theirs.indices.tolist()
    assert value.tolist() == theirs.data.tolist()
