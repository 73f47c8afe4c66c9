"""Count what a news reader notices in our briefs, per 100 brief sentences, over an evaluation set.

    python eval/defects.py DATA [--words N] [--show]

DATA holds stories (`<story>/docs/*.txt`, `<story>/refs/*.txt`, as for `summarize eval`); each brief
is written at the story's mean reference length (or --words) in extractive mode. The checks are
written apart from summarize/debris.py and summarize/quality.py on purpose (a checker that shares
the code it checks finds nothing): datelines, embeds, page chrome, captions, first person outside
quotation marks, bare quotes, questions, links, and pairs of brief sentences that share most of
their content words (one fact told twice).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from summarize.jobs.evaluate import find_stories
from summarize.options import Mode, Options
from summarize.pipeline.run import summarize_documents
from summarize.text.words import content_terms

CHECKS: dict[str, re.Pattern[str]] = {
    "dateline": re.compile(
        r"^([A-Z][A-Z.'’ ,-]{2,}(\([^)]{1,20}\))?\s*(--|—|–| - )"
        r"|[A-Z][a-z]+ \((AP|CNN|Reuters|AFP|UPI)\)|\((AP|CNN|Reuters|AFP|UPI|CBS)\)|--|—|–)"
    ),
    "embed": re.compile(r"\(@\w+\)|pic\.twitter|\bt\.co/|your tweets|tweet with a location|^@\w+", re.I),
    "chrome": re.compile(
        r"media playback|image copyright|image caption|javascript|^advertisement|read more\b|crawl|"
        r"wayback|JUST WATCHED|Story highlights|^(WATCH|RELATED|VIDEO):|transcript|newsletter|"
        r"\bsign up\b|click here",
        re.I,
    ),
    "caption": re.compile(
        r"\bfile photo\b|^FILE\b|\(Associated Press\)|\b[A-Z]\w+, (left|right|center),"
        r"|\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}"
        r"|^(In this|This)\b.{0,40}\b(photo|picture|image)\b|Getty|AP Photo|^Photo:"
    ),
    "question": re.compile(r"\?[\"'”’)]*$"),
    "url": re.compile(r"https?://|www\.\w|\w@\w+\.\w"),
}
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|mine|myself|we|us|our|ours)\b|^(We|Our|My)\b")
_SAID = re.compile(
    r"\b(said|says|told|wrote|writes|added|according to|asked|tweeted|posted|recalls|recalled)\b|:\s*[“\"]", re.I
)


def sentence_defects(text: str) -> list[str]:
    """The defects one brief sentence shows (a sentence can show several)."""
    found = [name for name, pattern in CHECKS.items() if pattern.search(text)]
    outside = _QUOTED.sub(" ", text)
    if _FIRST_PERSON.search(outside):
        found.append("first person")
    quoted = len(text.split()) - len(outside.split())
    if text.lstrip()[:1] in '“"‘' and quoted >= 0.5 * len(text.split()) and not _SAID.search(outside):
        found.append("bare quote")
    return found


def repeated_pairs(texts: list[str]) -> int:
    """Pairs of sentences whose content words mostly coincide: one fact told twice."""
    terms = [set(content_terms(t)) for t in texts]
    count = 0
    for i in range(len(terms)):
        for j in range(i + 1, len(terms)):
            shared = len(terms[i] & terms[j])
            if shared >= 4 and shared >= 0.5 * min(len(terms[i]), len(terms[j])):
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--words", type=int, default=None)
    parser.add_argument("--show", action="store_true", help="print each defective sentence")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    sentences = 0
    for story in find_stories(args.data):
        brief = summarize_documents(story.docs, Options(words=args.words or story.budget, mode=Mode.extractive))
        texts = [s.text for s in brief.sentences]
        sentences += len(texts)
        for text in texts:
            for defect in sentence_defects(text):
                totals[defect] += 1
                if args.show:
                    print(f"{story.id}\t{defect}\t{text}")
        totals["repeated fact"] += repeated_pairs(texts)
    per_100 = 100 / max(1, sentences)
    print(f"{sentences} brief sentences; defects per 100 sentences:")
    for name in [*CHECKS, "first person", "bare quote", "repeated fact"]:
        print(f"  {name:14} {totals[name]:4d}  {totals[name] * per_100:5.1f}")
    print(f"  {'total':14} {sum(totals.values()):4d}  {sum(totals.values()) * per_100:5.1f}")


if __name__ == "__main__":
    sys.exit(main())
