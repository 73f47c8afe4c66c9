"""Lay out Multi-News (Fabbri et al., ACL 2019) as `summarize eval` reads it: `<story>/docs/*.txt`
and `<story>/refs/ref.txt`, from a file you downloaded yourself.

Multi-News is for non-commercial research and education only (its LICENSE.txt), so the project
ships none of it. Export a split from the Hugging Face copy, where a story's articles are joined
by "|||||" and its summary starts with an en dash:

    python -c "from datasets import load_dataset; load_dataset('multi_news', split='test').to_json('multinews-test.jsonl')"
    python eval/multinews.py multinews-test.jsonl multinews-test/ [--first N]

The original release's one-story-per-line files work too (articles joined by
"story_separator_special_tag", newlines written as "NEWLINE_CHAR"):

    python eval/multinews.py test.src.cleaned multinews-test/ --summaries test.tgt

Stories with fewer than two non-empty articles are left out (one article is not a multi-document
story); each story is named `test<index in the file>`. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

HF_SEPARATOR = "|||||"
ORIGINAL_SEPARATOR = "story_separator_special_tag"


def articles(document: str) -> list[str]:
    """The non-empty articles of one story, each with tidy whitespace and paragraphs kept."""
    text = document.replace("NEWLINE_CHAR", "\n")
    parts = re.split(rf"\s*(?:{re.escape(HF_SEPARATOR)}|{ORIGINAL_SEPARATOR})\s*", text)
    tidy = ["\n\n".join(" ".join(p.split()) for p in part.splitlines() if p.strip()) for part in parts]
    return [t for t in tidy if t]


def reference(summary: str) -> str:
    """The summary as one paragraph, without newser.com's leading dash."""
    return re.sub(r"^[–—-]\s*", "", " ".join(summary.replace("NEWLINE_CHAR", " ").split()))


def stories(source: Path, summaries: Path | None) -> Iterator[tuple[str, str]]:
    """(document, summary) pairs from a JSON Lines export, or from the original src/tgt files."""
    with source.open(encoding="utf-8") as lines:
        if summaries is None:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    yield record["document"], record["summary"]
            return
        with summaries.open(encoding="utf-8") as targets:
            yield from zip(lines, targets)


def write(source: Path, out: Path, summaries: Path | None = None, first: int | None = None) -> int:
    """Write each story of `source` under `out`; returns how many were written."""
    written = 0
    for index, (document, summary) in enumerate(stories(source, summaries)):
        if first is not None and written >= first:
            break
        texts = articles(document)
        if len(texts) < 2 or not reference(summary):
            continue
        story = out / f"test{index}"
        (story / "docs").mkdir(parents=True, exist_ok=True)
        (story / "refs").mkdir(parents=True, exist_ok=True)
        for number, text in enumerate(texts):
            (story / "docs" / f"d{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
        (story / "refs" / "ref.txt").write_text(reference(summary) + "\n", encoding="utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a JSON Lines export (document, summary) or a .src file")
    parser.add_argument("out", type=Path, help="the folder to write the stories into")
    parser.add_argument("--summaries", type=Path, help="the .tgt file beside an original .src file")
    parser.add_argument("--first", type=int, help="write only the first N stories")
    args = parser.parse_args()
    print(f"{write(args.source, args.out, args.summaries, args.first)} stories written to {args.out}")


if __name__ == "__main__":
    main()
