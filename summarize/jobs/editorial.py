"""The editorial checker: the codes of the editor's rubric (EDITORIAL.md) that a program can check.

Each brief sentence gets the codes a blind reader would give it, where a pattern can see them:

- WA, wrong attribution: the sentence quotes or reports someone, and the speaker a reader would
  credit (the one it names, or for "he said" the last person the brief named) is not the one the
  source article gives (named in the cited span, or for a pronoun the last person the article named
  or quoted before the span).
- US, unnamed speaker: the speaker is only a pronoun, or a quotation has none, and the brief named
  no one before it; a quotation with no speaker that the reader would give to someone else; "I"/"we"
  outside quotations with no one saying it (a letter or a post printed as the brief's own words).
- DR, dangling reference: the sentence opens with a pronoun or demonstrative subject, with a
  connective of response, consequence, contrast, addition or time ("Also", "A minute later"), or with
  "the video"/"six of them"/"the second fighter" for something the brief never mentioned, or holds
  a demonstrative phrase ("this undisclosed evidence") for something never mentioned; a subject
  or "where/when the N" that the cited article told of before the span and the brief has not
  mentioned ("The disclosure form …", "… where the prom was held"); a pronoun in an opening
  clause, or a possessive in the subject, whose person the main clause does not name ("When his
  ratings dipped, O’Brien …" after the article's sentences on Leno); not when it follows its own
  article's sentence before it in the brief
  (the reference is resolved there), nor "he"/"she" right after a sentence naming a person.
- NI, name never introduced: a surname alone (the articles show it as a person's last name) with
  no full name or role before it in the brief.
- OP, opinion in the brief's own voice: an evaluative word outside quotations in a sentence that
  attributes nothing, by the subjectivity lexicon TextBlob ships (the Pattern lexicon: a
  subjectivity and a polarity for each of ~2,900 English adjectives, hand-annotated, inside the
  wheel, so nothing is downloaded; VADER scores valence only, and MPQA's lexicon is on no maintained
  PyPI package), an adverb the brief's rule reads as a verdict ("admirably", "gratifyingly": made
  from an adjective VADER's raters rate at least 2 of 4; editing/subjectivity.py), or a direct
  address to the reader ("Imagine ...", "you", a question or "!" of its own); not in first-person words, which are someone's (US when no one is named).
- RF, repeated fact: a later sentence stating what an earlier one did (MiniLM cosine where the
  model is installed, content-word overlap otherwise).
- DB, debris: page furniture the cleaning should have removed (widgets, player labels, credits,
  corrections, footnote marks, shouting transcripts, links, credits blocks, live-blog labels, photo
  credits and captions), a quotation cut off, a broken character, or a line that is no sentence (a
  link's headline, a navigation bar: no capital at its start or no mark at its end).

FE (factual error) and OS (off-story) need a reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..editing.subjectivity import reaction_adverb
from ..pipeline.segment import split_text
from ..text.words import content_terms
from .editorial_speech import (
    PARTICLE,
    PRONOUNS,
    ROLES,
    anyone_named,
    article_speaker,
    brief_speaker,
    dangling,
    is_speech,
    outside_quotes,
    people,
    same_person,
    speaker,
    surname_of,
    surnames,
    tagger,
)

CODES = ("WA", "US", "DR", "NI", "OP", "RF", "DB")

# Furniture in capitals: The Hill's link widget ("TrumpScaramucci warns ... MORE"), a player's
# "CLOSE", a transcript's shouting.
_CASED = re.compile(
    r"^CLOSE\b|\bMORE\b|(?<![#@\w])[A-Z][a-z]{3,}[A-Z][a-z]{4,}\b(?!\.)|(?:\b[A-Z]{2,}[A-Z’'.,:!?-]*\s+){4,}"
)
_DEBRIS = re.compile(
    r"^Correction\b|\bearlier versions? of this\b|\bmisspelled\b|used with permission|all rights reserved|©|"
    r"\bcopyright\b|(?:[a-z\].][”\"’]|[a-z][.;:])[0-9]{1,2}(?:\s|$)|"
    r"^(?:Credit|Photo|Image|Video|Caption|Watch|Related|Read more|Advertisement|Click|Share|Follow|Sign up|"
    r"Subscribe|Published|Updated|Posted|Story highlights|JUST WATCHED|WEBVTT)\b|Getty Images|AP Photo|"
    r"https?://|www\.\w|\w@\w+\.\w|\(@\w+\)|pic\.twitter|"
    # Live-blog labels, credits blocks, captions' stage directions, calls to the reader, datelines.
    r"^[A-Z ]*UPDATE:|^(?:Written|Directed|Produced) by\b|\bpresents a film\b|\((?:pictured|left|right|above|below)\b|"
    r"\bon our Facebook page\b|^Tell us\b|^\((?:CNN|AP|Reuters)\)",
    re.I,
)
# A photo credit: names joined by slashes ("Axelle/Bauer-Griffin/FilmMagic").
_CREDIT = re.compile(r"\b[A-Z][\w-]+/[A-Z][\w-]+/[A-Z][\w-]+\b")
# A sentence ends with its mark (a closing quotation or bracket may follow) and opens with a capital:
# a link's headline, a navigation bar or a cut-off fragment does not;
# "(In June the fairy tale gets another makeover in “Snow White and the Huntsman.” )": a space
# before the closing bracket is the outlet's typing, not a cut-off; nor is a quotation closing the
# sentence without a full stop ("… adding the words: ‘Happy Father’s Day, Pa'"), where a colon or a
# comma hands over to it (a headline's quoted title does not: "… Hosting ‘The Tonight Show’").
_FINISHED = re.compile(r"^[^a-z].*(?:[.!?…;:][”\"’')\]\s]*|[:,]\s*[“‘\"'][^“”\"]+[”’\"'])$", re.S)
_ATTRIBUTING = re.compile(
    r"\b(argue[sd]?|believes?|believed|thinks?|thought|calls?|called|describe[sd]?|according to|writes?|wrote|"
    r"said|says|told|claims?|claimed|contends?|contended|insists?|insisted|warns?|warned)\b",
    re.I,
)
# "I"/"we" outside quotations ("World War I" is a name).
# Capitalised "My"/"Our" inside a sentence are a title's ("There’s A Girl In My Soup").
_FIRST_PERSON = re.compile(r"(?<!War )\bI\b(?!\.)|\b(?:my|we|our|me|us)\b|^[(“\"]?(?:My|We|Our)\b")
# An indefinite subject introduces the person a later "she" in the sentence stands for.
_INTRODUCED_SUBJECT = re.compile(r"^(?:A|An)\s")
# "Imagine …", a question or "!" of its own, or "you" outside quotations: the brief talks to its reader.
_ADDRESS = re.compile(r"^Imagine\b|[?!]\s*$|\b(?:[Yy]ou|[Yy]our|[Yy]ou’ll|[Yy]ou'll|[Yy]ou’d|[Yy]ou'd)\b")
# An evaluative word: the Pattern lexicon's subjectivity and polarity at least these.
SUBJECTIVE = 0.9
POLAR = 0.5
# A later sentence restates an earlier one: MiniLM cosine, or shared content words. From 0.8 the
# pairs read in the 150 briefs of multinews-dev are one fact in other words (Huntsman's boycott told
# by him and by his campaign, 0.85; the officer's sighting of the missing boy told twice, 0.81);
# below it, one topic's different facts (a host's current and expected salary, 0.79).
SAME_FACT_COSINE = 0.8
SAME_FACT_SHARED = 4
SAME_FACT_SHARE = 0.6


@dataclass(frozen=True)
class SentenceCodes:
    index: int
    text: str
    codes: tuple[str, ...]
    why: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"index": self.index, "text": self.text, "codes": list(self.codes), "why": self.why}


Embed = Callable[[Sequence[str]], np.ndarray]


def check_brief(brief: dict, embed: Embed | None = None) -> list[SentenceCodes]:
    """Every sentence of a brief in `summarize --format json` form, with its codes."""
    sources = {s["id"]: s["text"] for s in brief.get("sources", [])}
    rows = joined(brief["sentences"])
    texts = [r["text"] for r in rows]
    spans = [(r.get("spans") or [None])[0] for r in rows]
    repeated = repeats(texts, embed)
    known = {n for text in sources.values() for n in full_name_surnames(text)}
    out = []
    for i, text in enumerate(texts):
        why: dict[str, str] = {}
        source = _source_sentences(sources, spans[i])
        why.update(attribution(text, texts[:i], source))
        if "WA" in why and _signed(text, sources, spans[i]):
            del why["WA"]
        if source and (reason := swapped(text, source)):
            why["WA"] = reason
        reason = dangling(
            text,
            texts[:i],
            adjacent=i > 0 and _adjacent(spans[i - 1], spans[i], sources),
            article_before=_before_span(sources, spans[i]),
        )
        if reason:
            why["DR"] = reason
        unnamed = [s for s in surnames(text) if s in known and not introduced(s, texts[: i + 1])]
        if unnamed:
            why["NI"] = ", ".join(unnamed)
        reason = opinion(text)
        if reason:
            why["OP"] = reason
        if i in repeated:
            why["RF"] = f"restates sentence {repeated[i]}"
        found = debris(text, texts[i + 1] if i + 1 < len(texts) else "")
        if found:
            why["DB"] = found
        out.append(SentenceCodes(i, text, tuple(c for c in CODES if c in why), why))
    return out


def joined(rows: Sequence[dict]) -> list[dict]:
    """The brief's sentences as a reader reads them: a note that outlets give another figure
    ("another report says three.", with `disagreement`) goes on with the sentence before it
    ("… two people were killed in that unrest;"), so the two are one sentence."""
    out: list[dict] = []
    for row in rows:
        if row.get("disagreement") and out:
            out[-1] = {**out[-1], "text": f"{out[-1]['text']} {row['text']}"}
        else:
            out.append(row)
    return out


def _source_sentences(sources: dict[str, str], span: dict | None) -> list[str]:
    """The cited article's sentences up to and including the cited span (its last)."""
    if span is None or span["doc_id"] not in sources or span["start"] < 0:
        return []
    text = sources[span["doc_id"]]
    return [*split_text(text[: span["start"]])[-12:], text[span["start"] : span["end"]]]


