"""Organisations introduced on first mention: an acronym the brief uses before it says what it
stands for gets the name the story's articles give, in editorial brackets: "AMS [American
Management Systems] had settled lawsuits …" (multinews-dev test2464, where the article spelled
it out sentences before the one the brief shows).

No maintained package finds an acronym's definition in running text (scispaCy's abbreviation
detector needs spaCy models, which cannot be downloaded), so this is Schwartz & Hearst's idea,
small: a name printed right before "(CMS)" whose capitalised words' initials hold the acronym's
letters in order, else capitalised words whose initials spell it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.submodules import submodule

_LINKS = ("of", "for", "and", "the", "on", "in", "&")
_LINK = "(?:" + "|".join(_LINKS) + ")"
# An acronym as a word of its own: "AMS", "CMS"; not "U.S.", not "[CMS]" (the brief's own brackets).
_ACRONYM = re.compile(r"(?<![\w.’'\[-])([A-Z]{2,6})(?![\w’'-]|\.\w)")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
NAME_WORDS = 9  # words of a defined name, at most


def expansion(acronym: str, texts: Sequence[str]) -> str | None:
    """What `acronym` stands for in the articles: the name printed before "(CMS)" ("Centers for
    Medicare and Medicaid Services"), else capitalised words whose initials spell it ("American
    Management Systems"); None when the articles give none, or two different ones."""
    word = rf"(?:[A-Z][\w’'.-]*|{_LINK})"
    defined = re.compile(rf"((?:{word} ){{1,{NAME_WORDS}}})\Z")
    names = set()
    for text in texts:  # found by "(CMS)" first: a feed's articles are megabytes to match words in
        for at in (m.start() for m in re.finditer(re.escape(f"({acronym})"), text)):
            found = defined.search(text, max(0, at - 20 * NAME_WORDS), at)
            if found is not None and (name := _defining(found.group(1), acronym)):
                names.add(name)
    # An acronym news readers know ("FBI", "CEO", "TV": in the lexicon Pattern's tagger learned from
    # newspaper text) is spelled out only where an article thought it needed defining.
    if not names and submodule("textblob.en").lexicon.get(acronym) is None:
        # "American Management Systems": each letter opens a capitalised word, a link word between.
        letters = [rf"{c}[\w’'-]*" for c in acronym]
        spelled = re.compile(r"(?<![\w’'-])" + rf" (?:{_LINK} )?".join(letters) + r"(?![\w’'-])")
        names = {m.group(0) for text in texts for m in spelled.finditer(text)}
    return next(iter(names)) if len(names) == 1 else None


def _defining(before: str, acronym: str) -> str:
    """The shortest tail of the words before "(CMS)" that opens on the acronym's first letter and
    whose capitalised words' initials hold its letters in order, or ""."""
    words = before.split()
    for start in range(len(words) - 1, -1, -1):
        if words[start][0] != acronym[0]:
            continue
        initials = iter(w[0] for w in words[start:] if w[0].isupper())
        if all(letter in initials for letter in acronym):
            return " ".join(words[start:])
    return ""


def with_acronyms(text: str, told: str, texts: Sequence[str]) -> str:
    """`text` with the first mention of each acronym the brief has not told before followed by what
    it stands for in brackets, where the articles say: "AMS [American Management Systems] had …"."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    seen: set[str] = set()
    edits: list[tuple[int, str]] = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        if acronym in seen or any(a <= m.start() < b for a, b in quoted):
            continue
        seen.add(acronym)
        if re.search(rf"(?<![\w.’'-]){acronym}(?![\w’'-])", told):
            continue  # told before: introduced there, or used there as readers know it
        name = expansion(acronym, texts)
        if name is not None and name not in told and name not in text:
            edits.append((m.end(), name))
    for end, name in reversed(edits):
        text = f"{text[:end]} [{name}]{text[end:]}"
    return text
