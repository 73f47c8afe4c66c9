"""Choose the grouping's parameters by 5-fold cross-validation over stories; report held-out folds.

    python eval/tune_grouping.py ../shared/evaldata/multinews-dev [--noise DIR | --joint DIR ...] [--seed 0]

The flat feed holds every story (and the noise, when given). Grouping uses no labels, so each
parameter setting's labels are computed once; for each fold the setting with the best V-measure on
the other four folds' stories is chosen, and only the held-out fold's stories are scored with it.
Held-out figures of the five folds are pooled (V-measure and ARI over all real articles, with a 95%
bootstrap interval over stories; stories exact summed). The last line is the setting chosen on all
stories: the shipped defaults (checked on unseen stories, never reported as a result here).

One parameter is tuned: the threshold (9 settings). The lead, the words of each body read, is
fixed at 300 (`GroupingOptions` says why); `--leads 300 600 0` tunes it with the threshold among a
300-word lead, a 600-word wire report and the whole article (the grid of the first search, fixed
before any score), the previous protocol. Headline and entity weights keep the fixed values that
`GroupingOptions` explains. `--joint DIR [DIR ...]` builds the feed alone and hidden among each
noise folder and gives each fold the one setting with the best training score summed over
those feeds: a shipped default has to serve every night size, so it is chosen the same way.
A fold prefers the setting that mixes the fewest training stories, then the best V-measure
(issue 26: a brief of two stories is worse than an article left in no story). Each held-out fold
also counts its mixed stories: predicted stories that hold real articles of two stories.
`--seed 0 1 2 3 4 5` reports six fold splits over one grouping of each feed, with a summary table;
`--labels FILE` keeps the groupings, so another choice among them takes seconds.
`--all-parameters` runs the earlier 108-setting, 4-parameter search for comparison.
The terms (words and neighbouring word pairs, IDF squared) are fixed; `--no-pairs`, `--plain-idf`
and `--previous-terms` (both off) measure each change, and `--tune-terms` lets the folds choose
among the four combinations too (two more tuned parameters).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import random
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, v_measure_score

from summarize.jobs.evaluate_grouping import Item, baseline_linkage, build_feed, read_noise, score, story_files
from summarize.jobs.grouping import GroupingOptions, candidate_graph, cluster, vectors
from summarize.jobs.stories import split_non_articles
from summarize.pipeline.clean import clean_documents

THRESHOLDS = (0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3)
WEIGHTS = (0.0, 0.5)
LEADS = (300, 600, 0)


def our_labels(
    items: list[Item],
    all_parameters: bool = False,
    leads: tuple[int, ...] = LEADS,
    terms: tuple[tuple[bool, bool], ...] = ((True, True),),
) -> dict[tuple, list[int]]:
    """Labels per setting (threshold, title weight, entity weight, lead, word pairs, IDF squared)."""
    articles, _ = split_non_articles([i.doc for i in items])
    keep = {d.id for d in articles}
    index = [n for n, i in enumerate(items) if i.doc.id in keep]
    cleaned = clean_documents(articles)
    out = {}
    fixed = GroupingOptions()
    if all_parameters:
        grid = itertools.product(WEIGHTS, WEIGHTS, LEADS)
    else:
        grid = ((fixed.title_weight, fixed.entity_weight, lead) for lead in leads)
    for (title_weight, entity_weight, lead), (pairs, squared) in itertools.product(grid, terms):
        options = GroupingOptions(
            title_weight=title_weight,
            entity_weight=entity_weight,
            lead_words=lead,
            word_pairs=pairs,
            idf_squared=squared,
        )
        rows = vectors(cleaned, options)
        graph = candidate_graph(rows, options.neighbours, min(THRESHOLDS))
        for threshold in THRESHOLDS:
            labels = np.full(len(items), -1)
            labels[index] = cluster(rows, replace(options, threshold=threshold), graph)
            out[(threshold, title_weight, entity_weight, lead, pairs, squared)] = _drop_small(labels)
    return out


def baseline_labels(items: list[Item]) -> dict[tuple, list[int]]:
    from scipy.cluster.hierarchy import fcluster

    tree = baseline_linkage(items)
    return {(t,): _drop_small(fcluster(tree, t=1 - t, criterion="distance")) for t in THRESHOLDS}


def _drop_small(labels) -> list[int]:  # type: ignore[no-untyped-def]
    from summarize.jobs.evaluate_grouping import _drop_small as drop

    return drop(np.asarray(labels), 2)


def choose(feeds: list[tuple[list[Item], dict[tuple, list[int]]]], train: set[str]) -> tuple:
    """The setting that mixes the fewest `train` stories, then the best V-measure on them, summed over the
    feeds (ties: nearer 0.2). Issue 26's order: a brief of two stories is worse than an article lost."""
    return max(
        feeds[0][1],
        key=lambda c: (
            -sum(mixed_stories(i, lab[c], train, within=True) for i, lab in feeds),
            sum(score(i, lab[c], train).v_measure for i, lab in feeds),
            -abs(c[0] - 0.2),
        ),
    )


