"""`summarize nightly --feeds`: a night from three outlets' feeds served on 127.0.0.1, run twice."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path

import feedparser
import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.web.dates import date_days, in_window, published
from summarize.web.feeds import read_feed_list

from .newsroom import Outlet, Topic, article, page

NIGHT = dt.datetime(2026, 6, 21, 12, tzinfo=dt.UTC)
BASE = "https://news.example/briefs/"
FOLLOW_UP = "On Tuesday the {agency} ordered {n} more {thing} inspections across {town} county, {last} said."


def nightly(*args: str) -> None:
    result = CliRunner().invoke(app, ["nightly", *args, "--delay", "0", "--quiet"])
    assert result.exit_code == 0, result.output


def index(out: Path, date: str) -> dict:
    return json.loads((out / date / "index.json").read_text(encoding="utf-8"))


@pytest.fixture
def newsroom(tmp_path):
    """Three outlets of 40 articles each (40 stories, one article per outlet), and their feed list."""
    outlets = [Outlet(site) for site in ("Harbor Post", "Valley Times", "Coast Courier")]
    servers = [o.serve() for o in outlets]
    for n in range(40):
        for k, outlet in enumerate(outlets):
            outlet.add(f"/news/{n}-{k}.html", *article(Topic(n), k), NIGHT - dt.timedelta(hours=n % 20))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# the night's outlets\n" + "".join(f"{o.base}/feed.xml\n" for o in outlets))
    yield outlets, feeds
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_night_from_three_feeds_run_twice(newsroom, tmp_path):
    outlets, feeds = newsroom
    out = tmp_path / "briefs"
    command = ["--feeds", str(feeds), "--out", str(out), "--base-url", BASE, "--window", "72", "--mode", "extractive"]
    nightly(*command, "--date", "2026-06-21")
    first = index(out, "2026-06-21")
    assert len(first["stories"]) == 40 and first["fetched"] == 120 and first["failures"] == []
    assert {s["change"] for s in first["stories"]} == {"new"}
    assert all(len(s["outlets"]) == 3 for s in first["stories"])
    # Between the nights: four new stories in two outlets, and a follow-up of story 0 in both.
    for outlet in outlets:
        outlet.seen.clear()
    for k, outlet in enumerate(outlets[:2]):
        for n in range(40, 44):
            outlet.add(f"/news/{n}-{k}.html", *article(Topic(n), k), NIGHT + dt.timedelta(hours=20))
        t = Topic(0)
        extra = FOLLOW_UP.format(agency=t.agency, n=12, thing=t.thing, town=t.town, last=t.person.split()[1])
        outlet.add(f"/news/0-{k}-update.html", *article(t, k + 1, extra), NIGHT + dt.timedelta(hours=22))
    nightly(*command, "--date", "2026-06-22")
    second = index(out, "2026-06-22")

    # The unchanged feed cost one conditional request; only the ten new pages were fetched.
    assert ("/feed.xml", 304) in outlets[2].seen and [p for p, _ in outlets[2].seen if p.startswith("/news/")] == []
    fetched = sorted(p for o in outlets for p, _ in o.seen if p.startswith("/news/"))
    assert len(fetched) == 10 and all(
        p.endswith(("-update.html",)) or int(p.split("/")[2].split("-")[0]) >= 40 for p in fetched
    )
    assert {f["status"] for f in second["feeds"]} == {200, 304} and second["fetched"] == 10

    changes = {s["id"]: s["change"] for s in second["stories"]}
    updated = [s for s in second["stories"] if s["change"] == "updated"]
    assert len(updated) == 1 and len(updated[0]["articles"]) == 5
    assert sum(c == "new" for c in changes.values()) == 4
    assert sum(c == "unchanged" for c in changes.values()) == 39
    # The updated story's brief leads with what last night's did not have.
    brief = json.loads((out / "2026-06-22" / updated[0]["id"] / "brief.json").read_text(encoding="utf-8"))
    marks = [s.get("new", False) for s in brief["sentences"]]
    assert marks[0] and marks == sorted(marks, reverse=True)
    assert "ordered 12 more" in brief["sentences"][0]["text"]
    # "On Tuesday" in an article of Monday June 22 is June 16: the date in editorial brackets.
    assert brief["sentences"][0]["text"].startswith("On Tuesday [June 16] the ")
    # The front page ranks by outlets, then articles: the five-article story of three outlets first,
    # the new two-outlet stories last.
    assert second["stories"][0]["id"] == updated[0]["id"]
    assert [len(s["outlets"]) for s in second["stories"]][-4:] == [2, 2, 2, 2]

    # One Atom entry per story, updated in place; absolute links; no parse error.
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 44 == len({e.id for e in feed.entries})
    assert all(e.link.startswith(BASE) for e in feed.entries)
    by_story = {e.tags[0].term: e for e in feed.entries}
    assert "2026-06-22" in by_story[updated[0]["id"]].link
    unchanged = next(i for i, c in changes.items() if c == "unchanged")
    first_brief = json.loads((out / "2026-06-21" / unchanged / "brief.json").read_text(encoding="utf-8"))
    assert by_story[unchanged].updated == first_brief["changed"]

    # The sources: outlet, headline, date and link, in the JSON and on the story page.
    source = brief["sources"][0]
    assert source["outlet"] in {o.site for o in outlets} and source["url"].startswith("http://127.0.0.1:")
    assert source["title"] and source["published"].startswith("2026-06-2")
    story_page = (out / "2026-06-22" / updated[0]["id"] / "brief.html").read_text(encoding="utf-8")
    assert f'href="{source["url"]}"' in story_page and source["outlet"] in story_page


def test_the_store_reruns_a_night_offline_and_the_window_sets_old_articles_aside(newsroom, tmp_path):
    outlets, feeds = newsroom
    old = outlets[0]
    for k in range(2):  # a story ten days old, in the feed beside tonight's
        old.add(f"/news/old-{k}.html", *article(Topic(90), k), NIGHT - dt.timedelta(days=10))
    old.add("/private/memo.html", *article(Topic(91), 0), NIGHT)  # robots.txt disallows it
    old.entries.append(("/news/gone.html", "Gone", NIGHT))  # the page is not there
    out = tmp_path / "briefs"
    nightly("--feeds", str(feeds), "--out", str(out), "--date", "2026-06-21", "--window", "72", "--mode", "extractive")
    night = index(out, "2026-06-21")
    assert night["outside_window"]["count"] == 2
    assert {f["why"] for f in night["failures"]} == {"robots.txt disallows it", "HTTP 404"}
    assert not any(p.startswith("/private/") for p, _ in old.seen)
    stories = {s["id"] for s in night["stories"]}
    for outlet in outlets:  # offline: nothing is fetched again
        outlet.seen.clear()
    nightly("--from-store", "--out", str(out), "--date", "2026-06-21", "--window", "72", "--mode", "extractive")
    assert {s["id"] for s in index(out, "2026-06-21")["stories"]} == stories
    assert all(o.seen == [] for o in outlets)


def test_a_feed_that_fails_costs_only_itself(newsroom, tmp_path):
    outlets, feeds = newsroom
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{closed.getsockname()[1]}/feed.xml"
    feeds.write_text(feeds.read_text() + f"{down}\n{outlets[0].base}/nothing.xml\n")
    host = outlets[1]  # a redirecting page, an oversized one and a slow one
    host.add("/news/moved-target.html", *article(Topic(70), 0), NIGHT, in_feed=False)
    host.moved["/news/moved.html"] = "/news/moved-target.html"
    host.entries.append(("/news/moved.html", "Moved", NIGHT))
    headline, text = article(Topic(71), 0)
    host.add("/news/huge.html", headline, text + "\n\n" + "padding " * 700_000, NIGHT)
    host.add("/news/slow.html", *article(Topic(72), 0), NIGHT)
    host.slow.add("/news/slow.html")
    out = tmp_path / "briefs"
    nightly(
        "--feeds",
        str(feeds),
        "--out",
        str(out),
        "--date",
        "2026-06-21",
        "--mode",
        "extractive",
        "--fetch-timeout",
        "1",
    )
    night = index(out, "2026-06-21")
    assert len(night["stories"]) == 40
    failed = {f["url"]: f["why"] for f in night["failures"]}
    assert failed[f"{outlets[0].base}/nothing.xml"] == "HTTP 404"
    assert failed[down].startswith("robots.txt could not be read (cannot connect")
    assert failed[f"{host.base}/news/huge.html"] == "larger than 5 MB"
    assert failed[f"{host.base}/news/slow.html"] == "took longer than 1 s"
    stored = json.loads((out / "store" / "feeds.json").read_text(encoding="utf-8"))
    assert stored[f"{host.base}/feed.xml"]["entries"][f"{host.base}/news/moved.html"]["article"]


def test_relative_days_get_their_date_in_brackets():
    wednesday = dt.date(2023, 6, 21)
    assert date_days("The mayor said Monday that it would reopen.", wednesday) == (
        "The mayor said Monday [June 19] that it would reopen."
    )
    assert date_days("It rained yesterday and will again next Monday.", wednesday) == (
        "It rained yesterday [June 20] and will again next Monday [June 26]."
    )
    assert date_days("On Wednesday, June 21, he spoke.", wednesday) == "On Wednesday, June 21, he spoke."


def test_a_brief_dated_again_is_dated_once():
    """A folder night dates a brief twice: the brief's own pass (pipeline/run.dated) and the
    nightly's dress (which must date the new-fact lead it adds). The second pass leaves a day
    already dated, even a day later (another article's date), so no sentence reads "Monday
    [June 19] [June 12]"."""
    wednesday, later = dt.date(2023, 6, 21), dt.date(2023, 6, 28)
    for text in (
        "The mayor said Monday that it would reopen.",
        "It rained yesterday and will again next Monday, officials said on Tuesday.",
        "Talks resume today; last Friday they stalled, and since Sunday nothing has moved.",
    ):
        once = date_days(text, wednesday)
        assert once != text and date_days(once, wednesday) == once and date_days(once, later) == once


def test_dates_and_the_window():
    end = dt.datetime(2026, 6, 22, tzinfo=dt.UTC)
    assert published("Sun, 21 Jun 2026 14:00:00 GMT") == dt.datetime(2026, 6, 21, 14, tzinfo=dt.UTC)
    assert published("2026-06-21") == dt.datetime(2026, 6, 21, tzinfo=dt.UTC) and published("soon") is None
    assert in_window(published("2026-06-21T10:00:00Z"), end, 48) == ""
    assert in_window(published("2026-06-11T10:00:00Z"), end, 72) == "older than the 72-hour window"
    assert in_window(published("2026-06-23T10:00:00Z"), end, 72) == "published after the night"


def test_a_feed_list_is_lines_or_opml(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="news">'
        '<outline type="rss" xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/atom"/>'
        "</outline></body></opml>"
    )
    assert read_feed_list(opml) == ["https://a.example/rss", "https://b.example/atom"]
    bad = tmp_path / "bad.txt"
    bad.write_text("file:///etc/passwd\n")
    result = CliRunner().invoke(app, ["nightly", "--feeds", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "not an http(s) URL" in result.output


def test_a_folder_night_dates_its_articles_from_records_and_pages(tmp_path):
    feed = tmp_path / "feed"
    feed.mkdir()
    records = []
    for k in range(2):  # tonight's story, in an export with `published`; an old one with `date`
        headline, text = article(Topic(5), k)
        records.append({"id": f"plant-{k}", "title": headline, "text": text, "published": "2026-06-21T09:00:00Z"})
        headline, text = article(Topic(6), k)
        records.append({"id": f"old-{k}", "title": headline, "text": text, "date": "2026-06-01"})
    (feed / "night.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    headline, text = article(Topic(5), 2)
    (feed / "page.html").write_bytes(page(headline, text, "Coast Courier", NIGHT - dt.timedelta(days=1)))
    out = tmp_path / "briefs"
    nightly(str(feed), "--out", str(out), "--date", "2026-06-21", "--window", "72", "--mode", "extractive")
    night = index(out, "2026-06-21")
    assert night["outside_window"]["count"] == 2 and len(night["stories"]) == 1
    story = night["stories"][0]
    assert len(story["articles"]) == 3 and story["first_published"] == "2026-06-20T12:00:00Z"
    brief = json.loads((out / "2026-06-21" / story["id"] / "brief.json").read_text(encoding="utf-8"))
    mondays = [s["text"] for s in brief["sentences"] if "Monday" in s["text"]]
    assert mondays and all("Monday [June 15]" in text for text in mondays)  # June 21 2026 is a Sunday
