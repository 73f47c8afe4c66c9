"""The model options every command that writes a brief takes (brief, nightly, compare, eval),
declared once so they read the same everywhere: `Annotated` types for typer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .options import DEFAULT_MODEL, Device


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
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each server request.")]
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
