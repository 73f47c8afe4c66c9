import codecs
import logging

import pytest

from summarize.errors import InputError
from summarize.pipeline.ingest import read_folder

from .conftest import write_articles


def test_reads_txt_and_md_recursively_and_ignores_hidden(tmp_path):
    write_articles(
        tmp_path,
        {
            "a.txt": "Alpha text.",
            "sub/b.md": "Beta text.",
            ".hidden.txt": "no",
            ".git/c.txt": "no",
        },
    )
    docs = read_folder(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].text == "Beta text."


def test_other_files_are_skipped_with_one_warning_each(tmp_path, caplog):
    write_articles(tmp_path, {"a.txt": "Alpha.", "photo.jpg": b"\xff\xd8\xff", "notes.pdf": b"%PDF"})
    with caplog.at_level(logging.WARNING, "summarize"):
        docs = read_folder(tmp_path)
    assert [d.id for d in docs] == ["a"]
    assert sum("photo.jpg" in r.message for r in caplog.records) == 1
    assert sum("notes.pdf" in r.message for r in caplog.records) == 1


def test_empty_and_binary_text_files_are_skipped(tmp_path, caplog):
    write_articles(tmp_path, {"a.txt": "Alpha.", "empty.txt": "", "blank.md": "  \n", "bin.txt": b"\x00\x01\x02" * 50})
    with caplog.at_level(logging.WARNING, "summarize"):
        docs = read_folder(tmp_path)
    assert [d.id for d in docs] == ["a"]
    messages = " ".join(r.message for r in caplog.records)
    assert "empty.txt: empty file" in messages and "bin.txt: binary" in messages


def test_undecodable_bytes_fall_back_and_say_so(tmp_path, caplog):
    write_articles(tmp_path, {"w.txt": b"Caf\xe9 owners said \x93no\x94."})
    with caplog.at_level(logging.WARNING, "summarize"):
        (doc,) = read_folder(tmp_path)
    assert doc.text == "Café owners said “no”."
    assert doc.encoding == "cp1252"
    assert "not valid UTF-8" in caplog.text


def test_utf16_with_bom(tmp_path):
    write_articles(tmp_path, {"u.txt": codecs.BOM_UTF16_LE + "Zürich said yes.".encode("utf-16-le")})
    assert read_folder(tmp_path)[0].text == "Zürich said yes."


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    write_articles(tmp_path, {"x/story.txt": "One.", "y/story.txt": "Two."})
    assert [d.id for d in read_folder(tmp_path)] == ["x/story", "y/story"]


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: p / "missing", "no such folder"),
        (lambda p: write_articles(p, {"a.txt": "x"}) / "a.txt", "is a file"),
        (lambda p: p, "no article files"),
        (lambda p: write_articles(p, {"e.txt": "", "b.txt": b"\x00" * 10}), "no readable"),
    ],
)
def test_bad_folders_raise_input_error(tmp_path, setup, message):
    with pytest.raises(InputError, match=message):
        read_folder(setup(tmp_path))


def test_oversized_file_is_truncated_with_a_warning(tmp_path, caplog):
    write_articles(tmp_path, {"big.txt": "Word. " * 1000})
    with caplog.at_level(logging.WARNING, "summarize"):
        (doc,) = read_folder(tmp_path, max_file_bytes=600)
    assert len(doc.text) == 600
    assert "only the start is read" in caplog.text
