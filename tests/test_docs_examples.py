"""The README and the docs site say only what is true: every shell example is run or says why not,
pasted output matches a real run, and the JSON page names every field the tool writes."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from summarize import Options, summarize_folder
from summarize.cli import app

from . import doc_examples
from .doc_examples import ROOT

USER_PAGES = [p for p in doc_examples.pages() if p.name != "contributing.md"]
PAGES_WITH_EXAMPLES = [
    p for p in doc_examples.pages() if any(b.marker in ("run", "output of") for b in doc_examples.blocks(p))
]


def test_the_readme_fits_on_two_screens_and_keeps_the_first_command_ci_runs():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150
    first = next(lines[i + 1] for i, line in enumerate(lines) if line == "```bash")
    assert "pip install" in first and first.endswith("summarize seeds/ --length short")


@pytest.mark.parametrize("page", doc_examples.pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shell_example_is_run_or_says_why_not(page):
    unmarked = [b.where for b in doc_examples.shell_blocks(page) if b.marker is None]
    assert not unmarked, f"shell blocks without <!-- run --> or <!-- norun: why -->: {unmarked}"
    assert all(b.argument for b in doc_examples.shell_blocks(page) if b.marker == "norun"), "a norun without why"


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_examples_run_and_the_pasted_output_is_what_they_print(page, tmp_path):
    failures = doc_examples.run_page(page, doc_examples.python_summarize(tmp_path))
    assert not failures, "\n".join(failures)


def test_the_examples_cover_the_three_uses_and_the_seeds_brief():
    commands = [c for p in doc_examples.pages() for b in doc_examples.shell_blocks(p) if b.marker == "run"
                for c in b.commands()]  # fmt: skip
    for use in ("summarize seeds/", "summarize nightly", "summarize compare", "summarize eval"):
        assert any(use in c for c in commands), use
    outputs = [b.argument for p in doc_examples.pages() for b in doc_examples.output_blocks(p)]
    assert outputs.count("summarize seeds/ --length short") >= 2  # README and Getting started


def test_no_user_page_sends_the_reader_to_the_teams_own_data():
    assert not [p.name for p in USER_PAGES if "../shared" in p.read_text(encoding="utf-8")]


def test_every_link_of_the_readme_leads_to_a_page_that_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = [t.split("#")[0] for t in re.findall(r"\]\(([^)]+)\)", text) if "://" not in t]
    assert targets and all((ROOT / t).is_file() for t in targets), targets


def _keys(data: object, prefix: str = "") -> set[str]:
    """Every field name of `data`, nested ones too; the free-form maps (counts by kind, seconds by
    stage) count as one field."""
    if isinstance(data, list):
        return set().union(*(_keys(item, prefix) for item in data)) if data else set()
    if not isinstance(data, dict):
        return set()
    names = set()
    for key, value in data.items():
        names.add(key)
        if key not in ("removed", "timings_s"):
            names |= _keys(value, f"{prefix}{key}.")
    return names


def test_the_json_page_names_every_field_a_brief_and_a_night_write(tmp_path):
    page = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", page)) | set(re.findall(r"`[a-z_]+\[\]\.([a-z_]+)`", page))
    brief = summarize_folder(ROOT / "seeds", Options(mode="extractive")).to_dict()
    feed = tmp_path / "feed"
    shutil.copytree(ROOT / "seeds", feed / "blinken-beijing")
    out = tmp_path / "briefs"
    result = CliRunner().invoke(app, ["nightly", str(feed), "--out", str(out), "--mode", "extractive", "-q"])
    assert result.exit_code == 0, result.output
    night = next(out.glob("20*"))
    written = json.loads((night / "blinken-beijing" / "brief.json").read_text(encoding="utf-8"))
    index = json.loads((night / "index.json").read_text(encoding="utf-8"))
    fields = _keys(brief) | _keys(written) | _keys(index)
    assert fields - documented == set()
