"""Group what several articles say alike: copied documents, and sentences stating the same fact.

A group remembers every document that carries it (its support) and is shown through its
best-formed member, so a garbled or machine-"spun" copy loses to the outlet that wrote it well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..options import Options
from ..text.quality import form_penalty, lowercased_names, name_case_counts, spun_hits
from ..text.sparse import SparseRows
from ..text.words import bigrams, content_terms, tfidf, words
from ..types import Document, Sentence, SentenceGroup

# A document with this many known spinner phrases per 100 words is a machine-rewritten copy.
SPUN_RATE = 1.0
MIN_SHARED_TERMS = 3  # short sentences share a word or two by chance ("told reporters")
MAX_DF = 200  # terms in more sentences than this do not propose near-duplicate candidates


@dataclass(frozen=True, slots=True)
class Deduplicated:
    groups: tuple[SentenceGroup, ...]
    duplicate_documents: tuple[tuple[str, ...], ...]  # sets of ids of copies of one article
    reversed_documents: tuple[str, ...]  # articles whose sentences came in reverse order
    spun_documents: tuple[str, ...]


def deduplicate(docs: Sequence[Document], sentences: Sequence[Sequence[Sentence]], options: Options) -> Deduplicated:
    flat = [s for doc_sentences in sentences for s in doc_sentences]
    spun = tuple(d.id for d in docs if is_spun(d.text))
    if not flat:
        return Deduplicated((), duplicate_documents(docs, options), (), spun)
    vectors = _vectorize(flat)
    terms = [content_terms(s.text) for s in flat]
    clusters = _leader_clusters(vectors, terms, options.sentence_similarity)
    reversed_ids = detect_reversed(flat, clusters, len(docs))
    if reversed_ids:
        flat = [_flip(s) if s.doc_id in reversed_ids else s for s in flat]
    support = _bigram_support(flat)
    case_counts = name_case_counts([s.text for s in flat])
    groups = []
    for members in clusters:
        chosen = [flat[i] for i in members]
        # A sentence alone in its group is its own best telling: no scoring (most of a long article's).
        best = (
            chosen[0] if len(chosen) == 1 else max(chosen, key=lambda s: _variant_score(s, support, spun, case_counts))
        )
        groups.append(SentenceGroup(best, tuple(chosen)))
    return Deduplicated(tuple(groups), duplicate_documents(docs, options), tuple(sorted(reversed_ids)), spun)


def is_spun(text: str) -> bool:
    tokens = words(text)  # a whole article: read once
    return bool(tokens) and 100 * spun_hits(text, tokens) / len(tokens) >= SPUN_RATE


def duplicate_documents(docs: Sequence[Document], options: Options) -> tuple[tuple[str, ...], ...]:
    """Sets of documents sharing most of their word 5-grams: the same article syndicated."""
    shingles = [_shingles(d.text) for d in docs]
    columns: dict[int, int] = {}
    rows, cols = [], []
    for i, grams in enumerate(shingles):
        for g in grams:
            rows.append(i)
            cols.append(columns.setdefault(g, len(columns)))
    if not columns:
        return ()
    matrix = SparseRows.from_entries(rows, cols, np.ones(len(rows)), (len(docs), len(columns)))
    # Boilerplate every article carries says nothing about copying.
    matrix = matrix.columns(np.flatnonzero(matrix.column_sums() <= 50))
    row, col, shared = matrix.matmul(matrix.transposed()).entries()
    sizes = np.array([len(g) for g in shingles], dtype=float)
    union = sizes[row] + sizes[col] - shared
    close = (row < col) & (shared >= options.document_similarity * np.maximum(union, 1))
    labels = _components(len(docs), zip(row[close].tolist(), col[close].tolist()))
    sets: dict[int, list[str]] = defaultdict(list)
    for i, doc in enumerate(docs):
        sets[labels[i]].append(doc.id)
    return tuple(tuple(ids) for ids in sets.values() if len(ids) > 1)


def _components(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Each of `n` nodes' connected component, named by its first node. Union-find written out:
    `scipy.sparse.csgraph` imports scipy.sparse.linalg and scipy.linalg on its way in (a fifth of
    a second of every brief's start-up) for a graph of a few dozen articles."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(i) for i in range(n)]


def detect_reversed(flat: Sequence[Sentence], clusters: Sequence[Sequence[int]], n_docs: int) -> set[str]:
    """Documents whose shared facts come in the opposite order to the other articles'.

    For every two documents, count the pairs of shared facts they tell in the same order and in
    the opposite order. Then flip, one at a time, the document whose flipping makes the most pairs
    agree, while that gain is clear; a tie (two articles, each the other's mirror) flips nothing.
    """
    where: dict[str, dict[int, int]] = defaultdict(dict)
    pairs: set[tuple[str, str]] = set()
    for c, members in enumerate(clusters):
        holders = sorted({flat[i].doc_id for i in members})
        for i in members:
            where[flat[i].doc_id].setdefault(c, flat[i].index)
        if 1 < len(holders) <= 50:  # a fact in every article of a huge feed orders nothing
            pairs.update((a, b) for x, a in enumerate(holders) for b in holders[x + 1 :])
    agree: dict[tuple[str, str], int] = {}
    for a, b in pairs:
        shared = sorted(set(where[a]) & set(where[b]), key=lambda c: where[b][c])
        if len(shared) < 2:
            continue
        order = [where[a][c] for c in shared]
        agree[a, b] = sum(1 if order[i] < order[j] else -1 for i in range(len(order)) for j in range(i + 1, len(order)))
    involved: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in agree:
        involved[pair[0]].append(pair)
        involved[pair[1]].append(pair)
    flipped: set[str] = set()
    while True:
        gains = {d: -sum(agree[p] for p in ps) for d, ps in involved.items() if d not in flipped}
        ranked = sorted(gains.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return flipped
        doc = ranked[0][0]
        flipped.add(doc)
        for pair in involved[doc]:
            agree[pair] = -agree[pair]


def _flip(s: Sentence) -> Sentence:
    # A speaker found by reading a quotation backwards may be the next quotation's: none is kept.
    return replace(s, position=max(0.0, 1.0 - s.position - 1e-9), attribution=None)


def _vectorize(flat: Sequence[Sentence]) -> SparseRows:
    return tfidf([s.text for s in flat])[0]


def _leader_clusters(vectors: SparseRows, terms: list[tuple[str, ...]], threshold: float) -> list[list[int]]:
    """Greedy single-pass clustering: each sentence joins the first group whose leader it matches.

    Joining the leader (not any member) keeps chains of loosely similar sentences from merging
    into one vague group.
    """
    candidates = similar_pairs(vectors, threshold)
    leaders: list[int] = []
    clusters: list[list[int]] = []
    owner: dict[int, int] = {}
    sets = [set(t) for t in terms]
    for i in range(vectors.shape[0]):
        best, best_score = None, threshold
        for j, score in candidates.get(i, ()):
            cluster = owner.get(j)
            if cluster is None or leaders[cluster] != j or score < best_score:
                continue
            if len(sets[i] & sets[j]) < MIN_SHARED_TERMS:
                continue
            best, best_score = cluster, score
        if best is None:
            owner[i] = len(clusters)
            leaders.append(i)
            clusters.append([i])
        else:
            owner[i] = best
            clusters[best].append(i)
    return clusters


def similar_pairs(vectors: SparseRows, threshold: float, chunk: int = 2048) -> dict[int, list[tuple[int, float]]]:
    """For each row i, the earlier rows j < i whose cosine with it reaches `threshold`.

    A full similarity matrix grows with the square of the sentences (10,000 articles hold some
    300,000), so candidates come from the rarer terms only: terms in more than `MAX_DF` sentences
    weigh little in TF-IDF and are what makes the product dense. Candidates found that way are
    then scored exactly, a block of rows at a time.
    """
    n = vectors.shape[0]
    df = np.bincount(vectors.indices, minlength=vectors.shape[1])
    keep = np.flatnonzero(df <= max(MAX_DF, 1))
    rare = vectors.columns(keep)
    out: dict[int, list[tuple[int, float]]] = {}
    rare_t = rare.transposed()
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        hit_rows, hit_cols, hits = rare.take(np.arange(start, stop)).matmul(rare_t, below=start).entries()
        mask = hits >= threshold * 0.5
        rows, cols = hit_rows[mask] + start, hit_cols[mask]
        if len(rows) == 0:
            continue
        exact = vectors.paired_dots(rows, cols)
        for i, j, score in zip(rows.tolist(), cols.tolist(), exact.tolist()):
            if score >= threshold:
                out.setdefault(i, []).append((j, score))
    return out


def _bigram_support(flat: Sequence[Sentence]) -> dict[tuple[str, str], set[str]]:
    """Which documents use each word pair: phrasing other outlets share is phrasing that is right."""
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in flat:
        for pair in bigrams(s.text):
            support[pair].add(s.doc_id)
    return support


def _variant_score(
    s: Sentence,
    support: dict[tuple[str, str], set[str]],
    spun: tuple[str, ...],
    case_counts: dict[str, int],
) -> tuple[float, float, int]:
    pairs = bigrams(s.text)
    consensus = sum(len(support[p]) > 1 for p in pairs) / max(1, len(pairs))
    quality = -form_penalty(s.text) - (1.0 if s.doc_id in spun else 0.0)
    # A name the other outlets capitalise, written "beijing": a careless or machine-made copy.
    quality -= 0.5 * min(2, lowercased_names(s.text, case_counts))
    return (quality + consensus, -s.position, len(s.text))


def _shingles(text: str, n: int = 5) -> set[int]:
    """Hashes of the word n-grams of `text`: the fingerprint two copies of an article share."""
    tokens = words(text)
    return {hash(tuple(tokens[i : i + n])) for i in range(max(0, len(tokens) - n + 1))}
