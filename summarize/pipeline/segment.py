"""Split cleaned documents into sentences with character offsets.

NLTK's Punkt segmenter does the work. Its usual parameters come from `nltk.download("punkt_tab")`,
which cannot run offline, so the package ships its own: `data/punkt_en.json`, built by
`python eval/train_punkt.py` (Punkt's unsupervised trainer over the seed articles, plus a curated
list of abbreviations common in news so that "U.S.", "Gen." or "Jan." never end a sentence).
"""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.people import PERSONAL, REPORTED, Person, named_in_full, people, referent, speaks
from ..text.quality import first_person, speakerless_quote
from ..text.submodules import submodule
from ..text.voice import PRONOUN_TAG, quote_speaker, speaker_named
from ..text.words import count_words
from ..types import Document, Sentence
from .select import shortest

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_punkt = submodule("nltk.tokenize.punkt")

PARAMETERS = "punkt_en.json"

# Abbreviations in news copy; Punkt stores them lower-cased without their final period.
NEWS_ABBREVIATIONS = """
u.s u.k u.n e.u u.a.e d.c l.a n.y st mr mrs ms dr prof sr jr gen lt col maj capt sgt cmdr adm
gov sen rep rev pres supt insp det cpl pvt ald messrs mmes jan feb apr jun jul aug sep sept oct nov
dec tue tues thu thur thurs fri corp inc co ltd llc plc bros dept univ assn approx vs etc vol ft
mt ave blvd rd hwy ala ariz ark calif colo conn fla kan ky md mich minn mont neb nev okla tenn tex
vt wis wyo a.m p.m i.e e.g cf ph.d
""".split()
# Left out on purpose: abbreviations that are also words ending many sentences ("ill", "miss",
# "no", "sun", "mass", "wash", "la").

# Words that, capitalised after an abbreviation ("over the U.S. The case..."), start a new sentence.
# Punkt learns these from its corpus; ours is small, so the commonest are listed.
NEWS_SENT_STARTERS = """
the a an but and he she it they we i this that these those there his her their its in on at
after before when while although as if for some many most however meanwhile officials police
""".split()

# A paragraph break always ends a sentence, whatever Punkt thinks of the last word.
_CLOSERS = frozenset("”’)]},;:")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def segment_documents(docs: Iterable[Document]) -> list[list[Sentence]]:
    return [segment(doc) for doc in docs]


def segment(doc: Document) -> list[Sentence]:
    """The sentences of `doc`, each knowing its offsets (`doc.text[s.start:s.end] == s.text`) and,
    when it is someone's own words, who speaks it."""
    sentences, inside = _sentences(doc)
    known: list[dict[str, Person]] = []  # the article's people, read once and only when a pronoun needs them

    printed: list[frozenset[str]] = []  # surnames of every full name it prints, likewise

    def cast() -> dict[str, Person]:
        if not known:
            known.append(people(doc.text))
        return known[0]

    def full() -> frozenset[str]:
        if not printed:
            printed.append(named_in_full(doc.text))
        return printed[0]

    return [
        _named(_attributed(sentences, i, doc.spoken, inside), sentences, i, cast, full) for i in range(len(sentences))
    ]


def _named(s: Sentence, sentences: list[Sentence], index: int, cast, full) -> Sentence:  # type: ignore[no-untyped-def]
    """The sentence with the person its pronoun stands for, when its article settles who:
    "“I think that will encourage people …,” he added." becomes the quoted words with the
    attribution "Blunt added", "He said at the time …" knows its referent, "McConnell", and so does
    "The ring went on for several weeks, he said." ("Pontecorvo").
    Where the article does not settle it the sentence is left as it is (selection leaves it out)."""
    if s.attribution is not None:
        return s
    tag = PRONOUN_TAG.match(s.text)
    subject, reported = PERSONAL.match(s.text), REPORTED.search(s.text)
    if tag is None and subject is None and reported is None:
        return s
    if tag is None and subject is not None and reported is not None:
        return s  # "She often found the girls …, he said.": two people to name; the brief leaves it out
    speaker = tag is not None or reported is not None or speaks(s.text)
    person = referent(sentences, index, cast(), speaker, full())
    if person is None:
        return s
    if tag is None:
        return replace(s, referent=person.surname)
    start, end = s.start + tag.start("words"), s.start + tag.end("words")
    text = s.text[tag.start("words") : tag.end("words")]
    return replace(
        s, start=start, end=end, text=text, attribution=f"{person.surname} {tag.group('verb')}{tag.group('rest')}"
    )


