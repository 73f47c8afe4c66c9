"""The command line's edges: the options for input and output every brief-writing command shares
(with their `SUMMARIZE_*` environment defaults), the output format an `-o` suffix implies, the
terminal width, and usage errors as one line."""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Annotated, Optional

import typer

try:  # typer >= 0.20 vendors click: its errors are these classes, not click's own
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # noqa: F401  (for cli)
except ImportError:  # pragma: no cover - older typer on real click
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # type: ignore[no-redef]  # noqa: F401

from .options import Format, Length, Mode

# Every default a user may want to set once, for every run: `SUMMARIZE_<OPTION>` (README: Usage).
Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        show_default=False,
        help="A folder of articles (.txt, .md, .html, .json, .jsonl; searched recursively), article files, "
        "http(s) URLs, or - for standard input; all of them make one story.",
    ),
]
LengthOption = Annotated[
    Length,
    typer.Option(
        "--length", "-l", envvar="SUMMARIZE_LENGTH", help="short ≈60–100 words, medium ≈150–220, long ≈300–450."
    ),
]
WordsOption = Annotated[
    Optional[int],
    typer.Option("--words", "-w", min=10, envvar="SUMMARIZE_WORDS", help="An exact word budget instead of --length."),
]
ModeOption = Annotated[
    Mode,
    typer.Option(
        "--mode",
        "-m",
        envvar="SUMMARIZE_MODE",
        help="extractive: quote the best sentences; abstractive: a model fuses them (citations re-checked; "
        "downloads the model if needed); auto: abstractive when the model is already on disk.",
    ),
]
FormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        envvar="SUMMARIZE_FORMAT",
        show_default=False,
        help="Output format [default: from the --output suffix (.md markdown, .json json), else text].",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", envvar="SUMMARIZE_QUIET", help="No notices, warnings or progress on stderr; errors only."
    ),
]

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


def usage_error(error: ClickException) -> str:
    """A click/typer usage error as one line, pointing at the help of the command it came from."""
    message = " ".join(error.format_message().split()).replace("Value error, ", "")
    ctx = getattr(error, "ctx", None)
    if isinstance(error, UsageError) and ctx is not None:
        message += f" (see `{ctx.command_path} --help`)"
    return message


CONFIG_ENV = "SUMMARIZE_CONFIG"


def config_path() -> Path | None:
    """$SUMMARIZE_CONFIG (empty: none), else $XDG_CONFIG_HOME or ~/.config, /summarize/config.toml."""
    if CONFIG_ENV in os.environ:
        return Path(os.environ[CONFIG_ENV]) if os.environ[CONFIG_ENV] else None
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "summarize" / "config.toml"


def config_defaults(commands: dict) -> dict | None:
    """click's `default_map` from the config file: top-level keys for every command that has the
    option, a `[command]` table for one. Keys are option names (`length`, `max-file-mb`).
    Command line and SUMMARIZE_* variables win over it."""
    path = config_path()
    if path is None or (not path.is_file() and CONFIG_ENV not in os.environ):
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise UsageError(f"config file {path}: {getattr(err, 'strerror', None) or err}") from err
    names = {cmd: _option_names(command) for cmd, command in commands.items()}
    shared = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for key in shared:
        if not any(key in n for n in names.values()):
            raise UsageError(f"config file {path}: no command has an option --{key}")
    result = {}
    for cmd, known in names.items():
        section = data.get(cmd, {})
        for key in section:
            if key not in known:
                raise UsageError(f"config file {path}: `summarize {cmd}` has no option --{key}")
        result[cmd] = {known[k]: v for k, v in {**shared, **section}.items() if k in known}
    return result


def _option_names(command) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Option name as typed (`max-file-mb`) -> the parameter it sets (`max_file_mb`)."""
    return {o[2:]: p.name for p in getattr(command, "params", ()) for o in p.opts if o.startswith("--")}
