"""Does `summarize DIR` stay bounded on 10,000 DISTINCT articles? (issue 12)

    python eval/bench_scale.py ../shared/evaldata/multinews-dev [--sizes 1000 10000]

Builds each folder (in a temporary folder, never committed) from the sentences of the
evaluation articles: article i takes 12 sentences drawn from different source articles, so no
two built articles are copies that deduplication would collapse. Each size runs as a fresh
`summarize DIR --mode extractive` process; prints wall time, peak RSS and the time ratio of the
largest size to the smallest, measured in this same run.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from bench_speed import run_ours  # one way to time a summarize process, shared


def sentences(pool: Path) -> list[str]:
    from summarize.pipeline.ingest import read_folder
    from summarize.pipeline.segment import split_text

    found: list[str] = []
    for docs in sorted(pool.rglob("docs")):
        for doc in read_folder(docs):
            found.extend(s for s in split_text(doc.text) if 8 <= len(s.split()) <= 60)
    return found


def build(pool: list[str], target: Path, n: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    target.mkdir(parents=True)
    for i in range(n):
        (target / f"{i:05d}.txt").write_text(" ".join(rng.sample(pool, 12)), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pool", type=Path, help="evaluation folder with <story>/docs/*.txt")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    pool = sentences(args.pool)
    print(f"sentence pool: {len(pool)} distinct sentences")
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            seconds, peak = run_ours(build(pool, Path(tmp) / str(n), n, seed=n))
            times[n] = seconds
            print(f"{n:6d} distinct articles: {seconds:7.2f} s, peak RSS {peak:7.1f} MB", flush=True)
    small, large = min(times), max(times)
    print(f"{large // small}x the articles: {times[large] / times[small]:.1f}x the time")


if __name__ == "__main__":
    main()
