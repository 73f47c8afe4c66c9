"""Stories per second of `summarize nightly` with 1 and 2 worker processes and with Ray, in one run.

    python eval/bench_nightly.py ../shared/evaldata [--copies 3]

Builds a feed of a few hundred stories from the evaluation clusters (in a temporary folder,
never committed), runs each engine on a fresh output folder (extractive mode: the model is not
what is measured), and prints each one's rate and its ratio to the single-process run.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import shutil
import tempfile
import time
from pathlib import Path

from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.options import Mode, Options


def build_feed(data: Path, target: Path, copies: int) -> int:
    clusters = sorted(p.parent for p in data.rglob("docs") if p.is_dir())
    for copy in range(copies):
        for cluster in clusters:
            shutil.copytree(cluster / "docs", target / f"{cluster.parent.name}-{cluster.name}-{copy}")
    return len(clusters) * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("summarize").setLevel(logging.ERROR)
    root = Path(tempfile.mkdtemp(prefix="bench-nightly-"))
    try:
        stories = build_feed(args.data, root / "feed", args.copies)
        print(f"feed: {stories} stories from {args.data}")
        baseline = None
        for label, workers, engine in (
            ("1 process", 1, "local"),
            ("2 processes", 2, "local"),
            ("ray, 2 actors", 2, "ray"),
        ):
            if engine == "ray" and importlib.util.find_spec("ray") is None:
                print(f'{label:>14}: skipped: ray is not installed (pip install -e ".[ray]")')
                continue
            options = NightlyOptions(
                out=root / label.replace(" ", "-").replace(",", ""),
                date="2026-01-01",
                workers=workers,
                engine=engine,
                brief=Options(mode=Mode.extractive),
            )
            start = time.perf_counter()
            run = run_nightly(root / "feed", options)
            seconds = time.perf_counter() - start
            rate = len(run.outcomes) / seconds
            baseline = baseline or rate
            print(
                f"{label:>14}: {len(run.outcomes)} stories in {seconds:6.1f} s = {rate:5.1f} stories/s "
                f"({rate / baseline:.2f}x the single process; {run.failed} failed)",
                flush=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