def _before_span(sources: dict[str, str], span: dict | None) -> str:
    """The cited article's text before the cited span: what it had told when it got there."""
    if span is None or span["doc_id"] not in sources or span["start"] < 0:
        return ""
    return sources[span["doc_id"]][: span["start"]]


def _signed(text: str, sources: dict[str, str], span: dict | None) -> bool:
    """Is the sentence a post printed with its author ("Holly Dagres tweeted: …") whose cited words
    are a paragraph of their own? An embedded post is signed after its words ("… — Holly Dagres
    (@hdagres) June 22, 2015"); cleaning turns the signature into the printed speaker and drops it
    from the article, so looking back through the article finds the reporter's last speaker (or the
    story's subject) instead of the post's author, and the article no longer names the author at all."""
    m = re.match(r"^([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*) (?:tweeted|posted):", text)
    if m is None:
        return False
    if span is None or span["doc_id"] not in sources:
        return False
    article = sources[span["doc_id"]]
    before, after = article[max(0, span["start"] - 3) : span["start"]], article[span["end"] : span["end"] + 3]
    opens = before.strip(' \t"“') == "" or "\n" in before
    closes = after.strip(' \t"”') == "" or after.lstrip(' "”').startswith("\n")
    # A post of several sentences is cited by its last; the author still named in the article
    # shows it is theirs. A whole paragraph of its own needs no name: reporters' prose carries one.
    return closes and (opens or m.group(1).split()[-1] in article)


