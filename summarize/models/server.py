"""Generation on a model server that speaks the OpenAI chat-completions API: vLLM, TGI, Ollama,
a llama.cpp server. Talks through the official `openai` client (the `server` extra), whose own
timeouts and bounded retries with exponential backoff (0.5 s doubling, at most 8 s) are used.

The API key is read from the environment variable the user names, handed to the client and
nowhere else: it is never part of an error message, the options, the JSON or a log line.
"""

from __future__ import annotations

import math
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import ModelError

DEFAULT_CONTEXT_TOKENS = 4096  # when neither --context-tokens nor the server says (vLLM does)
CHAT_TEMPLATE_TOKENS = 64  # the server wraps the prompt in its chat template: role markers etc.
CHARS_PER_TOKEN = 3  # English BPE vocabularies average about 4-4.5 characters per token
NO_KEY = "unused"  # local servers without --api-key ignore the header; the client wants one
_THINKING = re.compile(r"<think>.*?(</think>|$)", re.DOTALL)  # reasoning models' scratchpad


def estimate_tokens(text: str) -> int:
    """A conservative token count without the model's tokenizer: each digit and each punctuation
    mark a token (Qwen splits numbers into digits; quotes and symbols rarely merge), the other
    characters one token per three (English BPE averages four or more), and never fewer than one
    per word. Over-counting only packs fewer source sentences; under-counting would overflow the
    server's context. eval/token_estimate.py measures it against a tokenizer file."""
    singles = sum(c.isdigit() or not (c.isalpha() or c.isspace()) for c in text)
    return max(len(text.split()), singles + math.ceil((len(text) - singles) / CHARS_PER_TOKEN))


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Where and how to reach the server; from `Options` (see `settings`)."""

    api_base: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"
    tokenizer: Path | None = None  # a tokenizer.json (or a folder holding one) for exact counts
    context_tokens: int | None = None  # the served context window, when the server does not say
    timeout: float = 120.0  # seconds per request
    retries: int = 2  # further tries after a connection error, a timeout, 408/409/429 or 5xx


def settings(options) -> ServerSettings:  # type: ignore[no-untyped-def]
    """The server settings of an `Options` (whose `api_base` is set)."""
    return ServerSettings(
        options.api_base,
        options.model,
        options.api_key_env,
        options.tokenizer,
        options.context_tokens,
        options.timeout,
        options.retries,
    )


def public_url(url: str) -> str:
    """`url` without a user:password part or query, safe to show and to record."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@dataclass
class ServerGenerator:
    """A `Generator` (see models/checkpoint.py) whose text comes from a served model."""

    name: str
    client: object = field(repr=False)
    settings: ServerSettings = field(repr=False)
    max_input_tokens: int = DEFAULT_CONTEXT_TOKENS
    encoder_decoder: bool = False  # prompt and answer share the context window
    backend: str = "openai-compatible server"
    counter: object = field(default=None, repr=False)  # a `tokenizers.Tokenizer`, or None

    @property
    def details(self) -> dict:
        """What the brief's stats record about this generator (never the key)."""
        counting = (
            f"tokenizer {self.settings.tokenizer}"
            if self.counter is not None
            else (f"estimate (digits and punctuation + letters / {CHARS_PER_TOKEN}, at least one per word)")
        )
        return {"api_base": public_url(self.settings.api_base), "token_counting": counting}

    def count_tokens(self, text: str) -> int:
        if self.counter is None:
            return estimate_tokens(text)
        return len(self.counter.encode(text, add_special_tokens=False).ids)  # type: ignore[attr-defined]

    def generate(self, prompt: str, max_new_tokens: int) -> str:
        try:
            response = self.client.chat.completions.create(  # type: ignore[attr-defined]
                model=self.name,
                messages=[{"role": "user", "content": prompt}],
                max_tokens=max_new_tokens,
                temperature=0,  # briefs must be reproducible
            )
        except Exception as err:  # the client's errors, translated below
            raise ModelError(explain(err, self.settings)) from err
        choices = getattr(response, "choices", None) or []
        content = (choices[0].message.content or "") if choices else ""
        return _THINKING.sub("", content).strip()


_CLIENTS: dict[tuple, ServerGenerator] = {}
_LOCK = threading.Lock()


def connect(options) -> ServerGenerator:  # type: ignore[no-untyped-def]
    """A generator for `options.model` on `options.api_base`, checked against the server's model
    list once per process; a `ModelError` (exit 3) saying why when that fails."""
    wanted = settings(options)
    key = _api_key(wanted.api_key_env)
    cache_key = (wanted, key)
    with _LOCK:
        if cache_key not in _CLIENTS:
            _CLIENTS[cache_key] = _open(wanted, key)
        return _CLIENTS[cache_key]


