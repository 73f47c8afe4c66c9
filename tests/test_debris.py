"""Scraped-page debris: every rule with an example taken from a real scraped news page."""

import pytest

from summarize.pipeline.clean import clean_documents
from summarize.pipeline.segment import segment
from summarize.text.debris import lead_length, line_debris, sentence_debris

from .conftest import make_doc, make_raw

PROSE = "Croatia says it will allow migrants to travel on to northern Europe, a day after Hungary sealed its border."


@pytest.mark.parametrize(
    "sentence, kept",
    [
        (
            "BEIJING (AP) — U.S. Secretary of State Antony Blinken met Xi Jinping on Monday.",
            "U.S. Secretary of State Antony Blinken met Xi Jinping on Monday.",
        ),
        (
            "LONDON (Reuters) - Prime Minister Theresa May survived a confidence vote on Wednesday.",
            "Prime Minister Theresa May survived a confidence vote on Wednesday.",
        ),
        (
            "Seoul (CNN) North and South Korean athletes will march together under a unified flag.",
            "North and South Korean athletes will march together under a unified flag.",
        ),
        (
            "HORGOS, Serbia — Hungarian riot police responded on Wednesday with water cannons.",
            "Hungarian riot police responded on Wednesday with water cannons.",
        ),
        (
            "BILLINGS, Mont. (AP) — Scientists are seeking to map the plumbing under Old Faithful.",
            "Scientists are seeking to map the plumbing under Old Faithful.",
        ),
        (
            "LAS VEGAS, June 10 (UPI) -- A man waiting overnight recorded a video of himself.",
            "A man waiting overnight recorded a video of himself.",
        ),
        (
            "JAMESTOWN, Tuolumne County (KPIX 5) — Weeks of rainy weather have triggered a gold rush.",
            "Weeks of rainy weather have triggered a gold rush.",
        ),
        (
            "(AP) — Author and actor Christopher Kennedy Lawford has died.",
            "Author and actor Christopher Kennedy Lawford has died.",
        ),
        (
            "(CNN) - Former President George W. Bush took the ice bucket challenge.",
            "Former President George W. Bush took the ice bucket challenge.",
        ),
        (
            "-- A mom who has been behind bars since 1996 walked free from jail Wednesday.",
            "A mom who has been behind bars since 1996 walked free from jail Wednesday.",
        ),
        (
            "— UPDATE: 905 a.m. - OPD reports the 17 year old was located at a residence in Orofino.",
            "OPD reports the 17 year old was located at a residence in Orofino.",
        ),
        (
            "SATURDAY UPDATE: Jay Leno’s spokesman has now issued this statement.",
            "Jay Leno’s spokesman has now issued this statement.",
        ),
        (
            "10:45 AM PT: Law enforcement sources tell TMZ that Lawford had a medical emergency.",
            "Law enforcement sources tell TMZ that Lawford had a medical emergency.",
        ),
        (
            "Oroville >> Now is not the time to quit your day job in hopes of striking it rich.",
            "Now is not the time to quit your day job in hopes of striking it rich.",
        ),
        (
            "Mike Coppola/Getty The Olsen twins said their $39,000 backpack is selling out.",
            "The Olsen twins said their $39,000 backpack is selling out.",
        ),
    ],
)
def test_datelines_and_wire_tags_are_cut_and_the_sentence_kept(sentence, kept):
    assert sentence[lead_length(sentence) :] == kept


@pytest.mark.parametrize(
    "sentence",
    [
        "US-China talks resumed in Beijing on Monday.",
        "NASA said the rover landed safely.",
        "Tesla (TSLA) Chief Executive Elon Musk said the plant would reopen.",
        "Apple (AAPL) shares rose 3 percent.",
        "-5 degrees was the coldest reading of the week.",
        PROSE,
    ],
)
def test_sentences_without_a_dateline_are_left_whole(sentence):
    assert lead_length(sentence) == 0


@pytest.mark.parametrize(
    "sentence, kept",
    [
        (
            "-Poor planning and oversight by the US government, as well as poor performance on the part of "
            "contractors, have costly outcomes.",
            "Poor planning and oversight by the US government, as well as poor performance on the part of "
            "contractors, have costly outcomes.",
        ),
        (
            "• The agency spent $8 billion on projects it never finished.",
            "The agency spent $8 billion on projects it never finished.",
        ),
        (
            "* The agency spent $8 billion on projects it never finished.",
            "The agency spent $8 billion on projects it never finished.",
        ),
    ],
)
def test_a_list_bullet_opening_a_sentence_is_cut(sentence, kept):
    assert sentence[lead_length(sentence) :] == kept