def _sentences(doc: Document) -> tuple[list[Sentence], list[bool]]:
    """The sentences with their offsets, and whether each opens inside a quotation."""
    spans: list[tuple[int, int]] = []
    inside: list[bool] = []  # does the sentence open inside a quotation an earlier one left open?
    paragraphs = list(_paragraph_spans(doc.text))
    known = doc.sentence_spans  # cleaning split the text already: each paragraph's spans are a slice
    for p, (start, end) in enumerate(paragraphs):
        if known is None:
            here = [(start + a, start + b) for a, b in sentence_spans(doc.text[start:end])]
        else:
            here = list(known[bisect_left(known, (start,)) : bisect_left(known, (end,))])
        states = [False]  # a quotation running on into the next paragraph opens it again
        for a, b in here:
            states.append(_quotation_open(states[-1], doc.text[a:b]))
        # A quotation counts only when it is well formed: the next quotation mark after the
        # sentence closes it, or the paragraph ends and the next one opens by going on with it.
        # A missing closing mark in a scrape (or an article whose sentences came reversed) must
        # not turn the reporter's sentences into somebody's speech.
        reopened = p + 1 < len(paragraphs) and doc.text[paragraphs[p + 1][0]] in '“"'
        marks = [(m.start(), m.group(0)) for m in _QUOTE_MARK.finditer(doc.text, start, end)]
        spans.extend(here)
        inside.extend(states[k] and _closes_next(marks, a, reopened) for k, (a, _) in enumerate(here))
    total = len(spans)
    return [Sentence(doc.id, i, a, b, doc.text[a:b], i / total) for i, (a, b) in enumerate(spans)], inside


def _closes_next(marks: list[tuple[int, str]], start: int, reopened: bool) -> bool:
    """Is the paragraph's next quotation mark from `start` on one that closes (or, with none, does
    the next paragraph go on with the quotation)? `marks` are the paragraph's (offset, mark) in
    order: a bisection, not a scan to the paragraph's end for every sentence (issue 28)."""
    k = bisect_left(marks, (start, ""))
    return reopened if k == len(marks) else marks[k][1] != "“"


_QUOTE_MARK = re.compile('[“”"]')


def _quotation_open(open_: bool, text: str) -> bool:
    """Whether a quotation is open after `text`, given whether one was before it."""
    for char in text:
        if char == "“":
            open_ = True
        elif char == "”":
            open_ = False
        elif char == '"':
            open_ = not open_
    return open_


def _attributed(
    sentences: list[Sentence], index: int, spoken: tuple[tuple[int, int, str], ...], inside: list[bool]
) -> Sentence:
    """The sentence, knowing who speaks it when it is someone's own words: text the cleaner found
    to be a tweet, or first-person or quoted speech whose speaker another sentence of the same
    quotation names (`voice.quote_speaker`)."""
    s = sentences[index]
    for start, end, attribution in spoken:
        if start <= s.start and s.end <= end:
            return replace(s, attribution=attribution)
    if not (inside[index] or first_person(s.text) or speakerless_quote(s.text)) or speaker_named(s.text):
        return s
    speaker = quote_speaker(sentences, index, inside)
    return s if speaker is None else replace(s, attribution=f"{speaker} said")


# The cap on a huge story's sentences.
# Fifty thousand one-line notes ("Note 17. The harbour committee approved ...") hold more sentences
# than `--max-sentences`; keeping each article's first sentences kept every "Note 17." and no
# sentence a brief could use. Each article keeps its share of the cap, chosen among its sentences
# by what selection will ask of them, read cheaply (a story this size has too many sentences to
# judge each one fully twice): long enough to be a brief's sentence and short enough to fit it,
# then well formed, then early in the article (a news lead states the story).


def cap_sentences(sentences: list[list[Sentence]], cap: int, high: int) -> list[list[Sentence]]:
    """At most `cap` sentences in all, each article taking its turn to keep its best candidate
    for a brief of at most `high` words; every article keeps its sentences in reading order."""
    total = sum(len(s) for s in sentences)
    if total <= cap:
        return sentences
    kept = [0] * len(sentences)
    budget, depth = cap, 0
    while budget > 0:
        for i, doc_sentences in enumerate(sentences):
            if budget > 0 and depth < len(doc_sentences):
                kept[i] += 1
                budget -= 1
        depth += 1
    log.warning(
        "the story has %d sentences; only %d (each article's best candidates) are used "
        "(raise the cap with --max-sentences)",
        total,
        cap,
    )
    fewest = shortest(high)
    return [_best(s, k, fewest, high) for s, k in zip(sentences, kept)]


def _best(sentences: list[Sentence], k: int, fewest: int, high: int) -> list[Sentence]:
    if k >= len(sentences):
        return sentences
    chosen = sorted(sentences, key=lambda s: _candidate(s, fewest, high))[:k]
    return sorted(chosen, key=lambda s: s.index)


