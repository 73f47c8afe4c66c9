"""`summarize model pull [ID]`: download a model for the abstractive mode, with a progress bar."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from ..options import DEFAULT_MODEL
from ..text.safety import printable
from .app import app
from .console import errors_to_exit, stderr

model_app = typer.Typer(help="Models for the abstractive mode: `summarize model pull [ID]`.", no_args_is_help=True)
app.add_typer(model_app, name="model")


@model_app.command("pull")
def model_pull(model: Annotated[str, typer.Argument(help="Hugging Face id.")] = DEFAULT_MODEL) -> None:
    """Download a model (the default unless named) into the Hugging Face cache, with a progress bar;
    auto mode then uses it."""
    from ..models.checkpoint import pull

    with errors_to_exit():
        where = pull(model)
    stderr.print(f"{escape(printable(model))}: in {escape(printable(where))}", highlight=False)