def test_a_sentence_with_a_position_or_a_section_name_is_prose():
    assert sentence_debris("The mayor (right) said the storm killed 12 people on Monday.") is None
    assert line_debris("Ms. Smith | the mayor's aide | said the council met on Monday.") is None


def test_a_hyphenated_word_opening_a_sentence_is_not_a_bullet():
    assert lead_length("Anti-war protesters marched on Monday.") == 0
    assert lead_length("-5 degrees was the low on Monday.") == 0


def test_dateline_is_cut_inside_the_document_and_offsets_stay_exact():
    doc = make_doc(
        "d",
        "LONDON (Reuters) - Prime Minister Theresa May survived a confidence vote.\n\n"
        "She told MPs she would not lead the party into the next election.",
    )
    sentences = segment(doc)
    assert [s.text for s in sentences] == [
        "Prime Minister Theresa May survived a confidence vote.",
        "She told MPs she would not lead the party into the next election.",
    ]
    assert all(doc.text[s.start : s.end] == s.text for s in sentences)
    assert dict(doc.removed)["dateline"] == 1


@pytest.mark.parametrize(
    "line, kind",
    [
        (
            "Media playback is unsupported on your device Media caption Christian Fraser on the Hungarian "
            "side of the border fence notices some weak points.",
            "page chrome",
        ),
        (
            "Image copyright Reuters Image caption Migrants are crossing into Croatia where they are being registered",
            "page chrome",
        ),
        ("Please enable Javascript to watch this video", "page chrome"),
        (
            "JUST WATCHED Sandusky victim: 'I do not forgive you' Replay More Videos ... MUST WATCH "
            "Sandusky victim: 'I do not forgive you' 03:55",
            "page chrome",
        ),
        ("Story highlights In letters to judge, Sanduskys portray themselves as virtuous victims", "page chrome"),
        ("Hide Transcript Show Transcript", "page chrome"),
        (
            "You can add location information to your Tweets, such as your city or precise location, from "
            "the web and via third-party applications. You always have the option to delete your Tweet "
            "location history. Learn more",
            "site notice",
        ),
        ("Tweet with a location", "site notice"),
        (
            "When you tweet with a location, Twitter stores that location. You can switch location on/off "
            "before each Tweet and always have the option to delete your location history. Learn more",
            "site notice",
        ),
        (
            "These crawls are part of an effort to archive pages as they are created and archive the pages "
            "that they refer to.",
            "site notice",
        ),
        (
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
            "Flowing in every day, these data are added to the Wayback Machine after an embargo period.",
            "site notice",
        ),
        (
            "North Korea tripping hard AF right now. Chill out with that Nuke talk. #uMadBro — STVN "
            "(@StevieJohnson13) April 3, 2013",
            "social embed",
        ),
        (
            "In today's battle of Trump vs @Nordstrom, Nordstrom is the overwhelming winner: shares up "
            "nearly 5% at the closing bell pic.twitter.com/hne3FFpv8j",
            "social embed",
        ),
        (
            "Former Penn State University assistant football coach Jerry Sandusky is driven from the Centre "
            "County Courthouse after being sentenced in Bellefonte, Pa., Tuesday, Oct. 9, 2012. Sandusky "
            "was sentenced... (Associated Press)",
            "photo caption",
        ),
        (
            "FILE - In this Oct. 27, 2012 file photo, Christopher Kennedy Lawford appears at the LA Friendly "
            "House Luncheon in Beverly Hills, Calif.",
            "photo caption",
        ),
        ("Snoop Dogg with his Hollywood Walk of Fame star Kevin Winter/Getty", "photo caption"),
        (
            "FILE PHOTO: Britain's Prime Minister Theresa May leaves Downing Street in London, Britain, "
            "December 12, 2018. REUTERS/Toby Melville",
            "photo caption",
        ),
        ("Policemen chase after protesters in Kabul, Afghanistan. (AP Photo/Saurabh Das) More photos", "photo caption"),
        (
            "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, "
            "broadcast, rewritten or redistributed.",
            "page chrome",
        ),
        (
            "Sorry, but your browser cannot support embedded video of this type, you can download this "
            "video to view it offline.",
            "page chrome",
        ),
        ("Get the latest from TODAY Sign up for our newsletter", "page chrome"),
        ("Advertisement Continue reading the main story", "page chrome"),
        ("Scroll down for video", "page chrome"),
        (
            "This is an archived article and the information in the article may be outdated. Please look at "
            "the time stamp on the story to see when it was last updated.",
            "page chrome",
        ),
        ("Posted! A link has been posted to your Facebook feed.", "page chrome"),
        ("Follow Jane Doe on Twitter @janedoe", "page chrome"),
        # multinews-dev test4236: a related-video link with its headline, which is no sentence either.
        (
            "RELATED VIDEO: Monday Motivation! Pregnant Eva Longoria Shows Off Baby Bump While Out Hiking",
            "video prompt",
        ),
        # multinews-dev test4035: The Hill's section bar.
        (
            "Defense & Homeland Security | Energy & Environment | Healthcare | Finance & Economy | Technology | "
            "Foreign Policy | Labor | Transportation & Infrastructure",
            "site chrome",
        ),
    ],
)
def test_debris_paragraphs_are_recognised(line, kind):
    assert line_debris(line) == kind


