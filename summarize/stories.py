"""Find the stories in a night's feed: one folder per story, or loose articles grouped by topic."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .clean import clean_documents
from .errors import InputError
from .files import safe_name
from .ingest import SUFFIXES, read_paths
from .textutil import content_terms
from .types import RawDocument

log = logging.getLogger(__name__)

# Articles whose title-weighted TF-IDF vectors are at least this similar (cosine, average link)
# are about one story. Tuned by eye on mixed evaluation clusters; see tests/test_nightly.py.
SAME_STORY = 0.2


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    docs: tuple[RawDocument, ...]


@dataclass(frozen=True, slots=True)
class Feed:
    stories: tuple[Story, ...]
    ungrouped: tuple[str, ...]  # loose articles no other article shares a story with


def read_feed(folder: Path, min_articles: int = 2, max_file_bytes: int = 5_000_000) -> Feed:
    """Each sub-folder with articles is a story; loose articles are grouped by similarity."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder" if not folder.exists() else f"{folder}: is a file")
    stories: list[Story] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(p for p in sub.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(sub).parts))
        docs = _read(files, sub, max_file_bytes)
        if docs:
            stories.append(Story(safe_name(sub.name), tuple(docs)))
    loose = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES
                   and not p.name.startswith("."))
    grouped, ungrouped = group_articles(_read(loose, folder, max_file_bytes), min_articles)
    stories.extend(grouped)
    if not stories:
        raise InputError(f"{folder}: no stories found (no story folders, and no {min_articles} related articles)")
    return Feed(tuple(_unique_ids(stories)), tuple(ungrouped))


def _read(files: Sequence[Path], root: Path, max_file_bytes: int) -> list[RawDocument]:
    return read_paths(list(files), root, max_file_bytes)


def group_articles(docs: Sequence[RawDocument], min_articles: int = 2) -> tuple[list[Story], list[str]]:
    """Cluster articles into stories (average-link over TF-IDF cosine, titles counted twice)."""
    if not docs:
        return [], []
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    cleaned = clean_documents(docs)
    # A page of nothing but chrome (a tweet prompt, a crawl notice) has no words to group by.
    blank = [d.id for d, c in zip(docs, cleaned) if not content_terms(f"{c.title or ''} {c.text}")]
    if blank:
        keep = [i for i, c in enumerate(cleaned) if content_terms(f"{c.title or ''} {c.text}")]
        stories, ungrouped = group_articles([docs[i] for i in keep], min_articles) if keep else ([], [])
        return stories, blank + ungrouped
    texts = [f"{d.title or ''} {d.title or ''} {d.text}" for d in cleaned]
    vectors = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, max_features=50_000).fit_transform(texts)
    if len(docs) == 1:
        labels = np.array([0])
    else:
        if vectors.shape[1] > 200:  # average link needs dense rows: reduce them first
            from sklearn.decomposition import TruncatedSVD
            from sklearn.preprocessing import normalize

            k = min(200, vectors.shape[0] - 1, vectors.shape[1] - 1)
            dense = normalize(TruncatedSVD(k, random_state=0).fit_transform(vectors)) if k > 1 else vectors.toarray()
        else:
            dense = vectors.toarray()
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - SAME_STORY
        ).fit_predict(dense)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    stories, ungrouped = [], []
    for indices in sorted(members.values(), key=lambda ix: ix[0]):
        if len(indices) < min_articles:
            ungrouped.extend(docs[i].id for i in indices)
            continue
        stories.append(Story(_story_id(cleaned[i].title or docs[i].id for i in indices), tuple(docs[i] for i in indices)))
    log.info("grouped %d loose articles into %d stories; %d left alone", len(docs), len(stories), len(ungrouped))
    return stories, ungrouped


def _story_id(titles) -> str:  # type: ignore[no-untyped-def]
    first = next(iter(titles))
    return safe_name(" ".join(first.split()[:8]).lower())


def _unique_ids(stories: list[Story]) -> list[Story]:
    seen: dict[str, int] = defaultdict(int)
    out = []
    for story in stories:
        seen[story.id] += 1
        out.append(story if seen[story.id] == 1 else Story(f"{story.id}-{seen[story.id]}", story.docs))
    return out
