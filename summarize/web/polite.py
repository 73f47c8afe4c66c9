"""Fetching politely: at most N requests at once per host, a delay between them, robots.txt honoured.

    polite = Polite(FetchLimits(deadline=10), per_host=2, delay=0.5)
    page = polite.get(url, given=feed_url)          # FetchError when refused or failed

robots.txt is read once per host with `urllib.robotparser` (RFC 9309: a missing file (4xx) allows
everything, one that cannot be read (5xx, no answer) allows nothing on that host this run).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .fetch import FetchError, FetchLimits, Page, fetch

ROBOTS_AGENT = "summarize"


class Polite:
    """One run's fetcher: host limits and robots rules shared by every thread that uses it."""

    def __init__(self, limits: FetchLimits, per_host: int = 2, delay: float = 0.5) -> None:
        self.limits, self.per_host, self.delay = limits, max(1, per_host), max(0.0, delay)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}  # host -> earliest start of its next request
        self._host_locks: dict[str, threading.Lock] = {}
        self._robots: dict[str, RobotFileParser | str] = {}  # host -> rules, or why nothing is allowed
        self.requests: list[tuple[str, int]] = []  # (url, status) of every answered request, in order

    def get(self, url: str, given: str | None = None, headers: Mapping[str, str] | None = None) -> Page:
        """The page at `url`, after robots.txt allowed it, within the host's limits."""
        self._check_robots(url, given)
        return self._get(url, given, headers)

    def _get(self, url: str, given: str | None, headers: Mapping[str, str] | None) -> Page:
        host = _origin(url)
        with self._lock:
            slot = self._slots.setdefault(host, threading.Semaphore(self.per_host))
            pace = self._host_locks.setdefault(host, threading.Lock())
        with slot:
            with pace:  # requests to one host start `delay` apart
                wait = self._next.get(host, 0.0) - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                self._next[host] = time.monotonic() + self.delay
            try:
                page = fetch(url, self.limits, given, headers)
            except FetchError as err:
                with self._lock:
                    self.requests.append((url, int(err.reason[5:8]) if err.reason.startswith("HTTP ") else 0))
                raise
            with self._lock:
                self.requests.append((url, page.status))
            return page

    def _check_robots(self, url: str, given: str | None) -> None:
        host = _origin(url)
        with self._lock:
            rules = self._robots.get(host)
        if rules is None:
            rules = self._read_robots(host, given or url)
            with self._lock:
                self._robots[host] = rules
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "robots.txt disallows it")

    def _read_robots(self, origin: str, given: str) -> RobotFileParser | str:
        rules = RobotFileParser(f"{origin}/robots.txt")
        try:
            page = self._get(f"{origin}/robots.txt", given, None)
        except FetchError as err:
            if err.reason.startswith("HTTP 4"):
                rules.parse([])  # no rules: everything allowed
                return rules
            return f"robots.txt could not be read ({err.reason}): nothing on this host is fetched"
        rules.parse(page.data.decode("utf-8", "replace").splitlines())
        return rules


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
