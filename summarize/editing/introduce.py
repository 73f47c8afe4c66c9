"""People introduced on first mention: a brief is read without its articles.

The first time a brief names someone by surname only ("Collins said …"), the full name and role
their article gives are added in editorial brackets ("[Sen. Susan] Collins said …"); a speaker
printed before a quotation is the brief's own words and gets them without brackets ("Sen. Roy
Blunt added: “…”"), and a pronoun the brief replaced gets them inside its brackets ("[Senate
Majority Leader Mitch McConnell] said …"). A surname is edited where it stands for the person: a
sentence's subject or speaker, a subject inside a clause ("Authorities say Bunch set fire …"), a
possessive ("Bunch's case"); "the Obama administration" and "The Olsen twins" name no one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..text.people import BODIES, NOT_GIVEN, Person, common_noun, is_title, particles, people, same_name, verb
from ..types import BriefSentence, Document, Sentence
from .acronyms import with_acronyms
from .names import full_names, stands_alone
from .roles import named_role


def introduce(
    sentences: Sequence[BriefSentence], shown: Sequence[Sentence], docs: Sequence[Document]
) -> tuple[BriefSentence, ...]:
    """Each sentence with the people it names for the first time in the brief introduced."""
    texts = {d.id: d.text for d in docs}
    by_id = {d.id: d for d in docs}
    articles = list(texts.values())
    casts: dict[str, dict[str, Person]] = {}
    givens: dict[str, dict[str, str]] = {}

    def cast(doc_id: str) -> dict[str, Person]:
        if doc_id not in casts:
            casts[doc_id] = people(texts.get(doc_id, ""))
        return casts[doc_id]

    in_full = full_names(articles)  # the articles' full names, read once a brief
    met: set[str] = set()
    out: list[BriefSentence] = []
    for sentence, source in zip(sentences, shown):
        known = dict(cast(source.doc_id))
        own = texts.get(source.doc_id, "")
        for other in docs:  # a surname its own article never gives in full: another article may
            if other.id != source.doc_id and _mentions_unknown(sentence.text, known):
                # Not one its own article gives two people ("Dylan Farrow", "Ronan Farrow", test2484).
                known = {k: p for k, p in cast(other.id).items() if not _two_people(own, k)} | known
        # Someone the brief has already named in full, whichever article it was from, is met.
        told = " ".join(o.text for o in out)
        if source.doc_id in by_id:  # "The … wide receiver [Stevie Johnson] ruffled …" (roles.py)
            sentence = replace(sentence, text=named_role(sentence.text, source, by_id[source.doc_id], known))
        # "accused Romney of …" (test4035): a surname no cast confirms, that an article gives in full.
        unconfirmed = {k: p for k, p in in_full.items() if k in sentence.text and k not in known}
        known = {k: p for k, p in unconfirmed.items() if not _two_people(own, k)} | known
        met.update(_key(p.surname) for p in known.values() if re.search(same_name(p.name), told))
        later = " ".join(s.text for s in sentences[len(out) + 1 :])
        introduced = _introduced(sentence, known, met, later, frozenset(unconfirmed))
        if source.doc_id not in givens:  # read once an article, not once a sentence it gives the brief
            givens[source.doc_id] = given_names(texts.get(source.doc_id, ""))
        introduced = _with_surname(introduced, givens[source.doc_id], told)
        out.append(replace(introduced, text=with_acronyms(introduced.text, told, articles)))
    return tuple(out)


def given_names(text: str) -> dict[str, str]:
    """Given names an article also uses alone ("Alan Thicke" … "Alan's probate case"), each with
    the one surname it goes with there; a given name two people share is nobody's alone."""
    pairs: dict[str, Counter[str]] = {}
    titled: set[str] = set()  # given names printed after a role in lower case
    lower = set(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))
    for m in re.finditer(r"(?<![\w.’'-])([A-Z][a-z]+) ((?:Mc|O’|O')?[A-Z][a-z]+)(?![\w-])", text):
        given, surname = m.groups()
        if not {given, surname} & (NOT_GIVEN | BODIES) and not {given.lower(), surname.lower()} & lower:
            pairs.setdefault(given, Counter())[surname] += 1
            role = re.search(r"\b([a-z]+) \Z", text[max(0, m.start() - 40) : m.start()])
            if role is not None and is_title(role.group(1)):
                titled.add(given)
    # Named in full twice, or once after a role ("actress Kate Hudson", test1745): "Oh Bill" once is
    # an exclamation, not a person. A common noun after a name is a place's or a thing's ("Taiwan
    # Strait", "Hudson River": seeds/001 printed "Taiwan [Strait]"); only a given name used alone
    # gets the surname, so nothing a reader needs is lost.
    return {
        given: next(iter(surnames))
        for given, surnames in pairs.items()
        if len(surnames) == 1
        and (sum(surnames.values()) >= 2 or given in titled)
        and not common_noun(next(iter(surnames)))
        and _alone(text, given) is not None
    }