def _adjacent(before: dict | None, after: dict | None, sources: dict[str, str]) -> bool:
    """Does the brief put an article's sentence right after the sentence it follows in that article?"""
    if before is None or after is None or before["doc_id"] != after["doc_id"] or after["doc_id"] not in sources:
        return False
    gap = sources[after["doc_id"]][before["end"] : after["start"]]
    return 0 <= after["start"] - before["end"] and len(gap.strip()) <= 3


def attribution(text: str, earlier: Sequence[str], source: Sequence[str]) -> dict[str, str]:
    """WA and US: whose words the reader would take these for, against the article's speaker."""
    named = speaker(text)
    if named is None and _FIRST_PERSON.search(outside_quotes(text)):
        # A letter's or a post's "I"/"we" printed as the brief's own words: no one says them.
        return {"US": "first person with no speaker"}
    if not is_speech(text):
        return {}
    if named == "":
        return {}  # "the bishop said": described, not named; the reader knows who is meant
    if named == "it":
        # "… the park's Twitter account became a sensation when it posted …": "it" is a thing that
        # speaks (an account, a company, a report), never the person a sentence before named.
        return {}
    if named is None and len(outside_quotes(text).split()) > 0.6 * len(text.split()):
        return {}  # a claim with no quotation and no one named: nothing to credit
    if named in PRONOUNS and _INTRODUCED_SUBJECT.match(text):
        return {}  # "A mother is upset after she says …": the sentence introduces its speaker
    if named is not None and named not in PRONOUNS:
        reader: str | None = named
    else:
        # The sentence's own words before the quotation may name the person ("Joey Wilson ..., he says").
        reader = brief_speaker(earlier, named)
        if reader is None and not anyone_named([*earlier, outside_quotes(text)]):
            return {"US": f"speaker only “{named}”" if named else "quotation with no speaker"}
    truth = article_speaker(source, len(source) - 1) if source else None
    if reader is not None and truth is not None and not same_person(reader, truth):
        if named is None:
            # Nothing in the sentence says whose words they are: the reader is left to guess.
            return {"US": f"quotation with no speaker; the article has {truth}"}
        return {"WA": f"reads as {reader}; the article has {truth}"}
    return {}


