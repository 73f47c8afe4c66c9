from summarize.pipeline.clean import classify_line, clean_documents, fix_encoding

from .conftest import make_doc, make_raw, seed_text

CHROME = [
    "Source link",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
    "Archives",
    "Source: Kuwait News Agency",
    "Source: CNN Brasil",
    "Philip Wang, Nectar Gan, Mengchen Zhang and Martha Zhou of CNN contributed to the report.",
    "US Secretary of State Antony Blinken arrives in Beijing, China, June 18. / Leah Millis/Reuters",
    "Bruce Belcher is a seasoned author with over 5 years of experience in world news. He writes "
    "for online news websites and provides in-depth analysis on the world stock market.",
    "By Jane Doe",
    "Photo: Getty Images",
]


def test_site_chrome_lines_are_recognised():
    for line in CHROME:
        assert classify_line(line) is not None, line


def test_article_prose_is_kept():
    prose = [
        "Blinken is the first US secretary of state to visit Beijing in five years.",
        "“It’s absolutely critical that we have these kinds of communications,” he said.",
        "Source documents show the plan was approved in May.",
        "Biden said Saturday that he hoped to meet with Xi in the coming months.",
    ]
    for line in prose:
        assert classify_line(line) is None, line


def test_seed_boilerplate_is_removed_and_counted():
    doc = make_doc("001", seed_text("001"))
    for chrome in ("Source link", "Leave a Reply", "Back to top", "email address"):
        assert chrome not in doc.text
    assert dict(doc.removed)["site chrome"] == 4
    bio = make_doc("003", seed_text("003"))
    assert "seasoned author" not in bio.text and "contributed to" not in bio.text
    assert "Leah Millis/Reuters" not in bio.text and "Source: CNN" not in bio.text
    assert {"author bio", "photo caption", "contributor line", "source line"} <= set(dict(bio.removed))


def test_title_printed_twice_becomes_the_title_once():
    doc = make_doc("001", seed_text("001"))
    assert doc.title == "Blinken, Xi pleased with progress in U.S.-China talks, but more work to be done"
    assert "more work to be done" not in doc.text
    assert dict(doc.removed)["repeated title"] == 1


def test_article_repeated_three_times_is_kept_once():
    raw = seed_text("004")
    first = "Neither Blinken nor Wang made any remark to reporters"
    assert raw.count(first) >= 3
    doc = make_doc("004", raw)
    assert doc.text.count(first) == 1
    assert dict(doc.removed)["repeated paragraph"] > 50


def test_classic_mojibake_is_fixed_and_curly_quotes_kept():
    assert fix_encoding("the minister\u00e2\u20ac\u2122s plan") == "the minister’s plan"
    assert fix_encoding("“quoted”") == "“quoted”"
    # multinews-dev test5396: a closing quote whose last byte the page lost.
    assert fix_encoding("was, rather, a “direct attack\ufffd? on her") == "was, rather, a “direct attack” on her"


def test_corrupted_initial_letter_is_repaired_from_the_cluster_vocabulary():
    raws = [
        make_raw("a", "Relations could veer into conflict.Ĭhina recently rebuffed a meeting. īlinken said so."),
        make_raw("b", "China and Blinken met. China spoke. Blinken left."),
    ]
    doc = clean_documents(raws)[0]
    assert "conflict. China recently rebuffed" in doc.text
    assert "Blinken said so." in doc.text
    assert dict(doc.removed)["repaired word"] == 2


def test_headings_inside_the_article_are_dropped():
    doc = make_doc("x", "First sentence of the story is here.\nhigh risk encounter\nMore reporting follows here.")
    assert "high risk encounter" not in doc.text
    assert doc.text.count("\n\n") == 1


def test_sentence_glued_after_a_closing_quote_is_separated():
    doc = make_doc("x", "He hoped for “better engagement going forward.”Blinken is the first US secretary to visit.")
    assert "forward.” Blinken is" in doc.text


def test_a_heading_run_into_the_text_counts_as_a_flaw():
    from summarize.text.quality import form_penalty

    glued = "‘Both sides recognized the need’ relationship The top US diplomat said there are key issues."
    assert form_penalty(glued) > form_penalty("The top US diplomat said there are key issues.")
    assert form_penalty("Officials told The Times that the talks went well.") == 0


def test_a_letters_salutation_is_not_its_headline():
    doc = make_doc("vulture", "Dear Dylan,\n\nHello. I apologize for this being the first time I address you in print.")
    assert doc.title is None and doc.text.startswith("Hello.")
