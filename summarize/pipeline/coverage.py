"""Budgeted maximum coverage: pick sentences that cover the most concept weight within a word budget.

The objective of Gillick & Favre (2009): each concept counts once however many picked sentences
state it, so repetition earns nothing and redundancy is handled by the objective itself. It is
solved exactly as an integer programme with HiGHS (through `highspy`, see `highs_milp`); above `EXACT_LIMIT`
candidates, or when HiGHS runs out of time without a solution, the cost-scaled greedy of Khuller,
Moss & Naor (1999), which keeps the (1 - 1/e)/2 guarantee for budgeted coverage (the better of the
greedy set and the best single sentence), takes over.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..text.sparse import SparseRows, vstack_columnwise

# Above this many candidate sentences the greedy answers instead of the integer programme; the
# selection stage never hands over more than this, so in practice HiGHS always runs.
EXACT_LIMIT = 1000
# The search is bounded by branch-and-bound nodes, not seconds, so one input gives one brief however
# loaded the machine is (a clock limit picked different sentences under load). News-sized problems
# close in under 40 nodes (the 50 Multi-News dev stories at short and long); past the limit HiGHS
# returns the best solution found so far, or the greedy takes over when it found none.
NODE_LIMIT = 2000
# Only a guard against a pathological programme: a run that reaches it can differ between machines.
TIME_LIMIT_S = 120.0


@dataclass(frozen=True, slots=True)
class Problem:
    """`occurs[i, c]` is 1 when sentence i states concept c."""

    occurs: SparseRows  # sentences x concepts, 0/1
    concept_weights: np.ndarray  # one per concept, >= 0
    sentence_values: np.ndarray  # one per sentence: its own bonus (or penalty) when picked
    lengths: np.ndarray  # words per sentence
    budget: int  # the most words the picked sentences may have
    conflicts: tuple[tuple[int, int], ...] = ()  # pairs never picked together
    forced: tuple[int, ...] = ()  # sentences every solution holds (a news brief's lead)


def solve(problem: Problem) -> list[int]:
    """The indices of the picked sentences, best first by nothing: callers order them."""
    n = problem.occurs.shape[0]
    if n == 0 or problem.budget <= 0:
        return []
    fits = problem.lengths <= problem.budget
    if not fits.any():
        return []
    if n <= EXACT_LIMIT:
        picked = _exact(problem)
        if picked is not None:
            return picked
    return greedy(problem)


def objective(problem: Problem, picked: Sequence[int]) -> float:
    """The value of a set of sentences: covered concept weight plus their own values."""
    if not picked:
        return 0.0
    covered = problem.occurs.take(list(picked)).column_sums() > 0
    return float(problem.concept_weights[covered].sum() + problem.sentence_values[list(picked)].sum())


def _exact(problem: Problem) -> list[int] | None:
    n, m = problem.occurs.shape
    # Variables: x (sentence picked) then z (concept covered); HiGHS minimises, so negate.
    cost = -np.concatenate([problem.sentence_values, problem.concept_weights])
    rows = [
        # Words within the budget.
        (SparseRows.from_dense(np.concatenate([problem.lengths, np.zeros(m)])[None, :]), float(problem.budget)),
        (coverage_rows(problem.occurs), 0.0),
    ]
    if problem.conflicts:
        pairs = np.array(problem.conflicts)
        k = len(pairs)
        idx = np.concatenate([np.arange(k), np.arange(k)])
        rows.append((SparseRows.from_entries(idx, pairs.T.ravel(), np.ones(2 * k), (k, n + m)), 1.0))
    bounds_high = np.concatenate([(problem.lengths <= problem.budget).astype(float), np.ones(m)])
    bounds_low = np.zeros(n + m)
    bounds_low[list(problem.forced)] = 1.0
    x = highs_milp(
        cost,
        rows,
        bounds_low,
        bounds_high,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),  # z is 0/1 at the optimum anyway
        node_limit=NODE_LIMIT,
    )
    if x is None:
        return None
    return [i for i in range(n) if x[i] > 0.5]


def coverage_rows(occurs: SparseRows) -> SparseRows:
    """A concept counts only when a picked sentence states it: one row per concept c over the
    variables x (sentences) then z (concepts), z_c - sum of x_i over the sentences i stating c."""
    n, m = occurs.shape
    sentences, concepts, states = occurs.entries()
    return SparseRows.from_entries(
        np.concatenate([concepts, np.arange(m)]),
        np.concatenate([sentences, n + np.arange(m)]),
        np.concatenate([-states, np.ones(m)]),
        (m, n + m),
    )


def highs_milp(
    cost: np.ndarray,
    rows: Sequence[tuple[SparseRows, float]],
    low: np.ndarray,
    high: np.ndarray,
    integrality: np.ndarray,
    node_limit: int | None = None,
    time_limit: float = TIME_LIMIT_S,
) -> np.ndarray | None:
    """The x minimising `cost @ x` with `matrix @ x <= bound` for each (sparse matrix, bound) of
    `rows`, `low <= x <= high`, and x integral where `integrality` is 1; None when HiGHS found no
    solution. The model `scipy.optimize.milp` hands HiGHS, built here with HiGHS's own `highspy`:
    importing `scipy.optimize` imports most of SciPy (linalg, fft, special, spatial; a third of a
    second), more than a brief spends choosing its sentences."""
    import highspy

    blocks = [matrix for matrix, _ in rows]
    n_rows, n_cols = sum(b.shape[0] for b in blocks), blocks[0].shape[1]
    start, index, value = vstack_columnwise(blocks)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n_cols, n_rows
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n_cols, n_rows
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_ = start.astype(np.int32), index.astype(np.int32)
    lp.a_matrix_.value_ = value
    lp.col_cost_ = np.asarray(cost, dtype=np.float64)
    lp.col_lower_, lp.col_upper_ = np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)
    lp.row_lower_ = np.full(n_rows, -np.inf)
    lp.row_upper_ = np.concatenate(
        [np.full(b.shape[0], bound, dtype=np.float64) for b, (_, bound) in zip(blocks, rows)]
    )
    lp.integrality_ = [highspy.HighsVarType(int(i)) for i in integrality]
    # Everything HiGHS does runs with stdout silenced: newer releases print a banner ("Running HiGHS
    # 1.16.0 …") when a solver is made, before any option can turn it off.
    with _stdout_silenced():
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        if node_limit is not None:
            highs.setOptionValue("mip_max_nodes", node_limit)
        highs.setOptionValue("time_limit", float(time_limit))
        # Presolve off makes HiGHS's stray "transformNewIntegerFeasibleSolution" line
        # (ERGO-Code/HiGHS#2783) rarer; these programmes are small enough not to need it.
        highs.setOptionValue("presolve", "off")
        if highs.passModel(lp) == highspy.HighsStatus.kError or highs.run() == highspy.HighsStatus.kError:
            return None
    status = highs.getModelStatus()
    # At a limit HiGHS hands back the best solution it found, when it found one.
    limits = {
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
    }
    if status != highspy.HighsModelStatus.kOptimal and status not in limits:
        return None
    if status in limits and highs.getInfo().objective_function_value == highspy.kHighsInf:
        return None
    return np.array(highs.getSolution().col_value)


@contextmanager
def _stdout_silenced() -> Iterator[None]:
    """File descriptor 1 pointed at the null device for the block. HiGHS 1.12 prints a debugging
    line from C++ straight to the process's stdout whatever its output options ("HighsMipSolverData::
    transformNewIntegerFeasibleSolution tmpSolver.run();"), which put it before `--format json`'s
    document and made it unreadable; no option of highspy reaches that print, so the descriptor is
    swapped. Python's buffer and C's are flushed on both sides so no one else's output moves."""
    sys.stdout.flush()
    _flush_c_stdio()
    try:
        saved = os.dup(1)
    except OSError:  # no descriptor 1 at all (a detached worker): nothing to protect
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        yield
    finally:
        _flush_c_stdio()
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)


