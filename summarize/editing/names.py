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
    r"\b(?:in|at|near|across|outside|inside|around|throughout|toward|towards|into|across) "
    r"((?:[A-Z][\w’'.-]*(?: |$))+)",
    re.M,
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
            given, surname = name[0], name[-1]
            if not (_given(given, lower, lexicon) and _surname(surname, lower, lexicon)):
                continue
            givens.setdefault(surname, set()).add(given)
            if surname not in found or not found[surname].role:
                found[surname] = Person(" ".join(name), _role(title_of(text, start, before), lexicon))
    return {s: p for s, p in found.items() if len(givens[s]) == 1 and s not in places}


def _role(role: str, lexicon: dict[str, str]) -> str:
    """The role without the verbs a lower-case one may take in before it: "dating Black Crowes
    singer" is "Black Crowes singer"; "Goldie met" is none (test1745; nameparser lists "met")."""
    words = role.split()
    while words and (lexicon.get(words[0]) or "").startswith("VB"):
        words = words[1:]
    return "" if not words or (lexicon.get(words[-1]) or "").startswith("VB") else " ".join(words)


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
    )
