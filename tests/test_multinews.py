"""eval/multinews.py: Multi-News, downloaded by the user, laid out as `summarize eval` reads it."""

from __future__ import annotations

import json

from .conftest import eval_script


def test_a_hugging_face_export_becomes_one_folder_per_story_of_two_or_more_articles(tmp_path):
    export = tmp_path / "test.jsonl"
    rows = [
        {"document": "First  report.\nSecond paragraph. ||||| Other outlet.", "summary": "– The summary."},
        {"document": "Only one article here.", "summary": "– Left out."},
        {"document": "A. |||||  ||||| B.", "summary": "– Two, once the empty one is gone."},
    ]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert eval_script("multinews").write(export, tmp_path / "out") == 2
    story = tmp_path / "out" / "test0"
    assert (story / "docs" / "d00.txt").read_text() == "First report.\n\nSecond paragraph.\n"
    assert (story / "docs" / "d01.txt").read_text() == "Other outlet.\n"
    assert (story / "refs" / "ref.txt").read_text() == "The summary.\n"
    assert not (tmp_path / "out" / "test1").exists()
    assert sorted(p.name for p in (tmp_path / "out" / "test2" / "docs").iterdir()) == ["d00.txt", "d01.txt"]


def test_the_original_release_files_are_read_line_by_line(tmp_path):
    source, targets = tmp_path / "test.src.cleaned", tmp_path / "test.tgt"
    source.write_text("One NEWLINE_CHAR NEWLINE_CHAR Two story_separator_special_tag Three\n", encoding="utf-8")
    targets.write_text("– A reference .\n", encoding="utf-8")
    assert eval_script("multinews").write(source, tmp_path / "out", summaries=targets) == 1
    docs = tmp_path / "out" / "test0" / "docs"
    assert (docs / "d00.txt").read_text() == "One\n\nTwo\n" and (docs / "d01.txt").read_text() == "Three\n"
