"""A brief an editor would publish: speakers named from their article, no sentence leaning on
context the brief does not give, people introduced on first mention, a lead first."""

import pytest

from summarize.editing.anaphora import unnamed_in_clause, untold_another, untold_reference, untold_subject
from summarize.editing.context import furniture, needs_context, unintroduced
from summarize.editing.introduce import introduce
from summarize.editing.story import no_comment, on_story
from summarize.options import Mode, Options
from summarize.pipeline.run import summarize_texts
from summarize.pipeline.segment import segment
from summarize.pipeline.select import lead_first
from summarize.text.people import people
from summarize.text.voice import shown
from summarize.types import BriefSentence, ScoredGroup, SentenceGroup

from .conftest import make_doc

# Two outlets on one Senate fight; the quotation tagged "he added" is Roy Blunt's in the article,
# though a brief could put it after a Schumer sentence.
SENATE = """WASHINGTON — Senate leaders on Tuesday clashed over a plan to send every voter a ballot by mail before the November election.

Sen. Roy Blunt, the Missouri Republican who chairs the Senate Rules Committee, said states were already expanding mail voting on their own.

“I think that will encourage people to vote by mail in far greater numbers,” he added.

Senate Minority Leader Chuck Schumer said the plan would protect voters during the pandemic and called on Republicans to pass it.

Senate Majority Leader Mitch McConnell said the Senate would take up the question of mail ballots after the summer recess.

He said at the time that voters needed to help decide the question of mail ballots in the fall.
"""
SENATE_TOO = """Senate leaders clashed on Tuesday over a plan to send every voter a mail ballot before the election in November.

Chuck Schumer, the Senate minority leader, said the plan would protect voters in the pandemic and urged Republicans to pass it.

Roy Blunt, a senator from Missouri, said states were already expanding mail voting on their own this year.

Mitch McConnell said the Senate would take up the question of mail ballots after the summer recess.
"""


def test_a_quotation_tagged_he_added_names_the_speaker_its_article_gives():
    doc = make_doc("a", SENATE)
    sentences = segment(doc)
    quote = next(s for s in sentences if s.text.startswith("I think"))
    assert quote.attribution == "Blunt added"
    # The span contract: the slice is the quoted words, without quotation marks or tag.
    assert doc.text[quote.start : quote.end] == quote.text
    assert quote.text == "I think that will encourage people to vote by mail in far greater numbers"


def test_a_pronoun_subject_gets_the_person_of_its_article_in_brackets_not_the_briefs_neighbour():
    brief = summarize_texts({"a": SENATE, "b": SENATE_TOO}, Options(mode=Mode.extractive, words=160))
    texts = [s.text for s in brief.sentences]
    assert any(t.startswith("Sen. Roy Blunt added: “I think that will encourage people") for t in texts) or any(
        t.startswith("Blunt added: “I think") for t in texts
    )
    assert not any(" he added" in t or t.startswith("He ") for t in texts)
    said = [t for t in texts if "voters needed to help decide" in t]
    assert said and said[0].startswith("[") and "McConnell] said at the time" in said[0]


def test_a_pronoun_the_article_does_not_settle_leaves_the_sentence_out():
    # The sentence before names two people and neither speaks: "he" could be either.
    text = (
        "Gov. Matt Bevin met Speaker Greg Stumbo in Frankfort on Monday to discuss the pension bill.\n\n"
        "“I will not let this bill pass the House this year under any circumstances,” he added.\n\n"
        "Stumbo said the House would vote on its own version of the pension bill next month.\n"
    )
    sentences = segment(make_doc("k", text))
    assert sentences[1].attribution is None
    assert needs_context(sentences[1].text)


def test_a_physicians_criticism_is_not_credited_to_the_minister_before_him():
    text = (
        "Health Minister Shripad Naik released a booklet of advice for pregnant women on Monday.\n\n"
        "Amit Sengupta, a physician with the People’s Health Movement, said the booklet was unscientific.\n\n"
        "He said the government’s advice on diet betrayed “backward thinking” about women’s health.\n"
    )
    sentences = segment(make_doc("m", text))
    assert sentences[2].referent == "Sengupta"
    assert shown(sentences[2]).startswith("[Sengupta] said the government’s advice")


def test_a_pronoun_after_an_opening_phrase_gets_its_person_in_brackets():
    text = (
        "Hanford police detectives arrested Jelinajane Bedrijo Almario in May 2016, Detective Richard Pontecorvo said.\n\n"
        "Almario said she had met the girls through friends and social media.\n\n"
        "Though a juvenile, she was tried as an adult for human trafficking and pimping.\n"
    )
    sentences = segment(make_doc("h", text))
    assert (
        shown(sentences[2]) == "Though a juvenile, [Almario] was tried as an adult for human trafficking and pimping."
    )
    assert not needs_context(shown(sentences[2]))


# test5041 (d03): "She" is the suspect Almario, "he" the detective Pontecorvo who speaks the
# sentence before; a brief once printed "[Pontecorvo] often found the girls …, he said."
HANFORD = (
    "Hanford police Detective Richard Pontecorvo said Almario was the prime suspect in a pimping ring.\n\n"
    "Almario would post pictures of the girls on different websites for prostitution and then take them "
    "to motels to have sex, Pontecorvo said.\n\n"
    "She often found the girls through friends and acquaintances or social media, he said.\n\n"
    "“These people are great at locating kids with low self-esteem,” said Pontecorvo.\n\n"
    "The human trafficking and prostitution ring went on for several weeks last spring, he said.\n"
)


def test_a_subject_pronoun_is_never_given_the_speaker_of_the_sentence_before():
    sentences = segment(make_doc("h", HANFORD))
    found = next(s for s in sentences if "often found the girls" in s.text)
    assert found.referent is None and "Pontecorvo" not in shown(found)
    assert needs_context(shown(found))  # not a candidate: the article does not settle "she" here


def test_a_reported_claims_pronoun_speaker_gets_its_articles_speaker_in_brackets():
    sentences = segment(make_doc("h", HANFORD))
    ring = next(s for s in sentences if s.text.startswith("The human trafficking"))
    assert shown(ring) == (
        "The human trafficking and prostitution ring went on for several weeks last spring, [Pontecorvo] said."
    )
    assert not needs_context(shown(ring))
    # The span contract: the slice is the source's own sentence; the bracket is the brief's.
    assert HANFORD[ring.start : ring.end] == ring.text


