"""Who an article's people are, and whom a pronoun in it stands for: so a brief names them.

A brief is read without its articles: "“I think that will encourage people …,” he added." after a
sentence about Schumer credits Schumer, where the article has Sen. Roy Blunt. The person a
pronoun stands for is found in the *article* the sentence comes from, never in the brief: walking
back from the sentence to the nearest one that names a person (`referent`). Where that sentence
names two people, or the trail runs out, the source does not settle it and the answer is None.

There is no coreference model to be had offline (spaCy's and fastcoref's need downloaded
weights), so this is a small rule: the nearest named speaker, or the one person the nearest
naming sentence holds. Titles ("Sen.", "Governor") are nameparser's list, so roles are not a
list typed in here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..types import Sentence
from .quality import outside_quotes
from .submodules import submodule

# A word of a person's name: "Roy", "McConnell", "O’Brien", "Ing-wen", "Smit-McPhee", "J."; "Park’s" is not.
_NAME_WORD = re.compile(r"(?:Mc|O’|O'|D’|D')?[A-Z][a-z]+(?:-(?:Mc|O’|O')?[A-Za-z][a-z]+)?|[A-Z]\.")
_SPEECH = r"(?:said|says|told|tells|added|adds|wrote|writes|explained|noted|argued|insisted|recalled|tweeted|posted|asked|warned)"
# Words that open a capitalised run without being a given name: "The Senate", "On Tuesday".
NOT_GIVEN = frozenset(
    """The A An In On At By For From With Of To And But Or As After Before When While Since If This That
    These Those It He She They We I His Her Their Its Our My Your Then Now Last Next Early Late New Old
    North South East West Northern Southern Eastern Western United Supreme White Capitol Federal
    National State Republican Democratic Democrat Republicans Democrats Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Mr Mrs Ms Dr Sen Rep Gov Both Many Some Most All Oh Hey Dear Well Yes No
    Thanks Happy Merry Good Dr""".split()
)
_HONORIFIC = {"Mr.": "he", "Mrs.": "she", "Ms.": "she"}
# A pronoun standing for a person as a sentence's subject: "He said …", "Though a juvenile, she
# was tried …" (group 1 is the pronoun).
PERSONAL = re.compile(
    r"^(?:[“\"‘]?(?=[HS])|(?:Though|Although|While|When|After|Before|As|Because|Since|If|Once|Until)\b"
    r"[^,;“”\"]{0,80}, )(He|She|His|Her|he|she|his|her)\b"
)
# Reported speech whose speaker is a pronoun, with no quotation marks: "The ring went on for
# several weeks last spring, he said.", "Some chose names …, he says, and …" (group "pronoun").
REPORTED = re.compile(
    rf", (?P<pronoun>he|she) (?:also |later )?(?:{_SPEECH}|told)(?:(?: [^\s“”\".,;:!?]+){{0,5}})(?=[,.;])"
)
LOOK_BACK = 5  # sentences between a name and the pronoun that stands for it, at most


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # as first given in full: "Roy Blunt"
    role: str = ""  # the title before it there: "Sen.", "Senate Majority Leader"
    pronoun: str = ""  # "he" or "she" when the article says Mr./Ms.; "" when it does not

    @property
    def surname(self) -> str:
        """The last name with its particles: "Bob Van Camp" -> "Van Camp" ("Van Camp said …")."""
        return surname_of(self.name.split())

    @property
    def introduced(self) -> str:
        """How a brief introduces them: "Sen. Roy Blunt"."""
        return f"{self.role} {self.name}".strip()


def surname_of(tokens: Sequence[str]) -> str:
    """The surname of a name's words: the last, with the particles before it (nameparser's list:
    "van", "de", "del", …), a given name always left before them."""
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].lower() in particles():
        k -= 1
    return " ".join(tokens[k:])


def same_name(name: str) -> str:
    """A pattern for `name` as any article may print it: a straight or a typographic apostrophe
    ("O'Brien" in one article is "O’Brien" in the next)."""
    return "['’]".join(re.escape(part) for part in re.split(r"['’]", name))


# A nickname in quotation marks before a surname: "“Miner Gary” Thomas said …" names Gary Thomas.
_NICKNAME = re.compile(r"[“\"]([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2})[”\"] (?=[A-Z][a-z])")


ROLE_REACH = 200  # characters before a name that can hold its title ("U.S. Secretary of ", 120 for a lower-case role)


def people(text: str) -> dict[str, Person]:
    """The article's people by surname: each full name the article uses for someone who speaks,
    carries a title, or is called Mr./Ms. (a capitalised pair alone may be a place or a body).

    A name ends a run of capitalised words ("Senate Majority Leader Mitch McConnell"): the two
    words before the run's end (three with a middle initial) are the name, those before it the
    role when they end in a title."""
    found: dict[str, Person] = {}
    text = _NICKNAME.sub(lambda m: f"{m.group(1)} ", text)
    # "Revolutionary War", "Retirement System", "Adopted Sandusky": a word the article also writes
    # in lower case is a common word, not a name.
    lower = set(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", text))
    shared: set[str] = set()
    givens: dict[str, set[str]] = {}  # the given names each surname follows in the article
    checked: set[tuple[str, str, bool]] = set()
    for tokens, start in _runs(text):
        size = 3 if len(tokens) >= 3 and re.fullmatch(r"[A-Z]\.", tokens[-2]) else 2
        if len(tokens) < size:
            continue
        name_tokens, before = tokens[-size:], tokens[:-size]
        if (
            before
            and re.fullmatch(r"[A-Z][a-z]+", before[-1])
            and not _titled(before[-1])
            # "“Miner Gary” Thomas": a common word ("miner", in the article or in the English lexicon
            # TextBlob's tagger reads) describes him; "Bob", "Christopher" are names.
            and not _common(before[-1], lower)
        ):
            # "Christopher Kennedy Lawford", "Bob Van Camp": a middle name or the given name before a
            # surname's particle, not a title, stands before the pair.
            name_tokens, before = [before[-1], *name_tokens], before[:-1]
        if len(name_tokens) == 2 and name_tokens[0].lower() in particles():
            continue  # "Van Camp said …": the surname alone
        given, surname, last = name_tokens[0], surname_of(name_tokens), name_tokens[-1]
        if (
            not all(_NAME_WORD.fullmatch(t) for t in name_tokens)
            or given.rstrip(".") in NOT_GIVEN
            # "Neither Reynolds nor the Park Service …" is not a second Reynolds beside "Michael T.
            # Reynolds" (test0177): a word of a closed class by the tagger's lexicon is no given name.
            or _function_word(given)
            or last in NOT_GIVEN
            or last in BODIES
            # "Acronym Chinese" (seeds/001): a nationality is no surname.
            or submodule("textblob.en").lexicon.get(last) == "JJ"
        ):
            continue
        if surname in found and found[surname].name.split()[0] != given:
            shared.add(surname)  # "Jerry Sandusky" and "Dottie Sandusky": "Sandusky" alone is either
        if not is_title(given) and not _common(given, lower):
            # Found or not: "Dylan Farrow" before "Ronan Farrow" makes "Farrow’s accusations" either's.
            givens.setdefault(surname, set()).add(given)
        # Each name is weighed once: a long article names the same people thousands of times.
        # Only the words just before the run (a title is a few words): reading all of `text[:start]`
        # for each of a long article's names made a 5 MB brief quadratic.
        near = text[max(0, start - ROLE_REACH) : start]
        role = _of_role(near, before) or _role(before)
        if (" ".join(name_tokens), role, surname in found) in checked:
            continue
        checked.add((" ".join(name_tokens), role, surname in found))
        if (
            surname in found
            or given.rstrip(".").lower() in _titles()
            # A title before the name makes it a person's, though the article writes "burns" or "a
            # bunch of" in lower case ("Dallas Bishop Edward Burns", test2997).
            or not role
            and (last.lower() in lower or given.lower() in lower and _opens(text, start))
        ):
            continue
        # A title alone is weak evidence ("Civil War Awakening"): a person is also called by surname.
        alone = len(re.findall(rf"\b{same_name(surname)}\b", text)) > len(
            re.findall(re.escape(" ".join(name_tokens)), text)
        )
        # A given name no lexicon knows ("Oney Judge", test2642), its surname also alone: a person.
        # Not one the lexicon knows in capitals either: "England Patriots", "African Americans".
        lexicon = submodule("textblob.en").lexicon
        rare = alone and not _common(given, lower) and lexicon.get(given) is None and lexicon.get(last) != "NNPS"
        if (role or rare) and alone or _speaks(text, surname) or _honorific(text, surname) or _acts(text, surname):
            # A role in lower case is printed, not evidence: "journalist Ronan Farrow" alone is no
            # reason to read the article's "Farrow’s accusations" as his (they are Dylan's, test2484).
            shown = role or (_lower_role(near) if not before else "")
            found[surname] = Person(
                " ".join(name_tokens), shown, _honorific(text, surname) or _usual_pronoun(text, surname)
            )
    shared |= {surname for surname, names in givens.items() if len(names) > 1}
    return {surname: person for surname, person in found.items() if surname not in shared}


# A run of capitalised words (with "Sen."-style abbreviations and initials), within one line.
_RUN = re.compile(
    r"(?<![\w.’'-])(?:(?:[A-Z][\w’'-]*\.?|[A-Z]\.)[ ]){0,6}(?:Mc|O’|O')?[A-Z][a-z]+(?:-(?:Mc|O’|O')?[A-Za-z][a-z]+)?\b"
)


def _runs(text: str) -> Iterator[tuple[list[str], int]]:
    """Each run of capitalised words (its words, where it starts), cut where a sentence ends inside
    it: "… with Conan O’Brien. When his ratings dipped …" is "Conan O’Brien" and "When" ("Sen." and
    "J." go on)."""
    for run in _RUN.finditer(text):
        tokens, start = run.group(0).split(), run.start()
        for i, token in enumerate(tokens[:-1]):
            if token.endswith(".") and len(token) > 2 and not _titled(token):
                yield [*tokens[:i], token[:-1]], start
                start = run.start() + run.group(0).index(" ".join(tokens[i + 1 :]))
                tokens = tokens[i + 1 :]
                break
        yield tokens, start


def _common(word: str, lower: set[str]) -> bool:
    """Is `word` a common word: written in lower case in the article, or known to the English
    lexicon of Pattern's tagger (TextBlob's `en-lexicon.txt`, which holds no given names)?"""
    low = word.lower()
    lexicon = submodule("textblob.en").lexicon
    # "Australian John Hillcoat": an adjective in capitals (a nationality) describes him too.
    return low in lower or lexicon.get(low) is not None or lexicon.get(word) == "JJ"


# Closed word classes of the Penn tag set: determiners, conjunctions, prepositions, pronouns, adverbs.
_FUNCTION_TAGS = frozenset({"DT", "PDT", "CC", "IN", "TO", "EX", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "RB"})
# A verb in the present or past after a subject: "Hillcoat avoids …", "Reynolds received …".
_FINITE_TAGS = frozenset({"VBZ", "VBD"})


def _function_word(word: str) -> bool:
    """Is `word` a function word ("Neither", "Only") by the lexicon of Pattern's tagger?"""
    return submodule("textblob.en").lexicon.get(word.lower()) in _FUNCTION_TAGS


