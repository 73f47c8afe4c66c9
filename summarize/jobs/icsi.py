"""The `icsi` baseline: Gillick & Favre's (2009) concept ILP, as the paper and its authors' lab code run it.

The system, with where it follows the authors' code (boudinfl/sume, `sume/models/concept_based.py`
and `sume/base.py`) and where it differs on purpose:

- Concepts are word bigrams, lower-cased and stemmed, with no punctuation mark inside (a pair never
  spans a comma or a full stop) and not made of two stop words: as sume's `extract_ngrams`. The stop
  words are scikit-learn's English list and the stemmer Porter's, where sume uses NLTK's stop-word
  corpus and Snowball: NLTK's data cannot be downloaded here, and the same choice is made by our own
  system, so both are scored on the same footing.
- A concept weighs the number of documents that hold it (sume's `compute_document_frequency`);
  concepts in fewer than 3 documents are dropped, 2 for clusters of 2-4 documents (sume's threshold
  is a fixed 3, which would drop every concept of a two-document cluster). Deliberate difference:
  a single text (a dump of review sentences) counts its sentences as the units, since one document
  would weigh every concept 1 and prune them all; and when no concept reaches the floor, every
  concept is kept rather than returning an empty summary, which would score nothing and measure nothing.
- Candidates are the raw sentences of at least `MIN_WORDS` words (sume's `prune_sentences` defaults
  to 5; shorter than 8 words, a news sentence is mostly a fragment, a caption or a byline), each told
  once (sume drops identical repeats).
- The integer programme is solved exactly with HiGHS (`highspy`): maximise the summed
  weight of the concepts covered, each counted once, within the word budget (words split on white
  space, as sume measures a sentence). sume ships only its greedy approximation in this file; the
  paper solves the ILP, and so does this.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..text.sparse import SparseRows
from ..text.words import stem
from ..types import RawDocument

MIN_WORDS = 8
# A cluster this small keeps concepts that two of its documents share.
SMALL_CLUSTER = 4
# HiGHS proves these programmes optimal in well under a second; the limit only guards a pathological story.
TIME_LIMIT_S = 60.0

# Words (apostrophes kept inside) and single punctuation marks: a mark breaks a bigram.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
_IS_WORD = re.compile(r"\w")


def bigrams(sentence: str) -> frozenset[str]:
    """The stemmed bigram concepts of one sentence."""
    tokens = _TOKEN.findall(sentence.lower())
    found = set()
    for a, b in zip(tokens, tokens[1:]):
        if not (_IS_WORD.search(a) and _IS_WORD.search(b)):
            continue
        if a in ENGLISH_STOP_WORDS and b in ENGLISH_STOP_WORDS:
            continue
        found.add(f"{stem(a)} {stem(b)}")
    return frozenset(found)


def min_documents(n_units: int) -> int:
    """The fewest documents a concept must appear in to count."""
    if n_units <= 1:
        return 1
    return 2 if n_units <= SMALL_CLUSTER else 3


def concept_weights(units: Sequence[Sequence[str]]) -> dict[str, int]:
    """Each concept's weight, the number of `units` (documents, each a list of sentences) holding
    it, over the pruning floor (every concept when none reaches it)."""
    holders: dict[str, set[int]] = defaultdict(set)
    for u, sentences in enumerate(units):
        for sentence in sentences:
            for concept in bigrams(sentence):
                holders[concept].add(u)
    counts = {c: len(h) for c, h in holders.items()}
    floor = min_documents(len(units))
    return {c: n for c, n in counts.items() if n >= floor} or counts


def candidates(sentences: Sequence[str]) -> list[str]:
    """The sentences that may enter the summary: long enough, each told once, in input order."""
    seen: set[str] = set()
    kept = []
    for s in sentences:
        if len(s.split()) >= MIN_WORDS and s not in seen:
            seen.add(s)
            kept.append(s)
    return kept


def solve_ilp(sentences: Sequence[str], weights: dict[str, int], budget: int) -> list[int]:
    """The indices (ascending) of the sentences whose covered concept weight is largest within
    `budget` words: the exact optimum of the paper's programme."""
    from ..pipeline.coverage import coverage_rows, highs_milp

    lengths = np.array([len(s.split()) for s in sentences], dtype=float)
    columns: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sentences):
        # Sorted so that HiGHS breaks ties between equal summaries the same way in every process.
        for c in sorted(bigrams(s) & weights.keys()):
            rows.append(i)
            cols.append(columns.setdefault(c, len(columns)))
    n, m = len(sentences), len(columns)
    if n == 0 or not (lengths <= budget).any():
        return []
    occurs = SparseRows.from_entries(rows, cols, np.ones(len(rows)), (n, m))
    # Variables: s_j (sentence j picked) then c_i (concept i covered); HiGHS minimises.
    cost = -np.concatenate([np.zeros(n), np.array([weights[c] for c in columns], dtype=float)])
    constraints = [
        (SparseRows.from_dense(np.concatenate([lengths, np.zeros(m)])[None, :]), float(budget)),
        # c_i <= sum of the picked sentences holding i: a concept counts only when stated.
        (coverage_rows(occurs), 0.0),
    ]
    x = highs_milp(cost, constraints, np.zeros(n + m), np.ones(n + m), np.ones(n + m), time_limit=TIME_LIMIT_S)
    if x is None:
        return []
    return [j for j in range(n) if x[j] > 0.5]


def icsi(docs: Sequence[RawDocument], words: int) -> list[str]:
    """The summary of `docs` in at most `words` words, its sentences in input order."""
    from ..pipeline.segment import split_text

    per_doc = [split_text(d.text) for d in docs]
    units = [[s] for s in per_doc[0]] if len(per_doc) == 1 else per_doc
    kept = candidates([s for sentences in per_doc for s in sentences])
    return [kept[j] for j in solve_ilp(kept, concept_weights(units), words)]
