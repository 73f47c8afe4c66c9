"""Every input the README promises, and every README example that needs no network, run through
the installed `summarize` command.

`.ci/run` runs this in a fresh virtual environment holding only the README's main install (no test
extra), so a dependency that only the test extra pulls in fails CI instead of users. Standard
library only; the URL is served by http.server on 127.0.0.1 (no internet).

    python .ci/smoke_inputs.py [path/to/summarize]
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def article(n: int) -> str:
    return sorted(SEEDS.glob("*.txt"))[n].read_text(encoding="utf-8")


def write_inputs(folder: Path) -> dict[str, Path]:
    """One article in each promised format: .txt, .md, .html, .json, .jsonl."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in article(2).split("\n\n") if p.strip())
    files = {
        "a.txt": article(0),
        "b.md": article(1),
        "c.html": f"<html><head><title>Talks in Beijing</title></head><body><nav>Home | World</nav>"
        f"<article>{paragraphs}</article><footer>Contact us</footer></body></html>",
        "d.json": json.dumps([{"id": "json-record", "title": "Talks", "text": article(3)}]),
        "e.jsonl": json.dumps({"id": "jsonl-record", "text": article(4)}) + "\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: folder / name for name in files}


def run(summarize: str, *args: str, stdin: bytes | None = None) -> dict:
    """The JSON brief of `summarize ARGS`; exits with the command's error when it fails."""
    done = subprocess.run(
        [summarize, *args, "--mode", "extractive", "--format", "json"], input=stdin, capture_output=True, timeout=300
    )
    if done.returncode != 0:
        sys.exit(f"FAILED: summarize {' '.join(args)} (exit {done.returncode}):\n{done.stderr.decode()}")
    brief = json.loads(done.stdout)
    if not brief["sentences"]:
        sys.exit(f"FAILED: summarize {' '.join(args)}: an empty brief")
    return brief


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.HTTPServer, int]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def main(summarize: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_inputs(folder)
        ids = {s["id"] for s in run(summarize, str(folder))["sources"]}
        expected = {"a", "b", "c", "json-record", "jsonl-record"}
        if ids != expected:
            sys.exit(f"FAILED: a folder of every format gave sources {sorted(ids)}, not {sorted(expected)}")
        print(f"ok: folder of .txt .md .html .json .jsonl -> {len(ids)} sources")
        run(summarize, "-", stdin=files["a.txt"].read_bytes() + b"\n\n" + files["b.md"].read_bytes())
        print("ok: standard input (-)")
        listed = run(summarize, str(files["a.txt"]), str(files["c.html"]), str(files["e.jsonl"]))
        print(f"ok: a list of files -> {len(listed['sources'])} sources")
        server, port = serve(folder)
        try:
            run(summarize, f"http://127.0.0.1:{port}/c.html")
        finally:
            server.shutdown()
        print("ok: an http URL")
    readme_examples(summarize)


def readme_examples(summarize: str) -> None:
    """The README's runnable examples and its pasted brief (tests/doc_examples.py: the markers)."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests import doc_examples
    finally:
        sys.path.pop(0)
    readme = ROOT / "README.md"
    failures = doc_examples.run_page(readme, str(Path(summarize).resolve()) if "/" in summarize else summarize)
    if failures:
        sys.exit("FAILED: README examples:\n" + "\n".join(failures))
    ran = sum(len(b.commands()) for b in doc_examples.shell_blocks(readme) if b.marker == "run")
    print(f"ok: {ran} README commands and {len(doc_examples.output_blocks(readme))} pasted output(s)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "summarize")
