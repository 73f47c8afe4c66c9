"""Records of JSON and JSON Lines exports, one document each, read in bounded memory.

A file within `--max-file-mb` is read whole (any encoding `text.encoding.decode` reads); a larger one
is streamed record by record (ijson for a JSON array, line by line for JSON Lines), so a big
export is read completely instead of being cut into invalid JSON. Nesting too deep for the
parser, or a broken record, costs that record (or the rest of the file), never the run.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from ..text.encoding import decode
from ..text.safety import printable
from ..types import RawDocument

log = logging.getLogger(__name__)
_CHUNK = 1 << 20


def iter_records(
    path: Path,
    max_file_bytes: int,
    read_file: Callable[[Path, str, int], RawDocument | None],
) -> Iterator[tuple[int, object, str]]:
    """(record number, record, encoding) for each record of `path`; warns about what it skips.
    A file within the limit is read whole by `read_file` (ingest's, which knows encodings)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > max_file_bytes:
        log.warning("%s: larger than %d bytes; read record by record", printable(str(path)), max_file_bytes)
        lines = path.suffix.lower() == ".jsonl"
        yield from (_stream_lines(path, max_file_bytes) if lines else _stream_array(path, max_file_bytes))
        return
    doc = read_file(path, path.stem, max_file_bytes)
    if doc is None:
        return
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate((ln for ln in doc.text.splitlines() if ln.strip()), 1):
            record = _loads(line, path, f"line {n}")
            if record is not None:
                yield n, record, doc.encoding
        return
    data = _loads(doc.text, path, "")
    for n, record in enumerate(data if isinstance(data, list) else [data] if data is not None else [], 1):
        yield n, record, doc.encoding


def _loads(text: str, path: Path, where: str) -> object | None:
    try:
        return json.loads(text)
    except RecursionError:
        reason = "nested too deeply"
    except ValueError as err:
        reason = f"not JSON ({err})"
    log.warning("%s%s: %s; skipped", printable(str(path)), f" {where}" if where else "", reason)
    return None


def _stream_lines(path: Path, max_line: int) -> Iterator[tuple[int, object, str]]:
    with path.open("rb") as handle:
        n = 0
        while line := handle.readline(max_line + 1):
            if not line.strip():
                continue
            n += 1
            if len(line) > max_line and not line.endswith(b"\n"):
                log.warning("%s line %d: longer than %d bytes; skipped", printable(str(path)), n, max_line)
                while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                continue
            text, encoding = decode(line)
            record = _loads(text, path, f"line {n}")
            if record is not None:
                yield n, record, encoding


def _stream_array(path: Path, max_file_bytes: int) -> Iterator[tuple[int, object, str]]:
    import ijson

    with path.open("rb") as handle:
        head = handle.read(4096).lstrip()
        handle.seek(0)
        if not head.startswith(b"["):
            log.warning(
                "skipping %s: one JSON object over %d bytes (give an array, or JSON Lines)",
                printable(str(path)),
                max_file_bytes,
            )
            return
        n = 0
        try:
            for n, record in enumerate(ijson.items(handle, "item", use_float=True), 1):
                yield n, record, "utf-8"
        except (ijson.JSONError, RecursionError, UnicodeDecodeError, ValueError) as err:
            log.warning("%s: stopped after record %d: %s", printable(str(path)), n, err)
