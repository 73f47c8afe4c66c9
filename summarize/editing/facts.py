"""The checkable facts of a sentence: its figures, dates, names (people and places) and speaker.

A citation promises that the cited span states all of them: "Taylor Swift went shopping in NYC on
March 27." is not supported by "Taylor Swift went shopping in Hollywood on Feb. 13.", however many
words the two share. Named-entity taggers need models this project cannot download (spaCy's, NLTK's
data), so names are capitalised words past a sentence's first, and figures and dates are patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.quality import outside_quotes
from ..text.words import content_terms, words

# English number words a reporter writes out ("killed twelve people"). No maintained library on the
# index parses them offline (word2number is unmaintained), and the short list is all news needs.
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\d])")
_MONTH = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:[a-z]*)\.?(?=\s+\d)|"
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)
_MONTH_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december".split()
)
_QUOTATION = re.compile(r"[“\"]([^”\"]+)[”\"]")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_CAPITALISED = re.compile(r"(?<![\w’'])([A-Z][\w’'-]*)")
# Words between a figure and what it counts that say how exact it is: "at least 15", "more than 12".
_HEDGES = frozenset("at least most more than less fewer about nearly almost some over around roughly up to".split())
_SAID = r"(?:said|says|told|added|adds|announced|reported|wrote|writes|tweeted|stated)"
# "..., the regional governor said" / "said the regional governor": who is given as speaking.
_SPEAKER_BEFORE = re.compile(rf"((?:[\w.’'-]+ ){{0,3}}[\w.’'-]+),? {_SAID}\b")
_SPEAKER_AFTER = re.compile(rf"\b{_SAID} ((?:the |a |an )?(?:[\w.’'-]+ ){{0,3}}[\w.’'-]+)")
# Capitalised words that open clauses or are generic, not names of people or places.
_NOT_NAMES = frozenset(
    "the a an in on at he she it they we i you this that these those his her their its but and or so "
    "however meanwhile after before while both when where what who why how if as for with by from to "
    "of mr mrs ms dr sen rep gov pres president senator officials police according there then".split()
)


@dataclass(frozen=True, slots=True)
class Facts:
    figures: frozenset[str]
    dates: frozenset[str]
    names: frozenset[str]
    speaker: frozenset[str]  # the content words naming who speaks ("regional", "governor")
    quoted: tuple[str, ...] = ()  # someone's words in quotation marks, as letters and spaces


def figures(text: str) -> list[tuple[str, int, int]]:
    """(value, start, end) of each figure stated, written in digits or in words; years are dates."""
    found = [(m.group(0).replace(",", ""), m.start(), m.end()) for m in _FIGURE.finditer(text)]
    found = [f for f in found if not _is_year(f[0])]
    for m in re.finditer(r"\b[A-Za-z]+\b", text):
        value = _NUMBER_WORDS.get(m.group(0).lower())
        if value is not None:
            found.append((value, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def facts(text: str) -> Facts:
    """What a span citing `text` must state."""
    months = {(a or b)[:3].lower() for a, b in _MONTH.findall(text)}
    dates = months | {d.lower() for d in _WEEKDAY.findall(text)} | {v for v in _FIGURE.findall(text) if _is_year(v)}
    # "May" is a month only in a date ("May 3"); otherwise it may be Theresa May.
    names = {n for n in _names(text) if not (n in _MONTH_WORDS and n[:3] in months)}
    quotes = tuple(_letters(q) for q in _QUOTATION.findall(text) if len(q.split()) >= 3)
    return Facts(
        frozenset(f[0] for f in figures(text)),
        frozenset(dates),
        frozenset(names - dates),
        frozenset(speaker_words(text)),
        quotes,
    )


def missing(wanted: Facts, span: str) -> list[str]:
    """The facts of `wanted` that `span` does not state (empty: the span keeps the promise)."""
    held = facts(span)
    present = set(words(span))
    lost = sorted(wanted.figures - held.figures) + sorted(wanted.dates - held.dates)
    lost += sorted(n for n in wanted.names if n not in present)
    lost += sorted(w for w in wanted.speaker if w not in set(content_terms(span)))
    # Someone's words are cited only to where they are written: "ease pressure, or to reward North
    # Korea" is not "ease pressure towards North Korea".
    flat = _letters(span)
    lost += [q for q in wanted.quoted if q not in flat]
    return lost


def speaker_words(text: str) -> set[str]:
    """The content words of whoever the sentence says speaks ("the ministry said" -> {"ministri"})."""
    outside = outside_quotes(text)
    found: set[str] = set()
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for m in pattern.finditer(outside):
            phrase = m.group(1)
            found |= {t for t in content_terms(phrase) if not any(ch.isdigit() for ch in t)}
    return found


def figure_context(text: str, start: int, end: int) -> set[str]:
    """The words that say what a figure counts: the content word before it (past hedges like "at
    least") and the word after it ("killed 12 people" -> {"kill", "peopl"})."""
    before = [w for w in words(text[:start]) if w not in _HEDGES][-1:]
    after = words(text[end:])[:1]
    return set(content_terms(" ".join(before + after)))


def _names(text: str) -> set[str]:
    names = set()
    for m in _CAPITALISED.finditer(text):
        head = text[: m.start()].rstrip(" “‘\"'(")
        if not head or head[-1] in ".!?:":
            continue  # a sentence's first word is capitalised whatever it is
        for part in words(m.group(1)):
            if part not in _NOT_NAMES and not part.isdigit():
                names.add(part)
    return names


def _letters(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100
