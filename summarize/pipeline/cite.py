"""Turn selected sentence groups into brief sentences that cite every document supporting them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..editing.facts import facts, figure_context, figures, missing
from ..text.voice import shown, speaker_named
from ..text.words import content_terms
from ..types import BriefSentence, ScoredGroup, Sentence, SentenceGroup, Span
from .segment import NEWS_ABBREVIATIONS


def extractive_sentences(
    selected: Sequence[ScoredGroup], pool: Sequence[SentenceGroup] = ()
) -> tuple[tuple[BriefSentence, ...], ...]:
    """Per selected group, its representative text citing the members that state its facts, then a
    note where other outlets (in its group, or telling the same fact among `pool`'s sentences) give
    another figure for the same count."""
    counted = [m for g in pool for m in g.members if any(ch.isdigit() for ch in m.text)]
    return tuple(tuple(promised(s.group, counted)) for s in selected)


MAX_SHOWN = 3  # citations printed after a sentence; "+N more" stands for the rest


def promised(group: SentenceGroup, pool: Sequence[Sentence] = ()) -> list[BriefSentence]:
    """The group's sentence citing only the members whose text states its figures, dates, names and
    speaker (a paraphrase that differs in any of them is another claim); where other members give
    another figure for one of its counts, the sentence goes on to say so, each figure with its own
    citations: "A storm killed 12 people, officials said; [1] other reports say at least 15. [2][3]"."""
    rep = group.representative
    text = shown(rep)
    wanted = facts(text)
    keeping: list[Sentence] = []
    others: list[Sentence] = []
    for m in sorted(group.members, key=lambda m: (m.doc_id, m.start)):
        same = (m.doc_id, m.index) == (rep.doc_id, rep.index)
        (keeping if same or not missing(wanted, shown(m)) else others).append(m)
    ours = {(m.doc_id, m.index) for m in group.members}
    others += [m for m in pool if (m.doc_id, m.index) not in ours and same_fact(text, m.text)]
    found = _disagreements(text, others)
    several = len(figures(text)) > 1
    notes = [
        _other_figure(written(other, members[0].text), written(stated, text) if several else None, members)
        for (stated, other), members in found.items()
    ]
    said, *clauses = one_sentence(text, notes)
    out = [_citing(said, keeping, attribution=rep.attribution, like=text)]
    for clause, ((stated, other), members) in zip(clauses, found.items()):
        out.append(_citing(clause, members, disagreement=(stated, other), like=text))
    return out


def _other_figure(other: str, instead_of: str | None, members: Sequence[Sentence]) -> str:
    """What other outlets give: "other reports say at least 15" ("rather than 12" where the sentence
    has several figures, so that the reader knows which one they count otherwise)."""
    who = "another report says" if len({m.doc_id for m in members}) == 1 else "other reports say"
    return f"{who} {other}" + (f" rather than {instead_of}" if instead_of else "")


def one_sentence(text: str, notes: Sequence[str]) -> list[str]:
    """`text` and the `notes` on its figures as one sentence, in parts that each carry their own
    citations: "A storm killed 12 people, officials said;" "other reports say at least 15." A note
    standing alone would lean on the sentence before it and read as a claim of unnamed reports; a
    sentence that does not end on a full stop (a question, a quotation) keeps it, and the notes follow
    as sentences of their own."""
    if not notes:
        return [text]
    body = text.rstrip()
    if not body.endswith(".") or body.endswith(("..", "…")):
        return [text, *(f"{n[0].upper()}{n[1:]}." for n in notes)]
    # "…between Willow Grove and Bensalem, Pa." ends on an abbreviation: its full stop stays.
    last = body.rsplit(None, 1)[-1]
    abbreviation = last[:-1].lower() in NEWS_ABBREVIATIONS or "." in last[:-1] or _STATE.search(body)
    body = body if abbreviation else body[:-1]
    return [f"{body};", *(f"{n};" for n in notes[:-1]), f"{notes[-1]}."]


# A place's state after a comma at a sentence's end: "Bensalem, Pa.", "Atlanta, Ga.".
_STATE = re.compile(r",\s[A-Z][a-z]?\.$")


def written(value: str, text: str) -> str:
    """How `text` writes the figure `value`, with its hedge, currency and scale: "at least 15",
    "$4.9 million", "three" (a number word in lower case, wherever it stood)."""
    for figure, start, end in figures(text):
        if figure == value:
            hedge = _HEDGE.search(text[:start])
            currency = "$" if text[:start].endswith("$") else ""
            scale = _SCALE.match(text, end)
            digits = text[start:end].lower() if text[start:end].isalpha() else text[start:end]
            return f"{hedge.group(1) + ' ' if hedge else ''}{currency}{digits}{scale.group(0) if scale else ''}"
    return value


# Words before a figure that say how exact it is: "at least 15", "more than $2 million".
_HEDGE = re.compile(
    r"\b(at least|more than|fewer than|less than|up to|nearly|almost|about|some|around|roughly|over)\s+\$?$",
    re.IGNORECASE,
)

_SCALE = re.compile(r"\s?(?:million|billion|trillion|percent|%)", re.IGNORECASE)


def _citing(
    text: str,
    members: Sequence[Sentence],
    attribution: str | None = None,
    disagreement: tuple[str, str] | None = None,
    like: str | None = None,
) -> BriefSentence:
    """`text` citing `members`' documents and spans; past MAX_SHOWN, the sources whose sentences hold
    most of `like` (the sentence itself, or the one a note is about) are the ones printed."""
    citations = tuple(sorted({m.doc_id for m in members}))
    spans = tuple(Span(m.doc_id, m.start, m.end) for m in sorted(members, key=lambda m: (m.doc_id, m.start)))
    shown_ids = most_complete(like or text, [(m.doc_id, m.text) for m in members])
    return BriefSentence(text, citations, spans, attribution=attribution, shown=shown_ids, disagreement=disagreement)


def most_complete(text: str, cited: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """Past MAX_SHOWN cited documents, the MAX_SHOWN whose (doc id, sentence) holds most of `text`'s
    content words, sorted; () when all are shown."""
    ids = sorted({d for d, _ in cited})
    if len(ids) <= MAX_SHOWN:
        return ()
    wanted = set(content_terms(text))
    held = {d: max(len(wanted & set(content_terms(t))) for e, t in cited if e == d) for d in ids}
    return tuple(sorted(sorted(ids, key=lambda d: (-held[d], d))[:MAX_SHOWN]))


# Share of each sentence's content words (numbers aside) the other must hold for the two to tell the
# same fact with different figures ("A storm killed 12 people in the north on Tuesday" / "... 15 ...").
SAME_FACT = 0.6


def same_fact(a: str, b: str) -> bool:
    ta, tb = set(content_terms(a)), set(content_terms(b))
    shared = len(ta & tb)
    return bool(ta and tb) and shared >= SAME_FACT * len(ta) and shared >= SAME_FACT * len(tb)


# A count that other outlets give as more than this many other figures is not one disputed count:
# the sentences tell of different things (items of a list, notes of a log), and no note is written.
MAX_OTHER_FIGURES = 2


def _disagreements(text: str, others: Sequence[Sentence]) -> dict[tuple[str, str], list[Sentence]]:
    """(figure stated, figure another member gives for the same count) -> the members giving it:
    "killed 12 people" against "killed at least 15" (both count the killed).

    A member disagrees only where it differs in exactly one figure and states the sentence's
    others: "item 12 … pier 84" against "item 129 … pier 903" is another item, not another count."""
    stated = [(v, figure_context(text, a, b)) for v, a, b in figures(text)]
    found: dict[tuple[str, str], list[Sentence]] = {}
    for m in others:
        theirs = [(v, figure_context(m.text, a, b)) for v, a, b in figures(m.text)]
        # Each of the sentence's figures paired with the member's figure counting the same thing, each
        # of theirs used once: in "an 18-year-old … sentenced to 13 years" told twice, the 13 years
        # must not pair with the age (both are "year"), which made "Other reports give 18 rather than 13".
        paired: list[str | None] = []
        unused = list(theirs)
        for mine, mine_context in stated:
            counting = [t for t in unused if t[1] & mine_context]
            # The same figure first, then the one whose context says most nearly what this one counts.
            match = max(counting, key=lambda t: (t[0] == mine, len(t[1] & mine_context)), default=None)
            paired.append(None if match is None else match[0])
            if match is not None:
                unused.remove(match)
        if not stated or None in paired:
            continue
        differing = [(mine, v) for (mine, _), v in zip(stated, paired) if v is not None and v != mine]
        if len(differing) == 1:
            holders = found.setdefault(differing[0], [])
            if m not in holders:
                holders.append(m)
    alternatives = Counter(mine for mine, _ in found)
    return {key: held for key, held in found.items() if alternatives[key[0]] <= MAX_OTHER_FIGURES}


# A generated sentence is supported when the sources chosen for it hold this share of its content
# words, and every number and name it states.
MIN_SUPPORT = 0.6
_SECOND_SOURCE_GAIN = 0.15  # a fused sentence may rest on two source sentences
# MiniLM cosine from which two sentences say the same thing (paraphrases score about 0.7-0.9).
SEMANTIC_SUPPORT = 0.7
_SPECIFIC = re.compile(r"\b(\d[\d,.]*|[A-Z][a-z]+(?:[A-Z][a-z]+)*)\b")


@dataclass(frozen=True, slots=True)
class Alignment:
    citations: tuple[str, ...]
    spans: tuple[Span, ...]
    support: float


def align(text: str, groups: Sequence[SentenceGroup], semantic: tuple[SentenceGroup, float] | None = None) -> Alignment:
    """The source sentences that support `text`: citations are computed, never taken on trust.

    Lexical: the best source sentence by share of `text`'s content words it holds, plus a second
    one when it adds enough (a fused sentence). `semantic` is the group closest in meaning
    (sentence embeddings) with its cosine: a paraphrase sharing few words is supported when the
    cosine reaches SEMANTIC_SUPPORT. Either way, numbers and names in `text` that no chosen
    source states cap the support below the threshold: they would be the model's invention.
    """
    wanted = set(content_terms(text))
    if not wanted or not groups:
        return Alignment((), (), 0.0)
    members = [(g, m, set(content_terms(m.text))) for g in groups for m in g.members]
    chosen: list[tuple[SentenceGroup, Sentence]] = []
    covered: set[str] = set()
    for _ in range(2):
        best = max(members, key=lambda x: (len((x[2] & wanted) - covered), -x[1].index))
        gain = len((best[2] & wanted) - covered) / len(wanted)
        if chosen and gain < _SECOND_SOURCE_GAIN or gain == 0:
            break
        chosen.append((best[0], best[1]))
        covered |= best[2] & wanted
    support = len(covered) / len(wanted)
    if semantic is not None and semantic[1] >= SEMANTIC_SUPPORT:
        if all(g is not semantic[0] for g, _ in chosen):
            chosen.append((semantic[0], semantic[0].representative))
        support = max(support, semantic[1])
    source_text = " ".join(m.text for g, _ in chosen for m in g.members)
    known = source_text.lower()
    invented = [s for s in _SPECIFIC.findall(text) if s.lower() not in known and s.lower() not in _COMMON]
    if invented or _misreports(text, chosen, known, groups):
        support = min(support, MIN_SUPPORT - 0.1)
    groups_used = {id(g): g for g, _ in chosen}.values()
    citations = tuple(sorted({d for g in groups_used for d in g.doc_ids}))
    spans = tuple(
        sorted(
            {Span(m.doc_id, m.start, m.end) for g in groups_used for m in g.members}, key=lambda s: (s.doc_id, s.start)
        )
    )
    return Alignment(citations, spans, round(support, 3))


def _misreports(
    text: str, chosen: Sequence[tuple[SentenceGroup, Sentence]], known: str, groups: Sequence[SentenceGroup]
) -> bool:
    """Does `text` say what its sources do not, in ways shared words cannot show?

    - polarity: "did not agree" against a source's "agreed", or "has changed" against "has not
      changed" (the words match; the fact is the opposite);
    - a quotation no supporting source holds word for word (a model's invented quote);
    - words put in the mouth of someone the best source sentence does not have speaking: "Qin
      Gang said the US position on Taiwan has not changed" when Blinken said it.
    """
    if not chosen:
        return False
    sources = [m.text for _, m in chosen]
    if _negated(text) != any(_negated(t) for t in sources):
        return True
    flat = _letters(known)
    if any(_letters(q) not in flat for q in _QUOTATION.findall(text) if len(q.split()) >= 3):
        return True
    speaker = speaker_named(text)
    if speaker is not None and not any(speaker.lower() in t.lower() for t in _speaking(chosen[0][0], groups)):
        return True
    return False


def _speaking(group: SentenceGroup, groups: Sequence[SentenceGroup]) -> list[str]:
    """Where the speaker of `group`'s sentences is named: the sentences themselves, or, for "He
    said ...", the few before them in the same article (where "he" was named)."""
    wanted = {(m.doc_id, m.index - back) for m in group.members for back in range(SPEAKER_LOOK_BACK + 1)}
    return [m.text + " " + (m.attribution or "") for g in groups for m in g.members if (m.doc_id, m.index) in wanted]


SPEAKER_LOOK_BACK = 3  # sentences between a name and the "he said" that refers to it


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _letters(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot)\b|n[’']t\b", re.IGNORECASE)
_QUOTATION = re.compile(r"[“\"]([^”\"]+)[”\"]")


# Capitalised words that start sentences or are generic; not names a model could invent.
_COMMON = frozenset(
    "the a an in on at he she it they we this that these those his her their its but and "
    "however meanwhile after before while both officials monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
