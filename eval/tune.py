"""Cross-validated ROUGE for the selection objective, against the baselines, with paired tests.

    python eval/tune.py DATA [DATA ...] [--grid salience=0.05,0.1,0.2 --grid unigram_weight=0,0.5]
                        [--folds 5] [--baselines icsi,lead,sumy-lexrank,...] [--out cv.json]

The stories of every DATA folder are pooled and split into k folds (each data set spread over
all folds). For each fold in turn, the grid point with the best mean of ROUGE-1 and ROUGE-2 on
the other folds is scored on it: every "extractive (CV)" score comes from a story whose
parameters were chosen without it. The defaults in summarize/options.py are the grid point the
pooled stories choose as a whole. Baselines get the same stories, word budget and scorer
(`summarize.jobs.evaluate`); "better" is a paired bootstrap over stories of the per-story difference.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import random
import statistics
from pathlib import Path

from summarize.jobs.baselines import systems as all_systems
from summarize.jobs.evaluate import METRICS, Scorer, bootstrap_interval, cut_to_budget, evaluate, find_stories
from summarize.options import Mode, Options
from summarize.pipeline.run import analyse, write_brief

Point = tuple[tuple[str, float], ...]


def parse_grid(specs: list[str]) -> list[Point]:
    axes = []
    for spec in specs:
        name, values = spec.split("=")
        axes.append([(name, float(v)) for v in values.split(",")])
    return [tuple(p) for p in itertools.product(*axes)]


def grid_scores(stories, grid: list[Point]) -> dict[Point, list[dict[str, float]]]:
    """Per grid point, each story's scores (the analysis, which no grid point changes, runs once)."""
    scorer = Scorer()
    out: dict[Point, list[dict[str, float]]] = {p: [] for p in grid}
    for story in stories:
        analysis = analyse(story.docs, Options(words=story.budget, mode=Mode.extractive))
        for point in grid:
            brief = write_brief(analysis, Options(words=story.budget, mode=Mode.extractive, **dict(point)))
            summary = cut_to_budget([s.text for s in brief.sentences], story.budget)
            out[point].append(scorer.score(summary, story.refs))
    return out


def folds(groups: list[str], k: int, seed: int = 0) -> list[list[int]]:
    """k folds of story indices, each group (data set) dealt evenly over them."""
    out: list[list[int]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    dealt = 0
    for group in sorted(set(groups)):
        members = [i for i, g in enumerate(groups) if g == group]
        rng.shuffle(members)
        for i in members:
            out[dealt % k].append(i)
            dealt += 1
    return [sorted(f) for f in out]


def objective(rows: list[dict[str, float]]) -> float:
    """What tuning maximises: the mean of ROUGE-1 and ROUGE-2."""
    return statistics.fmean((r["rouge1"] + r["rouge2"]) / 2 for r in rows)


def best_point(scores: dict[Point, list[dict]], rows: list[int]) -> Point:
    # Ties go to the first grid point (the smaller values): the simpler objective.
    return max(scores, key=lambda p: objective([scores[p][i] for i in rows]))


def cross_validate(scores: dict[Point, list[dict]], groups: list[str], k: int) -> tuple[list[dict], list[Point]]:
    """Held-out scores per story, and the grid point each fold chose on the other folds."""
    n = len(groups)
    held: list[dict] = [{} for _ in range(n)]
    chosen = []
    for test in folds(groups, k):
        train = [i for i in range(n) if i not in set(test)]
        point = best_point(scores, train)
        chosen.append(point)
        for i in test:
            held[i] = scores[point][i]
    return held, chosen


def paired(ours: list[dict], other: list[dict], metric: str, samples: int = 2000, seed: int = 0) -> dict:
    """Mean per-story difference, its 95% bootstrap interval, and the share of resamples <= 0."""
    diffs = [a[metric] - b[metric] for a, b in zip(ours, other)]
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(diffs, k=len(diffs))) for _ in range(samples))
    return {
        "diff": round(statistics.fmean(diffs), 2),
        "ci": [round(means[int(0.025 * samples)], 2), round(means[int(0.975 * samples) - 1], 2)],
        "p_not_better": round(sum(m <= 0 for m in means) / samples, 4),
    }


def cells(rows: list[dict]) -> dict:
    out = {}
    for m in METRICS:
        values = [r[m] for r in rows]
        low, high = bootstrap_interval(values)
        out[m] = {"mean": round(statistics.fmean(values), 2), "ci": [round(low, 2), round(high, 2)]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--grid", action="append", help="NAME=v1,v2,... of an Options field (repeat for more axes)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--baselines", default="icsi,lead,sumy-lexrank,sumy-sumbasic,summa-textrank")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    logging.getLogger("summarize").setLevel(logging.ERROR)
    grid = parse_grid(args.grid or ["salience=0,0.05,0.1,0.2", "unigram_weight=0,0.25,0.5"])
    stories, groups = [], []
    for data in args.data:
        found = find_stories(data)
        stories += found
        groups += [str(data)] * len(found)
    scores = grid_scores(stories, grid)
    held, chosen = cross_validate(scores, groups, args.folds)
    available = all_systems()
    names = [b for b in args.baselines.split(",") if b in available]
    results = evaluate(stories, {b: available[b] for b in names})
    baseline_rows = {b: [r.scores for r in results if r.system == b] for b in names}
    default = best_point(scores, list(range(len(stories))))
    report = {
        "data": [str(d) for d in args.data],
        "stories": len(stories),
        "folds": args.folds,
        "tuned_parameters": len(grid[0]),
        "grid_points": len(grid),
        "chosen_per_fold": [dict(p) for p in chosen],
        "default": dict(default),
        "datasets": {},
    }
    print(
        f"{len(stories)} stories pooled from {len(args.data)} data set(s), {args.folds}-fold CV over "
        f"stories, {len(grid[0])} tuned parameter(s) over {len(grid)} grid points"
    )
    print(f"chosen per fold: {[dict(p) for p in chosen]}; all stories choose: {dict(default)}")
    for data in args.data:
        idx = [i for i, g in enumerate(groups) if g == str(data)]
        ours = [held[i] for i in idx]
        entry = {"stories": len(idx), "systems": {"extractive (CV)": cells(ours)}, "paired_vs_ours": {}}
        print(f"\n{data} ({len(idx)} stories)")
        print(f"{'system':18} " + " ".join(f"{m:>20}" for m in METRICS))
        for name, rows in [("extractive (CV)", ours)] + [(b, [baseline_rows[b][i] for i in idx]) for b in names]:
            c = cells(rows)
            entry["systems"][name] = c
            print(
                f"{name:18} " + " ".join(f"{v['mean']:6.2f} [{v['ci'][0]:5.2f}–{v['ci'][1]:5.2f}]" for v in c.values())
            )
        for b in names:
            d = {m: paired(ours, [baseline_rows[b][i] for i in idx], m) for m in METRICS}
            entry["paired_vs_ours"][b] = d
            print(
                f"ours − {b:14} "
                + " ".join(
                    f"{d[m]['diff']:+6.2f} [{d[m]['ci'][0]:+.2f},{d[m]['ci'][1]:+.2f}] p={d[m]['p_not_better']:.3f}"
                    for m in METRICS
                )
            )
        report["datasets"][str(data)] = entry
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
