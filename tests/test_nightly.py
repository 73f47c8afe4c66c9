import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.fs.atomic import safe_name, write_atomic
from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.jobs.stories import read_feed
from summarize.options import Options

from .conftest import GERMAN_ARTICLE, ROOT, SEEDS

runner = CliRunner()
HARBOR = ROOT / "tests" / "data" / "harbor"
EXTRACTIVE = Options()  # the library default mode is extractive: no model involved


def story_feed(tmp_path: Path) -> Path:
    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "blinken")
    shutil.copytree(HARBOR, feed / "harbor")
    return feed


def flat_feed(tmp_path: Path) -> Path:
    feed = tmp_path / "flat"
    feed.mkdir()
    for folder in (SEEDS, HARBOR):
        for path in folder.glob("*.txt"):
            shutil.copy(path, feed / path.name)
    return feed


def nightly(feed, out, **kw):
    return run_nightly(feed, NightlyOptions(out=out, date=kw.pop("date", "2026-11-22"), brief=EXTRACTIVE, **kw))


def test_story_folders_become_briefs_an_index_and_latest(tmp_path):
    run = nightly(story_feed(tmp_path), tmp_path / "briefs")
    day = tmp_path / "briefs" / "2026-11-22"
    assert [o.status for o in run.outcomes] == ["written", "written"]
    for story in ("blinken", "harbor"):
        data = json.loads((day / story / "brief.json").read_text())
        assert data["story"] == story and data["sentences"] and data["input_hash"]
        assert (day / story / "brief.md").read_text().startswith(f"# {story}")
    assert os.readlink(tmp_path / "briefs" / "latest") == "2026-11-22"
    index = (day / "index.md").read_text()
    assert "| harbor |" in index and "[brief](harbor/brief.md)" in index and "| 3 |" in index
    html = (day / "index.html").read_text()
    assert 'href="blinken/brief.json"' in html and "<script" not in html
    assert "status=written" in (day / "nightly.log").read_text()


def test_flat_folder_is_grouped_into_stories(tmp_path):
    feed = read_feed(flat_feed(tmp_path))
    groups = sorted(sorted(d.id for d in s.docs) for s in feed.stories)
    expected = sorted([sorted(p.stem for p in HARBOR.glob("*.txt")), sorted(p.stem for p in SEEDS.glob("*.txt"))])
    assert groups == expected and feed.ungrouped == ()


def test_flat_folder_nightly_names_stories_after_a_headline(tmp_path):
    run = nightly(flat_feed(tmp_path), tmp_path / "briefs")
    assert len(run.outcomes) == 2 and all(o.status == "written" for o in run.outcomes)
    assert any(o.story.startswith("harbor") or "bridge" in o.story for o in run.outcomes)


EVALDATA = ROOT.parent / "shared" / "evaldata" / "multinews-dev"


@pytest.mark.skipif(not EVALDATA.is_dir(), reason="evaluation data not present (CI has it, users do not)")
def test_two_evaluation_stories_mixed_in_one_folder_come_apart(tmp_path):
    feed = tmp_path / "mixed"
    feed.mkdir()
    clusters = ["test0023", "test0319"]
    for cluster in clusters:
        for path in (EVALDATA / cluster / "docs").glob("*.txt"):
            shutil.copy(path, feed / f"{cluster}-{path.name}")
    stories = read_feed(feed, min_articles=1).stories
    for story in stories:
        assert len({d.id.split("-")[0] for d in story.docs}) == 1, [d.id for d in story.docs]


def test_unchanged_stories_are_skipped_and_force_redoes_them(tmp_path):
    feed, out = story_feed(tmp_path), tmp_path / "briefs"
    nightly(feed, out)
    assert [o.status for o in nightly(feed, out).outcomes] == ["unchanged", "unchanged"]
    assert [o.status for o in nightly(feed, out, force=True).outcomes] == ["written", "written"]
    (feed / "harbor" / "bay-radio.txt").write_text(
        "A new article: ferries resumed normal service on Friday, operators said."
    )
    assert {o.story: o.status for o in nightly(feed, out).outcomes} == {"blinken": "unchanged", "harbor": "written"}


def test_next_nights_run_carries_unchanged_briefs_over(tmp_path):
    feed, out = story_feed(tmp_path), tmp_path / "briefs"
    nightly(feed, out, date="2026-11-21")
    run = nightly(feed, out, date="2026-11-22")
    assert [o.status for o in run.outcomes] == ["unchanged", "unchanged"]
    assert (out / "2026-11-22" / "harbor" / "brief.json").is_file()
    assert os.readlink(out / "latest") == "2026-11-22"


