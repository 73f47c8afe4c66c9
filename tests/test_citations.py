"""A citation is a promise: the cited span states the sentence's figures, dates, names and speaker;
outlets that disagree on a figure are shown with both; past three citations, "+N more"."""

import json

from summarize import summarize_texts
from summarize.editing.facts import facts, missing
from summarize.options import Format, Options
from summarize.output.render import render
from summarize.pipeline.cite import MAX_SHOWN, one_sentence, promised
from summarize.types import Sentence, SentenceGroup

# The storm: three articles, one storm, two tolls.
STORM = {
    "a.txt": "A powerful storm killed 12 people in the north of the country on Tuesday, local officials said. "
    "Rescue teams were searching flooded villages for survivors, the regional governor said. "
    "Roads were closed across the province as rivers burst their banks.",
    "b.txt": "A powerful storm killed 15 people in the north of the country on Tuesday, local officials said. "
    "Rescue teams were searching flooded villages for survivors, the interior ministry said. "
    "Schools in the region stayed closed for a second day.",
    "c.txt": "A powerful storm killed at least 15 people in the north of the country on Tuesday, local officials "
    "said. Rescue teams searched flooded villages for survivors, the ministry said. "
    "Power was cut to thousands of homes.",
}


def _sentence(doc_id: str, text: str, index: int = 0) -> Sentence:
    return Sentence(doc_id, index, 0, len(text), text, 0.0)


def test_a_paraphrase_with_another_date_or_place_is_not_cited():
    said = "Taylor Swift went shopping in NYC on March 27 with her friends."
    assert missing(facts(said), "Taylor Swift went shopping in Hollywood on Feb. 13 with her friends.")
    assert not missing(facts(said), "On March 27, Taylor Swift went shopping in NYC with her friends.")
    group = SentenceGroup(
        _sentence("a", said),
        (_sentence("a", said), _sentence("b", "Taylor Swift went shopping in Hollywood on Feb. 13 with her friends.")),
    )
    (sentence,) = promised(group)
    assert sentence.citations == ("a",)


def test_another_speaker_is_another_claim():
    said = "Rescue teams were searching flooded villages for survivors, the regional governor said."
    assert missing(facts(said), "Rescue teams searched flooded villages for survivors, the ministry said.")
    assert not missing(facts(said), "The regional governor said rescue teams were searching flooded villages.")


def test_a_quotation_is_cited_only_where_its_words_are_written():
    said = "“It is not the time to ease pressure, or to reward North Korea”, Kono said."
    assert missing(facts(said), "Kono said: “It's not the time to ease pressure towards North Korea.”")
    assert not missing(
        facts(said), "Foreign Minister Taro Kono said: “It is not the time to ease pressure, or to reward North Korea”."
    )


def test_may_is_a_name_unless_it_dates_something():
    said = "That is a customary sign of approval, but May faces a tough crowd including Boris Johnson."
    assert missing(facts(said), "Rivals include former Foreign Secretary Boris Johnson, a tough crowd.")
    assert not missing(facts("The vote is on May 3 in London."), "London votes on May 3.")


def test_outlets_disagreeing_on_a_toll_are_shown_with_both_figures_and_their_own_citations():
    brief = summarize_texts(STORM, Options())
    (toll, *_) = [i for i, s in enumerate(brief.sentences) if "storm killed" in s.text]
    stated, note = brief.sentences[toll], brief.sentences[toll + 1]
    assert note.disagreement is not None and note.disagreement[0] in stated.text
    other = note.disagreement[1]
    texts = {s.id: s.text for s in brief.sources}
    # Each cites only the outlets that give its figure.
    assert all(other in texts[p.doc_id][p.start : p.end] for p in note.spans)
    assert all(note.disagreement[0] in texts[p.doc_id][p.start : p.end] for p in stated.spans)
    assert set(stated.citations).isdisjoint(note.citations)
    assert {note.disagreement[0], other} == {"12", "15"}
    # One sentence with both figures, each followed by its own citations (the note standing alone,
    # "Other reports give 15 rather than 12.", read as a claim of unnamed reports leaning on the line before).
    assert stated.text.endswith("local officials said;") and note.text == f"other reports say {other}."
    shown = render(brief, Format.text)
    assert f"local officials said; [1] other reports say {other}. [2][3]" in shown
    data = json.loads(render(brief, Format.json))
    assert data["sentences"][toll + 1]["disagreement"] == {"stated": note.disagreement[0], "other": other}
    assert f"local officials said; other reports say {other}." in data["brief"]


