"""The one options object handed to every stage, and the closed choices it is made of."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# Qwen2.5-1.5B-Instruct: Apache-2.0, 1.5B parameters (~3 GB in bfloat16), follows instructions and
# a chat template, and writes a 100-word brief in tens of seconds on a laptop CPU. See README.
DEFAULT_MODEL = "Qwen/Qwen2.5-1.5B-Instruct"


class Length(str, Enum):
    short = "short"
    medium = "medium"
    long = "long"


class Mode(str, Enum):
    auto = "auto"  # abstractive when the model loads, else extractive with a notice
    extractive = "extractive"
    abstractive = "abstractive"


class Unsupported(str, Enum):
    """What happens to a generated sentence the sources do not support."""

    drop = "drop"
    mark = "mark"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


# Word ranges a brief of each preset must land in (inclusive).
LENGTH_RANGES: dict[Length, tuple[int, int]] = {
    Length.short: (60, 100),
    Length.medium: (150, 220),
    Length.long: (300, 450),
}


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each salience signal counts. Not tuned: every signal is on a 0-1 scale (or a
    count of flaws) and counts once; the selection objective tunes only their sum's share
    (`Options.salience`). Weights searched on the evaluation sets overstated quality on
    stories they had not seen."""

    centrality: float = 1.0  # likeness to the whole story
    support: float = 1.0  # share of articles that carry the sentence
    lead: float = 1.0  # how early it comes: news puts the essentials first
    neutrality: float = 1.0  # attributed, self-contained reporting up
    opinion: float = 1.0  # an outlet's own judgement, promotion and questions down
    form: float = 1.0  # garbled, spun or fragmentary text down
    spun: float = 1.0  # told only by a machine-rewritten copy


@dataclass(frozen=True, slots=True)
class Options:
    length: Length = Length.short
    words: int | None = None  # an exact word budget; overrides `length` when set
    mode: Mode = Mode.auto  # the same default as the command line: a model only if it is on disk
    model: str = DEFAULT_MODEL  # hub id or local folder
    device: Device = Device.auto
    prompt: Path | None = None  # a prompt template overriding prompts/brief.txt
    # An OpenAI-compatible model server (vLLM, TGI, Ollama, llama.cpp) instead of an in-process
    # model; `model` then names the served model. See server.py.
    api_base: str | None = None
    api_key_env: str = "OPENAI_API_KEY"  # the variable holding the key; the key itself is never stored
    tokenizer: Path | None = None  # tokenizer.json for exact token counts (else a stated estimate)
    context_tokens: int | None = None  # the served context window when the server does not report it
    timeout: float = 120.0  # seconds per server request
    retries: int = 2  # retries (with backoff) after connection errors, timeouts, 429 and 5xx
    unsupported: Unsupported = Unsupported.drop
    # Check generated sentences with MiniLM embeddings too (when the verified model is installed).
    embeddings: bool = True
    # Sentences whose content words overlap at least this much are one fact told twice.
    sentence_similarity: float = 0.5
    # Documents sharing at least this share of their word 5-grams are copies of one article.
    document_similarity: float = 0.6
    # How much a sentence's salience (lead, support, form, neutrality...) counts beside the
    # concepts it covers, relative to the coverage its length typically brings (rank.sentence_values).
    # The one tuned selection parameter: chosen by 5-fold cross-validation (eval/tune.py).
    salience: float = 0.2
    # A single content word's weight as a concept, relative to a word pair's (concepts.py).
    # Tuned with `salience` by the same cross-validation.
    unigram_weight: float = 0.25
    weights: Weights = Weights()
    # Files larger than this are truncated on read, with a warning (bytes).
    max_file_bytes: int = 5_000_000
    # A story with more sentences keeps the leading ones of each article, with a warning.
    max_sentences: int = 50_000
    # Articles not in English are skipped (and reported), or kept with "keep".
    other_languages: str = "skip"
    # Symbolic links that lead out of the input folder are skipped (with a warning) unless True.
    follow_links: bool = False
    # Seconds a web page may take, all of it (connect, redirects, every read): web/fetch.py.
    fetch_timeout: float = 30.0

    def word_range(self) -> tuple[int, int]:
        """The (minimum, maximum) number of words the brief should have."""
        if self.words is not None:
            return (max(1, int(self.words * 0.8)), self.words)
        return LENGTH_RANGES[self.length]
