"""Concepts: the units of information a brief is scored on covering.

A concept is a stemmed word pair (bigram) that is not two stop words, as in Gillick & Favre (2009):
pairs carry more of a fact than single words ("prime minister", "confidence vote", "rate cut"),
and a reader's (and ROUGE-2's) sense of what a brief covers is close to the pairs it shares with
the story. Single content words are concepts too, at a fraction of a pair's weight
(`Options.unigram_weight`): in reviews the aspect itself ("battery", "comfortable") is what
several sources agree on, worded differently around it. A concept's weight is how many sources state it: a fact several outlets report is one
the story is about; a phrase one outlet uses is that outlet's telling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from ..text.sparse import SparseRows
from ..text.words import ENGLISH_STOP_WORDS, count_words, stem, words
from .coverage import Problem


@lru_cache(maxsize=50_000)
def concepts(text: str) -> frozenset[str]:
    """`_concepts`, cached: selection asks for the same candidate sentences several times."""
    return _concepts(text)


def _concepts(text: str) -> frozenset[str]:
    """The stemmed bigrams of `text` that are not made of two stop words, and its stemmed content
    words (a unigram concept has no space in it; `is_bigram` tells them apart)."""
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    stop = [t in ENGLISH_STOP_WORDS for t in tokens]
    pairs = {f"{stems[i]} {stems[i + 1]}" for i in range(len(tokens) - 1) if not (stop[i] and stop[i + 1])}
    return frozenset(pairs | {s for s, is_stop in zip(stems, stop) if not is_stop})


def is_bigram(concept: str) -> bool:
    return " " in concept


def unit_counts(units: Iterable[tuple[str, str]], vocabulary: frozenset[str] | None = None) -> dict[str, int]:
    """How many distinct units (documents, or sentences of a single text) state each concept
    (each concept of `vocabulary`, when given).

    `units` yields (unit id, text) pairs; a unit may come in several texts (its sentences).
    """
    holders: dict[str, set[str]] = defaultdict(set)
    for unit, text in units:
        found = concepts(text) if vocabulary is None else _concepts(text) & vocabulary
        for concept in found:
            holders[concept].add(unit)
    return {c: len(h) for c, h in holders.items()}


def min_count(n_units: int) -> int:
    """Concepts stated by fewer units than this are one source's wording, not the story's.

    Gillick & Favre keep concepts in at least 3 of 10 documents; with fewer sources, two agreeing
    is the most that can be asked (a single source keeps every concept).
    """
    if n_units <= 1:
        return 1
    return 2 if n_units < 10 else 3


def prune(counts: dict[str, int], n_units: int) -> dict[str, int]:
    """The concepts frequent enough to count; when none is, every concept (a brief must say something)."""
    floor = min_count(n_units)
    kept = {c: n for c, n in counts.items() if n >= floor}
    return kept or dict(counts)


def build_problem(
    texts: Sequence[str],
    weights: Mapping[str, float],
    budget: int,
    values: Sequence[float] | None = None,
    conflicts: tuple[tuple[int, int], ...] = (),
    forced: tuple[int, ...] = (),
) -> Problem:
    """The budgeted-coverage problem over `texts`: concepts with `weights` (others count nothing)."""
    columns: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        # Sorted: a set's order changes with each process's hash seed, and HiGHS breaks ties
        # between equally good briefs by column order; the same story must give the same brief.
        for c in sorted(concepts(text)):
            if c in weights:
                rows.append(i)
                cols.append(columns.setdefault(c, len(columns)))
    occurs = SparseRows.from_entries(rows, cols, np.ones(len(rows)), (len(texts), len(columns)))
    return Problem(
        occurs=occurs,
        concept_weights=np.array([weights[c] for c in columns], dtype=float),
        sentence_values=np.zeros(len(texts)) if values is None else np.asarray(values, dtype=float),
        lengths=np.array([count_words(t) for t in texts], dtype=float),
        budget=budget,
        conflicts=conflicts,
        forced=forced,
    )
