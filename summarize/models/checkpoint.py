"""Load a transformers checkpoint (hub id or local folder) and generate text with it.

torch and transformers are imported here only, when the abstractive path runs, so that
`summarize --help` and the extractive path start fast.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..errors import ModelError
from ..options import DEFAULT_MODEL


class Generator(Protocol):
    """What the fusion stage needs of a model: a name, a context size, and text in, text out."""

    name: str

    @property
    def max_input_tokens(self) -> int: ...

    def count_tokens(self, text: str) -> int: ...

    def generate(self, prompt: str, max_new_tokens: int) -> str: ...


def availability(name: str, download: bool = False) -> str | None:
    """None when `name` can be loaded without surprises; otherwise why not. Imports no torch.
    Without `download`, only a model already on disk counts: a default run never starts a
    multi-GB download the user did not ask for."""
    missing = [m for m in ("torch", "transformers", "huggingface_hub") if importlib.util.find_spec(m) is None]
    if missing:
        return f'{", ".join(missing)} not installed: pip install -e ".[abstractive]" torch==2.13.0'
    path = Path(name).expanduser()
    if path.exists():
        return None if (path / "config.json").is_file() else f"{path} has no config.json"
    if name.startswith((".", "/", "~")):
        return f"{name}: no such folder"
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(name, "config.json"), str):
        return None
    if not download:
        return (
            f"{name} is not downloaded; `summarize model pull {name}` (or a run with --mode abstractive) "
            "downloads it once, about 3 GB for the default, and later runs use it"
        )
    if os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE"):
        return f"{name} is not in the local Hugging Face cache and offline mode is on"
    return _probe_hub(name)


def _probe_hub(name: str, timeout: float = 3.0) -> str | None:
    """None when the hub answers for `name` within seconds; huggingface_hub itself would retry for
    half a minute before giving up, which a default run must not do. Asks with the user's token
    (`HF_TOKEN`, or the one `hf auth login` saved: huggingface_hub knows where), so a gated or
    private model the user may read is not refused as if they were anonymous."""
    import urllib.error
    import urllib.request

    from huggingface_hub import get_token

    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")
    token = get_token()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(f"{endpoint}/{name}/resolve/main/config.json", headers=headers, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            return None
    except urllib.error.HTTPError as err:
        if err.code in (401, 403):
            return _refused(name, err.code, logged_in=token is not None)
        if err.code == 404:
            return f"{name} does not exist on the Hugging Face hub"
        return f"the Hugging Face hub answered HTTP {err.code}"
    except (OSError, ValueError) as err:
        return f"{name} is not cached and the Hugging Face hub cannot be reached ({getattr(err, 'reason', err)})"


def _refused(name: str, code: int, logged_in: bool) -> str:
    """Why the hub refused: no token at all, or a token without access to this (gated, private) model."""
    if not logged_in:
        return f"{name} needs a Hugging Face login (HTTP {code}): not logged in; run `hf auth login` or set HF_TOKEN"
    return (
        f"{name} refused your Hugging Face token (HTTP {code}): no access; request access on the model's "
        "page, or check the token's permissions"
    )


def pull(name: str) -> str:
    """Download `name` into the Hugging Face cache (huggingface_hub shows a progress bar), the
    files a load reads only: safetensors weights, config, tokenizer. Returns the local folder."""
    if name.startswith((".", "/", "~")) or Path(name).expanduser().exists():
        raise ModelError(f"{name} is a local path; pull takes a Hugging Face id such as {DEFAULT_MODEL}")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as err:
        raise ModelError(
            'downloading a model needs huggingface_hub: pip install -e ".[abstractive]" torch==2.13.0'
        ) from err
    try:
        return snapshot_download(name, allow_patterns=["*.json", "*.safetensors", "*.txt", "*.model", "*.tiktoken"])
    except Exception as err:  # huggingface_hub raises many types for "cannot fetch"
        raise ModelError(
            f"cannot download {name}: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
        ) from err


@lru_cache(maxsize=4)
def load(name: str, device: str = "auto", download: bool = True) -> HFGenerator:
    """The model and tokenizer, loaded once per process and reused (nightly runs many stories);
    fetched from the hub first only with `download`."""
    reason = availability(name, download)
    if reason is not None:
        raise ModelError(_how_to_fix(name, reason))
    try:
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer
    except ImportError as err:
        raise ModelError(
            f"the abstractive mode needs torch and transformers ({err.name} is missing): "
            'pip install -e ".[abstractive]" torch==2.13.0'
        ) from err
    from transformers.utils import logging as hf_logging

    # Loading a local checkpoint takes seconds; transformers' "Loading weights" bars on stderr
    # would break `2>&1` pipes and ignore --quiet (the command line shows its own progress).
    hf_logging.disable_progress_bar()
    target = _device(device, torch)
    try:
        # Weights only from safetensors, and never code shipped with a checkpoint.
        config = AutoConfig.from_pretrained(name, trust_remote_code=False)
        tokenizer = AutoTokenizer.from_pretrained(name, trust_remote_code=False)
        auto = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
        model = auto.from_pretrained(
            name,
            use_safetensors=True,
            trust_remote_code=False,
            dtype=torch.bfloat16 if target == "cuda" else torch.float32,
        )
    except Exception as err:  # transformers raises many types for "cannot load"
        raise ModelError(_how_to_fix(name, f"{type(err).__name__}: {str(err).splitlines()[0]}")) from err
    model.to(target).eval()  # type: ignore[arg-type]
    return HFGenerator(name, tokenizer, model, target, bool(config.is_encoder_decoder))


def _how_to_fix(name: str, reason: str) -> str:
    if name.startswith((".", "/", "~")) or Path(name).expanduser().exists():
        return (
            f"model {name} cannot be loaded ({reason}). --model takes a local checkpoint folder "
            f"(config.json, tokenizer and safetensors weights) or a Hugging Face id such as {DEFAULT_MODEL}."
        )
    if "not installed" in reason or "not downloaded" in reason:
        return f"model {name} cannot be loaded: {reason}."
    return (
        f"model {name} cannot be loaded ({reason}). Make it available with "
        f"`hf download {name}` on a machine with internet access, or pass "
        "--model PATH to a local checkpoint folder (safetensors weights)."
    )


def _device(device: str, torch) -> str:  # type: ignore[no-untyped-def]
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelError("--device cuda was asked for, but torch sees no CUDA device")
    return device


@dataclass
class HFGenerator:
    name: str
    tokenizer: object
    model: object
    device: str
    encoder_decoder: bool

    @property
    def max_input_tokens(self) -> int:
        config = self.model.config  # type: ignore[attr-defined]
        limits = [
            getattr(config, key, None)
            for key in ("max_position_embeddings", "n_positions", "max_encoder_position_embeddings")
        ]
        known = [n for n in limits if isinstance(n, int) and n > 0]
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 1_000_000:
            known.append(tokenizer_limit)
        return min(known) if known else 512  # T5 has relative positions and no stated limit

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])  # type: ignore[operator]

    def generate(self, prompt: str, max_new_tokens: int) -> str:
        import torch

        tokenizer = self.tokenizer
        text = prompt
        if not self.encoder_decoder and getattr(tokenizer, "chat_template", None):
            text = tokenizer.apply_chat_template(  # type: ignore[attr-defined]
                [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
            )
        inputs = tokenizer(text, return_tensors="pt", truncation=True, max_length=self.max_input_tokens)  # type: ignore[operator]
        inputs = {k: v.to(self.device) for k, v in inputs.items()}
        pad = getattr(tokenizer, "pad_token_id", None)
        if pad is None:
            pad = getattr(tokenizer, "eos_token_id", None)
        with torch.inference_mode():
            output = self.model.generate(  # type: ignore[attr-defined]
                **inputs,
                max_new_tokens=max_new_tokens,
                do_sample=False,  # briefs must be reproducible
                num_beams=1,
                repetition_penalty=1.1,
                pad_token_id=pad,
            )
        new = output[0] if self.encoder_decoder else output[0][inputs["input_ids"].shape[1] :]
        return tokenizer.decode(new, skip_special_tokens=True).strip()  # type: ignore[attr-defined]
