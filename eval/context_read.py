"""How often our briefs lean on context they do not give, and ROUGE beside it, per story.

    python eval/context_read.py DATA --out run.json            # measure the code as it is now
    python eval/context_read.py --compare before.json after.json  # paired differences

For each story (`<story>/docs/*.txt`, `<story>/refs/*.txt`) the extractive brief is written twice:
at the story's mean reference length, cut to it and scored with ROUGE as `summarize eval` does,
and at the default length (medium), whose sentences are counted:

- `opener`: a sentence that opens with a pronoun or demonstrative subject (He, She, It, They,
  This, Its, ...) or a connective of response, consequence or contrast ("In response", "As a
  result", "Still", "However", "But");
- `pronoun speaker`: a quotation whose only speaker is a pronoun ("…,” he added.").

The patterns are written here apart from summarize/ on purpose (a check that shares the code it
checks finds nothing). `--compare` gives each number's paired bootstrap 95% interval over stories.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from pathlib import Path

from summarize.jobs.evaluate import METRICS, Scorer, cut_to_budget, find_stories
from summarize.options import Mode, Options
from summarize.pipeline.run import summarize_documents

OPENER = re.compile(
    r"^[“\"‘]?(He|She|It|They|We|This|That|These|Those|Its|His|Her|Their|Such|But|And|Yet|So|Still|"
    r"However|Instead|Meanwhile|Thus|Therefore|Also|In response|In fact|As a result|In turn|"
    r"Nevertheless|Nonetheless|Even so|By contrast|In contrast|On the other hand|Then)\b"
)
PRONOUN_SPEAKER = re.compile(
    r"[,.!?…][”\"’]\s*(he|she|they|it)\s+(said|says|added|adds|told|tells|wrote|writes|explained|"
    r"continued|noted|recalled|asked)\b|[”\"]\s*,?\s*(he|she|they)\s+(said|added)\b",
    re.IGNORECASE,
)


def measure(data: Path) -> dict:
    scorer = Scorer()
    stories = {}
    for story in find_stories(data):
        budget = story.budget
        brief = summarize_documents(story.docs, Options(words=budget, mode=Mode.extractive))
        summary = cut_to_budget([s.text for s in brief.sentences], budget)
        medium = summarize_documents(story.docs, Options(mode=Mode.extractive))
        texts = [s.text for s in medium.sentences]
        stories[story.id] = {
            **scorer.score(summary, story.refs),
            "sentences": len(texts),
            "opener": sum(bool(OPENER.match(t)) for t in texts),
            "pronoun speaker": sum(bool(PRONOUN_SPEAKER.search(t)) for t in texts),
            "brief": texts,
        }
        print(story.id, stories[story.id]["opener"], stories[story.id]["pronoun speaker"], file=sys.stderr)
    return stories


def summary(stories: dict) -> dict:
    n = sum(s["sentences"] for s in stories.values())
    out = {m: statistics.fmean(s[m] for s in stories.values()) for m in METRICS}
    out |= {k: 100 * sum(s[k] for s in stories.values()) / n for k in ("opener", "pronoun speaker")}
    return out | {"sentences": n, "stories": len(stories)}


def compare(before: dict, after: dict, samples: int = 2000) -> None:
    ids = sorted(set(before) & set(after))
    rng = random.Random(0)
    for m in METRICS:
        diffs = [after[i][m] - before[i][m] for i in ids]
        means = sorted(statistics.fmean(rng.choices(diffs, k=len(diffs))) for _ in range(samples))
        low, high = means[int(0.025 * samples)], means[int(0.975 * samples) - 1]
        print(
            f"{m:10} before {statistics.fmean(before[i][m] for i in ids):6.2f}  after "
            f"{statistics.fmean(after[i][m] for i in ids):6.2f}  after−before {statistics.fmean(diffs):+.2f} "
            f"[{low:+.2f}, {high:+.2f}]"
        )
    for k in ("opener", "pronoun speaker"):
        b, a = summary({i: before[i] for i in ids}), summary({i: after[i] for i in ids})
        print(
            f"{k:16} per 100 sentences at medium: before {b[k]:5.1f} ({b['sentences']} sentences)  "
            f"after {a[k]:5.1f} ({a['sentences']} sentences)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2)
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        compare(before, after)
        return
    stories = measure(args.data)
    if args.out:
        args.out.write_text(json.dumps(stories, indent=1, ensure_ascii=False))
    print(json.dumps(summary(stories), indent=1))


if __name__ == "__main__":
    main()
