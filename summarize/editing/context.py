"""Does a sentence lean on context a brief does not give? Then a news brief does not show it.

A brief is read without its articles, so a sentence that needs the one before it in its article
misleads: "In response, Senate Republicans eliminated the filibuster" after a sentence on Justice
Kennedy's retirement reads as a response to it. Such a sentence is left out of a news brief,
unless the pronoun that opens it is one its article settles (segment.py names the person, shown
in editorial brackets, "[McConnell] said …"). A connective that only joins ("And", "But",
"Also", "However,") is cut instead (select.without_connective); what it leaves is checked here.

The word lists are short closed classes of English (pronouns, connectives, shell nouns after
Schmid 2000), written here because no maintained package lists them for this use.
"""

from __future__ import annotations

import re

# A pronoun or demonstrative subject: the brief never said whom or what it stands for. "This
# week" and "That night" are times, not references.
_POINTER = re.compile(
    r"^(?:He|She|It|They|We|His|Her|Its|Their|Such|There,)\b"
    r"|^(?:Both|Neither|Each) (?:are|were|have|had|say|said|will|would|is|was)\b"
    # "Though a juvenile, she was tried …", "During that time, …": the pointer after an opening phrase.
    r"|^(?:Though|Although|While|When|After|Before|As|Because|Since|If|Once|Until)\b[^,;“”\"]{0,80}, (?:he|she|they|it|his|her|their|its)\b"
    r"|^(?:During|After|Before|Since|At|By|In|On|Until) (?:that|this|those|these|then)\b"
    r"|^(?:In|Of|For|From|To|With|Among|Between|Like|Unlike) (?:them|it|him|her)\b"
    r"|^(?:This|That|These|Those)\b(?! (?:week|weekend|month|year|morning|afternoon|evening|night|time|spring|summer|fall|autumn|winter)\b)"
)
# Connectives of response, consequence or contrast: they state a relation to what came before,
# so they cannot be cut without changing what the sentence says.
_RELATION = re.compile(
    r"^(?:In response|In fact|As a result|In turn|In return|Still,|Instead|Nevertheless|Nonetheless|Even so|"
    r"By contrast|In contrast|On the other hand|Thus|Therefore|Consequently|So(?! far)|Then|Otherwise|Indeed|"
    r"Besides|Moreover|Furthermore|In addition|Again|Similarly|Likewise|Yet|But|However|And|Also|"
    r"That's why|That’s why|Despite this|Despite that|Because of this|After that)(?![\w-])"
)
# "Six of them", "Most of those": a count of something the brief has not shown.
_COUNT_OF = re.compile(
    r"^(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Some|Many|Most|All|None|Both|Each|"
    r"Several|Half|Few|A few|Neither|Either)\s+of\s+(?:them|those|these|us|whom)\b"
)
# "The encounter …": a shell noun that names an event the article told just before. Followed by
# a word that defines it ("The video, posted Tuesday, …", "The decision by the court …") it is
# introduced in the sentence itself.
_SHELL = re.compile(
    r"^The (?:encounter|incident|move|decision|episode|exchange|remarks|comments|video|footage|letter|"
    r"statement|announcement|revelation|development|tweet|post|attack|accident|confrontation|"
    r"altercation|discovery|change|shift|request|offer|deal|ruling)\s+(?!of\b|by\b|that\b|which\b|in\b|on\b|"
    r"at\b|from\b|between\b|with\b|to\b|for\b|posted\b|released\b|published\b|filed\b|issued\b|made\b)[a-z]"
)
# A quotation whose speaker is only a pronoun: "“…,” he added." names no one a reader has met.
_PRONOUN_SPEAKER = re.compile(
    r"[”\"],? (?:he|she|they|it) (?:said|says|added|adds|told|tells|wrote|writes|explained|recalled|"
    r"recalls|continued|noted|insisted|argued|warned|asked)\b"
)


def needs_context(text: str) -> bool:
    """Does the sentence, as the brief would show it, need a sentence the brief does not give?"""
    opening = text.lstrip("“‘\"' ")
    return bool(
        _POINTER.match(opening)
        or _RELATION.match(opening)
        or _COUNT_OF.match(opening)
        or _SHELL.match(opening)
        or _PRONOUN_SPEAKER.search(text)
    )
