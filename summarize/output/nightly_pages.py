"""The nightly pages: `index.md`, a readable `index.html` of story cards, one `brief.html` per
story (templates/nightly_index.html, brief.html) and the Atom feed over the last nights (feed.xml).

Everything is built from the `brief.json` files on disk, so an unchanged story carried over from
an earlier night reads the same as one written tonight.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import quote

from ..fs.atomic import write_atomic
from ..fs.folders import FEED_ID_FILE, NIGHT_NAME
from ..jobs.stories import Feed
from ..text.safety import md_escape
from .pages import brief_view, number_sources, render

# Characters XML 1.0 forbids even as references; articles carry them (terminal escapes, form feeds).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def index_markdown(
    date: str,
    outcomes: Sequence,
    feed: Feed,  # type: ignore[type-arg]
    headlines: dict[str, str] | None = None,
) -> str:
    """The night as a Markdown table; `headlines` (story -> headline) replace the opening sentences."""
    headlines = headlines or {}
    lines = [
        f"# Briefs for {date}",
        "",
        f"{len(outcomes)} {'story' if len(outcomes) == 1 else 'stories'}, {_counts(outcomes)}.",
        "",
        "| story | headline | sources | files |",
        "|---|---|---|---|",
    ]
    for o in outcomes:
        if o.status == "failed":
            lines.append(f"| {o.story} | failed: {_cell(o.error)} | {o.sources} | |")
            continue
        link = quote(o.story)
        lines.append(
            f"| {o.story} | {_cell(headlines.get(o.story) or o.headline)}{_cell(_change(feed, o.story))} | {o.sources} | "
            f"[page]({link}/brief.html) · [brief]({link}/brief.md) · [json]({link}/brief.json) |"
        )
    if feed.ungrouped:
        lines += ["", f"Articles in no story: {md_escape(', '.join(feed.ungrouped))}"]
    if feed.non_articles:
        lines += ["", "Not articles (never grouped or briefed):", ""]
        lines += [f"- {md_escape(_cell(doc))}: {reason}" for doc, reason in feed.non_articles]
    return "\n".join(lines) + "\n"


def story_view(folder: Path, story: str, status: str, sources: int, error: str = "", facts: dict | None = None) -> dict:
    """One story as the templates show it; `brief` is None when failed or unreadable."""
    data = _read_brief(folder / story) if status != "failed" else None
    brief = brief_view(data, number_sources([data]), "s") if data else None
    facts = facts or {}
    return {
        "id": story,
        "status": status,
        "sources": sources,
        "error": error,
        "brief": brief,
        "headline": brief["title"] if brief else story,
        "outlets": facts.get("outlets", []),
        "span": _span(facts.get("first", ""), facts.get("last", "")),
        "change": "",
    }


def story_facts(feed: Feed) -> dict[str, dict]:
    """Per story: its outlets (site names, else domains; a file of a folder is its own), its
    articles, and its first and last publication dates ("" when none is known)."""
    facts = {}
    for story in feed.stories:
        dates = sorted(a.published for a in story.articles if a.published)
        outlets = sorted({a.outlet for a in story.articles if a.outlet})
        facts[story.id] = {
            "outlets": outlets,
            "outlet_count": len(outlets) or len(story.docs),
            "articles": len(story.docs),
            "first": dates[0] if dates else "",
            "last": dates[-1] if dates else "",
        }
    return facts


def ranked(outcomes: Sequence, facts: dict[str, dict]) -> list:  # type: ignore[type-arg]
    """The front page's order, by news value: most distinct outlets, then most articles, then the
    latest article first; failed stories last; the id breaks ties, so the order is stable."""

    def key(o) -> tuple:  # type: ignore[no-untyped-def,type-arg]
        f = facts.get(o.story, {})
        last = f.get("last", "")
        latest = dt.datetime.fromisoformat(last.replace("Z", "+00:00")).timestamp() if last else float("-inf")
        return (
            o.status == "failed",
            -f.get("outlet_count", o.sources),
            -f.get("articles", o.sources),
            -latest,
            o.story,
        )

    return sorted(outcomes, key=key)


def _span(first: str, last: str) -> str:
    """ "19 Jun 14:00 – 20 Jun 09:30 UTC" from two ISO times ("" when none)."""
    if not first:
        return ""
    a, b = (dt.datetime.fromisoformat(t.replace("Z", "+00:00")) for t in (first, last))
    show = "%d %b %H:%M"
    return f"{a:{show}} UTC" if a == b else f"{a:{show}} – {b:{show}} UTC"


def write_pages(folder: Path, outcomes: Sequence, feed: Feed) -> None:  # type: ignore[type-arg]
    """`index.md`, `index.html` (the front page, ranked by news value) and each story's
    `brief.html` in the night's `folder`."""
    facts = story_facts(feed)
    outcomes = ranked(outcomes, facts)
    stories = [story_view(folder, o.story, o.status, o.sources, o.error, facts.get(o.story)) for o in outcomes]
    for story, outcome in zip(stories, outcomes):
        story["added"] = _change(feed, story["id"]).strip(" ()")
        story["change"] = getattr(outcome, "change", "")
    for story in stories:
        if story["brief"] is not None:
            write_atomic(folder / story["id"] / "brief.html", render("brief.html", date=folder.name, story=story))
    headlines = {s["id"]: s["headline"] for s in stories if s["brief"] is not None}
    write_atomic(folder / "index.md", index_markdown(folder.name, outcomes, feed, headlines))
    briefs = [s["brief"] for s in stories if s["brief"] is not None]
    shared = [n for n in briefs[0]["notices"] if all(n in b["notices"] for b in briefs)] if briefs else []
    for brief in briefs:  # a notice every story carries (the model is missing) is said once, on top
        brief["notices"] = [n for n in brief["notices"] if n not in shared]
    write_atomic(
        folder / "index.html",
        render(
            "nightly_index.html",
            date=folder.name,
            stories=stories,
            counts=_counts(outcomes),
            ungrouped=list(feed.ungrouped),
            non_articles=list(feed.non_articles),
            notices=shared,
            newsroom=feed.newsroom,
        ),
    )


