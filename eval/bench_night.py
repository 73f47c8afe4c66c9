"""A whole night at newsroom scale: time and peak memory of `summarize nightly` at 1,000, 10,000 and 50,000 articles.

    python eval/bench_night.py ../shared/evaldata/multinews-dev \\
        --noise-from ../shared/evaldata/opinosis-dev ../shared/evaldata/copycat-dev seeds

Each night is one flat folder: the evaluation stories' articles under shuffled neutral names, and
enough DISTINCT articles of no story to make up the size (eval/noise.py: a word-bigram model of other
text, never copies that deduplication would collapse). Each run is its own process on a fresh output
folder (extractive mode: the model is not what is measured), with --workers 1 and 2; it prints the
wall time, the peak resident memory of the main process and of the largest worker, and each time's
ratio to the 1,000-article night with the same workers; and the time grouping the loose articles took
(cleaning their leads, vectors, candidate pairs, clustering) with its ratio to the 10,000-article night:
grouping must grow with the night, not its square (issue 28: 50,000 within 6x of 10,000). The machine
may be shared: grouping's CPU seconds and their ratio are printed too, and the load average at each size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from noise import source_texts, write_noise  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
from summarize.jobs import stories
from summarize.jobs.nightly import NightlyOptions, run_nightly
from summarize.options import Mode, Options
grouping, group_articles = [0.0, 0, 0.0], stories.group_articles
def timed(*args, **kw):  # the outermost call only: group_articles calls itself once for blank pages
    grouping[1] += 1
    began, began_cpu = time.perf_counter(), time.process_time()
    try:
        return group_articles(*args, **kw)
    finally:
        grouping[1] -= 1
        grouping[0] += (time.perf_counter() - began) if grouping[1] == 0 else 0.0
        grouping[2] += (time.process_time() - began_cpu) if grouping[1] == 0 else 0.0
stories.group_articles = timed
start = time.perf_counter()
run = run_nightly(Path(sys.argv[1]), NightlyOptions(out=Path(sys.argv[2]), date="2026-01-01",
                  workers=int(sys.argv[3]), brief=Options(mode=Mode.extractive)))
print(json.dumps({"seconds": time.perf_counter() - start, "grouping": grouping[0], "grouping_cpu": grouping[2], "stories": len(run.outcomes), "failed": run.failed,
                  "non_articles": len(run.feed.non_articles), "ungrouped": len(run.feed.ungrouped),
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def build_night(data: Path, noise_sources: list[str], size: int, target: Path, seed: int = 0) -> int:
    """A flat folder of `size` articles: every story article of `data`, the rest generated noise."""
    real = sorted(data.glob("*/docs/*.txt")) or sorted(data.glob("*/*.txt"))
    names = [f"a{n:05d}.txt" for n in range(size)]
    random.Random(seed).shuffle(names)
    target.mkdir(parents=True)
    for name, path in zip(names, real):
        shutil.copy(path, target / name)
    generated = write_noise(noise_sources, target.parent / f"noise-{size}", size - len(real), seed)
    for name, path in zip(names[len(real) :], sorted(generated.iterdir())):
        path.rename(target / name)
    return len(real)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--noise-from", type=Path, nargs="+", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sources = [t for folder in args.noise_from for t in source_texts(folder)]
    root = Path(tempfile.mkdtemp(prefix="bench-night-"))
    first: dict[int, float] = {}
    grouped: dict[int, float] = {}
    try:
        for size in args.sizes:
            real = build_night(args.data, sources, size, root / f"night-{size}")
            for workers in args.workers:
                out = root / f"out-{size}-{workers}"
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, str(root / f"night-{size}"), str(out), str(workers)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                r = json.loads(done.stdout.strip().splitlines()[-1])
                first.setdefault(workers, r["seconds"])
                if size == 10000:
                    grouped[workers] = (r["grouping"], r["grouping_cpu"])
                ratio = (
                    f" ({r['grouping'] / grouped[workers][0]:4.1f}x 10,000; CPU {r['grouping_cpu']:6.1f} s, "
                    f"{r['grouping_cpu'] / grouped[workers][1]:4.1f}x)"
                    if workers in grouped
                    else ""
                )
                print(
                    f"{size:>6} articles ({real} real), --workers {workers}: {r['seconds']:7.1f} s "
                    f"({r['seconds'] / first[workers]:4.1f}x the first size; load {os.getloadavg()[0]:.1f}), "
                    f"grouping {r['grouping']:6.1f} s{ratio}, peak {r['main_mb']:6.0f} MB main, "
                    f"{r['worker_mb']:5.0f} MB largest worker; {r['stories']} stories ({r['failed']} failed), "
                    f"{r['non_articles']} non-articles, {r['ungrouped']} in no story",
                    flush=True,
                )
            shutil.rmtree(root / f"night-{size}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
