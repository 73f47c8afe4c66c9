"""Rebuild the Punkt parameters shipped in summarize/data from the cleaned articles of a folder.

    python eval/train_punkt.py [FOLDER]      # default: seeds

Punkt's own unsupervised trainer, plus the curated news abbreviations and sentence starters of
`summarize.pipeline.segment`. It writes into the source tree, so it lives beside the other
maintenance scripts rather than in the installed package.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarize.pipeline.clean import clean_documents
from summarize.pipeline.ingest import read_folder
from summarize.pipeline.segment import PARAMETERS, parameters_to_json, train_parameters

ROOT = Path(__file__).resolve().parent.parent


def main(folder: str = "seeds") -> None:
    """Rebuild the shipped parameters from the cleaned articles in `folder`."""
    docs = clean_documents(read_folder(Path(folder)))
    params = train_parameters(doc.text for doc in docs)
    target = ROOT / "summarize" / "data" / PARAMETERS
    target.write_text(json.dumps(parameters_to_json(params), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(params.abbrev_types)} abbreviations")


if __name__ == "__main__":
    main(*sys.argv[1:2])