@pytest.mark.parametrize(
    "sentence, kind",
    [
        (
            "Policemen charge a handful of protesters after a protest turned violent in Kabul, "
            "Afghanistan, Wednesday, Sept. 15, 2010.",
            "photo caption",
        ),
        (
            "Taiwan's ruling KMT presidential candidate Eric Chu, front center, with his wife Kao "
            "Wan-ching, front right, waves to supporters.",
            "photo caption",
        ),
        ("Joey Wilson, left, rings up Curtis Barwick for a gold pan Saturday in downtown Oroville.", "photo caption"),
        ("A photo of the teen who went missing on April 14, Kristian Perez.", "photo caption"),
        ("WATCH: Jenna Bush Hager challenges her dad and mom to the Ice Bucket Challenge", "video prompt"),
        ("RELATED: Snoop Dogg Is Releasing His First Cookbook", "video prompt"),
        ("Watch: George W. Bush takes the Ice Bucket Challenge", "video prompt"),
        ("Loading video...", "site chrome"),
        ("Ty Burr can be reached at tburr@globe.com.", "link or contact"),
        ("For more on movies, go to www.boston.com/movienation.", "link or contact"),
        ("Advertisement", "site chrome"),
        ("Read more about Kerry's case here.", "site chrome"),
        # multinews-dev test3882: a quotation's credit, cut off after a comma.
        ("Anne Applebaum , New York Review of Books ,", "cut-off line"),
        # test5590: IMDb's synopsis, cut off and signed.
        (
            "Just as they start to make a real difference on the streets, the world's first super villain, "
            "The Mother F%&*^r, assembles his ... Written by Universal Pictures",
            "synopsis credit",
        ),
        # test1745: a photo caption, the lead of a brief.
        (
            "An undated photograph of Bill Hudson and Goldie Hawn - they went on to have two children together",
            "photo caption",
        ),
        # test1745: a photo caption.
        (
            "Goldie Hawn and Bill Hudson at the 1975 Oscars (pictured left) and an undated picture of them (right)",
            "photo caption",
        ),
    ],
)
def test_debris_sentences_are_recognised(sentence, kind):
    assert sentence_debris(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        PROSE,
        "Lawford died of a heart attack Tuesday in Vancouver, Canada, his cousin told The Associated Press.",
        "Photographers gathered outside the courthouse on Tuesday.",
        "He turned left, then right, and ran.",
        "Trump also expressed anger over a retweet sent from the agency’s account.",
        "The Wayback Machine, run by the Internet Archive, keeps copies of old pages.",
        '"Thanks to Jenna Bush Hager for the #IceBucketChallenge," wrote Bush on his Facebook page.',
        "In this case, the court ruled for the plaintiffs.",
        "Fans were urged to follow the team on Twitter for updates.",
        "More than 150 migrants crossed into Croatia on Wednesday.",
        "Watching the video, investigators saw the van stop twice.",
    ],
)
def test_news_prose_is_not_debris(sentence):
    assert sentence_debris(sentence) is None
    assert line_debris(sentence) is None


