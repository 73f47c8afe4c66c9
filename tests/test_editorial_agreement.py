"""eval/editorial_agreement.py: the checker's codes set against a blind reader's, sentence by sentence."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, eval_script


def test_reader_lines_count_from_one_and_labels_resolve_to_systems():
    answers = {"story01": {"A": {"sentences": 2, "defects": [{"line": 2, "code": "DR"}]}}}
    key = {"story01": {"story": "test7", "A": "extractive"}}
    assert eval_script("editorial_agreement").reader_codes(answers, key) == {
        ("test7", "extractive", 0): set(),
        ("test7", "extractive", 1): {"DR"},
    }


def test_agreement_counts_both_reader_only_and_checker_only(tmp_path):
    answers = {"story01": {"A": {"sentences": 3, "defects": [{"line": 1, "code": "DR"}, {"line": 2, "code": "NI"}]}}}
    key = {"story01": {"story": "test7", "A": "extractive"}}
    codes = {
        "briefs": [
            {
                "brief": "briefs/extractive-short/test7.json",
                "sentences": [
                    {"index": 0, "codes": ["DR"]},
                    {"index": 1, "codes": []},
                    {"index": 2, "codes": ["OP"]},
                ],
            }
        ]
    }
    paths = []
    for name, value in (("answers", answers), ("key", key), ("codes", codes)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(value))
    out = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "editorial_agreement.py"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines() if line[:2] in ("DR", "NI", "OP")}
    assert rows == {"DR": ["1", "0", "0"], "NI": ["0", "1", "0"], "OP": ["0", "0", "1"]}
    assert "agree on 33% of sentences" in out


def test_kappa_is_one_when_reader_and_checker_agree_and_zero_at_chance():
    kappa = eval_script("editorial_agreement").kappa
    assert kappa([(True, True), (False, False)]) == 1.0
    assert abs(kappa([(True, True), (True, False), (False, True), (False, False)])) < 1e-9
