"""Turn selected sentence groups into brief sentences that cite every document supporting them."""

from __future__ import annotations

from collections.abc import Sequence

from .types import BriefSentence, ScoredGroup, Span


def extractive_sentences(selected: Sequence[ScoredGroup]) -> tuple[BriefSentence, ...]:
    """The representative text of each group, citing each member's document and span."""
    return tuple(
        BriefSentence(
            text=s.group.representative.text,
            citations=s.group.doc_ids,
            spans=tuple(
                Span(m.doc_id, m.start, m.end)
                for m in sorted(s.group.members, key=lambda m: (m.doc_id, m.start))
            ),
        )
        for s in selected
    )
