"""Select the brief's sentences: the set that covers the most of what the story's sources agree
on, within the word budget (Gillick & Favre's concept coverage, plus each sentence's salience).

The objective and its terms are explained in README.md ("How sentences are selected"); the
integer programme itself is `coverage.py`, the concepts `concepts.py`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..editing.anaphora import unnamed_in_clause, untold_another, untold_reference, untold_subject
from ..editing.context import addresses_reader, furniture, needs_context, unintroduced, unnamed_role
from ..editing.repeats import same_fact_pairs
from ..editing.story import no_comment, on_story
from ..editing.subjectivity import argues, judging_words, own_voice_articles
from ..options import Options
from ..text.quality import attributed, first_person, form_flaws, instruction_like, outside_quotes
from ..text.sparse import SparseRows
from ..text.voice import shown
from ..text.words import count_words, words
from ..types import ScoredGroup, Sentence
from .concepts import build_problem, concepts, is_bigram, prune, unit_counts
from .coverage import Problem, solve
from .rank import REDUNDANT, StoryStyle

# Shorter "sentences" are headlines, captions and fragments, not brief material; a one-line
# budget lowers the bar to a quarter of the budget.
MIN_WORDS = 7
# A sentence with flaws this heavy (see quality.form_flaws) that its story does not share as style
# is never shown: no coverage makes up for a quote that never closes or a garbled line.
FLAWED = 0.4
STYLE_SAMPLE = 2000  # sentences enough to tell a story's style (a feed's first groups)
# An opener that continues a sentence the brief does not show ("But ...", "“And both sides ...").
# Pronoun openers ("He said ...") are shown only with the person their article says they stand
# for ("[McConnell] said ..."; editing/context.py): a brief's reader cannot look back in the article.
_CONTINUES = re.compile(
    r"^[“‘\"' ]*(and|but|or|so|yet|however|therefore|thus|instead|meanwhile|still|also|both,"
    r"|plus|besides|moreover|furthermore|nonetheless|nevertheless|anyway)\b",
    re.IGNORECASE,
)
VOICE_FLAWS = frozenset({"first person", "bare quote"})
SPOKEN_FLAWS = VOICE_FLAWS | {"open quote"}
NEWS_MIN_WORDS = 10  # news sentences shorter than this are datelines, captions and fragments
DATELINE_WORDS = 4  # an article's first line this short is its dateline ("BENSALEM, Pa."), not its lead
PRESELECT = 3000  # tellings weighed in a huge story (by salience); every one in a normal story
CANDIDATES = 200  # the sentences worth most on their own that the objective considers
ARTICLE_WORDS = 150  # a story's median document at least this long is told by articles, not reviews or posts
RESOLVES = 3  # selections solved at most, each without the sentences that dangled in the one before


def select(scored: Sequence[ScoredGroup], vectors: SparseRows, options: Options) -> list[ScoredGroup]:
    """The sentences that together cover the most of what the story's sources agree on, within
    the word budget; the result is in the brief's order (`lead_first`).

    Objective (solved exactly, see `coverage`): the weight of every concept the brief states,
    counted once, plus each picked sentence's own value (`sentence_values`). Redundancy needs no
    threshold: a second sentence stating the same concepts adds nothing.

    Whether "The report suggested …" leans on something the brief never introduced depends on
    what comes before it in the brief, so it is checked on the brief in its order: a sentence
    naming something the brief has not told is left out and the selection solved again without it
    (a few times at most; each round only removes candidates).
    """
    if not scored:
        return []
    # What does not depend on the left-out sentences is worked out once, not once per round: the
    # story's style and every sentence's shown telling (`_variants` reads each with the voice and
    # context rules, most of the selection's time on a long article).
    min_words = shortest(options.word_range()[1])
    sample = [s.group.representative.text for s in scored[:STYLE_SAMPLE]]
    story = StoryStyle.of(sample, [form_flaws(t) for t in sample])
    articles = of_articles(scored)
    strict = _variants(scored, min_words, strict=True, story=story, articles=articles)
    loose: list[list[tuple[int, Sentence]]] = []  # the lenient tellings, made when first needed

    def lenient() -> list[tuple[int, Sentence]]:
        if not loose:
            loose.append(_variants(scored, min_words, strict=False, story=story, articles=articles))
        return loose[0]

    left_out: set[tuple[str, int]] = set()
    news = story.newsiness >= 1.0 or articles
    in_article = _article_sentences(scored)
    for _ in range(RESOLVES):
        out = _select(scored, vectors, options, frozenset(left_out), story, strict, lenient)
        dangling = _dangling(out, in_article) if news else set()
        if not dangling:
            return out
        left_out |= dangling
    # The last round's dangling sentences are cut, not replaced; a sentence that leaned on one cut
    # ("… the data …" after the sentence that told the data) then dangles too, and is cut as well.
    while dangling:
        out = [s for s in out if (s.group.representative.doc_id, s.group.representative.index) not in dangling]
        dangling = _dangling(out, in_article)
    return out


def _dangling(out: Sequence[ScoredGroup], in_article: dict[str, list[str]]) -> set[tuple[str, int]]:
    """The sentences of a news brief, in its order, that name what the brief has not told before
    them ("The report suggested …", "… the disclosure form …", "another makeover")."""
    told: list[str] = []
    dangling = set()
    for s in out:
        m = s.group.representative
        said = shown(m)
        before = in_article[m.doc_id][: m.index]
        if (
            unintroduced(said, told) is not None
            # An article's first sentence introduces its subject ("The city said it will drain the
            # reservoir …"): it leans on the headline at most.
            or m.index > 0
            and untold_subject(said, told) is not None
            or untold_another(said, told) is not None
            or untold_reference(m.text, before, told) is not None
            or unnamed_in_clause(said, before)
        ):
            dangling.add((m.doc_id, m.index))
        told.append(said)
    return dangling


def of_articles(scored: Sequence[ScoredGroup]) -> bool:
    """Is the story told by articles (two or more, of article length), not by short reviews or
    posts? Its brief is then read as a news brief, whatever the articles' voice: a film critic's
    "This is the last film for …" or "He collected stories …" leans on context there too."""
    texts = _articles(scored)
    return len(texts) >= 2 and statistics.median(count_words(t) for t in texts.values()) >= ARTICLE_WORDS


def _select(
    scored: Sequence[ScoredGroup],
    vectors: SparseRows,
    options: Options,
    left_out: frozenset[tuple[str, int]],
    story: StoryStyle,
    strict: list[tuple[int, Sentence]],
    lenient: Callable[[], list[tuple[int, Sentence]]],
) -> list[ScoredGroup]:
    low, high = options.word_range()
    min_words = shortest(high)
    options_ = _fitting(strict, high, left_out)
    if sum(count_words(shown(m)) for _, m in options_) < low:  # too few clean sentences: take what there is
        options_ = _fitting(lenient(), high, left_out)
    if not options_:
        return []
    vocabulary = None
    if len(options_) > PRESELECT:
        # A feed of thousands of articles: the salience score keeps the sentences worth weighing,
        # and only their concepts are counted (counting every concept of 300,000 sentences would
        # hold gigabytes for concepts no candidate states).
        options_ = sorted(options_, key=lambda o: -scored[o[0]].score)[:PRESELECT]
        vocabulary = frozenset(c for _, m in options_ for c in concepts(shown(m)))
    # Each article's first sentence, and its first line even where a headline without a full stop:
    # read once a round, for the lead and for the leads that may not stand beside it.
    first, headed = _first_sentences(scored)
    lead = _article_lead(scored, options_, story, min_words, high, first, left_out) if story.newsiness >= 1.0 else None
    told: set[str] = set()
    anchor = options_[lead][1].doc_id if lead is not None else _central_article(scored, options_, story)
    if anchor is not None:
        # The lead says what the story is: sentences only articles on something else tell are not it.
        # With no article's lead fit to lead, the article of the most central sentence says it.
        told = on_story(_articles(scored), anchor)
        leading = options_[lead] if lead is not None else None
        story_only = [o for o in options_ if any(m.doc_id in told for m in scored[o[0]].group.members)]
        if sum(count_words(shown(m)) for _, m in story_only) >= low:  # else the brief needs the others
            options_ = story_only
        lead = options_.index(leading) if leading is not None else None
    weights = concept_weights(scored, options.unigram_weight, vocabulary)
    group_of = [g for g, _ in options_]
    texts = [shown(m) for _, m in options_]
    values = sentence_values([scored[g] for g in group_of], texts, weights, options)
    # Large stories: only the sentences worth most on their own can be in a brief of a few hundred
    # words; this keeps the integer programme small (HiGHS solves a few hundred in well under 1 s).
    # Both kinds of sentence can make the best brief: the richest, and the densest per word.
    alone = [_standalone(t, weights) + v for t, v in zip(texts, values)]
    lengths = [count_words(t) for t in texts]
    by_value = sorted(range(len(texts)), key=lambda k: -alone[k])[: CANDIDATES // 2]
    by_density = sorted(range(len(texts)), key=lambda k: -alone[k] / lengths[k])[: CANDIDATES // 2]
    keep = sorted(set(by_value) | set(by_density) | ({lead} if lead is not None else set()))
    group_of = [group_of[k] for k in keep]
    chosen_member = [options_[k][1] for k in keep]
    texts = [texts[k] for k in keep]
    values = [values[k] for k in keep]
    articles = [m.doc_id for m in chosen_member]
    conflicts = _conflicts(vectors.take(group_of), group_of, texts, options.same_meaning, articles)
    forced = (keep.index(lead),) if lead is not None else ()
    if forced:
        # Every article's lead tells the story's news: once the brief has one, another article's
        # lead says it again in other words ("A mother is upset after … racist instructions" /
        # "A Playmobil pirate ship set has sparked a firestorm …"), which shared words miss.
        leads = [  # a headline left above an article's first line tells the news as well
            k
            for k, m in enumerate(chosen_member)
            if m.index in (first.get(m.doc_id), headed.get(m.doc_id)) and m.doc_id in told and k != forced[0]
        ]
        conflicts = tuple(sorted({*conflicts, *((min(k, forced[0]), max(k, forced[0])) for k in leads)}))
    problem = build_problem(texts, weights, high, values, conflicts, forced)
    picked = solve(problem)
    picked = _fill(problem, picked, low, [scored[g].score for g in group_of])
    out = []
    for k in picked:
        s = scored[group_of[k]]
        chosen = chosen_member[k]
        if chosen is not s.group.representative:
            # The telling shown, as it is shown (its connective cut, its speaker named), stands
            # for its own source among the group's members: that is where its span points.
            members = tuple(
                chosen if (m.doc_id, m.index) == (chosen.doc_id, chosen.index) else m for m in s.group.members
            )
            s = replace(s, group=replace(s.group, representative=chosen, members=members))
        out.append(s)
    if forced:
        opening = out[picked.index(forced[0])]
        return [opening, *sorted((s for s in out if s is not opening), key=_reading_order)]
    return lead_first(sorted(out, key=_reading_order))


def _article_lead(
    scored: Sequence[ScoredGroup],
    options_: list[tuple[int, Sentence]],
    story: StoryStyle,
    min_words: int,
    high: int,
    first: dict[str, int],
    left_out: frozenset[tuple[str, int]] = frozenset(),
) -> int | None:
    """The news brief's lead: of the articles' own leads (each article's first sentence past its
    dateline) that a brief may show and that say what happened in the reporter's voice, the one
    most central to the story; its index in `options_` (appended there when it is shorter than
    other news sentences may be), or None when no article's lead can lead. An article's lead is
    where its reporter put who did what, when and where; the sentence the coverage objective
    likes best is often background or a quotation."""
    style = story.common_flaws - VOICE_FLAWS
    leads = []
    for g, s in enumerate(scored):
        for told in s.group.members:
            if first.get(told.doc_id) != told.index or (told.doc_id, told.index) in left_out:
                continue
            lead = _shown_telling(told, min_words, MIN_WORDS, True, True, style, reporter=True)
            if lead is not None and can_lead(lead) and count_words(shown(lead)) <= high:
                leads.append((dict(s.features).get("centrality", 0.0), g, lead))
    if not leads:
        return None
    _, g, m = max(leads, key=lambda lead: lead[0])
    known = next(
        (k for k, (h, n) in enumerate(options_) if h == g and (n.doc_id, n.index) == (m.doc_id, m.index)), None
    )
    if known is None:
        options_.append((g, m))
        return len(options_) - 1
    return known


def _central_article(
    scored: Sequence[ScoredGroup], options_: list[tuple[int, Sentence]], story: StoryStyle
) -> str | None:
    """In news, the article whose telling of the story is most central (test1745: no article
    opens with a sentence that can lead, yet the Hudson article tells the story the Larson
    profile does not); None in stories not told as news."""
    if story.newsiness < 1.0 or not options_:
        return None
    g, m = max(options_, key=lambda o: dict(scored[o[0]].features).get("centrality", 0.0))
    return m.doc_id


def _first_sentences(scored: Sequence[ScoredGroup]) -> tuple[dict[str, int], dict[str, int]]:
    """Each article's first sentence past its dateline and headline (its index): where its reporter
    put the news; and its first line past its dateline, a headline without a full stop included."""
    first: dict[str, int] = {}
    headed: dict[str, int] = {}
    for s in scored:
        for m in s.group.members:
            if count_words(m.text) <= DATELINE_WORDS:
                continue
            if m.index < headed.get(m.doc_id, m.index + 1):
                headed[m.doc_id] = m.index
            if ends(m.text) and m.index < first.get(m.doc_id, m.index + 1):
                first[m.doc_id] = m.index
    return first, headed


def _article_sentences(scored: Sequence[ScoredGroup]) -> dict[str, list[str]]:
    """Each article's sentences in its order, by index ("" for one no group holds), so that
    `[: m.index]` is what its article told before sentence `m`."""
    found: dict[str, dict[int, str]] = {}
    for s in scored:
        for m in s.group.members:
            found.setdefault(m.doc_id, {})[m.index] = m.text
    return {d: [ms.get(k, "") for k in range(max(ms) + 1)] for d, ms in found.items()}


def _articles(scored: Sequence[ScoredGroup]) -> dict[str, str]:
    """Each article's text, from its sentences."""
    sentences: dict[str, list[Sentence]] = {}
    for s in scored:
        for m in s.group.members:
            sentences.setdefault(m.doc_id, []).append(m)
    return {d: " ".join(m.text for m in sorted(ms, key=lambda m: m.index)) for d, ms in sentences.items()}


