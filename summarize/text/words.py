"""Word-level helpers shared by the stages that compare sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, wraps
from typing import TypeVar

import numpy as np

from .sparse import SparseRows
from .submodules import submodule

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = submodule("nltk.stem.porter").PorterStemmer()
ENGLISH_STOP_WORDS: frozenset[str] = submodule("sklearn.feature_extraction._stop_words").ENGLISH_STOP_WORDS


_T = TypeVar("_T")
# Texts up to this long are sentences; longer ones (whole articles) are read but not remembered.
_SENTENCE_CHARS = 1_000


def per_sentence(read: Callable[[str], _T]) -> Callable[[str], _T]:
    """`read`, remembered for each of a story's sentences (as many as a story may have): cleaning,
    segmentation, deduplication, ranking and selection each ask the same questions of them, and
    a long article holds tens of thousands (issue 28)."""
    remembered = lru_cache(maxsize=50_000)(read)

    @wraps(read)
    def reader(text: str) -> _T:
        return read(text) if len(text) > _SENTENCE_CHARS else remembered(text)

    return reader


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes kept inside words."""
    return list(_words(text))


@per_sentence
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def ends_sentence(text: str) -> bool:
    """Does `text` end as a sentence does: a full stop, "!" or "?", then closing quotes?"""
    return bool(_SENTENCE_END.search(text))


def count_words(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stem(word.replace("’", "'"))


@lru_cache(maxsize=500_000)
def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed words that carry meaning: stop words and bare numbers dropped.

    Cached: every stage compares the same sentences, and stemming dominates their cost.
    """
    return tuple(stem(w) for w in words(text) if w not in ENGLISH_STOP_WORDS and not w.isdigit())


def bigrams(text: str) -> set[tuple[str, str]]:
    tokens = words(text)
    return set(zip(tokens, tokens[1:]))


def tfidf(texts: Sequence[str], extra: Sequence[str] = (), smooth_idf: bool = True) -> tuple[SparseRows, SparseRows]:
    """TF-IDF rows of `texts` over their content terms (and rows of `extra` in the same space):
    scikit-learn's `TfidfVectorizer(analyzer=content_terms, sublinear_tf=True)`, value for value.

    Written out because importing scikit-learn imports scipy.stats, and the two took longer than a
    whole brief of the seeds (issue 28). Terms are numbered in order of first appearance and
    rows summed in that order, as scikit-learn does, so that every similarity is the same float.
    Text made only of stop words or punctuation has no terms; its rows are all zero rather
    than an error, so a story of fragments still goes through.
    """
    seen: dict[str, int] = {}
    counts = _counts(texts, seen, grow=True)
    if not seen:
        return SparseRows.empty(len(texts), 1), SparseRows.empty(len(extra), 1)
    order = sorted(seen, key=seen.__getitem__)
    alphabetical = np.empty(len(order), dtype=np.int64)  # appearance number -> column
    alphabetical[np.argsort(np.array(order, dtype=object), kind="stable")] = np.arange(len(order))
    counts = replace(counts, indices=alphabetical[counts.indices])
    df = np.bincount(counts.indices, minlength=len(order)).astype(np.float64)
    n = float(len(texts))
    idf = np.log((n + smooth_idf) / (df + smooth_idf)) + 1.0
    rows = _weighted(counts, idf)
    if not extra:
        return rows, SparseRows.empty(0, rows.shape[1])
    columns = {term: int(alphabetical[k]) for term, k in seen.items()}
    other = _counts(extra, columns, grow=False)
    return rows, _weighted(other, idf)


def _counts(texts: Sequence[str], vocabulary: dict[str, int], grow: bool) -> SparseRows:
    """Term counts, one row per text, columns numbered by `vocabulary` (grown when `grow`), each
    row's columns in increasing order."""
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for term in content_terms(text):
            k = vocabulary.get(term)
            if k is None:
                if not grow:
                    continue
                k = vocabulary[term] = len(vocabulary)
            row[k] = row.get(k, 0) + 1
        for k in sorted(row):
            indices.append(k)
            values.append(row[k])
        indptr.append(len(indices))
    width = max(len(vocabulary), 1)
    return SparseRows(
        np.array(indptr, dtype=np.int64),
        np.array(indices, dtype=np.int64),
        np.array(values, dtype=np.float64),
        (len(texts), width),
    )


def _weighted(counts: SparseRows, idf: np.ndarray) -> SparseRows:
    """Sublinear term frequency times idf, each row scaled to unit length."""
    data = (np.log(counts.data) + 1.0) * idf[counts.indices]
    starts, lengths = counts.indptr[:-1], np.diff(counts.indptr)
    norm = np.zeros(counts.shape[0])
    for k in range(int(lengths.max(initial=0))):  # term by term: each row summed in order
        rows = np.flatnonzero(lengths > k)
        norm[rows] += data[starts[rows] + k] ** 2
    scale = np.repeat(np.sqrt(norm), lengths)
    return replace(counts, data=np.divide(data, scale, out=data, where=scale > 0))
