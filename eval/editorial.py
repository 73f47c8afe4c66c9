"""The editor's read (../shared/EDITORIAL.md) as far as a program can make it: defects per 100 brief sentences.

    python eval/editorial.py write DATA --out DIR [--lengths short,medium,long] [--systems extractive,icsi]
    python eval/editorial.py check BRIEF.json|DIR ... [--json codes.json] [--show]

`write` writes each story's brief as `summarize --format json` does (`DIR/<system>-<length>/<story>.json`):
ours through the library, `icsi` (which cites nothing) with each sentence's span found in the raw
file it came from, so both are read against their source articles the same way. `check` reads such
briefs (the articles are the JSON's `sources`, their `text` the one the spans index into) and prints
the codes a program can check (WA, US, DR, NI, OP, RF, DB; `summarize/jobs/editorial.py` says how
each is decided) per 100 sentences, overall and per brief; `--json` writes every sentence's codes,
to compare with a blind reader's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def write(data: Path, out: Path, lengths: list[str], systems: list[str]) -> None:
    from summarize.jobs.evaluate import find_stories
    from summarize.jobs.icsi import icsi
    from summarize.options import LENGTH_RANGES, Length, Mode, Options
    from summarize.pipeline.run import summarize_documents

    for story in find_stories(data):
        name = story.id.replace("/", "_")
        for length in lengths:
            for system in systems:
                folder = out / f"{system}-{length}"
                folder.mkdir(parents=True, exist_ok=True)
                if system == "extractive":
                    options = Options(length=Length(length), mode=Mode.extractive)
                    brief = summarize_documents(story.docs, options).to_dict()
                else:
                    words = LENGTH_RANGES[Length(length)][1]
                    brief = located(story.docs, icsi(story.docs, words))
                (folder / f"{name}.json").write_text(json.dumps(brief, ensure_ascii=False, indent=1))
        print(f"{story.id}: written", file=sys.stderr)


def located(docs, sentences: list[str]) -> dict:  # type: ignore[no-untyped-def]
    """A baseline's sentences as a brief in our JSON form, each cited to where it stands in its raw file."""
    rows = []
    for text in sentences:
        spans = [
            {"doc_id": d.id, "start": d.text.find(text), "end": d.text.find(text) + len(text)}
            for d in docs
            if text in d.text
        ][:1]
        rows.append({"text": text, "citations": [s["doc_id"] for s in spans], "spans": spans})
    sources = [{"id": d.id, "path": str(d.path), "title": None, "text": d.text} for d in docs]
    return {"brief": " ".join(sentences), "sentences": rows, "sources": sources}


def briefs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.json")) if path.is_dir() else [path]
    return found


def check(paths: list[Path], out: Path | None, show: bool) -> None:
    from summarize.jobs.editorial import CODES, check_brief
    from summarize.models.embeddings import embedder

    model = embedder()  # MiniLM where installed: repeated facts in other words
    embed = model.encode if model is not None else None

    totals: Counter[str] = Counter()
    sentences = 0
    records = []
    for path in briefs(paths):
        codes = check_brief(json.loads(path.read_text()), embed)
        sentences += len(codes)
        counted = Counter(code for row in codes for code in row.codes)
        totals.update(counted)
        per = 100 / max(1, len(codes))
        line = "  ".join(f"{c} {counted[c]}" for c in CODES if counted[c])
        print(
            f"{path.parent.name}/{path.stem}: {len(codes)} sentences, {sum(counted.values()) * per:.0f} per 100  {line}"
        )
        records.append({"brief": str(path), "sentences": [row.to_dict() for row in codes]})
        if show:
            for row in codes:
                if row.codes:
                    print(f"    {','.join(row.codes)}\t{row.text}\t{row.why}")
    per_100 = 100 / max(1, sentences)
    print(f"\n{len(records)} briefs, {sentences} sentences; defects per 100 sentences:")
    for code in CODES:
        print(f"  {code}  {totals[code]:4d}  {totals[code] * per_100:5.1f}")
    print(f"  all {sum(totals.values()):4d}  {sum(totals.values()) * per_100:5.1f}")
    if out is not None:
        summary = {c: round(totals[c] * per_100, 2) for c in CODES}
        out.write_text(json.dumps({"per_100": summary, "sentences": sentences, "briefs": records}, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write", help="write the briefs to check")
    w.add_argument("data", type=Path)
    w.add_argument("--out", type=Path, required=True)
    w.add_argument("--lengths", default="short,medium,long")
    w.add_argument("--systems", default="extractive,icsi")
    c = commands.add_parser("check", help="count the defects of written briefs")
    c.add_argument("paths", type=Path, nargs="+")
    c.add_argument("--json", type=Path, default=None, help="write every sentence's codes here")
    c.add_argument("--show", action="store_true", help="print each sentence found defective")
    args = parser.parse_args()
    if args.command == "write":
        write(args.data, args.out, args.lengths.split(","), args.systems.split(","))
    else:
        check(args.paths, args.json, args.show)


if __name__ == "__main__":
    main()