def shortest(high: int) -> int:
    """The fewest words a brief's sentence may have, for a brief of at most `high` words."""
    return max(3, min(MIN_WORDS, high // 4))


def why_nothing_fits(texts: Sequence[str], options: Options) -> str:
    """Why no sentence of `texts` can be in a brief of `options`' length, said so that the user
    knows what to change: a longer brief helps only when the sentences are too long for it."""
    high = options.word_range()[1]
    counts = [count_words(t) for t in texts]
    short = sum(c < shortest(high) for c in counts)
    long = sum(c > high for c in counts)
    if not counts:
        return "the articles hold no sentences"
    if short == len(counts):
        example = min(texts, key=len).strip()[:40]
        return (
            f"no sentence of these articles is long enough for a brief: all {short} have fewer than "
            f"{shortest(high)} words (such as “{example}”)"
        )
    parts = [f"{short} have fewer than {shortest(high)} words"] if short else []
    parts += [f"{long} are longer than the brief"] if long else []
    rest = len(counts) - short - long
    parts += [f"{rest} read as instructions to a language model"] if rest else []
    hint = "; try a longer --length or --words" if long else ""
    return f"no sentence of these articles fits a {high}-word brief ({', '.join(parts)}){hint}"


def _fitting(
    found: list[tuple[int, Sentence]], high: int, left_out: frozenset[tuple[str, int]] = frozenset()
) -> list[tuple[int, Sentence]]:
    """Sentences longer than the whole brief (a spam article's 1,000-word run-ons) can never be
    chosen: they must not take the candidates' places; nor can those `left_out`."""
    return [(g, m) for g, m in found if count_words(shown(m)) <= high and (m.doc_id, m.index) not in left_out]


def _asks(text: str) -> bool:
    """A question outside quotes: the outlet's teaser, not a fact ("Is Stevie Johnson a secret agent?")."""
    return text.rstrip("”’\"' )").endswith("?") and not text.lstrip().startswith(("“", '"'))


def _exclaims(text: str) -> bool:
    """A question or an exclamation in the writer's own voice ("Have you done the Ice Bucket
    Challenge?", "... and he had many to thank — including himself!"): a columnist talking to the
    reader, never a news sentence. One inside quotation marks is someone's words."""
    return outside_quotes(text).rstrip(" )").endswith(("?", "!"))


def reporter_voice(story: StoryStyle) -> bool:
    """Does the brief speak as a reporter? Yes, unless the sources speak as their writers: customer
    reviews, written in the first person (or tokenised review text), whose opinions are what a
    brief of them reports ("The rooms are clean"). News, and critics' reviews and columns too: a
    critic's verdict is not the brief's ("Kodi Smit-McPhee is convincing as ...")."""
    return story.newsiness >= 1.0 or not story.common_flaws & {"first person", "garbled"}


def continues(text: str) -> bool:
    """Does the sentence open by continuing one before it?"""
    return bool(_CONTINUES.match(text))


def _variants(
    scored: Sequence[ScoredGroup], min_words: int, strict: bool, story: StoryStyle, articles: bool = False
) -> list[tuple[int, Sentence]]:
    """Each group's sentences the brief may show: every telling of the fact (the objective picks
    the one that covers most), never one addressed to a language model. `strict` leaves out what
    a reader would stumble on: heavy form flaws the story does not share as style (an open quote,
    a garbled or spun line, a kicker; in news, first person and bare quotes are never style) and,
    in news, a fragment, a question or an opener continuing a sentence the brief does not show
    (in reviews "But the battery ..." is how opinions are written); in any story told by articles
    (`of_articles`), a sentence that leans on context the brief does not give."""
    news = story.newsiness >= 1.0
    reporter = reporter_voice(story)
    # In news, an essay or open letter among the articles does not make "I" the story's register:
    # the brief is the reporters' voice, so first person and bare quotes are never style there.
    style = story.common_flaws - VOICE_FLAWS if news else story.common_flaws
    critics = _critics(scored) if reporter else set()
    out = []
    for g, s in enumerate(scored):
        seen = set()
        # The representative is one of the group's members: read once, not twice (every telling
        # passes the voice and context rules, most of a long article's selection time).
        rest = (m for m in s.group.members if m is not s.group.representative)
        for told in (s.group.representative, *rest):
            m = _shown_telling(told, min_words, NEWS_MIN_WORDS, strict, news, style, reporter, articles)
            if m is None or m.doc_id in critics and _critics_verdict(m):
                continue
            key = (" ".join(words(m.text)), m.attribution)
            if key not in seen:
                seen.add(key)
                out.append((g, m))
    return out


def _critics(scored: Sequence[ScoredGroup]) -> set[str]:
    """The articles written in their writer's voice (reviews, columns): editing/subjectivity.py."""
    told = sorted({(m.doc_id, m.index): m for s in scored for m in s.group.members}.items())
    return own_voice_articles((m.doc_id, m.text, m.attribution is not None) for _, m in told)


def _critics_verdict(m: Sentence) -> bool:
    """A milder judgement in nobody's name, in a critic's article: "The Queen's devoted servant
    Brighton (Nathan Lane doing a fantastic Nathan Lane) simpers …" is the critic's verdict."""
    return not m.attribution and not attributed(m.text) and bool(judging_words(m.text, mild=True))


def _shown_telling(
    told: Sentence,
    min_words: int,
    news_words: int,
    strict: bool,
    news: bool,
    style: set[str],
    reporter: bool,
    articles: bool = False,
) -> Sentence | None:
    """The telling as a brief may show it, or None (`_variants` says what is left out and why)."""
    m = told
    if (news or articles) and continues(told.text):
        # "But Afghan police have claimed ..." leans on a sentence the brief does not
        # show; without its connective it stands alone, as a wire editor would cut it.
        cut = without_connective(told)
        if cut is None:
            return None
        m = cut
    if count_words(m.text) < min_words or instruction_like(m.text):
        return None
    if m.attribution and not re.search(r"[a-z]", m.attribution.split()[0]):
        return None  # "STVN tweeted: …": a post's handle, not a name a reader has met
    if (
        reporter
        and not m.attribution
        and (_exclaims(m.text) or not attributed(m.text) and (argues(m.text) or first_person(m.text)))
    ):
        # "the absurd faux principle", "Nope, not a road we want to go down.": a column's judgement
        # or its writer's "we" in nobody's name, never the brief's, even where too few clean
        # sentences make the brief take flawed ones (`strict` False; test0794 at medium).
        return None
    if news and no_comment(m.text):
        return None  # one outlet's unanswered call, never the story, even where the brief takes flawed lines
    if (news or articles) and needs_context(shown(m)):
        # "In response, …", "Six of them …", "“…,” he added." with no one named: left out in every
        # telling, strict or not (so the strict checks below need not ask again).
        # "He collected stories …", "That may be a total coincidence …": a sentence that needs one
        # the brief does not give is not a flaw a brief may take when clean sentences run short
        # (test3882 at medium); a shorter brief reads better.
        return None
    # Someone's own words whose speaker the source names print as `Name said: “...”`:
    # neither first person nor a bare or open quote then.
    excused = style | SPOKEN_FLAWS if m.attribution else style
    if strict and (
        sum(v for k, v in form_flaws(m.text).items() if k not in excused) >= FLAWED
        or news
        and (
            continues(m.text)
            or furniture(m.text)
            or count_words(m.text) < news_words
            or _asks(m.text)
            # "... it's silly to flush 38 million gallons of water:" introduces what follows.
            or m.text.rstrip().endswith(":")
        )
        or articles
        and (continues(m.text) or furniture(m.text))
    ):
        return None
    return m


# Connectives an editor may cut from a sentence's start without changing what it states ("So far"
# and "Still photographs" are why "so" and "still" are not among them).
_POINTS_BACK = re.compile(r"(?:that|this|these|those|such)\b", re.IGNORECASE)
_CONNECTIVE = re.compile(r"(?:and|but|yet|also|meanwhile|however,)\s+(?=[A-Za-z])", re.IGNORECASE)


def without_connective(sentence: Sentence) -> Sentence | None:
    """The sentence without the connective that opens it ("But Afghan police ..." -> "Afghan
    police ..."), its span moved past the cut; None when what opens it cannot be cut."""
    cut = _CONNECTIVE.match(sentence.text)
    if cut is None:
        return None
    rest = sentence.text[cut.end() :]
    # The first letter is capitalised: the span then holds the text up to that letter's case.
    trimmed = replace(sentence, start=sentence.start + cut.end(), text=rest[0].upper() + rest[1:])
    # "And that could well be an understatement": without its connective it still points back.
    # (A pronoun opener is left to the salience score, as for any sentence.)
    return None if continues(trimmed.text) or _POINTS_BACK.match(trimmed.text) else trimmed


def concept_weights(
    scored: Sequence[ScoredGroup], unigram_weight: float = 0.0, vocabulary: frozenset[str] | None = None
) -> dict[str, float]:
    """Each concept's weight: how many documents state it (sentences, for a single text), times
    `unigram_weight` for single words; only concepts in `vocabulary` when one is given.

    Counted over every member of every group, so a fact stays weighted by all the outlets that
    report it even though the brief shows it through one of them. Concepts too few sources
    state are pruned (`concepts.min_count`): they are one outlet's wording.
    """
    docs = {m.doc_id for s in scored for m in s.group.members}
    single = len(docs) == 1
    units = ((f"{m.doc_id}/{m.index}" if single else m.doc_id, m.text) for s in scored for m in s.group.members)
    n_units = sum(len(s.group.members) for s in scored) if single else len(docs)
    counts = prune(unit_counts(units, vocabulary), n_units)
    return {
        c: float(n) * (1.0 if is_bigram(c) else unigram_weight)
        for c, n in counts.items()
        if unigram_weight > 0 or is_bigram(c)
    }


def sentence_values(
    candidates: Sequence[ScoredGroup], texts: Sequence[str], weights: dict[str, float], options: Options
) -> list[float]:
    """What a sentence is worth beyond the concepts it covers, in the unit of concept weight.

    Concept coverage cannot see where a sentence stands or how it reads: the lead of a news
    article states the essentials, other outlets carrying the sentence vouch for it, and a
    garbled, spun, opinionated, unattributed or dangling sentence misleads even when it carries
    the right words. The ranker's salience score (`score_groups`) measures exactly that; here it
    is worth `options.salience` times the coverage a sentence of its length typically brings
    (its words times the story's mean concept weight), so one number sets the balance.
    """
    unit = statistics.fmean(weights.values()) if weights else 1.0
    return [options.salience * unit * count_words(text) * s.score for s, text in zip(candidates, texts)]


def _standalone(text: str, weights: dict[str, float]) -> float:
    return sum(weights.get(c, 0.0) for c in concepts(text))


def _conflicts(
    vectors: SparseRows,
    group_of: Sequence[int],
    texts: Sequence[str],
    meaning: bool = False,
    articles: Sequence[str] = (),
) -> tuple[tuple[int, int], ...]:
    """Pairs never shown together: two tellings of one group, two sentences too alike to stand in
    one brief (TF-IDF cosine), or two that state one fact in other words (`same_fact_pairs`: shared
    words, a restated lead clause, and with `meaning` MiniLM's cosine where the verified model is
    installed). The objective already gives a repeated concept nothing, but a second telling can
    still earn its keep through the words it adds; a reader sees the fact twice."""
    rows, cols, similarity = vectors.matmul(vectors.transposed()).entries()
    mask = (rows < cols) & (similarity >= REDUNDANT)
    pairs = set(zip(rows[mask].tolist(), cols[mask].tolist()))
    members: dict[int, list[int]] = {}
    for k, g in enumerate(group_of):
        members.setdefault(g, []).append(k)
    for ks in members.values():
        pairs.update((a, b) for x, a in enumerate(ks) for b in ks[x + 1 :])
    pairs |= same_fact_pairs(texts, _embedded(texts) if meaning else None, articles)
    return tuple(sorted(pairs))


def _embedded(texts: Sequence[str]):  # type: ignore[no-untyped-def]
    """The texts' MiniLM vectors, or None without the verified model (the words then decide)."""
    from ..models.embeddings import embedder

    model = embedder() if len(texts) > 1 else None
    return model.encode(texts) if model is not None else None


def _fill(problem: Problem, picked: list[int], low: int, scores: Sequence[float]) -> list[int]:
    """Below the length range's floor, add the best-scored sentences that still fit."""
    used = int(sum(problem.lengths[i] for i in picked))
    if used >= low:
        return picked
    blocked = {b for a, b in problem.conflicts if a in picked} | {a for a, b in problem.conflicts if b in picked}
    for i in sorted(range(len(scores)), key=lambda k: -scores[k]):
        if i in picked or i in blocked or used + problem.lengths[i] > problem.budget:
            continue
        picked = picked + [i]
        used += int(problem.lengths[i])
        blocked |= {b for a, b in problem.conflicts if a == i} | {a for a, b in problem.conflicts if b == i}
        if used >= low:
            break
    return picked


def lead_first(selected: Sequence[ScoredGroup]) -> list[ScoredGroup]:
    """The brief's order: a lead first, then reading order (each sentence where its articles tell
    it: the story's own logic and, in news, its time). The lead is the first sentence in reading
    order that says what happened in the reporter's voice: not someone's quotation, not a
    sentence about a person it names only by a pronoun."""
    lead = next((k for k, s in enumerate(selected) if can_lead(s.group.representative)), 0)
    return [*selected[lead : lead + 1], *selected[:lead], *selected[lead + 1 :]]


def can_lead(sentence: Sentence) -> bool:
    """May the sentence open a brief? A lead says who did what in the reporter's voice, read
    with nothing before it: not a quotation, not a pronoun's sentence, not one that continues or
    leans on another ("But Merriam-Webster has a less discussed word …", an article's first
    sentence in test3882), not a role standing for an unnamed person ("The incoming White House
    communications director earned …"), not a caption or credits line, not a judgement or one
    talking to the reader ("\"The Road\" is a road you'll wish hadn't been taken.")."""
    text = sentence.text
    quoted = len(text) - len(outside_quotes(text).replace(" … ", ""))
    return (
        sentence.attribution is None
        and sentence.referent is None
        and quoted < 0.3 * len(text)
        and not continues(text)
        and not needs_context(text)
        and not unnamed_role(text)
        and ends(text)
        and not furniture(text)
        and not addresses_reader(text)
        # A judgement someone is said to hold ("… says that … she is determined …") may lead.
        and not (argues(text) and not attributed(text))
    )


def ends(text: str) -> bool:
    """Does the text end as a sentence does (".", "!", "?", then closing marks)? A headline does
    not: "Blinken, Xi pleased with progress in U.S.-China talks, but more work to be done" is the
    story's title printed above its first line, not the reporter's lead."""
    return re.search(r"[.!?…][”’\"')\]]*\Z", text.rstrip()) is not None


def _reading_order(s: ScoredGroup) -> tuple[float, float]:
    return (min(m.position for m in s.group.members), -s.score)