def write_feed(out: Path, nights: int = 7, base_url: str = "") -> Path:
    """`out/feed.xml`: an Atom 1.0 feed with one entry per story of the last `nights` runs, its
    latest brief: the same id every night, `updated` when the brief last changed. Links are
    absolute under `base_url` (where `out` is published), else relative to the feed."""
    feed_id = _feed_id(out)
    base = base_url.rstrip("/") + "/" if base_url else ""
    entries: list[dict] = []
    seen: set[str] = set()
    for night in _nights(out)[-nights:][::-1]:
        for story_dir in sorted(p for p in night.iterdir() if (p / "brief.json").is_file()):
            if story_dir.name in seen:
                continue
            story = story_view(night, story_dir.name, "written", 0)
            if story["brief"] is None:
                continue
            seen.add(story_dir.name)
            href = f"{base}{quote(night.name)}/{quote(story_dir.name)}/brief.html"
            changed = (_read_brief(story_dir) or {}).get("changed")
            entries.append(
                {
                    "id": f"urn:uuid:{uuid.uuid5(feed_id, story_dir.name)}",
                    "story": story,
                    "href": href,
                    "anchor": f"{night.name}-{story_dir.name}",
                    "updated": changed
                    if isinstance(changed, str) and changed
                    else _stamp((story_dir / "brief.json").stat().st_mtime),
                    "summary": " ".join(
                        s["text"] + "".join(f"[{n}]" for n in s["marks"]) for s in story["brief"]["sentences"]
                    ),
                }
            )
    try:
        release = version("summarize")
    except PackageNotFoundError:  # running from a source tree
        release = "0"
    updated = max((e["updated"] for e in entries), default=_stamp(dt.datetime.now().timestamp()))
    text = render(
        "feed.xml",
        id=f"urn:uuid:{feed_id}",
        title="Nightly briefs",
        nights=nights,
        updated=updated,
        entries=sorted(entries, key=lambda e: e["updated"], reverse=True),
        version=release,
        base=base,
    )
    write_atomic(out / "feed.xml", NOT_XML.sub("", text))  # only article text can hold them
    return out / "feed.xml"


def _feed_id(out: Path) -> uuid.UUID:
    path = out / FEED_ID_FILE
    try:
        return uuid.UUID(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        made = uuid.uuid4()
        write_atomic(path, f"{made}\n")
        return made


def _nights(out: Path) -> list[Path]:
    """The dated run folders under `out`, oldest first (`latest` and anything else ignored)."""
    found = []
    for path in out.iterdir():
        try:
            if not NIGHT_NAME.match(path.name):  # `20240101` would sort after `2024-06-01`
                continue
            dt.date.fromisoformat(path.name)
        except ValueError:
            continue
        if path.is_dir() and not path.is_symlink():
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def _read_brief(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and "sentences" in data and "sources" in data else None
    except (OSError, ValueError):
        return None


def _stamp(seconds: float) -> str:
    """An RFC 3339 time in UTC, as Atom requires."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def index_json(date: str, outcomes: Sequence, feed: Feed) -> str:  # type: ignore[type-arg]
    """The night as data: each story's id, headline, articles and outcome, in front-page order;
    the pages set aside; from feeds, what was outside the window and what failed."""
    by_id = {o.story: o for o in outcomes}
    facts = story_facts(feed)
    order = {o.story: n for n, o in enumerate(ranked(outcomes, facts))}
    stories = [
        {
            "id": s.id,
            "title": s.title,
            "articles": [d.id for d in s.docs],
            "added": s.added,
            "status": by_id[s.id].status if s.id in by_id else "",
            "change": getattr(by_id.get(s.id), "change", ""),
            "headline": by_id[s.id].headline if s.id in by_id else "",
            "outlets": facts[s.id]["outlets"],
            "first_published": facts[s.id]["first"],
            "last_published": facts[s.id]["last"],
        }
        for s in sorted(feed.stories, key=lambda s: order.get(s.id, len(order)))
    ]
    data: dict = {
        "date": date,
        "stories": stories,
        "ungrouped": list(feed.ungrouped),
        "non_articles": [{"id": doc, "reason": reason} for doc, reason in feed.non_articles],
    }
    if feed.newsroom is not None:
        room = feed.newsroom
        data["feeds"] = [{"url": url, "status": status} for url, status in room.feeds]
        data["fetched"] = room.fetched
        data["outside_window"] = {
            "count": len(room.outside),
            "articles": [{"id": i, "why": w} for i, w in room.outside],
        }
        data["failures"] = [{"kind": f.kind, "url": f.url, "why": f.why} for f in room.failures]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _change(feed: Feed, story_id: str) -> str:
    """ " (+2 articles since the earlier run today)" for a story that gained articles."""
    added = next((s.added for s in feed.stories if s.id == story_id), 0)
    return f" (+{added} article{'s' if added != 1 else ''} since the earlier run today)" if added else ""


def _counts(outcomes: Sequence) -> str:  # type: ignore[type-arg]
    from ..jobs.nightly_safety import OUTCOMES

    return ", ".join(f"{sum(o.status == s for o in outcomes)} {s}" for s in OUTCOMES)


def _cell(text: str) -> str:
    return md_escape(text)  # escapes "|" too: a cell never ends early
