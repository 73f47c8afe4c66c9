"""The pages people read: the nightly index, per-story pages, the Atom feed and the compare report.

String checks here; what a browser shows is in test_pages_browser.py.
"""

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli import app
from summarize.jobs.compare import run_comparison
from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.options import Mode, Options
from summarize.output.compare_page import render_report
from summarize.output.pages import headline, short_note

from .conftest import GERMAN_ARTICLE, ROOT, SEEDS, write_articles
from .fakes import FakeGenerator

runner = CliRunner()
ATOM = "{http://www.w3.org/2005/Atom}"
HARBOR = ROOT / "tests" / "data" / "harbor"
HARBOR_TITLES = {p.read_text().splitlines()[0] for p in HARBOR.glob("*.txt")}
SEED_TITLES = {
    "Blinken: US, China agree to stabilize relationship",
    "Blinken, Xi pleased with progress in U.S.-China talks, but more work to be done",
}
REPLY = (
    "Antony Blinken said the United States and China agreed on the need to stabilize their relationship. "
    "Blinken said China has not agreed to restore military-to-military communications."
)
HOSTILE_TITLE = "Council <script>window.__pwned=1</script> budget vote"
HOSTILE = {
    "a.txt": f"{HOSTILE_TITLE}\n\nThe city council approved the transit budget on Monday after a long debate "
    '<img src=x onerror="window.__pwned=2"> over bus routes, officials said.\n\n'
    "The budget adds two bus routes and keeps fares at current levels for the coming year.",
    "b.txt": "Council passes transit budget\n\nThe city council approved the transit budget on Monday, "
    "adding two bus routes, officials said.\n\nFares stay at current levels for the coming year, "
    "the council said <script>window.__pwned=3</script> in a statement.",
}


def story_feed(tmp_path: Path) -> Path:
    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "blinken")
    shutil.copytree(HARBOR, feed / "harbor")
    return feed


def nightly(feed: Path, out: Path, date: str, **kw) -> object:
    return run_nightly(feed, NightlyOptions(out=out, date=date, brief=Options(), **kw))


