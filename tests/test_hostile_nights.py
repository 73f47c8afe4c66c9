"""Hostile nights (issue 29): names the output uses, output read back as input, ids from files,
worker counts and dates that broke a night or let it write outside `--out`."""

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.fs.folders import RESERVED, is_reserved, valid_id
from summarize.jobs.nightly import NightlyOptions, input_hash, run_nightly, worker_count
from summarize.jobs.stories import Story
from summarize.options import Options

from .conftest import ROOT, SEEDS, make_raw

runner = CliRunner()
HARBOR = ROOT / "tests" / "data" / "harbor"
DATE = "2026-11-22"


def invoke(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def nightly(feed, out, **kw):
    return run_nightly(feed, NightlyOptions(out=out, date=kw.pop("date", DATE), brief=Options(), **kw))


def complete(out: Path, date: str = DATE) -> dict:
    """The night's index, after checking that the night is whole: index, `latest`, feed."""
    assert os.readlink(out / "latest") == date
    assert (out / "feed.xml").is_file() and (out / date / "index.html").is_file()
    return json.loads((out / date / "index.json").read_text(encoding="utf-8"))


def test_every_output_name_is_reserved_whatever_its_case():
    for name in [*RESERVED, "Index.JSON", "FEED.XML", "2024-01-08", ".index.json.ab12.tmp", "x.tmp"]:
        assert is_reserved(name) and not valid_id(name), name
    assert not is_reserved("harbor") and valid_id("harbor") and valid_id("index.json-2")
    assert not any(valid_id(n) for n in ["../../../x", "/etc", "a/b", "..", "", "x" * 200, 7, None])


@pytest.mark.parametrize("headline", ["Index.json ‼", "Index.json —", "FEED.xml", "2024-01-08"])
def test_a_headline_that_names_an_output_file_does_not_stop_the_night(tmp_path, headline):
    feed = tmp_path / "feed"
    feed.mkdir()
    for path in HARBOR.glob("*.txt"):
        (feed / path.name).write_text(f"{headline}\n\n{path.read_text(encoding='utf-8')}", encoding="utf-8")
    out = tmp_path / "out"
    run = nightly(feed, out)
    assert [o.status for o in run.outcomes] == ["written"]
    (story,) = complete(out)["stories"]
    assert valid_id(story["id"]) and (out / DATE / story["id"] / "brief.json").is_file()


def test_story_folders_named_after_every_output_name_give_a_complete_night(tmp_path):
    names = ["index.json", "Feed.XML", "INDEX.HTML", "index.md", "latest", "nightly.log", "2024-01-08", "a.tmp"]
    feed = tmp_path / "feed"
    for k, name in enumerate(names):
        shutil.copytree(SEEDS if k % 2 else HARBOR, feed / name)
    out = tmp_path / "out"
    run = nightly(feed, out)
    ids = [o.story for o in run.outcomes]
    assert len(set(ids)) == len(names) and all(valid_id(i) for i in ids)
    assert all(o.status == "written" for o in run.outcomes)
    assert sorted(s["id"] for s in complete(out)["stories"]) == sorted(ids)
    assert [o.story for o in nightly(feed, out).outcomes] == ids  # and the ids stay put


def test_out_equal_to_the_input_briefs_no_earlier_output(tmp_path, caplog):
    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "blinken")
    shutil.copytree(HARBOR, feed / "harbor")
    for date in ("2024-01-08", "2024-01-09"):  # the second night finds the first one's output in its input
        result = invoke("nightly", feed, "--out", feed, "--mode", "extractive", "--date", date)
        assert result.exit_code == 0, result.output
        assert sorted(s["id"] for s in complete(feed, date)["stories"]) == ["blinken", "harbor"]
    notices = [line for line in result.stderr.splitlines() if "never read as input" in line]
    assert len(notices) == 1 and "2024-01-08" in notices[0] and "latest" in notices[0]


def test_an_output_folder_deep_in_the_input_is_set_aside(tmp_path):
    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "blinken")
    shutil.copytree(HARBOR, feed / "harbor")
    nightly(feed, tmp_path / "out")
    # A copy of the output (no lock, no `latest`) inside a story folder, and a lone night beside them.
    shutil.copytree(tmp_path / "out" / DATE, feed / "harbor" / "old" / "briefs" / DATE)
    shutil.copytree(tmp_path / "out" / DATE, feed / "2024-01-01")
    run = nightly(feed, tmp_path / "out2")
    assert sorted(o.story for o in run.outcomes) == ["blinken", "harbor"]
    assert {o.sources for o in run.outcomes} == {len(list(SEEDS.glob("*.txt"))), 3}