def availability(options) -> str | None:  # type: ignore[no-untyped-def]
    """None when the server answers and serves the model; otherwise why not."""
    try:
        connect(options)
    except ModelError as err:
        return str(err)
    return None


def _api_key(env: str) -> str:
    value = os.environ.get(env, "")
    if value:
        return value
    if env != "OPENAI_API_KEY":  # named on purpose, so its absence is a mistake
        raise ModelError(f"--api-key-env {env}: that environment variable is not set")
    return NO_KEY


def _open(wanted: ServerSettings, key: str) -> ServerGenerator:
    try:
        import openai
    except ImportError as err:
        raise ModelError('--api-base needs the openai client: pip install -e ".[server]"') from err
    client = openai.OpenAI(base_url=wanted.api_base, api_key=key, timeout=wanted.timeout, max_retries=wanted.retries)
    counter = _tokenizer(wanted.tokenizer) if wanted.tokenizer is not None else None
    served = _served_models(client, wanted)
    if served is not None and wanted.model not in served:
        listed = ", ".join(sorted(served)) or "none"
        raise ModelError(
            f"the model server at {public_url(wanted.api_base)} does not serve "
            f"model {wanted.model!r} (it serves: {listed}); pass one of those as --model"
        )
    context = wanted.context_tokens or (served or {}).get(wanted.model) or DEFAULT_CONTEXT_TOKENS
    return ServerGenerator(wanted.model, client, wanted, context - CHAT_TEMPLATE_TOKENS, counter=counter)


def _served_models(client, wanted: ServerSettings) -> dict[str, int | None] | None:  # type: ignore[no-untyped-def]
    """Model id -> context window (vLLM reports `max_model_len`), or None when the server has no
    model list (generation then says whether the model exists)."""
    import openai

    try:
        page = client.models.list()
    except openai.NotFoundError:
        return None
    except Exception as err:
        raise ModelError(explain(err, wanted)) from err
    served = {}
    for entry in getattr(page, "data", None) or []:
        length = (getattr(entry, "model_extra", None) or {}).get("max_model_len")
        served[str(entry.id)] = length if isinstance(length, int) and length > 0 else None
    return served


def _tokenizer(path: Path):  # type: ignore[no-untyped-def]
    file = Path(path).expanduser()
    if file.is_dir():
        file = file / "tokenizer.json"
    if not file.is_file():
        raise ModelError(
            f"--tokenizer {path}: no tokenizer.json there (a Hugging Face tokenizer file or "
            "the model folder holding one)"
        )
    try:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(file))
    except ImportError as err:
        raise ModelError('--tokenizer needs the tokenizers package: pip install -e ".[server]"') from err
    except Exception as err:  # a file tokenizers cannot parse
        raise ModelError(f"--tokenizer {path}: not a tokenizer file ({str(err).splitlines()[0]})") from err
    tokenizer.no_padding()  # a file saved for a fixed-length encoder pads and truncates:
    tokenizer.no_truncation()  # counts must be of the text alone
    return tokenizer


def explain(err: BaseException, wanted: ServerSettings) -> str:
    """One line a user can act on for an error of the openai client (never with the key in it)."""
    import openai

    where = f"the model server at {public_url(wanted.api_base)}"
    if isinstance(err, openai.APITimeoutError):
        text = (
            f"{where} did not answer within {wanted.timeout:g} s ({wanted.retries} retries); "
            "raise --timeout, or check the server's load"
        )
    elif isinstance(err, openai.APIConnectionError):
        cause = err.__cause__ or err
        text = (
            f"cannot reach {where} ({type(cause).__name__}: {str(cause)[:120]}); is it running, "
            "and is --api-base (or SUMMARIZE_API_BASE) right?"
        )
    elif isinstance(err, (openai.AuthenticationError, openai.PermissionDeniedError)):
        text = f"{where} refused the API key in ${wanted.api_key_env} (HTTP {err.status_code})"
    elif isinstance(err, openai.NotFoundError):
        text = f"{where} has no model {wanted.model!r} or no chat-completions endpoint (HTTP 404: {_said(err)})"
    elif isinstance(err, openai.APIStatusError):
        text = f"{where} answered HTTP {err.status_code} after {wanted.retries} retries: {_said(err)}"
    else:
        text = f"{where}: {type(err).__name__}: {str(err)[:200]}"
    key = os.environ.get(wanted.api_key_env, "")
    return text.replace(key, "***") if len(key) >= 4 else text


def _said(err) -> str:  # type: ignore[no-untyped-def]
    body = getattr(err, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        message = body["error"].get("message")
    text = str(message or getattr(err, "message", "") or err).splitlines()
    return (text[0] if text else "")[:200]
