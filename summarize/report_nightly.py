"""The nightly index: Markdown, and one self-contained, escaped HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from .stories import Feed
from .textsafety import md_escape

STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:1000px;margin:0 auto;padding:1rem}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;"
    "text-align:left;vertical-align:top}.failed{color:#b00}.muted{color:#666}"
)


def index_markdown(date: str, outcomes: Sequence, feed: Feed) -> str:  # type: ignore[type-arg]
    lines = [f"# Briefs for {date}", "", f"{len(outcomes)} stories, {_counts(outcomes)}.", "",
             "| story | headline | sources | files |", "|---|---|---|---|"]
    for o in outcomes:
        if o.status == "failed":
            lines.append(f"| {o.story} | failed: {_cell(o.error)} | {o.sources} | |")
            continue
        link = quote(o.story)
        lines.append(f"| {o.story} | {_cell(o.headline)} | {o.sources} | "
                     f"[brief]({link}/brief.md) · [json]({link}/brief.json) |")
    if feed.ungrouped:
        lines += ["", f"Articles in no story: {md_escape(', '.join(feed.ungrouped))}"]
    return "\n".join(lines) + "\n"


def index_html(date: str, outcomes: Sequence, feed: Feed) -> str:  # type: ignore[type-arg]
    rows = []
    for o in outcomes:
        link = escape(quote(o.story))
        if o.status == "failed":
            rows.append(f"<tr class=\"failed\"><td>{escape(o.story)}</td><td>failed: {escape(o.error)}</td>"
                        f"<td>{o.sources}</td><td></td></tr>")
            continue
        rows.append(f"<tr><td>{escape(o.story)}</td><td>{escape(o.headline)}</td><td>{o.sources}</td>"
                    f"<td><a href=\"{link}/brief.md\">brief</a> · <a href=\"{link}/brief.json\">json</a></td></tr>")
    loose = f"<p class=\"muted\">Articles in no story: {escape(', '.join(feed.ungrouped))}</p>" if feed.ungrouped else ""
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>Briefs for {escape(date)}</title><style>{STYLE}</style></head><body>"
        f"<h1>Briefs for {escape(date)}</h1><p>{len(outcomes)} stories, {escape(_counts(outcomes))}.</p>"
        "<table><tr><th>story</th><th>headline</th><th>sources</th><th>files</th></tr>"
        f"{''.join(rows)}</table>{loose}</body></html>\n"
    )


def _counts(outcomes: Sequence) -> str:  # type: ignore[type-arg]
    from .nightly import OUTCOMES

    return ", ".join(f"{sum(o.status == s for o in outcomes)} {s}" for s in OUTCOMES)


def _cell(text: str) -> str:
    return md_escape(text)  # escapes "|" too: a cell never ends early
