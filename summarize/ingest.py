"""Read a folder of articles: find the text files, decode them, skip what is not text."""

from __future__ import annotations

import codecs
import json
import logging
from collections import Counter
from pathlib import Path

from .errors import InputError
from .types import RawDocument

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl"})  # exports: one document per record
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
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
    docs = read_paths(candidates, folder, max_file_bytes)
    if not docs:
        kinds = "article files (.txt, .md, .html, .json, .jsonl)"
        what = f"no readable {kinds}" if candidates else f"no {kinds}"
        raise InputError(f"{folder}: {what} to summarize")
    return docs


def read_paths(paths: list[Path], root: Path, max_file_bytes: int) -> list[RawDocument]:
    """The documents in `paths` (ids relative to `root`), skipping what cannot be read."""
    docs: list[RawDocument] = []
    for path, doc_id in zip(paths, document_ids(paths, root)):
        if path.suffix.lower() in RECORD_SUFFIXES:
            docs.extend(read_records(path, doc_id, max_file_bytes))
            continue
        doc = read_file(path, doc_id, max_file_bytes)
        if doc is not None:
            docs.append(doc)
    return _unique(docs)


def _unique(docs: list[RawDocument]) -> list[RawDocument]:
    """Record ids from JSON exports may clash with file names: later ones get a suffix."""
    seen: Counter[str] = Counter()
    out = []
    for doc in docs:
        seen[doc.id] += 1
        out.append(doc if seen[doc.id] == 1 else RawDocument(f"{doc.id}~{seen[doc.id]}", doc.path, doc.text, doc.encoding))
    return out


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
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
        if not text.strip():
            log.warning("skipping %s: no article text in the HTML", path)
            return None
    return RawDocument(id=doc_id, path=path, text=text, encoding=encoding)


def html_to_text(html: str) -> str:
    """The article's title and main text, by trafilatura (boilerplate and markup left behind)."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    if not body.strip():  # very short pages: take all visible text rather than nothing
        body = trafilatura.html2txt(html) or ""
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None and metadata.title else ""
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return body


def read_records(path: Path, stem: str, max_file_bytes: int) -> list[RawDocument]:
    """Documents from a JSON array/object or JSON Lines export with `id`, `title`, `text` fields."""
    doc = read_file(path, stem, max_file_bytes)
    if doc is None:
        return []
    if path.suffix.lower() == ".jsonl":
        lines = [line for line in doc.text.splitlines() if line.strip()]
        records = []
        for n, line in enumerate(lines, 1):
            try:
                records.append(json.loads(line))
            except ValueError as err:
                log.warning("%s line %d: not JSON (%s); skipped", path, n, err)
    else:
        try:
            data = json.loads(doc.text)
        except ValueError as err:
            log.warning("skipping %s: not JSON (%s)", path, err)
            return []
        records = data if isinstance(data, list) else [data]
    docs = []
    for n, record in enumerate(records, 1):
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            log.warning("%s record %d: no \"text\" field; skipped", path, n)
            continue
        title = record.get("title")
        if isinstance(title, str) and title.strip():
            text = f"{title.strip()}\n\n{text}"
        record_id = str(record.get("id") or f"{stem}-{n}")
        docs.append(RawDocument(record_id, path, text, doc.encoding))
    return docs


def _is_text_name(path: Path) -> bool:
    if path.suffix.lower() in SUFFIXES:
        return True
    log.warning("skipping %s: not an article file (.txt, .md, .html, .json, .jsonl)", path)
    return False
