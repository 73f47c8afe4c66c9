import re

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.jobs.compare import run_comparison
from summarize.jobs.metrics import loaded_words, novel_ngrams, novel_sentences, redundancy
from summarize.options import Options
from summarize.output.compare_page import render_report
from summarize.pipeline import run as pipeline

from . import browser
from .conftest import ROOT, SEEDS, write_articles
from .fakes import FakeGenerator

runner = CliRunner()
REPLY = (
    "Antony Blinken said the United States and China agreed on the need to stabilize their relationship. "
    "Blinken said China has not agreed to restore military-to-military communications."
)


def test_novelty_metrics_by_hand():
    assert novel_ngrams(["a b c"], ["a b d"], 1) == pytest.approx(1 / 3)
    assert novel_ngrams(["a b c"], ["a b d"], 2) == pytest.approx(1 / 2)
    assert novel_sentences(["Kept as is.", "Written anew."], ["It was Kept  as is. Then more."]) == 0.5


def test_redundancy_and_loaded_words_by_hand():
    assert redundancy(["Cats eat fish.", "Cats eat fish daily."]) == pytest.approx(3 / 4)
    assert redundancy(["Cats eat fish."]) == 0.0
    text = "The minister slammed the plan. “It is shocking,” she said."
    assert loaded_words(text) == ("slammed",)


def test_both_modes_run_on_the_same_input_and_are_measured():
    result = run_comparison(SEEDS, Options(), generator=FakeGenerator([REPLY]))
    (ext_label, ext, ext_m, _), (abs_label, ab, ab_m, note) = result.columns
    assert (ext_label, abs_label) == ("extractive", "abstractive") and not note
    assert ext.mode == "extractive" and ab.mode == "abstractive"
    assert ext_m.novel_sentences == 0.0 and ab_m.novel_sentences > 0
    assert ab_m.supported == 1.0 and ab_m.outlets_total == 5
    assert set(ab_m.never_cited) == {d.id for d in result.docs} - {c for s in ab.sentences for c in s.citations}


def test_missing_model_still_shows_the_extractive_side(tmp_path):
    result = run_comparison(SEEDS, Options(model=str(tmp_path / "none")))
    assert result.columns[0][1] is not None
    assert result.columns[1][1] is None and "not available" in result.columns[1][3]


def test_report_is_self_contained_and_escapes_article_text(tmp_path):
    folder = write_articles(
        tmp_path,
        {
            "a.txt": "Officials said the <script>alert('x')</script> tag appeared in the council minutes on Monday.",
            "b.txt": "The clerk's office will publish corrected records for the whole year after the weekend.",
        },
    )
    result = run_comparison(folder, Options(words=40), generator=FakeGenerator(["Nothing here holds."]))
    page = render_report("Compare <b>", result.docs, result.columns)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)" in page
    assert page.count("<script>") == 1 and "Compare &lt;b&gt;" in page
    assert not re.search(r"(src|href)=\"https?:", page)
    assert 'data-src="src-' in page and 'class="src" id="src-0"' in page


def test_cli_compare_with_a_fake_model_writes_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "load_model", lambda name, device, download: FakeGenerator([REPLY]))
    html = tmp_path / "report.html"
    result = runner.invoke(
        app, ["compare", str(SEEDS), "--refs", str(ROOT / "eval/seeds/blinken-beijing/refs"), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    assert "Novel unigrams" in result.stdout and "ROUGE-1" in result.stdout
    assert "abstractive" in result.stdout and "stabilize their relationship" in result.stdout
    page = html.read_text()
    assert 'id="abs-0"' in page and 'id="ext-0"' in page


def test_cli_compare_rejects_an_empty_refs_folder(tmp_path):
    result = runner.invoke(app, ["compare", str(SEEDS), "--refs", str(tmp_path)])
    assert result.exit_code == 2 and "no references (*.txt) there" in result.stderr  # a user error


def test_highlighting_works_in_a_real_browser(tmp_path):
    result = run_comparison(SEEDS, Options(), generator=FakeGenerator([REPLY]))
    page = tmp_path / "report.html"
    page.write_text(render_report("seeds", result.docs, result.columns), encoding="utf-8")
    dom = browser.run(["--dump-dom", f"{page.as_uri()}#sel=abs-0"])
    selected = re.search(r'<span class="s on" id="abs-0"[^>]*data-src="([^"]+)"', dom)
    assert selected, "the sentence named in the address was not selected"
    highlighted = set(re.findall(r'class="src hl" id="(src-\d+)"', dom))
    assert highlighted == set(selected.group(1).split())
