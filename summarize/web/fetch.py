"""One fetcher for web pages: the URLs a user gives, and the links a feed gives.

    page = fetch("https://example.org/story", FetchLimits(deadline=10))
    page.data, page.url, page.content_type

The rules, each refusal a `FetchError` that names the rule and its value:
- http(s) only, for the address and for every redirect;
- one deadline for the whole page (connect, headers, every read, every redirect: "took longer
  than 30 s"), so a server that sends a byte a second is cut off, not waited on;
- a size cap that stops reading at the cap ("larger than 5 MB");
- at most 5 redirects ("more than 5 redirects");
- an address that resolves to a loopback, private, link-local or otherwise non-public address
  is refused ("redirect to a private address refused") unless it is on the host of the address
  the user gave: a page on the user's own machine is what they asked for, but a redirect (or a
  feed's link) to another service on their network is not. Names are checked after resolution,
  and the connection goes to the address that was checked (no second lookup to rebind).

urllib3 speaks HTTP and TLS; what it has no setting for (a total deadline, the address rule,
redirects checked one by one) is done here.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..text.safety import printable

REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024
USER_AGENT = "summarize (+https://github.com/summarize; one page per request)"


class FetchError(InputError):
    """A page that was not fetched, and the rule or answer that stopped it."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{printable(url)}: cannot fetch it ({reason})")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FetchLimits:
    deadline: float = 30.0  # seconds for the whole page: connect, every redirect and every read
    max_bytes: int = 5_000_000  # a page larger than this is refused; reading stops at the cap
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # where the page was found, after redirects
    data: bytes
    content_type: str  # as the server sent it ("" when it sent none)
    status: int = 200  # 304 when a conditional request found the page unchanged (no data then)
    etag: str = ""  # the validators to send next time (ETag, Last-Modified), when the server gave them
    last_modified: str = ""


def fetch(
    url: str, limits: FetchLimits = FetchLimits(), given: str | None = None, headers: Mapping[str, str] | None = None
) -> Page:
    """The page at `url` under `limits` (see the module docstring). `given` is the address the
    user gave (`url` itself by default; a feed's address for the feed's links): only its host may
    be a non-public address. `headers` are sent too: `If-None-Match` / `If-Modified-Since` make a
    conditional request, answered by a `Page` of status 304 and no data when nothing changed."""
    clock = _Clock(url, limits.deadline)
    trusted = set(_resolve(urlsplit(given or url), url, clock))
    current, hop = url, "link" if given and given != url else ""
    for _ in range(limits.max_redirects + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, f"{hop + ' to ' if hop else ''}{printable(current)} refused: http(s) only")
        address = _allowed(_resolve(parts, url, clock), trusted, url, hop)
        with _pool(parts, address, clock) as pool:  # one page, one connection: nothing kept alive
            response = _request(pool, parts, url, clock, headers or {})
            try:
                location = response.headers.get("Location")
                if response.status in REDIRECTS and location:
                    current, hop = urljoin(current, location), "redirect"
                    continue
                valid = (response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""))
                if response.status == 304 and headers:
                    return Page(current, b"", response.headers.get("Content-Type", ""), 304, *valid)
                if response.status != 200:
                    raise FetchError(url, f"HTTP {response.status}")
                data = _read(response, url, limits, clock)
                return Page(current, data, response.headers.get("Content-Type", ""), 200, *valid)
            finally:
                response.close()
    raise FetchError(url, f"more than {limits.max_redirects} redirects")


class _Clock:
    """The seconds left of one page's deadline; past it, the refusal that says so."""

    def __init__(self, url: str, seconds: float) -> None:
        self.url, self.seconds, self.end = url, seconds, time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left

    def expired(self) -> FetchError:
        return FetchError(self.url, f"took longer than {self.seconds:g} s")


def _resolve(parts, url: str, clock: _Clock) -> list[str]:  # type: ignore[no-untyped-def]
    """The addresses `parts`' host resolves to (an IP address resolves to itself)."""
    clock.left()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(url, f"cannot resolve {printable(parts.hostname or '')}: {err}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:  # ::ffff:127.0.0.1
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _loopback(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return ip.is_loopback or (
        isinstance(ip, ipaddress.IPv6Address) and bool(ip.ipv4_mapped and ip.ipv4_mapped.is_loopback)
    )


def _allowed(addresses: list[str], trusted: set[str], url: str, hop: str) -> str:
    """The address to connect to: a public one, or one on the user's own host; else a refusal."""
    same_host = set(addresses) <= trusted or (
        all(_loopback(a) for a in addresses) and any(_loopback(t) for t in trusted)
    )
    if not same_host:
        private = [a for a in addresses if not _public(a)]
        if private:
            raise FetchError(url, f"{hop or 'address'} to a private address refused ({private[0]})")
    return addresses[0]


def _pool(parts, address: str, clock: _Clock):  # type: ignore[no-untyped-def]
    """A connection to `address` (the one checked), speaking to `parts`' host name over HTTP and TLS."""
    import urllib3

    port = parts.port or (443 if parts.scheme == "https" else 80)
    left = clock.left()
    timeout = urllib3.Timeout(connect=left, read=left)
    if parts.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, server_hostname=parts.hostname,
            assert_hostname=parts.hostname, cert_reqs="CERT_REQUIRED",
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    return pool


def _request(pool, parts, url: str, clock: _Clock, extra: Mapping[str, str]):  # type: ignore[no-untyped-def]
    """The response's head (its body is read by `_read`)."""
    from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
    from urllib3.exceptions import TimeoutError as SlowAnswer

    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        return pool.urlopen(
            "GET",
            target,
            headers={**extra, "Host": host, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
    except NewConnectionError as err:  # a refused connection, which urllib3 files under timeouts
        raise FetchError(url, f"cannot connect: {_reason(err)}") from None
    except (SlowAnswer, TimeoutError):
        raise clock.expired() from None
    except SSLError as err:
        raise FetchError(url, f"TLS failed: {_reason(err)}") from None
    except HTTPError as err:
        raise FetchError(url, f"cannot connect: {_reason(err)}") from None


def _read(response, url: str, limits: FetchLimits, clock: _Clock) -> bytes:  # type: ignore[no-untyped-def]
    """The body, read against the deadline (each read may wait only what is left of it) and
    stopped at the size cap."""
    from urllib3.exceptions import HTTPError
    from urllib3.exceptions import TimeoutError as SlowAnswer

    too_large = FetchError(url, f"larger than {limits.max_bytes / 1_000_000:g} MB")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _wait_at_most(response, clock.left())
            chunk = response.read1(CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limits.max_bytes:
                raise too_large
            chunks.append(chunk)
    except (SlowAnswer, TimeoutError):  # urllib3's, or the socket's own
        raise clock.expired() from None
    except HTTPError as err:
        raise FetchError(url, f"the connection broke: {_reason(err)}") from None


def _wait_at_most(response, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """urllib3's read timeout is per read; the next read may wait only what the deadline leaves."""
    sock = getattr(getattr(response, "connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))


def _reason(err: Exception) -> str:
    """The innermost cause of a urllib3 error, without its object reprs."""
    reason = getattr(err, "reason", None) or err
    return printable(str(getattr(reason, "args", [reason])[-1] if getattr(reason, "args", None) else reason))
