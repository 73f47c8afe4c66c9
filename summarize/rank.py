"""Score sentence groups for salience and pick a non-redundant set that fits the word budget."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np

from .options import Options, Weights
from .quality import attributed, dangling, form_flaws, instruction_like, opinion
from .textutil import count_words, tfidf
from .types import ScoredGroup, SentenceGroup

# Two picked sentences more alike than this (TF-IDF cosine) would tell the reader one thing twice.
REDUNDANT = 0.5
# Shorter "sentences" are headlines, captions and fragments, not brief material; a one-line
# budget lowers the bar to a quarter of the budget.
MIN_WORDS = 7
# Past the lower word bound, only add sentences at least this relevant: no filler to reach the top.
FILL_RELEVANCE = 0.5
CANDIDATES = 400  # the best-scored groups that selection considers
# A flaw that most sentences of a story share is the story's style (tokenised review text in
# lower case, say), not a defect of the few: it is then not held against anyone.
STYLE_SHARE = 0.4
# News attributes: in a story where fewer sentences than this say who said them, attribution
# is not the register and earns proportionally less.
NEWS_ATTRIBUTION_SHARE = 0.15
# Below this share of attributed sentences a story is not news, and sentence position (the
# lead) says nothing about importance.
NEWS_SHARE_FOR_LEAD = 0.05


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
    # Unsmoothed IDF: inside one story, a word that every sentence uses tells them apart not at all.
    # The story's centroid sums every sentence of every article, so a fact told by many outlets,
    # in whatever words, pulls harder than one told once. (Tuned: eval/tune.py on multinews-dev.)
    vectors, members = tfidf(texts, [m.text for g in groups for m in g.members], smooth_idf=False)
    centroid = np.asarray(members.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = np.asarray(vectors @ (centroid / norm)).ravel() if norm else np.zeros(len(groups))
    flaws = [form_flaws(t) for t in texts]  # computed once: the style and each score use them
    story = _StoryStyle.of(texts, flaws)
    max_members = max(len(g.members) for g in groups)
    scored = []
    for g, central, flawed in zip(groups, centrality, flaws):
        form = -sum(v for k, v in flawed.items() if k not in story.common_flaws)
        features = _features(g, float(central), form, n_docs, max_members, spun_documents, story)
        total = sum(getattr(weights, name) * value for name, value in features)
        scored.append(ScoredGroup(g, total, features))
    return scored, vectors


class _StoryStyle:
    """What is normal in this story, so that signals measure departures from it."""

    def __init__(self, common_flaws: set[str], share: float, median_words: float) -> None:
        self.common_flaws = common_flaws
        self.attribution = min(1.0, share / NEWS_ATTRIBUTION_SHARE)
        self.newsiness = min(1.0, share / NEWS_SHARE_FOR_LEAD)
        self.median_words = median_words

    @classmethod
    def of(cls, texts: Sequence[str], flaws: Sequence[dict[str, float]]) -> _StoryStyle:
        common = {k for k in flaws[0] if sum(f[k] > 0 for f in flaws) > STYLE_SHARE * len(texts)}
        share = sum(attributed(t) for t in texts) / len(texts)
        return cls(common, share, statistics.median(count_words(t) for t in texts))


def _features(
    g: SentenceGroup,
    central: float,
    form: float,
    n_docs: int,
    max_members: int,
    spun_documents: Sequence[str],
    story: _StoryStyle,
) -> tuple[tuple[str, float], ...]:
    text = g.representative.text
    n_words = count_words(text)
    short = n_words < 10 and story.median_words >= 12  # a fragment, where sentences run longer
    # In reviews "It" is the product; only in news does an opening pronoun leave the reader lost.
    neutral = 0.3 * attributed(text) * story.attribution - 0.3 * dangling(text) * story.newsiness
    neutral -= 0.5 * max(short * story.newsiness, n_words > 55)
    # Outlets carrying the fact; in a single document, the sentences repeating it.
    support = (
        (len(g.doc_ids) - 1) / (n_docs - 1) if n_docs > 1 else (len(g.members) - 1) / max(1, max_members - 1)
    )
    return (
        ("centrality", central),
        ("support", support),
        # News puts the essentials first; reviews and posts do not, and rarely attribute.
        ("lead", story.newsiness * max(1.0 - m.position for m in g.members) ** 2),
        ("neutrality", neutral),
        ("opinion", -opinion(text)),
        ("form", form),
        ("spun", -1.0 if all(d in spun_documents for d in g.doc_ids) else 0.0),
    )


def select(scored: Sequence[ScoredGroup], vectors, options: Options) -> list[ScoredGroup]:
    """Maximal marginal relevance under a word budget; the result is in reading order."""
    low, high = options.word_range()
    if not scored:
        return []
    min_words = max(3, min(MIN_WORDS, high // 4))
    # Only the best candidates can make a brief of a few hundred words; comparing all pairs of
    # a 10,000-article feed's sentences would not fit in memory.
    # Sentences that can never fit (a spam article's 1,000-word run-ons) must not take the places.
    fits = [i for i, s in enumerate(scored) if min_words <= count_words(s.group.representative.text) <= high]
    top = sorted(fits, key=lambda i: -scored[i].score)[:CANDIDATES]
    if not top:
        return []
    scored = [scored[i] for i in top]
    vectors = vectors[top]
    scores = np.array([s.score for s in scored])
    spread = scores.max() - scores.min()
    relevance = (scores - scores.min()) / spread if spread else np.ones_like(scores)
    similarity = (vectors @ vectors.T).toarray()
    lengths = [count_words(s.group.representative.text) for s in scored]
    blocked = [instruction_like(s.group.representative.text) for s in scored]
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(scored)))
    while remaining and used < high:
        best, best_value = None, -np.inf
        for i in remaining:
            if lengths[i] < min_words or used + lengths[i] > high or blocked[i]:
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
        used += lengths[best]
        remaining.discard(best)
    return sorted((scored[i] for i in chosen), key=_reading_order)


def _reading_order(s: ScoredGroup) -> tuple[float, float]:
    return (min(m.position for m in s.group.members), -s.score)
