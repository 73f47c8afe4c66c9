"""A newsroom on 127.0.0.1 for tests: outlets, each a server with an RSS feed (ETag and
Last-Modified, answering 304), a robots.txt and article pages, and stories made up so that
grouping has no doubt which articles share one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import http.server
import threading
import time
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

SLOW_S = 2.0
SYLLABLES = ["ka", "lo", "mer", "vin", "dus", "tra", "pel", "gor", "san", "qui", "bre", "zol", "fen", "hap", "ru"]


def word(n: int, salt: str) -> str:
    digest = hashlib.sha256(f"{salt}{n}".encode()).digest()
    return "".join(SYLLABLES[b % len(SYLLABLES)] for b in digest[:3]).capitalize()


@dataclass(frozen=True)
class Topic:
    """One story's words: a town, a person, an agency, a thing and a figure of its own."""

    n: int

    @property
    def town(self) -> str:
        return word(self.n, "town")

    @property
    def person(self) -> str:
        return f"{word(self.n, 'first')} {word(self.n, 'last')}"

    @property
    def agency(self) -> str:
        return f"{word(self.n, 'agency')} Authority"

    @property
    def thing(self) -> str:
        return word(self.n, "thing").lower()

    @property
    def figure(self) -> int:
        return 20 + self.n * 7


def article(topic: Topic, outlet: int, extra: str = "") -> tuple[str, str]:
    """(headline, paragraphs) of one outlet's report of `topic`; each outlet words it its own way."""
    t = topic
    last = t.person.split()[1]
    headline = [
        f"{t.town} {t.thing} plant closes after inspection",
        f"{t.agency} shuts the {t.thing} works in {t.town}",
        f"Inspectors close {t.town}'s {t.thing} plant",
    ][outlet % 3]
    body = [
        f"The {t.agency} closed the {t.thing} plant in {t.town} on Monday after inspectors found cracked tanks, "
        f"officials said.",
        f"{t.person}, who leads the {t.agency}, said Monday that the {t.thing} plant would stay shut for "
        f"{t.figure} days.",
        f"About {t.figure * 10} workers at the {t.town} {t.thing} plant were sent home with pay, the company said.",
        f"{last} told reporters the {t.thing} tanks in {t.town} had not been inspected since the plant opened.",
        f"Residents of {t.town} said the {t.thing} plant had leaked into the river twice this year.",
        f"The {t.agency} will publish its full report on the {t.town} {t.thing} plant next month, {last} said.",
    ]
    order = [body[(i + outlet) % len(body)] for i in range(len(body))]
    if extra:
        order.insert(1, extra)
    return headline, "\n\n".join(order)


def page(headline: str, text: str, site: str, published: dt.datetime | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published.isoformat()}">' if published else ""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(headline)}</title>'
        f'<meta property="og:site_name" content="{escape(site)}">{meta}</head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{escape(headline)}</h1>"
        f"{paragraphs}</article><footer>Copyright {escape(site)}</footer></body></html>"
    ).encode()


@dataclass
class Outlet:
    """One outlet's server: `entries` are (path, headline, date) of its feed, `pages` its pages."""

    site: str
    robots: str = "User-agent: *\nDisallow: /private/\n"
    entries: list[tuple[str, str, dt.datetime | None]] = field(default_factory=list)
    pages: dict[str, bytes] = field(default_factory=dict)
    seen: list[tuple[str, int]] = field(default_factory=list)  # (path, status) of every request
    moved: dict[str, str] = field(default_factory=dict)  # path -> where it redirects
    slow: set[str] = field(default_factory=set)  # paths answered only after SLOW_S seconds
    base: str = ""
    version: int = 0  # changes the feed's ETag

    def add(self, path: str, headline: str, text: str, published: dt.datetime | None, in_feed: bool = True) -> None:
        self.pages[path] = page(headline, text, self.site, published)
        if in_feed:
            self.entries.append((path, headline, published))
            self.version += 1

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(h)}</title><link>{self.base}{p}</link><guid>{self.base}{p}</guid>"
            + (f"<pubDate>{email.utils.format_datetime(d)}</pubDate>" if d else "")
            + "</item>"
            for p, h, d in reversed(self.entries)
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(self.site)}</title>'
            f"<link>{self.base}/</link><description>news</description>{items}</channel></rss>"
        ).encode()

    def serve(self) -> http.server.ThreadingHTTPServer:
        outlet = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path
                etag = f'"v{outlet.version}"'
                if path == "/feed.xml" and self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", etag=etag)
                if path == "/feed.xml":
                    return self._send(200, outlet.feed(), "application/rss+xml", etag)
                if path == "/robots.txt":
                    return self._send(200, outlet.robots.encode(), "text/plain")
                if path in outlet.moved:
                    self.send_response(302)
                    self.send_header("Location", outlet.moved[path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if path in outlet.slow:
                    time.sleep(SLOW_S)
                if path in outlet.pages:
                    return self._send(200, outlet.pages[path], "text/html; charset=utf-8")
                return self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, kind: str = "", etag: str = "") -> None:
                outlet.seen.append((self.path, status))
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{httpd.server_address[1]}"
        return httpd
