"""Headless Chromium for the page tests: load a file, run the page's own scripts, read the result.

No driver library: a probe script appended to a copy of the page writes what it measured into
the DOM, and `--dump-dom` hands that back. Under CI the browser must be there (.ci/run installs
it), so a missing one fails there instead of skipping.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("no Chromium on this CI machine: .ci/run installs it (apt-get install chromium)")
    pytest.skip("no Chromium installed (apt-get install chromium)")


def _flags(profile: str, width: int, height: int) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ]


def run(args: list[str], width: int = 1280, height: int = 800) -> str:
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        done = subprocess.run(
            [chromium(), *_flags(profile, width, height), *args], capture_output=True, text=True, timeout=120
        )
    return done.stdout


def probe(page: Path, script: str, fragment: str = "", width: int = 1280, height: int = 800) -> dict:
    """Load a copy of `page` with `script` run after the page's own; `script` returns JSON data.

    The copy drops the page's Content-Security-Policy, which would block the probe (and any
    injected script): what the tests check is the escaping, not this second line of defence.
    """
    copy = page.with_name(f"probe-{page.name}")
    probe_js = f"<script>document.body.setAttribute('data-probe', JSON.stringify((function(){{{script}}})()));</script>"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    copy.write_text(html.replace("</body>", probe_js + "</body>"), encoding="utf-8")
    dom = run(["--dump-dom", copy.as_uri() + fragment], width, height)
    found = re.search(r'<body[^>]*data-probe="([^"]*)"', dom)
    assert found, f"the probe did not run; the browser said: {dom[:500]!r}"
    return json.loads(unescape(found.group(1)))


def screenshot(page: Path, png: Path, fragment: str = "", width: int = 1280, height: int = 1000) -> Path:
    run([f"--screenshot={png}", page.as_uri() + fragment], width, height)
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "no screenshot written"
    return png
