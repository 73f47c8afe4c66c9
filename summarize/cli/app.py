"""The typer app: `summarize FOLDER` runs the `brief` command; the commands live one group per module."""

from __future__ import annotations

import importlib
import sys
import types
from typing import Annotated

import typer
from rich.markup import escape
from typer.core import TyperGroup

from ..text.safety import printable
from .config import ClickException, NoArgsIsHelpError, UsageError, config_defaults, usage_error
from .console import stderr

HELP = """Turn news articles about one story into one neutral brief that cites its sources.

summarize FOLDER [OPTIONS]: brief a folder of articles (runs the `brief` command; its options: `summarize brief --help`).

summarize FILE... | URL... | - [OPTIONS]: the same from article files, web pages, or standard input.

summarize COMMAND ...: the commands below. Defaults can be set in SUMMARIZE_* environment variables (see `summarize brief --help`) or in ~/.config/summarize/config.toml (docs/inputs-and-options.md).
"""


class DefaultCommandGroup(TyperGroup):
    """Routes `summarize INPUT ...` to the `brief` command; `summarize eval ...` stays a command.
    Usage errors, typer's included, print one line and exit 2 (no boxed panel)."""

    default_command = "brief"

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        if args[:1] == ["--version"] and len(args) > 1:
            raise UsageError("--version is a flag and takes no value", ctx)
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, standalone_mode=True, **extra):  # type: ignore[no-untyped-def,override]
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        try:
            extra.setdefault("default_map", _defaults(self.commands, sys.argv[1:] if args is None else list(args)))
            code = super().main(args, prog_name or "summarize", standalone_mode=False, **extra)
        except NoArgsIsHelpError as error:  # `summarize` alone: the help, as typer shows it
            error.show()
            sys.exit(error.exit_code)
        except ClickException as error:
            stderr.print(f"[bold red]error:[/] {escape(printable(usage_error(error)))}", highlight=False)
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def _defaults(commands, args: list[str]) -> dict | None:  # type: ignore[no-untyped-def]
    """The config file's defaults; a broken file never stops `--help` or `--version`."""
    try:
        return config_defaults(commands)
    except UsageError:
        if {"--help", "-h", "--version"} & set(args):
            return None
        raise


app = typer.Typer(
    cls=DefaultCommandGroup,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=HELP,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Options of `summarize` itself; the commands have their own."""


def main() -> None:
    if not sys.argv[1:] or {"--help", "-h"} & set(sys.argv[1:]):
        _help_renderer()
    app()


def _help_renderer() -> None:
    """Load typer's help renderer (`typer.rich_utils`) without rich's Markdown and Traceback.

    The renderer imports both up front, though they serve only typer's "markdown" markup mode and
    its display of a developer's exception, neither of which this command uses; markdown-it and
    pygments were a third of `summarize --help` (issue 28). While the renderer loads, stand-ins
    hold those two modules' places (a stand-in loads the real class if it is ever used); then
    `sys.modules` is as it was, so a later `import rich.markdown` gets the real module.
    """
    if "typer.rich_utils" in sys.modules:
        return
    stand_ins = {
        module: _stand_in_module(module, name)
        for module, name in (("rich.markdown", "Markdown"), ("rich.traceback", "Traceback"))
        if module not in sys.modules
    }
    sys.modules.update(stand_ins)
    try:
        import typer.rich_utils  # noqa: F401
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


class _Deferred(type):
    """A stand-in class: calling it, or reading an attribute of it, uses the real class."""

    _module: str

    def _real(cls) -> type:
        return getattr(importlib.import_module(cls._module), cls.__name__)

    def __call__(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, name: str):  # type: ignore[no-untyped-def]
        return getattr(cls._real(), name)


def _stand_in_module(module: str, name: str) -> types.ModuleType:
    stand_in = types.ModuleType(module)
    setattr(stand_in, name, _Deferred(name, (), {"_module": module}))
    return stand_in
