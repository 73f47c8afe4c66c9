"""`summarize brief INPUT...` (and `summarize INPUT...`): one brief from a folder, files, URLs or stdin."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from ..errors import SummarizeError
from ..fs.folders import write_output
from ..options import Mode, Options, Unsupported
from ..text.safety import printable
from .app import app
from .console import errors_to_exit, output_format, output_path, setup_logging, spinner, stderr, text_width
from .params import FETCH, LENGTH, MODEL, FormatOption, Inputs, ModeOption, QuietOption, finite, options_fields, shared


class OtherLanguages(str, Enum):
    skip = "skip"
    keep = "keep"


@app.command()
@shared(LENGTH, MODEL, FETCH)
def brief(
    inputs: Inputs,
    mode: ModeOption = Mode.auto,
    unsupported: Annotated[
        Unsupported,
        typer.Option(
            "--unsupported", help="Generated sentences the sources do not support: drop them, or keep them marked."
        ),
    ] = Unsupported.drop,
    fmt: FormatOption = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output", "-o", help="Write here (atomically) instead of stdout; a .md or .json suffix picks the format."
        ),
    ] = None,
    max_file_mb: Annotated[
        float,
        typer.Option(
            "--max-file-mb", min=0.001, max=1000, callback=finite, help="Read at most this much of each file (MB)."
        ),
    ] = 5.0,
    max_sentences: Annotated[
        int, typer.Option("--max-sentences", min=10, help="Use at most this many sentences of the story.")
    ] = 50_000,
    other_languages: Annotated[
        OtherLanguages,
        typer.Option("--other-languages", help="Articles not in English: skip them (reported), or keep them."),
    ] = OtherLanguages.skip,
    quiet: QuietOption = False,
    *,
    shared: dict[str, Any],
) -> None:
    """Summarize INPUT (a folder, files, URLs or -) into one brief whose every sentence cites its sources.

    `summarize INPUT...` runs this command: `summarize seeds/` is `summarize brief seeds/`.
    """
    from ..output.render import render
    from ..pipeline.run import summarize_inputs

    setup_logging(quiet)
    target = output_path(output)
    fmt = output_format(fmt, target)
    options = Options(
        mode=mode,
        unsupported=unsupported,
        max_file_bytes=int(max_file_mb * 1_000_000),
        max_sentences=max_sentences,
        other_languages=other_languages.value,
        **options_fields(shared),
    )
    with errors_to_exit():
        with spinner(quiet) as progress:
            result = summarize_inputs(inputs, options, progress, stdin=getattr(sys.stdin, "buffer", None))
        for notice in () if quiet else result.notices:
            stderr.print(f"[yellow]notice:[/] {escape(printable(notice))}", highlight=False)
        if not result.sentences:
            why = result.stats.get("nothing_fits", "no sentence of these articles fits the brief")
            raise SummarizeError(f"{printable(' '.join(inputs))}: {printable(str(why))}")
        text = render(result, fmt, text_width(target))
        if target is None:
            sys.stdout.write(text)
        else:
            write_output(target, text)
