import pytest

from summarize.options import LENGTH_RANGES, Length, Options
from summarize.pipeline.dedup import deduplicate
from summarize.pipeline.rank import score_groups
from summarize.pipeline.segment import segment_documents
from summarize.pipeline.select import select
from summarize.text.quality import attributed, opinion
from summarize.text.words import content_terms, count_words

from .conftest import make_doc, seed_text

STORY = [
    "The city council approved the new transit budget on Tuesday after a long debate.",
    "Council members said the budget adds twelve bus routes across the eastern districts.",
    "This time, the council finally did the right thing.",
    "Will the buses really arrive on time?",
    "Mayor Ana Ruiz told reporters the routes would start running in early spring.",
    "Transit officials said fares would stay at two dollars for the coming year.",
    "Opponents argued the plan spends too much on diesel buses instead of electric ones.",
    "The budget passed by a vote of seven to four, the city clerk said.",
]


def brief_groups(texts_by_doc, options=Options()):
    docs = [make_doc(f"d{i}", "\n".join(t)) for i, t in enumerate(texts_by_doc)]
    dedup = deduplicate(docs, segment_documents(docs), options)
    scored, vectors = score_groups(dedup.groups, len(docs), dedup.spun_documents)
    return scored, select(scored, vectors, options)


def test_attributed_reporting_scores_above_commentary_and_questions():
    assert attributed(STORY[4]) and attributed(STORY[5]) and not attributed(STORY[2])
    assert opinion(STORY[2]) > 0 and opinion(STORY[3]) > 0 and opinion(STORY[4]) == 0
    scored, _ = brief_groups([STORY])
    score = {s.group.representative.text: s.score for s in scored}
    assert score[STORY[2]] < score[STORY[1]]
    assert score[STORY[3]] < score[STORY[5]]


@pytest.mark.parametrize("length", list(Length))
def test_selection_respects_each_length_budget(length):
    seeds = [seed_text(p).splitlines() for p in ("000", "001", "002", "003", "004")]
    _, selected = brief_groups(seeds, Options(length=length))
    words = sum(count_words(s.group.representative.text) for s in selected)
    low, high = LENGTH_RANGES[length]
    assert low <= words <= high


def test_exact_word_budget_is_never_exceeded():
    _, selected = brief_groups([STORY], Options(words=40))
    assert 0 < sum(count_words(s.group.representative.text) for s in selected) <= 40


def test_no_two_selected_sentences_say_the_same_thing():
    echo = [s.replace("said", "told reporters") for s in STORY]
    _, selected = brief_groups([STORY, echo], Options(length=Length.medium))
    texts = [s.group.representative.text for s in selected]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            shared = set(content_terms(a)) & set(content_terms(b))
            assert len(shared) / min(len(set(content_terms(a))), len(set(content_terms(b)))) < 0.6


def test_selected_sentences_come_in_reading_order():
    _, selected = brief_groups([STORY], Options(length=Length.medium))
    positions = [min(m.position for m in s.group.members) for s in selected]
    assert positions == sorted(positions)


def test_commentary_and_questions_are_left_out_of_a_short_brief():
    _, selected = brief_groups([STORY])
    texts = {s.group.representative.text for s in selected}
    assert STORY[2] not in texts and STORY[3] not in texts
