"""Fetching pages (issue 29): one deadline for the whole page, a size cap, few redirects, http(s)
only, and no redirect (or feed link) to another service on the user's network. Every server here
is started by the test on 127.0.0.1; names that resolve elsewhere come from a patched resolver,
and nothing is ever sent to them."""

import http.server
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.web.fetch import FetchError, FetchLimits, fetch

from .conftest import seed_text

ARTICLE = f"<html><head><title>Talks</title></head><body><article><p>{seed_text('000')}</p></article></body></html>"
NAMES = {"intranet.test": "10.0.0.7", "metadata.test": "169.254.169.254", "here.test": "127.0.0.1"}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where.replace("PORT", str(self.server.server_address[1])))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # noqa: N802 (http.server's name)
        routes = {
            "/to-private": "http://intranet.test:PORT/page",
            "/to-metadata": "http://metadata.test/latest/meta-data/",
            "/to-same-host": "http://here.test:PORT/page",
            "/to-file": "file:///etc/passwd",
            "/loop": "/loop",
        }
        if self.path in routes:
            return self.redirect(routes[self.path])
        if self.path == "/hold":  # nothing, not even headers, for longer than any deadline here
            time.sleep(6)
        body = ARTICLE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/big":  # no Content-Length: the cap must stop the reading itself
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>filler filler filler</p>" * 4000)
            except OSError:
                pass
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if self.path == "/slow":  # one byte a second, forever within any per-read timeout
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1)
            else:
                self.wfile.write(body)
        except OSError:
            pass


@pytest.fixture
def server(monkeypatch):
    """(base URL, connections seen) of a test server on 127.0.0.1, with `*.test` names resolved by
    a patched resolver."""
    real = socket.getaddrinfo

    def resolver(host, port, *args, **kw):
        return real(NAMES.get(host, host), port, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def refusal(url: str, **kw) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, FetchLimits(**kw))
    return caught.value.reason


def test_a_page_on_the_users_own_machine_is_fetched(server):
    page = fetch(f"{server}/page")
    assert page.data == ARTICLE.encode() and page.content_type.startswith("text/html")


def test_a_redirect_to_a_name_that_resolves_to_a_private_address_is_refused(server):
    assert refusal(f"{server}/to-private") == "redirect to a private address refused (10.0.0.7)"
    assert refusal(f"{server}/to-metadata") == "redirect to a private address refused (169.254.169.254)"


def test_a_redirect_to_another_name_for_the_same_host_is_followed_to_the_checked_address(server):
    page = fetch(f"{server}/to-same-host")
    assert page.data == ARTICLE.encode() and page.url.startswith("http://here.test:")


def test_a_feed_link_to_a_private_address_is_refused(server):
    with pytest.raises(FetchError) as caught:
        fetch("http://intranet.test/story", given=f"{server}/feed.xml")
    assert caught.value.reason == "link to a private address refused (10.0.0.7)"


def test_a_server_sending_a_byte_a_second_is_refused_at_its_deadline(server):
    assert refusal(f"{server}/slow", deadline=1.5) == "took longer than 1.5 s"


def test_a_server_that_holds_its_headers_is_refused_at_its_deadline(server):
    assert refusal(f"{server}/hold", deadline=1) == "took longer than 1 s"


def test_a_page_over_the_cap_is_refused_and_said_so(server):
    assert refusal(f"{server}/big", max_bytes=200_000) == "larger than 0.2 MB"
    assert refusal(f"{server}/page", max_bytes=100) == "larger than 0.0001 MB"  # by its Content-Length


def test_a_redirect_loop_stops_after_five(server):
    assert refusal(f"{server}/loop") == "more than 5 redirects"


def test_only_http_and_https(server):
    assert refusal(f"{server}/to-file") == "redirect to file:///etc/passwd refused: http(s) only"
    assert refusal("ftp://127.0.0.1/x") == "ftp://127.0.0.1/x refused: http(s) only"


def test_the_command_line_says_which_rule_refused_the_page(server):
    result = CliRunner().invoke(app, [f"{server}/slow", "--fetch-timeout", "1", "--mode", "extractive"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "cannot fetch it (took longer than 1 s)" in result.stderr
    result = CliRunner().invoke(app, [f"{server}/to-private", "--mode", "extractive"])
    assert result.exit_code == 2 and "redirect to a private address refused" in result.stderr
