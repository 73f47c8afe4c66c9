"""The data that flows between pipeline stages. All frozen: a stage never edits its input."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

JSON_VERSION = 1  # of `Brief.to_dict`: bump when a field changes meaning or disappears; adding fields keeps it


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as read from disk, decoded to text."""

    id: str
    path: Path
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class Document:
    """An article after cleaning: `text` is what sentences and citations point into."""

    id: str
    path: Path
    text: str
    title: str | None
    removed: tuple[tuple[str, int], ...] = ()  # (what, how many) taken out while cleaning
    # (start, end, attribution) of text that is someone's own words, with who the source says
    # wrote it: an embedded tweet's text, "Judy Mozes tweeted".
    spoken: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document; `doc.text[start:end] == text`."""

    doc_id: str
    index: int  # 0-based position among the document's sentences
    start: int
    end: int
    text: str
    position: float  # index / number of sentences in the document, in [0, 1)
    # Who the source says speaks it, when it is someone's own words ("I then used a wheel chair
    # ...") named elsewhere (an earlier sentence of the quotation, a tweet's signature): "Dunn said",
    # "Judy Mozes tweeted". A brief prints such a sentence only with it.
    attribution: str | None = None
    # The person its opening pronoun stands for in its article ("He said ..." -> "Blunt"), which a
    # brief prints in editorial brackets: "[Blunt] said ...".
    referent: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Sentences from one or more documents that state the same thing."""

    representative: Sentence
    members: tuple[Sentence, ...]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """Every document that carries this sentence: its support."""
        return tuple(sorted({m.doc_id for m in self.members}))


@dataclass(frozen=True, slots=True)
class ScoredGroup:
    group: SentenceGroup
    score: float
    features: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """Where a cited sentence stands in a source document."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class BriefSentence:
    text: str
    citations: tuple[str, ...]  # document ids, sorted
    spans: tuple[Span, ...] = ()
    support: float = 1.0  # share of the sentence's content the cited sources hold
    supported: bool = True  # False only for sentences kept with --unsupported mark
    # Set when the sentence is someone's words printed with who said them ("Dunn said"): the text
    # is then `<attribution>: “<the source's words>”`, and the spans hold those words.
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str
    title: str | None = None
    text: str = ""  # the cleaned text that sentence spans index into


@dataclass(frozen=True, slots=True)
class Brief:
    mode: str
    length: str
    word_range: tuple[int, int]
    sentences: tuple[BriefSentence, ...]
    sources: tuple[Source, ...]
    stats: dict = field(default_factory=dict)
    requested_mode: str = ""
    notices: tuple[str, ...] = ()  # things the user should know, said once (stderr and JSON)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        """The JSON contract (README) as Python data."""
        return {
            "version": JSON_VERSION,
            "mode": self.mode,
            "requested_mode": self.requested_mode or self.mode,
            "notices": list(self.notices),
            "length": self.length,
            "word_range": list(self.word_range),
            "words": self.words,
            "brief": self.text,
            "sentences": [
                {
                    "text": s.text,
                    "citations": list(s.citations),
                    "spans": [{"doc_id": p.doc_id, "start": p.start, "end": p.end} for p in s.spans],
                    "support": s.support,
                    "supported": s.supported,
                    **({"attribution": s.attribution} if s.attribution else {}),
                }
                for s in self.sentences
            ],
            # `text`: the cleaned text each sentence's `spans` index into, so users can check them.
            "sources": [{"id": s.id, "path": s.path, "title": s.title, "text": s.text} for s in self.sources],
            "stats": self.stats,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