def common_noun(word: str) -> bool:
    """Is `word` a common noun ("Strait", "River") by the lexicon of Pattern's tagger?"""
    return submodule("textblob.en").lexicon.get(word.lower()) in {"NN", "NNS"}


def verb(word: str) -> bool:
    """Is `word` a verb ("kidnap", "met") by the lexicon of Pattern's tagger?"""
    return (submodule("textblob.en").lexicon.get(word.lower()) or "").startswith("VB")


def _acts(text: str, surname: str) -> bool:
    """Is the person called by the surname alone, as a sentence's subject ("O’Brien was asked to
    move …", "When his ratings dipped, O’Brien refused.", "Hillcoat avoids …"), with a possessive
    opening a sentence ("Hillcoat's earlier film …"), or after a role ("actor Smit-McPhee")?"""
    name = same_name(surname)
    subject = re.search(rf"(?:^|[.!?]\s+|, ){name} (?:was|is|has|had|did|will|would|could|refused)\b", text, re.M)
    # Any verb the tagger's lexicon reads as finite after the surname alone opening a sentence
    # (test2080: "Hillcoat avoids jack-in-the-box suspense clichés"), or its possessive there.
    lexicon = submodule("textblob.en").lexicon
    opening = re.finditer(rf"(?:^|[.!?]\s+){name}(?:(?:’s|'s) [a-z]| ([a-z]+)\b)", text, re.M)
    if subject is None and any(m.group(1) is None or lexicon.get(m.group(1)) in _FINITE_TAGS for m in opening):
        return True
    # "(Australian actor Smit-McPhee)": a role in lower case (nameparser's titles) names a person too.
    return subject is not None or any(is_title(m.group(1)) for m in re.finditer(rf"\b([a-z]+) {name}\b", text))