def test_a_he_is_never_the_woman_the_article_calls_she():
    # multinews-dev test0576 (d01), abridged: "He" is the sheriff; a brief printed "[Bunch] let go of her arm".
    text = (
        "A sheriff led Kristine Bunch, carrying her prison clothes in a Wal-Mart bag, out the door of the jail.\n\n"
        'He let go of her arm and then said quietly: "You\'re free."\n\n'
        "Bunch said she was initially in a state of shock upon being sentenced.\n\n"
        "While in prison, Bunch said she took part in Kairos prison ministry.\n\n"
        "First, Bunch said she wants to get reacquainted with her family.\n"
    )
    assert people(text)["Bunch"].pronoun == "she"
    assert segment(make_doc("d", text))[1].referent is None


def test_a_reported_claim_whose_speaker_the_article_does_not_settle_is_not_a_candidate():
    text = "Gov. Matt Bevin met Speaker Greg Stumbo in Frankfort on Monday.\n\nThe bill will not pass this year, he said.\n"
    said = segment(make_doc("k", text))[1]
    assert said.referent is None and needs_context(shown(said))


@pytest.mark.parametrize(
    "text",
    [
        "In response, Senate Republicans eliminated the filibuster for Supreme Court nominees.",
        "In fact, the agency had warned the company twice before the spill.",
        "As a result, thousands of flights were cancelled across the region on Friday.",
        "Still, the measure passed the House by a wide margin late on Thursday.",
        "Six of them were taken to the hospital with minor injuries, police said.",
        "The encounter lasted about ten minutes before the officers left the house.",
        "It says women should avoid eggs and meat during pregnancy.",
        "They were arrested at the border crossing late on Saturday night.",
        "“We just haven't come to a conclusion yet,” he said at the time.",
        "Both are among critics of May's Brexit deal with the European Union.",
        "Though a juvenile, she was tried as an adult for human trafficking and pimping.",
        "During that time, a mother of one of the victims was looking for her daughter.",
        "In them, Jerry Sandusky expressed little sympathy for the boys he was convicted of abusing.",
        # From briefs of multinews-dev stories a blind reader marked DR:
        "The sons, with attorney Alex Weingarten, have filed legal docs in Alan's probate case.",
        "To find out the effect of these substances on hangover severity, researchers recruited students.",
        "The president ignored this issue for almost an entire week.",
        "A spokesman said that decision does not let drivers off the hook.",
        "The cover of his books shows him sitting poolside as a child with his uncle.",
        "Judging from a quick glance at the replies on his Twitter page, it would appear many think so.",
        "The rest of the league probably doesn't want to picture it either.",
        "CNN host Piers Morgan just called to discuss his interview last night with Alex Jones.",
        "In an exclusive, expletive-filled interview with Vocativ on Thursday, the 18-year-old insisted it.",
        "Not if the bag keeps flying off the shelves, you won't.",
        "Yes, the body-count is very high, but a movie called Kick-Ass 2 has to do what it says on the tin.",
        "The duo has been longtime friends and has co-hosted the Potluck Dinner Party together since 2008.",
        '"I\'m baffled by this sudden announcement as nothing in this picture is new," the creator wrote.',
        "There, flashing up on the screen, was an Instagram photograph posted by his eldest son.",
        # Times relative to an event the brief does not tell (multinews-dev test4412, test0177, test4826):
        "A minute later she addressed a Tweet to “President Obama” and referred to her joke as inappropriate.",
        "Later that day, White House press secretary Sean Spicer reiterated Trump’s complaints.",
        "Hours later, hundreds tried to punch through the cordon of razor wire and riot police.",
        "Afterward, some historians theorize, large numbers of blacks chose the name Washington.",
        "The next day, the governor declared a state of emergency in three counties.",
        "By then, the fire had spread to more than 2,000 acres.",
        # A pronoun subject behind an opening phrase (test0080, long):
        "By the end of his fifth day, he was on the receiving end of what he called a leak about himself.",
        # A possessive in the subject (test2080):
        'The one great film of his work is the Coens\' "No Country for Old Men."',
        # A quotation that opened in the sentence before (test1745, the Daily Mail's single quotes):
        "I believe the drip, drip, drip of poison which started when they were kids finally took hold,’ he says.",
        "We are proud of the work we did there,” the company said in a statement.",
        # A condition, a comparison, an end or a place left in the sentence before (multinews-dev
        # test3501, test3882, test2080, test1745, test5170; a blind reader marked each DR):
        "If not, the waiting time for a final answer on whether the rover was safely on the surface could range from two to eight hours.",
        "Merriam-Webster tweeted: “More than that phrase from Gilmore Girls.”",
        "Fewer still will have read McCarthy's other works.",
        "Eventually, Bill says, the fiction became fact as first Kate, now 36, and then Oliver, 38, ‘drifted away’ from him.",
        "The woman escaped at a gas station there and he fled in her Jeep Liberty.",
        # A kind the sentence before described (test0333, test4361):
        "One such explosion, or possibly multiple explosions, that occurred roughly 13,800 years ago left a crater.",
        "Trees living in such conditions grow more slowly and are particularly sensitive to weather changes.",
    ],
)
def test_a_sentence_leaning_on_context_the_brief_does_not_give_is_caught(text):
    assert needs_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "This week, a survey will begin to map the underground features of Yellowstone National Park.",
        "So far, 12 people have died in the floods across the northern province.",
        "The video, posted Tuesday on YouTube, shows the officers chasing the man.",
        "Then-President Barack Obama signed the bill into law in 2010.",
        "Both sides agreed to resume talks in Geneva next month, the ministry said.",
        "When the storm hit on Sunday, the river rose six feet in two hours.",
        "Senate Republicans eliminated the filibuster for Supreme Court nominees in April 2017.",
        "[McConnell] said at the time that voters needed to help decide the question.",
        "The rate of cancer nearly doubles in those who both smoke and drink, according to new research.",
        "The two Koreas will field a combined women’s ice hockey team at the Olympics.",
        "Police said this year’s toll was the highest since 2001.",
        "Christensen, the 28-year-old student, was arrested in June in Champaign.",
        "President Trump went to war Wednesday with Nordstrom over its decision to stop carrying the line.",
        # Times relative to now or to an event the sentence names:
        "Later this year, the company will open its first store in Mumbai.",
        "Earlier on Tuesday, police closed the bridge to traffic.",
        "Two days after the shooting, the city held a vigil downtown.",
        "After the storm passed on Sunday, officials said power would return within days.",
        # A pronoun the sentence's own subject introduces (test1616's lead):
        "A mother is upset after she says her son’s toy came with racist instructions, telling him to shackle it.",
        # Single quotes opened and closed in the sentence, and apostrophes (test1745):
        "In a raw interview last night, Bill Hudson vowed to ‘break all ties’ with his eldest children.",
        "Oliver Hudson posted a picture of himself with Kurt Russell, adding the words: ‘Happy Father’s Day, Pa.’",
        "The parents’ house in Malibu was sold on Friday.",
        # A condition the sentence states, a count, a place it names, "there" that is not a place:
        "If Mrs May wins the confidence vote she cannot be challenged as Conservative leader for a year.",
        "More than 100 petitions have been sent to South Korea's presidential Blue House website.",
        "Reynolds is a third-generation employee of the Park Service who has worked there for more than 30 years.",
        "Officials said there were no injuries and the fire was out within an hour.",
        "The album debuted at number one and stayed up there for eight weeks.",
        'Snoop Dogg has had supporting and cameo roles in such films as "Training Day" and "Bruno."',
    ],
)
def test_a_sentence_that_stands_on_its_own_is_not_caught(text):
    assert not needs_context(text)


