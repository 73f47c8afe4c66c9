"""People the articles name in full whom no article's cast confirms: so a brief's "accused Romney"
or "according to Spicer" still gets the full name ("accused [Mitt] Romney").

`people.people` lists only those an article shows to be people (they speak, carry a capitalised
title, are called Mr./Ms.); "Mitt Romney" printed once inside a quotation, and then "accused
Romney" and "help Romney", is none of these (test4035). Here a capitalised word is a person's
surname only when an article prints it after one given name, and no article uses it as a common
word (in lower case, or in the tagger's lexicon: "Young", "Bush", "Judge"), as a place ("in Las
Vegas") or as a body's name ("Washington Post"). A surname printed after two given names is
either person's and nobody's here. The brief then edits it only where it stands for a person
(`introduce._as_person`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.people import BODIES, NOT_GIVEN, Person, is_title, name_runs, name_word, title_of
from ..text.submodules import submodule

# Prepositions of place: a name after them ("in Las Vegas", "at Barneys New York") is a place's.
_PLACE = re.compile(
    r"\b(?:in|at|near|across|outside|inside|around|throughout|toward|towards|into) "
    r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)"
)
# Closed word classes of the tagger's lexicon (and adverbs): "Neither Reynolds", "Meanwhile Romney".
_FUNCTION = frozenset({"DT", "PDT", "CC", "IN", "TO", "EX", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "RB", "MD"})


def full_names(texts: Sequence[str]) -> dict[str, Person]:
    """Each surname the articles give with one given name, and never as a word, place or body:
    the person by surname, with the title the article gives before the name, if any."""
    lexicon = submodule("textblob.en").lexicon
    lower = {w for text in texts for w in re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text)}
    places = {w for text in texts for m in _PLACE.finditer(text) for w in m.group(1).split()}
    givens: dict[str, set[str]] = {}
    found: dict[str, Person] = {}
    for text in texts:
        for tokens, start in name_runs(text):
            if tokens[-1] in BODIES:  # "Washington Post", "Lincoln Center": every word a body's
                places.update(tokens)
                continue
            size = 3 if len(tokens) >= 3 and re.fullmatch(r"[A-Z]\.", tokens[-2]) else 2
            if len(tokens) < size:
                continue
            name, before = tokens[-size:], tokens[:-size]
            if before and _given(before[-1], lower, lexicon) and not is_title(before[-1]):
                name, before = [before[-1], *name], before[:-1]  # "Francis Ford Coppola"
            role = _role(title_of(text, start, before), lexicon)
            if before and not role and _proper(before[-1], lexicon):
                continue  # a longer name, not a person's: "New York Mets", "Chicago-bound Amtrak"
            given, surname = name[0], name[-1]
            if (
                not all(name_word(t) for t in name)
                or not (_given(given, lower, lexicon) and _surname(surname, lower, lexicon))
                or given in places
            ):
                continue
            givens.setdefault(surname, set()).add(given)
            if surname not in found or not found[surname].role:
                found[surname] = Person(" ".join(name), role)
    return {s: p for s, p in found.items() if len(givens[s]) == 1 and s not in places}


def stands_alone(text: str, at: int, surname: str) -> bool:
    """Does the surname at `at` stand for a person by itself, as a name no cast confirms must: not a
    possessive, a modifier or part of a longer name ("Hollywood's biggest stars", "the Romney camp",
    "Hollywood Reporter"), and, opening the sentence, followed by a verb ("Romney said", not "Vegas
    casinos")?"""
    after, before = text[at + len(surname) :], text[:at].rstrip(' “"‘[')
    if re.match(r"[’']| [A-Z]", after) or re.search(r"\b(?:the|a|an)\Z", before, re.I):
        return False
    if before:
        return True
    verb = re.match(r" ([a-z]+)", after)
    return verb is not None and (submodule("textblob.en").lexicon.get(verb.group(1)) or "").startswith(("VB", "MD"))


def _role(role: str, lexicon: dict[str, str]) -> str:
    """The role without the verbs a lower-case one may take in before it: "dating Black Crowes
    singer" is "Black Crowes singer"; "Goldie met" is none (test1745; nameparser lists "met")."""
    words = role.split()
    while words and (lexicon.get(words[0]) or "").startswith("VB"):
        words = words[1:]
    last = lexicon.get(words[-1]) or "" if words else ""
    return "" if not words or last.startswith("VB") or last in _FUNCTION else " ".join(words)


def _proper(word: str, lexicon: dict[str, str]) -> bool:
    """Can `word` be part of a longer proper name ("New York Mets"), not a sentence's opener ("While
    Mitt Romney's campaign …", a function word by the tagger's lexicon)?"""
    return lexicon.get(word.lower()) not in _FUNCTION


def _given(word: str, lower: set[str], lexicon: dict[str, str]) -> bool:
    """Can `word` be a given name: not a word the articles write in lower case ("Say Romney"), not a
    function word, title or adjective in capitals ("Meanwhile", "Senator", "Chinese")?"""
    return (
        name_word(word)
        and not word.endswith(".")
        and word not in NOT_GIVEN
        and word.lower() not in lower
        and lexicon.get(word.lower()) not in _FUNCTION
        and lexicon.get(word) != "JJ"
        and not is_title(word)
    )


def _surname(word: str, lower: set[str], lexicon: dict[str, str]) -> bool:
    """Can `word` be a surname: no common word by the articles or the lexicon ("Young", "Bush")?"""
    return (
        name_word(word)
        and not word.endswith(".")
        and word not in NOT_GIVEN
        and word.lower() not in lower
        and lexicon.get(word.lower()) is None
        and lexicon.get(word) not in ("JJ", "NNPS")
        and f"{word}." not in lexicon  # "Stanley Inc.", "Computer Sciences Corp.", "Kennedy Jr."
    )
