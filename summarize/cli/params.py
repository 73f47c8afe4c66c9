"""The options every command that writes a brief shares (brief, compare, nightly, eval), declared
once: `Annotated` types for typer, and `shared`, which adds a group of them to a command so that
the command lists none of them itself. `SUMMARIZE_*` variables set their defaults (docs/inputs-and-options.md)."""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional, get_args

import typer
from typer.models import ArgumentInfo

from ..options import DEFAULT_MODEL, Device, Format, Length, Mode

Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        show_default=False,
        help="A folder of articles (.txt, .md, .html, .json, .jsonl; searched recursively), article files, "
        "http(s) URLs, or - for standard input; all of them make one story.",
    ),
]
LengthOption = Annotated[
    Length,
    typer.Option(
        "--length", "-l", envvar="SUMMARIZE_LENGTH", help="short ≈60–100 words, medium ≈150–220, long ≈300–450."
    ),
]
WordsOption = Annotated[
    Optional[int],
    typer.Option("--words", "-w", min=10, envvar="SUMMARIZE_WORDS", help="An exact word budget instead of --length."),
]
ModeOption = Annotated[
    Mode,
    typer.Option(
        "--mode",
        "-m",
        envvar="SUMMARIZE_MODE",
        help="extractive: quote the best sentences; abstractive: a model fuses them (citations re-checked; "
        "downloads the model if needed); auto: abstractive when the model is already on disk.",
    ),
]
FormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        envvar="SUMMARIZE_FORMAT",
        show_default=False,
        help="Output format [default: from the --output suffix (.md markdown, .json json), else text].",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", envvar="SUMMARIZE_QUIET", help="No notices, warnings or progress on stderr; errors only."
    ),
]


def finite(value: Optional[float]) -> Optional[float]:
    """A number option's check beside its range: `inf` and `nan` pass a `min=` test, and are no
    number of seconds or megabytes."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def _url(value: Optional[str]) -> Optional[str]:
    if value and not value.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{value!r} is not an http(s) URL (e.g. http://127.0.0.1:8000/v1)")
    return value or None


DeviceOption = Annotated[
    Device, typer.Option("--device", envvar="SUMMARIZE_DEVICE", help="Where an in-process model runs.")
]
ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        envvar="SUMMARIZE_MODEL",
        help=f"Hugging Face hub id or local checkpoint folder for the abstractive mode (default {DEFAULT_MODEL}); "
        "with --api-base, the served model's name.",
    ),
]
PromptOption = Annotated[
    Optional[Path], typer.Option("--prompt", help="A prompt template overriding prompts/brief.txt ($words, $sources).")
]
ApiBase = Annotated[
    Optional[str],
    typer.Option(
        "--api-base",
        envvar="SUMMARIZE_API_BASE",
        callback=_url,
        help="An OpenAI-compatible model server (vLLM, TGI, Ollama, llama.cpp), e.g. http://127.0.0.1:8000/v1; "
        "--model then names the served model.",
    ),
]
ApiKeyEnv = Annotated[
    str,
    typer.Option("--api-key-env", help="Environment variable holding the server's API key (never printed or stored)."),
]
Tokenizer = Annotated[
    Optional[Path],
    typer.Option(
        "--tokenizer",
        help="The served model's tokenizer.json (or its folder) for exact token counts; default: a conservative estimate.",
    ),
]
ContextTokens = Annotated[
    Optional[int],
    typer.Option(
        "--context-tokens",
        min=256,
        help="The served model's context window (default: what the server reports, else 4096).",
    ),
]
Timeout = Annotated[
    float,
    typer.Option("--timeout", min=0.1, max=86_400, callback=finite, help="Seconds to wait for each server request."),
]
Retries = Annotated[
    int,
    typer.Option(
        "--retries", min=0, max=10, help="Retries, with backoff, after a connection error, timeout, 429 or 5xx."
    ),
]


def server_options(
    api_base: Optional[str],
    api_key_env: str,
    tokenizer: Optional[Path],
    context_tokens: Optional[int],
    timeout: float,
    retries: int,
) -> dict:
    """The `Options` fields of the server flags."""
    return {
        "api_base": api_base or None,
        "api_key_env": api_key_env,
        "tokenizer": tokenizer,
        "context_tokens": context_tokens,
        "timeout": timeout,
        "retries": retries,
    }


FollowLinks = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="Read symbolic links that lead out of the input folder (skipped, with a warning, by default).",
    ),
]


FetchTimeout = Annotated[
    float,
    typer.Option(
        "--fetch-timeout",
        min=0.1,
        max=3600,
        callback=finite,
        envvar="SUMMARIZE_FETCH_TIMEOUT",
        help="Seconds a web page may take in all (connect, redirects, every read); a slower one is refused.",
    ),
]


@dataclass(frozen=True)
class Group:
    """Parameters a command takes from here; `first`: listed right after its arguments, else last."""

    parameters: tuple[inspect.Parameter, ...]
    first: bool = False


def _parameter(name: str, annotation: object, default: object) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


# How long a brief is.
LENGTH = Group((_parameter("length", LengthOption, Length.short), _parameter("words", WordsOption, None)), first=True)
# Which model writes it and where, and how folders are read.
MODEL = Group(
    (
        _parameter("model", ModelOption, DEFAULT_MODEL),
        _parameter("device", DeviceOption, Device.auto),
        _parameter("prompt", PromptOption, None),
        _parameter("api_base", ApiBase, None),
        _parameter("api_key_env", ApiKeyEnv, "OPENAI_API_KEY"),
        _parameter("tokenizer", Tokenizer, None),
        _parameter("context_tokens", ContextTokens, None),
        _parameter("timeout", Timeout, 120.0),
        _parameter("retries", Retries, 2),
        _parameter("follow_links", FollowLinks, False),
    )
)
# How web pages are fetched: the commands that take URLs.
FETCH = Group((_parameter("fetch_timeout", FetchTimeout, 30.0),))


def shared(*groups: Group) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Add the parameters of `groups` to a typer command, which receives their values as one dict,
    its keyword-only parameter `shared` (see `options_fields`)."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "shared"]
        arguments = [p for p in own if any(isinstance(m, ArgumentInfo) for m in get_args(p.annotation)[1:])]
        options = [p for p in own if p not in arguments]
        first = [p for g in groups if g.first for p in g.parameters]
        last = [p for g in groups if not g.first for p in g.parameters]
        names = [p.name for p in (*first, *last)]

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> None:
            return command(**{k: v for k, v in kwargs.items() if k not in names}, shared={n: kwargs[n] for n in names})

        # All keyword-only: click passes every value by name, and a default may precede a required one.
        parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in (*arguments, *first, *options, *last)]
        wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        return wrapper

    return decorate


def options_fields(shared: dict[str, Any]) -> dict[str, Any]:
    """The `Options` fields of the shared parameters a command received."""
    fields = {k: v for k, v in shared.items() if k not in SERVER_FLAGS}
    return {**fields, **server_options(*(shared[k] for k in SERVER_FLAGS))}


SERVER_FLAGS = ("api_base", "api_key_env", "tokenizer", "context_tokens", "timeout", "retries")
