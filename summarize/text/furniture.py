"""Page furniture that plain-text scrapes carry inside or above the prose, beyond `debris.py`'s rules:
an inline link widget glued into a sentence, a video player's label, a correction notice, a
permission credit, footnote marks, and button rows or credits printed where a headline would be.

Each rule is taken from a real scraped page (tests/test_furniture.py holds the examples). No library
tells these from prose once the markup is gone, hence rules.
"""

from __future__ import annotations

import re

# The Hill's inline link: after a person's name the page prints a card with the full name, the
# headline of a story about them glued on, and "MORE": "President Trump Donald John TrumpScaramucci
# warns Trump must 'change tactics now' on trade MORE’s next nomination". The printed name ends with
# the surname the card repeats; everything from there to "MORE" is the card.
_LINK_CARD = re.compile(
    r"\b(?P<surname>[A-Z][\w'’-]{1,30})(?P<card> [^\n]{1,60}?(?P=surname)(?=[A-Z\d'‘\"“])[^\n]{1,250}? MORE)(?![\w])"
)
# A footnote's number glued to the end of a sentence: "... unto [the Lord].”3 And ...".
_FOOTNOTE = re.compile(r"(?<=[a-z\]][.!?][”’\"])\d{1,2}(?=\s|$)|(?<=[a-z\]][.!?])\d{1,2}(?=\s+[A-Z“\"]|$)")

# Whole lines (paragraphs) that are furniture, matched in full, case-insensitively.
_FURNITURE_LINES = [
    ("video player", r"close [A-Z].*"),  # USA Today's player: "CLOSE Scientists say ..." (label checked below)
    ("correction", r"(corrections?|clarifications?)\s*[:—–-].*"),
    (
        "photo caption",
        r"(photo |image )?credits? (?-i:[A-Z])[\w.&'’/ -]{0,60}",
    ),  # "Credit U.S. Senate", not "Credit card fees"
    ("photo caption", r"click (the )?(image|photo|picture|graphic)s? (above|below) to (view|enlarge|see)\b.{0,40}"),
    ("date line", r"(date )?(posted|published|updated|modified)( on| at)?\s*:?\s*[\w.,: ]{0,40}\d{4}.{0,20}"),
    ("date line", r"(mon|tues|wednes|thurs|fri|satur|sun)day,? [\w.]+ \d{1,2},? \d{4}.{0,20}"),
    ("page chrome", r"page \d+ of \d+"),
    # A video's caption file printed as text, any length: "WEBVTT MAX: WE'RE GOING TO BE ONTRAVERSE CREEK ...".
    ("caption transcript", r"webvtt\b.*"),
    # A row of buttons: "Share this article Share Tweet Post Email", "Play Facebook Twitter Embed".
    (
        "page chrome",
        r"((share|play|tweet|post|email|e-mail|facebook|twitter|pinterest|linkedin|reddit|whatsapp|embed|"
        r"print|copy|link|this|article|story|video|on|google\+?|comment|comments|save)\W*){2,12}",
    ),
]
_LINES = [(what, re.compile(pattern, re.IGNORECASE)) for what, pattern in _FURNITURE_LINES]
# The player's label is shouted; "Close friends say ..." is prose.
_PLAYER_LABEL = re.compile(r"CLOSE [A-Z]")

# Sentences that are notices about the page, not the story.
_NOTICES = [
    (
        "correction",
        re.compile(r"\b(an? )?(earlier|previous|prior) versions? of this (article|story|report|post)\b", re.I),
    ),
    ("correction", re.compile(r"^(correction|clarification)s?\s*[:—–]", re.I)),
    (
        "photo credit",
        re.compile(r"\b(is|are) used (here )?with permission\b|\b(reprinted|reproduced) with permission\b", re.I),
    ),
]


def furniture_line(line: str) -> str | None:
    """What furniture fills this whole paragraph ("video player", "correction", ...), or None."""
    for what, pattern in _LINES:
        if pattern.fullmatch(line) and (what != "video player" or _PLAYER_LABEL.match(line)):
            return what
    return None


def furniture_sentence(sentence: str) -> str | None:
    """What page notice this sentence is ("correction", "photo credit"), or None for prose."""
    for what, pattern in _NOTICES:
        if pattern.search(sentence):
            return what
    return None


def strip_inline(paragraph: str) -> tuple[str, int, int]:
    """The paragraph without link cards and footnote marks, with how many of each were cut."""
    paragraph, cards = _LINK_CARD.subn(lambda m: m.group("surname"), paragraph)
    paragraph, marks = _FOOTNOTE.subn("", paragraph)
    return paragraph, cards, marks
