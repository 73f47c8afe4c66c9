import pytest

from summarize.pipeline.clean import clean_documents
from summarize.pipeline.ingest import read_folder
from summarize.pipeline.segment import segment

from .conftest import SEEDS, make_doc


def texts(text: str) -> list[str]:
    return [s.text for s in segment(make_doc("d", text))]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Secretary of State met Mr. Wang in Beijing on Monday.",
        "Gen. Mark Milley spoke to Sen. Warren on Jan. 5 about the plan.",
        "Shares of Microsoft Corp. rose after Dr. Smith testified in Washington.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    assert texts(text) == [text]


def test_sentence_after_an_abbreviation_at_the_end_still_splits():
    assert texts("The balloon was shot down over the U.S. The case complicated relations.") == [
        "The balloon was shot down over the U.S.",
        "The case complicated relations.",
    ]


def test_quotes_closed_after_the_full_stop_stay_with_their_sentence():
    out = texts("“It is a process,” he said. “Progress is tough.” Blinken left Beijing.")
    assert out == ["“It is a process,” he said.", "“Progress is tough.”", "Blinken left Beijing."]


def test_stray_full_stop_inside_a_sentence_does_not_split_it():
    text = "Both agreed on the need to stabilize bilateral talks. between the two superpowers."
    assert texts(text) == [text]


def test_a_paragraph_break_always_ends_a_sentence():
    line = "The second paragraph ends without a full stop because the writer forgot to add one"
    assert texts(f"Intro sentence here.\n{line}\nThird starts here.") == [
        "Intro sentence here.",
        line,
        "Third starts here.",
    ]


def test_offsets_point_at_the_text_for_every_seed_sentence():
    docs = clean_documents(read_folder(SEEDS))
    total = 0
    for doc in docs:
        sentences = segment(doc)
        total += len(sentences)
        for i, s in enumerate(sentences):
            assert doc.text[s.start : s.end] == s.text
            assert s.index == i and 0 <= s.position < 1
            assert s.text == s.text.strip() and s.text
    assert total > 100


def test_who_said_a_quotation_stays_with_it_after_a_question_mark():
    # test2997: alone, the attribution would be a sentence about nothing.
    text = (
        '"Why would Bishop Burns suppress this crucial information?" Lisa Kendzior and Paul Petersen, '
        'Dallas chapter leaders of the network, said in a statement. "Was it to protect the diocese?"\n\n'
        '"We are ready." Smith said the plan would work for everyone in the town.'
    )
    texts = [s.text for s in segment(make_doc("d", text))]
    assert texts[0].endswith("said in a statement.") and texts[0].startswith('"Why would')
    assert "Smith said the plan would work for everyone in the town." in texts  # a sentence of its own


def test_number_and_alderman_abbreviations_never_end_a_sentence():
    text = "The album debuted at No. 1 on the chart. He was charged with assaulting Ald. Smith on Tuesday."
    assert [s.text for s in segment(make_doc("d", text))] == [
        "The album debuted at No. 1 on the chart.",
        "He was charged with assaulting Ald. Smith on Tuesday.",
    ]
