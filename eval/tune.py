"""Try rank weights on an evaluation set and print ROUGE for each; pick by the mean of R1 and R2.

    python eval/tune.py ../shared/evaldata/multinews-dev [--grid small]

Tune on development data only. The defaults in summarize/options.py::Weights came from this.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import statistics
from dataclasses import replace
from pathlib import Path

from summarize.evaluate import Scorer, cut_to_budget, find_stories
from summarize.options import Options, Weights
from summarize.pipeline import summarize_documents

# Weights fields, plus "mmr_lambda" from Options.
GRID = {
    "mmr_lambda": [0.5, 0.6, 0.8],
    "opinion": [1.0],
}


def run(stories, scorer, options: Options) -> dict[str, float]:
    rows = []
    for story in stories:
        brief = summarize_documents(story.docs, replace(options, words=story.budget))
        summary = cut_to_budget([s.text for s in brief.sentences], story.budget)
        rows.append(scorer.score(summary, story.refs))
    return {m: statistics.mean(r[m] for r in rows) for m in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    logging.getLogger("summarize").setLevel(logging.ERROR)
    stories = find_stories(args.data)
    scorer = Scorer()
    base = run(stories, scorer, Options())
    print("defaults", {k: round(v, 2) for k, v in base.items()})
    results = []
    for values in itertools.product(*GRID.values()):
        chosen = dict(zip(GRID, values))
        lam = chosen.pop("mmr_lambda", Options().mmr_lambda)
        options = Options(weights=replace(Weights(), **chosen), mmr_lambda=lam)
        scores = run(stories, scorer, options)
        results.append(((scores["rouge1"] + scores["rouge2"]) / 2, values, scores))
        print(values, {k: round(v, 2) for k, v in scores.items()}, flush=True)
    results.sort(reverse=True)
    print("best:", dict(zip(GRID, results[0][1])), {k: round(v, 2) for k, v in results[0][2].items()})


if __name__ == "__main__":
    main()
