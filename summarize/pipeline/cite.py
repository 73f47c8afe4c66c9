"""Turn selected sentence groups into brief sentences that cite every document supporting them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.voice import shown, speaker_named
from ..text.words import content_terms
from ..types import BriefSentence, ScoredGroup, Sentence, SentenceGroup, Span


def extractive_sentences(selected: Sequence[ScoredGroup]) -> tuple[BriefSentence, ...]:
    """The representative text of each group, citing each member's document and span."""
    return tuple(
        BriefSentence(
            text=shown(s.group.representative),
            attribution=s.group.representative.attribution,
            citations=s.group.doc_ids,
            spans=tuple(
                Span(m.doc_id, m.start, m.end) for m in sorted(s.group.members, key=lambda m: (m.doc_id, m.start))
            ),
        )
        for s in selected
    )


# A generated sentence is supported when the sources chosen for it hold this share of its content
# words, and every number and name it states.
MIN_SUPPORT = 0.6
_SECOND_SOURCE_GAIN = 0.15  # a fused sentence may rest on two source sentences
# MiniLM cosine from which two sentences say the same thing (paraphrases score about 0.7-0.9).
SEMANTIC_SUPPORT = 0.7
_SPECIFIC = re.compile(r"\b(\d[\d,.]*|[A-Z][a-z]+(?:[A-Z][a-z]+)*)\b")


@dataclass(frozen=True, slots=True)
class Alignment:
    citations: tuple[str, ...]
    spans: tuple[Span, ...]
    support: float


def align(text: str, groups: Sequence[SentenceGroup], semantic: tuple[SentenceGroup, float] | None = None) -> Alignment:
    """The source sentences that support `text`: citations are computed, never taken on trust.

    Lexical: the best source sentence by share of `text`'s content words it holds, plus a second
    one when it adds enough (a fused sentence). `semantic` is the group closest in meaning
    (sentence embeddings) with its cosine: a paraphrase sharing few words is supported when the
    cosine reaches SEMANTIC_SUPPORT. Either way, numbers and names in `text` that no chosen
    source states cap the support below the threshold: they would be the model's invention.
    """
    wanted = set(content_terms(text))
    if not wanted or not groups:
        return Alignment((), (), 0.0)
    members = [(g, m, set(content_terms(m.text))) for g in groups for m in g.members]
    chosen: list[tuple[SentenceGroup, Sentence]] = []
    covered: set[str] = set()
    for _ in range(2):
        best = max(members, key=lambda x: (len((x[2] & wanted) - covered), -x[1].index))
        gain = len((best[2] & wanted) - covered) / len(wanted)
        if chosen and gain < _SECOND_SOURCE_GAIN or gain == 0:
            break
        chosen.append((best[0], best[1]))
        covered |= best[2] & wanted
    support = len(covered) / len(wanted)
    if semantic is not None and semantic[1] >= SEMANTIC_SUPPORT:
        if all(g is not semantic[0] for g, _ in chosen):
            chosen.append((semantic[0], semantic[0].representative))
        support = max(support, semantic[1])
    source_text = " ".join(m.text for g, _ in chosen for m in g.members)
    known = source_text.lower()
    invented = [s for s in _SPECIFIC.findall(text) if s.lower() not in known and s.lower() not in _COMMON]
    if invented or _misreports(text, chosen, known, groups):
        support = min(support, MIN_SUPPORT - 0.1)
    groups_used = {id(g): g for g, _ in chosen}.values()
    citations = tuple(sorted({d for g in groups_used for d in g.doc_ids}))
    spans = tuple(
        sorted(
            {Span(m.doc_id, m.start, m.end) for g in groups_used for m in g.members}, key=lambda s: (s.doc_id, s.start)
        )
    )
    return Alignment(citations, spans, round(support, 3))


def _misreports(
    text: str, chosen: Sequence[tuple[SentenceGroup, Sentence]], known: str, groups: Sequence[SentenceGroup]
) -> bool:
    """Does `text` say what its sources do not, in ways shared words cannot show?

    - polarity: "did not agree" against a source's "agreed", or "has changed" against "has not
      changed" (the words match; the fact is the opposite);
    - a quotation no supporting source holds word for word (a model's invented quote);
    - words put in the mouth of someone the best source sentence does not have speaking: "Qin
      Gang said the US position on Taiwan has not changed" when Blinken said it.
    """
    if not chosen:
        return False
    sources = [m.text for _, m in chosen]
    if _negated(text) != any(_negated(t) for t in sources):
        return True
    flat = _letters(known)
    if any(_letters(q) not in flat for q in _QUOTATION.findall(text) if len(q.split()) >= 3):
        return True
    speaker = speaker_named(text)
    if speaker is not None and not any(speaker.lower() in t.lower() for t in _speaking(chosen[0][0], groups)):
        return True
    return False


def _speaking(group: SentenceGroup, groups: Sequence[SentenceGroup]) -> list[str]:
    """Where the speaker of `group`'s sentences is named: the sentences themselves, or, for "He
    said ...", the few before them in the same article (where "he" was named)."""
    wanted = {(m.doc_id, m.index - back) for m in group.members for back in range(SPEAKER_LOOK_BACK + 1)}
    return [m.text + " " + (m.attribution or "") for g in groups for m in g.members if (m.doc_id, m.index) in wanted]


SPEAKER_LOOK_BACK = 3  # sentences between a name and the "he said" that refers to it


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _letters(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot)\b|n[’']t\b", re.IGNORECASE)
_QUOTATION = re.compile(r"[“\"]([^”\"]+)[”\"]")


# Capitalised words that start sentences or are generic; not names a model could invent.
_COMMON = frozenset(
    "the a an in on at he she it they we this that these those his her their its but and "
    "however meanwhile after before while both officials monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