def _opens(text: str, at: int) -> bool:
    """Does a sentence start at `at` (where "Adopted Sandusky" is a verb and a name, not a person)?"""
    return not text[:at].strip() or text[:at].rstrip(' “"‘')[-1:] in ".!?\n"


def _speaks(text: str, surname: str) -> bool:
    s = same_name(surname)
    return bool(
        re.search(
            rf"\b{s}(?:, (?:a|an|the|who|\d+)\b[^,]{{0,60}},)? {_SPEECH}\b|\b{_SPEECH} (?:[A-Z][\w.]* ){{0,3}}{s}\b",
            text,
        )
    )


def _usual_pronoun(text: str, surname: str) -> str:
    """ "he" or "she" where the article's sentences naming the person use one and not the other
    ("Bunch said she was initially in a state of shock …"), else "". It only ever
    makes `referent` stricter: a "He" after that sentence is the sheriff, not Bunch."""
    counts = {"he": 0, "she": 0}
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if re.search(rf"\b{re.escape(surname)}\b", sentence):
            own = outside_quotes(sentence).lower()
            # Subject pronouns only: "Next in line for Bunch was her son, … his mother" is the son's "his".
            counts["he"] += len(re.findall(r"\b(?:he|himself)\b", own))
            counts["she"] += len(re.findall(r"\b(?:she|herself)\b", own))
    # Others speak and act in those sentences too ("…, Safer said he …"): the person's own pronoun
    # is the one used at least three times as often.
    if counts["he"] >= 3 * max(1, counts["she"]):
        return "he"
    return "she" if counts["she"] >= 3 * max(1, counts["he"]) else ""


