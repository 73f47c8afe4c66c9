"""Present evaluation results: a rich table for the terminal, JSON or CSV for files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from ..errors import SummarizeError
from ..fs.atomic import write_atomic
from ..jobs.evaluate import METRICS, Result, SystemScores
from ..jobs.metrics import BriefMetrics

LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}


def eval_table(scores: Sequence[SystemScores], data: Path, words: int | None, stories: int) -> Table:
    budget = f"{words} words" if words else "each story's mean reference length"
    table = Table(title=f"{escape(str(data))}: {stories} stories, budget = {budget} (F1 × 100, stemmed)")
    table.add_column("system", no_wrap=True)
    for metric in METRICS:
        table.add_column(LABELS[metric], justify="right")
    table.add_column("words", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("failed", justify="right")
    for s in sorted(scores, key=lambda s: -s.scores["rouge1"]):
        cells = [_cell(s, m) for m in METRICS]
        table.add_row(escape(s.system), *cells, f"{s.words:.0f}", f"{s.seconds:.1f}", str(s.failures))
    return table


def _cell(s: SystemScores, metric: str) -> str:
    value = f"{s.scores[metric]:.2f}"
    if metric in s.intervals:
        low, high = s.intervals[metric]
        value += f" [{low:.1f}–{high:.1f}]"
    return value


def write_results(path: Path, scores: Sequence[SystemScores], results: Sequence[Result]) -> None:
    if path.suffix == ".json":
        text = json.dumps(
            {"systems": [asdict(s) for s in scores], "stories": [asdict(r) for r in results]},
            indent=2,
        )
    elif path.suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["system", "story", *METRICS, "words", "seconds", "error"])
        for r in results:
            writer.writerow(
                [
                    r.system,
                    r.story,
                    *(f"{r.scores[m]:.4f}" for m in METRICS),
                    r.words,
                    f"{r.seconds:.4f}",
                    (r.error or "").splitlines()[0] if r.error else "",
                ]
            )
        text = buffer.getvalue()
    else:
        raise SummarizeError(f"{path}: --out takes a .json or .csv file")
    write_atomic(path, text)


def compare_table(columns: Sequence[tuple[str, BriefMetrics | None]]) -> Table:
    """Metrics of each brief side by side; `columns` pairs a label with BriefMetrics or None."""
    from .compare_page import ROWS

    table = Table(title="extractive vs abstractive")
    table.add_column("metric", no_wrap=True)
    for label, _ in columns:
        table.add_column(label, justify="right")
    present = [m for _, m in columns if m is not None]
    for key, name, fmt in ROWS:
        table.add_row(name, *(fmt.format(getattr(m, key)) if m is not None else "—" for _, m in columns))
    for key in sorted({k for m in present for k in m.rouge}):
        table.add_row(LABELS.get(key, key), *(f"{m.rouge[key]:.1f}" if m is not None else "—" for _, m in columns))
    table.add_row(
        "outlets never cited",
        *(escape(", ".join(m.never_cited)) or "none" if m is not None else "—" for _, m in columns),
    )
    table.add_row(
        "loaded words (own voice)",
        *(escape(", ".join(m.loaded_words)) or "none" if m is not None else "—" for _, m in columns),
    )
    stages = sorted({k for m in present for k in m.seconds})
    for stage in stages:
        table.add_row(f"{stage} (s)", *(f"{m.seconds.get(stage, 0):.2f}" if m is not None else "—" for _, m in columns))
    return table