def _with_surname(sentence: BriefSentence, given: dict[str, str], told: str) -> BriefSentence:
    """The sentence with a given name that stands alone, and that the brief has not given in full
    before, followed by its surname in brackets: "Alan [Thicke]'s probate case"."""
    text = sentence.text
    quoted = _quoted_ranges(text, 0)
    for name, surname in given.items():
        # Told in full before, with or without the brief's brackets ("Oliver [Hudson]"); another of
        # the family told ("Oliver [Hudson]") does not introduce "Bill" (test1745).
        full = rf"\b{re.escape(name)}\]? \[?{same_name(surname)}\b"
        if re.search(full, told) or re.search(full, text):
            continue
        at = _alone(text, name)
        if at is None or any(a <= at < b for a, b in quoted) or name in (sentence.attribution or ""):
            continue
        end = at + len(name)
        text = f"{text[:end]} [{surname}]{text[end:]}"
    return sentence if text == sentence.text else replace(sentence, text=text)


def _alone(text: str, name: str) -> int | None:
    """Where `name` first stands alone in `text`: not in a run of capitalised words."""
    for m in re.finditer(rf"(?<![\w’'\[-]){re.escape(name)}(?! [A-Z])(?![\w-])", text):
        if not re.search(r"[A-Z][\w.’'-]* \Z", text[: m.start()]):
            return m.start()
    return None


def _mentions_unknown(text: str, known: dict[str, Person]) -> bool:
    """Does the sentence name, after its first word, someone its own article's cast lacks ("Authorities
    say Bunch set fire …" where only another article gives "Kristine Bunch" as a person)?"""
    # Only where a surname stands for a person (a feed's story has hundreds of articles to read).
    found = [_key(a or b or c) for a, b, c in _person_at().findall(text)]
    cast = {_key(surname) for surname in known}
    return any(w not in cast and w not in NOT_GIVEN and w not in BODIES for w in found)


def _two_people(text: str, surname: str) -> bool:
    """Does the article print `surname` after two different given names ("Dylan Farrow", "Ronan Farrow")?"""
    given = {
        g
        for g in re.findall(rf"\b([A-Z][a-z]+) {same_name(surname)}\b", text)
        if g not in NOT_GIVEN and not is_title(g)
    }
    return len(given) > 1


def _key(surname: str) -> str:
    """A surname as any article prints it: "O'Brien" and "O’Brien" are one person."""
    return surname.replace("’", "'")


# Verbs of a claim whose clause a surname may open: "Water Bureau officials, however, insist Swonger
# took a leek in the drink." (test2534).
_CLAIM = r"say|says|said|allege|alleges|alleged|insist|insists|insisted|claim|claims|claimed|argue|argues|argued"


