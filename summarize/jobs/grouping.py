"""Group a night's articles into stories: sparse TF-IDF, a k-nearest-neighbour graph, average link.

Why this shape. Articles of one story share rare words, names and phrases; articles of different
stories share common words. So each article is a sparse vector of its content words and of the pairs
of content words that stand side by side ("jim carrey", "wartime contracting"), weighted by TF-IDF
with the IDF squared, and never squeezed into a dense space where everything ends up near
everything. Candidate pairs come from each article's `neighbours` nearest articles, found through an
inverted index of the terms that few articles share (`candidate_graph`: linear in the night, not
its square), kept when at least `threshold` alike, so the graph has at most n * neighbours edges
however big the night is. Its connected components can chain (A~B~C with A and C unrelated),
so inside each component scipy's average-link clustering is cut at the same `threshold`: a story's
members are, on average, that alike, and one bridge article cannot join two stories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix, diags, hstack
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..text.words import stem, words
from ..types import Document


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """One tuned parameter, `threshold`, chosen by 5-fold cross-validation over stories
    (eval/tune_grouping.py; held-out figures in docs/evaluation/grouping.md). The others are fixed for
    the reason given beside each: tuned as well, the folds disagreed on them and held-out stories paid."""

    # Average cosine similarity the members of one story reach. Lower merges stories, higher splits them.
    # One setting for a night of any size (tune_grouping.py --joint): 0.15 in every one of 30 folds
    # (six fold splits) with the lead fixed; 0.15 on all 50 Multi-News stories.
    threshold: float = 0.15
    # Extra weight of the headline's terms. Fixed at 0: the body block already holds the headline once, a
    # headline is a handful of words (weighted up, one shared word such as a name makes two stories
    # alike), and many feeds carry no headline of their own. 0.5 changed no held-out story.
    title_weight: float = 0.0
    # Extra weight of named entities (capitalised names). Fixed at 0: names are already body terms that
    # IDF weights by their rarity; a second block counts them twice and pulls two stories about one
    # person together (tests: "Jordan"). 0.5 lost held-out stories in every feed.
    entity_weight: float = 0.0
    # Words of each article's body read (0: all). News tells the story first (the inverted pyramid);
    # read whole, long features drift into background that other stories share. Fixed at 300, no longer
    # tuned: when the folds chose it with the threshold (among 300, a 600-word wire report and the whole
    # article), every held-out story that mixed two real stories came from a fold that chose 600 words
    # or the whole article at 0.175 (a Trump profile read whole joined the Trump-Nordstrom story), in
    # one to two of five folds of every split among 1,000 others; fixed at 300, none in 18 cells of six
    # splits. 300 is also what every search chose on all 50 stories, and it halves a big night's terms.
    lead_words: int = 300
    # Terms: content words and the pairs of neighbouring content words (`story_terms`), weighted by
    # TF-IDF with the IDF squared (`_tfidf`). Both fixed, not tuned: each was a single change tried on
    # these stories, so README "Grouping" reports all four combinations held out, and the result when
    # the folds choose among them as well. Both off, the terms are the previous round's.
    word_pairs: bool = True
    idf_squared: bool = True
    # Candidate neighbours per article. Not tuned: it bounds memory (n * neighbours edges) and any
    # story's articles stay connected through their members' nearest neighbours.
    neighbours: int = 20
    # Components larger than this are cut at a stricter threshold first (memory of average link).
    max_component: int = 3000


# Capitalised words and runs of them: "Barack Obama", "New York", "NASA".
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_SENTENCE_START = re.compile(r"(^|[.!?:;\"“”‘’\n]\s*)$")


def body_terms(text: str) -> list[str]:
    """Stemmed content words (stop words and numbers out); stems are cached, whole texts are not."""
    return [stem(w) for w in words(text) if w not in ENGLISH_STOP_WORDS and not w.isdigit()]


def story_terms(text: str) -> list[str]:
    """Content words and each pair of neighbouring content words ("jim_carrey").

    Two stories on one topic share its words (contract, waste, government); two articles of one story
    also share its phrases and names. Pairs also keep the scale of similarities steady as the night
    grows: with words alone the best thresholds moved from 0.175-0.2 (the night alone) to 0.2-0.225
    (among 10,000 other articles)."""
    terms = body_terms(text)
    return terms + [f"{a}_{b}" for a, b in zip(terms, terms[1:])]


def entities(text: str) -> list[str]:
    """Names in `text` as single lower-cased tokens ("barack_obama"), stop words dropped."""
    found = []
    for match in _NAME.finditer(text):
        if " " not in match.group(0) and _SENTENCE_START.search(text, max(0, match.start() - 3), match.start()):
            continue  # one capitalised word opening a sentence is not a name
        name = "_".join(w for w in match.group(0).lower().split() if w not in ENGLISH_STOP_WORDS)
        if name:
            found.append(name)
    return found


def vectors(docs: Sequence[Document], options: GroupingOptions) -> csr_matrix:
    """One unit-length row per article: body, headline and entity blocks, weighted."""
    bodies = [d.text if not options.lead_words else " ".join(d.text.split()[: options.lead_words]) for d in docs]
    terms = story_terms if options.word_pairs else body_terms
    power = 2 if options.idf_squared else 1
    blocks = [_tfidf([f"{d.title or ''}\n{body}" for d, body in zip(docs, bodies)], terms, power)]
    if options.title_weight > 0:
        blocks.append(options.title_weight * _tfidf([d.title or "" for d in docs], terms, power))
    if options.entity_weight > 0:
        texts = [f"{d.title or ''}\n{b}" for d, b in zip(docs, bodies)]
        blocks.append(options.entity_weight * _tfidf(texts, entities, power))
    return normalize(hstack(blocks).tocsr())


def _tfidf(texts: list[str], analyzer, idf_power: int = 2) -> csr_matrix:  # type: ignore[no-untyped-def]
    # min_df=2: a term only one article of the night has cannot link it to another; it only
    # lengthens that article's vector and so lowers all of its similarities.
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float32, min_df=min(2, len(texts)))
    try:
        rows = vectorizer.fit_transform(texts)
    except ValueError:  # no terms at all ("empty vocabulary"): the block adds nothing
        return csr_matrix((len(texts), 1), dtype=np.float32)
    # The IDF once more (IDF squared): a term shared by two articles then counts by how rare it is
    # twice over, so a story's rare names and phrases outweigh the topic words of its neighbours.
    # Plain IDF put two stories on one topic ("war contracting waste", "the healthcare.gov
    # contractor") nearly as close as the least alike articles of one story (0.16 against 0.21);
    # README "Grouping a night's articles" has the measurements.
    return normalize(rows @ diags(vectorizer.idf_.astype(np.float32) ** (idf_power - 1)))


def cluster(rows: csr_matrix, options: GroupingOptions, graph: csr_matrix | None = None) -> np.ndarray:
    """A story label per row; see the module docstring. `graph`: a candidate graph built at a lower threshold."""
    n = rows.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    if graph is None:
        graph = candidate_graph(rows, options.neighbours, options.threshold)
    else:  # reused across thresholds (tuning): keep the pairs alike enough for this one
        graph = graph.copy()
        graph.data[graph.data < options.threshold] = 0.0
        graph.eliminate_zeros()
    labels = np.full(n, -1, dtype=int)
    _label_components(rows, graph, np.arange(n), options.threshold, options, labels)
    return labels


# Candidates are proposed by each article's TERMS heaviest terms among those at most COMMON articles
# of the night hold, so an article proposes at most TERMS * COMMON pairs (see candidate_graph). Both
# fixed before any grouping score, not tuned: measured against comparing every pair on the 10,000- and
# 50,000-article benchmark nights, they find every pair of one story's articles.
COMMON = 200
TERMS = 10
# Proposed pairs scored at once: bounds the memory of a block (about 16 bytes a pair).
BLOCK_PAIRS = 4_000_000


def candidate_graph(
    rows: csr_matrix, neighbours: int, threshold: float, common: int = COMMON, terms: int = TERMS
) -> csr_matrix:
    """Symmetric graph of each row's `neighbours` most alike rows that are at least `threshold` alike.

    Candidates come from an inverted index (the sparse product of the rows, read in blocks): each
    article's `terms` heaviest terms among those at most `common` articles of the night hold propose
    the articles that share them; the best 2 * `neighbours` proposals of each article are then scored
    on all their terms. An article proposes at most `terms` * `common` pairs, so the work is linear
    in the night. Comparing every pair grew with its square (7.7 s at 10,000 articles, about 100 s at
    50,000). Indexes from packages were measured first on the same nights and were slower:
    datasketch's MinHash LSH took 7.5x the exact search at 10,000 articles, pynndescent 81 s and
    nmslib 170 s, since each of their proposals must be scored on the sparse vectors again. A story's
    articles share rare names and phrases, which IDF squared weighs most, so they propose each other;
    common words only add to a pair's score."""
    n = rows.shape[0]
    rows = rows.tocsr()
    df = np.bincount(rows.indices, minlength=rows.shape[1])
    row_of = np.repeat(np.arange(n), np.diff(rows.indptr))
    rare = df[rows.indices] <= common
    postings = _entries(rows, rare).T.tocsr()  # term -> the articles that hold it: the inverted index
    # Each article proposes from its `terms` heaviest rare terms (the rarest: IDF squared weighs them most).
    i, j, v = _top(row_of[rare], rows.indices[rare], rows.data[rare], terms)
    proposing = csr_matrix((v, (i, j)), shape=rows.shape)
    # Pairs each row proposes: the night is read in blocks of about BLOCK_PAIRS of them (bounded memory).
    proposed = np.cumsum(np.bincount(i, df[j], n))
    pairs_i, pairs_j = [], []
    start = 0
    while start < n:
        done = proposed[start - 1] if start else 0.0
        end = max(start + 1, int(np.searchsorted(proposed, done + BLOCK_PAIRS, side="right")))
        block = (proposing[start:end] @ postings).tocoo()
        bi, bj, bv = block.row.astype(np.int64) + start, block.col.astype(np.int64), block.data
        other = bi != bj
        bi, bj, _ = _top(bi[other], bj[other], bv[other], 2 * neighbours)
        pairs_i.append(bi)
        pairs_j.append(bj)
        start = end
    i, j = np.concatenate(pairs_i), np.concatenate(pairs_j)
    i, j, v = _top(i, j, _row_dots(rows, i, j), neighbours)  # each candidate scored on all its terms
    keep = v >= threshold
    graph = csr_matrix((v[keep].astype(np.float32), (i[keep], j[keep])), shape=(n, n))
    return graph.maximum(graph.T).tocsr()


