"""Does every text stage cost time in proportion to the text? And how long does start-up take? (issue 28)

    python eval/bench_linear.py [--pool ../shared/evaldata/multinews-dev] [--sizes 10 100 1000 5000]

Each size (in KB) is one article written as a single paragraph of distinct sentences, put beside
the seed articles (`seeds/`) in a temporary folder. The sentences are generated: words drawn from
the vocabulary of the pool's articles (or of the seeds), some of them quoted speech with a speaker,
so no two sentences are copies that deduplication would collapse. Each size runs in a fresh process
through `summarize_folder` (the command's own pipeline); the table gives each stage's seconds per
MB of input, the process's peak RSS when the stage ends, and the ratio of each stage's rate at the
largest size to its rate at 100 KB (1.0 is linear; the issue's bar is under 2.0).

Start-up: the import time of `summarize --help` and the seeds' extractive brief, each the best of
three fresh processes, with `python -c pass` as the floor, all in this same run. The brief's
imports are counted twice: importing the modules the command loads up front, and every import
the brief makes (`-X importtime`, lazy imports included, the floor's own taken off).

The machine is shared: each size also prints its CPU seconds and the load average, and the
ratios are given for wall time and for CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "clean", "segment", "deduplicate", "rank", "select")
_WORD = re.compile(r"[A-Za-z][a-z']+")


def vocabulary(folders: list[Path]) -> tuple[list[str], list[int]]:
    """The words of every .txt file under `folders`, with their counts (for Zipf-like sampling)."""
    counts: Counter[str] = Counter()
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            counts.update(w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    words = sorted(counts)
    return words, [counts[w] for w in words]


def article(size: int, words: list[str], weights: list[int], seed: int = 0) -> str:
    """One paragraph of at most `size` bytes, every sentence distinct; one in six is a
    quotation with its speaker, one in ten a quotation without one, as news copy has."""
    rng = random.Random(seed)
    names = [w.capitalize() for w in rng.sample(words, 200)]
    parts: list[str] = []
    total = 0
    while True:
        body = " ".join(rng.choices(words, weights, k=rng.randint(10, 26)))
        body = body[0].upper() + body[1:]
        roll = rng.random()
        if roll < 1 / 6:
            sentence = f"“{body},” {rng.choice(names)} {rng.choice(names)} said."
        elif roll < 1 / 6 + 1 / 10:
            sentence = f"“{body}.”"
        else:
            sentence = body + "."
        total += len(sentence.encode("utf-8")) + 1
        if total > size:  # never past `size`: 5 MB is the default --max-file-mb
            return " ".join(parts)
        parts.append(sentence)


def one_size(folder: str) -> None:
    """In a fresh process: the brief of `folder`, printing a JSON line of stage timings and peaks."""
    from summarize import Options, summarize_folder
    from summarize.options import Mode

    peaks: dict[str, float] = {}
    cpu: dict[str, float] = {}
    current: list[str] = []

    def stage_ends() -> None:  # the peak so far includes the stage that just ended
        peaks[current[-1]] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cpu[current[-1]] = time.process_time() - cpu[current[-1]]

    def progress(stage: str) -> None:
        if current:
            stage_ends()
        current.append(stage)
        cpu[stage] = time.process_time()

    start, start_cpu = time.perf_counter(), time.process_time()
    brief = summarize_folder(folder, Options(mode=Mode.extractive), progress=progress)
    wall, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    stage_ends()
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": total_cpu,
                "timings": brief.stats["timings_s"],
                "stage_cpu": cpu,
                "peaks": peaks,
                "words": len(brief.sentences),
            }
        )
    )


def measure(size_kb: int, words: list[str], weights: list[int], seeds: Path, tmp: Path) -> dict:
    folder = tmp / f"{size_kb}kb"
    folder.mkdir()
    for path in sorted(seeds.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "long.txt").write_text(article(size_kb * 1000, words, weights, seed=size_kb), encoding="utf-8")
    code = f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'eval')!r}]; import bench_linear; bench_linear.one_size({str(folder)!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the {size_kb} KB brief failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["mb"] = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return result


# An installed package has its bytecode compiled; a source tree run with PYTHONDONTWRITEBYTECODE
# would compile every module on every start, and time that instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def best_of(command: list[str], runs: int = 3) -> tuple[float, float]:
    """The fastest wall time, and the least CPU time, of `runs` fresh processes (after one that
    writes the bytecode): the least disturbed by other load."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=_ENV)
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=_ENV)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(times), min(cpu)