@lru_cache(maxsize=1)
def _person_at() -> re.Pattern[str]:
    """Where a surname stands for a person: "Burns decided …", "Bunch's case", "… Bunch said", "say
    Bunch set fire …"; a surname is "Burns", "O’Brien", "Smit-McPhee" or "Van Camp" (its particles
    nameparser's, compiled on first use: that list is start-up time a brief without names never needs)."""
    lead = "|".join(re.escape(p.capitalize()) for p in sorted(particles()))
    surname = rf"(?:(?:{lead}) )?(?:Mc|O’|O')?[A-Z][a-z]+(?:-(?:Mc|O’|O')?[A-Z][a-z]+)?"
    return re.compile(
        rf"^({surname})(?= [a-z])|\b({surname})(?=’s|'s| (?:said|says|told|added)\b)"
        rf"|\b(?:{_CLAIM}|that) ({surname})(?= [a-z])"
    )


def _introduced(
    sentence: BriefSentence,
    known: dict[str, Person],
    met: set[str],
    later: str = "",
    unconfirmed: frozenset[str] = frozenset(),
) -> BriefSentence:
    text, attribution = sentence.text, sentence.attribution
    head = len(attribution) if attribution is not None and text.startswith(attribution) else 0
    mentions = sorted(
        (
            (m.start(), person)
            for person in known.values()
            for m in re.finditer(rf"(?<![\w-]){same_name(person.surname)}(?![\w-])", text)
        ),
        key=lambda mention: mention[0],
    )
    quoted = _quoted_ranges(text, head)
    # Someone's own words are not the brief's to edit, and "The Olsen twins" names no one: neither
    # introduces the person, so a later "Olsen said" still is their first mention.
    mentions = [
        (at, person)
        for at, person in mentions
        if not any(a <= at < b for a, b in quoted)
        and (at < head or _as_person(text, at, person))
        and (person.surname not in unconfirmed or stands_alone(text, at, person.surname))
    ]
    for at, person in reversed(_first_mentions(mentions, met, text)):
        if person.role and re.search(rf"{re.escape(person.role)} {same_name(person.name)}\b", later, re.I):
            # A later sentence of the brief prints the role itself ("Former child actress turned
            # high-end fashion designer Ashley Olsen told …", test2277): given here too, it is said twice.
            person = replace(person, role="")
        text = _with_introduction(text, at, person, editorial=at < head)
    if head:
        attribution = text[: text.index(": “")] if ": “" in text else attribution
    return replace(sentence, text=text, attribution=attribution)


def _first_mentions(mentions: list[tuple[int, Person]], met: set[str], text: str) -> list[tuple[int, Person]]:
    """The first mention of each person the brief has not met yet; every person named is met after."""
    first: list[tuple[int, Person]] = []
    for at, person in mentions:
        if _key(person.surname) in met:
            continue
        met.add(_key(person.surname))
        if not text[:at].endswith(person.name[: -len(person.surname)]) or person.role:
            first.append((at, person))
    return first


def _with_introduction(text: str, at: int, person: Person, editorial: bool) -> str:
    """`text` with the person named at `at` introduced by full name and role."""
    given = person.name[: -len(person.surname)].strip()
    before = text[:at]
    if before.endswith("["):
        # "[Blunt] said …" (a pronoun the brief replaced): the whole bracket is the brief's.
        return f"{before}{person.introduced}{text[at + len(person.surname) :]}"
    has_given = before.endswith(f"{given} ")
    start = at - len(given) - 1 if has_given else at
    if has_given and (not editorial or not person.role or text[:start].endswith(f"{person.role} ")):
        # The brief names them in full already: a role put in brackets before the name ("[Author]
        # Cormac McCarthy") reads as an editing slip, and the full name introduces them.
        return text
    # "Sen. Blunt" keeps its title: "Sen. [Roy] Blunt"; so does "actor Smit-McPhee" ("actor [Kodi]").
    roled = bool(person.role) and text[:start].lower().endswith(f"{person.role.split()[-1].lower()} ")
    if _titled(text[:start]) or roled:
        insert = "" if has_given else f"{given} "
    else:
        insert = f"{person.role} " if has_given else f"{person.introduced[: -len(person.surname)]}"
    if not insert.strip():
        return text
    if not text[:start].strip(' “"‘['):
        insert = insert[:1].upper() + insert[1:]  # a role opening the sentence: "[Acting director …]"
    if editorial:
        return f"{text[:start]}{insert}{text[start:]}"
    return f"{text[:start]}[{insert.strip()}] {text[start:]}"


