import json

from summarize.options import Format
from summarize.output.render import render
from summarize.types import Brief, BriefSentence, Source, Span


def sample() -> Brief:
    return Brief(
        mode="extractive",
        length="short",
        word_range=(60, 100),
        sentences=(
            BriefSentence("First fact, officials said.", ("b", "a"), (Span("a", 0, 27), Span("b", 5, 32))),
            BriefSentence("Second fact.", ("c",), (Span("c", 0, 12),)),
        ),
        sources=(
            Source("a", "in/a.txt"),
            Source("b", "in/b.txt", "Title B"),
            Source("c", "in/c.txt"),
            Source("unused", "in/unused.txt"),
        ),
        stats={"documents": 4},
    )


def test_text_shows_numbered_citations_and_file_ids():
    out = render(sample(), Format.text)
    assert "First fact, officials said. [1][2] Second fact. [3]" in out
    assert "[1] b  (in/b.txt)" in out and "[3] c  (in/c.txt)" in out
    assert "unused" not in out


def test_markdown_lists_sources_with_titles():
    out = render(sample(), Format.markdown)
    assert "2. `a`" in out and "1. `b` — Title B" in out


def test_json_contract():
    data = json.loads(render(sample(), Format.json))
    assert data["mode"] == "extractive" and data["length"] == "short"
    assert data["requested_mode"] == "extractive" and data["notices"] == []
    assert data["brief"] == "First fact, officials said. Second fact."
    assert data["sentences"][0] == {
        "text": "First fact, officials said.",
        "citations": ["b", "a"],
        "shown_citations": ["b", "a"],  # all of them: three at most
        "spans": [{"doc_id": "a", "start": 0, "end": 27}, {"doc_id": "b", "start": 5, "end": 32}],
        "support": 1.0,
        "supported": True,
    }
    assert data["sources"][0] == {"id": "a", "path": "in/a.txt", "title": None, "text": ""}
    assert data["words"] == 6 and data["stats"] == {"documents": 4}