def test_a_failing_story_is_reported_and_the_others_complete(tmp_path):
    feed = story_feed(tmp_path)
    (feed / "broken").mkdir()
    (feed / "broken" / "a.txt").write_text(GERMAN_ARTICLE)
    result = runner.invoke(
        app, ["nightly", str(feed), "--out", str(tmp_path / "b"), "--mode", "extractive", "--date", "2026-11-22"]
    )
    assert result.exit_code == 1
    assert "2 written" in result.stderr and "1 failed" in result.stderr and "broken" in result.stderr
    day = tmp_path / "b" / "2026-11-22"
    assert (day / "harbor" / "brief.json").is_file() and not (day / "broken" / "brief.json").exists()
    assert "failed: InputError" in (day / "index.md").read_text()
    assert "status=failed" in (day / "nightly.log").read_text()


def test_cli_success_and_bad_input_exit_codes(tmp_path):
    ok = runner.invoke(app, ["nightly", str(story_feed(tmp_path)), "--out", str(tmp_path / "o"), "-m", "extractive"])
    assert ok.exit_code == 0 and "2 written" in ok.stderr
    assert "[1/2]" in ok.stderr  # plain progress lines when not a terminal
    missing = runner.invoke(app, ["nightly", str(tmp_path / "none"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "no such folder" in missing.stderr
    bad_date = runner.invoke(
        app, ["nightly", str(story_feed(tmp_path / "x")), "--out", str(tmp_path / "o"), "--date", "../../etc"]
    )
    assert bad_date.exit_code == 2 and "not a YYYY-MM-DD date" in bad_date.stderr


def test_story_names_cannot_escape_the_output_folder(tmp_path):
    for hostile in ("../../etc", "/abs/path", "a\0b", "..", "naïve story?"):
        name = safe_name(hostile)
        assert "/" not in name and "\0" not in name and name not in ("", ".", "..")
        assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_a_write_interrupted_midway_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.json"
    target.write_text("old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new" * 1000)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["brief.json"]


def test_a_writer_killed_midway_leaves_the_old_file(tmp_path):
    target = tmp_path / "brief.json"
    target.write_text("old")
    code = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from summarize.fs import atomic as files\n"
        "os.fsync = lambda fd: (print('writing', flush=True), time.sleep(30))\n"
        f"files.write_atomic(Path({str(target)!r}), 'new' * 100000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert target.read_text() == "old"
    # The next run sweeps the killed writer's temporary file away.
    from summarize.fs.atomic import remove_stale_temporaries

    assert remove_stale_temporaries(tmp_path) == 1 and [p.name for p in tmp_path.iterdir()] == ["brief.json"]


def test_two_worker_processes(tmp_path):
    run = nightly(story_feed(tmp_path), tmp_path / "briefs", workers=2)
    assert sorted(o.status for o in run.outcomes) == ["written", "written"]


def test_ray_engine_in_a_local_runtime(tmp_path):
    ray = pytest.importorskip("ray")
    try:
        run = nightly(story_feed(tmp_path), tmp_path / "briefs", engine="ray", workers=1)
    finally:
        ray.shutdown()
    assert sorted(o.status for o in run.outcomes) == ["written", "written"]
    assert (tmp_path / "briefs" / "2026-11-22" / "blinken" / "brief.json").is_file()


def test_a_one_story_night_says_one_story_not_one_stories(tmp_path):
    feed = tmp_path / "feed"
    shutil.copytree(HARBOR, feed / "harbor")
    nightly(feed, tmp_path / "out", date="2026-11-22")
    assert "\n1 story, 1 written" in (tmp_path / "out" / "2026-11-22" / "index.md").read_text()


def test_nightly_reads_each_file_up_to_max_file_mb(tmp_path):
    """`nightly --max-file-mb` caps each file as the main command's option does: the longest seed
    (23.6 KB) is read up to 20 KB, and the run says so."""
    feed = story_feed(tmp_path)
    capped = runner.invoke(
        app, ["nightly", str(feed), "--out", str(tmp_path / "o"), "-m", "extractive", "--max-file-mb", "0.02"]
    )
    assert capped.exit_code == 0 and "larger than 20000 bytes; only the start is read" in capped.stderr
    whole = runner.invoke(app, ["nightly", str(feed), "--out", str(tmp_path / "p"), "-m", "extractive"])
    assert whole.exit_code == 0 and "only the start is read" not in whole.stderr
