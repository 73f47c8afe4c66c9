"""Who speaks in a sentence, who a name is, and what a sentence leans on: the reference half of the
editorial checker (WA, US, NI need the first two; DR the last).

Written apart from `text/voice.py` on purpose (a checker that shares the code it checks finds
nothing): these are plain patterns over the sentence text, read the way a reader would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text.words import content_terms, stem

# A single quotation mark left open runs to the sentence's end ("saying: ‘Pa, … thank you.").
# A closing mark printed as the opening one after a colon (": ”Jay’s foremost concern …") opens too.
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)|(?<!\w)‘[^’]*$|(?<=: )”[^”“]*”?")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
# Words a capitalised run may start with that are not part of a name.
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I His Her Its Their Our But And Or So Yet In On At "
    "For With As By From After Before When While If Then There Here What Who Why How Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)
# A role or title before a surname introduces the person as a full name does ("Sen. Collins").
ROLES = frozenset(
    "President Sen Senator Rep Representative Gov Governor Mayor Judge Justice Secretary Minister Chancellor "
    "Premier Gen General Adm Col Capt Lt Sgt Officer Chief Sheriff Speaker Leader Commissioner Director "
    "Chairman Chairwoman Coach Pope King Queen Prince Princess Ambassador Attorney Prosecutor Detective "
    "Professor Prof Dr Rev Bishop Dean Councilman Councilwoman Trooper Deputy Superintendent Spokesman "
    "Spokeswoman Spokesperson CEO Lord Lady Sir Dame".split()
)
_CAP = r"[A-Z][\w'’.-]*[\w]"
NAME = rf"(?:{_CAP}\.?)(?:\s+(?:{_CAP}\.?|[A-Z]\.))*"
_VERB = (
    r"(?:said|says|told|added|adds|wrote|writes|explained|noted|argued|argues|stated|insisted|claimed|"
    r"tweeted|recalled|continued|warned|asked|announced|acknowledged|admitted|replied|responded|testified|"
    r"concluded|posted|explains|notes|insists|recalls|continues|warns|asks|adds|tells|quipped|joked|"
    r"conceded|cautioned|emphasized|stressed|suggested|complained|boasted|declared|predicted|urged)"
)
# The speaker before the verb: a pronoun, a name, or a described one ("officials", "the bishop").
_SUBJECT_SAYS = re.compile(
    rf"(?P<s>\b(?:he|she|they|we|i|He|She|They|We|I)\b|{NAME}|\b(?:the |a |an )?[a-z]+)\s+(?:also\s+|later\s+)?{_VERB}\b"
)
# A name, its description, then the verb ("Sen. Roy Blunt, the top Republican, said").
_APPOSITIVE = re.compile(rf"(?P<s>{NAME}),\s+[^,“”\"]{{1,80}},\s+(?:also\s+)?{_VERB}\b")
# Inverted ("..., said Smith.", "says biographer Ron Chernow"): the speaker ends the clause, else
# it is what was said ("said he would").
_END = r"(?=\s*[,.;:]|\s*$|\s+(?:on|in|at|to|during|after|about|from|of|who|when)\b)"
_SAYS_SUBJECT = re.compile(rf"\b{_VERB}\s+(?:[a-z][\w.-]*\s+){{0,3}}?(?P<s>{NAME}|he|she|they){_END}")
_SAYS_DESCRIBED = re.compile(
    rf"\b{_VERB}\s+(?P<s>(?:the|a|an|one|another|his|her|their)\s+[a-z][\w\s-]*?)(?=\s*[,.;:]|\s*$)"
)
_ACCORDING = re.compile(rf"\baccording to\s+(?P<s>{NAME}|him|her|them)")
SPEECH = re.compile(rf"\b{_VERB}\b|\baccording to\b|:\s*[“\"]")
# Surname particles ("Tom Van Camp") and elided prefixes ("Conan O’Brien") belong to the surname.
PARTICLES = frozenset("Van Von De Del Della Di Da Du Le La".split())
PARTICLE = r"(?:(?:Van|Von|De|Del|Della|Di|Da|Du|Le|La)\s+(?:der\s+|den\s+)?)"
_SURNAME = r"(?:[A-Z][’'])?[A-Z][a-z][\w'’-]+"
_PERSON = re.compile(rf"\b(?:(?:{'|'.join(sorted(ROLES))})\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+{PARTICLE}?{_SURNAME}")


def outside_quotes(text: str) -> str:
    return QUOTED.sub(" … ", text)


def _clean(name: str) -> str:
    words = [w.strip(".,’'") for w in name.split()]
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(w.removesuffix("’s").removesuffix("'s") for w in words)


def speaker(text: str) -> str | None:
    """The speaker a sentence gives its words to: a name or body ("Police"), a pronoun, "" for one
    described but not named ("the bishop said"), or None when it quotes or reports no one."""
    outside = outside_quotes(text)
    for pattern in (_APPOSITIVE, _SUBJECT_SAYS, _SAYS_SUBJECT, _SAYS_DESCRIBED, _ACCORDING):
        for match in pattern.finditer(outside):
            who = match.group("s")
            if who.lower() in PRONOUNS:
                return who.lower()
            if who[:1].islower():
                return ""
            cleaned = _clean(who)
            if cleaned:
                return cleaned
    return None


def is_speech(text: str) -> bool:
    """A quotation or a reported claim: the reader needs to know whose words they are."""
    outside = outside_quotes(text)
    quoted = len(text.split()) - len(outside.split())
    return bool(SPEECH.search(outside)) or quoted >= 3


def people(text: str) -> list[str]:
    """The full names (a first name and a surname, with or without a role) a sentence holds, in order."""
    found = []
    for match in _PERSON.finditer(text):
        name = _clean(match.group(0))
        if len(name.split()) >= 2 or match.group(0).split()[0].rstrip(".") in ROLES:
            found.append(name)
    return found


def same_person(a: str, b: str) -> bool:
    """Do two names point at one person (a shared surname or word of a body's name)? A hyphenated
    surname shares its parts ("Mozes" is Judy Nir-Mozes)."""
    return bool(_name_words(a) & _name_words(b))


def _name_words(name: str) -> set[str]:
    words = {w.lower() for w in name.split() if w.rstrip(".") not in ROLES}
    return {part for w in words for part in (w, *w.split("-")) if len(part) > 2}


def surname_of(name: str) -> str:
    """A full name's surname, with its particle ("Van Camp" of "Tom Van Camp")."""
    words = name.split()
    if len(words) >= 3 and words[-2] in ("der", "den") and words[-3] in PARTICLES:
        return " ".join(words[-3:])
    if len(words) >= 2 and words[-2] in PARTICLES:
        return " ".join(words[-2:])
    return words[-1] if words else ""


def article_speaker(sentences: Sequence[str], index: int) -> str | None:
    """Who the article gives sentence `index`'s words to: its named speaker, or for a pronoun (or
    an unattributed quotation) the last one the article named as speaking before it."""
    own = speaker(sentences[index])
    if own:
        return own if own not in PRONOUNS else _last_named(sentences[:index], own)
    return None if own == "" else _last_named(sentences[:index])


def brief_speaker(earlier: Sequence[str], pronoun: str | None = None) -> str | None:
    """Who a reader takes a pronoun speaker for: the last speaker the brief named before."""
    return _last_named(earlier, pronoun)


def anyone_named(earlier: Sequence[str]) -> bool:
    """Has the brief named anyone a pronoun could stand for (a speaker, or a person in full)?"""
    return any(people(text) or speaker(text) not in (None, "", *PRONOUNS) for text in earlier)


def _last_named(sentences: Sequence[str], pronoun: str | None = None) -> str | None:
    """The last speaker named; for "he" or "she" the last one who can be a person, not a plural
    body ("Prosecutors argued": tagged as a plural common noun, where "Jones said" is a proper one)."""
    for text in reversed(sentences[-12:]):
        named = speaker(text)
        if not named or named in PRONOUNS:
            continue
        if pronoun in ("he", "she") and " " not in named and dict(tagger().tag(text)).get(named) == "NNS":
            continue
        return named
    return None


def surnames(text: str) -> list[str]:
    """Capitalised words standing alone (no capitalised word either side) outside quotations: the
    surnames of people the sentence mentions by surname only, when the articles show them as people.
    Editorial brackets are read through ("Bill [Hudson]" is a full name); "the Obama administration"
    uses the name as a modifier, not as a mention of the person."""
    outside = outside_quotes(text).replace("[", "").replace("]", "")
    found = []
    for match in re.finditer(rf"(?<![\w’'.])({PARTICLE}?{_SURNAME})", outside):
        before = outside[: match.start()].rstrip()
        after = outside[match.end() :].lstrip()
        previous = before.split()[-1] if before.split() else ""
        if previous[:1].isupper() and not before.rstrip('”"’').endswith((".", ",", ":", "…")):
            continue
        if previous[:1].isupper() and previous.rstrip(".") in ROLES:
            continue
        if after[:1].isupper() and not match.group(1).endswith(("’s", "'s")):
            continue
        if previous in ("the", "The") or match.group(1).split()[0] in _NOT_NAMES:
            continue
        found.append(match.group(1).removesuffix("’s").removesuffix("'s"))
    return found


# "This week, …" and "That night …" are times, not references.
_OPENER = re.compile(
    r"^[“\"‘]?(He|She|It|They|This|That|These|Those|Its|His|Her|Their|Such)\b(?![-’'])"
    r"(?! (?:week|weekend|month|year|morning|afternoon|evening|night|time|spring|summer|fall|winter)\b)"
)
_CONNECTIVE = re.compile(
    r"^(In response|In fact|As a result|Still|However|But|Yet|Instead|Nonetheless|Nevertheless|Even so|"
    r"Consequently|Therefore|Thus|So|That said|By contrast|In contrast|On the other hand|Indeed|Otherwise|"
    r"In turn|Despite (?:this|that|it)|Because of (?:this|that)|Even then|Afterward|After that|"
    # Addition and alternative lean on a sentence before as much as contrast does.
    r"Also|In addition|Additionally|Moreover|Furthermore|Besides|Or|And|Plus|"
    # "In them, Sandusky expressed …": a pronoun behind a preposition.
    r"(?:In|Of|From|Among|Through|With|Without|By|For|To) (?:it|them|this|that|these|those)(?= *,)|"
    # "A minute later she …": later than what the brief has not told.
    r"(?:A|One|Two|Three|Several|Few|\d+) (?:minute|moment|hour|day|week|month|year)s? later|"
    r"(?:Minutes|Moments|Hours|Days|Weeks|Months|Years) later|Later(?! (?:this|next|in \d|[A-Z\d]))|The next day|The following day|"
    # A day, a moment or a period the brief never set: "That night", "By then", "At the time".
    r"That (?:same )?(?:day|night|morning|evening|afternoon|week|month|year)|The (?:next|following|previous) \w+|"
    r"By then|Since then|Back then|Until then|At the time|At that (?:time|point|moment)|Earlier,|Shortly after,|"
    r"Soon after,|When all was said and done)(?![\w-])"
)
# "Even on days when he only finds …,", "When his ratings dipped, O’Brien …": the clause that opens
# the sentence is about someone only a pronoun names.
_CLAUSE = re.compile(
    r"^(?:Even |Only |Just )?(?:(?:on|in|at) (?:days|times|nights|years) )?"
    r"(?:When|Whenever|While|After|Before|Because|Since|If|Once|Until|Though|Although|Unless|As) "
    r"[^,A-Z“”\"]*?\b(he|she|his|her|they|their|him|them)\b[^,]*,",
    re.I,
)
_POINTER = re.compile(
    r"^(?:The|This|That|These|Those) (encounter|video|incident|move|decision|report|statement|letter|bill|deal|"
    r"attack|shooting|case|announcement|comments?|remarks|post|tweet|meeting|study|book|booklet|plan|proposal|"
    r"ruling|measure|event|episode|footage|photos?|images?|interview|program|exchange|clip|change|request|"
    r"policy|law|order|lawsuit|suit|investigation|probe|vote|decline|rise|increase|move|effort|claim|"
    r"allegations?|accusations?|scandal|controversy|company|group|man|woman|couple|pair|victim|suspect)s?\b"
    # "The rise of Genghis Khan …", "The decision by the court …": defined where it stands.
    r"(?! (?:of|by|that|which|who|whose|in|on|at|from|between|with|to|for)\b)"
)
# "The second fighter", "The other man": one of a set the brief has not given.
_ORDINAL = re.compile(r"^(?:The|A) (?:second|third|fourth|other|latter|former|remaining) [a-z]+\b(?! (?:of|in)\b)")
_TWO = re.compile(r"\b[A-Z][a-z]+ and [A-Z][a-z]+\b|\b(?:both|two)\b")
_COUNTED = re.compile(
    r"^(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Some|Many|Most|All|Both|None|Several|Each|Half|"
    r"Neither|Either|\d+) of (them|those|these)\b"
)


@lru_cache(maxsize=1)
def tagger():  # type: ignore[no-untyped-def]
    """TextBlob's Pattern tagger: its lexicon ships in the wheel (NLTK's tagger needs a download)."""
    from textblob.en.taggers import PatternTagger

    return PatternTagger()


def dangling(text: str, earlier: Sequence[str], adjacent: bool, article_before: str = "") -> str | None:
    """DR: why the sentence leans on something the brief has not introduced, or None.
    `article_before` is the cited article's text before the cited span: what it told first."""
    if adjacent:
        return None
    if (m := _OPENER.match(text)) is not None:
        if m.group(1) in ("He", "She", "His", "Her") and earlier and (people(earlier[-1]) or _named(earlier[-1])):
            return None
        return f"opens with “{m.group(1)}”"
    if (m := _CONNECTIVE.match(text)) is not None:
        return f"opens with “{m.group(1)}”"
    if (m := _CLAUSE.match(text)) is not None and not _cataphora(text[m.end() :], article_before):
        return f"“{m.group(1)}” in the opening clause names no one"
    if (reason := _possessive_subject(text)) is not None:
        return reason
    if (reason := pointing_back(text, earlier, article_before)) is not None:
        return reason
    if (m := _COUNTED.match(text)) is not None:
        return f"“{m.group(0)}”"
    if (m := _ORDINAL.match(text)) is not None and not any(m.group(0).split()[-1] in e for e in earlier):
        return f"“{m.group(0)}” of what the brief has not given"
    if (m := _POINTER.match(text)) is not None:
        head = stem(m.group(1).lower())
        if head in ("coupl", "pair") and any(_TWO.search(e) for e in earlier):
            return None  # "The couple" after "Jerry and Dottie Sandusky"
        if not any(head in content_terms(e) for e in earlier):
            return f"“{m.group(0)}” not mentioned before"
    return demonstrative(text, earlier)


_TIMES = frozenset(
    "week weekend month year morning afternoon evening night time season spring summer fall winter day".split()
)
# "this article", "this story": the page the words stand on, not something the brief left out.
_SELF = frozenset("article story page piece site".split())


def demonstrative(text: str, earlier: Sequence[str]) -> str | None:
    """DR inside a sentence: "brought this undisclosed evidence", "included those two words", where
    nothing before in the brief (or the sentence) is the evidence or the words. Tagged, so that
    "this is" and "made this inevitable" (a pronoun) are not taken for a phrase; "this statement:"
    points forward at what follows."""
    outside = outside_quotes(text)
    tagged = tagger().tag(outside)
    for k, (word, tag) in enumerate(tagged):
        if k == 0 or word not in ("this", "these", "those") or tag != "DT":
            continue
        rest = tagged[k + 1 : k + 5]
        j = 0
        while j < len(rest) and (rest[j][1] in ("JJ", "CD", ",") or rest[j][0] == "-"):
            j += 1
        if j >= len(rest) or rest[j][1] not in ("NN", "NNS") or rest[j][0] in _TIMES | _SELF:
            continue
        head = stem(rest[j][0].lower())
        phrase = " ".join(w for w, _ in tagged[k : k + j + 2])
        if outside[outside.find(rest[j][0]) + len(rest[j][0]) :].lstrip().startswith(":"):
            continue
        before = outside[: outside.find(phrase.split()[0] + " ")] if phrase else ""
        if not any(head in content_terms(e) for e in [*earlier, before]):
            return f"“{phrase}” not mentioned before"
    return None


def _named(text: str) -> bool:
    who = speaker(text)
    return who is not None and who not in PRONOUNS


def _possessive_subject(text: str) -> str | None:
    """DR: "The one great film of his work is …": the subject (the words before its verb) holds
    "his"/"her"/"their" with no name before it in the sentence. In an opening phrase ("In his
    memoir, Christopher Lawford told …") it is the main subject's, as a reader takes it. After a
    quotation ("“… Gov. Huntsman will boycott …,” his campaign said.") the words left are the
    credit, whose speaker US and WA judge."""
    if text.lstrip()[:1] in "\"“‘'":
        return None
    own = outside_quotes(text)
    for word, tag in tagger().tag(own)[:12]:
        if tag.startswith("VB") or tag == "NNP" or word == ",":
            return None
        if tag == "PRP$" and word.lower() in ("his", "her", "their"):
            # "In his disclosure, Scaramucci listed …": a phrase, not a clause with its own
            # subject, so the reader gives "his" to the main clause's person.
            rest = own[own.find(",") + 1 :].split() if "," in own else []
            if rest and rest[0].lower() not in ("it", "it’s", "it's", "there", "this", "that"):
                return None
            return f"“{word}” in the subject names no one"
    return None


def _cataphora(rest: str, article_before: str) -> bool:
    """Does the main clause after an opening phrase name the one its pronoun stands for? Its
    subject is someone ("prosecutors", "[Cleland]"), not "it" or "there"; when it is a name, the
    article's last-named person before the span is the same one ("When his ratings dipped,
    O’Brien …" follows Leno's sentences in its article: a misreading)."""
    words = rest.strip().split()
    if not words or words[0].lower() in ("it", "it’s", "it's", "there", "this", "that", "he", "she", "they"):
        return False
    if not words[0][:1].isupper() and not words[0].startswith("["):
        return True  # "prosecutors said …", "the boy …": a person the phrase is about
    # The person the article mentioned last, by surname ("Leno was going to be paid …" after
    # "… when Conan O’Brien started").
    last = max(((article_before.rfind(surname_of(n)), n) for n in people(article_before)), default=(-1, ""))
    return last[0] >= 0 and same_person(last[1], " ".join(words[:3]).strip("[],"))


_DEFINING = frozenset("of who whom whose which that".split())
_PERSONS = frozenset(stem(w) for w in "man men woman women boy boys girl girls person people child children".split())


def pointing_back(text: str, earlier: Sequence[str], article_before: str) -> str | None:
    """DR: a "the N" of the sentence (its subject, the scene of a "where"/"when" clause, an object)
    is one that the cited article told of before the span ("The disclosure form …", "where the prom was held")
    and the brief has not mentioned. A name ("The White House") introduces itself."""
    if not article_before:
        return None
    told = {t for e in earlier for t in content_terms(e)}
    article = set(content_terms(article_before))
    tagged = tagger().tag(text.lstrip('“"‘ '))
    # Every "the N" (s8 read: "pass along the message", "lawsuits arising from the project", "all
    # passenger vehicles in the backlog"), but a credit's source ("according to the filing"), one
    # defined where it stands ("the size of the company") and a person by sex alone ("the man").
    for k in range(len(tagged)):
        if tagged[k][0].lower() != "the" or [w.lower() for w, _ in tagged[max(0, k - 2) : k]] == ["according", "to"]:
            continue
        phrase = []
        for word, tag in tagged[k + 1 : k + 5]:
            if tag not in ("JJ", "NN", "NNS", "VBN") or not word.islower():
                break
            phrase.append((word, tag))
        following = tagged[k + 1 + len(phrase)][0].lower() if k + 1 + len(phrase) < len(tagged) else ""
        if following in _DEFINING or phrase and stem(phrase[0][0]) in _PERSONS:
            continue
        nouns = {stem(w) for w, t in phrase if t in ("NN", "NNS")}
        last = next((w for w, t in reversed(phrase) if t in ("NN", "NNS")), None)
        if last is None or last in _TIMES | _SELF or not nouns & article or nouns & told:
            continue
        return f"“the {' '.join(w for w, _ in phrase)}” told before in its article, not in the brief"
    return None