def _candidate(s: Sentence, fewest: int, high: int) -> tuple[bool, int, int]:
    """Lower is better: fits a brief, then how malformed it looks, then how early it comes."""
    n = count_words(s.text)
    text = s.text.rstrip("”’\"')] ")
    flaws = s.text[:1].islower() + (not text.endswith((".", "!", "?", "…")))
    return (not fewest <= n <= high, flaws, s.index)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph (cleaning uses it to cut debris sentences)."""
    return _merge_continuations(paragraph, _punkt_spans(paragraph))


# NLTK runs Punkt's regular expressions under a 5 s guard (`nltk.redos`) over the whole text it is
# given: a paragraph of several MB (a scraped page with no line breaks) on a slow or busy machine
# could trip it, and the brief would fail. A paragraph longer than this goes to Punkt in pieces cut
# where a sentence plainly ends: a lower-case word of three letters or more that is no abbreviation,
# a full stop, and a capital after the space ("… the council said. The plan …"), where Punkt ends the
# sentence too.
PUNKT_PIECE = 200_000
_PLAIN_END = re.compile(r"\b([a-z]{3,})[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_CUT_WINDOW = 10_000  # characters before a piece's end searched for a plain sentence end


def _punkt_spans(paragraph: str) -> list[tuple[int, int]]:
    tokenizer = _tokenizer()
    spans: list[tuple[int, int]] = []
    start = 0
    while len(paragraph) - start > PUNKT_PIECE:
        cut = _plain_end(paragraph, start + PUNKT_PIECE - _CUT_WINDOW, start + PUNKT_PIECE)
        if cut is None:
            break  # no plain sentence end near the mark: the rest goes whole
        spans += [(a + start, b + start) for a, b in tokenizer.span_tokenize(paragraph[start:cut])]
        start = cut
    spans += [(a + start, b + start) for a, b in tokenizer.span_tokenize(paragraph[start:])]
    return spans


def _plain_end(text: str, low: int, high: int) -> int | None:
    """Where the last plain sentence end in text[low:high] is followed by the next sentence."""
    found = None
    for m in _PLAIN_END.finditer(text, max(0, low), high):
        if m.group(1) not in NEWS_ABBREVIATIONS:
            found = m.end()
    return found


def split_text(text: str) -> list[str]:
    """The sentences of any text, without cleaning it first (for baselines and references)."""
    raw = Document("text", Path("text"), text, None)
    return [s.text for s in _sentences(raw)[0]]


def _merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces that cannot start a sentence to the one before.

    Punkt splits at any full stop followed by a non-abbreviation, so a stray period in the source
    ("bilateral talks. between the two") or a quote closed after the period (`...us. ”, he said`)
    leaves a piece starting in lower case or with closing punctuation, or with no words at all.
    """
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b]
        after_quote = merged and _ends_with(_QUOTE_END, text, merged[-1][1])
        if merged and (
            _continues(piece)
            or _ends_with(_NUMBERED, text, merged[-1][1])
            and piece[:1].isdigit()
            or after_quote
            and _ATTRIBUTION_ONLY.fullmatch(piece)
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# A quotation closed by "?" or "." and then only who said it: '"Why would Bishop Burns suppress
# this?" Lisa Kendzior and Paul Petersen, Dallas chapter leaders, said in a statement.' is one
# sentence; alone, the attribution is a sentence about nothing.
_QUOTE_END = re.compile('[.?!…][”"]\\Z')
_ATTRIBUTION_ONLY = re.compile(
    r"[A-Z][^.!?“”\"]{0,200}?\b(?:said|says|told|tells|wrote|writes|added|adds|asked|asks)\b(?:\s+[^\s“”\"]+){0,4}[.!]"
)
# "No." before a number is "number" ("No. 1 on the Billboard 200"), never a sentence's end; the
# word "no" ends too many sentences to be an abbreviation everywhere.
_NUMBERED = re.compile(r"\bNo\.\Z")


def _ends_with(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Does `pattern` (anchored with \\Z) match text[:end] at its end? Only the last few characters
    are searched: a search from the paragraph's start for every sentence made one long paragraph
    cost the square of its length (issue 28)."""
    return pattern.search(text, max(0, end - _TAIL), end) is not None


_TAIL = 8  # characters enough for _QUOTE_END and _NUMBERED, and for the \b before "No."


def _continues(piece: str) -> bool:
    if not any(c.isalnum() for c in piece):
        return True
    first = piece[0]
    if first in _CLOSERS:
        return True
    word = piece.split()[0]
    return first.islower() and word.islower()  # "iPhone" or "eBay" may open a sentence


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    data = resources.files("summarize").joinpath("data", PARAMETERS).read_text(encoding="utf-8")
    return _punkt.PunktSentenceTokenizer(parameters_from_json(json.loads(data)))


def parameters_from_json(data: dict) -> PunktParameters:
    params = _punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = flags
    return params


def parameters_to_json(params: PunktParameters) -> dict:
    return {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted(list(pair) for pair in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }


def train_parameters(texts: Iterable[str]) -> PunktParameters:
    """Punkt's unsupervised training over `texts`, with the news abbreviations added."""
    trainer = _punkt.PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    # On a small corpus Punkt mistakes ordinary words ("jet.") for abbreviations; trust only the
    # dotted ones it finds ("u.s") and the curated list.
    params.abbrev_types = {a for a in params.abbrev_types if "." in a} | set(NEWS_ABBREVIATIONS)
    params.sent_starters |= set(NEWS_SENT_STARTERS)
    return params
