import json
import logging
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarize.options import Options
from summarize.pipeline.clean import clean_documents
from summarize.pipeline.dedup import deduplicate
from summarize.pipeline.ingest import read_folder
from summarize.pipeline.run import summarize_documents
from summarize.pipeline.segment import segment, segment_documents

from .conftest import make_raw, seed_text, write_articles

runner = CliRunner()
STORY = (
    "The council approved the transit budget on Tuesday, officials said. "
    "Members said the plan adds twelve bus routes across the city. "
    "The mayor told reporters that fares would stay the same next year."
)
text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400) | st.lists(
    st.sampled_from(
        ["U.S.", "Mr.", "said", "the", "Blinken", ".", "“", "”", "\n", "\n\n", " ", "Ĭhina", "?", "e.g.", "A."]
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_strategy, min_size=1, max_size=4))
def test_cleaning_segmenting_and_dedup_never_crash_and_offsets_hold(texts):
    raws = [make_raw(f"d{i}", t) for i, t in enumerate(texts)]
    docs = clean_documents(raws)
    sentences = segment_documents(docs)
    for doc, doc_sentences in zip(docs, sentences):
        for s in doc_sentences:
            assert doc.text[s.start : s.end] == s.text and s.text.strip()
    deduplicate(docs, sentences, Options())


@settings(max_examples=30, deadline=None)
@given(text_strategy)
def test_output_is_deterministic(text):
    first = [(d.text, d.removed) for d in clean_documents([make_raw("a", text)])]
    second = [(d.text, d.removed) for d in clean_documents([make_raw("a", text)])]
    assert first == second
    doc = clean_documents([make_raw("a", text)])[0]
    assert segment(doc) == segment(doc)


def invoke(*args):
    return runner.invoke(app_(), [str(a) for a in args])


def app_():
    from summarize.cli import app

    return app


@pytest.mark.parametrize(
    "text",
    [
        "line one of the report says the council met on tuesday\r\nline two says it approved the budget\rline three follows",
        "no punctuation at all " * 200,
        ("One giant paragraph with many clauses, officials said, and more clauses follow, " * 60) + "end.",
        "x" * 5000,
    ],
)
def test_awkward_text_gives_a_brief_or_a_clear_message(tmp_path, text):
    write_articles(tmp_path, {"a.txt": text, "b.txt": STORY})
    result = invoke(tmp_path, "--mode", "extractive", "--words", "60")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    if result.exit_code:
        assert "fits a 60-word brief" in result.stderr


def test_html_pages_are_reduced_to_their_article(tmp_path):
    page = (
        "<html><head><title>Council approves transit budget</title></head><body>"
        "<nav>Home | Sports | Weather | Subscribe now</nav><article><h1>Council approves transit budget</h1>"
        f"<p>{STORY}</p><p>The plan now goes to the regional board, a spokesperson said.</p></article>"
        "<footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>"
    )
    write_articles(tmp_path, {"page.html": page, "other.htm": f"<html><body><p>{STORY}</p></body></html>"})
    docs = read_folder(tmp_path)
    assert {d.id for d in docs} == {"page", "other"}
    page_doc = next(d for d in docs if d.id == "page")
    assert "bus routes" in page_doc.text and "Subscribe now" not in page_doc.text and "<p>" not in page_doc.text


def test_json_and_jsonl_exports_give_one_document_per_record(tmp_path, caplog):
    records = [
        {"id": "r1", "title": "Budget passes", "text": STORY},
        {"id": "r2", "text": "Fares stay the same, the mayor said."},
    ]
    write_articles(
        tmp_path,
        {
            "export.json": json.dumps(records),
            "feed.jsonl": "\n".join(json.dumps(r) for r in [{"id": "j1", "text": STORY}, {"title": "no text"}])
            + "\nnot json\n",
        },
    )
    with caplog.at_level(logging.WARNING, "summarize"):
        docs = read_folder(tmp_path)
    assert sorted(d.id for d in docs) == ["j1", "r1", "r2"]
    assert next(d for d in docs if d.id == "r1").text.startswith("Budget passes\n\n")
    assert 'record 2: no "text" field' in caplog.text and "line 3: not JSON" in caplog.text


FRENCH = (
    "Le conseil municipal a approuvé mardi le budget des transports après un long débat, "
    "ont indiqué les responsables. Les membres ont déclaré que le plan ajoute douze lignes de bus."
)