def import_seconds(command: list[str], runs: int = 3) -> float:
    """The least time of `runs` fresh processes of `command` spent importing, lazy imports
    included: the top-level entries of `python -X importtime`."""
    totals = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *command[1:]],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=_ENV,
        )
        found = _TOP_IMPORT.findall(done.stderr)
        totals.append(sum(int(micro) for micro in found) / 1e6)
    return min(totals)


# "import time:  self |  cumulative | name", a top-level import when the name is not indented.
_TOP_IMPORT = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (?! )", re.MULTILINE)


def startup(seeds: Path) -> None:
    floor, floor_cpu = best_of([sys.executable, "-c", "pass"])
    help_, help_cpu = best_of([sys.executable, "-m", "summarize.cli", "--help"])
    imports, imports_cpu = best_of(
        [sys.executable, "-c", "import summarize.cli.app, summarize.pipeline.run, summarize.output.render"]
    )
    command = [sys.executable, "-m", "summarize.cli", str(seeds), "--mode", "extractive", "-q"]
    brief, brief_cpu = best_of(command)
    during = import_seconds(command) - import_seconds([sys.executable, "-c", "pass"])
    print(f"\nstart-up (best of 3 fresh processes; load {os.getloadavg()[0]:.1f}): wall, then CPU")
    print(f"  python -c pass                      {floor:6.3f} s {floor_cpu:6.3f} s  (the floor)")
    print(
        f"  summarize --help                    {help_:6.3f} s {help_cpu:6.3f} s  "
        f"({help_ - floor:+.3f} s, {help_cpu - floor_cpu:+.3f} s above the floor)"
    )
    print(
        f"  imports of a brief's modules        {imports:6.3f} s {imports_cpu:6.3f} s  "
        f"({imports - floor:+.3f} s, {imports_cpu - floor_cpu:+.3f} s above the floor)"
    )
    print(f"  seeds extractive brief              {brief:6.3f} s {brief_cpu:6.3f} s")
    print(f"  imports during the brief (all)      {during:6.3f} s           (-X importtime, lazy ones included)")
    print(
        f"  imports' share of the seeds brief   {(imports - floor) / (brief - floor):6.1%} "
        f"{(imports_cpu - floor_cpu) / (brief_cpu - floor_cpu):6.1%}    (both above the floor)"
    )
    print(f"  all imports' share                  {during / (brief - floor):6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=Path, help="folder of .txt articles whose words the sentences use")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000], help="article sizes in KB")
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args()
    words, weights = vocabulary([args.pool or args.seeds])
    print(f"vocabulary: {len(words)} words from {args.pool or args.seeds}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results[size] = r = measure(size, words, weights, args.seeds, Path(tmp))
            stages = "  ".join(f"{s} {r['timings'].get(s, 0) / r['mb']:6.2f}" for s in STAGES)
            print(
                f"{size:5d} KB article ({r['mb']:.2f} MB in all): brief in {r['wall']:6.2f} s "
                f"({r['cpu']:.2f} s of CPU; load {os.getloadavg()[0]:.1f})",
                flush=True,
            )
            print(f"   s/MB   {stages}")
            cpu = "  ".join(f"{s} {r['stage_cpu'].get(s, 0) / r['mb']:6.2f}" for s in STAGES)
            print(f"   CPU/MB {cpu}")
            peaks = "  ".join(f"{s} {r['peaks'].get(s, 0):6.0f}" for s in STAGES)
            print(f"   RSS MB {peaks}", flush=True)
    base = 100 if 100 in results else min(results)
    top = max(results)
    print(f"\nrate at {top} KB / rate at {base} KB (1.0 = linear; the bar is < 2.0): wall, CPU")
    for stage in STAGES:
        ratios = []
        for key in ("timings", "stage_cpu"):
            rate = {k: results[k][key].get(stage, 0) / results[k]["mb"] for k in (base, top)}
            ratios.append(rate[top] / max(rate[base], 1e-9))
        print(f"  {stage:12s} {ratios[0]:6.2f} {ratios[1]:6.2f}")
    if not args.no_startup:
        startup(args.seeds)


if __name__ == "__main__":
    main()
