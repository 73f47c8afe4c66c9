"""Abstractive fusion: a model rewrites the ranked sentences into one brief; citations are then
computed by aligning each sentence it wrote back to the sources, and unsupported ones go."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models.checkpoint import Generator
from ..models.prompting import pack, render_prompt
from ..options import Options, Unsupported
from ..text.sparse import SparseRows
from ..text.words import content_terms, count_words, ends_sentence
from ..types import BriefSentence, ScoredGroup, SentenceGroup
from .cite import MIN_SUPPORT, align, most_complete
from .rank import REDUNDANT
from .segment import split_text

EMBEDDED_GROUPS = 600  # the best-scored groups a generated sentence is compared with in meaning
TOKENS_PER_WORD = 1.6  # generous: a brief must not be cut short by the token budget
SOURCE_WORDS_PER_BRIEF_WORD = 6  # cap on packed source text, so CPU runs stay in seconds
_LEADING_LABEL = re.compile(r"^\s*(brief|summary)\s*:\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*([-*•]|#+|\d+[.)])\s+", re.MULTILINE)
_NUMBER_TAG = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")


@dataclass(frozen=True, slots=True)
class Fusion:
    sentences: tuple[BriefSentence, ...]  # empty when nothing the model wrote is supported
    stats: dict = field(default_factory=dict)


def fuse(
    scored: Sequence[ScoredGroup],
    vectors: SparseRows,
    groups: Sequence[SentenceGroup],
    options: Options,
    generator: Generator,
    template: string.Template,
) -> Fusion:
    low, high = options.word_range()
    max_new_tokens = int(high * TOKENS_PER_WORD) + 16
    base = generator.count_tokens(render_prompt(template, words=high, sources=""))
    shares_context = not getattr(generator, "encoder_decoder", False)
    budget = generator.max_input_tokens - base - (max_new_tokens if shares_context else 0) - 8
    packed = pack(
        scored, vectors, generator.count_tokens, budget, REDUNDANT, max_words=SOURCE_WORDS_PER_BRIEF_WORD * high
    )
    prompt = render_prompt(template, words=(low + high) // 2, sources=packed.sources)
    raw = generator.generate(prompt, max_new_tokens) if packed.groups else ""
    doc_ids = {d for g in groups for d in g.doc_ids}
    texts = tidy(raw, doc_ids, high)
    closest = _closest_in_meaning(texts, scored) if options.embeddings else [None] * len(texts)
    kept: list[BriefSentence] = []
    dropped = 0
    told = {(m.doc_id, m.start): m.text for g in groups for m in g.members} if texts else {}
    for text, semantic in zip(texts, closest):
        alignment = align(text, groups, semantic)
        supported = alignment.support >= MIN_SUPPORT
        if not supported and options.unsupported is Unsupported.drop:
            dropped += 1
            continue
        shown = most_complete(text, [(p.doc_id, told[p.doc_id, p.start]) for p in alignment.spans])
        kept.append(
            BriefSentence(text, alignment.citations, alignment.spans, alignment.support, supported, shown=shown)
        )
    stats = {
        "model": generator.name,
        "backend": getattr(generator, "backend", "transformers"),  # or a model server (server.py)
        **getattr(generator, "details", {}),
        "prompt_sentences": len(packed.groups),
        "prompt_sentences_left_out": packed.left_out,
        "instruction_like_sentences_withheld": packed.withheld,
        "generated_words": count_words(raw),
        "dropped_unsupported": dropped,
        "alignment": "lexical+embeddings" if any(c is not None for c in closest) else "lexical",
    }
    if not any(s.supported for s in kept):
        return Fusion((), stats)
    return Fusion(tuple(kept), stats)


def _closest_in_meaning(texts: list[str], scored: Sequence[ScoredGroup]) -> list:  # type: ignore[type-arg]
    """For each text, the best-scored group closest in meaning and its cosine; Nones without
    the verified embedding model."""
    from ..models.embeddings import embedder

    model = embedder() if texts else None
    candidates = sorted(scored, key=lambda s: -s.score)[:EMBEDDED_GROUPS]
    if model is None or not candidates:
        return [None] * len(texts)
    sources = model.encode([c.group.representative.text for c in candidates])
    similarity = model.encode(texts) @ sources.T
    best = similarity.argmax(axis=1)
    return [(candidates[j].group, float(similarity[i, j])) for i, j in enumerate(best)]


def tidy(raw: str, doc_ids: set[str], max_words: int) -> list[str]:
    """Whole, distinct sentences of the model's output, within `max_words`.

    Source tags the model copied are removed, a trailing fragment (generation stopped
    mid-sentence) is dropped, repeated sentences are kept once.
    """
    text = _LEADING_LABEL.sub("", raw)
    text = _BULLET.sub("", text)
    text = _NUMBER_TAG.sub("", text)
    text = _strip_doc_ids(text, doc_ids)
    text = re.sub(r"\(\s*(,\s*)*\)", "", text)
    sentences = [s.strip() for s in split_text(text) if s.strip()]
    if sentences and not ends_sentence(sentences[-1]):
        sentences.pop()
    distinct: list[str] = []
    seen: list[set[str]] = []
    for sentence in sentences:
        terms = set(content_terms(sentence))
        if any(terms and len(terms & other) >= 0.8 * len(terms | other) for other in seen):
            continue
        seen.append(terms)
        distinct.append(sentence)
    while distinct and sum(count_words(s) for s in distinct) > max_words:
        distinct.pop()
    return distinct


def _strip_doc_ids(text: str, doc_ids: set[str]) -> str:
    """Source tags the model copied from the prompt: "(a, b)" or "[a]" when every item is a
    document id, and bare ids as whole tokens. Short ids ("a", "1", files named a.txt or 1.txt)
    are only removed inside such tags: elsewhere they are words and numbers of the brief."""

    def tag(match: re.Match[str]) -> str:
        items = [item.strip() for item in match.group(1).split(",")]
        return "" if all(item in doc_ids for item in items) else match.group(0)

    text = re.sub(r"\s*[(\[]([^()\[\]]+)[)\]]", tag, text)
    for doc_id in sorted(doc_ids, key=len, reverse=True):
        if len(doc_id) >= 6:
            text = re.sub(rf"(?<![\w-]){re.escape(doc_id)}(?![\w-])", "", text)
    return text
