"""How well-formed and how neutral a sentence reads: signals for choosing and ranking sentences.

No library scores news sentences for these properties, so they are small, documented heuristics:
each returns a number a ranking can weigh, never a verdict on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .textsafety import addressed_to_ai, skeleton
from .textutil import ends_sentence, words

# Verbs and phrases that attribute a statement to its source: the mark of neutral reporting.
ATTRIBUTION = re.compile(
    r"\b(said|says|told|stated|noted|added|announced|confirmed|according to|reported|"
    r"wrote|explained|argued|insisted|acknowledged|asserted|warned|urged|stressed|"
    r"described|demanded|reiterated|pointed out|emphasi[sz]ed|affirmed)\b",
    re.IGNORECASE,
)
# An outlet's own voice: evaluative adverbs and openers that judge rather than report.
EVALUATIVE = re.compile(
    r"^(this time|finally|fortunately|unfortunately|sadly|clearly|obviously|surely|"
    r"needless to say|of course|ironically|remarkably|interestingly|in short|overall|in the end)\b"
    r"|\b(shameful|disgraceful|outrageous|brilliant|stunning|shocking|historic triumph|"
    r"disastrous|pathetic|heroic|incredible|amazing|must-read|don't miss)\b",
    re.IGNORECASE,
)
PROMOTIONAL = re.compile(
    r"\b(subscribe|newsletter|sign up|click|download our|follow us|sponsored|buy now)\b",
    re.IGNORECASE,
)
# Openers that lean on a sentence the reader of a brief will not have seen.
DANGLING = re.compile(
    r"^(but|and|or|so|yet|however|therefore|thus|instead|meanwhile|still|also|that|this|these|"
    r"those|it|he|she|they|his|her|their|its|such)\b|^both,",
    re.IGNORECASE,
)
# Sentences addressed to an AI rather than to a reader: article text trying to steer a model.
# They are not news: they are never selected, and never reach a prompt.
INSTRUCTION_LIKE = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(previous|prior|above|earlier|all|any|your)\b"
    r"[^.]{0,30}\b(instructions?|prompts?|rules|directions)\b"
    r"|\byou are (now )?(an? )?(ai|assistant|language model|chatbot|chatgpt)\b"
    r"|\b(system prompt|as an ai language model)\b",
    re.IGNORECASE,
)
# Mojibake letters, stray punctuation, a full stop inside a sentence, or a heading run into the
# text ("... to stabilize’ relationship The top US diplomat said ...").
_GARBLED = re.compile(
    r"[\ufffd\u0100-\u024f](?=[a-z])|\s[.,;:]\s|\s\.$|[a-z]{2}\. [a-z]"
    r"|[a-z’'] (?:The|A|An|He|She|They|It|This|In) [a-z]"
)
# A kicker or subhead printed as a sentence: "Request rejected: Strengthen communication ...".
_HEADLINE = re.compile(r"^[A-Z][^\s:]*(?: [^\s:]+){0,3}: [A-Z](?:\S+ ){0,10}\S+$")
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”"


@lru_cache(maxsize=1)
def spun_phrases() -> tuple[tuple[str, ...], ...]:
    text = resources.files("summarize").joinpath("data", "spun_phrases.txt").read_text("utf-8")
    lines = [line.split("|")[0].strip() for line in text.splitlines()]
    return tuple(tuple(words(line)) for line in lines if line and not line.startswith("#"))


def spun_hits(text: str) -> int:
    """How many known synonym-spinner phrases the text contains."""
    tokens = words(text)
    joined = " " + " ".join(tokens) + " "
    return sum(joined.count(" " + " ".join(p) + " ") for p in spun_phrases())


def quotes_balanced(text: str) -> bool:
    """False when a quotation opens or closes outside this sentence (it needs its neighbours)."""
    opens = sum(text.count(q) for q in "“")
    closes = sum(text.count(q) for q in _CLOSE_QUOTES)
    straight = text.count('"')
    return opens == closes and straight % 2 == 0


def form_flaws(text: str) -> dict[str, float]:
    """Each way the sentence is malformed, with its penalty (0 where it is not)."""
    return {
        "spun": 0.5 * min(2, spun_hits(text)),
        "garbled": 0.5 * bool(_GARBLED.search(text)),
        "open quote": 0.4 * (not quotes_balanced(text)),
        "lower-case start": 0.3 * text[:1].islower(),
        "no full stop": 0.3 * (not ends_sentence(text)),
        "headline": 0.5 * bool(_HEADLINE.match(text)),
    }


def form_penalty(text: str) -> float:
    """0 for a clean, self-contained sentence; larger for garbled, spun or fragmentary ones."""
    return sum(form_flaws(text).values())


def instruction_like(text: str) -> bool:
    """Is the sentence talking to a language model ("ignore previous instructions...")? Read
    after normalising (zero-width characters, look-alike letters), rewordings included."""
    return bool(INSTRUCTION_LIKE.search(skeleton(text))) or addressed_to_ai(text)


def attributed(text: str) -> bool:
    """Does the sentence say who said it ("... , officials said")?"""
    return bool(ATTRIBUTION.search(text))


def dangling(text: str) -> bool:
    """Does it open leaning on a sentence the reader of a brief will not have seen?"""
    return bool(DANGLING.match(text.lstrip("“‘\"' ")))


def opinion(text: str) -> float:
    """How much the sentence is the outlet's own voice: judgement, promotion, or a question."""
    score = 0.8 * bool(EVALUATIVE.search(text))
    score += 1.0 * bool(PROMOTIONAL.search(text))
    score += 0.8 * text.rstrip("”’\"' ").endswith("?")
    return score
