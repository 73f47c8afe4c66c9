"""How well a night's articles are grouped into stories: `summarize eval-grouping DIR [--noise DIR]`.

From a folder of story folders (`<story>/docs/*.txt` or `<story>/*.txt`) it builds the flat,
shuffled feed a newsroom gets (neutral names, optionally hidden among articles of no story), groups
it with ours and with a plain TF-IDF average-link baseline, and scores both over the real articles.
Gold non-articles are fixed without our detector: a text printed in two or more stories, or one of
fewer than 50 words (the boilerplate Multi-News documents).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..types import RawDocument
from .grouping import GroupingOptions, body_terms, cluster, vectors
from .stories import split_non_articles

# The baseline's one parameter: average cosine similarity of a story's TF-IDF vectors, chosen by the
# same 5-fold cross-validation as ours (eval/tune_grouping.py).
BASELINE_THRESHOLD = 0.2
GOLD_MIN_WORDS = 50


@dataclass(frozen=True, slots=True)
class Item:
    doc: RawDocument
    story: str | None  # None: noise, an article of no story
    real: bool  # False for a gold non-article


@dataclass(frozen=True, slots=True)
class Scores:
    v_measure: float
    ari: float
    exact: int
    stories: int  # gold stories with at least one real article
    non_article_stories: int
    predicted_stories: int


def story_files(folder: Path) -> dict[str, list[Path]]:
    """Story name -> its article files."""
    found = {}
    for sub in sorted(p for p in Path(folder).iterdir() if p.is_dir() and not p.name.startswith(".")):
        docs = sub / "docs" if (sub / "docs").is_dir() else sub
        files = sorted(docs.glob("*.txt"))
        if files:
            found[sub.name] = files
    if not found:
        raise InputError(f"{folder}: no story folders (<story>/docs/*.txt or <story>/*.txt)")
    return found


def build_feed(stories: dict[str, list[Path]], noise: Sequence[Path] = (), seed: int = 0) -> list[Item]:
    """The shuffled flat feed under neutral ids (a00000, ...), each item with its gold story."""
    texts = {
        (name, p): p.read_text(encoding="utf-8", errors="replace") for name, files in stories.items() for p in files
    }
    # How many stories print each text: boilerplate is printed in several.
    shared = Counter(text for _, text in {(name, " ".join(t.split())) for (name, _), t in texts.items()})
    entries: list[tuple[str | None, str]] = [(name, text) for (name, _), text in texts.items()]
    entries += [(None, p.read_text(encoding="utf-8", errors="replace")) for p in noise]
    random.Random(seed).shuffle(entries)
    items = []
    for n, (name, text) in enumerate(entries):
        real = name is None or (shared[" ".join(text.split())] < 2 and len(text.split()) >= GOLD_MIN_WORDS)
        items.append(Item(RawDocument(f"a{n:05d}", Path(f"a{n:05d}.txt"), text, "utf-8"), name, real))
    return items


def read_noise(folder: Path | None) -> list[Path]:
    if folder is None:
        return []
    files = sorted(Path(folder).rglob("*.txt"))
    if not files:
        raise InputError(f"{folder}: no noise articles (*.txt) there")
    return files


def ours(items: Sequence[Item], options: GroupingOptions = GroupingOptions(), min_articles: int = 2) -> list[int]:
    """A story label per item (-1: in no story, or not an article)."""
    from ..pipeline.clean import clean_documents

    articles, _ = split_non_articles([i.doc for i in items])
    keep = {d.id for d in articles}
    index = [n for n, i in enumerate(items) if i.doc.id in keep]
    labels = np.full(len(items), -1)
    if index:
        labels[index] = cluster(vectors(clean_documents(articles), options), options)
    return _drop_small(labels, min_articles)


def baseline(items: Sequence[Item], threshold: float = BASELINE_THRESHOLD, min_articles: int = 2) -> list[int]:
    """TF-IDF over content terms, cosine, average link over every pair, cut at `threshold`."""
    from scipy.cluster.hierarchy import fcluster

    if len(items) < 2:
        return [-1] * len(items)
    labels = fcluster(baseline_linkage(items), t=1 - threshold, criterion="distance")
    return _drop_small(np.asarray(labels), min_articles)


def baseline_linkage(items: Sequence[Item]) -> np.ndarray:
    """The baseline's average-link tree over all pairs (memory grows with the square of the feed)."""
    from scipy.cluster.hierarchy import linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = TfidfVectorizer(analyzer=body_terms, sublinear_tf=True, dtype=np.float32).fit_transform(
        [i.doc.text for i in items]
    )
    n = rows.shape[0]
    distance = 1.0 - (rows @ rows.T).toarray()[np.triu_indices(n, 1)]
    return linkage(np.clip(distance, 0, 2), "average")


def _drop_small(labels: np.ndarray, min_articles: int) -> list[int]:
    sizes = Counter(int(x) for x in labels if x >= 0)
    return [int(x) if x >= 0 and sizes[int(x)] >= min_articles else -1 for x in labels]


def score(items: Sequence[Item], labels: Sequence[int], only: set[str] | None = None) -> Scores:
    """Scores over the real articles (of the stories in `only`, when given)."""
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    chosen = [n for n, i in enumerate(items) if i.story is not None and i.real and (only is None or i.story in only)]
    gold = [items[n].story for n in chosen]
    predicted = [labels[n] if labels[n] >= 0 else f"alone{n}" for n in chosen]
    members: dict[int, set[int]] = {}
    for n, label in enumerate(labels):
        if label >= 0:
            members.setdefault(label, set()).add(n)
    exact = 0
    for story in set(gold):
        real = {n for n in chosen if items[n].story == story}
        labels_of = {labels[n] for n in real}
        if len(real) == 1:
            exact += labels_of == {-1}
        elif len(labels_of) == 1 and -1 not in labels_of:
            exact += members[labels_of.pop()] == real
    junk = sum(sum(not items[n].real and items[n].story is not None for n in m) * 2 > len(m) for m in members.values())
    return Scores(
        v_measure_score(gold, [str(p) for p in predicted]),
        adjusted_rand_score(gold, [str(p) for p in predicted]),
        exact,
        len(set(gold)),
        junk,
        len(members),
    )
