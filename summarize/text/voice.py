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
from .people import PERSONAL, REPORTED
from .quality import first_person, outside_quotes

_NAME = r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
_VERB = r"(?:said|says|wrote|writes|told|tells|added|adds|explained|recalled|recalls|tweeted|posted)"
# "Dunn said on his Vimeo page", "said Blinken", "Xi Jinping said: ...", "Name: “...”".
# "said Blinken", but not "told CBS Sacramento": after "told" comes the listener.
_VERB_FIRST = r"(?:said|says|wrote|writes|added|adds|explained|recalled|recalls|tweeted|posted)"
_SPEAKER = [
    re.compile(rf"{_NAME} (?:also |later |then |previously )?{_VERB}\b"),
    # The verb before the name only where nothing is its subject ("…,” said Blinken"): in "But he
    # says Goldie used her fame …" (test1745) and "said Monday", the name is not the speaker.
    re.compile(rf"(?<![a-z] )\b{_VERB_FIRST} {_NAME}"),
    re.compile(rf"^\s*{_NAME}:\s*$"),
]
# "…,” she told CBS Sacramento", "…,” her statement said": the quotation's speaker is given without
# a name, which is not ours to guess from elsewhere.
_SAYS = re.compile(rf"\b{_VERB}\b", re.IGNORECASE)
_HONORIFIC = frozenset({"Jr.", "Sr.", "St."})
# Names that open a clause but speak for nobody.
_NOT_A_SPEAKER = frozenset("The A An This That It He She They We I But And Then When".split())
# A quotation tagged with a pronoun: "“I think that will encourage people …,” he added." (`words`
# is what the brief quotes, without the comma that handed over to the tag; `rest` stays with the
# verb: "he said at the time", "she told the Washington Times").
PRONOUN_TAG = re.compile(
    r"^[“\"](?P<words>[^“”\"]*[^“”\",\s])[,\s]*[”\"],? (?:he|she) (?P<verb>said|says|added|adds|told|tells|wrote|"
    r"writes|explained|recalled|recalls|continued|noted|insisted|argued|warned)(?P<rest>(?: [^\s“”\".,;:!?]+){0,7})[.!]$"
)
LOOK_BACK = 6  # sentences of one quotation, at most, between a quote and the sentence naming its speaker


def quote_speaker(sentences: Sequence[Sentence], index: int, inside: Sequence[bool] | None = None) -> str | None:
    """The named speaker of sentence `index` of one document's `sentences`, or None.

    Looks in the sentence itself, then back through the sentences of the same quotation (each
    sentence walked over must itself be quoted or first-person speech, so the search stops where
    the reporter's narration resumes), then, when the quotation goes on past the sentence, on to
    where it closes: "“We hope for the best. We are ready,” Kono said." names Kono for both.
    `inside[i]` says that sentence i opens inside a quotation an earlier one left open (segment.py
    knows, from the paragraphs): "“A. B. C,” Kono said." makes B speech without a quote mark.
    """
    known = inside is not None
    opened = inside if inside is not None else [False] * len(sentences)
    if not _is_speech(sentences[index].text, opened[index]):
        return None  # the reporter's own narration has no speaker to name
    back = range(index, max(-1, index - LOOK_BACK - 1), -1)
    found = _walk(sentences, back, opened)
    if found is not None:
        return found
    ahead = index + 1
    while ahead < len(sentences) and ahead <= index + LOOK_BACK and _continues_quote(sentences, ahead, opened, known):
        name = _speaker_in(sentences[ahead].text)
        if name is not None or _SAYS.search(outside_quotes(sentences[ahead].text)):
            return name
        ahead += 1
    return None


def speaker_named(text: str) -> str | None:
    """The name the sentence gives its speaker ("..., Scaramucci wrote" -> "Scaramucci"), or None."""
    return _speaker_in(text)


def _walk(sentences: Sequence[Sentence], indices: range, opened: Sequence[bool]) -> str | None:
    for i in indices:
        text = sentences[i].text
        if not _is_speech(text, opened[i]):
            # Narration names nobody in the quotation ("Batts said police would ..."), unless it
            # introduces it: "Delynn also told Kavanaugh it's silly to flush the water:".
            return _speaker_in(text) if i < indices.start and text.rstrip().endswith(":") else None
        name = _speaker_in(text)
        if name is not None:
            return name
        if _SAYS.search(outside_quotes(text)):
            return None  # "…,” her statement said": the quotation has a speaker, and no name
    return None


def _continues_quote(sentences: Sequence[Sentence], i: int, opened: Sequence[bool], known: bool) -> bool:
    """Does sentence i go on with the quotation the one before it left open?"""
    if known:
        return opened[i]
    before = sentences[i - 1].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_speech(text: str, inside: bool = False) -> bool:
    return inside or first_person(text) or outside_quotes(text) != text


def shown(sentence: Sentence) -> str:
    """The sentence as a brief prints it: with its speaker named when it is someone's own words."""
    if sentence.attribution is not None:
        return quoted(sentence.text, sentence.attribution)
    if sentence.referent is not None:
        return bracketed(sentence.text, sentence.referent)
    return sentence.text


def bracketed(text: str, referent: str) -> str:
    """The sentence with its opening pronoun replaced by the person it stands for, in editorial
    brackets: "He said at the time …" -> "[McConnell] said at the time …"; "His" -> "[McConnell’s]";
    "…, he said." (a reported claim's pronoun speaker) -> "…, [Pontecorvo] said." likewise."""
    opening = PERSONAL.match(text)
    if opening is None:
        tag = REPORTED.search(text)  # "…, he said." -> "…, [Pontecorvo] said."
        if tag is None:
            return text
        return f"{text[: tag.start('pronoun')]}[{referent}]{text[tag.end('pronoun') :]}"
    word = opening.group(1)
    name = f"{referent}’s" if word.lower() in ("his", "her") else referent
    return f"{text[: opening.start(1)]}[{name}]{text[opening.end(1) :]}"


def quoted(text: str, attribution: str) -> str:
    """The sentence as the brief may print it: `Dunn said: “I then used ...”`."""
    inner = text.strip().strip('“”"').strip()
    # The words of a quotation its tag followed ("…,” he added.") end without a full stop.
    end = "" if inner.rstrip("’'”\"")[-1:] in ".?!…" else "."
    return f"{attribution}: “{inner}{end}”"


def _speaker_in(text: str) -> str | None:
    outside = outside_quotes(text)
    for pattern in _SPEAKER:
        for match in pattern.finditer(outside):
            name = match.group(1)
            if name.split()[0] not in _NOT_A_SPEAKER:
                # "said Thomas." ends a sentence: the full stop is not part of the name.
                return name if name.split()[-1] in _HONORIFIC else name.rstrip(".")
    return None
