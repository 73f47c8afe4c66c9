import json
import statistics

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.jobs.baselines import lead, systems
from summarize.jobs.evaluate import (
    Scorer,
    Story,
    bootstrap_interval,
    cut_to_budget,
    evaluate,
    find_stories,
    score_systems,
)

from .conftest import ROOT, make_raw, write_articles

FLOORS = json.loads((ROOT / "eval" / "floors.json").read_text())


def test_rouge_matches_hand_computed_values():
    # Prediction "testing one two" against reference "testing": P = 1/3, R = 1, F1 = 0.5.
    scores = Scorer().score(["testing one two"], ["testing"])
    assert scores["rouge1"] == pytest.approx(50.0)
    assert scores["rouge2"] == pytest.approx(0.0)
    assert Scorer().score(["the cats sat"], ["The cat sat."])["rouge1"] == pytest.approx(100.0)


def test_several_references_are_averaged():
    scores = Scorer().score(["testing one two"], ["testing", "testing one two"])
    assert scores["rouge1"] == pytest.approx(75.0)


def test_cut_to_budget_cuts_the_crossing_sentence():
    assert cut_to_budget(["a b c", "d e f", "g"], 4) == ["a b c", "d"]
    assert cut_to_budget(["a b c", "d e f"], 3) == ["a b c"]
    assert cut_to_budget(["a b"], 10) == ["a b"]


def test_lead_takes_first_sentences_of_each_document_in_turn():
    docs = [make_raw("a", "A one is here. A two is here."), make_raw("b", "B one is here. B two is here.")]
    assert lead(docs, 12) == ["A one is here.", "B one is here.", "A two is here."]


def test_a_crashing_system_scores_zero_and_the_run_goes_on():
    story = Story("s", (make_raw("a", "The cat sat on the mat."),), ("The cat sat on the mat.",))

    def broken(docs, words):
        raise RuntimeError("model fell over")

    results = evaluate([story, story], {"broken": broken, "lead": lead})
    by = {(r.system, i): r for i, r in enumerate(results)}
    failed = [r for r in results if r.system == "broken"]
    assert len(failed) == 2 and all(r.scores["rouge1"] == 0 and "model fell over" in r.error for r in failed)
    assert all(r.scores["rouge1"] == pytest.approx(100.0) for r in results if r.system == "lead")
    summary = {s.system: s for s in score_systems(results)}
    assert summary["broken"].failures == 2 and summary["lead"].failures == 0
    assert by


def test_bootstrap_interval_brackets_the_mean_and_is_repeatable():
    values = [40.0, 42.0, 44.0, 50.0, 38.0, 47.0]
    low, high = bootstrap_interval(values)
    assert low < statistics.mean(values) < high
    assert bootstrap_interval(values) == (low, high)


def test_find_stories_reads_the_layout(tmp_path):
    write_articles(tmp_path / "set" / "s1", {"docs/a.txt": "Alpha said so.", "refs/1.txt": "Alpha spoke."})
    write_articles(tmp_path / "set" / "s2", {"docs/b.txt": "Beta said so.", "refs/1.txt": "B.", "refs/2.txt": "C d."})
    (tmp_path / "set" / "notes").mkdir()
    stories = find_stories(tmp_path)
    assert [s.id for s in stories] == ["set/s1", "set/s2"]
    assert stories[1].refs == ("B.", "C d.") and stories[1].budget == 2


def test_seed_references_hold_the_pinned_quality_floor():
    stories = find_stories(ROOT / "eval")
    results = evaluate(stories, {"extractive": systems(include_baselines=False)["extractive"]})
    (summary,) = score_systems(results)
    for metric, floor in FLOORS["extractive"].items():
        assert summary.scores[metric] >= floor - FLOORS["epsilon"], metric


def test_sumy_baselines_run_offline_when_installed():
    pytest.importorskip("sumy")
    found = systems()
    docs = [
        make_raw(
            "a",
            "The council approved the budget on Tuesday. Members said it adds bus routes. "
            "The mayor praised the vote. Critics said fares could rise next year.",
        )
    ]
    for name in ("sumy-lexrank", "sumy-sumbasic", "sumy-lsa"):
        out = found[name](docs, 10)
        assert out and sum(len(s.split()) for s in out) >= 10


def test_eval_command_prints_a_table_and_writes_results(tmp_path):
    out = tmp_path / "results.json"
    result = CliRunner().invoke(
        app, ["eval", str(ROOT / "eval"), "--systems", "extractive,lead", "--out", str(out), "--samples", "100"]
    )
    assert result.exit_code == 0, result.output
    assert "extractive" in result.stdout and "ROUGE-2" in result.stdout
    data = json.loads(out.read_text())
    assert {s["system"] for s in data["systems"]} == {"extractive", "lead"}
    assert data["stories"][0]["story"] == "seeds/blinken-beijing"


def test_eval_command_rejects_unknown_systems():
    result = CliRunner().invoke(app, ["eval", str(ROOT / "eval"), "--systems", "nope"])
    assert result.exit_code == 2 and "system nope is not available: no such system" in result.stderr
