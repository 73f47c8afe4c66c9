"""Broken nights (issue 12): hostile feeds, dead workers, racing runs, backfills."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.fs.folders import output_lock
from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.jobs.nightly import process_story as REAL_PROCESS_STORY
from summarize.jobs.nightly_safety import run_in_processes
from summarize.jobs.stories import Story
from summarize.options import Options

from .conftest import ROOT, SEEDS

runner = CliRunner()
HARBOR = ROOT / "tests" / "data" / "harbor"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def nightly(feed, out, **kw):
    return run_nightly(feed, NightlyOptions(out=out, date=kw.pop("date", "2026-11-22"), brief=Options(), **kw))


def feed_with(tmp_path: Path, *names: str) -> Path:
    feed = tmp_path / "feed"
    for k, name in enumerate(names):
        shutil.copytree(SEEDS if k % 2 == 0 else HARBOR, feed / name)
    return feed


def test_non_utf8_file_name_does_not_stop_the_night(tmp_path):
    feed = feed_with(tmp_path, "blinken", "harbor")
    src = (SEEDS / "000_bbc87aa43b802523.txt").read_bytes()
    with open(os.path.join(os.fsencode(feed / "blinken"), b"caf\xe9.txt"), "wb") as handle:
        handle.write(src)
    run = nightly(feed, tmp_path / "out")
    assert [o.status for o in run.outcomes] == ["written", "written"]
    assert (tmp_path / "out" / "2026-11-22" / "index.html").is_file()


def test_one_bad_json_file_does_not_stop_the_night(tmp_path):
    feed = feed_with(tmp_path, "blinken", "harbor")
    (feed / "harbor" / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (feed / "blinken" / "broken.json").write_text('[{"text": "unterminated')
    run = nightly(feed, tmp_path / "out")
    assert [o.status for o in run.outcomes] == ["written", "written"]


def test_reserved_and_colliding_story_names_get_unique_stable_ids(tmp_path):
    feed = feed_with(tmp_path, "index.html", "nightly.log", "a b", "a-b", "a-b-2", "latest")
    first = nightly(feed, tmp_path / "out")
    ids = [o.story for o in first.outcomes]
    assert len(set(ids)) == 6 and not {"index.html", "nightly.log", "latest"} & set(ids)
    assert "a-b" in ids and "a-b-2" in ids
    day = tmp_path / "out" / "2026-11-22"
    assert (day / "index.html").is_file() and (day / "nightly.log").is_file()
    assert os.readlink(tmp_path / "out" / "latest") == "2026-11-22"
    index = (day / "index.md").read_text()
    assert all(index.count(f"| {i} |") == 1 for i in ids)
    assert [o.story for o in nightly(feed, tmp_path / "out").outcomes] == ids  # stable


def test_unreadable_story_is_reported_and_fails_the_run(tmp_path):
    feed = feed_with(tmp_path, "blinken")
    (feed / "empty").mkdir()
    (feed / "empty" / "a.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = invoke("nightly", feed, "--out", tmp_path / "out", "--mode", "extractive", "--date", "2026-11-22")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "1 failed" in result.stderr and "failed: empty" in result.stderr


def test_a_second_run_on_the_same_out_is_refused_clearly(tmp_path):
    feed = feed_with(tmp_path, "blinken")
    with output_lock(tmp_path / "out"):
        result = invoke("nightly", feed, "--out", tmp_path / "out", "--mode", "extractive")
    assert result.exit_code == 4 and "another nightly run" in result.stderr and "Traceback" not in result.output
    assert not list((tmp_path / "out").iterdir())[1:]  # nothing but the lock file


def test_out_inside_the_feed_is_not_a_story(tmp_path):
    feed = feed_with(tmp_path, "blinken", "harbor")
    nightly(feed, feed / "briefs", date="2026-11-21")
    run = nightly(feed, feed / "briefs", date="2026-11-22")
    assert sorted(o.story for o in run.outcomes) == ["blinken", "harbor"]


def test_backfill_does_not_move_latest_back_and_reruns_drop_stale_stories(tmp_path):
    feed = feed_with(tmp_path, "blinken", "harbor")
    out = tmp_path / "out"
    nightly(feed, out, date="2026-11-22")
    nightly(feed, out, date="2026-11-20")
    assert os.readlink(out / "latest") == "2026-11-22"
    shutil.rmtree(feed / "harbor")
    nightly(feed, out, date="2026-11-22")
    assert not (out / "2026-11-22" / "harbor").exists()
    assert "harbor" not in (out / "2026-11-22" / "index.md").read_text()


def test_links_out_of_the_feed_are_not_followed(tmp_path):
    feed = feed_with(tmp_path, "blinken")
    outside = tmp_path / "elsewhere"
    shutil.copytree(HARBOR, outside)
    (feed / "harbor").symlink_to(outside)
    run = nightly(feed, tmp_path / "out")
    assert [o.story for o in run.outcomes] == ["blinken"]


def test_html_in_a_headline_is_escaped_in_the_markdown_index(tmp_path):
    feed = feed_with(tmp_path, "blinken")
    for path in (feed / "blinken").glob("*.txt"):
        path.write_text(path.read_text().replace("Blinken", "Blinken <img src=x onerror=alert(1)>"))
    nightly(feed, tmp_path / "out")
    day = tmp_path / "out" / "2026-11-22"
    for name in ("index.md", "blinken/brief.md"):
        text = (day / name).read_text()
        assert "<img" not in text and "&lt;img" in text


# --- workers -------------------------------------------------------------------------------------


def _die_on(story: Story, marker: str):
    """A job that kills its own worker: always for story "dies", once for story "once"."""
    if story.id == "dies" or (story.id == "once" and not os.path.exists(marker)):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    from summarize.jobs.nightly import Outcome

    return Outcome(story.id, "written", len(story.docs))


def test_a_killed_worker_loses_only_its_story(tmp_path):
    names = ["s1", "s2", "once", "s3", "dies", "s4", "s5", "s6"]
    jobs = [(Story(n, ()), str(tmp_path / f"{n}.marker")) for n in names]
    outcomes = {o.story: o for o in run_in_processes(_die_on, jobs, 2)}
    assert sorted(outcomes) == sorted(names)
    assert outcomes["dies"].status == "failed" and "worker process died" in outcomes["dies"].error
    assert all(outcomes[n].status == "written" for n in names if n != "dies")


SLOW_PARENT = """
import os, sys, time
from summarize.jobs.nightly_safety import run_in_processes
from summarize.jobs.stories import Story
def slow(story, folder):
    open(os.path.join(folder, str(os.getpid())), "w").close()
    time.sleep(60)