def test_in_response_is_never_selected_in_news():
    a = (
        "Justice Anthony Kennedy announced his retirement from the Supreme Court on Wednesday, officials said.\n\n"
        "In response, Senate Republicans eliminated the filibuster for Supreme Court nominees, officials said.\n\n"
        "Kennedy, 81, has been the court's swing vote on abortion and gay rights, aides said.\n\n"
        "President Donald Trump said he would name a replacement from a list of 25 judges soon.\n\n"
        "Democrats said the Senate should wait until after the November elections to vote.\n\n"
        "The court's term ended on Wednesday with a ruling upholding the president's travel ban.\n"
    )
    b = a.replace("on Wednesday", "Wednesday afternoon")
    brief = summarize_texts({"a": a, "b": b}, Options(mode=Mode.extractive, words=120))
    assert brief.sentences and not any("filibuster" in s.text for s in brief.sentences)


def test_a_surname_first_mentioned_in_the_brief_gets_its_articles_full_name_and_role():
    doc = make_doc(
        "a",
        "Sen. Susan Collins of Maine said on Sunday she would vote against the bill.\n\n"
        "Collins said the bill would cut Medicaid for millions of people in her state.\n\n"
        "Collins said she would not change her mind before the vote.\n",
    )
    sentences = segment(doc)
    brief = [BriefSentence(sentences[1].text, ("a",)), BriefSentence(sentences[2].text, ("a",))]
    shown = introduce(brief, [sentences[1], sentences[2]], [doc])
    assert shown[0].text.startswith("[Sen. Susan] Collins said the bill")
    assert shown[1].text.startswith("Collins said she")  # met once, named by surname after


def test_a_speaker_printed_before_a_quotation_is_introduced_without_brackets():
    doc = make_doc("a", SENATE)
    quote = next(s for s in segment(doc) if s.attribution)
    shown = introduce(
        [BriefSentence(f"{quote.attribution}: “{quote.text}.”", ("a",), attribution=quote.attribution)], [quote], [doc]
    )
    assert shown[0].text.startswith("Sen. Roy Blunt added: “I think")
    assert shown[0].attribution == "Sen. Roy Blunt added"


def test_the_lead_is_the_first_sentence_that_says_what_happened_not_a_quotation():
    doc = make_doc(
        "a",
        "“This is the worst flooding we have seen in fifty years,” Mayor Ana Ruiz said.\n\n"
        "Floods killed 12 people in the northern province of Luzon on Sunday, officials said.\n",
    )
    quote, fact = segment(doc)
    groups = [ScoredGroup(SentenceGroup(s, (s,)), 1.0) for s in (quote, fact)]
    assert [g.group.representative for g in lead_first(groups)] == [fact, quote]


@pytest.mark.parametrize(
    "opening",
    [
        # test3882: an article's own first sentence, leaning on the one before it in the page.
        "But Merriam-Webster has a less discussed word on its mind that is apparently also on the minds "
        "of many dictionary users: Fascism.",
        # test0080: a role for a person the article names later (Anthony Scaramucci).
        "The incoming White House communications director earned $4.9 million from his ownership stake in SkyBridge.",
        # test2080: a critic's verdict, talking to the reader.
        "\"The Road\" is a road you'll wish hadn't been taken.",
    ],
)
def test_a_lead_never_leans_on_what_comes_before_nor_leaves_out_who(opening):
    doc = make_doc(
        "a", f"{opening}\n\nFascism was Merriam-Webster's most-looked-up word of the year as of Nov. 29, 2016.\n"
    )
    first, fact = segment(doc)
    groups = [ScoredGroup(SentenceGroup(s, (s,)), 1.0) for s in (first, fact)]
    assert [g.group.representative for g in lead_first(groups)] == [fact, first]


def test_a_surname_two_people_of_one_article_share_is_nobodys_alone():
    text = (
        "Jerry Sandusky said in a letter from prison that he had done nothing wrong.\n\n"
        "His wife, Dottie Sandusky, said the family would appeal the ruling.\n\n"
        "Sandusky said he would keep fighting the charges.\n"
    )
    assert "Sandusky" not in people(text)
    assert segment(make_doc("s", text))[1].referent is None


# Two Multi-News articles (multinews-dev test0296, abridged): without a forced lead the brief
# opened on "The decision to seek the death penalty — …", a background sentence leaning on an
# announcement it never gave.
PROSECUTORS = """Federal prosecutors announced Friday they will seek the death penalty for a former University of Illinois graduate student accused of kidnapping, torturing and killing a visiting scholar from China in June.

In making the announcement, prosecutors alleged for the first time that Brendt Christensen “choked and sexually assaulted” another victim in 2013 in central Illinois.

Christensen, 28, who is being held without bond, had tentatively been set to go to trial Feb. 27 in federal court in Urbana on a charge of kidnapping resulting in a death stemming from the disappearance of 26-year-old Yingying Zhang, whose body has not been found.

The decision to seek the death penalty — which required the approval of U.S. Attorney General Jeff Sessions — means that the trial will likely be delayed for months.

The death penalty was abolished in Illinois state court in 2011 after years of allegations of deep flaws in the state’s justice system.

The last person to be sentenced to death in a federal courtroom in Illinois was Dr. Ronald Mikos, who was convicted in 2005 in Chicago of murdering a former patient to keep her from testifying against him in a Medicare fraud trial.

Mikos, 69, whose appeal to the U.S. Supreme Court was denied nearly a decade ago, is still awaiting execution in federal prison in Terre Haute, Ind., federal records show.
"""
COURT = """The Supreme Court won't get involved in a death penalty case in which a convicted killer in Illinois complained that prosecutors focused the jury's attention on the fact that he never testified on his own behalf.

The court did not comment on its action Monday to leave in place the conviction and sentence of Ronald Mikos, a foot doctor who was facing allegations of Medicare fraud.

Mikos's lawyer said his silence did not show a lack of remorse and objected to the prosecution's tactic of using it against him.

The 7th U.S. Circuit Court of Appeals in Chicago upheld the sentence.
"""