def test_articles_not_in_english_are_reported_and_skipped_or_kept(tmp_path, caplog):
    write_articles(tmp_path, {"en.txt": STORY, "fr.txt": FRENCH})
    with caplog.at_level(logging.WARNING, "summarize"):
        brief = summarize_documents(read_folder(tmp_path), Options(words=80))
    assert brief.stats["non_english_documents"] == [{"id": "fr", "language": "fr"}]
    assert [s.id for s in brief.sources] == ["en"] and "not English (looks like fr)" in caplog.text
    kept = summarize_documents(read_folder(tmp_path), Options(words=80, other_languages="keep"))
    assert {s.id for s in kept.sources} == {"en", "fr"}
    only_french = write_articles(tmp_path / "fr", {"fr.txt": FRENCH})
    result = invoke(only_french, "--mode", "extractive")
    assert result.exit_code == 2 and "no English articles (found: fr)" in result.stderr


def test_ten_thousand_tiny_files_in_one_folder(tmp_path):
    sentences = STORY.split(". ")
    write_articles(
        tmp_path, {f"n{i:05d}.txt": f"Item {i}: {sentences[i % 3].rstrip('.')} in ward {i}." for i in range(10_000)}
    )
    result = invoke(tmp_path, "--mode", "extractive", "-f", "json", "-q")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["stats"]["documents"] == 10_000 and data["sentences"]


def test_a_huge_file_is_read_up_to_the_cap_with_a_warning(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as handle:
        for _ in range(50 * 1024 * 1024 // len(STORY) + 1):
            handle.write(STORY + "\n")
    assert big.stat().st_size >= 50 * 1024 * 1024
    result = invoke(tmp_path, "--mode", "extractive", "--max-file-mb", "0.2")
    assert result.exit_code == 0
    assert "larger than 200000 bytes; only the start is read" in result.stderr


def test_sentence_cap_keeps_each_articles_best_candidates_and_says_so(tmp_path):
    write_articles(tmp_path, {"a.txt": seed_text("001"), "b.txt": seed_text("002")})
    result = invoke(tmp_path, "--mode", "extractive", "--max-sentences", "12")
    assert result.exit_code == 0 and "only 12 (each article's best candidates)" in result.stderr


def test_unreadable_files_are_skipped_with_a_warning(tmp_path, monkeypatch, caplog):
    write_articles(tmp_path, {"ok.txt": STORY, "locked.txt": STORY})
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    with caplog.at_level(logging.WARNING, "summarize"):
        docs = read_folder(tmp_path)
    assert [d.id for d in docs] == ["ok"] and "cannot read it (Permission denied)" in caplog.text


def test_symlink_loops_and_odd_file_names(tmp_path):
    write_articles(tmp_path, {"sub/naïve café report.txt": STORY, "with space.md": STORY.replace("Tuesday", "Monday")})
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    docs = read_folder(tmp_path)
    assert sorted(d.id for d in docs) == ["naïve café report", "with space"]
    result = invoke(tmp_path, "--mode", "extractive", "-f", "json", "-q")
    assert result.exit_code == 0
    assert {s["id"] for s in json.loads(result.stdout)["sources"]} == {"naïve café report", "with space"}


ABSTRACTS = [
    # English science abstracts: noun phrases, Latin names and local names, few function words.
    "Sago palm (Metroxylon sagu Rottb.) starch production in Kabupaten Kepulauan Meranti, Provinsi Riau: "
    "batang sagu harvested at maturity; starch yield, amylose content, pasting properties, gelatinization "
    "temperature; traditional processing by kilang sagu versus mechanised mills; data analysed using ANOVA; "
    "significant differences (P < 0.05) among desa Sungai Tohor, Kampung Balak and Tanjung Sari.",
    "Liquefaction-induced flowslides at Petobo, Balaroa, Jono Oge and Sibalaya, Palu, Central Sulawesi, "
    "Indonesia, after the 28 September 2018 Mw 7.5 Palu-Donggala earthquake: field mapping, cone penetration "
    "tests, irrigation canal seepage, groundwater levels, displacement vectors from satellite imagery; "
    "implications for spatial planning, relocation zones and rehabilitation policy.",
]


@pytest.mark.parametrize("abstract", ABSTRACTS)
def test_an_english_science_abstract_is_english(tmp_path, abstract):
    # Issue 28: scientific prose has few function words; it was skipped as "not English (looks like en)".
    write_articles(tmp_path, {"en.txt": STORY, "abstract.txt": abstract})
    brief = summarize_documents(read_folder(tmp_path), Options(words=80))
    assert brief.stats["non_english_documents"] == []
    assert {s.id for s in brief.sources} == {"en", "abstract"}
