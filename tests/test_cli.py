import json
import re

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.pipeline.clean import clean_documents
from summarize.pipeline.ingest import read_folder
from summarize.text.words import content_terms

from .conftest import SEEDS, write_articles

runner = CliRunner()
BOILERPLATE = [
    "Source link",
    "Leave a Reply",
    "email address",
    "Back to top",
    "Archives",
    "Source:",
    "seasoned author",
    "contributed to",
    "Reuters",
    "Ĭ",
    "ī",
]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def squash(text):
    return re.sub(r"\s+", " ", text)


def test_seeds_short_brief_end_to_end():
    result = invoke(SEEDS, "--length", "short", "--format", "json")
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert 60 <= len(brief["brief"].split()) <= 100
    for marker in BOILERPLATE:
        assert marker not in brief["brief"]
    docs = {d.id: d for d in clean_documents(read_folder(SEEDS))}
    raw = {p.stem: squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    terms = [set(content_terms(s["text"])) for s in brief["sentences"]]
    for sentence, mine in zip(brief["sentences"], terms):
        assert sentence["citations"] and set(sentence["citations"]) <= set(docs)
        assert sentence["text"].endswith((".", "”", "?", "!", '"'))
        # The sentence is quoted word for word from one of the files it cites ...
        assert any(sentence["text"] in raw[c] for c in sentence["citations"])
        # ... and every cited file holds a sentence saying the same thing, at the span given.
        assert {s["doc_id"] for s in sentence["spans"]} == set(sentence["citations"])
        for span in sentence["spans"]:
            theirs = set(content_terms(docs[span["doc_id"]].text[span["start"] : span["end"]]))
            assert len(mine & theirs) >= 0.4 * min(len(mine), len(theirs))
    for i in range(len(terms)):
        for j in range(i + 1, len(terms)):
            assert len(terms[i] & terms[j]) < 0.5 * len(terms[i] | terms[j])  # Jaccard


def test_text_output_lists_the_cited_file_ids():
    result = invoke(SEEDS)
    assert result.exit_code == 0
    assert "Sources:" in result.stdout
    cited = re.findall(r"\[\d+\] (\S+)  \(", result.stdout)
    assert cited and all((SEEDS / f"{c}.txt").exists() for c in cited)


def test_medium_json_follows_the_contract():
    result = invoke(SEEDS, "--length", "medium", "--format", "json")
    data = json.loads(result.stdout)
    assert {"mode", "length", "brief", "sentences", "sources", "stats"} <= set(data)
    assert data["mode"] == "extractive" and data["length"] == "medium"
    assert 150 <= len(data["brief"].split()) <= 220
    assert data["brief"] == " ".join(s["text"] for s in data["sentences"])
    assert {s["id"] for s in data["sources"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert data["stats"]["removed"]["repeated paragraph"] > 50
    assert data["stats"]["spun_documents"] == ["004_759129465a5d1479"]


def test_markdown_and_word_budget():
    result = invoke(SEEDS, "--format", "markdown", "--words", "50")
    assert result.exit_code == 0
    body = result.stdout.split("**Sources**")[0]
    assert len(re.sub(r"\[\d+\]", "", body).split()) <= 50


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "out" / "brief.json"
    result = invoke(SEEDS, "-f", "json", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["sentences"]
    assert [p.name for p in target.parent.iterdir()] == ["brief.json"]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "nope", "no such file or folder"),
        (lambda p: write_articles(p, {"a.csv": "Some text."}) / "a.csv", "not an article file"),
        (lambda p: p, "no article files"),
        (lambda p: write_articles(p, {"e.txt": "", "b.txt": b"\x00\xff" * 40}), "no readable"),
        (
            lambda p: write_articles(p, {"a.txt": "Source link\nLeave a Reply\nBack to top button"}),
            "no article text left",
        ),
    ],
)
def test_bad_input_gets_one_message_and_a_nonzero_exit(tmp_path, make, message):
    result = invoke(make(tmp_path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_undecodable_file_is_read_with_a_warning(tmp_path):
    write_articles(
        tmp_path,
        {
            "a.txt": "The mayor said the new bridge will open in March after two years of work.",
            "b.txt": b"Owners of the caf\xe9 on Main Street plan to close it for renovations next month.",
        },
    )
    result = invoke(tmp_path, "--words", "40")
    assert result.exit_code == 0
    assert "b.txt: not valid UTF-8; read as cp1252" in result.stderr
    assert "café" in result.stdout


def test_budget_too_small_for_any_sentence_is_an_error(tmp_path):
    write_articles(tmp_path, {"a.txt": "The mayor said the new bridge will open in March after two years of work."})
    result = invoke(tmp_path, "--words", "10")
    assert result.exit_code == 1
    assert "fits a 10-word brief" in result.stderr


def test_help_lists_the_options():
    result = invoke("brief", "--help")
    assert result.exit_code == 0
    for option in ("--length", "--words", "--mode", "--format", "--output"):
        assert option in result.stdout


def test_the_python_api_of_the_readme():
    import summarize
    from summarize import Length, Mode, Options, summarize_folder

    brief = summarize_folder(SEEDS, Options(length=Length.medium, mode=Mode.extractive))
    assert 150 <= brief.words <= 220 and all(s.citations for s in brief.sentences)
    with pytest.raises(AttributeError):
        summarize.not_there  # noqa: B018


def test_notes_too_short_for_a_brief_are_an_error_that_names_why(tmp_path):
    write_articles(tmp_path, {f"{i:03d}.txt": f"Note {i}." for i in range(200)})
    result = invoke(tmp_path, "--max-sentences", "50")
    assert result.exit_code == 1
    assert "long enough for a brief" in result.stderr and "--length" not in result.stderr