def _entries(rows: csr_matrix, mask: np.ndarray) -> csr_matrix:
    """The rows with only the entries where `mask` holds (same shape)."""
    kept = rows.copy()
    kept.data = np.where(mask, kept.data, 0).astype(kept.data.dtype)
    kept.eliminate_zeros()
    return kept


def _top(i: np.ndarray, j: np.ndarray, v: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The `k` highest-scored pairs of each row i (ties: the lower j first)."""
    order = np.lexsort((j, -v, i))
    i, j, v = i[order], j[order], v[order]
    first = np.searchsorted(i, i, side="left")
    keep = np.arange(len(i)) - first < k
    return i[keep], j[keep], v[keep]


def _row_dots(rows: csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """rows[i[p]] . rows[j[p]] for every p, in chunks (bounded memory)."""
    out = np.zeros(len(i), dtype=np.float64)
    for a in range(0, len(i), chunk):
        b = a + chunk
        out[a:b] = np.asarray(rows[i[a:b]].multiply(rows[j[a:b]]).sum(axis=1)).ravel()
    return out


def _label_components(
    rows: csr_matrix,
    graph: csr_matrix,
    index: np.ndarray,
    threshold: float,
    options: GroupingOptions,
    labels: np.ndarray,
) -> None:
    count, component = connected_components(graph, directed=False)
    # Members of each component from one sort: a scan of the night per component is quadratic.
    order = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[order], np.arange(count + 1))
    start = labels.max() + 1
    for c in range(count):
        members = order[bounds[c] : bounds[c + 1]]
        if len(members) == 1:  # most articles of a big night: no rows to slice, no linkage to build
            labels[index[members]] = start
            start += 1
            continue
        if len(members) > options.max_component:
            sub = graph[members][:, members].tocsr()
            sub.data[sub.data < threshold + 0.05] = 0.0
            sub.eliminate_zeros()
            _label_components(rows, sub, index[members], threshold + 0.05, options, labels)
            start = labels.max() + 1
            continue
        found = _average_link(rows[index[members]], options.threshold)
        labels[index[members]] = start + found
        start += found.max() + 1


def _average_link(rows: csr_matrix, threshold: float) -> np.ndarray:
    """0-based labels from scipy's average link over cosine distances, cut at `threshold` similarity."""
    m = rows.shape[0]
    if m == 1:
        return np.zeros(1, dtype=int)
    similarity = (rows @ rows.T).toarray()
    distance = np.clip(1.0 - similarity[np.triu_indices(m, 1)], 0.0, 2.0)
    return fcluster(linkage(distance, method="average"), t=1.0 - threshold, criterion="distance") - 1
