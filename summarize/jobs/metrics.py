"""Measure an extractive and an abstractive brief of one story side by side."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..editing.subjectivity import judging_words
from ..pipeline.cite import MIN_SUPPORT
from ..text.quality import EVALUATIVE
from ..text.words import content_terms, words
from ..types import Brief, Document

# Loaded words a neutral brief should not use in its own voice (quotes are the sources' voice).
LOADED = re.compile(
    r"\b(slammed|blasted|lashed out|shocking|stunning|disastrous|outrageous|shameful|radical|"
    r"extremist|regime|thug|heroic|brilliant|catastrophic|humiliating|triumph|crushing|"
    r"finally|unfortunately|fortunately|sadly|clearly|obviously|notorious|so-called|admitted|"
    r"claimed|caved|bombshell|furious|massive|huge|incredible|amazing|terrible|disgraceful)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


@dataclass(frozen=True, slots=True)
class BriefMetrics:
    words: int
    sentences: int
    seconds: dict[str, float]
    novel_unigrams: float  # share of the brief's words found in no source
    novel_bigrams: float
    novel_sentences: float  # share of sentences that appear in no source word for word
    supported: float  # share of sentences whose cited sources support them
    mean_support: float
    dropped_unsupported: int
    marked_unsupported: int
    outlets_cited: int
    outlets_total: int
    never_cited: tuple[str, ...]
    redundancy: float  # the largest content-word overlap (Jaccard) between two sentences
    loaded_words: tuple[str, ...]  # evaluative or loaded words outside quotation marks
    rouge: dict[str, float] = field(default_factory=dict)


def measure(brief: Brief, docs: Sequence[Document], refs: Sequence[str] = ()) -> BriefMetrics:
    texts = [s.text for s in brief.sentences]
    sources = [d.text for d in docs]
    cited = {c for s in brief.sentences for c in s.citations}
    rouge: dict[str, float] = {}
    if refs:
        from .evaluate import Scorer

        rouge = Scorer().score(texts, refs)
    return BriefMetrics(
        words=sum(len(t.split()) for t in texts),
        sentences=len(texts),
        seconds=dict(brief.stats.get("timings_s", {})),
        novel_unigrams=novel_ngrams(texts, sources, 1),
        novel_bigrams=novel_ngrams(texts, sources, 2),
        novel_sentences=novel_sentences(texts, sources),
        supported=(sum(s.supported and s.support >= MIN_SUPPORT for s in brief.sentences) / len(texts))
        if texts
        else 0.0,
        mean_support=statistics.fmean(s.support for s in brief.sentences) if texts else 0.0,
        dropped_unsupported=int(brief.stats.get("abstractive", {}).get("dropped_unsupported", 0)),
        marked_unsupported=sum(not s.supported for s in brief.sentences),
        outlets_cited=len(cited),
        outlets_total=len(docs),
        never_cited=tuple(sorted(d.id for d in docs if d.id not in cited)),
        redundancy=redundancy(texts),
        loaded_words=loaded_words(" ".join(texts)),
        rouge=rouge,
    )


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def novel_ngrams(sentences: Sequence[str], sources: Sequence[str], n: int) -> float:
    """Share of the brief's word n-grams that no source contains."""
    grams = [g for s in sentences for g in _ngrams(words(s), n)]
    if not grams:
        return 0.0
    known = {g for text in sources for g in _ngrams(words(text), n)}
    return sum(g not in known for g in grams) / len(grams)


def novel_sentences(sentences: Sequence[str], sources: Sequence[str]) -> float:
    """Share of sentences found in no source word for word (spacing aside)."""
    if not sentences:
        return 0.0
    haystack = [" ".join(text.split()) for text in sources]
    return sum(not any(" ".join(s.split()) in h for h in haystack) for s in sentences) / len(sentences)


def redundancy(sentences: Sequence[str]) -> float:
    """The largest content-word Jaccard overlap between two sentences of the brief (0 = none)."""
    sets = [set(content_terms(s)) for s in sentences]
    pairs = [len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2) if a | b]
    return max(pairs, default=0.0)


def loaded_words(text: str) -> tuple[str, ...]:
    """Evaluative or loaded words the brief uses in its own voice, outside quotation marks."""
    own = _QUOTED.sub(" ", text)
    found = [m.group(0).lower() for m in LOADED.finditer(own)]
    found += [m.group(0).lower() for m in EVALUATIVE.finditer(own)]
    found += list(judging_words(text))  # the subjectivity lexicon's judgements (editing/subjectivity.py)
    return tuple(sorted(set(found)))
