"""A fact once: two picked sentences that say the same thing in other words cannot both stay.

Shared words find most repeats before selection (`select._conflicts`); a paraphrase sharing few
words ("Paul asked for the law to be changed" / "the senator wanted the statute rewritten") is
found here by meaning, with the MiniLM sentence embeddings when their verified model is installed.
Only the picked sentences are embedded (a dozen, not the hundreds of candidates): embedding every
candidate would cost seconds per story on a CPU. `--mode extractive` never loads torch (a promise
of that mode), so there shared words alone keep a fact once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .cite import SEMANTIC_SUPPORT
from .coverage import Problem

ROUNDS = 5  # re-solves at most; each forbids the repeats found, and repeats are rare


def once(
    problem: Problem, picked: list[int], texts: Sequence[str], solve: Callable[[Problem], list[int]]
) -> tuple[Problem, list[int]]:
    """The problem with every pair of picked sentences MiniLM finds to say the same thing (cosine
    from SEMANTIC_SUPPORT, the project's paraphrase bar) as a conflict, and its solution; both
    unchanged without the model."""
    from ..models.embeddings import embedder

    model = embedder() if len(picked) > 1 else None
    if model is None:
        return problem, picked
    vectors: dict[int, object] = {}
    for _ in range(ROUNDS):
        new = [k for k in picked if k not in vectors]
        if new:
            vectors.update(zip(new, model.encode([texts[k] for k in new])))
        pairs = said_twice(picked, vectors)
        if not pairs:
            return problem, picked
        problem = replace(problem, conflicts=tuple(sorted(set(problem.conflicts) | pairs)))
        picked = solve(problem)
    return problem, picked


def said_twice(picked: Sequence[int], vectors: dict) -> set[tuple[int, int]]:  # type: ignore[type-arg]
    """Pairs of picked sentences whose embeddings (normalised) reach the paraphrase cosine."""
    return {
        (min(a, b), max(a, b))
        for x, a in enumerate(picked)
        for b in picked[x + 1 :]
        if float(vectors[a] @ vectors[b]) >= SEMANTIC_SUPPORT
    }
