"""Speed and memory of `summarize DIR --mode extractive` at scale, against sumy's LexRank.

    python eval/bench_speed.py ../shared/evaldata [--sizes 200 1000 10000] [--lexrank-size 200]

Builds folders of N articles from the evaluation documents (in a temporary folder, never
committed; past the pool's size, each article mixes the sentences of three different pool
articles, so every article is distinct and deduplication cannot collapse them). Each run of ours is a fresh process (start-up included) and reports wall time and peak
memory; sumy LexRank runs once, in this process, on the first size, for the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(pool: list[Path], target: Path, n: int, seed: int = 0) -> Path:
    """N distinct articles: the pool's own first, then articles that each mix the sentences of
    three different pool articles, as many as one real article has (never copies, which
    deduplication would collapse)."""
    import random

    from summarize.pipeline.segment import split_text

    rng = random.Random(seed)
    sentences = [split_text(p.read_text(encoding="utf-8")) for p in pool]
    target.mkdir(parents=True)
    for i in range(n):
        if i < len(pool):
            text = pool[i].read_text(encoding="utf-8")
        else:
            sources = rng.sample(range(len(pool)), 3)
            mixed = [s for k in sources for s in sentences[k]]
            # As long as a real article (the first source's), not three articles' worth.
            mixed = rng.sample(mixed, min(len(mixed), len(sentences[sources[0]])))
            text = "\n\n".join(" ".join(mixed[j : j + 3]) for j in range(0, len(mixed), 3))
        (target / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return target


def run_ours(folder: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `summarize` process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "summarize.cli", str(folder), "--mode", "extractive", "-q", "-f", "json"],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"summarize failed on {folder}")
    return seconds, usage.ru_maxrss / 1024


def run_lexrank(folder: Path, words: int = 100) -> float:
    from summarize.jobs.baselines import SUMY_ALGORITHMS, SumySystem
    from summarize.pipeline.ingest import read_folder

    docs = read_folder(folder)
    start = time.perf_counter()
    SumySystem(SUMY_ALGORITHMS["lexrank"])(docs, words)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 10000])
    parser.add_argument("--lexrank-size", type=int, default=200)
    args = parser.parse_args()
    pool = sorted(p for p in args.data.rglob("*.txt") if p.parent.name == "docs")
    root = Path(tempfile.mkdtemp(prefix="bench-speed-"))
    try:
        results = {}
        for n in sorted(set(args.sizes) | {args.lexrank_size}):
            folder = build(pool, root / str(n), n)
            seconds, rss = run_ours(folder)
            results[n] = seconds
            print(f"ours, {n:>6} articles: {seconds:7.2f} s, peak RSS {rss:7.1f} MB", flush=True)
        sizes = sorted(results)
        for a, b in zip(sizes, sizes[1:]):
            print(f"{b / a:.0f}x the articles: {results[b] / results[a]:.1f}x the time")
        lexrank = run_lexrank(root / str(args.lexrank_size))
        print(
            f"sumy LexRank, {args.lexrank_size} articles: {lexrank:.1f} s "
            f"= {lexrank / results[args.lexrank_size]:.1f}x our time (process start included)"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