def test_debris_inside_a_paragraph_goes_and_the_prose_stays():
    doc = make_doc(
        "d",
        "A geologist said this year’s summer gold rush is expected to be the best in "
        "two decades. Advertisement\n\n"
        "Kerry was represented at her retrial by the Center on Wrongful Convictions. "
        "Read more about Kerry's case here. Read our press release here.",
    )
    assert doc.text == (
        "A geologist said this year’s summer gold rush is expected to be the best in two decades.\n\n"
        "Kerry was represented at her retrial by the Center on Wrongful Convictions."
    )
    assert dict(doc.removed)["site chrome"] == 3


def test_bbc_page_keeps_only_its_prose():
    page = "\n\n".join(
        [
            "Image copyright Reuters Image caption Migrants are crossing into Croatia",
            PROSE,
            "Media playback is unsupported on your device Media caption The BBC's James Reynolds is at "
            "the legal crossing point",
            "Tweet with a location",
            "Many migrants want to reach Germany.",
        ]
    )
    doc = make_doc("bbc", page)
    assert doc.text == PROSE + "\n\nMany migrants want to reach Germany."
    assert doc.title is None


@pytest.mark.parametrize(
    "first_line",
    [
        "Image copyright Reuters Image caption Migrants are crossing into Croatia",
        "Media playback is unsupported on your device Media caption",
        "Photo: Tomassio Boddi/Getty Images",
        "Hide Transcript Show Transcript",
    ],
)
def test_a_caption_or_chrome_line_is_never_the_title(first_line):
    doc = make_doc("d", f"{first_line}\n\nCroatia opens a new route for migrants\n\n{PROSE}")
    assert doc.title == "Croatia opens a new route for migrants"


def test_a_share_button_after_the_headline_is_not_part_of_it():
    doc = make_doc("d", f"Expert: Summer gold rush could be the best in 20 years | Share\n\n{PROSE}")
    assert doc.title == "Expert: Summer gold rush could be the best in 20 years"


def test_a_page_of_nothing_but_chrome_leaves_no_text():
    (doc,) = clean_documents(
        [
            make_raw(
                "d",
                "Tweet with a location\n\nYou can add location information "
                "to your Tweets, such as your city. Learn more",
            )
        ]
    )
    assert doc.text == ""


def test_a_headline_and_byline_run_into_the_first_sentence_are_cut():
    sentence = (
        "Huntsman to skip Nevada debate in protest By Justin Sink - Tweet Jon Huntsman announced "
        "Friday that he will be boycotting the Republican debate in Las Vegas."
    )
    assert sentence[lead_length(sentence) :].startswith("Jon Huntsman announced Friday")
    assert lead_length("The debate was moderated by Anderson Cooper of CNN.") == 0


@pytest.mark.parametrize(
    "page",
    [
        "Story highlights Trump has been consumed by negative comments about the crowd\n\n"
        "Aerial photos have indicated that Obama's first inauguration attracted a larger crowd\n\n" + PROSE,
        "Playmobil pirate ship. (Playmobil instruction booklet)\n\n" + PROSE,
        "Get the latest from TODAY Sign up for our newsletter\n\n" + PROSE,
        "Popular\n\n" + PROSE,
        "Related: Tonight Show Cuts Latest In Wave Of NBC Layoffs\n\n" + PROSE,
        "1 year ago\n\n" + PROSE,
    ],
)
def test_highlights_captions_newsletter_prompts_and_labels_name_no_story(page):
    assert make_doc("d", page).title is None


def test_a_chrome_only_page_in_a_flat_feed_is_left_out_of_every_story():
    from summarize.jobs.stories import group_articles

    story = "Croatia opens its border to migrants after Hungary closed the crossing at Roszke."
    docs = [
        make_raw("bbc", story),
        make_raw("ap", story + " Police fired tear gas."),
        make_raw("tweet", "Tweet with a location\n\nYou can add location information to your Tweets."),
    ]
    stories, alone = group_articles(docs)
    assert [sorted(d.id for d in s.docs) for s in stories] == [["ap", "bbc"]]
    assert alone == ["tweet"]


def test_a_credit_line_under_a_dropped_prompt_is_not_the_title():
    page = "Get the latest from TODAY Sign up for our newsletter\n\n/ Updated By Ian Sager\n\n" + PROSE
    assert make_doc("d", page).title is None


