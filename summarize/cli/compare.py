"""`summarize compare INPUT...`: the extractive and the abstractive brief of one story, measured."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import InputError
from ..fs.folders import write_output
from ..options import Options
from ..text.safety import printable
from .app import app
from .console import errors_to_exit, setup_logging, spinner, stderr
from .params import FETCH, LENGTH, MODEL, Inputs, QuietOption, options_fields, shared


class CompareFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
@shared(LENGTH, MODEL, FETCH)
def compare(
    inputs: Inputs,
    refs: Annotated[
        Optional[Path], typer.Option("--refs", help="Folder of human references (*.txt) for ROUGE.")
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Also write a self-contained HTML report here.")
    ] = None,
    fmt: Annotated[
        CompareFormat,
        typer.Option("--format", "-f", help="text: panels and a table; json: both briefs and their measures."),
    ] = CompareFormat.text,
    quiet: QuietOption = False,
    *,
    shared: dict[str, Any],
) -> None:
    """Write the extractive and the abstractive brief from the same input and compare them."""
    from rich.panel import Panel
    from rich.text import Text

    from ..jobs.compare import run_comparison
    from ..output.compare_page import render_report
    from ..output.tables import compare_table

    setup_logging(quiet)
    options = Options(**options_fields(shared))
    with errors_to_exit():
        reference_texts = _read_refs(refs) if refs is not None else ()
        with spinner(quiet) as progress:
            result = run_comparison(
                inputs, options, reference_texts, progress, stdin=getattr(sys.stdin, "buffer", None)
            )
        if fmt is CompareFormat.json:
            from ..jobs.compare import comparison_json

            sys.stdout.write(comparison_json(result))
        console = Console(file=sys.stderr if fmt is CompareFormat.json else None)
        for label, brief, _, note in () if fmt is CompareFormat.json else result.columns:
            body = " ".join(f"{s.text} [{', '.join(s.citations)}]" for s in brief.sentences) if brief else note
            console.print(Panel(Text(body), title=label))  # Text: article words are never markup
        if fmt is CompareFormat.text:
            console.print(compare_table([(label, m) for label, _, m, _ in result.columns]))
        if html is not None:
            write_output(html, render_report(f"Compare: {printable(' '.join(inputs))}", result.docs, result.columns))
            stderr.print(f"wrote {escape(printable(str(html)))}", highlight=False)


def _read_refs(folder: Path) -> tuple[str, ...]:
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        raise InputError(f"{printable(str(folder))}: no references (*.txt) there")
    from ..jobs.evaluate import read_reference

    return tuple(read_reference(p) for p in files)
