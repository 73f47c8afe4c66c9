"""summarize as a library: options checked where they are made, a version, quiet logging, documented
exports, and a model check that asks the hub as the user (issue 27, item 5)."""

from __future__ import annotations

import http.server
import importlib.metadata
import inspect
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarize
from summarize import Length, Mode, Options
from summarize.cli import app
from summarize.models import checkpoint

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("fields", "field", "allowed"),
    [
        ({"words": -5}, "words", "at least 1"),
        ({"sentence_similarity": 7}, "sentence_similarity", "above 0 and at most 1"),
        ({"document_similarity": 0}, "document_similarity", "above 0 and at most 1"),
        ({"length": "bogus"}, "length", "'short', 'medium', 'long'"),
        ({"mode": "fast"}, "mode", "'auto', 'extractive', 'abstractive'"),
        ({"device": "tpu"}, "device", "'auto', 'cpu', 'cuda'"),
        ({"unsupported": "hide"}, "unsupported", "'drop', 'mark'"),
        ({"retries": 11}, "retries", "at most 10"),
        ({"timeout": 0}, "timeout", "above 0"),
        ({"max_sentences": 0}, "max_sentences", "at least 1"),
        ({"max_file_bytes": -1}, "max_file_bytes", "at least 1"),
        ({"context_tokens": 0}, "context_tokens", "at least 1"),
        ({"salience": float("nan")}, "salience", "at least 0"),
        ({"unigram_weight": -0.1}, "unigram_weight", "at least 0"),
        ({"words": True}, "words", "an integer"),
        ({"words": 60.5}, "words", "an integer"),
        ({"other_languages": "all"}, "other_languages", "'skip' or 'keep'"),
        ({"api_base": "127.0.0.1:8000"}, "api_base", "http(s) URL"),
        ({"model": ""}, "model", "hub id"),
    ],
)
def test_options_refuse_a_bad_value_naming_the_field_the_value_and_what_is_allowed(fields, field, allowed):
    with pytest.raises(ValueError) as error:
        Options(**fields)
    message = str(error.value)
    assert f"Options.{field}" in message and allowed in message and repr(fields[field]) in message


def test_options_take_a_choice_by_its_name_and_keep_the_enum():
    options = Options(length="medium", mode="extractive", words=None)
    assert options.length is Length.medium and options.mode is Mode.extractive
    assert options.word_range() == (150, 220)


def test_a_bad_value_from_the_environment_is_still_one_line_and_exit_2(monkeypatch):
    monkeypatch.setenv("SUMMARIZE_WORDS", "-5")
    result = CliRunner().invoke(app, [str(ROOT / "seeds"), "--mode", "extractive"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "SUMMARIZE_WORDS" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_version_comes_from_the_package_metadata():
    assert summarize.__version__ == importlib.metadata.version("summarize")
    assert CliRunner().invoke(app, ["--version"]).output.strip() == f"summarize {summarize.__version__}"


def test_an_application_that_embeds_the_library_gets_no_warnings_on_stderr_unasked():
    """A German text among English ones is skipped with a warning: logged, never printed by the library."""
    code = (
        "import summarize, pathlib\n"
        "texts = {p.stem: p.read_text() for p in sorted(pathlib.Path('seeds').glob('*.txt'))}\n"
        "texts['de'] = 'Die Bundesregierung hat am Montag neue Regeln beschlossen, teilte ein Sprecher mit. ' * 3\n"
        "brief = summarize.summarize_texts(texts, summarize.Options(mode='extractive'))\n"
        "print(len(brief.sentences), brief.stats.get('non_english_documents'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "de" in done.stdout  # the warning's cause happened ...
    assert done.stderr == ""  # ... and nothing reached stderr


def _documented_exports() -> list[tuple[str, object]]:
    return [(name, getattr(summarize, name)) for name in summarize.__all__ if name != "__version__"]


@pytest.mark.parametrize(("name", "thing"), _documented_exports())
def test_every_export_documents_its_arguments_results_and_errors(name, thing):
    doc = inspect.getdoc(thing) or ""
    assert doc.strip(), f"{name} has no docstring"
    if inspect.isfunction(thing):
        parameters = [p for p in inspect.signature(thing).parameters if p != "self"]
        if parameters:
            assert "Args:" in doc, f"{name}: no Args section"
            for parameter in parameters:
                assert f"{parameter}:" in doc or f"{parameter} (" in doc, f"{name}: {parameter} undocumented"
        assert "Returns:" in doc, f"{name}: no Returns section"
        if name.startswith("summarize_"):
            assert "Raises:" in doc, f"{name}: no Raises section"


class _FakeHub(http.server.BaseHTTPRequestHandler):
    """Answers every HEAD like a gated model: 401 to anyone without a token, 403 to a token without access."""

    seen: list[str | None] = []

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        authorization = self.headers.get("Authorization")
        type(self).seen.append(authorization)
        self.send_response(403 if authorization else 401)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_hub(monkeypatch, tmp_path) -> Iterator[list[str | None]]:
    import huggingface_hub.constants

    _FakeHub.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_address[1]}")
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_OIDC_RESOURCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(huggingface_hub.constants, "HF_TOKEN_PATH", str(tmp_path / "no-token"))
    yield _FakeHub.seen
    server.shutdown()


def test_a_gated_model_without_a_login_says_not_logged_in(fake_hub):
    reason = checkpoint.availability("someone/gated-model", download=True)
    assert fake_hub == [None]
    assert reason is not None and "not logged in" in reason and "no access" not in reason


def test_a_gated_model_is_asked_for_with_the_users_token_and_a_refusal_says_no_access(fake_hub, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_user_token")
    reason = checkpoint.availability("someone/gated-model", download=True)
    assert fake_hub == ["Bearer hf_user_token"]
    assert reason is not None and "no access" in reason and "not logged in" not in reason
