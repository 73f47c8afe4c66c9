"""The editorial checker gives each code of the editor's rubric where a reader would, on hand-written briefs."""

import numpy as np

from summarize.jobs.editorial import check_brief

ARTICLE_SENATE = (
    "Senate Majority Leader Chuck Schumer said the chamber would vote on the bill next week. "
    "Sen. Roy Blunt, the top Republican on the rules committee, said he expected support from both parties. "
    "“I think that will encourage people to come to the table,” he added."
)


def brief(sentences: list[tuple[str, str, str | None]], articles: dict[str, str]) -> dict:
    """A brief in `summarize --format json` form: (sentence, cited article, cited span text or None)."""
    rows = []
    for text, doc, span in sentences:
        quoted = span if span is not None else text
        start = articles[doc].find(quoted)
        spans = [{"doc_id": doc, "start": start, "end": start + len(quoted)}] if start >= 0 else []
        rows.append({"text": text, "citations": [doc], "spans": spans})
    return {"sentences": rows, "sources": [{"id": k, "path": f"{k}.txt", "text": v} for k, v in articles.items()]}


def codes(data: dict) -> list[tuple[str, ...]]:
    return [row.codes for row in check_brief(data)]


def test_a_pronoun_quote_after_another_senator_is_wrong_attribution():
    quote = "“I think that will encourage people to come to the table,” he added."
    data = brief(
        [
            ("Senate Majority Leader Chuck Schumer said the chamber would vote on the bill next week.", "a", None),
            (quote, "a", None),
        ],
        {"a": ARTICLE_SENATE},
    )
    assert codes(data) == [(), ("WA",)]
    # Right after the sentence the article puts before it, "he" is Blunt: no defect.
    data = brief(
        [
            (
                "Sen. Roy Blunt, the top Republican on the rules committee, said he expected support from both parties.",
                "a",
                None,
            ),
            (quote, "a", None),
        ],
        {"a": ARTICLE_SENATE},
    )
    assert codes(data) == [(), ()]


def test_a_named_speaker_other_than_the_articles_is_wrong_attribution():
    data = brief(
        [
            (
                "Schumer said: “I think that will encourage people to come to the table.”",
                "a",
                "“I think that will encourage people to come to the table,” he added.",
            )
        ],
        {"a": ARTICLE_SENATE},
    )
    assert "WA" in codes(data)[0]


def test_a_pronoun_speaker_with_no_one_named_before_is_an_unnamed_speaker():
    article = "The mayor of Portland, Ted Wheeler, visited the flooded street. “We will rebuild,” she said."
    data = brief(
        [("“We will rebuild every home on this street,” she said.", "a", "“We will rebuild,” she said.")],
        {"a": article},
    )
    assert codes(data) == [("US",)]


def test_openers_that_lean_on_an_earlier_sentence_are_dangling_references():
    article = (
        "A powerful storm hit the coast of Mozambique on Sunday. Rescue teams searched flooded villages. "
        "They found dozens of survivors on rooftops. "
        "In response, the government declared a national emergency."
    )
    later = "Officials in Beira said the airport would stay closed until Wednesday."
    articles = {"a": article, "b": f"Flights were cancelled. {later}"}
    first = "A powerful storm hit the coast of Mozambique on Sunday."
    data = brief(
        [
            (first, "a", None),
            (later, "b", None),
            ("In response, the government declared a national emergency.", "a", None),
        ],
        articles,
    )
    assert codes(data)[2] == ("DR",)
    # "They" right after its article's sentence before it leans on nothing missing; elsewhere it does.
    rescue, found = "Rescue teams searched flooded villages.", "They found dozens of survivors on rooftops."
    assert codes(brief([(rescue, "a", None), (found, "a", None)], articles)) == [(), ()]
    assert codes(brief([(first, "a", None), (found, "a", None)], articles)) == [(), ("DR",)]
    for opener in (
        "It says the dam could fail within days.",
        "The encounter lasted less than a minute.",
        "Six of them were children.",
    ):
        assert "DR" in codes(brief([(first, "a", None), (opener, "b", None)], {**articles, "b": opener}))[1]


def test_a_surname_with_no_full_name_before_is_a_name_never_introduced():
    article = "Sen. Susan Collins of Maine said she would vote against the bill. Collins said the cuts went too far."
    second = "Collins said the cuts went too far."
    assert codes(brief([(second, "a", None)], {"a": article})) == [("NI",)]
    first = "Sen. Susan Collins of Maine said she would vote against the bill."
    assert codes(brief([(first, "a", None), (second, "a", None)], {"a": article})) == [(), ()]