def cross_validate(
    items: list[Item], labelled: dict[tuple, list[int]], folds: list[set[str]], chosen: list[tuple] | None = None
) -> dict:
    """Held-out scores; each fold's setting is `chosen[k]`, or else the best on the other folds' stories."""
    gold, predicted, unit, exact, junk, mixed = [], [], [], 0, 0, 0
    if chosen is None:
        chosen = [choose([(items, labelled)], set().union(*folds) - held) for held in folds]
    for k, (held, best) in enumerate(zip(folds, chosen)):
        labels = labelled[best]
        s = score(items, labels, held)
        exact += s.exact
        junk = max(junk, s.non_article_stories)
        mixed += mixed_stories(items, labels, held)
        # The held-out articles, and any other story's article that landed in one of their clusters:
        # a merge with a training story must cost the held-out score too.
        theirs = {
            labels[n]: item.story for n, item in enumerate(items) if item.story in held and item.real and labels[n] >= 0
        }
        for n, item in enumerate(items):
            if item.story is not None and item.real and (item.story in held or labels[n] in theirs):
                gold.append(f"{k}:{item.story}")
                predicted.append(f"{k}:{labels[n]}" if labels[n] >= 0 else f"alone{n}")
                unit.append(f"{k}:{item.story if item.story in held else theirs[labels[n]]}")
    held_out = sum(len(f) for f in folds)
    return {
        "v": v_measure_score(gold, predicted),
        "ari": adjusted_rand_score(gold, predicted),
        "ci": bootstrap(gold, predicted, unit),
        "exact": exact,
        "stories": held_out,
        "junk": junk,
        "mixed": mixed,
        "chosen": chosen,
    }


def mixed_stories(items: list[Item], labels: list[int], stories: set[str], within: bool = False) -> int:
    """Predicted stories that hold real articles of two or more stories, one of them in `stories` (all of
    them, when `within`: the training stories only): the worst failure, a brief that mixes two stories."""
    found: dict[int, set[str]] = {}
    for item, label in zip(items, labels):
        if label >= 0 and item.real and item.story is not None and (item.story in stories or not within):
            found.setdefault(label, set()).add(item.story)
    return sum(len(named) > 1 and bool(named & stories) for named in found.values())


