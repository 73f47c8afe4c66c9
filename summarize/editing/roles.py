"""A person a sentence calls only by a role, named: "The always-outspoken Buffalo Bills wide
receiver [Stevie Johnson] ruffled a few feathers …".

A reporter names someone once ("Is Stevie Johnson a secret agent …?") and then calls them by
their role ("The always-outspoken Buffalo Bills wide receiver ruffled …"); a brief that shows only
the second sentence leaves its reader asking who (multinews-dev test0794, where it was the lead).
The person is the one the sentence's own article names before it (`people.referent`, the rule a
pronoun's person is found by), printed in editorial brackets after the role.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..text.people import Person, is_title, referent
from ..text.quality import outside_quotes
from ..text.submodules import submodule
from ..types import Document, Sentence

# A noun for someone by what they do: "receiver", "lawmaker", "actor", "novelist", "comedian"
# (not "-ent": "The local police department … his tuxedo jacket", test1902).
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)")
_FINITE = frozenset({"VBD", "VBZ", "VBN"})
# Words that end a subject before its verb: "The manager of the team", "The man who …".
_CLOSED = frozenset({"DT", "IN", "CC", "WDT", "WP", "WRB", "PRP", "TO", "MD"})
ROLE_WORDS = 8  # a role's words before its verb, at most ("The always-outspoken Buffalo Bills wide receiver")


def role_subject(text: str, names: Collection[str] = ()) -> int | None:
    """Where a role that stands for an unnamed person ends, when the sentence's subject is one:
    "The … wide receiver| ruffled … when he started …". The role's last word is a person's title
    (nameparser's) or an agent noun, a finite verb follows it, and the sentence goes on to call
    its subject he or she (so the role is a person's, not "The company"'s), with none of `names`
    (the article's people, by given name and surname) between that could be the one it stands for."""
    if not text.startswith("The "):
        return None
    lexicon = submodule("textblob.en").lexicon
    words = list(re.finditer(r"\S+", text))[: ROLE_WORDS + 2]
    for k in range(1, len(words) - 1):
        head, verb = words[k].group(0), words[k + 1].group(0)
        if not re.fullmatch(r"[\w’'-]+", head) or lexicon.get(head.lower()) in _CLOSED:
            return None  # a comma, a quotation or a clause ends the subject
        person = head.islower() and lexicon.get(head) in ("NN", None) and (is_title(head) or _AGENT.fullmatch(head))
        finite = lexicon.get(verb) in _FINITE or verb in ("said", "says", "was", "is", "has", "had")
        if person and finite:
            after = outside_quotes(text[words[k + 1].end() :])
            # The subject pronoun that comes back to it ("when he started"), no other name between.
            back = re.search(r"\b(?:he|she)\b", after)
            named = back is not None and any(re.search(rf"\b{re.escape(n)}\b", after[: back.start()]) for n in names)
            return words[k].end() if back is not None and not named else None
    return None


def named_role(text: str, source: Sentence, doc: Document, known: dict[str, Person]) -> str:
    """`text` (the brief's telling of `source`) with the person its role subject stands for named
    in brackets after the role, when its article names that person before it; else `text`."""
    names = {part for p in known.values() for part in (p.surname, p.name.split()[0])}
    at = role_subject(text, names)
    if at is None or not known:
        return text
    sentences = [*_before(doc, source), source]
    person = referent(sentences, len(sentences) - 1, known, speaker=False)
    if person is None or re.search(rf"\b{re.escape(person.surname)}\b", text[:at]):
        return text
    return f"{text[:at]} [{person.name}]{text[at:]}"


def _before(doc: Document, source: Sentence) -> list[Sentence]:
    """The article's sentences before `source`, as cleaning split them (or by end punctuation)."""
    spans = doc.sentence_spans
    if spans is None:
        spans = tuple((m.start(), m.end()) for m in re.finditer(r"[^\s].*?(?:[.!?][”’\"']?(?=\s)|\Z)", doc.text, re.S))
    return [Sentence(doc.id, k, a, b, doc.text[a:b], 0.0) for k, (a, b) in enumerate(spans) if b <= source.start][-6:]
