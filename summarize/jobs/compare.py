"""Run both modes on one analysis of a story and measure each: the library side of `compare`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import ModelError
from ..models.checkpoint import Generator
from ..options import Mode, Options
from ..pipeline.inputs import read_inputs
from ..pipeline.run import Progress, analyse, write_brief
from ..types import Brief, Document
from .metrics import BriefMetrics, measure

Column = tuple[str, Brief | None, BriefMetrics | None, str]  # label, brief, metrics, note


@dataclass(frozen=True)
class Comparison:
    docs: tuple[Document, ...]
    columns: tuple[Column, Column]


def run_comparison(
    folder: Path | str | Sequence[str | Path],
    options: Options,
    refs: Sequence[str] = (),
    progress: Progress | None = None,
    generator: Generator | None = None,
    stdin: BinaryIO | None = None,
) -> Comparison:
    """Both briefs of one story: a folder, or what the command line takes (files, URLs, -)."""
    items = [folder] if isinstance(folder, (str, Path)) else list(folder)
    analysis = analyse(
        read_inputs(items, options.max_file_bytes, options.follow_links, stdin, options.fetch_timeout),
        options,
        progress,
    )
    extractive = write_brief(analysis, replace(options, mode=Mode.extractive), progress)
    columns: list[Column] = [("extractive", extractive, measure(extractive, analysis.docs, refs), "")]
    try:
        abstractive = write_brief(analysis, replace(options, mode=Mode.abstractive), progress, generator)
    except ModelError as err:
        columns.append(("abstractive", None, None, f"not available: {err}"))
    else:
        if abstractive.mode == Mode.abstractive.value:
            columns.append(("abstractive", abstractive, measure(abstractive, analysis.docs, refs), ""))
        else:  # nothing the model wrote held up: say so rather than show the extractive twice
            columns.append(("abstractive", None, None, " ".join(abstractive.notices)))
    return Comparison(analysis.docs, (columns[0], columns[1]))


def comparison_json(result: Comparison) -> str:
    """`compare --format json`: per mode, the brief (the JSON contract) or why there is none,
    and its measures."""
    import json
    from dataclasses import asdict

    from ..output.render import to_dict

    data = {
        label: {
            "brief": to_dict(brief) if brief else None,
            "note": note,
            "metrics": asdict(metrics) if metrics else None,
        }
        for label, brief, metrics, note in result.columns
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
