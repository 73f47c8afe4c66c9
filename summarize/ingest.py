"""Read a folder of articles: find the text files, decode them, skip what is not text."""

from __future__ import annotations

import codecs
import logging
from collections import Counter
from pathlib import Path

from .errors import InputError
from .types import RawDocument

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
# Tried in order after the byte-order marks; latin-1 accepts every byte, so it always ends the chain.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def find_files(folder: Path) -> list[Path]:
    """Every non-hidden file below `folder`, sorted, without following symlinked folders twice."""
    found: list[Path] = []
    seen_dirs: set[Path] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            real = current.resolve()
        except OSError:
            continue
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            entries = sorted(current.iterdir())
        except OSError as err:
            log.warning("skipping %s: cannot list it (%s)", current, err.strerror or err)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append(entry)
            elif entry.is_file():
                found.append(entry)
    return sorted(found)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NULs or many control bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def document_ids(paths: list[Path], root: Path) -> list[str]:
    """File name without extension; the relative path where two files share a name."""
    stems = Counter(p.stem for p in paths)
    return [
        p.stem if stems[p.stem] == 1 else p.relative_to(root).with_suffix("").as_posix()
        for p in paths
    ]


def read_folder(folder: Path, max_file_bytes: int = 5_000_000) -> list[RawDocument]:
    """All readable text documents in `folder`; raises InputError when there are none."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file; give the folder that holds the articles")
    candidates = [p for p in find_files(folder) if _is_text_name(p)]
    docs: list[RawDocument] = []
    for path, doc_id in zip(candidates, document_ids(candidates, folder)):
        doc = read_file(path, doc_id, max_file_bytes)
        if doc is not None:
            docs.append(doc)
    if not docs:
        what = "no readable .txt or .md articles" if candidates else "no .txt or .md files"
        raise InputError(f"{folder}: {what} to summarize")
    return docs


def read_file(path: Path, doc_id: str, max_file_bytes: int) -> RawDocument | None:
    """One document, or None (with a warning) when the file is empty, binary or unreadable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_file_bytes + 1)
    except OSError as err:
        log.warning("skipping %s: cannot read it (%s)", path, err.strerror or err)
        return None
    if len(data) > max_file_bytes:
        log.warning("%s: larger than %d bytes; only the start is read", path, max_file_bytes)
        data = data[:max_file_bytes]
    if not data.strip():
        log.warning("skipping %s: empty file", path)
        return None
    if looks_binary(data):
        log.warning("skipping %s: binary, not text", path)
        return None
    text, encoding = decode(data)
    if encoding not in ("utf-8", "utf-8-sig"):
        log.warning("%s: not valid UTF-8; read as %s", path, encoding)
    return RawDocument(id=doc_id, path=path, text=text, encoding=encoding)


def _is_text_name(path: Path) -> bool:
    if path.suffix.lower() in TEXT_SUFFIXES:
        return True
    log.warning("skipping %s: not a .txt or .md file", path)
    return False
