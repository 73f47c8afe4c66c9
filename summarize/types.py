"""The data that flows between pipeline stages. All frozen: a stage never edits its input."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

JSON_VERSION = 1  # of `Brief.to_dict`: bump when a field changes meaning or disappears; adding fields keeps it


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as read from disk, decoded to text: what `summarize_documents` takes.

    Attributes:
        id: the document id citations name (a file's name without its extension, or a record's `id`).
        path: where it was read from.
        text: the decoded text, before cleaning.
        encoding: the encoding it was decoded from.
        published: when it was published (ISO 8601 UTC), when its record said so; "" otherwise.
    """

    id: str
    path: Path
    text: str
    encoding: str
    published: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """An article after cleaning: `text` is what sentences and citations point into.

    Attributes:
        id: the document id.
        path: where it was read from.
        text: the cleaned text (site chrome, repeated paragraphs and mojibake removed).
        title: its headline, when it had one.
        removed: (what, how many) taken out while cleaning.
        spoken: (start, end, attribution) of text that is someone's own words.
        sentence_spans: (start, end) of each sentence, in order, as cleaning split the text (it
            reads sentence by sentence); None where nobody has split it yet (segmentation does).
        published: when it was published (ISO 8601 UTC), from its record or page; "" otherwise.
    """

    id: str
    path: Path
    text: str
    title: str | None
    removed: tuple[tuple[str, int], ...] = ()  # (what, how many) taken out while cleaning
    # (start, end, attribution) of text that is someone's own words, with who the source says
    # wrote it: an embedded tweet's text, "Judy Mozes tweeted".
    spoken: tuple[tuple[int, int, str], ...] = ()
    # Split once: Punkt is most of the cost of cleaning and of segmenting a long text (issue 28).
    sentence_spans: tuple[tuple[int, int], ...] | None = None
    published: str = ""  # ISO 8601 UTC, when its record or page said so: relative days get dates


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document; `doc.text[start:end] == text`.

    Attributes:
        doc_id: the document it stands in.
        index: its 0-based position among the document's sentences.
        start: where it starts in the document's cleaned text.
        end: where it ends (exclusive).
        text: the sentence.
        position: index / number of sentences in the document, in [0, 1).
        attribution: who the source says speaks it ("Dunn said"), when it is someone's own words.
    """

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
    """One sentence of a brief with the sources that support it (the JSON's `sentences[]`).

    Attributes:
        text: the sentence as printed.
        citations: the ids of every document that states it, sorted.
        spans: where the supporting sentence stands in each cited document's cleaned text.
        support: the share of its content words the cited sources hold (1.0 when quoted).
        supported: False only for a generated sentence kept with `--unsupported mark`.
        attribution: who said it ("Dunn said") when it is someone's words printed with their name.
    """

    text: str
    citations: tuple[str, ...]  # document ids, sorted
    spans: tuple[Span, ...] = ()
    support: float = 1.0  # share of the sentence's content the cited sources hold
    supported: bool = True  # False only for sentences kept with --unsupported mark
    # Set when the sentence is someone's words printed with who said them ("Dunn said"): the text
    # is then `<attribution>: “<the source's words>”`, and the spans hold those words.
    attribution: str | None = None
    # The citations printed, when there are more than MAX_SHOWN: the sources whose spans hold most
    # of the sentence ("+N more" stands for the rest, all of which stay in `citations`).
    shown: tuple[str, ...] = ()
    # Set on a note that outlets disagree on a figure: (the figure the sentence before states, the
    # figure this note's citations state instead).
    disagreement: tuple[str, str] | None = None

    @property
    def shown_citations(self) -> tuple[str, ...]:
        return self.shown or self.citations


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str
    title: str | None = None
    text: str = ""  # the cleaned text that sentence spans index into


@dataclass(frozen=True, slots=True)
class Brief:
    """The result: a cited brief and what the run noticed (`to_dict` gives the JSON contract).

    Attributes:
        mode: who wrote it, "extractive" or "abstractive".
        length: the length asked for ("short", "medium", "long", or "60 words" when a word budget was set).
        word_range: the (minimum, maximum) words it aimed at.
        sentences: its sentences, in order, each with citations.
        sources: every document read, with its cleaned text.
        stats: what the run found and did (see the JSON contract).
        requested_mode: the mode asked for ("auto" may become either).
        notices: what the user should know, said once.
    """

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
        """The JSON contract (docs: The JSON contract) as Python data.

        Returns:
            A dict that `json.dumps` writes as the `--format json` output.
        """
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
                    "shown_citations": list(s.shown_citations),
                    "spans": [{"doc_id": p.doc_id, "start": p.start, "end": p.end} for p in s.spans],
                    "support": s.support,
                    "supported": s.supported,
                    **({"attribution": s.attribution} if s.attribution else {}),
                    **(
                        {"disagreement": {"stated": s.disagreement[0], "other": s.disagreement[1]}}
                        if s.disagreement
                        else {}
                    ),
                }
                for s in self.sentences
            ],
            # `text`: the cleaned text each sentence's `spans` index into, so users can check them.
            "sources": [{"id": s.id, "path": s.path, "title": s.title, "text": s.text} for s in self.sources],
            "stats": self.stats,
        }

    def to_json(self) -> str:
        """The JSON contract as text.

        Returns:
            Indented JSON (non-ASCII kept), ending in a newline.
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
