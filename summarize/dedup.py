"""Group what several articles say alike: copied documents, and sentences stating the same fact.

A group remembers every document that carries it (its support) and is shown through its
best-formed member, so a garbled or machine-"spun" copy loses to the outlet that wrote it well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .options import Options
from .quality import form_penalty, spun_hits
from .textutil import bigrams, content_terms, words
from .types import Document, Sentence, SentenceGroup

# A document with this many known spinner phrases per 100 words is a machine-rewritten copy.
SPUN_RATE = 1.0
MIN_SHARED_TERMS = 3  # short sentences share a word or two by chance ("told reporters")


@dataclass(frozen=True, slots=True)
class Deduplicated:
    groups: tuple[SentenceGroup, ...]
    duplicate_documents: tuple[tuple[str, ...], ...]  # sets of ids of copies of one article
    reversed_documents: tuple[str, ...]  # articles whose sentences came in reverse order
    spun_documents: tuple[str, ...]


def deduplicate(
    docs: Sequence[Document], sentences: Sequence[Sequence[Sentence]], options: Options
) -> Deduplicated:
    flat = [s for doc_sentences in sentences for s in doc_sentences]
    spun = tuple(d.id for d in docs if is_spun(d.text))
    if not flat:
        return Deduplicated((), duplicate_documents(docs, options), (), spun)
    vectors = _vectorize(flat)
    terms = [set(content_terms(s.text)) for s in flat]
    clusters = _leader_clusters(vectors, terms, options.sentence_similarity)
    reversed_ids = detect_reversed(flat, clusters, len(docs))
    if reversed_ids:
        flat = [_flip(s) if s.doc_id in reversed_ids else s for s in flat]
    support = _bigram_support(flat)
    groups = []
    for members in clusters:
        chosen = [flat[i] for i in members]
        best = max(chosen, key=lambda s: _variant_score(s, support, spun))
        groups.append(SentenceGroup(best, tuple(chosen)))
    return Deduplicated(
        tuple(groups), duplicate_documents(docs, options), tuple(sorted(reversed_ids)), spun
    )


def is_spun(text: str) -> bool:
    n = len(words(text))
    return n > 0 and 100 * spun_hits(text) / n >= SPUN_RATE


def duplicate_documents(docs: Sequence[Document], options: Options) -> tuple[tuple[str, ...], ...]:
    """Sets of documents sharing most of their word 5-grams: the same article syndicated."""
    shingles = [_shingles(d.text) for d in docs]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[int, list[int]] = defaultdict(list)
    for i, grams in enumerate(shingles):
        for g in grams:
            index[g].append(i)
    overlap: dict[tuple[int, int], int] = defaultdict(int)
    for holders in index.values():
        if len(holders) > 50:  # boilerplate shared by everyone says nothing about copying
            continue
        for a in range(len(holders)):
            for b in range(a + 1, len(holders)):
                overlap[holders[a], holders[b]] += 1
    for (i, j), shared in overlap.items():
        union = len(shingles[i]) + len(shingles[j]) - shared
        if union and shared / union >= options.document_similarity:
            parent[root(j)] = root(i)
    sets: dict[int, list[str]] = defaultdict(list)
    for i, doc in enumerate(docs):
        sets[root(i)].append(doc.id)
    return tuple(tuple(ids) for ids in sets.values() if len(ids) > 1)


def detect_reversed(
    flat: Sequence[Sentence], clusters: Sequence[Sequence[int]], n_docs: int
) -> set[str]:
    """Documents whose shared facts come in the opposite order to the other articles'.

    For every two documents, count the pairs of shared facts they tell in the same order and in
    the opposite order. Then flip, one at a time, the document whose flipping makes the most pairs
    agree, while that gain is clear; a tie (two articles, each the other's mirror) flips nothing.
    """
    where: dict[str, dict[int, int]] = defaultdict(dict)
    for c, members in enumerate(clusters):
        for i in members:
            where[flat[i].doc_id].setdefault(c, flat[i].index)
    ids = sorted(where)
    agree: dict[tuple[str, str], int] = {}
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            shared = sorted(set(where[a]) & set(where[b]), key=lambda c: where[b][c])
            agree[a, b] = sum(
                1 if where[a][shared[i]] < where[a][shared[j]] else -1
                for i in range(len(shared))
                for j in range(i + 1, len(shared))
            )
    flipped: set[str] = set()
    while True:
        gains = {d: -sum(v for pair, v in agree.items() if d in pair) for d in ids if d not in flipped}
        ranked = sorted(gains.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return flipped
        doc = ranked[0][0]
        flipped.add(doc)
        agree = {pair: (-v if doc in pair else v) for pair, v in agree.items()}


def _flip(s: Sentence) -> Sentence:
    return replace(s, position=max(0.0, 1.0 - s.position - 1e-9))


def _vectorize(flat: Sequence[Sentence]) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True)
    return vectorizer.fit_transform([s.text for s in flat]).tocsr()


def _leader_clusters(vectors, terms: list[set[str]], threshold: float) -> list[list[int]]:
    """Greedy single-pass clustering: each sentence joins the first group whose leader it matches.

    Joining the leader (not any member) keeps chains of loosely similar sentences from merging
    into one vague group. Sentences of the same document never join each other's group unless
    they are near-identical (an article repeating itself).
    """
    leaders: list[int] = []
    clusters: list[list[int]] = []
    owner: dict[int, int] = {}
    similarity = (vectors @ vectors.T).tocsr()
    for i in range(vectors.shape[0]):
        row = similarity.getrow(i)
        best, best_score = None, threshold
        for j, score in zip(row.indices, row.data):
            if j >= i or j not in owner or owner[j] is None:
                continue
            cluster = owner[j]
            leader = leaders[cluster]
            if leader != j or score < best_score or len(terms[i] & terms[j]) < MIN_SHARED_TERMS:
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


def _bigram_support(flat: Sequence[Sentence]) -> dict[tuple[str, str], set[str]]:
    """Which documents use each word pair: phrasing other outlets share is phrasing that is right."""
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in flat:
        for pair in bigrams(s.text):
            support[pair].add(s.doc_id)
    return support


def _variant_score(
    s: Sentence, support: dict[tuple[str, str], set[str]], spun: tuple[str, ...]
) -> tuple[float, float, int]:
    pairs = bigrams(s.text)
    consensus = sum(len(support[p]) > 1 for p in pairs) / max(1, len(pairs))
    quality = -form_penalty(s.text) - (1.0 if s.doc_id in spun else 0.0)
    return (quality + consensus, -s.position, len(s.text))


def _shingles(text: str, n: int = 5) -> set[int]:
    """Hashes of the word n-grams of `text`: the fingerprint two copies of an article share."""
    tokens = words(text)
    return {hash(tuple(tokens[i : i + n])) for i in range(max(0, len(tokens) - n + 1))}
