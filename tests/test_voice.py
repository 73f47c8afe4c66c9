"""The brief's voice: first person outside quotes, quotes without a speaker, the cleaner variant."""

import pytest

from summarize.options import Mode, Options
from summarize.pipeline.dedup import deduplicate
from summarize.pipeline.run import summarize_texts
from summarize.pipeline.segment import segment
from summarize.text.quality import (
    first_person,
    form_flaws,
    lowercased_names,
    name_case_counts,
    speakerless_quote,
)
from summarize.text.voice import quote_speaker, quoted, speaker_named

from .conftest import SEEDS, make_doc


@pytest.mark.parametrize(
    "text",
    [
        "I confess that at the time I worked for Woody Allen I was a naive young actress.",
        "I then used a wheel chair that had a tall pole on the back of it and taped my iPhone to that.",
        "Many of us will remember 2016 for a few words that will forever echo in our brains.",
        "We also present evidence that anthropogenic warming exacerbated the drought in Mongolia.",
        "I would say to her “Goldie, why are you trashing me?” and she’d laugh.",
        'Note: I first saw "The Road" in September at the Toronto Film Festival.',
        # A columnist's aside in brackets (test0794): the writer's "we", in the brief's voice.
        "(We all know that role is reserved for Dennis Rodman.)",
    ],
)
def test_the_writer_speaking_as_i_or_we_is_first_person(text):
    assert first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "“I am so deeply honored to have been asked,” Cox said in a statement.",
        '"We ask for the public to remain patient and peaceful," Batts said.',
        "‘I was a part of their lives for years,’ says Bill.",
        "The US and China agreed to keep talking, US officials said.",
        "World War I veterans gathered at the memorial on Sunday.",
        "Sorvino wrote that she had been a naive young actress when she worked for Allen.",
        "He did what was necessary to ensure their well-being, as I said.”",  # the end of a quote
    ],
)
def test_quoted_speech_and_third_person_reporting_are_not(text):
    assert not first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        '"It\'s not the time to ease pressure towards North Korea."',
        '"During our last economic crisis in the U.S., the only thing that went up was Hermès."',
        "He did what was necessary to ensure their well-being.”",  # a quote the sentence before opened
        "“This cannot be accepted, and it needs to be pulled off the shelf.”",
    ],
)
def test_a_quote_whose_speaker_is_lost_is_speakerless(text):
    assert speakerless_quote(text)


@pytest.mark.parametrize(
    "text",
    [
        '"It is not the time to ease pressure or to reward North Korea," foreign minister Taro Kono said.',
        "\"I haven't had any men's cases that looked like these,\" Daniel recalls thinking.",
        "Xi Jinping said: “China has stated its position.”",
        "\"The Road\" is a road you'll wish hadn't been taken.",  # a quoted title, not speech
        '"There are more than 10,000 of the demonstrators," police officer Mohammad Usman.',
        "Blinken is the first US secretary of state to visit Beijing in five years.",
    ],
)
def test_an_attributed_quote_or_a_quoted_title_is_not(text):
    assert not speakerless_quote(text)


def test_ranking_signals_carry_voice():
    letter = "I confess that at the time I worked for Woody Allen I was a naive young actress."
    report = "Sorvino said she had been a naive young actress when she worked for Allen."
    assert form_flaws(letter)["first person"] > 0 == form_flaws(report)["first person"]
    bare = '"It\'s not the time to ease pressure towards North Korea."'
    attributed = '"It\'s not the time to ease pressure towards North Korea," Kono said.'
    assert form_flaws(bare)["bare quote"] > 0 == form_flaws(attributed)["bare quote"]


def test_a_name_the_story_capitalises_counts_when_lower_cased():
    story = [
        "Blinken arrived in Beijing on Sunday.",
        "Talks in Beijing lasted two days.",
        "He left Beijing for London.",
        "Blinken is the first US Secretary of State to visit beijing in five years.",
    ]
    counts = name_case_counts(story)
    assert lowercased_names(story[3], counts) == 1
    assert lowercased_names("Officials said the state visit went well.", counts) == 0


def test_the_variant_with_the_name_written_right_represents_the_group():
    lower = make_doc(
        "spun",
        "Blinken is the first US Secretary of State to visit beijing in five years, "
        "and his talks with Chinese top brass were seen as a litmus test.",
    )
    right = make_doc(
        "bbc",
        "Blinken is the first US secretary of state to visit Beijing in five years, "
        "and his talks with senior Chinese officials were seen as a key litmus test.",
    )
    other = make_doc(
        "ap",
        "Blinken arrived in Beijing on Sunday. Talks in Beijing lasted two days. He left Beijing for London on Monday.",
    )
    docs = [lower, right, other]
    result = deduplicate(docs, [segment(d) for d in docs], Options())
    (group,) = [g for g in result.groups if len(g.members) == 2]
    assert group.representative.doc_id == "bbc"


DUNN = (
    "A man waiting overnight in Las Vegas' McCarran Airport recorded a video of himself.\n\n"
    '"I had a person behind a ticket counter give me a roll of luggage tape before she left," '
    "Dunn said on his Vimeo page.\n\n"
    '"I then used a wheelchair that had a tall pole on the back of it and taped my iPhone to that. '
    "Then I would put it on the moving walkway for a dolly shot.\n\n"
    "Uploaded earlier today, the video already has nearly 500,000 views. I would watch it again."
)