def _as_person(text: str, at: int, person: Person) -> bool:
    """Is the surname at `at` the person as a sentence's subject or speaker ("Collins said …",
    "Sen. Collins", "[Collins] said")? Not "the Obama administration", "The Olsen twins", "the
    surname Washington", nor a surname in someone else's name ("John F. Kennedy" is not Patrick)."""
    before, after = text[:at], text[at + len(person.surname) :]
    given = person.name[: -len(person.surname)].strip()
    # A capitalised word right before it makes it part of another name ("John F. Kennedy"); one
    # that a comma ends does not ("After meeting with Xi, Blinken said …", seeds/001).
    previous = re.search(r"(\S*[^\s,;:]) \Z", before)
    if previous and previous.group(1)[:1].isupper() and not _titled(before) and not before.endswith(f"{given} "):
        return False
    opens = not before.strip(' “"‘[') or before.endswith(f"{given} ") and not before[: -len(given) - 1].strip(' “"‘[')
    speaks = re.match(
        r"(?:,[^,“”\"]{1,80},)? (?:said|says|told|tells|added|adds|wrote|writes|tweeted|posted|explained)\b", after
    )
    # "according to Spicer, …", "According to Chernow's book", "Reynolds had been contacted …".
    alone = before.lower().endswith("according to ") or re.match(
        r"(?:’s|'s)? (?:had|has|was|is|did|will|would|could|book|books|campaign|office|lawyer|spokesman)\b", after
    )
    # "took up Bunch's case", "Authorities say Bunch set fire …" (test0576): the person too. ("the
    # Obama administration" is neither: a noun follows, after an article.)
    possessive = re.match(r"(?:’s|'s)(?![\w])", after) is not None
    clause = re.search(rf"\b(?:{_CLAIM}|that|believe|believes|when|after|because|while|and|but)\s+\Z", before)
    # "people like Bunch.", "a visit by Bunch,", "The doors … opened for Miles on Monday" (test0410):
    # the person, as the object of a preposition (a noun after it would make the name a modifier).
    object_ = re.search(r"\b(?:like|with|for|against|about|by|to|from)\s+\Z", before) is not None and re.match(
        r"[.,;:!?]| (?:on|in|at|after|before|since|until|when|as)\b", after
    )
    embedded = possessive or object_ or clause is not None and re.match(r" [a-z]", after) is not None
    # "(Australian actor Smit-McPhee)" (test2080): a role in lower case (nameparser's titles) before it.
    role = re.search(r"\b([a-z]+) \Z", before)
    titled = _titled(before) or role is not None and is_title(role.group(1))
    # "asked the Treasury Department to kidnap Judge from her new life" (test2642): the object of
    # a verb (by the tagger's lexicon) is the person, where no capitalised word follows.
    governed = role is not None and verb(role.group(1)) and re.match(r"[.,;:!?]| [a-z]", after) is not None
    # "long before meeting Callau, who signed …" (test0907): a gerund's object ends its phrase; the
    # lexicon reads "meeting" as a noun, so its ending says it ("the meeting Callau chaired" goes on).
    gerund = role is not None and role.group(1).endswith("ing") and re.match(r"[.,;:!?]", after) is not None
    governed = governed or gerund
    return bool(opens or speaks or alone or embedded or governed or before.endswith("[") or titled)


def _titled(before: str) -> bool:
    return bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor)\.? \Z", before))


def _quoted_ranges(text: str, head: int) -> list[tuple[int, int]]:
    """Where quotation marks hold someone's words (after a printed speaker, all of them)."""
    if head:
        return [(head, len(text))]
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text)]