def _honorific(text: str, surname: str) -> str:
    found = re.search(rf"\b(Mr\.|Mrs\.|Ms\.) {same_name(surname)}\b", text)
    return _HONORIFIC[found.group(1)] if found else ""


def is_title(word: str) -> bool:
    """Is `word` a person's title or role ("director", "Sen.", "Governor"), by nameparser's list?"""
    return word.rstrip(".").lower() in _titles()


def _titled(token: str) -> bool:
    return token.rstrip(".").lower() in _titles() or token.rstrip(".") in NOT_GIVEN


# Words that end the name of a body, not a person's ("Associated Press", "Rules Committee").
BODIES = frozenset(
    """Press Post Times News Journal Department Committee Council Agency Service Office Institute
    University College School Association Party Court Company Group Network Foundation Center Centre
    Commission Board Bureau House Senate Congress Police Ministry Reuters Republicans Democrats
    Island Street Avenue Park County City State States Kingdom Union Church Hospital""".split()
)


# A title ending in "of" or "for" before the run: "U.S. Secretary of " (the run is "State Anthony Blinken").
_TITLE_OF = re.compile(r"((?:[A-Z][\w.’'-]* ){0,4}[A-Z][\w.’'-]*) (of|for) \Z")


def _of_role(preceding: str, before: list[str]) -> str:
    """The whole title when the run's first words end one that a lower-case "of" cut: "U.S.
    Secretary of State" before "Anthony Blinken", not "State" alone (seeds/001 printed "[State
    Anthony] Blinken")."""
    found = _TITLE_OF.search(preceding)
    if not before or found is None:
        return ""
    words = found.group(1).split()
    while words and _function_word(words[0]):
        words = words[1:]  # "The White House Chief of Staff": "White" stays, "The" does not
    head = " ".join(words) if words and is_title(words[-1]) else ""
    return f"{head} {found.group(2)} {' '.join(before)}" if head else ""


_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "VBG"})
ROLE_MODIFIERS = 4  # words before a lower-case title that still describe the person, at most


