"""Input from anywhere: folders, files, `-` (standard input) and http(s) URLs, as one story.

A folder is read as before (ingest.read_folder); files are read as in a folder whose ids are
their names; standard input and a fetched page are sniffed for HTML and JSON exports, so
`curl ... | summarize -` and `cat export.jsonl | summarize -` work like the files would.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import InputError
from ..text.safety import printable, strip_invisible
from ..types import RawDocument
from .ingest import (
    HTML_SUFFIXES,
    RECORD_SUFFIXES,
    SUFFIXES,
    _unique,
    decode,
    html_to_text,
    looks_binary,
    read_folder,
    read_paths,
    record_document,
)

log = logging.getLogger(__name__)

STDIN = "-"
URL_TIMEOUT_S = 30.0  # the whole page, redirects included (web/fetch.py)
KINDS = "article files (.txt, .md, .html, .json, .jsonl)"


class Location(str):
    """Where a document came from when that is no file: a URL or `-`. It stands where a Path
    would (ids, sources, messages) and prints exactly as the user wrote it."""

    @property
    def stem(self) -> str:
        if self == STDIN:
            return "stdin"
        parts = urlsplit(self)
        return PurePosixPath(parts.path).stem or parts.hostname or "page"

    @property
    def suffix(self) -> str:
        return "" if self == STDIN else PurePosixPath(urlsplit(self).path).suffix


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def read_inputs(
    items: Sequence[str | Path],
    max_file_bytes: int = 5_000_000,
    follow_links: bool = False,
    stdin: BinaryIO | None = None,
    timeout: float = URL_TIMEOUT_S,
) -> list[RawDocument]:
    """Every document of `items`; a single folder reads exactly as `ingest.read_folder`."""
    names = [str(i) for i in items]
    if not names:
        raise InputError("no input: give a folder, files, URLs or - for standard input")
    if len(names) == 1 and Path(names[0]).is_dir():
        return read_folder(Path(names[0]), max_file_bytes, follow_links)
    if names.count(STDIN) > 1:
        raise InputError("- (standard input) can be given only once")
    docs: list[RawDocument] = []
    files = [Path(i) for i in names if i != STDIN and not is_url(i) and not Path(i).is_dir()]
    _check_files(files)
    for item in names:
        if item == STDIN:
            docs.extend(read_stream(stdin, max_file_bytes))
        elif is_url(item):
            docs.extend(fetch(item, max_file_bytes, timeout))
        elif Path(item).is_dir():
            docs.extend(read_folder(Path(item), max_file_bytes, follow_links))
    docs.extend(read_paths(files, _common_root(files), max_file_bytes))
    if not docs:
        raise InputError(f"{printable(' '.join(names))}: no readable {KINDS} to summarize")
    return _unique(docs)


def _check_files(files: list[Path]) -> None:
    for path in files:
        if not path.exists():
            raise InputError(f"{printable(str(path))}: no such file or folder")
        if path.suffix.lower() not in SUFFIXES:
            raise InputError(f"{printable(str(path))}: not an article file; give {KINDS}")


def _common_root(files: list[Path]) -> Path:
    parents = {p.parent for p in files}
    return parents.pop() if len(parents) == 1 else Path(".")


def read_stream(stream: BinaryIO | None, max_file_bytes: int) -> list[RawDocument]:
    """Standard input as one article (text or HTML), or the records of a JSON export."""
    if stream is None:
        raise InputError("- means standard input, and there is none here")
    data = stream.read(max_file_bytes + 1)
    if len(data) > max_file_bytes:
        log.warning("standard input: larger than %d bytes; only the start is read", max_file_bytes)
    return documents_from_bytes(data[:max_file_bytes], Location(STDIN), "", max_file_bytes)


def documents_from_bytes(data: bytes, where: Location, suffix: str, max_file_bytes: int) -> list[RawDocument]:
    """What a file of these bytes would give; without a telling suffix the text is sniffed."""
    name = "standard input" if where == STDIN else str(where)
    if not data.strip() or looks_binary(data):
        raise InputError(
            f"{printable(name)}: {'empty' if not data.strip() else 'binary, not text'}; nothing to summarize"
        )
    text, encoding = decode(data)
    text = strip_invisible(text)
    head = text.lstrip()[:1]
    if suffix in RECORD_SUFFIXES or (not suffix and head in "{["):
        docs = _records(text, where, encoding, max_file_bytes)
        if docs or suffix:
            return docs
    if suffix in HTML_SUFFIXES or (not suffix and head == "<"):
        text = strip_invisible(html_to_text(text))
    if not text.strip():
        raise InputError(f"{printable(name)}: no article text in it")
    return [RawDocument(where.stem, where, text, encoding)]  # type: ignore[arg-type]


def _records(text: str, where: Location, encoding: str, max_file_bytes: int) -> list[RawDocument]:
    """The records of a JSON array/object or JSON Lines text; [] when it is not JSON."""
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except (ValueError, RecursionError):
        records, bad = [], []
        for n, line in enumerate((line for line in text.splitlines() if line.strip()), 1):
            try:
                records.append(json.loads(line))
            except (ValueError, RecursionError):
                bad.append(n)
        if len(bad) >= len(records):
            return []  # not JSON Lines: text that happens to open with a brace
        # JSON Lines with a broken line, as a .jsonl file is read: the line is skipped, and said.
        name = "standard input" if where == STDIN else str(where)
        for n in bad:
            log.warning("%s line %d: not JSON; skipped", printable(name), n)
    docs = [
        record_document(r, n, where, where.stem, encoding, max_file_bytes)  # type: ignore[arg-type]
        for n, r in enumerate(records, 1)
    ]
    return [d for d in docs if d is not None]


def fetch(url: str, max_file_bytes: int, timeout: float = URL_TIMEOUT_S) -> list[RawDocument]:
    """The article at `url` (the user gave it: a page on their own machine is allowed, redirects
    elsewhere on their network are not), under the fetcher's deadline, size cap and redirect rules."""
    from ..web.fetch import FetchLimits
    from ..web.fetch import fetch as fetch_page

    page = fetch_page(url, FetchLimits(deadline=timeout, max_bytes=max_file_bytes))
    if not page.data:
        raise InputError(f"{printable(url)}: cannot fetch it (an empty page)")
    suffix = Location(url).suffix.lower()
    return documents_from_bytes(
        page.data, Location(url), suffix if suffix in SUFFIXES - HTML_SUFFIXES else ".html", max_file_bytes
    )
