"""The only module that wires the stages together."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .cite import extractive_sentences
from .clean import clean_documents
from .dedup import deduplicate
from .errors import InputError
from .ingest import read_folder
from .options import Options
from .rank import score_groups, select
from .segment import segment_documents
from .types import Brief, Document, RawDocument, Source

# Called with the name of each stage as it starts; the CLI shows it as progress.
Progress = Callable[[str], None]


def summarize_folder(
    folder: Path | str, options: Options = Options(), progress: Progress | None = None
) -> Brief:
    """Read every article in `folder` and return one cited brief."""
    timings: dict[str, float] = {}
    with _timed("ingest", timings, progress):
        raws = read_folder(Path(folder), options.max_file_bytes)
    return summarize_documents(raws, options, progress, timings)


def summarize_documents(
    raws: Sequence[RawDocument],
    options: Options = Options(),
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> Brief:
    timings = {} if timings is None else timings
    with _timed("clean", timings, progress):
        docs = [d for d in clean_documents(raws) if d.text.strip()]
    if not docs:
        raise InputError("no article text left after removing site boilerplate")
    with _timed("segment", timings, progress):
        sentences = segment_documents(docs)
    with _timed("deduplicate", timings, progress):
        dedup = deduplicate(docs, sentences, options)
    with _timed("rank", timings, progress):
        scored, vectors = score_groups(
            dedup.groups, len(docs), dedup.spun_documents, options.weights
        )
        selected = select(scored, vectors, options)
        brief_sentences = extractive_sentences(selected)
    stats = {
        "documents": len(docs),
        "sentences": sum(len(s) for s in sentences),
        "sentence_groups": len(dedup.groups),
        "removed": dict(sorted(_removed(docs).items())),
        "duplicate_documents": [list(ids) for ids in dedup.duplicate_documents],
        "reversed_documents": list(dedup.reversed_documents),
        "spun_documents": list(dedup.spun_documents),
        "timings_s": {k: round(v, 4) for k, v in timings.items()},
    }
    return Brief(
        mode=options.mode.value,
        length=options.length.value if options.words is None else f"{options.words} words",
        word_range=options.word_range(),
        sentences=brief_sentences,
        sources=tuple(Source(d.id, str(d.path), d.title) for d in docs),
        stats=stats,
    )


def _removed(docs: Sequence[Document]) -> Counter[str]:
    total: Counter[str] = Counter()
    for doc in docs:
        total.update(dict(doc.removed))
    return total


@contextmanager
def _timed(stage: str, timings: dict[str, float], progress: Progress | None) -> Iterator[None]:
    if progress is not None:
        progress(stage)
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start