def test_a_news_brief_opens_on_an_articles_lead_not_on_background():
    brief = summarize_texts({"a": PROSECUTORS, "b": COURT}, Options(mode=Mode.extractive, words=60))
    assert brief.sentences[0].text.startswith(("Federal prosecutors announced Friday", "The Supreme Court won't"))


@pytest.mark.parametrize(
    "text",
    [
        "Children: Goldie Hawn pictured with her daughter, Kate Hudson, (left) and son Oliver Hudson, (right)",
        "Brie Larson burst onto the scene with her critically acclaimed performance in.",
        "WITH: Julia Roberts (the Queen), Lily Collins (Snow White), Armie Hammer (Prince Alcott).",
        "Screenplay by Marc Klein and Jason Keller, based on stories by the Brothers Grimm.",
        "Relativity Media presents a film directed by Tarsem Singh.",
        "“Mirror Mirror” is rated PG (Parental guidance suggested).",
        'Tweet View Comments "Next Tuesday, Gov. Huntsman will boycott the Nevada debate," said Matt David.',
    ],
)
def test_captions_credits_and_cut_off_lines_are_furniture(text):
    assert furniture(text)


def test_a_sentence_is_not_furniture_for_a_word_it_shares_with_a_caption():
    assert not furniture("Snoop Dogg received a star on the Hollywood Walk of Fame, pictured by fans on Monday.")
    assert not furniture("The film is due out in theaters on Aug. 16, the studio said.")


# multinews-dev test3098, abridged: a cancer study and a hangover feature in one cluster.
STUDY = (
    "The rate of developing esophageal squamous cell carcinoma nearly doubles in those who both smoke and drink "
    "compared to those who only smoke or drink, according to new research. Researchers at the University of "
    "Michigan looked at studies of esophageal cancer that assessed the effects of tobacco and alcohol. Smokers "
    "who drink have the highest risk of esophageal squamous cell carcinoma, the study found."
)
HANGOVER = (
    "Grape or grain, but never the twain. So runs the old folk wisdom that advises against drinking wine or beer "
    "on the same night. In a study of young Danes on holiday, almost a third of those who consumed at least 12 "
    "units of alcohol avoided hangovers. Mixing drinks needn't increase the overall amount of alcohol consumed."
)
STUDY_TOO = (
    "People who smoke and drink have nearly twice the risk of esophageal squamous cell carcinoma of those who only "
    "smoke or drink, a new analysis of studies from the University of Michigan found."
)


def test_an_article_on_something_else_is_off_the_story_of_the_lead():
    assert on_story({"a": STUDY, "b": HANGOVER, "c": STUDY_TOO}, "a") == {"a", "c"}


def test_a_given_name_alone_gets_the_surname_its_article_gives():
    # multinews-dev test0907: a blind reader marked "Alan" as a name never introduced.
    doc = make_doc(
        "a",
        "Alan Thicke's sons believe their dad's third wife is making moves to get more of his estate.\n\n"
        "The sons have filed legal docs in Alan's probate case, claiming his widow is overreaching.\n\n"
        "Alan Thicke died in December at the age of 69.\n",
    )
    sentences = segment(doc)
    shown = introduce([BriefSentence(sentences[1].text, ("a",))], [sentences[1]], [doc])
    assert "in Alan [Thicke]'s probate case" in shown[0].text
    # Once the brief has given the full name, the given name alone is enough.
    both = introduce([BriefSentence(s.text, ("a",)) for s in sentences[:2]], sentences[:2], [doc])
    assert "in Alan's probate case" in both[1].text


def test_a_given_name_the_article_names_in_full_only_once_is_left_alone():
    doc = make_doc("a", "Oh Bill, what have you done, the headline asked.\n\nBill said he would not comment on it.\n")
    sentences = segment(doc)
    shown = introduce([BriefSentence(sentences[1].text, ("a",))], [sentences[1]], [doc])
    assert shown[0].text == sentences[1].text


def test_a_surname_after_according_to_is_introduced():
    doc = make_doc(
        "a",
        "Biographer Ron Chernow said Washington pursued the woman for years.\n\n"
        "According to Chernow's book, the plot failed in New Hampshire in 1796.\n",
    )
    sentences = segment(doc)
    shown = introduce([BriefSentence(sentences[1].text, ("a",))], [sentences[1]], [doc])
    assert shown[0].text.startswith("According to [Biographer Ron] Chernow's book") or shown[0].text.startswith(
        "According to [Ron] Chernow's book"
    )


def test_a_surname_inside_a_clause_or_a_possessive_is_introduced():
    # multinews-dev test0576, abridged: only the other article gives "Kristine Bunch" as a person.
    a = make_doc(
        "a",
        "Kristine Bunch walked free from jail Wednesday after 16 years, her lawyers said.\n\n"
        "Bunch said she was grateful to the Center on Wrongful Convictions.\n",
    )
    b = make_doc(
        "b",
        "A mom jailed since 1996 walked free Wednesday.\n\n"
        "Authorities say Bunch set fire to her mobile home in a blaze that killed her 3-year-old son, Tony.\n\n"
        "The Center on Wrongful Convictions took up Bunch's case in 2007, a bunch of lawyers said.\n",
    )
    say, case = segment(b)[1:]
    brief = [BriefSentence(say.text, ("b",)), BriefSentence(case.text, ("b",))]
    shown = introduce(brief, [say, case], [a, b])
    assert shown[0].text.startswith("Authorities say [Kristine] Bunch set fire")
    assert "took up Bunch's case" in shown[1].text  # introduced once, in the first sentence


def test_a_surname_after_an_article_is_a_modifier_not_the_person():
    doc = make_doc("a", "President Barack Obama said the plan would work, Obama said on Monday.\n")
    (s,) = segment(doc)
    brief = [BriefSentence("Critics say the Obama administration's plan failed.", ("a",))]
    assert introduce(brief, [s], [doc])[0].text == "Critics say the Obama administration's plan failed."


def test_a_titled_name_is_a_person_though_the_article_writes_its_surname_in_lower_case():
    # multinews-dev test2997: "Dallas Bishop Edward Burns", in an article that also says "burns".
    text = (
        "Dallas Bishop Edward Burns said the priest had fled the country, and the church burns with anger.\n\n"
        "Burns decided to disclose the allegations to parishioners on Sunday.\n"
    )
    assert people(text)["Burns"].name == "Edward Burns"