def _lower_role(preceding: str) -> str:
    """The role in lower case right before a name, wire style ("acting National Park Service
    director" before "Michael T. Reynolds", test0177; "White House press secretary"): a title word
    (nameparser's) and the modifiers before it, capitalised words or, by the tagger's lexicon,
    adjectives and nouns ("Sorvino spoke to journalist" is "journalist" alone)."""
    words = preceding[-120:].split()
    if not words or not re.fullmatch(r"[a-z]+", words[-1]) or not is_title(words[-1]):
        return ""
    lexicon = submodule("textblob.en").lexicon
    k = len(words) - 1
    while k > 0 and len(words) - k <= ROLE_MODIFIERS and re.fullmatch(r"[\w.’'-]+", words[k - 1]):
        word = words[k - 1]
        if word[-1] in ".!?" and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            break  # a sentence ends there ("… at Barneys New York. Former child actress …"); "U.S." goes on
        if word[:1].isupper() and not _function_word(word):  # "White House", not "On" or "The"
            k -= 1
        elif not word[:1].isupper() and lexicon.get(word) in _MODIFIER_TAGS:
            k -= 1
        else:
            break
    return " ".join(words[k:])


def _role(before: list[str]) -> str:
    """The title right before a name: the capitalised words that end in a title word ("Senate
    Majority Leader", "Sen.", "House Speaker"), or "" ("On Tuesday Roy Blunt" has none)."""
    run = list(before)
    while run and run[-1].rstrip(".").lower() not in _titles():
        run.pop()
    while run and run[0].rstrip(".") in NOT_GIVEN and run[0].rstrip(".").lower() not in _titles():
        run.pop(0)
    return " ".join(run)


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Words that open a surname ("Van Camp", "De Niro", "Del Rey"): nameparser's list, whole words."""
    return frozenset(p for p in submodule("nameparser.config.particles").PARTICLES if p[-1:].isalpha())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    # nameparser's titles, and "Sen." (absent there) that news uses in nearly every story. Its
    # word list alone: the package's `__init__` builds its whole parser, 0.4 s of start-up (issue 28).
    titles = submodule("nameparser.config.titles").TITLES
    return frozenset(t.rstrip(".") for t in titles) | {"sen", "rep"}


def named_in_full(text: str) -> frozenset[str]:
    """The surname of every capitalised pair the article prints ("John Hillcoat"), person or not:
    a sentence naming one of them by surname is about someone, whether or not `people` confirms it."""
    found = set()
    for tokens, _ in _runs(text):
        if len(tokens) >= 2 and tokens[-2] not in NOT_GIVEN and tokens[-1] not in BODIES | NOT_GIVEN:
            found.add(tokens[-1])
    return frozenset(found)


def referent(
    sentences: Sequence[Sentence],
    index: int,
    known: dict[str, Person],
    speaker: bool = True,
    others: frozenset[str] = frozenset(),
) -> Person | None:
    """The person the pronoun opening or tagging sentence `index` stands for, read back through
    its own article; None when the article does not settle it.

    A pronoun that speaks (`speaker`: "“…,” he added", "He said …", "…, he said.") walks back to
    a sentence that gives one speaker by name ("…,” Blunt said"), or that names exactly one of
    the article's people. A pronoun that is a sentence's subject and does not speak ("She often
    found the girls …, he said.") is not the speaker before it: "Almario would post pictures …,
    Pontecorvo said." names two people, and which one "she" is the sentence does not say; only a
    sentence naming one person, and nobody else, settles a subject. Either way a sentence naming
    two people without one speaker among them leaves it open (None: "Gov. Matt Bevin met Speaker
    Greg Stumbo" and then "he added"), as does a Mr./Ms. that disagrees with he/she, or a speaker
    the article never names in full. Sentences naming nobody (the quotation going on) are walked over.
    """
    pronoun = _pronoun_of(sentences[index].text)
    for i in range(index - 1, max(-1, index - LOOK_BACK - 1), -1):
        text = sentences[i].text
        named = _named(text, known) if speaker else _all_named(text, known)
        if not named:
            if _other_speaker(text, known) or _unconfirmed(text, known, others):
                return None  # someone the article never names in full speaks in between
            continue
        if PERSONAL.match(text) and not speaker:
            # "He left Callau the ranch's furnishings … He also provided that she could live at the
            # ranch" (test0907): a pronoun subject before it is the same "he", not whom it names.
            return None
        # Two people and no one speaker: either could be "he"; so could a name the article never
        # confirms as a person ("Gov. Matt Bevin met Speaker Greg Stumbo").
        if speaker:
            alone = len(named) == 1 and (
                _speaks(outside_quotes(text), named[0].surname) or not _other_name(text, named[0])
            )
        else:
            # "Almario was the prime suspect, he said.": a pronoun that speaks there is a second person.
            alone = len(named) == 1 and not _other_name(text, named[0]) and REPORTED.search(text) is None
        person = named[0] if alone else None
        if person is None or person.pronoun and pronoun and person.pronoun != pronoun:
            return None
        return person
    return None