def test_a_tampered_index_writes_nothing_outside_out(tmp_path):
    feed = tmp_path / "feed"
    feed.mkdir()
    for folder in (SEEDS, HARBOR):
        for path in folder.glob("*.txt"):
            shutil.copy(path, feed / path.name)
    out = tmp_path / "deep" / "out"
    nightly(feed, out)
    index_path = out / DATE / "index.json"
    index = json.loads(index_path.read_text())
    for story, evil in zip(index["stories"], ["../../../x", "index.json"]):
        story["id"] = evil
    index_path.write_text(json.dumps(index))
    before = sorted(p for p in tmp_path.rglob("*") if out not in p.parents and p != out)
    run = nightly(feed, out)
    assert len(run.outcomes) == 2 and all(valid_id(o.story) for o in run.outcomes)
    assert sorted(p for p in tmp_path.rglob("*") if out not in p.parents and p != out) == before
    assert not (tmp_path / "x").exists() and (out / DATE / "index.json").is_file()
    html = (out / DATE / "index.html").read_text()
    assert "../../../x" not in html and "index.json/brief" not in html


def test_a_latest_link_out_of_the_output_is_not_read(tmp_path):
    feed = tmp_path / "feed"
    shutil.copytree(HARBOR, feed / "harbor")
    elsewhere = tmp_path / "elsewhere"
    nightly(feed, elsewhere, date="2026-11-21")
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(elsewhere / "2026-11-21", out / "latest")
    run = nightly(feed, out)
    assert [o.status for o in run.outcomes] == ["written"]  # not carried over from outside `out`
    assert os.readlink(out / "latest") == DATE


@pytest.mark.parametrize("date", ["20240101", "2024-W01-1", "2024-1-1", "2024-02-30", "../../etc", "2024-01-01T00"])
def test_a_date_not_written_yyyy_mm_dd_is_refused(tmp_path, date):
    feed = tmp_path / "feed"
    shutil.copytree(HARBOR, feed / "harbor")
    result = invoke("nightly", feed, "--out", tmp_path / "out", "--mode", "extractive", "--date", date)
    assert result.exit_code == 2 and "not a YYYY-MM-DD date" in result.stderr and "--date" in result.stderr
    assert not (tmp_path / "out").exists()


def test_workers_are_capped_at_the_stories_and_the_cpus(tmp_path):
    assert worker_count(100_000, 1, cpus=8) == 1 and worker_count(100_000, 500, cpus=8) == 16
    assert worker_count(3, 500, cpus=8) == 3 and worker_count(0, 0) == 1
    feed = tmp_path / "feed"
    shutil.copytree(HARBOR, feed / "harbor")
    result = invoke("nightly", feed, "--out", tmp_path / "out", "--mode", "extractive", "--workers", "100000")
    assert result.exit_code == 0, result.output
    assert "--workers 100000: starting 1 (1 story" in result.stderr
    assert "1 written" in result.stderr


def test_the_unchanged_hash_covers_the_prompts_text_and_the_release(tmp_path, monkeypatch):
    import summarize.jobs.nightly as nightly_module

    story = Story("s", (make_raw("a", "Some text."),))
    prompt = tmp_path / "prompt.txt"
    prompt.write_text("Summarize in $words words:\n$sources\n")
    options = Options(prompt=prompt)
    first = input_hash(story, options)
    prompt.write_text("Summarise, neutrally, in $words words:\n$sources\n")
    edited = input_hash(story, options)
    assert edited != first
    monkeypatch.setattr(nightly_module, "release", lambda: "999.0")
    assert input_hash(story, options) != edited


def test_tests_read_no_real_cache():
    from huggingface_hub import constants

    from .conftest import CACHE

    for name in ("HF_HOME", "HF_HUB_CACHE", "TORCH_HOME", "XDG_CACHE_HOME"):
        assert Path(os.environ[name]).is_relative_to(CACHE), name
    assert Path(constants.HF_HUB_CACHE).is_relative_to(CACHE)


MEMORY = "as imported"  # what a worker sees of this module: a forked one would inherit the parent's


def _what_the_worker_remembers(story):
    from summarize.jobs.nightly_safety import Outcome

    return Outcome(story.id, "written", 0, MEMORY)


def test_workers_start_fresh_not_forked(monkeypatch):
    """A forked worker inherits the parent's threads and locks (torch's among them) and can hang."""
    from summarize.jobs.nightly_safety import run_in_processes

    monkeypatch.setattr(f"{__name__}.MEMORY", "changed in the parent")
    (outcome,) = run_in_processes(_what_the_worker_remembers, [(Story("s", ()),)], 1)
    assert outcome.headline == "as imported"
