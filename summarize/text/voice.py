"""Who speaks a sentence that is someone's own words: the attribution a brief must print with it.

A brief speaks in the third person. A sentence in the first person ("I then used a wheel chair ...")
or a quote without its speaker ("\"We ask for the public to remain patient.\"") may print only with
its speaker named, and the speaker is often in the sentences just before it, where the quotation
opened ("\"I had a person behind a ticket counter give me a roll of luggage tape,\" Dunn said on his
Vimeo page."). `quote_speaker` finds that name, or None: then the sentence is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Sentence
from .quality import first_person, outside_quotes

_NAME = r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
_VERB = r"(?:said|says|wrote|writes|told|tells|added|adds|explained|recalled|recalls|tweeted|posted)"
# "Dunn said on his Vimeo page", "said Blinken", "Xi Jinping said: ...", "Name: “...”".
_SPEAKER = [
    re.compile(rf"{_NAME} {_VERB}\b"),
    re.compile(rf"\b{_VERB} {_NAME}"),
    re.compile(rf"^\s*{_NAME}:\s*$"),
]
# Names that open a clause but speak for nobody.
_NOT_A_SPEAKER = frozenset("The A An This That It He She They We I But And Then When".split())
LOOK_BACK = 6  # sentences of one quotation, at most, between a quote and the sentence naming its speaker


def quote_speaker(sentences: Sequence[Sentence], index: int) -> str | None:
    """The named speaker of sentence `index` of one document's `sentences`, or None.

    Looks in the sentence itself, then back through the sentences of the same quotation: each
    sentence walked over must itself be quoted or first-person speech, so the search stops where
    the reporter's narration resumes.
    """
    if not _is_speech(sentences[index].text):
        return None  # the reporter's own narration has no speaker to name
    for i in range(index, max(-1, index - LOOK_BACK - 1), -1):
        text = sentences[i].text
        name = _speaker_in(text)
        if name is not None:
            return name
        if not _is_speech(text):
            return None
    return None


def _is_speech(text: str) -> bool:
    return first_person(text) or outside_quotes(text) != text


def attributed(text: str, speaker: str, verb: str = "said") -> str:
    """The sentence as the brief may print it: `Dunn said: “I then used ...”`."""
    inner = text.strip().strip('“”"').strip()
    return f"{speaker} {verb}: “{inner}”"


def _speaker_in(text: str) -> str | None:
    outside = outside_quotes(text)
    for pattern in _SPEAKER:
        for match in pattern.finditer(outside):
            name = match.group(1)
            if name.split()[0] not in _NOT_A_SPEAKER:
                return name
    return None