def test_a_thing_the_brief_never_told_is_not_opened_on_as_known():
    # multinews-dev test0319 and test5041: "The report …", "The case …" with no report or case before.
    assert unintroduced("The report suggested that the government stop using contractors so routinely.", []) == "report"
    told = ["Almario was tried as an adult in the case, the court said."]
    assert unintroduced("The case was surprising for the city, Pontecorvo said.", told) is None
    assert unintroduced("The case was surprising for the city, Pontecorvo said.", ["Almario was sentenced."]) == "case"
    assert unintroduced("The report by the inspector general found waste in Iraq.", []) is None


def test_a_news_brief_leaves_out_a_sentence_opening_on_something_it_never_told():
    a = (
        "A federal commission said on Monday that contractors in Iraq and Afghanistan wasted $30 billion, officials said.\n\n"
        "The report suggested that the government stop using contractors so routinely, officials said.\n\n"
        "Sen. James Webb said the proposals deserve attention from Congress, officials said.\n\n"
        "Since 2002 the United States has spent $117 billion on contractors in Iraq and Afghanistan, officials said.\n"
    )
    b = a.replace("on Monday", "Monday afternoon")
    brief = summarize_texts({"a": a, "b": b}, Options(mode=Mode.extractive, words=60))
    texts = [s.text for s in brief.sentences]
    assert texts and not any(t.startswith("The report") for t in texts)


# multinews-dev test4656, abridged: two film reviews (articles, not in the reporters' voice); a
# brief once showed "This is the last film for … Eiko Ishioka, who died in January." with no film before.
REVIEW = (
    "Mirror Mirror retells the Snow White story with a girl-power twist and a wicked sense of fun. "
    "Julia Roberts plays the vain Queen who rules a bankrupt kingdom and taxes her peasants into misery. "
    "Lily Collins plays Snow White, a princess locked away in the castle until her eighteenth birthday. "
    "Armie Hammer plays Prince Alcott, who is robbed in the woods by seven dwarfs on stilts. "
    "The dwarfs teach Snow White to fight with swords, and she leads them against the Queen's guards. "
    "Director Tarsem Singh fills the screen with bright colors, huge sets and elaborate costumes. "
    "This is the last film for Oscar-winning Japanese costume designer Eiko Ishioka, who died in January. "
    "Nathan Lane plays the Queen's servant Brighton, who is turned into a cockroach for a while. "
    "The Queen plans to marry the prince for his money and uses a love potion on him at a ball. "
    "The film ends with a song and dance number in which the whole cast sings in Bollywood style. "
    "Sean Bean appears late in the story as the King, who was lost in the forest years before. "
    "Children in the audience laughed at the dwarfs and at the prince, who spends a scene shirtless. "
)


def test_a_brief_from_reviews_that_are_articles_leaves_out_what_leans_on_context():
    other = REVIEW.replace("Mirror Mirror retells", "The new movie Mirror Mirror retells")
    brief = summarize_texts({"a": REVIEW, "b": other}, Options(mode=Mode.extractive, words=200))
    texts = [s.text for s in brief.sentences]
    assert len(texts) >= 8 and not any(t.startswith("This is the last film") for t in texts)


def test_a_surname_as_a_modifier_does_not_introduce_the_person():
    # multinews-dev test2277: after "The Olsen twins said …", "Olsen said: …" could be either twin.
    doc = make_doc(
        "a",
        "The Olsen twins said their $39,000 backpack is selling out at Barneys New York.\n\n"
        "Former child actress Ashley Olsen told Women's Wear Daily that The Row was scrambling to keep up.\n\n"
        '"It was the first thing that sold off the shelf," she said.\n',
    )
    twins, _, quote = segment(doc)
    assert quote.attribution == "Olsen said"
    brief = [
        BriefSentence(twins.text, ("a",)),
        BriefSentence(f"{quote.attribution}: “{quote.text}”", ("a",), attribution=quote.attribution),
    ]
    shown = introduce(brief, [twins, quote], [doc])
    # With the role the article gives before her name (a role in lower case is hers too).
    assert shown[1].text.startswith("Former child actress Ashley Olsen said: “It was")


# multinews-dev test1616, abridged: two outlets' leads tell one fact in other words.
TOY_A = """A Playmobil pirate ship set has sparked a firestorm over a figurine that resembles an African American slave wearing a neck shackle.

Ida Lockett of Sacramento said her 5-year-old son received the toy as a birthday present from his aunt.

Lockett said the set was a gift from the boy’s aunt, who purchased it from Toys R Us in Sacramento.

Sacramento NAACP President Stephen Webb said he wants the toy banned from stores across the country.
"""
TOY_B = """A mother is upset after she says her son’s toy came with racist instructions, telling him to shackle a dark-skinned character that appeared to be a slave.

Ida Lockett was happy for her son after he received a Playmobil pirate ship for his fifth birthday.

The Sacramento NAACP is demanding that the Playmobil pirate ship be pulled from toy store shelves.
"""


def test_once_a_brief_has_its_lead_another_articles_lead_is_not_shown_too():
    brief = summarize_texts({"a": TOY_A, "b": TOY_B}, Options(mode=Mode.extractive, words=100))
    opening = ("A Playmobil pirate ship set", "A mother is upset")
    assert brief.sentences[0].text.startswith(opening)
    assert not any(s.text.startswith(opening) for s in brief.sentences[1:])


def test_a_post_signed_with_a_handle_is_not_shown_under_the_handle():
    # multinews-dev test0794: "STVN tweeted: …" names no one a reader has met (the article has Stevie Johnson).
    article = (
        "Buffalo Bills wide receiver Stevie Johnson joked on Twitter on Wednesday about North Korea's nuclear threats.\n\n"
        "War is nothing to be played with. I apologize North Korea but if y'all do bomb 1st, bomb Foxboro, Mass. "
        "— STVN (@StevieJohnson13) April 3, 2013\n\n"
        "Johnson later said he has much respect for the New England Patriots and every other team in the league.\n"
    )
    brief = summarize_texts({"a": article}, Options(mode=Mode.extractive, words=200))
    assert brief.sentences and not any((s.attribution or "").startswith("STVN") for s in brief.sentences)