def _flush_c_stdio() -> None:
    """C's stdout buffer flushed, so what HiGHS printed goes to the null device, not later to the
    real stdout (a pipe buffers it fully)."""
    libc = _libc()
    if libc is not None:
        libc.fflush(None)


@lru_cache(maxsize=1)
def _libc() -> Any:
    """The process's C library, opened once (every solve flushes twice), or None where there is
    none to call (Windows): nothing is buffered there to move."""
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.fflush  # noqa: B018 (looked up here so a library without it counts as none)
    except (OSError, AttributeError, TypeError):
        return None
    return libc


def greedy(problem: Problem) -> list[int]:
    """Add the sentence with the best gain per word while it fits; then compare with the best
    single sentence (the comparison is what gives the approximation guarantee)."""
    occurs = problem.occurs
    weights = problem.concept_weights
    covered = np.zeros(occurs.shape[1], dtype=bool)
    conflicts: dict[int, set[int]] = {}
    for a, b in problem.conflicts:
        conflicts.setdefault(a, set()).add(b)
        conflicts.setdefault(b, set()).add(a)
    picked: list[int] = []
    used = 0
    open_ = set(np.flatnonzero(problem.lengths <= problem.budget).tolist())
    for i in problem.forced:
        picked.append(i)
        used += int(problem.lengths[i])
        covered[occurs.indices[occurs.indptr[i] : occurs.indptr[i + 1]]] = True
        open_ -= {i} | conflicts.get(i, set())
    open_ = {i for i in open_ if used + problem.lengths[i] <= problem.budget}
    while open_:
        best, best_ratio = -1, 0.0
        for i in open_:
            row = occurs.indices[occurs.indptr[i] : occurs.indptr[i + 1]]
            gain = weights[row[~covered[row]]].sum() + problem.sentence_values[i]
            ratio = gain / max(1, problem.lengths[i])
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best < 0:
            break
        picked.append(best)
        used += int(problem.lengths[best])
        covered[occurs.indices[occurs.indptr[best] : occurs.indptr[best + 1]]] = True
        open_ -= {best} | conflicts.get(best, set())
        open_ = {i for i in open_ if used + problem.lengths[i] <= problem.budget}
    singles = [i for i in range(occurs.shape[0]) if problem.lengths[i] <= problem.budget]
    best_single = max(singles, key=lambda i: objective(problem, [i]))
    if not problem.forced and objective(problem, [best_single]) > objective(problem, picked):
        return [best_single]
    return picked
