"""Cross-validated ROUGE for the selection objective, against the baselines, with paired tests.

    python eval/tune.py ../shared/evaldata/multinews-dev [--grid 0,0.05,0.1,0.2] [--folds 5]
                        [--baselines icsi,lead,sumy-lexrank,sumy-sumbasic] [--out cv.json]

The one tuned parameter, `Options.salience`, is chosen on k-1 folds of stories and scored on the
held-out fold, for each fold in turn: every score of "extractive (CV)" comes from a story whose
parameter was chosen without it. Baselines get the same stories, word budget and scorer
(`summarize.evaluate`). "Better" is a paired bootstrap over stories of the per-story difference.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
from pathlib import Path

from summarize.baselines import systems as all_systems
from summarize.evaluate import METRICS, Scorer, bootstrap_interval, cut_to_budget, evaluate, find_stories
from summarize.options import Options
from summarize.pipeline import analyse, write_brief


def grid_scores(stories, grid: list[float]) -> dict[float, list[dict[str, float]]]:
    """Per grid value, each story's scores (the analysis, which no grid value changes, runs once)."""
    scorer = Scorer()
    out: dict[float, list[dict[str, float]]] = {v: [] for v in grid}
    for story in stories:
        analysis = analyse(story.docs, Options(words=story.budget))
        for value in grid:
            brief = write_brief(analysis, Options(words=story.budget, salience=value))
            summary = cut_to_budget([s.text for s in brief.sentences], story.budget)
            out[value].append(scorer.score(summary, story.refs))
    return out


def folds(n: int, k: int, seed: int = 0) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def objective(rows: list[dict[str, float]]) -> float:
    """What tuning maximises: the mean of ROUGE-1 and ROUGE-2."""
    return statistics.fmean((r["rouge1"] + r["rouge2"]) / 2 for r in rows)


def cross_validate(scores: dict[float, list[dict[str, float]]], k: int) -> tuple[list[dict], list[float]]:
    """Held-out scores per story, and the value each fold chose on the other folds."""
    n = len(next(iter(scores.values())))
    held: list[dict] = [{}] * n
    chosen = []
    for test in folds(n, k):
        train = [i for i in range(n) if i not in set(test)]
        best = max(scores, key=lambda v: (objective([scores[v][i] for i in train]), -v))
        chosen.append(best)
        for i in test:
            held[i] = scores[best][i]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--grid", default="0,0.05,0.1,0.2", help="values of Options.salience to try")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--baselines", default="icsi,lead,sumy-lexrank,sumy-sumbasic,summa-textrank")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    logging.getLogger("summarize").setLevel(logging.ERROR)
    stories = find_stories(args.data)
    grid = [float(v) for v in args.grid.split(",")]
    scores = grid_scores(stories, grid)
    held, chosen = cross_validate(scores, args.folds)
    available = all_systems()
    names = [b for b in args.baselines.split(",") if b in available]
    results = evaluate(stories, {b: available[b] for b in names})
    per_system = {"extractive (CV)": held}
    for name in names:
        per_system[name] = [r.scores for r in results if r.system == name]
    report = {
        "data": str(args.data), "stories": len(stories), "folds": args.folds,
        "tuned_parameters": 1, "grid": {"salience": grid}, "chosen_per_fold": chosen,
        "systems": {}, "paired_vs_ours": {},
    }
    print(f"{args.data}: {len(stories)} stories, {args.folds}-fold CV over stories, 1 tuned parameter "
          f"(salience, grid {grid}; chosen per fold {chosen})")
    print(f"{'system':18} " + " ".join(f"{m:>20}" for m in METRICS))
    for name, rows in per_system.items():
        cells = {}
        for m in METRICS:
            values = [r[m] for r in rows]
            low, high = bootstrap_interval(values)
            cells[m] = {"mean": round(statistics.fmean(values), 2), "ci": [round(low, 2), round(high, 2)]}
        report["systems"][name] = cells
        print(f"{name:18} " + " ".join(
            f"{c['mean']:6.2f} [{c['ci'][0]:5.2f}–{c['ci'][1]:5.2f}]" for c in cells.values()))
    for name in names:
        report["paired_vs_ours"][name] = {m: paired(held, per_system[name], m) for m in METRICS}
        d = report["paired_vs_ours"][name]
        print(f"ours − {name:14} " + " ".join(
            f"{d[m]['diff']:+6.2f} [{d[m]['ci'][0]:+.2f},{d[m]['ci'][1]:+.2f}] p={d[m]['p_not_better']:.3f}"
            for m in METRICS))
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