def test_another_outlets_toll_continues_the_sentence_in_the_words_it_is_written():
    # test3680: "Hundreds protested on Sunday, and two people were killed in that unrest." (d01) and
    # "Three people were killed in those protests." (d02) were shown as a sentence and then "Other
    # reports give 3 rather than 2.", which a reader took for a claim of unnamed reports.
    members = (
        _sentence("d01", "Hundreds protested on Sunday, and two people were killed in that unrest."),
        _sentence("d02", "Three people were killed in those protests."),
    )
    stated, note = promised(SentenceGroup(members[0], members))
    assert stated.text == "Hundreds protested on Sunday, and two people were killed in that unrest;"
    assert (note.text, note.citations, note.disagreement) == ("another report says three.", ("d02",), ("2", "3"))
    assert stated.citations == ("d01",)


def test_a_note_names_the_figure_it_disputes_where_the_sentence_has_several():
    members = (
        _sentence("a", "The fire destroyed 40 homes and forced 300 people to flee on Monday, officials said."),
        _sentence("b", "The fire destroyed at least 52 homes and forced 300 people to flee on Monday, officials said."),
    )
    stated, note = promised(SentenceGroup(members[0], members))
    assert stated.text.endswith("officials said;")
    assert note.text == "another report says at least 52 rather than 40."


def test_a_sentence_ending_on_an_abbreviation_keeps_its_full_stop():
    assert one_sentence("The turnpike closed between Willow Grove and Bensalem, Pa.", ["another report says 27"]) == [
        "The turnpike closed between Willow Grove and Bensalem, Pa.;",
        "another report says 27.",
    ]
    # A quotation keeps its own ending; the note follows it as a sentence.
    assert one_sentence("Blunt said: “It killed 12 people.”", ["other reports say 15"])[1] == "Other reports say 15."


def test_the_governor_is_cited_only_to_the_article_that_quotes_the_governor():
    brief = summarize_texts(STORM, Options())
    rescue = [s for s in brief.sentences if s.text.startswith("Rescue teams")]
    for s in rescue:
        texts = {src.id: src.text for src in brief.sources}
        speaker = s.text.rsplit(",", 1)[1]
        assert all(speaker.split()[-2] in texts[p.doc_id][p.start : p.end] for p in s.spans), s


def test_past_three_citations_the_most_complete_show_and_the_rest_are_counted():
    text = "The city council approved a new transit budget on Tuesday after a long debate over bus routes."
    short = "The city council approved a new transit budget on Tuesday after debate."
    members = (
        _sentence("a", text),
        _sentence("b", text),
        _sentence("c", short),
        _sentence("d", text),
        _sentence("e", text),
    )
    (sentence,) = promised(SentenceGroup(members[0], members))
    assert sentence.citations == ("a", "b", "c", "d", "e")
    assert len(sentence.shown_citations) == MAX_SHOWN and "c" not in sentence.shown_citations
    from summarize.types import Brief, Source

    brief = Brief("extractive", "short", (1, 99), (sentence,), tuple(Source(i, i) for i in "abcde"))
    assert render(brief, Format.text).startswith(text + " [1][2][4][+2 more]")
    data = json.loads(render(brief, Format.json))["sentences"][0]
    assert data["citations"] == list("abcde") and len(data["shown_citations"]) == 3


def test_a_log_of_numbered_items_is_not_a_disagreement_between_outlets():
    # Found merging issue 28's 300-note test with the notes: every other item's numbers became
    # "Other reports give 12 rather than 129." (hundreds of notes in one brief).
    notes = {
        f"n{i}": f"The harbour committee approved item {i} of the spring plan for pier {i * 7} on Monday."
        for i in range(40)
    }
    single = {f"m{i}": f"The harbour committee approved item {i} of the spring plan on Monday." for i in range(40)}
    for texts in (notes, single):
        brief = summarize_texts(texts, Options(words=60))
        assert brief.sentences
        assert not [s.text for s in brief.sentences if s.disagreement]


def test_the_same_figures_told_again_are_no_disagreement():
    # A blind read found "Other reports give 18 rather than 13." under "An 18-year-old … was sentenced
    # to 13 years", an outlet telling the same two figures: its age was paired with the 13 years.
    said = "An 18-year-old Hanford woman was sentenced to 13 years in prison for her role in trafficking girls."
    members = (
        _sentence("a", said),
        _sentence(
            "b", "An 18-year-old central California woman was sentenced to 13 years in prison for trafficking girls."
        ),
    )
    assert [s.text for s in promised(SentenceGroup(members[0], members)) if s.disagreement] == []