# Surnames of more than one plain word (multinews-dev test0023, test2080, test2114): each is
# introduced by the full name its article gives, on first mention.
@pytest.mark.parametrize(
    "article, sentence, shown",
    [
        (
            "It’s a moot point because “if anybody gets close to it they will be run off,” said Bob Van Camp, "
            "known locally as “Digger Bob.”\n\n"
            "As for the spillway debris, Van Camp said he believes there is a gold vein that runs south.\n",
            1,
            "As for the spillway debris, [Bob] Van Camp said he believes",
        ),
        (
            "The film stars Viggo Mortensen and young Kodi Smit-McPhee as father-and-son survivors.\n\n"
            "The unborn child is a young boy (Australian actor Smit-McPhee) and the world has changed.\n\n"
            "The casting of Mortensen and Smit-McPhee is one of the film's strengths.\n",
            2,
            "The casting of Mortensen and [Kodi] Smit-McPhee is",
        ),
        (
            "Leno himself was criticized for that January 2010 standoff with Conan O’Brien. "
            "He resumed hosting in 2010.\n\n"
            "When his ratings dipped, O’Brien was asked to move The Tonight Show’s time slot later.\n",
            2,
            "When his ratings dipped, [Conan] O’Brien was asked",
        ),
        (
            "“Miner Gary” Thomas said he always finds at least a little gold here on his property.\n\n"
            "Thomas runs tour groups through his property and said now is the optimum time for gold hunting.\n",
            1,
            "[Gary] Thomas runs tour groups",
        ),
    ],
)
def test_a_surname_of_particles_hyphens_apostrophes_or_after_a_descriptor_is_introduced(article, sentence, shown):
    doc = make_doc("a", article)
    sentences = segment(doc)
    brief = [BriefSentence(sentences[sentence].text, ("a",))]
    assert introduce(brief, [sentences[sentence]], [doc])[0].text.startswith(shown)


def test_a_full_name_the_brief_gives_gets_no_role_in_brackets_before_it():
    # test2080: "[Author] Cormac McCarthy's novel" read as an editing slip; the full name introduces him.
    doc = make_doc(
        "a",
        "Author Cormac McCarthy said he never watched the film.\n\n"
        '"The Road" evokes the images and the characters of Cormac McCarthy\'s novel.\n',
    )
    sentences = segment(doc)
    brief = [BriefSentence(sentences[1].text, ("a",))]
    assert introduce(brief, [sentences[1]], [doc])[0].text == sentences[1].text


def test_a_surname_opening_a_claimed_clause_is_introduced_from_another_article():
    # test2534: "insist Swonger took …", where only another article gives "Dallas Swonger".
    named = make_doc("a", "Dallas Swonger wants the world to know one thing.\n\n“It was a mistake,” Swonger says.\n")
    doc = make_doc("b", "Water Bureau officials, however, insist Swonger took a leak in the reservoir.\n")
    sentence = segment(doc)[0]
    shown = introduce([BriefSentence(sentence.text, ("b",))], [sentence], [doc, named])
    assert shown[0].text == "Water Bureau officials, however, insist [Dallas] Swonger took a leak in the reservoir."


def test_a_surname_after_a_preposition_and_before_a_time_is_the_person():
    # test0410: "opened for Miles on Monday", where the article has "Shermain Miles read her Bible …".
    doc = make_doc(
        "a",
        "Shermain Miles read her Bible on the train.\n\n“I got a lawyer to sue y’all,” Miles said.\n\n"
        "The metal doors to Logan Correctional Center opened for Miles on Monday, after she served a year.\n",
    )
    sentence = segment(doc)[2]
    shown = introduce([BriefSentence(sentence.text, ("a",))], [sentence], [doc])
    assert "opened for [Shermain] Miles on Monday" in shown[0].text


# multinews-dev test0080 (d02) and test1902 (d02), abridged: "the disclosure form" and "the prom"
# point back at what their articles told before; a brief that never told it leaves them out.
DISCLOSURE = [
    "Anthony Scaramucci finally has his White House job, but he still stands to profit from SkyBridge.",
    "He earned $4.9 million from SkyBridge, according to a financial disclosure filed with the Office of Government Ethics.",
]
FORM = "The disclosure form, which is publicly available upon request, hasn’t been previously reported."
PROM = [
    "The 17-year-old boy who went missing Friday night after the Orofino High School prom is still missing.",
    "Kristian Perez apparently left the prom at about 9:30 p.m. on Friday, according to his family.",
]
ARMORY = "A canine tracking team indicated Kristan may have walked west from the National Guard Armory where the prom was held."


def test_a_definite_phrase_its_article_told_before_needs_the_brief_to_tell_it_too():
    lead = [
        "In the five days since he was named White House communications director, Anthony Scaramucci has vowed to hunt down leakers."
    ]
    assert untold_reference(FORM, DISCLOSURE, lead) == "form"
    assert untold_reference(FORM, DISCLOSURE, [*lead, DISCLOSURE[1]]) is None  # the brief told the disclosure
    assert (
        untold_reference(
            ARMORY, PROM, ["OPD reports 17 year old Kristian Perez was located at a residence in Orofino."]
        )
        == "prom"
    )
    assert untold_reference(ARMORY, PROM, [PROM[0]]) is None


def test_a_definite_phrase_its_article_first_mentions_there_introduces_it():
    # "the prom" where the article had none before; "The White House" and "The Tonight Show": names.
    assert untold_reference(ARMORY, ["Kristian Perez has been missing since Friday night."], []) is None
    assert untold_reference("The White House said Scaramucci would stay on.", DISCLOSURE, []) is None
    assert untold_reference("The Tonight Show has cut its budget.", ["The Tonight Show is NBC's."], []) is None
    assert untold_reference("On Friday, the prom ended early.", PROM, []) == "prom"  # the subject after a time


def test_a_news_brief_leaves_out_a_sentence_pointing_back_at_what_it_never_told():
    a = (
        "Anthony Scaramucci, the new White House communications director, earned $4.9 million from SkyBridge Capital, officials said.\n\n"
        "He earned it from his ownership stake, according to a financial disclosure filed with the Office of Government Ethics.\n\n"
        "The disclosure form, which is publicly available upon request, has not been previously reported by the press.\n\n"
        "Scaramucci vowed on Thursday to fire every White House staff member who leaks to reporters, officials said.\n"
    )
    b = a.replace("on Thursday", "late on Thursday")
    brief = summarize_texts({"a": a, "b": b}, Options(mode=Mode.extractive, words=45))
    texts = [s.text for s in brief.sentences]
    assert len(texts) == 2 and not any(t.startswith("The disclosure form") for t in texts)