def test_a_brief_from_scraped_pages_carries_no_debris(tmp_path):
    from summarize.options import Options
    from summarize.pipeline.run import summarize_folder

    from .conftest import write_articles

    bbc = "\n\n".join(
        [
            "Image copyright Reuters Image caption Theresa May outside Downing Street",
            "Theresa May has survived a confidence vote of Conservative MPs by 200 votes to 117.",
            'Media playback is unsupported on your device Media caption Theresa May: "I stand ready"',
            "The prime minister told MPs she would not lead the party into the next general election.",
            "Tweet with a location",
            "You can add location information to your Tweets, such as your city or precise location.",
        ]
    )
    reuters = "\n\n".join(
        [
            "LONDON (Reuters) - Prime Minister Theresa May survived a confidence vote of Conservative "
            "MPs on Wednesday by 200 votes to 117.",
            "Britain's Prime Minister Theresa May leaves Downing Street in London, Britain, Wednesday, "
            "Dec. 12, 2018. REUTERS/Toby Melville",
            "May told lawmakers she would not lead the party into the next general election in 2022.",
            "Brexit supporters had said she was no longer the right leader to take Britain out of the EU.",
        ]
    )
    folder = write_articles(tmp_path / "story", {"bbc.txt": bbc, "reuters.txt": reuters})
    brief = summarize_folder(folder, Options(words=60))
    assert brief.sentences
    for sentence in brief.sentences:
        assert line_debris(sentence.text) is None and sentence_debris(sentence.text) is None
        assert lead_length(sentence.text) == 0
        assert "LONDON" not in sentence.text and "Tweet" not in sentence.text


def test_a_byline_printed_after_the_headline_is_not_part_of_it():
    page = (
        "Shermain Miles — arrested 396 times — out of prison, hopes for new start By Stefano "
        "Esposito Staff Reporter\n\n" + PROSE
    )
    assert make_doc("d", page).title == "Shermain Miles — arrested 396 times — out of prison, hopes for new start"


def test_a_photographer_credit_line_is_a_caption_never_a_headline():
    from pathlib import Path

    from summarize.pipeline.clean import clean_documents
    from summarize.types import RawDocument

    text = (
        "A view of the crowd at the U.S. Capitol on Jan. 20. (Bill O’Leary /The Washington Post)\n\n"
        "Thousands gathered outside the Capitol on Friday as lawmakers debated the bill, officials said.\n\n"
        "The vote is expected next week, according to the majority leader's office."
    )
    doc = clean_documents([RawDocument("a", Path("a.txt"), text, "utf-8")])[0]
    assert doc.title is None or "O’Leary" not in doc.title
    assert "O’Leary" not in doc.text


# --- embedded tweets: the words stay, as their author's -------------------------------------

MOZES = (
    "Nir-Mozes swiftly removed the tweet and issued a number of apologies to the president.\n\n"
    "Sorry if I caused any offence to anyone. I hope I will stay married when my husband will land "
    "and hear what I did. — Judy Mozes (@JudyMozes) June 21, 2015\n"
)


def test_an_embedded_tweet_keeps_its_words_as_its_authors_and_loses_its_signature():
    doc = make_doc("toi", MOZES)
    assert "(@JudyMozes)" not in doc.text and "June 21, 2015" not in doc.text
    sentences = segment(doc)
    assert [s.attribution for s in sentences] == [None, "Judy Mozes tweeted", "Judy Mozes tweeted"]
    assert sentences[1].text == "Sorry if I caused any offence to anyone."


def test_a_tweets_links_go_and_a_tweet_of_links_alone_goes_whole():
    doc = make_doc(
        "toi",
        PROSE + "\n\nIf the wife of a senior U.S. official Tweeted this, there'd be "
        "a storm coming #Israel https://t.co/c0ZtP8M17l pic.twitter.com/Y8qe50suPM — Holly "
        "Dagres (@hdagres) June 21, 2015\n\nhttps://t.co/JpyFvSrrgf — Merriam-Webster "
        "(@MerriamWebster) November 29, 2016\n",
    )
    assert "there'd be a storm coming #Israel" in doc.text
    assert "t.co" not in doc.text and "pic.twitter" not in doc.text and "Merriam" not in doc.text
    ((start, end, attribution),) = doc.spoken
    assert doc.text[start:end].startswith("If the wife") and attribution == "Holly Dagres tweeted"


