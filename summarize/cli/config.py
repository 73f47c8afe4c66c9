"""Defaults from the config file (`~/.config/summarize/config.toml`), and click's usage errors as one line."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

try:  # typer >= 0.20 vendors click: its errors are these classes, not click's own
    from typer._click.core import ParameterSource
    from typer._click.exceptions import BadParameter, ClickException, NoArgsIsHelpError, UsageError  # noqa: F401
except ImportError:  # pragma: no cover - older typer on real click
    from click.core import ParameterSource  # type: ignore[no-redef,assignment]
    from click.exceptions import BadParameter, ClickException, NoArgsIsHelpError, UsageError  # type: ignore[no-redef,assignment]  # noqa: F401


def usage_error(error: ClickException) -> str:
    """A click/typer usage error as one line, pointing at the help of the command it came from."""
    if isinstance(error, BadParameter) and error.param_hint is None:
        error.param_hint = value_origin(error)
    message = " ".join(error.format_message().split()).replace("Value error, ", "")
    ctx = getattr(error, "ctx", None)
    if isinstance(error, UsageError) and ctx is not None:
        message += f" (see `{ctx.command_path} --help`)"
    return message


def value_origin(error: BadParameter) -> str | None:
    """Where the bad value came from: the option typed, the variable set, or the config file's key
    (click names the option and its variable whichever held the value)."""
    param, ctx = error.param, error.ctx
    if param is None or ctx is None or not param.name:
        return None
    source = ctx.get_parameter_source(param.name)
    names = [o for o in param.opts if o.startswith("--")] or list(param.opts)
    if source is ParameterSource.ENVIRONMENT:
        variables = [param.envvar] if isinstance(param.envvar, str) else list(param.envvar or ())
        return f"environment variable {next((v for v in variables if v in os.environ), variables[0])}"
    if source is ParameterSource.DEFAULT_MAP:
        return f"config file {config_path()}, key {names[0].lstrip('-')!r}"
    return " / ".join(repr(o) for o in param.opts) or None


CONFIG_ENV = "SUMMARIZE_CONFIG"


def config_path() -> Path | None:
    """$SUMMARIZE_CONFIG (empty: none), else $XDG_CONFIG_HOME or ~/.config, /summarize/config.toml."""
    if CONFIG_ENV in os.environ:
        return Path(os.environ[CONFIG_ENV]) if os.environ[CONFIG_ENV] else None
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "summarize" / "config.toml"


def config_defaults(commands: Mapping[str, Any]) -> dict | None:
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