def bootstrap(gold: list[str], predicted: list[str], unit: list[str], samples: int = 1000) -> tuple[float, float]:
    """95% percentile interval of the V-measure, resampling held-out stories (with the articles of other
    stories that joined their clusters). A story drawn twice counts twice."""
    rng = random.Random(0)
    units = sorted(set(unit))
    by_unit = {u: [n for n, x in enumerate(unit) if x == u] for u in units}
    values = []
    for _ in range(samples):
        g, p = [], []
        for copy, u in enumerate(rng.choice(units) for _ in units):
            g += [f"{gold[n]}#{copy}" for n in by_unit[u]]
            p += [f"{predicted[n]}#{copy}" for n in by_unit[u]]
        values.append(v_measure_score(g, p))
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--noise", type=Path, help="hide the feed among the articles of this folder")
    where.add_argument(
        "--joint",
        type=Path,
        nargs="+",
        metavar="DIR",
        help="one setting per fold for the feed alone and hidden among each DIR",
    )
    parser.add_argument(
        "--seed",
        type=int,
        nargs="+",
        default=[0],
        metavar="N",
        help="shuffles the feed (the first N) and splits the folds (each N: one fold split each; default 0)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF average-link baseline")
    parser.add_argument(
        "--labels",
        type=Path,
        metavar="FILE",
        help="keep each feed's labels per setting in FILE (pickle) and reuse them when it exists: the "
        "grouping takes minutes, choosing among settings seconds (the searched settings must be among them)",
    )
    parser.add_argument(
        "--all-parameters", action="store_true", help="also tune title and entity weights (108 settings, 4 parameters)"
    )
    parser.add_argument(
        "--leads",
        type=int,
        nargs="+",
        default=[300],
        metavar="N",
        help="leads to tune among, in words (0: all; the previous grid: 300 600 0); default 300, fixed",
    )
    terms = parser.add_mutually_exclusive_group()
    terms.add_argument("--no-pairs", action="store_true", help="terms are words only, no neighbouring pairs")
    terms.add_argument("--plain-idf", action="store_true", help="TF-IDF with the IDF once, not squared")
    terms.add_argument(
        "--previous-terms", action="store_true", help="words only and the IDF once: the previous round's grouping"
    )
    terms.add_argument(
        "--tune-terms", action="store_true", help="the folds also choose pairs or not and the IDF once or squared"
    )
    args = parser.parse_args()
    if args.tune_terms:
        term_grid = tuple(itertools.product((True, False), (True, False)))
    else:
        previous = args.previous_terms
        term_grid = ((not (args.no_pairs or previous), not (args.plain_idf or previous)),)
    stories = story_files(args.data)
    noises = [args.noise] if args.joint is None else [None, *args.joint]
    feeds = [build_feed(stories, read_noise(noise), args.seed[0]) for noise in noises]
    tuned = (4 if args.all_parameters else 1 if len(args.leads) == 1 else 2) + 2 * args.tune_terms
    runs = [("ours", lambda i: our_labels(i, args.all_parameters, tuple(args.leads), term_grid), tuned)]
    if not args.no_baseline:
        runs.append(("baseline", baseline_labels, 1))
    saved = pickle.loads(args.labels.read_bytes()) if args.labels and args.labels.exists() else {}
    labelled, seconds = {}, {}
    for name, labeller, _ in runs:  # grouping uses no labels: each setting's labels serve every fold split
        start = time.perf_counter()
        found = [saved.get((name, n)) for n in range(len(feeds))]
        labelled[name] = [(items, had if had is not None else labeller(items)) for items, had in zip(feeds, found)]
        if name == "ours" and found[0] is not None:  # only the settings searched now
            fixed = GroupingOptions()
            weights = None if args.all_parameters else (fixed.title_weight, fixed.entity_weight)
            labelled[name] = [
                (
                    items,
                    {
                        c: lab[c]
                        for c in lab
                        if c[3] in args.leads and c[4:] in term_grid and c[1:3] in (weights or c[1:3],)
                    },
                )
                for items, lab in labelled[name]
            ]
        seconds[name] = time.perf_counter() - start
    if args.labels and not saved:
        args.labels.write_bytes(
            pickle.dumps({(name, n): lab for name in labelled for n, (_, lab) in enumerate(labelled[name])})
        )
    summary = []
    for seed in args.seed:
        names = sorted(stories)
        random.Random(seed).shuffle(names)
        folds = [set(names[k::5]) for k in range(5)]
        print(f"fold split --seed {seed}")
        for n, (items, noise) in enumerate(zip(feeds, noises)):
            print(
                f"{len(stories)} stories, {sum(i.story is not None for i in items)} articles "
                f"({sum(not i.real for i in items)} gold non-articles), {sum(i.story is None for i in items)} noise articles"
                + (f" ({noise})" if noise else "")
            )
            for name, _, count in runs:
                together = labelled[name]
                chosen = [choose(together, set(names) - held) for held in folds] if args.joint else None
                r = cross_validate(items, together[n][1], folds, chosen)
                final = choose(together if args.joint else [together[n]], set(names))
                if name == "ours":
                    summary.append((seed, n, r))
                print(
                    f"{name:>8} (held-out, {count} tuned): V {r['v']:.3f} [{r['ci'][0]:.3f}, {r['ci'][1]:.3f}]  "
                    f"ARI {r['ari']:.3f}  exact {r['exact']}/{r['stories']}  mixed {r['mixed']}  "
                    f"stories of non-articles {r['junk']}  ({seconds[name]:.0f} s)"
                )
                print(f"{'':>8} per fold: {r['chosen']}; on all stories: {final}")
    if len(args.seed) > 1:
        print_summary(summary, noises)


def print_summary(summary: list[tuple[int, int, dict]], noises: list[Path | None]) -> None:
    """Ours, held out, per fold split and feed: stories exact, mixed stories, V-measure; then per feed
    the median exact, the most mixed and the lowest V over the splits."""
    labels = [str(noise) if noise else "alone" for noise in noises]
    print("| split (--seed) | " + " | ".join(labels) + " |")
    print("|---" * (len(labels) + 1) + "|")
    for seed in sorted({s for s, _, _ in summary}):
        cells = [f"{r['exact']}/{r['stories']}, {r['mixed']} mixed, V {r['v']:.3f}" for s, _, r in summary if s == seed]
        print(f"| {seed} | " + " | ".join(cells) + " |")
    cells = []
    for n in range(len(noises)):
        rs = [r for _, m, r in summary if m == n]
        cells.append(
            f"median {float(np.median([r['exact'] for r in rs])):g}, at most {max(r['mixed'] for r in rs)} mixed, "
            f"V >= {min(r['v'] for r in rs):.3f}"
        )
    print("| all splits | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
