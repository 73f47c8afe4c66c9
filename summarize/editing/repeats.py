"""A fact once: which two sentences state the same fact, so that a brief never shows both.

Four tests, each right on its face for any news story; any one makes a pair:

- shared words: two sentences sharing at least `SAME_FACT_TERMS` content words, and half the
  shorter one's ("Trump called Reynolds to express anger over the retweet" / "Trump also expressed
  anger over a retweet"), or as many words and one precise figure ("$4.9 million");
- the pair's own detail: two sentences of two articles sharing `SAME_FACT_TERMS` content words,
  two of them ordinary words (not names) that no other sentence the brief can pick holds: the
  detail only these two tell, with the same figures ("a giant, hoop-shaped electromagnetic system suspended from a helicopter" /
  "a helicopter carrying electromagnetic technology that resembles a giant hula hoop");
- a restated lead clause: a sentence's opening clause (its words up to the first comma, dash,
  colon, semicolon or bracket: where a news sentence puts who did what) whose content words the
  other sentence holds all but one of ("President George W. Bush accepted the challenge — with a
  little help from …" after "Former President George W. Bush took the ice bucket challenge, …");
- meaning, where sentence embeddings are given: MiniLM cosine from `SAME_MEANING` ("Huntsman
  will boycott the Nevada presidential debate" / "Jon Huntsman announced Friday that he will …
  be boycotting the Republican debate in Las Vegas").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..text.words import content_terms

# Two sentences sharing at least this many content words, and this share of the shorter one's,
# tell one fact twice.
SAME_FACT_TERMS = 4
SAME_FACT_SHARE = 0.5
# all-MiniLM-L6-v2 cosine from which two sentences say the same thing. Below it, sentences on one
# topic that state different facts come close (a host's current salary and the salary a source
# expects him to get: 0.79; two polls of one race: 0.76); from it, what an editor reads as one fact
# in other words (the debate boycott told by the candidate and by his campaign: 0.85).
SAME_MEANING = 0.8
# A precise figure is one fact's own: money, a decimal, a share or a scaled count ("$4.9 million",
# "44 percent"); a bare "12" or a year is shared by unrelated facts.
_FIGURE = re.compile(
    r"(?:\$\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*\.\d+|\d[\d,]*)(?:\s?(?:million|billion|trillion|percent|%))?", re.IGNORECASE
)
# Where a sentence's opening clause ends: the first comma, dash, colon, semicolon or bracket (an
# en dash only between spaces: "the 18–34 age range" is one phrase).
_CLAUSE_END = re.compile(r"\s*(?:[,;:(\[]|—|\s[–-]\s)")
# An opening phrase that sets a scene or a condition ("According to the commission", "In a Monday
# night news release", "If she loses the vote") is not the sentence's fact.
_SETTING = re.compile(
    r"(?:according|in|at|after|before|if|during|while|when|as|since|with|for|by|on|despite|although|though|"
    r"because|unless|until|from|to|under|over|among|amid)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d[\d,.]*")
# What interrupts a subject before its verb: a relative clause or an apposition ("The decision to seek
# the death penalty — which required …", "Judy Shalom Nir-Mozes, the wife of …"): the words before
# it name something, they state nothing.
_INTERRUPTION = re.compile(r"\s*(?:which|who|whose|whom|where|the|a|an)\b", re.IGNORECASE)


def same_fact_pairs(
    texts: Sequence[str], vectors: np.ndarray | None = None, articles: Sequence[str] = ()
) -> set[tuple[int, int]]:
    """The pairs (a, b), a < b, of `texts` that state one fact (see the module's docstring);
    `vectors` are the texts' normalised sentence embeddings, row for row, when there are any, and
    `articles` the id of each text's article, when known (the pair's own detail is looked for only
    between two articles).

    Quadratic in the texts: callers hand the few hundred sentences a brief can pick from."""
    terms = [set(content_terms(t)) for t in texts]
    held = Counter(w for ts in terms for w in ts)
    leads = [_lead_terms(t) for t in texts]
    numbers = [set(_NUMBER.findall(t)) for t in texts]
    figures = [precise_figures(t) for t in texts]
    pairs = set()
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            common = terms[a] & terms[b]
            shared = len(common)
            # "earned $4.9 million from his ownership stake in SkyBridge" / "made $5 million in salary
            # and another $4.9 million from his ownership stake in ... SkyBridge Capital": the same
            # precise figure with the same words round it is one fact, however much else one adds.
            if shared >= SAME_FACT_TERMS and (
                shared >= SAME_FACT_SHARE * min(len(terms[a]), len(terms[b])) or figures[a] & figures[b]
            ):
                pairs.add((a, b))
            elif (
                # One article develops its own detail from sentence to sentence ("… a video featuring
                # two deaf-mute militants …" then "In the video, one of the deaf-mute fighters …"); two
                # outlets telling it tell one fact twice. A figure one gives and the other lacks is a
                # fact of its own ("Cruz leads … by just 1 point" in a new poll, "Cruz led O'Rourke by
                # 4 points" last week: two polls, however alike their words).
                shared >= SAME_FACT_TERMS
                and bool(articles)
                and articles[a] != articles[b]
                and numbers[a] == numbers[b]
                and _own_detail(common, texts[a], texts[b], held)
            ):
                pairs.add((a, b))
            elif restates(leads[a], terms[b], numbers[b]) or restates(leads[b], terms[a], numbers[a]):
                pairs.add((a, b))
    if vectors is not None and len(texts) > 1:
        close = np.argwhere(np.triu(vectors @ vectors.T, k=1) >= SAME_MEANING)
        pairs.update((int(a), int(b)) for a, b in close)
    return pairs


def _own_detail(common: set[str], a: str, b: str, held: Counter[str]) -> bool:
    """Do sentences `a` and `b`, sharing the content words `common`, tell a detail of their own: at
    least `SAME_FACT_TERMS` shared, two of them ordinary words (not names, not in a scene set or a
    credit) that no other sentence holds (`held`: how many sentences hold each word)?"""
    own = {w for w in common if held[w] == 2}
    return len(common) >= SAME_FACT_TERMS and len(own) >= 2 and len(own & _ordinary_terms(a) & _ordinary_terms(b)) >= 2


@lru_cache(maxsize=100_000)
def _ordinary_terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(_ordinary(_stated(text))))


def _stated(text: str) -> str:
    """The sentence without the scene it sets or the credit it gives ("In a Monday night news
    release, …", "…, according to a Monday night news release."): where and how a fact was told
    is shared by the different facts told there."""
    clause = lead_clause(text)
    if clause is not None and _SETTING.match(clause):
        text = text[text.find(clause) + len(clause) :]
    return _CREDIT.sub("", text)


# A credit for a fact: "according to …" up to the next comma, semicolon, dash or the end.
_CREDIT = re.compile(r"\baccording to [^,;:—–]*", re.IGNORECASE)


def _ordinary(text: str) -> str:
    """The sentence's words written in lower case: what it says of its names, without them."""
    return " ".join(w for w in text.split() if w[:1].islower())


def restates(lead: tuple[set[str], set[str], set[str]] | None, other: set[str], other_numbers: set[str]) -> bool:
    """Does a sentence whose opening clause is `lead` (`_lead_terms`) say again what one with the
    content words `other` and the numbers `other_numbers` says? Yes when the clause has
    `SAME_FACT_TERMS` content words or more, two of them more than names, the other sentence holds
    all of them but one (a verb said otherwise: "accepted" for "took") and every number it gives."""
    if lead is None:
        return False
    terms, common, numbers = lead
    return len(terms) >= SAME_FACT_TERMS and len(common) >= 2 and len(terms - other) <= 1 and numbers <= other_numbers


def lead_clause(text: str) -> str | None:
    """The sentence's words up to its first comma, dash, colon, semicolon or bracket; None when
    what follows there interrupts a subject (`_INTERRUPTION`): those words are no clause."""
    parts = _CLAUSE_END.split(text.lstrip("“‘\"' "), maxsplit=1)
    return None if len(parts) > 1 and _INTERRUPTION.match(parts[1]) else parts[0]


def _lead_terms(text: str) -> tuple[set[str], set[str], set[str]] | None:
    """The opening clause's content words, those of them written in lower case (not names), and
    its numbers; None when the clause sets a scene or a condition (`_SETTING`)."""
    clause = lead_clause(text)
    if clause is None or _SETTING.match(clause):
        return None
    return set(content_terms(clause)), set(content_terms(_ordinary(clause))), set(_NUMBER.findall(clause))


def precise_figures(text: str) -> set[str]:
    """The sentence's precise figures, normalised ("$4.9 million" -> "$4.9million")."""
    found = (re.sub(r"[\s,]", "", m.group(0)).lower() for m in _FIGURE.finditer(text))
    return {f for f in found if f.startswith("$") or "." in f or not f.isdigit()}