def test_an_opening_clause_whose_pronoun_the_brief_would_misread_is_caught():
    # multinews-dev test0023 (Curtis Barwick, d03) and test2114 (d02: "his" is Leno's).
    barwick = ["Curtis Barwick was in Oroville Saturday.", "“The odds are greater than winning the lottery,” he said."]
    assert unnamed_in_clause(
        "Even on days when he only finds a few flakes, it’s fun to turn over rocks and sand.", barwick
    )
    leno = ["He ended hosting in 2009 when Conan O’Brien started.", "Leno was going to be paid for all of 2009 by NBC."]
    dipped = "When his ratings dipped, O’Brien was asked to move The Tonight Show‘s time slot later."
    assert unnamed_in_clause(dipped, leno)
    # Right after the article's sentence on the person the main clause names, the pronoun is theirs.
    assert not unnamed_in_clause(dipped, [*leno, "O’Brien's show started in June."])
    assert not unnamed_in_clause("If she loses the vote, May must step down.", ["Theresa May faces a vote Wednesday."])
    assert not unnamed_in_clause(
        "In the five days since he was named, Anthony Scaramucci has vowed to hunt leakers.", []
    )


# multinews-dev test1745, abridged: Bill Hudson's estrangement from his children (an interview that
# opens on a quotation, so no article's first sentence can lead the brief), and a profile of Brie
# Larson, whose father also left. The Hudson article still says what the story is.
HUDSON = (
    "“I had five birth children but I now consider myself a father of three,” Bill Hudson said. "
    "Bill Hudson vowed to break all ties with his eldest children, the actors Kate Hudson and Oliver Hudson, "
    "in an interview with The Mail on Sunday. "
    "Oliver Hudson posted a picture of himself with Kurt Russell on Father's Day, his mother's partner of decades. "
    "Kate Hudson posted a photograph of herself with Kurt Russell, thanking him on Father's Day. "
    "Bill Hudson said the children had drifted away from him and rejected his pleas to remain part of their lives. "
    "Bill Hudson married Goldie Hawn in 1976, and the couple divorced in 1982, when the children were small. "
    "Bill Hudson said he now lives in California with his wife and his three younger children."
)
LARSON = (
    "“I don't think he ever really wanted to be a parent,” Brie Larson said. "
    "Larson's parents divorced when she was ten years old, and by the time she was 26, she hadn't seen or spoken "
    "to her dad in more than ten years. "
    "In an interview with Elle in 2016, the actress said she drew on her own tough childhood for her work."
)


def test_with_no_article_lead_to_lead_the_most_central_article_still_says_what_the_story_is():
    brief = summarize_texts({"a": HUDSON, "b": LARSON}, Options(words=80))
    assert brief.sentences
    assert all("Larson" not in s.text and list(s.citations) == ["a"] for s in brief.sentences)


# multinews-dev test1109: a pension story; the lawyer's no-comment came from another outlet's
# story on another thread, and read as his silence where another article has him vowing to fight.
SANDUSKY = (
    "Pennsylvania's public employee pension system said Wednesday it will revoke Jerry Sandusky's $59,000 annual "
    "pension in the wake of his conviction. The State Employees' Retirement System notified Sandusky by letter "
    "that his crimes triggered forfeiture of his pension, the system said. Karl Rominger, a lawyer for Sandusky, "
    "did not respond to a request for comment. The former Penn State assistant football coach was sentenced "
    "Tuesday to at least 30 years in prison, prosecutors said."
)


def test_a_no_comment_line_is_not_a_sentence_of_a_news_brief():
    assert no_comment("Karl Rominger, a lawyer for Sandusky, did not respond to a request for comment.")
    # Joined to a fact, the sentence tells the fact.
    assert not no_comment("Mosby did not return a call, but her office confirmed it had received the file.")
    brief = summarize_texts({"a": SANDUSKY}, Options(words=80))
    assert brief.sentences
    assert all("comment" not in s.text for s in brief.sentences)


# multinews-dev test4840 (d01), test2464 (d02), test3340 (d02) and test5590 (d04), abridged: a
# definite phrase outside the subject that points back at what only its article told.
BACKLOG = [
    "Several crashes involving as many as 100 cars shut down the Pennsylvania Turnpike for most of the day.",
    "The tractor-trailer blocking all eastbound lanes was moved to allow trapped backlog to get past the scene.",
]
REMAINED = "Disabled commercial vehicles remained, but all passenger vehicles in the backlog had been removed."
AMS = [
    "The project, a pension system for federal employees, went to American Management Systems.",
    "AMS was fired in 2001 after going $60 million over budget and never delivering a workable system.",
]


def test_a_definite_object_its_article_told_before_needs_the_brief_to_tell_it_too():
    lead = [BACKLOG[0]]
    assert untold_reference(REMAINED, BACKLOG, lead) == "backlog"
    assert untold_reference(REMAINED, BACKLOG, BACKLOG) is None  # the brief shows the sentence before
    settled = "AMS had settled lawsuits arising from the project in 2003."
    assert untold_reference(settled, AMS, ["CGI Federal won the job because of its proposal."]) == "project"
    bag = ["I also used the extended handle on my computer bag and taped the iPhone to my handle."]
    assert untold_reference("I would tuck different stuff under the bag to get the right angle.", bag, []) == "bag"


def test_a_shell_noun_points_back_at_what_its_article_said_in_other_words():
    before = ['Jim Carrey has distanced himself from the upcoming release "Kick-Ass 2" because of its violent content.']
    carrey = "Carrey used his Twitter account to pass along the message to his over 10,863,000 followers."
    assert untold_reference(carrey, before, ["Jim Carrey plays Colonel Stars and Stripes in the film."]) is not None
    # test4656 (d02): the answer to the article's opening question.
    asked = ["Can Snow White survive yet another retelling?"]
    answer = "The answer, from the evidence of Tarsem Singh’s “Mirror Mirror,” is yes, but not persuasively."
    assert untold_reference(answer, asked, ["Julia Roberts plays the Queen in Mirror Mirror."]) is not None
    # test4035 (d01): the claim stands two sentences back, and the brief shows it.
    huntsman = [
        "Huntsman has accused Romney of urging Nevada officials to take the earlier caucus date.",
        "Nevada, with its significant Mormon population, looks to be an easy win for Romney.",
    ]
    denied = "The Romney camp has denied the allegations and said it hopes New Hampshire keeps its primary."
    assert untold_reference(denied, huntsman, [huntsman[0]]) is None
    assert untold_reference(denied, huntsman, ["Jon Huntsman will boycott the debate in Las Vegas."]) is not None


def test_a_credit_and_the_story_s_own_person_are_not_dangling_objects():
    # test0080: "… according to the filing"; test3211: "said the man was arrested".
    filing = ["Scaramucci's financial filing was released Friday by the Office of Government Ethics."]
    made = "Scaramucci made $5 million in salary in the first six months of this year, according to the filing."
    assert untold_reference(made, filing, ["Anthony Scaramucci has vowed to hunt down leakers."]) is None
    man = ["Police said a man was arrested on Thursday in a Paris suburb."]
    said = "Thibault-Lecuivre said the man was arrested in the Argenteuil suburb Thursday."
    assert untold_reference(said, man, ["A suspected extremist has been charged with plotting to kill Macron."]) is None


