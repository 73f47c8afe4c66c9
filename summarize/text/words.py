"""Word-level helpers shared by the stages that compare sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .nltk_parts import nltk_module

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = nltk_module("nltk.stem.porter").PorterStemmer()


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes kept inside words."""
    return _WORD.findall(text.lower())


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


def tfidf(texts: Sequence[str], extra: Sequence[str] = (), **settings):  # type: ignore[no-untyped-def]
    """TF-IDF rows of `texts` over their content terms (and rows of `extra` in the same space).

    Text made only of stop words or punctuation has no terms; its rows are all zero rather
    than an error, so a story of fragments still goes through.
    """
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, **settings)
    try:
        rows = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # "empty vocabulary"
        return csr_matrix((len(texts), 1)), csr_matrix((len(extra), 1))
    return rows, vectorizer.transform(extra).tocsr() if extra else csr_matrix((0, rows.shape[1]))