def _unconfirmed(text: str, known: dict[str, Person], others: frozenset[str]) -> bool:
    """Does the sentence name by surname alone someone the article printed in full but `people` did
    not confirm ("… it’s because Hillcoat honors the story’s minimalism": "He’s spooked …" after
    it is Hillcoat, not the actor two sentences up, test2080)?"""
    own = outside_quotes(text)
    return any(
        w in others and w not in known and not re.search(rf"[A-Z][\w.’'-]* {re.escape(w)}\b", own)
        for w in re.findall(r"(?<=\s)[A-Z][a-z][\w’'-]*", own)
    )


def speaks(text: str) -> bool:
    """Does the pronoun opening `text` (`PERSONAL`) speak: "He said at the time …", "She told …"?"""
    opening = PERSONAL.match(text)
    return opening is not None and re.match(rf" (?:also |later |then )?{_SPEECH}\b", text[opening.end(1) :]) is not None


def _pronoun_of(text: str) -> str:
    found = re.search(r"\b(he|she|his|her)\b", text, re.IGNORECASE)
    return "" if found is None else {"his": "he", "her": "she"}.get(found.group(1).lower(), found.group(1).lower())


def _named(text: str, known: dict[str, Person]) -> list[Person]:
    """The article's people this sentence names outside quotation marks, in order, a speaker first."""
    outside = outside_quotes(text)
    hits = sorted(
        ((m.start(), p) for p in known.values() for m in re.finditer(rf"\b{re.escape(p.surname)}\b", outside)),
        key=lambda hit: hit[0],
    )
    order: list[Person] = []
    for _, p in hits:
        if p not in order:
            order.append(p)
    speaker = next((p for p in order if _speaks(outside, p.surname)), None)
    if speaker is not None and len({q.surname for q in order if _speaks(outside, q.surname)}) == 1:
        return [speaker]
    return order


def _all_named(text: str, known: dict[str, Person]) -> list[Person]:
    """Every one of the article's people the sentence names outside quotation marks, in order."""
    outside = outside_quotes(text)
    found = {p for p in known.values() if re.search(rf"\b{re.escape(p.surname)}\b", outside)}
    return sorted(found, key=lambda p: outside.index(p.surname))


def _other_name(text: str, person: Person) -> bool:
    """Does the sentence name, outside quotation marks, someone who may be a person besides `person`?"""
    for run in _RUN.finditer(outside_quotes(text)):
        pair = run.group(0).split()[-2:]
        if len(pair) < 2 or person.surname in pair or person.name.endswith(" ".join(pair)):
            continue
        if (
            all(_NAME_WORD.fullmatch(t) for t in pair)
            and pair[0] not in NOT_GIVEN
            and pair[1] not in BODIES | NOT_GIVEN
        ):
            return True
    return False


def _other_speaker(text: str, known: dict[str, Person]) -> bool:
    """Does someone speak here whom the article never names in full ("…,” Thayer said")?"""
    found = re.finditer(
        rf"\b([A-Z][a-z]+) {_SPEECH}\b|\b{_SPEECH} (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\b", outside_quotes(text)
    )
    return any(n not in NOT_GIVEN and n not in known for n in (m.group(1) or m.group(2) for m in found))


def name_runs(text: str) -> Iterator[tuple[list[str], int]]:
    """Each run of capitalised words in `text` that may end in a name: its words, where it starts."""
    return _runs(text)


def name_word(token: str) -> bool:
    """Is `token` shaped like a word of a person's name ("Roy", "O’Brien", "Smit-McPhee", "J.")?"""
    return _NAME_WORD.fullmatch(token) is not None


def title_of(text: str, start: int, before: Sequence[str]) -> str:
    """The title of the name in a run starting at `start` whose words `before` precede the name:
    "U.S. Secretary of State", "Sen.", or a role in lower case ("White House press secretary")."""
    near = text[max(0, start - ROLE_REACH) : start]
    return _of_role(near, list(before)) or _role(list(before)) or (_lower_role(near) if not before else "")
