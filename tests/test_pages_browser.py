"""The pages in a real headless Chromium: what a person sees, clicks and what never runs.

CI installs Chromium (.ci/run), where a missing browser fails these tests instead of skipping them.
"""

from pathlib import Path

from summarize.jobs.compare import run_comparison
from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.options import Options
from summarize.output.compare_page import render_report

from . import browser
from .conftest import GERMAN_ARTICLE, SEEDS, write_articles
from .fakes import FakeGenerator
from .test_pages import HARBOR, HOSTILE, REPLY, SEED_TITLES, story_feed

# Runs after the page's own script; says what a reader would notice.
SAFE = """
return {pwned: typeof window.__pwned, handlers: document.querySelectorAll('[onerror],[onload]').length,
        scripts: document.scripts.length, images: document.images.length};
"""
EVERY_CLICK_IN_VIEW = """
var out = [];
document.querySelectorAll('.s').forEach(function(el){
  el.click();
  var first = document.querySelector('.src.hl');
  var r = first ? first.getBoundingClientRect() : null;
  out.push({id: el.id, sources: el.getAttribute('data-src').split(' ').filter(Boolean).length,
            highlighted: document.querySelectorAll('.src.hl').length,
            top: r && r.top, bottom: r && r.bottom});
});
return {clicks: out, height: window.innerHeight};
"""
LAYOUT = """
var box = function(q){var r = document.querySelector(q).getBoundingClientRect(); return [r.left, r.width, r.height];};
return {briefs: Array.from(document.querySelectorAll('.brief')).map(function(b){return b.getBoundingClientRect().width}),
        main: box('main'), aside: box('aside'), notes: Array.from(document.querySelectorAll('.unavailable')).map(
          function(n){return n.getBoundingClientRect().height}), title: document.title,
        chart: document.querySelectorAll('svg rect').length, width: window.innerWidth,
        scroll: document.documentElement.scrollWidth};
"""
CARDS = """
return {cards: Array.from(document.querySelectorAll('article.card')).map(function(c){
          return {id: c.id, cls: c.className, height: c.getBoundingClientRect().height,
                  sentences: c.querySelectorAll('.brief-text .s').length,
                  sources: Array.from(c.querySelectorAll('ol.sources li')).map(function(li){return li.innerText}),
                  visibleSources: c.querySelector('ol.sources') ? c.querySelector('ol.sources').getBoundingClientRect().height : 0};
        }),
        toc: Array.from(document.querySelectorAll('nav.toc a')).map(function(a){
          return !!document.getElementById(a.getAttribute('href').slice(1))})};
"""


def _page(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_compare_click_brings_every_highlight_into_view(tmp_path):
    result = run_comparison(SEEDS, Options(), generator=FakeGenerator([REPLY]))
    page = _page(tmp_path, "report.html", render_report("Compare: seeds", result.docs, result.columns))
    seen = browser.probe(page, EVERY_CLICK_IN_VIEW, width=1280, height=800)
    assert {c["id"] for c in seen["clicks"]} >= {"ext-0", "abs-0", "abs-1"}
    for click in seen["clicks"]:
        assert click["highlighted"] == click["sources"] > 0, click
        # 1 px: scrollIntoView aligns to fractional pixels
        assert -1 <= click["top"] and click["bottom"] <= seen["height"] + 1, f"highlight off-screen: {click}"
    layout = browser.probe(page, LAYOUT)
    assert len(layout["briefs"]) == 2 and layout["notes"] == []
    assert layout["aside"][0] > layout["main"][0] + layout["main"][1] - 1  # sources beside the briefs
    assert layout["title"] in SEED_TITLES and layout["chart"] == 12
    png = browser.screenshot(page, tmp_path / "compare.png", "#sel=abs-0")
    assert png.stat().st_size > 20_000  # a drawn page, not a blank one


def test_compare_without_the_model_is_one_full_width_brief_and_a_one_line_note(tmp_path):
    result = run_comparison(SEEDS, Options(model=str(tmp_path / "none")))
    page = _page(tmp_path, "report.html", render_report("Compare: seeds", result.docs, result.columns))
    layout = browser.probe(page, LAYOUT, width=1280, height=800)
    (width,) = layout["briefs"]
    assert width > 0.9 * layout["main"][1]
    (note,) = layout["notes"]
    assert note < 40, "the unavailable mode takes more than one line"


def test_compare_runs_no_script_from_article_text(tmp_path):
    folder = write_articles(tmp_path / "story", HOSTILE)
    result = run_comparison(folder, Options(), generator=FakeGenerator(["Nothing here holds."]))
    page = _page(tmp_path, "report.html", render_report("Compare <b>", result.docs, result.columns))
    seen = browser.probe(page, SAFE)
    assert seen == {"pwned": "undefined", "handlers": 0, "scripts": 2, "images": 0}  # its own + the probe


def test_nightly_index_shows_cards_and_runs_no_article_script(tmp_path):
    feed = story_feed(tmp_path)
    write_articles(feed / "council", HOSTILE)
    write_articles(
        feed / "broken",
        {"a.txt": GERMAN_ARTICLE},
    )
    out = tmp_path / "briefs"
    run_nightly(feed, NightlyOptions(out=out, date="2026-11-22", brief=Options()))
    index = out / "2026-11-22" / "index.html"
    seen = browser.probe(index, CARDS, width=1100, height=900)
    cards = {c["id"]: c for c in seen["cards"]}
    assert set(cards) == {"story-blinken", "story-broken", "story-council", "story-harbor"}
    assert "failed" in cards["story-broken"]["cls"] and cards["story-broken"]["sentences"] == 0
    for story in ("story-blinken", "story-council", "story-harbor"):
        card = cards[story]
        assert card["height"] > 100 and card["sentences"] > 0 and card["visibleSources"] > 0, card
    titles = {p.name: p.read_text().splitlines()[0] for p in HARBOR.glob("*.txt")}
    for line in cards["story-harbor"]["sources"]:  # each cited source: its title, then its file
        assert any(line == f"{title} {name}" for name, title in titles.items()), line
    assert seen["toc"] == [True] * 4
    for page in (index, out / "2026-11-22" / "council" / "brief.html"):
        assert browser.probe(page, SAFE) == {"pwned": "undefined", "handlers": 0, "scripts": 1, "images": 0}
    png = browser.screenshot(index, tmp_path / "index.png", width=1100, height=1400)
    assert png.stat().st_size > 20_000


def test_compare_stacks_on_a_narrow_screen(tmp_path):
    result = run_comparison(SEEDS, Options(), generator=FakeGenerator([REPLY]))
    page = _page(tmp_path, "report.html", render_report("Compare: seeds", result.docs, result.columns))
    layout = browser.probe(page, LAYOUT, width=500, height=800)  # headless Chromium's narrowest window
    width = layout["width"]
    assert layout["scroll"] <= width, "the page scrolls sideways"
    assert all(w > 0.8 * width for w in layout["briefs"]) and layout["aside"][1] > 0.8 * width