def swapped(text: str, source: Sequence[str]) -> str | None:
    """WA: a name put in brackets for the article's "She"/"He" that is the sentence's speaker, where
    the article's speaker is the other pronoun ("She often found the girls …, he said" printed as
    "[Pontecorvo] often found the girls …, he said"): two pronouns of two genders are two people."""
    bracket = re.match(r"^\[([^\]]+)\]", text)
    subject = re.match(r"^(He|She)\b", source[-1])
    said = speaker(source[-1])
    if bracket is None or subject is None or said not in ("he", "she") or said == subject.group(1).lower():
        return None
    truth = article_speaker(source, len(source) - 1)
    if truth is not None and same_person(bracket.group(1), truth):
        return f"[{bracket.group(1)}] stands for the article's “{subject.group(1)}”, who is not the “{said}” speaking"
    return None


def full_name_surnames(text: str) -> set[str]:
    """The surnames of an article's people: the last word of a full name it gives, where the
    article also has that surname speak or carry a title ("Mosby said", "Ms. Tsai"), so that
    places ("Southeast Portland") and first names ("Bill Hudson" -> Bill) are not taken for them."""
    candidates = {surname_of(name) for name in people(text)} - {name.split()[0] for name in people(text)}
    speakers = {surname_of(who) for s in split_text(text) if (who := speaker(s)) and who not in PRONOUNS}
    titled = {
        surname_of(f"Mr {who}") for who in re.findall(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+({PARTICLE}?[A-Z][\w’'-]+)", text)
    }
    return candidates & (speakers | titled)


def introduced(surname: str, brief: Sequence[str]) -> bool:
    """Has the brief given `surname` a full name or a role before (or where) it stands alone?"""
    roles = "|".join(sorted(ROLES))
    pattern = re.compile(
        # "[Ron] Chernow": a given name the brief put in editorial brackets introduces too.
        rf"\b(?:[A-Z][a-z]+(?:\s+[A-Z]\.)?|(?:{roles})\.?)\]?\s+{re.escape(surname)}\b|{re.escape(surname)},\s+(?:the\s+)?[a-z]"
    )
    return any(pattern.search(text) for text in brief)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[float, float]]:
    """Word -> (polarity, subjectivity), from the Pattern lexicon TextBlob ships (loaded on first use)."""
    from textblob.en import sentiment

    sentiment.load()
    return {w: (float(v[None][0]), float(v[None][1])) for w, v in sentiment.items() if None in v}


def opinion(text: str) -> str | None:
    """OP: the evaluative words (or the address to the reader) the brief says in its own voice."""
    outside = outside_quotes(text)
    if _ATTRIBUTING.search(outside) or _FIRST_PERSON.search(outside):
        return None  # someone's words, said or in the first person (an unnamed one is US)
    if _ADDRESS.search(outside.strip()):
        return "addresses the reader"
    lexicon = _lexicon()
    # Tagged in context: the lexicon lists adjectives, and "confirmed", "a kind of" are not used as such.
    tagged = tagger().tag(outside)
    loaded = [
        w
        for i, (w, tag) in enumerate(tagged)
        if tag in ("JJ", "RB")
        and w in lexicon
        and lexicon[w][1] >= SUBJECTIVE
        and abs(lexicon[w][0]) >= POLAR
        or tag == "RB"
        and _verdict_adverb(w, tagged[i + 1 : i + 2])
    ]
    return ", ".join(dict.fromkeys(loaded)) or None


def _verdict_adverb(word: str, after: list[tuple[str, str]]) -> bool:
    """ "admirably", not "viewed favorably by 37 percent": a verdict the words after "by" hold."""
    return reaction_adverb(word.lower()) and after != [("by", "IN")]


def repeats(texts: Sequence[str], embed: Embed | None = None) -> dict[int, int]:
    """Later sentence -> the earlier one it restates."""
    terms = [set(content_terms(t)) for t in texts]
    vectors = embed(texts) if embed is not None and texts else None
    found: dict[int, int] = {}
    for j in range(len(texts)):
        for i in range(j):
            shared = len(terms[i] & terms[j])
            overlap = shared >= SAME_FACT_SHARED and shared >= SAME_FACT_SHARE * min(len(terms[i]), len(terms[j]))
            close = vectors is not None and float(vectors[i] @ vectors[j]) >= SAME_FACT_COSINE
            if overlap or close:
                found[j] = i
                break
    return found


def debris(text: str, following: str = "") -> str | None:
    """DB: the furniture a sentence carries, or a quotation cut off (one the brief's next sentence,
    `following`, does not go on with)."""
    found = _CASED.search(text) or _DEBRIS.search(text) or _CREDIT.search(text)
    if found and found.re is _CASED and re.fullmatch(r"[A-Z][a-z]+[A-Z][a-z]+", found.group(0)):
        # Two names glued by a widget repeat the name before them ("Donald John TrumpScaramucci");
        # a brand spelled as one word ("NewsCenter 16", a TV station) does not.
        head = re.match(r"[A-Z][a-z]+", found.group(0))
        if head is None or not re.search(rf"\b{head.group(0)}\b", text):
            found = _DEBRIS.search(text) or _CREDIT.search(text)
    if found:
        return f"“{found.group(0).strip()}”"
    if "\ufffd" in text:
        return "broken character (�)"
    if text.count("“") > text.count("”") and following.count("”") <= following.count("“"):
        return "quotation cut off (no closing mark)"
    if not _FINISHED.match(text.strip()):
        return "not a sentence (no capital or no closing mark)"
    return None
