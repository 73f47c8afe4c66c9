"""Snapshot what the commands write, to show a refactoring changed no output.

    python eval/diff_outputs.py snapshot before.json      # on the old tree
    python eval/diff_outputs.py snapshot after.json       # on the new tree
    python eval/diff_outputs.py diff before.json after.json

A snapshot runs the installed `summarize` command (whichever tree is on the import path, through
`python -m summarize.cli`) on seeds/: the JSON brief at each length, a nightly run over seeds/ and
over a flat feed of seeds/ plus tests/data/harbor (grouping), `compare -f json` and `eval` on
eval/seeds. Only what changes from run to run is masked: clock times, durations and the feed's
random id.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?"), "<time>"),
    (re.compile(r"seconds=\d+(?:\.\d+)?"), "seconds=<s>"),
    (re.compile(r'"seconds": \d+(?:\.\d+)?'), '"seconds": <s>'),
    (re.compile(r"urn:uuid:[0-9a-f-]{36}"), "urn:uuid:<id>"),
    (re.compile(r"\(\d+\.\d s\)"), "(<s> s)"),
    (re.compile(r'"(timings_s|seconds)": \{[^}]*\}'), r'"\1": <stage timings>'),
    (re.compile(r"│ +\d+\.\d │( +\d+ │)$", re.M), r"│ <s> │\1"),  # the eval table's seconds column
]


def _mask(text: str) -> str:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _run(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "summarize.cli", *args], cwd=cwd, capture_output=True, text=True, env=None, check=False
    )
    return f"exit {done.returncode}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"


def _tree(folder: Path) -> dict[str, str]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in (".feed-id", ".summarize-nightly.lock"):  # a uuid, a pid
            files[str(path.relative_to(folder))] = _mask(path.read_text(encoding="utf-8", errors="replace"))
        elif path.is_symlink():
            files[str(path.relative_to(folder))] = f"-> {path.readlink()}"
    return files


def snapshot() -> dict[str, object]:
    """Every output the commands produce on the repository's own data, volatile parts masked."""
    result: dict[str, object] = {}
    for length in ("short", "medium", "long"):
        result[f"brief {length}"] = _run("seeds/", "--length", length, "--format", "json")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        flat = work / "flat"
        flat.mkdir()
        for source in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/data/harbor").glob("*.txt"))]:
            shutil.copy(source, flat / source.name)
        for name, feed in (("nightly seeds", ROOT / "seeds"), ("nightly flat feed", flat)):
            out = work / name.replace(" ", "-")
            log = _run("nightly", str(feed), "--out", str(out), "--date", "2026-01-01", "--min-articles", "2")
            result[name] = {"run": _mask(log), "files": _tree(out)}
        result["compare json"] = _mask(_run("compare", "seeds/", "--format", "json"))
        results = work / "eval.json"
        log = _run("eval", "eval/seeds", "--samples", "200", "--out", str(results))
        result["eval"] = {
            "run": _mask(log),
            "json": _mask(results.read_text(encoding="utf-8")) if results.exists() else None,
        }
        return json.loads(json.dumps(result).replace(json.dumps(tmp)[1:-1], "<tmp>"))


def _lines(value: object, where: str = "") -> list[str]:
    """One line per line of every output, named by where it is, volatile parts masked."""
    if isinstance(value, dict):
        return [line for key in sorted(value) for line in _lines(value[key], f"{where}/{key}")]
    return [f"{where}: {line}" for line in _mask(str(value)).splitlines()]


def main(argv: list[str]) -> int:
    if argv[:1] == ["snapshot"] and len(argv) == 2:
        Path(argv[1]).write_text(json.dumps(snapshot(), indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        return 0
    if argv[:1] == ["diff"] and len(argv) == 3:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:])
        diff = list(difflib.unified_diff(_lines(before), _lines(after), argv[1], argv[2], lineterm=""))
        print("\n".join(diff) if diff else f"identical: {len(before)} outputs ({', '.join(before)})")
        return 1 if diff else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
