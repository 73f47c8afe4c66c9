"""Does a sentence take as known a thing its article introduced before it? Its article decides.

"The disclosure form, which is publicly available upon request, hasn't been previously reported."
reads in its article after "… according to a financial disclosure filed with the Office of
Government Ethics": "the disclosure form" points back at that filing. In a brief that never
mentioned a disclosure, it points at nothing. Whether "the N" points back is not a property of
the words (a word list of "the report", "the case" misses "the prom", "the disclosure form"): it
is whether the sentence's own article mentioned N before. "The White House" and "the president"
in an article's first mention of them introduce, not point back.

Which definite phrases are read: every one, subject or not ("… pass along the message to his
followers", "… lawsuits arising from the project", "under the bag"), unless what follows defines
it ("the size of the company", "the man who found it"), it is a credit's source ("according to
the filing") or a person by sex or age alone ("said the man was arrested": the story's person).
An object is as likely to point back as a subject: of the 1,625 news candidates of the 50
multinews-dev stories, 429 hold a "the N" outside their subject whose N their article told
before, and of 40 of them read as an editor would, about 30 point back at something told there
("the theft", "the stolen vehicle", "the confidence vote", "the bag"); the rest are generic ("the
government"), credits or defined where they stand. In a brief that told N, or that shows the
article's sentence before, they point at what the reader has; only the others are left out.

Phrases are found with TextBlob's Pattern tagger (its lexicon ships in the wheel; NLTK's tagger
needs a download), so "The one great film …" and "the National Guard Armory" are read as noun
phrases, and a name ("The Tonight Show", "the Senate") is left alone: a name introduces itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text.quality import outside_quotes
from ..text.submodules import submodule
from ..text.words import content_terms, stem

_ARTICLES = frozenset({"the", "this", "that", "these", "those"})
# What a definite noun phrase is made of after its article: modifiers, numbers, nouns.
_INSIDE = frozenset({"JJ", "JJR", "JJS", "VBN", "CD", "NN", "NNS"})
_NOUNS = frozenset({"NN", "NNS"})
# What defines a noun phrase where it stands: "the size of the company", "the man who found it".
_DEFINING = frozenset({"of", "who", "whom", "whose", "which", "that"})
# Times and the text itself ("the same day", "this article") point at the article's calendar or
# page, not at a thing it told.
_NOT_THINGS = frozenset(
    stem(w)
    for w in "time times day days week weeks month months year years night morning afternoon evening weekend "
    "season spring summer fall autumn winter decade century moment minute hour article story page piece".split()
)
# A person by sex or age alone ("said the man was arrested") is read as the story's own person.
_PERSONS = frozenset(stem(w) for w in "man men woman women boy boys girl girls person people child children".split())
# Shell nouns (Schmid 2000): "the message", "the move", "the answer" name what a sentence before
# said, did or asked, so they point back even where the article used other words for it ("Carrey has
# distanced himself from Kick-Ass 2 …" / "… to pass along the message to his followers").
_SHELL = frozenset(
    stem(w)
    for w in "message news decision move remarks comments statement announcement incident encounter episode "
    "exchange revelation development claims allegations request offer ruling controversy idea problem answer".split()
)


@lru_cache(maxsize=20_000)
def definite_nouns(text: str) -> tuple[tuple[str, ...], ...]:
    """The stemmed nouns of each definite noun phrase the sentence takes as known: its subject,
    and a "where"/"when" clause's. Quoted words are someone's and are read as the reader reads them."""
    opening = text.lstrip("“‘\"' ")
    tagged = [(w, t) for w, t in submodule("textblob.en").tag(opening) if w not in ("“", "”", '"')]
    starts = [0]
    # "On Tuesday, the team said …": the subject after a short opening phrase.
    comma = next((k for k, (w, _) in enumerate(tagged[:10]) if w == ","), None)
    if comma is not None and tagged and tagged[0][1] in ("IN", "RB", "CD", "NNP"):
        starts.append(comma + 1)
    starts += [k + 1 for k, (w, _) in enumerate(tagged) if w.lower() in ("where", "when")]
    found = []
    for k in starts:
        nouns = _phrase(tagged, k)
        if nouns:
            found.append(nouns)
    # Elsewhere ("… pass along the message to his followers", "… lawsuits arising from the
    # project"), unless what follows defines it ("the size of the company", "the man who …").
    for k in range(len(tagged)):
        # "… according to the filing": a credit names its source; "the man": the story's person.
        if k in starts or [w.lower() for w, _ in tagged[max(0, k - 2) : k]] == ["according", "to"]:
            continue
        if k + 1 < len(tagged) and stem(tagged[k + 1][0].lower()) in _PERSONS:
            continue
        nouns = _phrase(tagged, k)
        after = k + 1 + next((j for j, (_, t) in enumerate(tagged[k + 1 :]) if t not in _INSIDE), len(tagged))
        if nouns and (after >= len(tagged) or tagged[after][0].lower() not in _DEFINING):
            found.append(nouns)
    owned = _owned_shell(tagged)
    return tuple(found) + ((owned,) if owned else ())


def _owned_shell(tagged: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """A shell noun with a possessive for its article in a participle's opening phrase
    ("Addressing his message to his sister, Oliver wrote …"): "his message" takes the message as
    told, as "the message" does, and only the main clause after it says whose. A following
    preposition but "to" ("… his remarks at Monday's hearing, …"), "not" or an infinitive ("…
    his decision to resign, …") says which one."""
    if not tagged or tagged[0][1] not in ("VBG", "VBN"):
        return ()
    comma = next((k for k, (w, _) in enumerate(tagged) if w == ","), 0)
    for k in range(1, comma - 1):
        noun = stem(tagged[k + 1][0].lower())
        if tagged[k][1] != "PRP$" or tagged[k + 1][1] not in _NOUNS or noun not in _SHELL:
            continue
        (word, tag), then = tagged[k + 2], tagged[k + 3][1] if k + 3 < len(tagged) else ""
        if not (word == "not" or tag == "IN" and word != "to" or word == "to" and then == "VB"):
            return (noun,)
    return ()


def _phrase(tagged: Sequence[tuple[str, str]], k: int) -> tuple[str, ...]:
    """The stemmed nouns of a definite noun phrase starting at token `k`, or () when there is none
    there, or it is a name or a time."""
    if k >= len(tagged) or tagged[k][0].lower() not in _ARTICLES or tagged[k][1] != "DT":
        return ()
    nouns = []
    j = k + 1
    while j < len(tagged) and tagged[j][1] in _INSIDE | {"NNP", "NNPS"}:
        word, tag = tagged[j]
        if tag in ("NNP", "NNPS") or word[:1].isupper():
            return ()  # "The Tonight Show", "the Senate": a name
        if tag in _NOUNS:
            nouns.append(stem(word.lower()))
        j += 1
    if not nouns or nouns[-1] in _NOT_THINGS:
        return ()
    return tuple(n for n in nouns if n not in _NOT_THINGS)


# "Even on days when he only finds a few flakes, it’s fun …", "When his ratings dipped, O’Brien was
# asked …": an opening clause whose subject is a pronoun. Read in a brief it names no one, or the
# person the main clause names, who in the article may be someone else (the article's "his" was
# Leno's, in sentences on Leno).
_CLAUSE = re.compile(
    r"^(?:(?:Even|Only|Just) )?(?:(?:on|in|at|during) (?:the )?(?:days|times|nights|years|mornings|evenings) )?"
    r"(?:When|Whenever|While|After|Before|Because|Since|If|Once|Until|Though|Although|Unless|As) "
    r"(?:he|she|they|his|her|their)\b[^,;“”\"]*, *(.*)$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^\[?((?:[A-Z][\w’'.-]*\]? ?)+)")


def unnamed_in_clause(text: str, article_before: Sequence[str]) -> bool:
    """Does an opening clause's pronoun subject stand for someone the brief would not take it for?
    It does not when the main clause's subject is the person the article's sentence before names
    ("If she loses the vote, May must step down" right after a sentence on May), or a group or role
    the reader takes it for ("When they met, prosecutors said …")."""
    found = _CLAUSE.match(text.lstrip("“‘\"' "))
    if found is None:
        return False
    rest = found.group(1)
    name = _NAME.match(rest)
    if name is None:
        return rest.split(" ", 1)[0].lower() in ("it", "it’s", "it's", "there", "this", "that", "these", "those")
    surname = name.group(1).replace("]", "").split()[-1].removesuffix("’s").removesuffix("'s")
    return not article_before or surname not in article_before[-1]


def points_back(text: str, article_before: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The definite noun phrases of `text` (as stemmed nouns) that its article mentioned in the
    sentences before it (`article_before`): the ones that point back."""
    phrases = definite_nouns(text)
    if not phrases:
        return ()
    before = {t for s in article_before for t in content_terms(s)}
    return tuple(p for p in phrases if p[-1] in _SHELL and article_before or any(n in before for n in p))


def untold_reference(text: str, article_before: Sequence[str], told: Sequence[str]) -> str | None:
    """A noun the sentence points back at (its article told of it before) that the brief has not
    mentioned in the sentences before it (`told`) nor this sentence before the phrase, or None."""
    phrases = points_back(text, article_before)
    if not phrases:
        return None
    known = {t for s in told for t in content_terms(s)}
    # The brief shows the article's sentence before: what the phrase points back at is there. A
    # shell noun's claim may stand one sentence further back ("Huntsman has accused Romney …", the
    # article's aside, then "… has denied the allegations").
    previous = [set(content_terms(s)) for s in [s for s in article_before if s][-2:]]
    shown = [bool(p) and p <= known for p in previous]
    own = content_terms(outside_quotes(text))
    for nouns in phrases:
        if any(n in known for n in nouns) or shown[-1:] == [True] or nouns[-1] in _SHELL and any(shown):
            continue
        # "… the Orofino High School prom … where the prom was held": the sentence introduced it.
        if any(own.count(n) > 1 for n in nouns):
            continue
        return nouns[-1]
    return None


def untold_another(text: str, told: Sequence[str]) -> str | None:
    """The noun of "another N" (or an opening "Other N") when neither the brief before (`told`)
    nor the sentence before it told a first N: "In June the fairy tale gets another makeover …"
    with no makeover before, "Other crews were removing …" with no crew before. A time ("another
    year") counts on from now, not from a thing told."""
    tagged = submodule("textblob.en").tag(outside_quotes(text))
    for k, (word, _) in enumerate(tagged):
        if word.lower() != "another" and (k, word) != (0, "Other"):
            continue
        j = k + 1
        while j < len(tagged) and tagged[j][1] in ("JJ", "VBN", "VBG") and tagged[j + 1 : j + 2]:
            j += 1
        if j >= len(tagged) or tagged[j][1] not in _NOUNS or tagged[j][0][:1].isupper():
            continue
        noun = stem(tagged[j][0].lower())
        known = {t for s in told for t in content_terms(s)} | set(content_terms(" ".join(w for w, _ in tagged[:k])))
        # A term of office is a time too ("barred from another term").
        if noun not in _NOT_THINGS | {"term"} and noun not in known:
            return noun
    return None


def untold_subject(text: str, told: Sequence[str]) -> str | None:
    """The noun of a bare definite subject ("The team are trying …", "The story gets a 2012
    girl-power update …") that the brief before (`told`) never named, or None. Nothing between
    article, noun and verb says which team or story: the reader must already know it, and in the
    article the reader knew it from a sentence (or a headline) the brief does not show."""
    if text[:1] in "“‘\"'":
        return None  # a speaker's "the government": the speaker's own, read as the speaker's listeners read it
    tagged = submodule("textblob.en").tag(text)
    k = 0
    # "For Bill, the anguish slowly turned to anger …": the subject after a short opening phrase.
    comma = next((j for j, (w, _) in enumerate(tagged[:8]) if w == ","), None)
    if comma is not None and tagged[0][1] in ("IN", "RB", "CD", "NNP"):
        k = comma + 1
    if k + 2 >= len(tagged) or tagged[k][0].lower() != "the" or tagged[k + 1][1] not in _NOUNS:
        return None
    verb = k + 3 if tagged[k + 2][1] == "RB" else k + 2  # "the anguish slowly turned"
    if tagged[k + 1][0][:1].isupper() or verb >= len(tagged) or not tagged[verb][1].startswith(("VB", "MD")):
        return None
    noun = stem(tagged[k + 1][0].lower())
    return None if noun in {t for s in told for t in content_terms(s)} else noun
