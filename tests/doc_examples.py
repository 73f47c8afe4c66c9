"""The shell examples of README.md and docs/, found by the marker on the line above each block.

Every ```bash block carries one marker, so that no example escapes the tests:

    <!-- run -->                      the block's commands are run, in order, in a scratch folder
                                      holding copies of seeds/ and eval/ (one folder per page, so a
                                      later block may use what an earlier one wrote); above a
                                      ```python block, the block runs as one script
    <!-- norun: why -->               not run (it needs the network, a model, or a server), with why
    <!-- output of: COMMAND -->       the next block is COMMAND's standard output, compared exactly;
                                      a line `--8<-- "NAME"` in it stands for docs/snippets/NAME

Standard library only: `.ci/smoke_inputs.py` runs the README's examples with a README-only install.
When the brief's wording changes on purpose, refresh every pasted output in one go (the snippet
files and the README's copies):

    python -m tests.doc_examples --refresh
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
SHELL_FENCES = ("```bash", "```sh", "```console", "```shell")
_MARKER = re.compile(r"<!--\s*(run|norun|output of)\s*:?\s*(.*?)\s*-->")
_SNIPPET = re.compile(r'^--8<-- "([^"]+)"$')


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    fence: str
    marker: str | None  # "run", "norun", "output of", or None when the line above has none
    argument: str  # the marker's text: why not run, or the command whose output this is
    body: str  # the block's lines, without the fences, each ending in a newline

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    def commands(self) -> list[str]:
        """The commands of a run block: one per line, `\\` continues a line, comments skipped."""
        joined = self.body.replace("\\\n", " ")
        return [c.strip() for c in joined.splitlines() if c.strip() and not c.strip().startswith("#")]

    def expected(self) -> str:
        """An output block's text, with snippet lines replaced by their file."""
        match = _SNIPPET.match(self.body.strip())
        return (SNIPPETS / match.group(1)).read_text(encoding="utf-8") if match else self.body


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(page: Path) -> list[Block]:
    """Every fenced block of `page` with the marker on the line above it (if any)."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    found, i = [], 0
    while i < len(lines):
        fence = lines[i].strip()
        if not fence.startswith("```"):
            i += 1
            continue
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = "".join(line[len(indent) :] if line.startswith(indent) else line for line in lines[i + 1 : end])
        marker = _MARKER.search(lines[i - 1]) if i > 0 else None
        found.append(
            Block(page, i + 1, fence, marker.group(1) if marker else None, marker.group(2) if marker else "", body)
        )
        i = end + 1
    return found


def shell_blocks(page: Path) -> list[Block]:
    return [b for b in blocks(page) if b.fence.startswith(SHELL_FENCES)]


def output_blocks(page: Path) -> list[Block]:
    return [b for b in blocks(page) if b.marker == "output of"]


def scratch(folder: Path) -> Path:
    """A folder as a reader's checkout looks for the examples: seeds/ and eval/ (its links kept)."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "eval", folder / "eval", symlinks=True, ignore=shutil.ignore_patterns("*.png", "*.py"))
    return folder


def shell(command: str, folder: Path, summarize: str) -> subprocess.CompletedProcess[str]:
    """`command` in bash in `folder`, with `summarize` meaning the given executable and `python`
    the interpreter beside it (else this one)."""
    beside = Path(summarize).parent / "python"
    python = beside if beside.is_file() else Path(sys.executable)
    script = f'summarize() {{ "{summarize}" "$@"; }}\npython() {{ "{python}" "$@"; }}\n{command}\n'
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "COLUMNS": "100"}
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], cwd=folder, capture_output=True, text=True, timeout=600, env=env
    )


def _outputs(page: Path, summarize: str, folder: Path) -> tuple[list[str], list[tuple[Block, str]]]:
    """Run `page`'s run blocks in `folder`, then its output commands: the failures, one line
    each, and each output block with what its command printed."""
    failures = []
    for block in blocks(page):
        if block.marker != "run":
            continue
        if block.fence.startswith("```python"):
            done = shell(f"python - <<'PYTHON'\n{block.body}PYTHON", folder, summarize)
            if done.returncode != 0:
                failures.append(f"{block.where}: the Python example failed: {done.stderr.strip()[-400:]}")
            continue
        for command in block.commands():
            done = shell(command, folder, summarize)
            if done.returncode != 0:
                failures.append(f"{block.where}: `{command}` exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return failures, [(block, shell(block.argument, folder, summarize).stdout) for block in output_blocks(page)]


def run_page(page: Path, summarize: str) -> list[str]:
    """Run every example of `page` in one scratch folder; the failures, one line each."""
    with tempfile.TemporaryDirectory() as tmp:
        failures, outputs = _outputs(page, summarize, scratch(Path(tmp)))
    for block, output in outputs:
        if output != block.expected():
            failures.append(f"{block.where}: the output of `{block.argument}` differs from the page")
    return failures


def refresh(summarize: str) -> None:
    """Rewrite every pasted output (snippet files and inline copies) from a real run."""
    for page in pages():
        if not output_blocks(page):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            _, outputs = _outputs(page, summarize, scratch(Path(tmp)))
        text = page.read_text(encoding="utf-8")
        for block, output in outputs:
            match = _SNIPPET.match(block.body.strip())
            if match:
                (SNIPPETS / match.group(1)).write_text(output, encoding="utf-8")
                print(f"refreshed docs/snippets/{match.group(1)}")
            elif block.body != output:
                text = text.replace(f"{block.fence}\n{block.body}```", f"{block.fence}\n{output}```", 1)
                print(f"refreshed {block.where}")
        page.write_text(text, encoding="utf-8")


def python_summarize(folder: Path) -> str:
    """An executable `summarize` that runs this checkout's package with this Python."""
    path = folder / "summarize"
    path.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m summarize.cli "$@"\n')
    path.chmod(0o755)
    return str(path)


if __name__ == "__main__":
    if sys.argv[1:] != ["--refresh"]:
        sys.exit("usage: python -m tests.doc_examples --refresh")
    with tempfile.TemporaryDirectory() as bin_dir:
        refresh(python_summarize(Path(bin_dir)))