def test_evaluative_words_in_the_briefs_own_voice_are_opinion():
    column = "Republicans clung to the absurd faux principle that a president in his last year cannot fill a seat."
    assert codes(brief([(column, "a", None)], {"a": column})) == [("OP",)]
    attributed = "Writing in Vox, Dylan Matthews argues that the principle was absurd."
    assert codes(brief([(attributed, "a", None)], {"a": attributed})) == [()]
    neutral = "Republicans said a president in his last year should not fill a seat on the court."
    assert codes(brief([(neutral, "a", None)], {"a": neutral})) == [()]
    address = "Imagine, for a minute, that the Senate had held hearings in 2016."
    assert codes(brief([(address, "a", None)], {"a": address})) == [("OP",)]
    # A film critic's verdict in adverbs the Pattern lexicon lacks (test2080, a blind read's OP).
    verdict = "Mortensen underplays his role admirably, and Smit-McPhee is gratifyingly unactorly."
    assert codes(brief([(verdict, "a", None)], {"a": verdict})) == [("OP",)]
    poll = "The three-term congressman is viewed favorably by 37 percent of registered voters."
    assert codes(brief([(poll, "a", None)], {"a": poll})) == [()]


def test_a_fact_stated_twice_is_a_repeated_fact():
    first = "Rand Paul asked the Kentucky legislature to change the law so he could run for both offices."
    again = "Paul asked Kentucky lawmakers to change the state law so he could run for both offices in 2016."
    other = "The state party will hold a caucus in March instead of a primary election."
    articles = {"a": f"{first} {other}", "b": again}
    data = brief([(first, "a", None), (other, "a", None), (again, "b", None)], articles)
    assert codes(data) == [(), (), ("RF",)]


def test_repeated_facts_use_sentence_embeddings_when_given():
    first = "The storm killed 15 people in the province."
    second = "Fifteen residents died as the cyclone swept through the region."
    articles = {"a": first, "b": second}
    data = brief([(first, "a", None), (second, "b", None)], articles)
    assert [row.codes for row in check_brief(data)] == [(), ()]  # few words in common

    def embed(texts):
        return np.array([[1.0, 0.0]] * len(texts))  # a model that finds them the same

    assert [row.codes for row in check_brief(data, embed)] == [(), ("RF",)]


def test_a_fact_told_twice_in_other_words_is_a_repeated_fact_from_minilm_cosine_0_8():
    # test4035 at medium: the candidate's boycott told by a reporter and by his campaign (MiniLM 0.85).
    first = (
        "Jon Huntsman announced Friday that he will definitively be boycotting the Republican debate in Las "
        "Vegas next week in protest of Nevada's decision to move its caucus date to Jan. 14."
    )
    again = (
        '"Next Tuesday, Gov. Huntsman will boycott the Nevada presidential debate, and instead hold a '
        'first-in-the-nation town hall meeting in New Hampshire," his campaign said.'
    )
    data = brief([(first, "a", None), (again, "b", None)], {"a": first, "b": again})

    def embed_at(cosine):
        return lambda texts: np.array([[1.0, 0.0], [cosine, np.sqrt(1 - cosine**2)]])

    assert [row.codes for row in check_brief(data, embed_at(0.82))] == [(), ("RF",)]
    # One topic's different facts come close too (a host's current and expected salary: 0.79).
    assert [row.codes for row in check_brief(data, embed_at(0.78))] == [(), ()]


def test_page_furniture_in_a_sentence_is_debris():
    examples = [
        "President Trump Donald John TrumpScaramucci warns Trump must 'change tactics now' on trade MORE’s next nomination was announced.",
        "CLOSE Scientists say the glacier is melting faster than expected.",
        "Correction: Earlier versions of this article misspelled the name of the victim.",
        "The photographs appear here courtesy of the family; their work is used with permission.",
        "The verse reads: “Ye shall be holy unto [the Lord].”3 The passage was read aloud.",
    ]
    for text in examples:
        assert codes(brief([(text, "a", None)], {"a": text})) == [("DB",)], text
    clean = "The Hill reported that the nomination was announced on Tuesday."
    assert codes(brief([(clean, "a", None)], {"a": clean})) == [()]
    # multinews-dev test4656: a parenthetical aside, its bracket typed after a space, is a sentence.
    aside = "(In June the fairy tale gets another makeover in “Snow White and the Huntsman.” )"
    assert codes(brief([(aside, "a", None)], {"a": aside})) == [()]
    # test1745: a quotation closes the sentence without a full stop.
    words = "Oliver, too, posted a picture of himself with Kurt Russell, adding the words: ‘Happy Father’s Day, Pa'"
    assert codes(brief([(words, "a", None)], {"a": words})) == [()]
    navigation = "Defense & Homeland Security | Energy & Environment | Healthcare | Finance & Economy"
    assert codes(brief([(navigation, "a", None)], {"a": navigation})) == [("DB",)]


