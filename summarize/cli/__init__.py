"""The command line: parse, call one library function, render. `summarize FOLDER` runs `brief`.

`app` is the typer app; `params` declares the options the brief-writing commands share, once;
`console` is what they show on a terminal; each other module holds one command (group).
"""

from __future__ import annotations

from . import brief, compare, evaluate, model, nightly  # noqa: F401  (importing a command registers it)
from .app import app, main

__all__ = ["app", "main"]
