"""Sparse rows: the few compressed-sparse-row operations a brief uses, each summed as SciPy sums it.

Hand-written because importing `scipy.sparse` cost 0.23 s idle (0.86 s cold) of a seeds brief's
2.2 s: its package init imports `array_api_compat.numpy`, whose `from numpy import *` loads
numpy.f2py, numpy.testing, numpy.polynomial and numpy.random (issue 28).

Every float comes out as SciPy 1.17's would, bit for bit, because a sum taken in another order can
flip a tie between two sentences: a product sums a row's stored entries in stored order, starting
from zero (`csr_matvec`, `csr_matmat`), and lists a row's results in the order `csr_matmat` does.
Stored order need not be column order (TF-IDF rows keep their terms' order of appearance, as
scikit-learn does); `columns`, `take` and `transposed` keep the order SciPy's indexing keeps.
tests/test_sparse.py holds each operation to SciPy's result on random matrices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# A product makes its pairs of entries in blocks of rows at most this large (about 40 MB of
# working arrays): rows do not depend on each other, so the blocks change nothing but the peak.
PRODUCTS_AT_ONCE = 500_000


@dataclass(frozen=True, slots=True)
class SparseRows:
    """A matrix of `shape` stored by rows: row r's columns are `indices[indptr[r]:indptr[r + 1]]`,
    its values the same slice of `data`; a (row, column) is stored at most once."""

    indptr: np.ndarray  # int64, n_rows + 1
    indices: np.ndarray  # int64, one per stored entry
    data: np.ndarray  # float64, one per stored entry
    shape: tuple[int, int]

    @classmethod
    def empty(cls, n_rows: int, n_cols: int) -> SparseRows:
        return cls(np.zeros(n_rows + 1, dtype=np.int64), _ints([]), np.zeros(0), (n_rows, n_cols))

    @classmethod
    def from_entries(
        cls,
        rows: Sequence[int] | np.ndarray,
        cols: Sequence[int] | np.ndarray,
        values: np.ndarray,
        shape: tuple[int, int],
    ) -> SparseRows:
        """The matrix holding `values[k]` at (`rows[k]`, `cols[k]`), each row's columns in increasing order."""
        rows, cols = _ints(rows), _ints(cols)
        order = np.lexsort((cols, rows))
        rows, cols = rows[order], cols[order]
        if len(rows) > 1 and ((np.diff(rows) == 0) & (np.diff(cols) == 0)).any():
            raise ValueError("a (row, column) is given twice")
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=shape[0]))]).astype(np.int64)
        return cls(indptr, cols, np.asarray(values, dtype=np.float64)[order], shape)

    @classmethod
    def from_dense(cls, matrix: np.ndarray) -> SparseRows:
        """The nonzero entries of a two-dimensional array."""
        matrix = np.asarray(matrix, dtype=np.float64)
        rows, cols = np.nonzero(matrix)
        return cls.from_entries(rows, cols, matrix[rows, cols], (matrix.shape[0], matrix.shape[1]))

    @property
    def nnz(self) -> int:
        return len(self.indices)

    def row_ids(self) -> np.ndarray:
        """The row of each stored entry."""
        return np.repeat(np.arange(self.shape[0], dtype=np.int64), np.diff(self.indptr))

    def toarray(self) -> np.ndarray:
        dense = np.zeros(self.shape)
        dense[self.row_ids(), self.indices] = self.data
        return dense

    def entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, columns and values of the stored entries, in stored order (SciPy's `tocoo`)."""
        return self.row_ids(), self.indices, self.data

    def take(self, rows: Sequence[int] | np.ndarray) -> SparseRows:
        """The given rows, in the given order, repeats allowed (`matrix[rows]`)."""
        rows = _ints(rows)
        starts, lengths = self.indptr[rows], np.diff(self.indptr)[rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        at = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
        return SparseRows(indptr, self.indices[at], self.data[at], (len(rows), self.shape[1]))

    def columns(self, keep: np.ndarray) -> SparseRows:
        """Only the columns `keep` (increasing, no repeats), renumbered 0, 1, ... in that order;
        each row keeps its stored order (`matrix[:, keep]`)."""
        new = np.full(self.shape[1], -1, dtype=np.int64)
        new[_ints(keep)] = np.arange(len(keep))
        mapped = new[self.indices]
        kept = mapped >= 0
        counts = np.bincount(self.row_ids()[kept], minlength=self.shape[0])
        indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        return SparseRows(indptr, mapped[kept], self.data[kept], (self.shape[0], len(keep)))

    def transposed(self) -> SparseRows:
        """The transpose, each of its rows in increasing column order (SciPy's `.T.tocsr()`)."""
        order = np.argsort(self.indices, kind="stable")
        counts = np.bincount(self.indices, minlength=self.shape[1])
        indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        return SparseRows(indptr, self.row_ids()[order], self.data[order], (self.shape[1], self.shape[0]))

    def column_sums(self) -> np.ndarray:
        """Each column's sum, rows added in order (`matrix.sum(axis=0)`)."""
        return np.bincount(self.indices, weights=self.data, minlength=self.shape[1])

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """`matrix @ vector` for a dense vector: each row's products added in stored order."""
        products = self.data * np.asarray(vector, dtype=np.float64)[self.indices]
        return np.bincount(self.row_ids(), weights=products, minlength=self.shape[0])

    def matmul(self, other: SparseRows, below: int | None = None) -> SparseRows:
        """`self @ other` as SciPy's `csr_matmat` computes it: for each of a row's stored entries in
        order, that value times the matching row of `other`, added into the result from zero; a
        result row lists its columns last-reached first, and a sum of exactly zero is not stored.
        With `below`, only the entries (i, k) with k < i + below: for rows `below`, `below` + 1, ...
        of a matrix times its transpose, each row's products with the rows before it."""
        flops = np.diff(other.indptr)[self.indices]  # products each stored entry of self makes
        if flops.sum() > PRODUCTS_AT_ONCE and self.shape[0] > 1:  # rows are independent: halve the block
            half = int(np.searchsorted(np.cumsum(flops), flops.sum() / 2, side="right"))
            half = min(max(int(np.searchsorted(self.indptr, half, side="right")) - 1, 1), self.shape[0] - 1)
            top = self.take(np.arange(half)).matmul(other, below)
            rest = self.take(np.arange(half, self.shape[0])).matmul(other, None if below is None else below + half)
            return top.stack(rest)
        width = max(other.shape[1], 1)
        entry = np.repeat(np.arange(self.nnz), flops)
        at = np.repeat(other.indptr[self.indices] - (np.cumsum(flops) - flops), flops) + np.arange(len(entry))
        rows = self.row_ids()[entry]
        if below is not None:
            wanted = other.indices[at] < rows + below
            entry, at, rows = entry[wanted], at[wanted], rows[wanted]
        key = rows * width + other.indices[at]
        # Equal keys grouped by a stable sort, so each result's products are added in the order made.
        by_key = np.argsort(key, kind="stable")
        ordered = key[by_key]
        starts = np.ones(len(key), dtype=bool)
        starts[1:] = ordered[1:] != ordered[:-1]
        group = np.empty(len(key), dtype=np.int64)
        group[by_key] = np.cumsum(starts) - 1
        sums = np.bincount(group, weights=self.data[entry] * other.data[at])
        # The results in the order first reached, then each row's turned round.
        first = np.zeros(len(key), dtype=bool)
        first[by_key[starts]] = True
        reached, reached_keys = group[first], key[first]
        row = reached_keys // width
        counts = np.bincount(row, minlength=self.shape[0])
        ends = np.cumsum(counts)
        place = 2 * ends[row] - counts[row] - 1 - np.arange(len(row))
        groups, keys = np.empty_like(reached), np.empty_like(reached_keys)
        groups[place], keys[place] = reached, reached_keys
        stored = sums[groups] != 0
        keys = keys[stored]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(keys // width, minlength=self.shape[0]))])
        return SparseRows(indptr.astype(np.int64), keys % width, sums[groups][stored], (self.shape[0], other.shape[1]))

    def stack(self, below: SparseRows) -> SparseRows:
        """These rows, then the rows of `below` (as wide)."""
        indptr = np.concatenate([self.indptr, below.indptr[1:] + self.nnz])
        shape = (self.shape[0] + below.shape[0], self.shape[1])
        return SparseRows(
            indptr, np.concatenate([self.indices, below.indices]), np.concatenate([self.data, below.data]), shape
        )

    def paired_dots(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Row left[k] times row right[k], summed, for each k: what
        `matrix[left].multiply(matrix[right]).sum(axis=1)` gives. SciPy multiplies two matrices in
        stored order when both have every row in increasing column order, and otherwise lists
        each row's products in reverse; it then sums each row with `np.add.reduceat`."""
        a, b = self.take(left), self.take(right)
        width = max(self.shape[1], 1)
        a_keys, b_keys = a.row_ids() * width + a.indices, b.row_ids() * width + b.indices
        b_order = np.argsort(b_keys, kind="stable")
        at = np.minimum(np.searchsorted(b_keys[b_order], a_keys), max(b.nnz - 1, 0))
        shared = (b_keys[b_order][at] == a_keys) if b.nnz else np.zeros(a.nnz, dtype=bool)
        products = a.data[shared] * b.data[b_order[at[shared]]]
        rows = a.row_ids()[shared]
        nonzero = products != 0
        products, rows = products[nonzero], rows[nonzero]
        if not (a.sorted_rows() and b.sorted_rows()):
            order = np.lexsort((-np.arange(len(rows)), rows))
            products, rows = products[order], rows[order]
        sums = np.zeros(len(left))
        if len(rows):
            starts = np.flatnonzero(np.concatenate([[True], rows[1:] != rows[:-1]]))
            sums[rows[starts]] = np.add.reduceat(products, starts)
        return sums

    def sorted_rows(self) -> bool:
        """Is every row's columns strictly increasing (SciPy's canonical format)?"""
        rows = self.row_ids()
        return bool((np.diff(self.indices)[rows[1:] == rows[:-1]] > 0).all())


def vstack_columnwise(blocks: Sequence[SparseRows]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The blocks stacked one under the other, in column-wise form (start, index, value), each
    column's rows increasing: the arrays SciPy's `vstack(..., format="csc")` holds."""
    offsets = np.cumsum([0, *(b.shape[0] for b in blocks)])
    rows = np.concatenate([b.row_ids() + offset for b, offset in zip(blocks, offsets)])
    cols = np.concatenate([b.indices for b in blocks])
    values = np.concatenate([b.data for b in blocks])
    order = np.lexsort((rows, cols))
    width = blocks[0].shape[1]
    start = np.concatenate([[0], np.cumsum(np.bincount(cols, minlength=width))]).astype(np.int64)
    return start, rows[order], values[order]


def _ints(values: Sequence[int] | np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=np.int64).reshape(-1)
