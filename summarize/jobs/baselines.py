"""The systems `summarize eval` compares: ours, lead, and the well-known extractive baselines.

A system takes a story's documents and a word budget and returns its summary as sentences.
sumy and summa are an optional extra (`pip install -e ".[baselines]"`); missing, they are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..options import Mode, Options
from ..types import RawDocument

System = Callable[[Sequence[RawDocument], int], list[str]]

OURS = ("extractive", "abstractive")  # systems that get confidence intervals in the table

SUMY_ALGORITHMS = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
}


def extractive(docs: Sequence[RawDocument], words: int) -> list[str]:
    from ..pipeline.run import summarize_documents

    brief = summarize_documents(docs, Options(words=words, mode=Mode.extractive))
    return [s.text for s in brief.sentences]


@dataclass(frozen=True)
class Abstractive:
    """Our abstractive mode with `model`; a story where nothing generated holds up falls back.
    `options` carries the other model options (device, prompt, a model server)."""

    model: str
    options: Options = Options()

    def __call__(self, docs: Sequence[RawDocument], words: int) -> list[str]:
        from dataclasses import replace

        from ..pipeline.run import summarize_documents

        brief = summarize_documents(docs, replace(self.options, words=words, mode=Mode.abstractive, model=self.model))
        return [s.text for s in brief.sentences]


def lead(docs: Sequence[RawDocument], words: int) -> list[str]:
    """First sentence of each document in turn, then the second of each, until the budget."""
    from ..pipeline.segment import split_text

    per_doc = [split_text(d.text) for d in docs]
    picked: list[str] = []
    total = 0
    for depth in range(max((len(s) for s in per_doc), default=0)):
        for sentences in per_doc:
            if depth < len(sentences) and total < words:
                picked.append(sentences[depth])
                total += len(sentences[depth].split())
    return picked


def icsi(docs: Sequence[RawDocument], words: int) -> list[str]:
    """Gillick & Favre's concept ILP (the "ICSI" system): see `icsi.py`."""
    from .icsi import icsi as run

    return run(docs, words)


def systems(
    include_baselines: bool = True, model: str | None = None, options: Options = Options()
) -> dict[str, System]:
    """Every system that can run here, by name; `abstractive` when `model` can be loaded (or,
    with `options.api_base`, when the server serves it)."""
    found: dict[str, System] = {"extractive": extractive, "lead": lead, "icsi": icsi}
    if model is not None:
        from ..models.checkpoint import availability

        if options.api_base:
            from dataclasses import replace

            from ..models.server import availability as served

            if served(replace(options, model=model)) is None:
                found["abstractive"] = Abstractive(model, options)
        elif availability(model) is None:
            found["abstractive"] = Abstractive(model, options)
    if not include_baselines:
        return found
    try:
        import sumy  # noqa: F401

        for name, target in SUMY_ALGORITHMS.items():
            found[f"sumy-{name}"] = SumySystem(target)
    except ImportError:
        pass
    try:
        import summa  # noqa: F401

        found["summa-textrank"] = summa_textrank
    except ImportError:
        pass
    return found


class _SumyTokenizer:
    """sumy's own Tokenizer needs NLTK's downloadable punkt data; ours ships its parameters."""

    language = "english"
    _word = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from ..pipeline.segment import split_text

        return tuple(split_text(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in re.findall(r"[\w'-]+", sentence) if self._word.match(w))


@dataclass(frozen=True)
class SumySystem:
    target: str  # "module:Class"

    def __call__(self, docs: Sequence[RawDocument], words: int) -> list[str]:
        import importlib

        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words

        module, cls = self.target.split(":")
        summarizer = getattr(importlib.import_module(module), cls)(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        text = "\n\n".join(d.text for d in docs)
        document = PlaintextParser.from_string(text, _SumyTokenizer()).document

        # sumy accepts a callable as the count: it gets the sentences best-rated first and
        # returns those to keep, so the best are taken until they fill the budget.
        def fill(ranked):  # type: ignore[no-untyped-def]
            kept, total = [], 0
            for info in ranked:
                if total >= words:
                    break
                kept.append(info)
                total += len(str(info.sentence).split())
            return kept

        return [str(s) for s in summarizer(document, fill)]


def summa_textrank(docs: Sequence[RawDocument], words: int) -> list[str]:
    from summa.summarizer import summarize

    return summarize("\n\n".join(d.text for d in docs), words=words, split=True)