if __name__ == "__main__":
    list(run_in_processes(slow, [(Story(str(i), ()), sys.argv[1]) for i in range(4)], 2))
"""


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc")
def test_killing_the_parent_leaves_no_workers(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(SLOW_PARENT)
    pids = tmp_path / "pids"
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids)], env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.time() + 60
    while len(list(pids.iterdir())) < 2 and time.time() < deadline:
        time.sleep(0.2)
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) == 2
    parent.kill()
    parent.wait()
    deadline = time.time() + 10
    while any(_alive(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except OSError:
        return False


def _kill_a2_once(story, *rest):
    marker = os.environ["G12_KILL_MARKER"]
    if story.id == "a2" and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_PROCESS_STORY(story, *rest)


def test_night_with_a_worker_killed_still_writes_index_and_latest(tmp_path, monkeypatch):
    feed = feed_with(tmp_path, "a1", "a2", "a3", "a4")
    import summarize.jobs.nightly as nightly_module

    monkeypatch.setenv("G12_KILL_MARKER", str(tmp_path / "killed"))
    monkeypatch.setattr(nightly_module, "process_story", _kill_a2_once)
    run = nightly(feed, tmp_path / "out", workers=2)
    assert sorted(o.status for o in run.outcomes) == ["written"] * 4
    assert os.readlink(tmp_path / "out" / "latest") == "2026-11-22"
    assert json.loads((tmp_path / "out" / "2026-11-22" / "a2" / "brief.json").read_text())["sentences"]