def parse_atom(path: Path) -> ET.Element:
    """Parse and check what RFC 4287 requires of a feed and its entries (sections 4.1.1, 4.1.2)."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"

    def one(parent: ET.Element, name: str) -> ET.Element:
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, f"{parent.tag} needs exactly one atom:{name}, has {len(found)}"
        return found[0]

    def when(text: str) -> dt.datetime:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text), text
        return dt.datetime.fromisoformat(text)

    for name in ("id", "title", "updated"):
        one(root, name)
    when(one(root, "updated").text)
    assert re.match(r"[a-z][a-z0-9+.-]*:", one(root, "id").text), "atom:id must be an absolute IRI"
    has_author = bool(root.findall(f"{ATOM}author/{ATOM}name"))
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            one(entry, name)
        assert one(entry, "id").text.startswith("urn:uuid:")
        when(one(entry, "updated").text)
        assert has_author or entry.findall(f"{ATOM}author/{ATOM}name")
        assert [link.get("rel") for link in entry.findall(f"{ATOM}link")] == ["alternate"]
        assert entry.find(f"{ATOM}content").get("type") in ("text", "html", "xhtml")
    return root


def test_nightly_writes_story_cards_brief_pages_and_an_atom_feed(tmp_path):
    out = tmp_path / "briefs"
    nightly(story_feed(tmp_path), out, "2026-11-22")
    day = out / "2026-11-22"
    page = (day / "index.html").read_text()
    assert page.count('<article class="card written"') == 2
    assert '<nav class="toc"' in page and 'href="#story-harbor"' in page and 'href="#story-blinken"' in page
    # headline from the article titles, brief inline with numbered citations, sources named
    card = page.split('id="story-harbor"', 1)[1]
    title = re.search(r'<h2><a href="harbor/brief.html">(.*?)</a></h2>', card).group(1)
    assert title in HARBOR_TITLES
    assert re.search(r'<sup class="c"><a href="#story-harbor-src-1">\[1\]</a>', page)
    assert '<code class="file">daily-post.txt</code>' in page
    assert "Harbor bridge closes for repairs after storm damage" in page and "extractive" in page
    assert 'href="../feed.xml"' in page and "<script" not in page
    story = (day / "harbor" / "brief.html").read_text()
    assert f"<title>{title}</title>" in story
    assert 'href="../index.html"' in story and 'href="brief.json"' in story
    root = parse_atom(out / "feed.xml")
    entries = root.findall(f"{ATOM}entry")
    assert sorted(e.find(f"{ATOM}category").get("term") for e in entries) == ["blinken", "harbor"]
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert links == {"2026-11-22/blinken/brief.html", "2026-11-22/harbor/brief.html"}
    assert all((out / link).is_file() for link in links)  # relative to the feed's own address
    content = next(e for e in entries if "harbor" in e.find(f"{ATOM}link").get("href")).find(f"{ATOM}content").text
    assert '<ol class="sources">' in content and "[1]" in content


def test_feed_ids_are_stable_and_it_keeps_the_last_nights(tmp_path):
    feed, out = story_feed(tmp_path), tmp_path / "briefs"
    nightly(feed, out, "2026-11-20")
    first = {e.find(f"{ATOM}id").text for e in parse_atom(out / "feed.xml").findall(f"{ATOM}entry")}
    nightly(feed, out, "2026-11-20", force=True)  # the same night again: the same entries
    again = {e.find(f"{ATOM}id").text for e in parse_atom(out / "feed.xml").findall(f"{ATOM}entry")}
    assert first == again and len(first) == 2
    stamps = {e.find(f"{ATOM}updated").text for e in parse_atom(out / "feed.xml").findall(f"{ATOM}entry")}
    nightly(feed, out, "2026-11-21")
    nightly(feed, out, "2026-11-22", feed_nights=2)
    root = parse_atom(out / "feed.xml")
    # One entry per story, updated in place: the same id every night, linking to the latest
    # brief, and `updated` kept while the brief reads the same.
    hrefs = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert [h.split("/")[0] for h in hrefs] == ["2026-11-22"] * 2
    ids = {e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")}
    assert ids == first
    assert {e.find(f"{ATOM}updated").text for e in root.findall(f"{ATOM}entry")} == stamps
    newest = max(e.find(f"{ATOM}updated").text for e in root.findall(f"{ATOM}entry"))
    assert root.find(f"{ATOM}updated").text == newest


def test_failed_and_unchanged_stories_are_marked(tmp_path):
    feed, out = story_feed(tmp_path), tmp_path / "briefs"
    nightly(feed, out, "2026-11-21")
    write_articles(
        feed / "broken",
        {"a.txt": GERMAN_ARTICLE},
    )
    nightly(feed, out, "2026-11-22")
    page = (out / "2026-11-22" / "index.html").read_text()
    assert page.count('<article class="card unchanged"') == 2 and page.count('<article class="card failed"') == 1
    assert "InputError: no English articles" in page and "1 failed" in page
    assert not (out / "2026-11-22" / "broken" / "brief.html").exists()
    assert len(parse_atom(out / "feed.xml").findall(f"{ATOM}entry")) == 2  # one per story; failed ones have none


def test_a_notice_every_story_carries_is_said_once(tmp_path):
    options = Options(mode=Mode.auto, model=str(tmp_path / "no-model"))
    run_nightly(story_feed(tmp_path), NightlyOptions(out=tmp_path / "b", date="2026-11-22", brief=options))
    page = (tmp_path / "b" / "2026-11-22" / "index.html").read_text()
    assert page.count("abstractive mode unavailable") == 1 and 'class="notice page-notice"' in page
    assert page.count("(asked for auto)") == 2  # each card still says which mode wrote it
    assert "abstractive mode unavailable" in (tmp_path / "b" / "2026-11-22" / "harbor" / "brief.html").read_text()


def test_article_text_is_escaped_in_every_page_and_the_feed(tmp_path):
    feed = tmp_path / "feed"
    write_articles(feed / "council", HOSTILE)
    out = tmp_path / "briefs"
    run = nightly(feed, out, "2026-11-22")
    assert [o.status for o in run.outcomes] == ["written"]
    for page in (out / "2026-11-22" / "index.html", out / "2026-11-22" / "council" / "brief.html"):
        text = page.read_text()
        assert "<script" not in text and "<img" not in text and "&lt;script&gt;" in text
    root = parse_atom(out / "feed.xml")  # parses: nothing in the text broke the XML
    content = root.find(f"{ATOM}entry/{ATOM}content").text
    assert "<script" not in content and "&lt;script&gt;" in content  # escaped once more inside the HTML
    assert root.find(f"{ATOM}entry/{ATOM}title").text == HOSTILE_TITLE  # text, shown as text by readers


def test_control_characters_in_articles_do_not_break_the_feed(tmp_path):
    feed = tmp_path / "feed"
    write_articles(
        feed / "council",
        {
            "a.txt": "Council votes \x1b[31mbudget\x0b plan\n\nThe city council approved the transit budget on "
            "Monday after a long debate\x07 over bus routes, officials said.\x00 It adds two routes. "
            "The mayor said the new routes would start running in the spring and fares would not rise.\n",
            "b.txt": "Council passes budget plan\n\nThe city council approved the transit budget on Monday\x0c, "
            "adding two bus routes, officials said. The mayor told reporters the routes would start "
            "in the spring, and that fares would stay the same for the coming year. Opponents had "
            "argued for electric buses.\n",
        },
    )
    nightly(feed, tmp_path / "briefs", "2026-11-22")
    root = parse_atom(tmp_path / "briefs" / "feed.xml")  # XML 1.0 forbids them even escaped
    assert len(root.findall(f"{ATOM}entry")) == 1


def test_headline_prefers_the_title_that_matches_the_brief():
    brief = "The council approved the transit budget on Monday."
    assert (
        headline(["Hide Transcript Show Transcript", "Council approves transit budget"], brief)
        == "Council approves transit budget"
    )
    assert headline(["Hide Transcript Show Transcript"], brief) == brief  # furniture never wins
    assert (
        headline(["Tweet with a location"], "The council met at a new location.")
        == "The council met at a new location."
    )
    assert headline([], " ".join(["word"] * 20)).endswith("…")
    assert (
        short_note("not available: model x cannot be loaded (no network). Make it available with y")
        == "not available: model x cannot be loaded"
    )


def test_compare_with_one_mode_shows_one_column_and_a_one_line_note(tmp_path):
    result = run_comparison(SEEDS, Options(model=str(tmp_path / "none")))
    page = render_report("Compare: seeds", result.docs, result.columns)
    assert page.count('<section class="card brief"') == 1 and "repeat(1," in page
    notes = re.findall(r'<p class="unavailable"[^>]*>(.*?)</p>', page)
    assert len(notes) == 1 and "abstractive" in notes[0] and "\n" not in notes[0]
    assert re.search(r"<title>(.*?)</title>", page).group(1) in SEED_TITLES
    assert "Compare: seeds" in page


def test_compare_with_two_modes_numbers_citations_and_lists_each_source_sentence_once():
    result = run_comparison(SEEDS, Options(), generator=FakeGenerator([REPLY]))
    page = render_report("Compare: seeds", result.docs, result.columns)
    assert page.count('<section class="card brief"') == 2 and "repeat(2," in page
    assert 'id="ext-0"' in page and 'id="abs-0"' in page and "fake-model" in page
    marks = re.findall(r'<a href="#doc-(\d+)" title="([^"]+)">\[(\d+)\]</a>', page)
    assert marks and all(a == c for a, _, c in marks)
    legend = re.findall(r'<div class="doc" id="doc-(\d+)">', page)
    assert sorted(map(int, legend)) == list(range(1, len(result.docs) + 1))  # every source numbered
    for n, doc_id, _ in marks:  # the number in the text is the source in the legend
        section = page.split(f'id="doc-{n}"', 1)[1].split('<div class="doc"', 1)[0]
        assert f"{doc_id}.txt" in section or doc_id in section
    sources = re.findall(r'<span class="src" id="src-\d+">(.*?)</span>', page)
    assert len(sources) == len(set(sources)), "a source sentence is listed twice"
    for ids in re.findall(r'data-src="([^"]*)"', page):
        assert all(f'<span class="src" id="{i}">' in page for i in ids.split())
    # shares in percent everywhere: no 0.xx decimals mixed in; an SVG chart with a bar per brief
    table = page.split("<table>", 1)[1].split("</table>", 1)[0]
    for name in ("Novel unigrams", "Sentences supported", "Mean support", "Redundancy (max overlap)"):
        row = re.search(rf"<tr><td>{re.escape(name)}</td>(.*?)</tr>", table).group(1)
        assert re.fullmatch(r"(<td>\d{1,3}%</td>){2}", row), row
    assert page.count('<rect class="b0"') == 6 and page.count('<rect class="b1"') == 6
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_cli_compare_writes_the_report_with_the_story_title(tmp_path):
    html = tmp_path / "r.html"
    result = runner.invoke(app, ["compare", str(SEEDS), "--html", str(html), "--model", str(tmp_path / "none")])
    assert result.exit_code == 0, result.output
    page = html.read_text()
    assert re.search(r"<title>(.*?)</title>", page).group(1) in SEED_TITLES
    assert page.count('<p class="unavailable"') == 1


def test_templates_ship_inside_the_package():
    names = {p.name for p in files("summarize.output").joinpath("templates").iterdir()}
    assert {"compare.html", "nightly_index.html", "brief.html", "feed.xml"} <= names
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^dependencies = \[[^\]]*"jinja2', pyproject, re.M | re.I), "jinja2 is a main dependency"


def test_an_unreadable_brief_is_left_out_of_the_feed(tmp_path):
    out = tmp_path / "briefs"
    nightly(story_feed(tmp_path), out, "2026-11-22")
    (out / "2026-11-22" / "harbor" / "brief.json").write_text("{not json")
    from summarize.output.nightly_pages import write_feed

    root = parse_atom(write_feed(out, 7))
    assert [e.find(f"{ATOM}category").get("term") for e in root.findall(f"{ATOM}entry")] == ["blinken"]