def test_times_defined_noun_phrases_and_bracketed_given_names_are_not_defects():
    # From briefs of multinews-dev stories the blind reader passed, the checker flagged.
    survey = "This week, a survey will begin to map the underground hydrothermal features of Yellowstone National Park."
    rise = "The rise of Genghis Khan and the Mongol Empire may have been helped by good weather, scientists suggest."
    assert codes(brief([(survey, "a", None)], {"a": survey})) == [()]
    assert codes(brief([(rise, "a", None)], {"a": rise})) == [()]
    article = "Biographer Ron Chernow said the plot failed. Chernow said Washington pursued her for years."
    shown = "[Ron] Chernow said Washington pursued her for years."
    assert codes(brief([(shown, "a", "Chernow said Washington pursued her for years.")], {"a": article})) == [()]


def test_a_quotation_closed_by_a_named_speaker_with_a_less_common_verb_is_theirs():
    # multinews-dev test1255: "Jones concluded" after a sentence on Morgan read as Morgan's words.
    article = (
        "CNN host Piers Morgan said the interview went badly. Radio host Alex Jones said the producers panicked. "
        "“I think putting this video out will protect us,” Jones concluded."
    )
    first = "CNN host Piers Morgan said the interview went badly."
    quote = "“I think putting this video out will protect us,” Jones concluded."
    assert "WA" not in codes(brief([(first, "a", None), (quote, "a", None)], {"a": article}))[1]


def test_a_post_printed_with_its_author_is_not_wrong_attribution():
    # multinews-dev test5590: the cleaner turned "— Jim Carrey (@JimCarrey)" into the printed
    # speaker and dropped it from the text; looking back found Millar, the reporter's last speaker.
    article = (
        "Jim Carrey said he could not support the film. Mark Millar said he was baffled by the announcement.\n\n"
        "My love to the victims in Colorado. The kid was sick but those who support weapon sales are the maniacs.\n\n"
        "The film is due out in theaters on Aug. 16."
    )
    post = "The kid was sick but those who support weapon sales are the maniacs."
    shown = f"Jim Carrey tweeted: “{post}”"
    first = "Mark Millar said he was baffled by the announcement."
    assert "WA" not in codes(brief([(first, "a", None), (shown, "a", post)], {"a": article}))[1]


def test_a_note_on_another_outlets_figure_is_read_with_the_sentence_it_goes_on_with():
    # test3680: "… two people were killed in that unrest; [1] another report says three. [2]" is one
    # sentence; read alone, its second part opens in lower case like a cut-off fragment (DB).
    articles = {
        "d01": "Hundreds protested on Sunday, and two people were killed in that unrest.",
        "d02": "Three people were killed in those protests.",
    }
    data = brief(
        [
            ("Hundreds protested on Sunday, and two people were killed in that unrest;", "d01", articles["d01"]),
            ("another report says three.", "d02", articles["d02"]),
        ],
        articles,
    )
    data["sentences"][1]["disagreement"] = {"stated": "2", "other": "3"}
    assert codes(data) == [()]


def test_a_thing_that_posts_is_no_person_the_brief_named_before():
    # multinews-dev test0177 at long: "it" (the park's Twitter account) was read as the press
    # secretary of the sentence before, and the article's "The Post" as the true speaker.
    article = (
        "Reynolds forwarded the photos through normal channels, the people who notified The Post said. "
        "On Tuesday, the Badlands National Park’s Twitter account became a social-media sensation when it "
        "posted four tweets in a row about rising carbon dioxide concentrations."
    )
    posted = (
        "On Tuesday, the Badlands National Park’s Twitter account became a social-media sensation when it "
        "posted four tweets in a row about rising carbon dioxide concentrations."
    )
    data = brief(
        [
            ("Sanders said the call proves Trump is engaged and takes action to fix problems.", "b", None),
            (posted, "a", None),
        ],
        {"a": article, "b": "Sanders said the call proves Trump is engaged and takes action to fix problems."},
    )
    assert codes(data)[1] == ()
