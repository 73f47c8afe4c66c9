"""The one options object handed to every stage, and the closed choices it is made of."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# Qwen2.5-1.5B-Instruct: Apache-2.0, 1.5B parameters (~3 GB in bfloat16), follows instructions and
# a chat template, and writes a 100-word brief in tens of seconds on a laptop CPU. See docs/models.md.
DEFAULT_MODEL = "Qwen/Qwen2.5-1.5B-Instruct"


class Length(str, Enum):
    """How long a brief is: short about 60-100 words, medium 150-220, long 300-450."""

    short = "short"
    medium = "medium"
    long = "long"


class Mode(str, Enum):
    """Who writes the brief: quoted sentences (extractive), a model (abstractive), or a model only when on disk (auto)."""

    auto = "auto"  # abstractive when the model loads, else extractive with a notice
    extractive = "extractive"
    abstractive = "abstractive"


class Unsupported(str, Enum):
    """What happens to a generated sentence the sources do not support."""

    drop = "drop"
    mark = "mark"


class Device(str, Enum):
    """Where an in-process model runs."""

    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Format(str, Enum):
    """How a brief is rendered: plain text, Markdown, or the JSON contract."""

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
    """How one brief is written: every stage reads what it needs from this one object.

    Checked when it is made, so that a bad value fails where it was written rather than stages later.
    Strings naming a closed choice (`length="medium"`, `mode="extractive"`) are accepted and stored
    as their enum member.

    Raises:
        ValueError: a field's value is outside what it allows; the message names the field, the
            value and the allowed range or choices.
    """

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
    # Keep out of one brief, besides sentences that share the words of one fact, those MiniLM reads
    # as one fact in other words (the verified model, installed with the abstractive extra; words
    # alone without it). Off by default: loading the model adds seconds to a brief that otherwise
    # takes about one, and the model to the brief's start-up.
    same_meaning: bool = False
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

    def __post_init__(self) -> None:
        for name, kind in _CHOICES.items():
            object.__setattr__(self, name, _choice(name, getattr(self, name), kind))
        for name, (low, high, open_low) in _RANGES.items():
            _check_number(name, getattr(self, name), low, high, open_low)
        if self.other_languages not in ("skip", "keep"):
            raise ValueError(f"Options.other_languages must be 'skip' or 'keep', not {self.other_languages!r}")
        if not isinstance(self.model, str) or not self.model.strip():
            raise ValueError(f"Options.model must be a hub id, a local folder or a served name, not {self.model!r}")
        if self.api_base is not None and not str(self.api_base).startswith(("http://", "https://")):
            raise ValueError(
                f"Options.api_base must be an http(s) URL such as http://127.0.0.1:8000/v1, not {self.api_base!r}"
            )
        if not isinstance(self.weights, Weights):
            raise ValueError(f"Options.weights must be a Weights, not {self.weights!r}")

    def word_range(self) -> tuple[int, int]:
        """The (minimum, maximum) number of words the brief should have.

        Returns:
            `words` minus a fifth to `words` when `words` is set, else the range of `length`.
        """
        if self.words is not None:
            return (max(1, int(self.words * 0.8)), self.words)
        return LENGTH_RANGES[self.length]


# The closed choices, and the numeric fields with their allowed range: (low, high, low excluded).
# None fields (`words`, `context_tokens`) are allowed to stay unset.
_CHOICES: dict[str, type[Enum]] = {"length": Length, "mode": Mode, "device": Device, "unsupported": Unsupported}
_RANGES: dict[str, tuple[float, float | None, bool]] = {
    "words": (1, None, False),
    "context_tokens": (1, None, False),
    "timeout": (0, None, True),
    "retries": (0, 10, False),
    "sentence_similarity": (0, 1, True),
    "document_similarity": (0, 1, True),
    "salience": (0, None, False),
    "unigram_weight": (0, None, False),
    "max_file_bytes": (1, None, False),
    "max_sentences": (1, None, False),
}
_INTEGERS = {"words", "context_tokens", "retries", "max_file_bytes", "max_sentences"}


def _choice(name: str, value: object, kind: type[Enum]) -> Enum:
    """`value` as a member of `kind`; its name as a string is accepted too."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise ValueError(f"Options.{name} must be one of {allowed}, not {value!r}") from None


def _check_number(name: str, value: object, low: float, high: float | None, open_low: bool) -> None:
    if value is None and name in ("words", "context_tokens"):
        return
    integer = name in _INTEGERS
    wanted = "an integer" if integer else "a number"
    bounds = f"{'above' if open_low else 'at least'} {low}" + (f" and at most {high}" if high is not None else "")
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ValueError(f"Options.{name} must be {wanted} {bounds}, not {value!r}")
    if value < low or (open_low and value == low) or (high is not None and value > high) or value != value:
        raise ValueError(f"Options.{name} must be {wanted} {bounds}, not {value!r}")
