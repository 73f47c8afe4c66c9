"""How many English documents does the language filter keep? (issue 28)

    python eval/language_check.py ../shared/evaldata

Reads every `<set>/<cluster>/docs/*.txt` under the folder (all of them English: Multi-News news,
Amazon reviews, Opinosis review sentences), cleans each cluster as a brief does, and prints, per
set, how many documents the filter calls English, which fast path decided, and every document it
would skip with the language it names (None skipped is the bar), and how many the
classifier alone calls English (the path taken by text with few function words).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import py3langid

from summarize.pipeline.clean import clean_documents
from summarize.pipeline.ingest import read_folder
from summarize.text.language import ENGLISH_SHARE, SAMPLE, english_share, language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="evaluation folder with <set>/<cluster>/docs/*.txt")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for folder in sorted(p for p in args.root.iterdir() if p.is_dir()):
        counts: Counter[str] = Counter()
        for docs in sorted(folder.glob("*/docs")):
            for doc in clean_documents(read_folder(docs)):
                if not doc.text.strip():
                    counts["empty after cleaning"] += 1
                    continue
                found = language(doc.text)
                counts["documents"] += 1
                counts["english"] += found == "en"
                counts["asked the classifier"] += english_share(doc.text) < ENGLISH_SHARE
                # The classifier's own verdict on every document: the path that low-share text takes.
                counts["classifier alone says en"] += py3langid.classify(doc.text[:SAMPLE])[0] == "en"
                if found != "en":
                    print(f"  SKIPPED {docs.parent.name}/{doc.id}: {found}: {doc.text[:80]!r}")
        print(f"{folder.name}: {dict(counts)}")
        total.update(counts)
    print(f"all: {total['english']} of {total['documents']} English documents kept ({dict(total)})")


if __name__ == "__main__":
    main()