def test_lines_that_lean_on_an_untold_fact_are_not_news_candidates():
    # test0080 and test1109: a no-comment line; test1745: "too"; test1397: "After,"; test3340: a
    # quotation opening on "Then".
    assert needs_context("Treasury spokeswoman Marisol Garibay did not respond to requests for comment.")
    assert needs_context("Karl Rominger, a lawyer for Sandusky, did not respond to a request for comment.")
    assert not needs_context("Police said the suspect did not respond to commands and was shot.")
    assert not needs_context("The company confirmed the layoffs but declined to comment further.")
    # test1616 (d02)
    assert needs_context(
        "CBS13 reached out to the toy’s maker, Playmobil, and the retailer who sold it, Toys ‘R’ Us, but neither responded."
    )
    assert needs_context("Oliver [Hudson], too, posted a picture of himself with Kurt [Russell].")
    assert needs_context("After, the star was unveiled, the 2,651st on the famed walk.")
    assert not needs_context("After the ceremony, the star was unveiled, the 2,651st on the famed walk.")
    assert needs_context("Dunn said: “Then I would put it on the moving walkway for a dolly shot.”")
    assert not needs_context("Dunn said: “I would put my phone on the moving walkway for a dolly shot.”")


# multinews-dev test1109, abridged: CNN's highlight lines above its first sentence (no full stop, so
# not read as the article's first sentence) told the news again beside the pension article's lead.
PENSION = (
    "Pennsylvania's public employee pension system said Wednesday it will revoke Jerry Sandusky's $59,000 annual "
    "pension in the wake of his conviction and sentence in the child sexual abuse scandal.\n\n"
    "The State Employees' Retirement System notified Sandusky by letter that his crimes triggered forfeiture of his "
    "pension, the system said.\n\n"
    "Sandusky's lawyer, Karl Rominger, said Sandusky would fight the revocation because it had no legal grounds.\n"
)
HIGHLIGHTED = (
    "Story highlights In letters to judge, Sanduskys portray themselves as virtuous victims\n\n"
    "The letters all but guaranteed a maximum punishment, legal observers say\n\n"
    '"Sentencing is a time to ask for mercy, not to attack others," one expert says\n\n'
    "When all was said and done, Jerry and Dottie Sandusky did not ask the judge for mercy before his sentencing.\n\n"
    "Jerry Sandusky was sentenced Tuesday to at least 30 years in prison for sexually abusing 10 boys, prosecutors "
    "said.\n\n"
    "In letters to Judge John Cleland, Dottie Sandusky wrote that her husband was the victim of a conspiracy.\n"
)


@pytest.mark.parametrize("words", [60, 100])
def test_a_highlight_line_above_an_articles_first_sentence_is_not_shown_beside_the_lead(words):
    brief = summarize_texts({"a": PENSION, "b": HIGHLIGHTED}, Options(mode=Mode.extractive, words=words))
    assert brief.sentences[0].text.startswith("Pennsylvania's public employee pension system")
    assert not any(s.text.endswith("one expert says") for s in brief.sentences)


def test_a_participles_shell_noun_points_back_though_its_possessive_points_forward():
    # multinews-dev test1745 (d01): the Father's Day post the message was is in the sentences before.
    before = ["It was the caption beneath the photograph that cut Bill’s heart to the quick."]
    message = "Addressing his message to his sister, Oliver wrote: ‘Happy Abandonment Day....@katehudson.’"
    assert untold_reference(message, before, []) == "messag"
    assert untold_reference(message, before, ["Oliver Hudson posted a message on Father's Day."]) is None
    resign = "Announcing his decision to resign, the mayor said he would leave office in May."
    assert untold_reference(resign, before, []) is None  # the infinitive says which decision


def test_a_bare_definite_subject_the_brief_never_named_is_caught():
    # multinews-dev test3882 and test4656: which team, which story? The article's headline or a
    # sentence the brief does not show said it.
    told = ["Fascism was Merriam-Webster's most-looked-up word of the year."]
    assert untold_subject('The team are trying to streamline support to dethrone "fascism."', told) == "team"
    assert (
        untold_subject('The team are trying to dethrone "fascism."', ["The dictionary's social team tweeted."]) is None
    )
    assert untold_subject("The story gets a 2012 girl-power update: no more waiting for a prince.", []) == "stori"
    # test1745: the replacement the rule first let in; the subject after an opening phrase.
    anguish = "For Bill, the anguish slowly turned to anger as the headlines raged."
    assert untold_subject(anguish, ["Bill Hudson said his children had cut him off."]) == "anguish"
    assert untold_subject("The Senate passed the bill on Tuesday.", []) is None  # a name introduces itself
    assert untold_subject("“The government continues to struggle,” says Stan Soloway.", []) is None  # his words


def test_another_needs_a_first_one_the_brief_told():
    # multinews-dev test4656 (d02): no makeover before this one in the brief.
    makeover = "(In June the fairy tale gets another makeover in “Snow White and the Huntsman.” )"
    assert untold_another(makeover, ["Mirror Mirror opens Friday."]) == "makeov"
    assert untold_another(makeover, ["Mirror Mirror is a makeover of the Snow White tale."]) is None
    crews = "Other crews were removing small portions of the concrete median."  # test4840
    assert untold_another(crews, ["A crash closed the turnpike."]) == "crew"
    assert untold_another(crews, ["Crews worked through the night."]) is None
    assert untold_another("Ma Ying-jeou is barred from serving another year in office.", []) is None  # a time
    assert untold_another("Ma Ying-jeou is constitutionally barred from another term.", []) is None  # test3459


def test_a_news_brief_leaves_out_a_sentence_on_a_team_it_never_named():
    # As "The team are trying to streamline support …" (test3882): no team named before it.
    a = (
        "A federal commission said on Monday that contractors in Iraq and Afghanistan wasted $30 billion, officials said.\n\n"
        "The team suggested that the government stop using contractors so routinely, officials said.\n\n"
        "Sen. James Webb said the proposals deserve attention from Congress, officials said.\n\n"
        "Since 2002 the United States has spent $117 billion on contractors in Iraq and Afghanistan, officials said.\n"
    )
    b = a.replace("on Monday", "Monday afternoon")
    brief = summarize_texts({"a": a, "b": b}, Options(mode=Mode.extractive, words=60))
    texts = [s.text for s in brief.sentences]
    assert texts and not any(t.startswith("The team") for t in texts)
