"""Score sentence groups for salience: how central, supported, early, neutral and well-formed each is.

The score is one term of the selection objective (`select.py`), and the order in which the
abstractive mode packs sentences into its prompt.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np

from ..options import Weights
from ..text.quality import attributed, dangling, form_flaws, opinion
from ..text.sparse import SparseRows
from ..text.words import count_words, tfidf
from ..types import ScoredGroup, SentenceGroup

# Two picked sentences more alike than this (TF-IDF cosine) would tell the reader one thing twice.
REDUNDANT = 0.5
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
) -> tuple[list[ScoredGroup], SparseRows]:
    """Each group with its salience score, and the groups' normalised TF-IDF vectors."""
    if not groups:
        return [], SparseRows.empty(0, 0)
    texts = [g.representative.text for g in groups]
    # Unsmoothed IDF: inside one story, a word that every sentence uses tells them apart not at all.
    # The story's centroid sums every sentence of every article, so a fact told by many outlets,
    # in whatever words, pulls harder than one told once. (Tuned: eval/tune.py on multinews-dev.)
    vectors, members = tfidf(texts, [m.text for g in groups for m in g.members], smooth_idf=False)
    centroid = members.column_sums()
    norm = np.linalg.norm(centroid)
    centrality = vectors.dot(centroid / norm) if norm else np.zeros(len(groups))
    flaws = [form_flaws(t) for t in texts]  # computed once: the style and each score use them
    story = StoryStyle.of(texts, flaws)
    max_members = max(len(g.members) for g in groups)
    scored = []
    for g, central, flawed in zip(groups, centrality, flaws):
        form = -sum(v for k, v in flawed.items() if k not in story.common_flaws)
        features = _features(g, float(central), form, n_docs, max_members, spun_documents, story)
        total = sum(getattr(weights, name) * value for name, value in features)
        scored.append(ScoredGroup(g, total, features))
    return scored, vectors


class StoryStyle:
    """What is normal in this story, so that signals measure departures from it."""

    def __init__(self, common_flaws: set[str], share: float, median_words: float) -> None:
        self.common_flaws = common_flaws
        self.attribution = min(1.0, share / NEWS_ATTRIBUTION_SHARE)
        self.newsiness = min(1.0, share / NEWS_SHARE_FOR_LEAD)
        self.median_words = median_words

    @classmethod
    def of(cls, texts: Sequence[str], flaws: Sequence[dict[str, float]]) -> StoryStyle:
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
    story: StoryStyle,
) -> tuple[tuple[str, float], ...]:
    text = g.representative.text
    n_words = count_words(text)
    short = n_words < 10 and story.median_words >= 12  # a fragment, where sentences run longer
    # In reviews "It" is the product; only in news does an opening pronoun leave the reader lost.
    neutral = 0.3 * attributed(text) * story.attribution - 0.3 * dangling(text) * story.newsiness
    neutral -= 0.5 * max(short * story.newsiness, n_words > 55)
    # Outlets carrying the fact; in a single document, the sentences repeating it.
    support = (len(g.doc_ids) - 1) / (n_docs - 1) if n_docs > 1 else (len(g.members) - 1) / max(1, max_members - 1)
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
