"""Feeds in: poll RSS/Atom feeds (feedparser), fetch each new entry's page and store it.

    urls = read_feed_list(Path("feeds.txt"))      # one URL a line, or an OPML file
    harvest = poll(urls, Store(out), Polite(FetchLimits(deadline=10)))

An unchanged feed costs one conditional request (ETag / Last-Modified, answered 304); an entry
already stored is never fetched again (unless the feed says it was updated). A feed or page that
fails costs only itself: `Harvest.failures` says which and why, and a page that failed is tried
again next run.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..text.safety import printable, strip_invisible
from .dates import html_date, stamp
from .fetch import FetchError
from .polite import Polite
from .store import Article, Store, article_id, domain

log = logging.getLogger(__name__)

MAX_WORKERS = 8  # page fetches in flight at once, over all hosts (each host has its own cap)


@dataclass(frozen=True, slots=True)
class Failure:
    kind: str  # "feed" or "page"
    url: str
    why: str


@dataclass(frozen=True, slots=True)
class Harvest:
    feeds: tuple[tuple[str, int], ...]  # (feed URL, HTTP status: 200, 304; 0 when it failed)
    fetched: tuple[str, ...]  # ids of the articles fetched this run
    failures: tuple[Failure, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    feed: str
    key: str
    link: str
    title: str
    published: str
    updated: str


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs of `path`: an OPML file (its outlines' `xmlUrl`), else one URL a line (blank
    lines and `#` comments skipped)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"--feeds {printable(str(path))}: cannot read it ({err.__class__.__name__})") from None
    if text.lstrip().startswith("<"):
        import xml.etree.ElementTree as ET  # expat: no external entities, and it bounds entity expansion

        try:
            root = ET.fromstring(text)
        except ET.ParseError as err:
            raise InputError(f"--feeds {printable(str(path))}: not an OPML file ({err})") from None
        urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        urls = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https")]
    if bad:
        raise InputError(f"--feeds {printable(str(path))}: {printable(bad[0])} is not an http(s) URL")
    if not urls:
        raise InputError(f"--feeds {printable(str(path))}: no feed URLs in it")
    return list(dict.fromkeys(urls))


def poll(urls: list[str], store: Store, polite: Polite) -> Harvest:
    """Poll every feed, fetch and store the pages of its new entries (see the module docstring)."""
    states = store.feed_states()
    failures: list[Failure] = []
    statuses: list[tuple[str, int]] = []
    wanted: list[_Entry] = []
    for url in urls:
        state = states.setdefault(url, {"entries": {}})
        try:
            entries, status = _read_feed(url, state, polite)
        except FetchError as err:
            failures.append(Failure("feed", url, err.reason))
            statuses.append((url, 0))
            entries, status = [], 0
        if status:
            statuses.append((url, status))
        seen = state.setdefault("entries", {})
        for entry in entries:
            known = seen.get(entry.key) or {}
            if not known.get("article") or known.get("updated") != entry.updated:
                seen[entry.key] = {**_as_dict(entry), "article": ""}
        # Entries not stored yet: tonight's new ones, and those whose page failed before.
        for key, known in seen.items():
            if not known.get("article"):
                wanted.append(_Entry(url, key, *(str(known.get(f, "")) for f in _FIELDS)))
    fetched: list[str] = []
    with ThreadPoolExecutor(max_workers=max(1, min(MAX_WORKERS, polite.per_host * len(urls)))) as pool:
        for entry, result in zip(wanted, pool.map(lambda e: _fetch_article(e, store, polite), wanted)):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                states[entry.feed]["entries"][entry.key]["article"] = result
                fetched.append(result)
    store.save_feed_states(states)
    return Harvest(tuple(statuses), tuple(fetched), tuple(failures))


_FIELDS = ("link", "title", "published", "updated")


def _as_dict(entry: _Entry) -> dict[str, str]:
    return {f: getattr(entry, f) for f in _FIELDS}


def _read_feed(url: str, state: dict, polite: Polite) -> tuple[list[_Entry], int]:
    import feedparser

    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = str(state["etag"])
    if state.get("last_modified"):
        headers["If-Modified-Since"] = str(state["last_modified"])
    page = polite.get(url, headers=headers)
    if page.status == 304:
        return [], 304
    parsed = feedparser.parse(page.data, response_headers={"content-location": page.url})
    if parsed.bozo and not parsed.entries:
        raise FetchError(url, f"not an RSS or Atom feed ({printable(str(parsed.get('bozo_exception', '')))})")
    state["etag"], state["last_modified"] = page.etag, page.last_modified
    entries = []
    for item in parsed.entries:
        link = urljoin(page.url, str(item.get("link", "")).strip())
        if urlsplit(link).scheme not in ("http", "https"):
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        published = dt.datetime.fromtimestamp(calendar.timegm(when), dt.UTC) if when else None
        key = str(item.get("id") or link)
        entries.append(
            _Entry(url, key, link, str(item.get("title", "")), stamp(published), str(item.get("updated", "")))
        )
    return entries, 200


def _fetch_article(entry: _Entry, store: Store, polite: Polite) -> str | Failure:
    """The stored article's id, or why the entry's page could not be had. Never raises."""
    try:
        page = polite.get(entry.link, given=entry.feed)
        html = page.data.decode("utf-8", "replace")
        title, text, site = _extract(html)
        if not text.strip():
            return Failure("page", entry.link, "no article text in the page")
        when = entry.published or stamp(html_date(html))
        article = Article(
            id=article_id(page.url),
            url=page.url,
            feed=entry.feed,
            outlet=site or domain(page.url),
            title=title or entry.title,
            published=when,
            fetched=stamp(dt.datetime.now(dt.UTC)),
            text=text,
        )
        store.put(article, html)
        return article.id
    except FetchError as err:
        return Failure("page", entry.link, err.reason)
    except Exception as err:  # an extractor's bug on one hostile page must not stop the night
        log.warning("%s: %s", printable(entry.link), err)
        return Failure("page", entry.link, f"{type(err).__name__}: {printable(str(err))[:200]}")


def _extract(html: str) -> tuple[str, str, str]:
    """(title, title and main text, site name) of a page, by trafilatura, as URL inputs are read."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    if not body.strip():  # very short pages: take all visible text rather than nothing
        body = trafilatura.html2txt(html) or ""
    meta = trafilatura.extract_metadata(html)
    title = " ".join((meta.title or "").split()) if meta is not None else ""
    site = " ".join((meta.sitename or "").split()) if meta is not None else ""
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return strip_invisible(title), strip_invisible(body), strip_invisible(site)
