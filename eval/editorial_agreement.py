"""How often the editorial checker agrees with a blind reader, sentence by sentence and code by code.

    python eval/editorial_agreement.py ANSWERS.json KEY.json CODES.json

ANSWERS.json is the blind reader's record, one entry per packet and brief label:
`{"story01": {"A": {"sentences": 5, "defects": [{"line": 2, "code": "DR", "why": "…"}], "lead": true,
"verdict": "light"}, …}, …}` (lines count from 1). KEY.json says which story and system each label
was: `{"story01": {"story": "test0410", "A": "icsi", "B": "extractive"}, …}`. CODES.json is what
`eval/editorial.py check DIR --json CODES.json` wrote for the same briefs (`DIR/<system>-<length>/
<story>.json`). Only the codes the checker implements are compared (WA, US, DR, NI, OP, RF, DB):
the reader's FE and OS need the reader.

For each code it prints the sentences both flagged, only the reader flagged, only the checker
flagged, the checker's precision and recall against the reader, and over "any checked defect" per
sentence the share of sentences on which the two agree and Cohen's kappa.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

CHECKED = ("WA", "US", "DR", "NI", "OP", "RF", "DB")


def reader_codes(answers: dict, key: dict) -> dict[tuple[str, str, int], set[str]]:
    """(story, system, sentence index from 0) -> the codes the reader gave that sentence."""
    out: dict[tuple[str, str, int], set[str]] = {}
    for packet, labels in answers.items():
        for label, read in labels.items():
            system, story = key[packet][label], key[packet]["story"]
            for line in range(read["sentences"]):
                out.setdefault((story, system, line), set())
            for defect in read["defects"]:
                out.setdefault((story, system, defect["line"] - 1), set()).add(defect["code"])
    return out


def checker_codes(codes: dict) -> dict[tuple[str, str, int], set[str]]:
    out: dict[tuple[str, str, int], set[str]] = {}
    for brief in codes["briefs"]:
        path = Path(brief["brief"])
        system = path.parent.name.rsplit("-", 1)[0]
        for row in brief["sentences"]:
            out[(path.stem, system, row["index"])] = set(row["codes"])
    return out


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p_reader = sum(a for a, _ in pairs) / n
    p_checker = sum(b for _, b in pairs) / n
    expected = p_reader * p_checker + (1 - p_reader) * (1 - p_checker)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("answers", type=Path)
    parser.add_argument("key", type=Path)
    parser.add_argument("codes", type=Path)
    args = parser.parse_args()
    reader = reader_codes(json.loads(args.answers.read_text()), json.loads(args.key.read_text()))
    checker = checker_codes(json.loads(args.codes.read_text()))
    shared = sorted(set(reader) & set(checker))
    missing = len(set(reader) - set(checker))
    print(
        f"{len(shared)} sentences read by both"
        + (f" ({missing} read sentences the checker did not see)" if missing else "")
    )
    print(f"{'code':4} {'both':>5} {'reader':>7} {'checker':>8} {'precision':>10} {'recall':>7}")
    for code in CHECKED:
        tally = Counter((code in reader[s], code in checker[s]) for s in shared)
        both, only_r, only_c = tally[(True, True)], tally[(True, False)], tally[(False, True)]
        precision = f"{both / (both + only_c):.2f}" if both + only_c else "-"
        recall = f"{both / (both + only_r):.2f}" if both + only_r else "-"
        print(f"{code:4} {both:5d} {only_r:7d} {only_c:8d} {precision:>10} {recall:>7}")
    pairs = [(bool(reader[s] & set(CHECKED)), bool(checker[s])) for s in shared]
    agree = sum(a == b for a, b in pairs) / len(pairs)
    print(f"any checked defect: agree on {agree:.0%} of sentences, Cohen's kappa {kappa(pairs):.2f}")


if __name__ == "__main__":
    main()
