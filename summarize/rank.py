"""Score sentence groups for salience and pick a non-redundant set that fits the word budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .options import Options, Weights
from .quality import form_penalty, neutrality, opinion
from .textutil import content_terms, count_words
from .types import ScoredGroup, SentenceGroup

# Two picked sentences more alike than this (TF-IDF cosine) would tell the reader one thing twice.
REDUNDANT = 0.45
MIN_WORDS = 7  # shorter "sentences" are headlines, captions and fragments, not brief material
# Past the lower word bound, only add sentences at least this relevant: no filler to reach the top.
FILL_RELEVANCE = 0.5


def score_groups(
    groups: Sequence[SentenceGroup],
    n_docs: int,
    spun_documents: Sequence[str] = (),
    weights: Weights = Weights(),
) -> tuple[list[ScoredGroup], np.ndarray]:
    """Each group with its salience score, and the groups' normalised TF-IDF vectors."""
    if not groups:
        return [], np.zeros((0, 0))
    texts = [g.representative.text for g in groups]
    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True)
    vectors = vectorizer.fit_transform(texts)
    # The centroid weighs each group by how many sentences said it, so repeated facts pull harder.
    sizes = np.array([len(g.members) for g in groups], dtype=float)
    centroid = np.asarray(vectors.multiply(sizes[:, None]).sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = vectors @ (centroid / norm) if norm else np.zeros(len(groups))
    counts = Counter(t for g in groups for m in g.members for t in content_terms(m.text))
    top = max(counts.values(), default=1)
    scored = []
    for g, central in zip(groups, np.asarray(centrality).ravel()):
        terms = content_terms(g.representative.text)
        frequency = sum(counts[t] for t in terms) / (top * len(terms)) if terms else 0.0
        features = _features(g, float(central), frequency, n_docs, spun_documents)
        total = sum(getattr(weights, name) * value for name, value in features)
        scored.append(ScoredGroup(g, total, features))
    return scored, vectors


def _features(
    g: SentenceGroup, central: float, frequency: float, n_docs: int, spun_documents: Sequence[str]
) -> tuple[tuple[str, float], ...]:
    text = g.representative.text
    n_words = count_words(text)
    length = 0.0 if 10 <= n_words <= 55 else -0.5
    return (
        ("centrality", central),
        ("frequency", frequency),
        ("support", (len(g.doc_ids) - 1) / max(1, n_docs - 1)),
        ("lead", max(1.0 - m.position for m in g.members) ** 2),
        ("neutrality", neutrality(text) + length),
        ("opinion", -opinion(text)),
        ("form", -form_penalty(text)),
        ("spun", -1.0 if all(d in spun_documents for d in g.doc_ids) else 0.0),
    )


def select(
    scored: Sequence[ScoredGroup], vectors, options: Options
) -> list[ScoredGroup]:
    """Maximal marginal relevance under a word budget; the result is in reading order."""
    low, high = options.word_range()
    if not scored:
        return []
    scores = np.array([s.score for s in scored])
    spread = scores.max() - scores.min()
    relevance = (scores - scores.min()) / spread if spread else np.ones_like(scores)
    similarity = (vectors @ vectors.T).toarray() if hasattr(vectors, "toarray") else vectors @ vectors.T
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(scored)))
    while remaining and used < high:
        best, best_value = None, -np.inf
        for i in remaining:
            n = count_words(scored[i].group.representative.text)
            if n < MIN_WORDS or used + n > high:
                continue
            if used >= low and relevance[i] < FILL_RELEVANCE:
                continue
            overlap = max((similarity[i, j] for j in chosen), default=0.0)
            if overlap >= REDUNDANT:
                continue
            value = options.mmr_lambda * relevance[i] - (1 - options.mmr_lambda) * overlap
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        used += count_words(scored[best].group.representative.text)
        remaining.discard(best)
    return sorted((scored[i] for i in chosen), key=_reading_order)


def _reading_order(s: ScoredGroup) -> tuple[float, float]:
    return (min(m.position for m in s.group.members), -s.score)