def test_the_speaker_of_a_quotation_is_found_where_it_opened():
    sentences = segment(make_doc("upi", DUNN))
    speakers = [quote_speaker(sentences, i) for i in range(len(sentences))]
    assert speakers == [None, "Dunn", "Dunn", "Dunn", None, None]
    assert quoted(sentences[3].text, "Dunn said") == (
        "Dunn said: “Then I would put it on the moving walkway for a dolly shot.”"
    )


def test_an_open_letter_without_its_writer_named_has_no_speaker():
    sentences = segment(
        make_doc(
            "letter",
            "Dear Dylan,\n\nI am writing to express my belief in and "
            "support of you. I confess that at the time I worked for "
            "Woody Allen I was a naive young actress.",
        )
    )
    assert [quote_speaker(sentences, i) for i in range(len(sentences))] == [None] * len(sentences)


def test_segmentation_gives_speech_its_speaker_and_narration_none():
    sentences = segment(make_doc("upi", DUNN))
    assert [s.attribution for s in sentences] == [None, None, "Dunn said", "Dunn said", None, None]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # The pronoun speaks; the outlet after "told" is the listener, never the speaker.
        (
            "“This right here was found on his neck,” she told CBS Sacramento about the piece.\n\n"
            "“You cannot have this specific accessory and call it anything else. The fact that you can "
            "Google it, look it up, say what it is — it’s a slave collar.”",
            [None, None, None],
        ),
        # "said Thomas." closes the sentence: the full stop is not part of the name.
        (
            "“It’s going to bring down more gold,” said Thomas. “It’s going to bring up new areas that I "
            "never got to.”",
            ["Thomas", "Thomas"],
        ),
    ],
)
def test_the_speaker_is_a_name_the_source_gives_or_nobody(text, speakers):
    sentences = segment(make_doc("kcra", text))
    assert [quote_speaker(sentences, i) for i in range(len(sentences))] == speakers


def test_a_brief_prints_someones_words_only_with_their_name():
    other = DUNN.replace("A man waiting", "Richard Dunn, a man waiting")
    brief = summarize_texts({"upi": DUNN, "gawker": other}, Options(words=100, mode=Mode.extractive))
    for sentence in brief.sentences:
        assert not first_person(sentence.text), sentence.text
        assert (sentence.attribution is None) == (not sentence.text.startswith("Dunn said: “"))
    assert any(s.attribution == "Dunn said" for s in brief.sentences)


def test_a_quotation_that_never_closes_does_not_make_the_paragraph_speech():
    # A scrape lost the closing mark; the next sentence is the reporter's, whoever is named after.
    sentences = segment(
        make_doc(
            "cnn",
            "“At this moment, China has not agreed to move forward with "
            "that. Contacts between the two militaries remain frozen and "
            "talks have stalled. Blinken said it was a process.\n\n"
            "The visit ended on Monday evening in Beijing.",
        )
    )
    assert sentences[1].text.startswith("Contacts") and sentences[1].attribution is None


def test_no_speaker_is_trusted_in_an_article_whose_sentences_came_reversed():
    docs = [make_doc(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    result = deduplicate(docs, [segment(d) for d in docs], Options())
    (flipped,) = result.reversed_documents
    members = [m for g in result.groups for m in g.members if m.doc_id == flipped]
    assert members and all(m.attribution is None for m in members)


def test_a_quotation_given_without_a_name_is_nobodys_and_narration_names_nobody():
    # test4775: the prosecutor's statement, right after a sentence about the police commissioner.
    text = (
        "Batts said police would keep probing, while Mosby stressed that her office is doing its "
        'own investigation.\n\n"We are not relying solely on their findings but rather the facts '
        "that we have gathered and verified. We ask for the public to remain patient and peaceful "
        'and to trust the process of the justice system," her statement said.'
    )
    sentences = segment(make_doc("ap", text))
    assert [s.attribution for s in sentences] == [None, None, None]


def test_the_reporters_sentences_are_nobodys_speech_in_an_article_read_backwards():
    # seeds/000 alone: its sentences came reversed, and two reporters' sentences stand between a
    # quotation's (reversed) opening and another quotation; nothing can tell the reversal.
    (path,) = SEEDS.glob("000_*.txt")
    sentences = segment(make_doc("000", path.read_text(encoding="utf-8")))
    reporters = [s for s in sentences if s.text.startswith(("Contacts between", "China recently rebuffed"))]
    assert len(reporters) == 2 and all(s.attribution is None for s in reporters)


def test_a_name_after_a_verb_that_has_a_subject_is_not_the_speaker():
    # multinews-dev test1745 (d01): the long brief printed Bill Hudson's words as "Goldie said: …".
    assert (
        speaker_named("But he says Goldie used her increasing fame and financial superiority to ‘freeze’ him out.")
        is None
    )
    assert speaker_named("Scaramucci said Friday his start date wouldn’t be until August.") == "Scaramucci"
    assert speaker_named("‘I was a part of their lives for years,’ says Bill.") == "Bill"
