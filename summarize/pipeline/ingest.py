"""Read a folder of articles: find the text files, decode them, skip what is not text."""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..fs.folders import unique_ids, walk
from ..text.encoding import decode, looks_binary
from ..text.safety import printable, strip_invisible
from ..types import RawDocument
from ..web.dates import published, stamp

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl"})  # exports: one document per record
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


def find_files(folder: Path, follow_links: bool = False) -> list[Path]:
    """Every non-hidden regular file below `folder`, sorted (see fsafety.walk: links that leave
    the folder are skipped unless `follow_links`)."""
    return walk(folder, follow_links)


def document_ids(paths: list[Path], root: Path) -> list[str]:
    """File name without extension; the relative path where two files share a name."""
    stems = Counter(p.stem for p in paths)
    bare = Counter(_relative(p.with_suffix(""), root) for p in paths)  # a.txt beside a.md: keep the suffix
    return [
        clean_id(
            p.stem
            if stems[p.stem] == 1
            else _relative(p.with_suffix(""), root)
            if bare[_relative(p.with_suffix(""), root)] == 1
            else _relative(p, root),
            _relative(p, root),
        )
        for p in paths
    ]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def clean_id(raw: str, name: str) -> str:
    """A document id that is safe to print, to cite and to put in a prompt: no control or
    undecodable characters, at most 100 characters, and never an instruction to a model."""
    from ..text.quality import instruction_like

    doc_id = " ".join(printable(raw).split())[:100] or "document"
    if instruction_like(doc_id.replace("-", " ").replace("_", " ")):
        fallback = "doc-" + hashlib.sha1(os.fsencode(name)).hexdigest()[:8]
        log.warning("%s: the name reads like an instruction to a model; cited as %s", printable(name), fallback)
        return fallback
    return doc_id


def read_folder(folder: Path, max_file_bytes: int = 5_000_000, follow_links: bool = False) -> list[RawDocument]:
    """All readable text documents in `folder`; raises InputError when there are none."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file; give the folder that holds the articles")
    candidates = [p for p in find_files(folder, follow_links) if _is_text_name(p)]
    docs = read_paths(candidates, folder, max_file_bytes)
    if not docs:
        kinds = "article files (.txt, .md, .html, .json, .jsonl)"
        what = f"no readable {kinds}" if candidates else f"no {kinds}"
        raise InputError(f"{folder}: {what} to summarize")
    return docs


def read_paths(
    paths: list[Path], root: Path, max_file_bytes: int, skipped: list[tuple[str, str]] | None = None
) -> list[RawDocument]:
    """The documents in `paths` (ids relative to `root`), skipping what cannot be read; each file
    skipped is added to `skipped`, when given, as (id, why), for reports that list what was left out."""
    docs: list[RawDocument] = []
    for path, doc_id in zip(paths, document_ids(paths, root)):
        if path.suffix.lower() in RECORD_SUFFIXES:
            docs.extend(read_records(path, doc_id, max_file_bytes))
            continue
        doc = read_file(path, doc_id, max_file_bytes, skipped)
        if doc is not None:
            docs.append(doc)
    return _unique(docs)


def _unique(docs: list[RawDocument]) -> list[RawDocument]:
    """Ids that clash (record ids, file names) get a short hash of their file and position, so
    every citation names one document, the same one every run."""
    nth: Counter[Path] = Counter()
    names = []
    for d in docs:
        nth[d.path] += 1
        names.append(f"{d.path}#{nth[d.path]}")
    ids = unique_ids([d.id for d in docs], [d.id if d.id == d.path.stem else n for d, n in zip(docs, names)])
    return [d if i == d.id else replace(d, id=i) for d, i in zip(docs, ids)]


def read_file(
    path: Path, doc_id: str, max_file_bytes: int, skipped: list[tuple[str, str]] | None = None
) -> RawDocument | None:
    """One document, or None (with a warning, and `(doc_id, why)` added to `skipped`) when the file is
    empty, binary or unreadable."""

    def skip(why: str) -> RawDocument | None:
        log.warning("skipping %s: %s", path, why)
        if skipped is not None:
            skipped.append((doc_id, why))
        return None

    try:
        with path.open("rb") as handle:
            data = handle.read(max_file_bytes + 1)
    except OSError as err:
        return skip(f"cannot read it ({err.strerror or err})")
    if len(data) > max_file_bytes:
        log.warning("%s: larger than %d bytes; only the start is read", path, max_file_bytes)
        data = data[:max_file_bytes]
    if not data.strip():
        return skip("empty file")
    if looks_binary(data):
        return skip("binary, not text")
    text, encoding = decode(data)
    text = strip_invisible(text)
    if encoding not in ("utf-8", "utf-8-sig"):
        log.warning("%s: not valid UTF-8; read as %s", path, encoding)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = strip_invisible(html_to_text(text))  # entities (&#8238;) decode only now
        if not text.strip():
            return skip("no article text in the HTML")
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
    from .records import iter_records

    docs = [
        record_document(record, n, path, stem, encoding, max_file_bytes)
        for n, record, encoding in iter_records(path, max_file_bytes, read_file)
    ]
    return [d for d in docs if d is not None]


def record_document(
    record: object, n: int, path: Path, stem: str, encoding: str, max_file_bytes: int
) -> RawDocument | None:
    """Record `n` of an export as a document, or None (with a warning) when it has no text."""
    fields: dict = record if isinstance(record, dict) else {}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        log.warning('%s record %d: no "text" field; skipped', path, n)
        return None
    text = strip_invisible(text[:max_file_bytes])
    title = fields.get("title")
    if isinstance(title, str) and title.strip():
        text = f"{' '.join(strip_invisible(title).split())[:300]}\n\n{text}"
    raw_id = fields.get("id")
    fallback = f"{stem}-{n}"
    record_id = (
        clean_id(str(raw_id), f"{path}#{n}") if isinstance(raw_id, (str, int)) and str(raw_id).strip() else fallback
    )
    when = fields.get("published") or fields.get("date")  # a nightly's window and dated sentences
    return RawDocument(record_id, path, text, encoding, stamp(published(when)))


def _is_text_name(path: Path) -> bool:
    if path.suffix.lower() in SUFFIXES:
        return True
    log.warning("skipping %s: not an article file (.txt, .md, .html, .json, .jsonl)", path)
    return False
