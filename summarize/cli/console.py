"""What the commands show on a terminal and where their output goes: one-line errors with their
exit codes, progress (spinner, bar, per-story lines), warnings, and the format and width of a brief."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import SummarizeError
from ..options import Format
from ..text.safety import PrintableFormatter, printable

if TYPE_CHECKING:  # rich.progress loads only when a bar is shown
    from rich.progress import Progress, TaskID
    from rich.status import Status

stderr = Console(stderr=True, soft_wrap=True)


class errors_to_exit:
    """Domain errors become one line on stderr and their exit code; no traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, tb) -> Literal[False]:  # type: ignore[no-untyped-def]
        if isinstance(error, SummarizeError):
            stderr.print(f"[bold red]error:[/] {escape(printable(str(error)))}", highlight=False)
            raise typer.Exit(error.exit_code)
        if isinstance(error, OSError):
            # A full disk or a broken pipe names no file: no ": None" after the reason.
            where = f": {printable(str(error.filename))}" if error.filename is not None else ""
            stderr.print(
                f"[bold red]error:[/] {escape(printable(str(error.strerror or error)) + where)}", highlight=False
            )
            raise typer.Exit(1)
        return False


class spinner:
    """A transient spinner naming the stage, on a terminal only (cron logs stay clean)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.status: Status | None = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return None
        status = self.status = stderr.status("reading articles…")
        status.__enter__()
        return lambda stage: status.update(f"{stage}…")

    def __exit__(self, *exc) -> Literal[False]:  # type: ignore[no-untyped-def]
        if self.status is not None:
            self.status.__exit__(*exc)
        return False


class bar:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, quiet: bool, total: int) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.total = total
        self.progress: Progress | None = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return lambda: None
        from rich.progress import Progress

        progress = self.progress = Progress(console=stderr, transient=True)
        progress.__enter__()
        task = progress.add_task("scoring", total=self.total)
        return lambda: progress.advance(task)

    def __exit__(self, *exc) -> Literal[False]:  # type: ignore[no-untyped-def]
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False


class story_progress:
    """A progress bar on a terminal; one plain line per story otherwise (cron logs)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.done = 0

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.quiet and stderr.is_terminal:
            from rich.progress import Progress

            progress = self.progress = Progress(console=stderr, transient=True)
            progress.__enter__()
        return self.report

    def report(self, outcome, total: int) -> None:  # type: ignore[no-untyped-def]
        self.done += 1
        if self.progress is not None:
            if self.task is None:
                self.task = self.progress.add_task("stories", total=total)
            self.progress.advance(self.task)
        elif not self.quiet:
            print(
                f"[{self.done}/{total}] {outcome.story}: {outcome.status} ({outcome.seconds:.1f} s)",
                file=sys.stderr,
                flush=True,
            )

    def __exit__(self, *exc) -> Literal[False]:  # type: ignore[no-untyped-def]
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False


def setup_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("warning: %(message)s"))
    root = logging.getLogger("summarize")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.WARNING)
    root.propagate = False


SUFFIX_FORMATS = {".md": Format.markdown, ".markdown": Format.markdown, ".json": Format.json}


def output_format(fmt: Format | None, output: Path | None) -> Format:
    """The format asked for, else the one `output`'s suffix names, else text."""
    if fmt is not None:
        return fmt
    return SUFFIX_FORMATS.get(output.suffix.lower(), Format.text) if output is not None else Format.text


def text_width(output: Path | None) -> int | None:
    """Wrap text at the terminal's width (at most 100 columns) on a terminal only."""
    if output is not None or not sys.stdout.isatty():
        return None
    return min(shutil.get_terminal_size((100, 24)).columns, 100)


def output_path(value: Optional[str]) -> Optional[Path]:
    """`-o` as given: a name ending in `/` names a folder, which is no place to write a brief."""
    if value is None:
        return None
    if value.endswith(("/", "\\")):
        raise typer.BadParameter(f"{value} names a folder; give a file name, e.g. {value}brief.md")
    return Path(value)
