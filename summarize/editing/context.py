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
from collections.abc import Sequence

from ..text.people import REPORTED, is_title
from ..text.quality import outside_quotes

# A pronoun or demonstrative subject: the brief never said whom or what it stands for. "This
# week" and "That night" are times, not references.
_POINTER = re.compile(
    r"^(?:(?:He|She|It|They|We|His|Her|Its|Their|Such)\b|There,)"
    r"|^(?:Both|Neither|Each) (?:are|were|have|had|say|said|will|would|is|was)\b"
    # "Though a juvenile, she was tried …", "During that time, …": the pointer after an opening phrase.
    r"|^(?:Though|Although|While|When|After|Before|As|Because|Since|If|Once|Until)\b[^,;“”\"]{0,80}, (?:he|she|they|it|his|her|their|its)\b"
    # "By the end of his fifth day, he was …", "After the hearing, his lawyer said …": the subject
    # behind any opening phrase is still a pronoun.
    r"|^[A-Z][^,;“”\"]{0,80}, (?:he|she|they|his|her|their)\b(?! (?:said|says|added|told)\b)"
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
    # "Yes, the body-count is very high, but …", "Not if the bag keeps flying off the shelves, you
    # won't.": an answer to something the brief never asked.
    r"|^(?:Yes|No|Well|Sure|Okay|Oh|Look|After all|Of course|Even then|Worse|To be fair),"
    r"|^Not (?:if|that|so|because|when|until)\b"
    # "If not, the waiting time … could range from two to eight hours": a condition that is the
    # sentence before, denied or granted, with nothing left of it here.
    r"|^(?:If|Unless|Even if|Only if) (?:not|so)\b|^In (?:that|which|this) case\b"
    # "More than that phrase from Gilmore Girls.", "Fewer still will have read …": a comparison
    # whose first term, or whose subject, is in the sentence before. ("More than 100 people …"
    # counts.)
    r"|^(?:More|Less|Fewer|Better|Worse) (?:still|yet|than (?!(?:a|an|half|one|about|nearly|almost|around)\b|[\d$£€]))"
)
# "A minute later she addressed a Tweet …", "Later that day, …", "The next day", "By then": a time
# told relative to an event, with the event left in the sentence before. A time relative to now
# ("Later this year", "Earlier on Tuesday") or to an event the sentence names ("Two days after
# the shooting") stands alone.
_UNIT = r"(?:seconds?|minutes?|moments?|hours?|days?|nights?|weeks?|months?|years?|decades?)"
_RELATIVE_TIME = re.compile(
    rf"^(?:[A-Z][\w-]*(?: [a-z\d][\w-]*){{0,3}} )?(?i:{_UNIT}) (?:later|earlier|afterwards?|thereafter|on)\b"
    rf"|^(?:[A-Z][\w-]*(?: [a-z\d][\w-]*){{0,3}} )?(?i:{_UNIT}) (?:after|before)(?=,)"
    # "After, the star was unveiled": "after" with no object is "afterwards".
    r"|^(?:After|Before|Later|Earlier),"
    r"|^(?:Later|Earlier|Afterwards?|Thereafter|Soon after|Shortly after|Shortly thereafter|Immediately after)"
    r"(?![\w-])(?! (?:this|next|last|today|tonight|in \d|[A-Z\d]|(?:in|on|at) [A-Z\d]))"
    rf"|^(?:The|That|This) (?:next|following|previous|preceding|same) (?i:{_UNIT})\b"
    rf"|^That (?:same )?(?:{_UNIT}|morning|afternoon|evening|weekend|spring|summer|fall|autumn|winter)\b"
    # "Eventually, Bill says, the fiction became fact …", "Soon, though, …": the end of a course of
    # events the sentence before began.
    r"|^(?:Eventually|Finally|In the end|At last)\b|^Soon,"
    r"|^(?:By then|By that time|By that point|Until then|Since then|Back then|From then on|At the time|"
    r"At that time|At that point|At this point|At that moment|When all was said and done)\b"
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
# "these substances", "this issue", "that decision", "The sons …", "The cover of his books …":
# a demonstrative or relational noun phrase whose referent the article gave just before.
# (Times — "this week", "that night" — and "those who …" point at nothing.)
_DEMONSTRATIVE = re.compile(
    r"\b(?:these|those) (?!(?:who|whom|which|that|of|in|with|are|were|include|days|years|months|weeks|"
    r"times|two|three)\b)[a-z]"
    r"|\bthis (?!(?:week|weekend|month|year|morning|afternoon|evening|night|time|spring|summer|fall|autumn|"
    r"winter|season|century|decade|is|was|will|has|had|would|could|can|may|might|should|must|does|did|"
    r"and|or|in|on|to|for|of|past|coming|one|all|way|far|much|kind|type|sort)\b)[a-z]"
)
_SHELL_ANYWHERE = re.compile(
    r"\b(?:this|that|these|those|such) (?:sudden |latest |new |recent |earlier |last )?(?:encounter|incident|move|"
    r"decision|episode|exchange|remarks|comments|announcement|revelation|development|attack|accident|"
    r"allegations?|claims?|controversy|issue|report|statement|ruling|deal|plan|proposal|request|offer)\b",
    re.IGNORECASE,
)
_RELATIONAL = re.compile(
    r"^(?:[^,“”\"]{0,80}, )?[Tt]he (?:duo|pair|couple|trio|sons|daughters|brothers|sisters|siblings|twins|boys|"
    r"girls|two men|two women)(?:,| (?!of\b|who\b|[A-Z])[a-z])"
    # "The one great film of his work is …" after a sentence on someone else: whose work?
    r"|^The (?:[\w-]+ ){0,4}(?:of|for|from|in|on|at|with|to|about|behind) (?:his|her|their|its)\b"
)
# "In an exclusive interview with Vocativ …, the 18-year-old insisted …": someone by age alone.
_AGED = re.compile(
    r"(?:^|, )[Tt]he \d+-year-old (?:man |woman |boy |girl )?(?:insisted|said|says|told|tells|added|was|is|has|had|"
    r"did|denied|admitted|pleaded|claimed|allegedly)\b"
)
# "… it would appear many think so.", "… doesn't want to picture it either.": the end points back.
_ENDS_BACK = re.compile(r"\b(?:(?:think|thought|believe|believed|hope|hoped) so|either|too)[.!]?[”\"’]?$")
# "Oliver, too, posted a picture …": a focus particle saying someone else did it first, in a
# sentence the brief does not show.
_ADDITIVE = re.compile(r", (?:too|as well),")
# "The woman escaped at a gas station there and he fled …": "there" as a place, in a sentence that
# names none before it (no capitalised word after its first), so the place is in a sentence before.
# "There is", "there’s" (existential) and "up there" (rank) are not places.
_THERE = re.compile(
    r"^\S+(?: [^A-Z\s][^\s]*)*? there\b(?![’'])"
    r"(?! (?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|seems?|seemed|appears?|"
    r"appeared|remains?|remained|exists?|existed|used|isn|aren|wasn|weren|hasn|haven|hadn|won)\b)"
)
_PLACE_IDIOM = re.compile(r"\b(?:up|out|over|in|down) there\b")
# "One such explosion … left a crater …", "Trees living in such conditions …": "such" points at
# kinds the sentence before described, unless "as …" lists them ("in such films as …").
_SUCH = re.compile(r"\bsuch (?!as\b|a\b|an\b)(?![a-z-]+(?: [a-z-]+){0,2} as\b)[a-z]")
# "Treasury spokeswoman Marisol Garibay did not respond to requests for comment.": the reporter's
# own question, about a claim the sentence does not state; alone in a brief it tells nothing.
_NO_COMMENT = re.compile(
    r"^(?!.*\b(?:but|and)\b).*\b(?:did not|didn[’']t|does not|doesn[’']t|could not|couldn[’']t|would not|wouldn[’']t|"
    r"has not|hasn[’']t|have not|haven[’']t|declined to|refused to)(?: immediately)? "
    r"(?:comment\b|be reached\b|(?:respond|reply|return)\b[^.;]{0,30}\b(?:comments?|requests?|calls?|messages?|e-?mails?|"
    r"inquiries)\b)[^.;]{0,40}[.”\"’]*$"
    # "CBS13 reached out to the toy’s maker, Playmobil, and the retailer …, but neither responded."
    r"|\b(?:neither|none of them|nobody|no one)(?: immediately)? (?:responded|replied|commented)[^.;]{0,40}[.”\"’]*$"
)
# "Dunn said: “Then I would put it on the moving walkway …”": the quotation's own opening.
_QUOTED = re.compile(r"^[^“”\"]{1,80}: [“\"](.*)$")
# "CNN host Piers Morgan just called to discuss …": the outlet speaking of itself, unnamed.
_OUTLET_SELF = re.compile(r"\b(?:just called|called us|told us|told me|contacted us|this reporter|this writer)\b")
# A quotation that closes with no opening mark before it ("I believe the drip, drip, drip of poison
# … finally took hold,’ he says."): it opened in a sentence before, where its speaker may be too.
# A single ’ closes a quotation only after punctuation, so "the parents’ house" stays prose.
_OPENED_BEFORE = re.compile(r"^[^“‘\"]*?[,.!?…][”’](?!\w)")
# A quotation whose speaker is only a pronoun: "“…,” he added." names no one a reader has met.
_PRONOUN_SPEAKER = re.compile(
    r"[”\"],? (?:he|she|they|it) (?:said|says|added|adds|told|tells|wrote|writes|explained|recalled|"
    r"recalls|continued|noted|insisted|argued|warned|asked)\b"
)


def needs_context(text: str) -> bool:
    """Does the sentence, as the brief would show it, need a sentence the brief does not give?"""
    opening = text.lstrip("“‘\"' ")
    own = outside_quotes(text)
    quoted = _QUOTED.match(text)
    if quoted is not None and (
        _RELATION.match(quoted.group(1)) or _RELATIVE_TIME.match(quoted.group(1)) or _COUNT_OF.match(quoted.group(1))
    ):
        return True
    return bool(
        _THERE.match(own) is not None
        and not _PLACE_IDIOM.search(own)
        or _SUCH.search(own)
        or _ADDITIVE.search(own)
        or _NO_COMMENT.search(own.rstrip())
        or _DEMONSTRATIVE.search(own)
        or _SHELL_ANYWHERE.search(text)
        or _RELATIONAL.match(opening)
        or _AGED.search(own)
        or _ENDS_BACK.search(own.rstrip())
        or _OUTLET_SELF.search(own)
        or _POINTER.match(opening)
        or _RELATION.match(opening)
        or _COUNT_OF.match(opening)
        or _RELATIVE_TIME.match(opening)
        or _SHELL.match(opening)
        or _PRONOUN_SPEAKER.search(text)
        or _OPENED_BEFORE.match(text) is not None
        # "The ring went on for several weeks last spring, he said.": a claim in nobody's name.
        or REPORTED.search(own) is not None
    )


# A verb right after a subject: "earned", "says", "will" (what ends a role standing for a name).
_VERB = re.compile(r"^(?:[a-z]+ed|said|says|told|tells|has|had|was|is|will|would|won|took|made|met|left|sent|gave)$")


# "The report suggested …", "The couple's letters …", "The man who found the nugget …": a thing
# or person the article introduced before; read in a brief, only what the brief told before it
# introduces them. (Defined where it stands: "The report by the inspector general …".)
_DEFINITE = re.compile(
    r"^The (report|case|woman|man|couple|investigation|probe|study|bill|lawsuit|suit|letter|plan|proposal|"
    r"suspect|victim|pair|company|group|policy|law|measure|meeting|interview|vote|"
    r"scandal|trial|verdict|sentence|charges|agreement|event|shooting|crash|fire|storm|project|program)s?"
    r"(?:’s|'s)?(?![\w-])(?! (?:of|by|that|which|in|on|at|from|between|with|to|for|released|published|issued)\b)"
)


def unintroduced(text: str, told: Sequence[str]) -> str | None:
    """The thing a sentence opens on as known ("The report suggested …") when the brief has not
    told it in the sentences before (`told`), or None."""
    found = _DEFINITE.match(text.lstrip("“‘\"' "))
    if found is None:
        return None
    head = found.group(1)
    return None if any(re.search(rf"\b{head}", t, re.IGNORECASE) for t in told) else head


def unnamed_role(text: str) -> bool:
    """Does the sentence's subject give a role and no name: "The incoming White House communications
    director earned $4.9 million …" (test0080: Anthony Scaramucci)? A lead must say who."""
    tokens = text.split()[:9]
    if not tokens or tokens[0] != "The":
        return False
    for k in range(1, len(tokens) - 1):
        word = tokens[k].strip(",")
        if word[:1].islower() and is_title(word) and _VERB.match(tokens[k + 1]):
            return True
        if word != tokens[k]:
            return False  # a comma ended the subject
    return False


def addresses_reader(text: str) -> bool:
    """Does the reporter's own voice speak to the reader ("… a road you'll wish hadn't been taken")?"""
    return re.search(r"\byou(?:'ll|’ll|'re|’re|'d|’d|'ve|’ve|r)?\b", outside_quotes(text), re.IGNORECASE) is not None


# Page furniture that reads as a sentence: a photo caption ("Children: Goldie Hawn pictured with
# her daughter …"), a film's credits ("Screenplay by Marc Klein …", "WITH: Julia Roberts …",
# "Relativity Media presents a film directed by …", "… is rated PG"), and a line cut off by the
# page ("… her critically acclaimed performance in.").
_FURNITURE = re.compile(
    r"^[A-Z][\w'’ ]{0,30}: .*\b(?:pictured|seen|left|right|above|below)\b"
    r"|^(?:WITH|STARRING|Starring|With|Directed by|Written by|Screenplay by|Produced by|Running time|Rated)\b[:]?"
    r"|\bpresents an? (?:film|movie|production)\b"
    r"|\bis rated (?:G|PG|PG-13|R|NC-17)\b"
    r"|\b(?:in|of|to|with|for|by|at|from|the|a|an|and|or)\.$"
    # A share bar run into the sentence: "Tweet View Comments “Next Tuesday, Gov. Huntsman …"
    r"|^(?:Tweet|Share|Email|Print)(?: (?:View|Share|Email|Print|Comments|Tweet))+\b"
)


def furniture(text: str) -> bool:
    """Is the "sentence" a caption, a credits line or a line cut off by its page?"""
    return bool(_FURNITURE.search(text.strip()))