def test_a_furniture_phrase_in_a_long_paragraph_removes_its_sentence_not_the_article():
    # Issue 28: a one-paragraph article with "get breaking news alerts" in its middle was skipped
    # whole as "no article text left after removing site boilerplate".
    prose = [f"The council met for the {n}th time on Tuesday to weigh the budget for district {n}." for n in range(60)]
    text = " ".join(prose[:30] + ["Get breaking news alerts on your phone."] + prose[30:])
    doc = make_doc("long", text)
    assert doc.text == " ".join(prose)
    assert dict(doc.removed)["page chrome"] == 1


@pytest.mark.parametrize(
    "line, kind",
    [
        # People's caption with its agency credit chain (the brief printed it as a sentence).
        (
            "Snoop Dogg, wife Shante Broadus, and his kids Cori Broadus and Julian Corrie Broadus "
            "Axelle/Bauer-Griffin/FilmMagic",
            "photo caption",
        ),
        ("Axelle/Bauer-Griffin/FilmMagic", "photo caption"),
        # A film review's credits block (Ebert's review of "The Road", the Times' of "Mirror Mirror").
        (
            "Dimension Films presents a film directed by John Hillcoat. Written by Joe Penhall, based on the "
            "novel by Cormac McCarthy. Running time: 119 minutes. Rated R.",
            "film credits",
        ),
        (
            "Relativity Media presents a film directed by Tarsem Singh. Screenplay by Marc Klein and Jason "
            "Keller, based on stories by the Brothers Grimm. Running time: 106 minutes. MPAA rating: PG.",
            "film credits",
        ),
        (
            "WITH: Julia Roberts (the Queen), Lily Collins (Snow White), Armie Hammer (Prince Alcott), "
            "Nathan Lane (Brighton) and Sean Bean (the King).",
            "film credits",
        ),
        ("“Mirror Mirror” is rated PG (Parental guidance suggested).", "film credits"),
    ],
)
def test_credit_chains_offers_and_film_credits_are_debris(line, kind):
    assert line_debris(line) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The band AC/DC played to 40,000 fans in Sydney on Saturday.",
        "The company offers new users a free trial of its music service.",
        "The film's running time was cut by twenty minutes after the festival.",
        "The 24/7 news cycle left the campaign little room.",
        "With his wife at his side, the senator said he would not run again.",
        "The film is rated R for violence and language, the studio said.",
    ],
)
def test_slashes_trials_and_running_times_in_prose_are_kept(sentence):
    assert sentence_debris(sentence) is None
    assert line_debris(sentence) is None


def test_a_subscription_offer_inside_a_paragraph_goes_and_the_story_stays():
    # A newspaper's subscription offer between two paragraphs of a court story, and inside one.
    offer = "Never miss a local story. Sign up today for a free 30 day free trial of unlimited digital access. SUBSCRIBE NOW"
    assert make_doc("d", f"{PROSE}\n\n{offer}").text == PROSE
    doc = make_doc(
        "d",
        "She was sentenced on Monday in Kings County Superior Court, two days after her 18th birthday. "
        "Sign up today for a free 30 day free trial of unlimited digital access. "
        "The ring involved four girls between the ages of 14 and 15, the detective said.",
    )
    assert "trial of unlimited" not in doc.text
    assert "sentenced on Monday" in doc.text and "four girls" in doc.text


def test_a_share_bar_run_into_a_quotation_is_cut_and_the_quotation_kept():
    sentence = (
        'Tweet View Comments "Next Tuesday, Gov. Huntsman will boycott the Nevada presidential debate," '
        "said campaign manager Matt David in a statement."
    )
    assert sentence[lead_length(sentence) :].startswith('"Next Tuesday, Gov. Huntsman')
    assert lead_length("Share prices fell sharply on Monday after the report.") == 0


def test_a_caption_file_printed_as_text_is_dropped_whatever_its_length():
    transcript = "WEBVTT MAX: WE'RE GOING TO BE ONTRAVERSE CREEK, AND THIS IS AWELL-KNOWN AREA TO FIND GOLD. " * 40
    doc = make_doc(
        "d", "A geologist said this summer's gold rush is expected to be the best in 20 years.\n\n" + transcript
    )
    assert "WEBVTT" not in doc.text and "TRAVERSE" not in doc.text.upper().replace("ONTRAVERSE", "")
    assert doc.text.startswith("A geologist said")
    assert dict(doc.removed)["caption transcript"] == 1
