"""Options checked at the edge (issue 29): finite numbers, errors that name where the bad value
came from, a broken config file that never stops --help or --version, no `None` for a file name."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

from .conftest import SEEDS

runner = CliRunner()


def invoke(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e300"])
def test_numbers_must_be_finite(value):
    result = invoke(SEEDS, "--mode", "extractive", "--max-file-mb", value)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--max-file-mb" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    timeout = invoke(SEEDS, "--mode", "extractive", "--timeout", value)
    assert timeout.exit_code == 2 and "--timeout" in timeout.stderr


def test_an_error_names_the_config_file_and_key_the_bad_value_came_from(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('words = "abc"\n')
    result = invoke(SEEDS, env={"SUMMARIZE_CONFIG": str(config)})
    assert result.exit_code == 2
    assert f"config file {config}, key 'words'" in result.stderr and "SUMMARIZE_WORDS" not in result.stderr


def test_an_error_names_the_variable_or_the_option_the_bad_value_came_from():
    variable = invoke(SEEDS, env={"SUMMARIZE_WORDS": "abc"})
    assert variable.exit_code == 2 and "environment variable SUMMARIZE_WORDS" in variable.stderr
    option = invoke(SEEDS, "--words", "abc")
    assert option.exit_code == 2 and "'--words'" in option.stderr and "SUMMARIZE_WORDS" not in option.stderr


@pytest.mark.parametrize("text", ["mode = \n", "[brief\n", 'lenght = "short"\n'])
def test_a_broken_config_file_never_stops_help_or_version(tmp_path, text):
    config = tmp_path / "config.toml"
    config.write_text(text)
    env = {"SUMMARIZE_CONFIG": str(config)}
    for args in (["--help"], ["--version"], ["brief", "--help"], ["nightly", "-h"]):
        result = invoke(*args, env=env)
        assert result.exit_code == 0 and ("Usage" in result.stdout or "summarize " in result.stdout), args
    broken = invoke(SEEDS, env=env)
    assert broken.exit_code == 2 and str(config) in broken.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_without_none():
    result = invoke(SEEDS, "--mode", "extractive", "-o", "/dev/full")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("error: No space left on device") and "None" not in result.stderr
