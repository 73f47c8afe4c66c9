"""Page furniture found inside the prose of real scrapes (issue 25's unseen stories), one test per rule."""

import pytest

from summarize.jobs.stories import group_articles
from summarize.pipeline.clean import classify_line

from .conftest import make_doc, make_raw

BODY = (
    "The Senate voted on Tuesday to approve the measure, which now goes to the House for a final vote. "
    "Senators from both parties said the bill would fund the program for another five years."
)


def test_the_hills_inline_link_card_is_cut_from_the_sentence():
    text = (
        "Senators are weighing President Trump Donald John TrumpScaramucci warns Trump must 'change tactics "
        "now' on trade MORE’s next nomination to the federal bench, aides said on Monday."
    )
    doc = make_doc("hill", text)
    assert "MORE" not in doc.text and "Scaramucci" not in doc.text and "Donald John" not in doc.text
    assert doc.text.startswith("Senators are weighing President Trump’s next nomination to the federal bench")
    assert dict(doc.removed)["link widget"] == 1


def test_a_link_card_after_a_senators_name_keeps_the_party_tag():
    text = (
        "Sen. Chuck Schumer Charles (Chuck) Ellis SchumerSenate confirms new trade chief MORE (D-N.Y.) "
        "said on Monday that the vote would be held next week."
    )
    assert make_doc("hill", text).text.startswith("Sen. Chuck Schumer (D-N.Y.) said on Monday")


def test_prose_with_more_in_capitals_is_not_a_link_card():
    text = "Trump wrote that the country needed MORE jobs and fewer rules, aides said on Monday afternoon."
    assert make_doc("a", text).text == text


def test_a_video_players_label_and_its_caption_are_dropped():
    text = "CLOSE Scientists say a massive asteroid is heading our way. Video provided by Newsy\n\n" + BODY
    doc = make_doc("usat", text)
    assert "CLOSE" not in doc.text and "asteroid" not in doc.text and doc.text.startswith("The Senate")


def test_close_as_prose_is_kept():
    assert classify_line("Close friends of the senator said he would not run again next year.") is None


def test_a_correction_notice_is_dropped():
    text = BODY + "\n\nCorrection: Earlier versions of this article misspelled the name of the senator's aide."
    assert "Correction" not in make_doc("a", text).text
    inline = BODY + " An earlier version of this article misstated the year the program began."
    assert "earlier version" not in make_doc("b", inline).text


def test_a_permission_credit_is_dropped():
    text = BODY + " Photos by the senators' staff; their work is used with permission."
    doc = make_doc("a", text)
    assert "permission" not in doc.text and "five years." in doc.text


def test_footnote_digits_after_a_quotation_are_cut():
    text = "He read the verse aloud: “Make a joyful noise unto [the Lord].”3 The crowd answered in song."
    doc = make_doc("a", text)
    assert "[the Lord].” The crowd" in doc.text
    prices = "The ticket cost 3.5 dollars. It rose to 4.2 dollars in 2019."
    assert make_doc("b", prices).text == prices


@pytest.mark.parametrize(
    "line",
    [
        "Credit U.S. Senate",
        "Click image above to view graphic",
        "Date Posted: Dec 12, 2011",
        "Play Facebook",
        "Share this article Share Tweet Post Email",
        "Page 1 of 1",
    ],
)
def test_furniture_above_the_story_is_never_its_title_nor_its_nightly_id(line):
    doc = make_doc("a", f"{line}\n\n{BODY}")
    assert doc.title is None and doc.text.startswith("The Senate")
    other = BODY.replace("Tuesday", "Tuesday night")
    stories, _ = group_articles([make_raw("a", f"{line}\n\n{BODY}"), make_raw("b", f"{line}\n\n{other}")])
    (story,) = stories
    assert story.id.startswith("the-senate-voted"), story.id


def test_a_real_headline_is_still_a_title():
    assert make_doc("b", f"Credit card fees rise for a third year\n\n{BODY}").title is not None
    assert make_doc("a", f"Senate passes farm bill after long fight\n\n{BODY}").title == (
        "Senate passes farm bill after long fight"
    )
