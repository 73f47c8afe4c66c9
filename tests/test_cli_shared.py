"""Every command that writes a brief takes the same input, length and model options (declared once
in summarize/cli/params.py), so users learn them once."""

from __future__ import annotations

import typer.main

from summarize.cli import app
from summarize.options import Options

MODEL_FLAGS = {"--model", "--device", "--prompt", "--api-base", "--api-key-env", "--tokenizer",
               "--context-tokens", "--timeout", "--retries", "--follow-links"}  # fmt: skip


def _options(command: str) -> dict[str, tuple]:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    return {o: (p.envvar, p.default, p.help) for p in click_command.params for o in p.opts if o.startswith("--")}


def test_the_brief_writing_commands_share_one_declaration_of_the_model_options():
    seen = {name: _options(name) for name in ("brief", "compare", "nightly", "eval")}
    for name, options in seen.items():
        assert MODEL_FLAGS <= set(options), name
        assert {flag: options[flag] for flag in MODEL_FLAGS} == {flag: seen["brief"][flag] for flag in MODEL_FLAGS}
    for name in ("compare", "nightly"):
        assert seen[name]["--length"] == seen["brief"]["--length"] and seen[name]["--words"] == seen["brief"]["--words"]
    assert seen["brief"]["--model"][0] == "SUMMARIZE_MODEL" and seen["brief"]["--model"][1] == Options().model


def test_a_shared_option_reaches_the_library(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from summarize.cli import brief as brief_module

    received = {}

    def fake(inputs, options, progress, stdin=None):  # type: ignore[no-untyped-def]
        received["options"] = options
        raise SystemExit(0)

    monkeypatch.setattr("summarize.pipeline.run.summarize_inputs", fake)
    assert brief_module  # the command module is registered on the app
    args = ["brief", "seeds", "--words", "80", "--timeout", "7", "--api-key-env", "KEY", "--follow-links", "-q"]
    CliRunner().invoke(app, args)
    options = received["options"]
    assert (options.words, options.timeout, options.api_key_env, options.follow_links) == (80, 7.0, "KEY", True)
