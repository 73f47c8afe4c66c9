"""How well-formed and how neutral a sentence reads: signals for choosing and ranking sentences.

No library scores news sentences for these properties, so they are small, documented heuristics:
each returns a number a ranking can weigh, never a verdict on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .safety import addressed_to_ai, skeleton
from .words import ends_sentence, per_sentence, words

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
# A lower-case word, and a word that does not open its sentence (for name_case_counts).
_LOWER_WORD = re.compile(r"(?<![\w.’'-])[a-z][a-z]{2,}\b")
_MID_WORD = re.compile(r"(?<=[\w,;’'\"”] )([A-Za-z][a-z]{2,})\b")
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”"
# Quoted speech: paired quotes, a quote the sentence opens and the next one closes (to the end),
# and one a previous sentence opened (from the start). A single ’ closes a quote only before a
# non-letter (and, with no ‘ before it, only after punctuation: "... took hold,’ he says."), so
# the apostrophes of "she’d", "Bill’s" and "the parents’ house" stay prose.
_QUOTED = re.compile(r"“[^“”]*(”|$)|^[^“”]*”|\"[^\"]*(\"|$)|(?<!\w)‘.*?’(?!\w)|^[^‘]*?[,.!?…]’(?!\w)")
# The first person, as the writer uses it. Case matters: "US" is the country, "us" the writer.
# ("World War I" is a war: the look-behinds follow the "I" so that only an "I" pays for them.)
_FIRST_PERSON = re.compile(
    r"\bI\b(?<!\bWar I)(?<!\bWorld I)(?<!\bPart I)(?<!\bPhase I)(?<!\bTitle I)(?<!\bElizabeth I)(?!\.\w)"
    # A capitalised "We" opens the writer's sentence or an aside of theirs ("(We all know that
    # role is reserved for Dennis Rodman.)"); a quotation's "We" is blanked before this is read.
    r"|\b(me|my|mine|myself|we|us|our|ours|ourselves)\b|(?:^|[(\[—–]\s*)(We|Our|My|Us)\b"
)
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+")
# Attribution of a quote: a verb of saying, or "Name: “...”" and "Name, in a statement: ...".
SPEAKER = re.compile(
    ATTRIBUTION.pattern + r"|\b(asked|replied|recalls|recalled|tweeted|posted|writes|added|"
    r"quoted|quotes|insists|adds|continued|concluded)\b|\w:\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def spun_phrases() -> tuple[tuple[str, ...], ...]:
    text = resources.files("summarize").joinpath("data", "spun_phrases.txt").read_text("utf-8")
    lines = [line.split("|")[0].strip() for line in text.splitlines()]
    return tuple(tuple(words(line)) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _spun_by_first_word() -> dict[str, tuple[str, ...]]:
    """Each spun phrase as `spun_hits` searches for it (" nationwide safety "), under its first word."""
    index: dict[str, list[str]] = {}
    for phrase in spun_phrases():
        index.setdefault(phrase[0], []).append(" " + " ".join(phrase) + " ")
    return {first: tuple(found) for first, found in index.items()}


def spun_hits(text: str, tokens: Sequence[str] | None = None) -> int:
    """How many known synonym-spinner phrases the text contains (`tokens`: its `words`, when
    the caller has them)."""
    tokens = words(text) if tokens is None else tokens
    joined = " " + " ".join(tokens) + " "
    # Only the phrases whose first word the text holds can be in it: every sentence is read, and
    # searching it for all 50 phrases was a tenth of a long article's brief.
    index = _spun_by_first_word()
    return sum(joined.count(phrase) for first in set(tokens) for phrase in index.get(first, ()))


def quotes_balanced(text: str) -> bool:
    """False when a quotation opens or closes outside this sentence (it needs its neighbours)."""
    opens = sum(text.count(q) for q in "“")
    closes = sum(text.count(q) for q in _CLOSE_QUOTES)
    straight = text.count('"')
    return opens == closes and straight % 2 == 0


@per_sentence
def outside_quotes(text: str) -> str:
    """The sentence with its quoted speech blanked out: what the writer says in their own voice."""
    return _QUOTED.sub(" … ", text)


@per_sentence
def first_person(text: str) -> bool:
    """Does the writer speak as "I" or "we" outside quotation marks?

    "I confess that at the time I worked for Woody Allen I was a naive young actress." is an open
    letter's voice; put in a brief it makes the brief speak as its writer. Quoted speech
    ("“We are grateful,” she said.") is reporting, and "US" (the country) is not "us".
    """
    return bool(_FIRST_PERSON.search(outside_quotes(text)))


@per_sentence
def speakerless_quote(text: str) -> bool:
    """Is the sentence mostly quoted speech with nobody in it said to speak?

    "\"It's not the time to ease pressure towards North Korea.\"" lost its speaker to the sentence
    before; so did the end of a quote opened earlier ("... ensure their well-being.”"). A quoted
    title ("\"The Road\" is a road ...") is a small part of its sentence and does not count.
    """
    outside = outside_quotes(text)
    if outside.strip(" …") == "" or outside == text:
        return outside != text
    quoted_words = len(words(text)) - len(words(outside))
    named = _FULL_NAME.search(outside)  # "..., police officer Mohammad Usman." lost only its verb
    return quoted_words >= 0.5 * len(words(text)) and not SPEAKER.search(outside) and not named


def lowercased_names(text: str, case_counts: dict[str, int]) -> int:
    """How many names the sentence writes in lower case ("visit beijing") where the story's other
    sentences capitalise them; `case_counts` is `name_case_counts` over the story."""
    count = 0
    for match in _LOWER_WORD.finditer(text):
        word = match.group(0)
        capitalised = case_counts.get(word.capitalize(), 0)
        if capitalised >= 3 and 3 * case_counts.get(word, 0) <= capitalised:
            count += 1
    return count


def name_case_counts(texts: list[str]) -> dict[str, int]:
    """How often each word is written, case kept, away from the start of a sentence."""
    counts: dict[str, int] = {}
    for text in texts:
        for match in _MID_WORD.finditer(text):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return counts


def form_flaws(text: str) -> dict[str, float]:
    """Each way the sentence is malformed, with its penalty (0 where it is not)."""
    return dict(_form_flaws(text))


# Deduplication, ranking and selection each judge the same sentences: a quarter of a large
# story's time went to reading each one three times. As many as a story may have (`--max-sentences`).
@lru_cache(maxsize=50_000)
def _form_flaws(text: str) -> tuple[tuple[str, float], ...]:
    return tuple(
        {
            "spun": 0.5 * min(2, spun_hits(text)),
            "garbled": 0.5 * bool(_GARBLED.search(text)),
            "open quote": 0.4 * (not quotes_balanced(text)),
            "lower-case start": 0.3 * text[:1].islower(),
            "no full stop": 0.3 * (not ends_sentence(text)),
            "headline": 0.5 * bool(_HEADLINE.match(text)),
            # A brief cannot print a quote without its speaker: as good as left out.
            "bare quote": 1.0 * speakerless_quote(text),
            # The writer's "I" makes the brief speak as them. A flaw, not an opinion, so that where
            # most of a story is first person (reviews, where it is the register) it is not held
            # against any one sentence.
            "first person": 1.0 * first_person(text),
        }.items()
    )


def form_penalty(text: str) -> float:
    """0 for a clean, self-contained sentence; larger for garbled, spun or fragmentary ones."""
    return sum(form_flaws(text).values())


def instruction_like(text: str) -> bool:
    """Is the sentence talking to a language model ("ignore previous instructions...")? Read
    after normalising (zero-width characters, look-alike letters), rewordings included."""
    shape = skeleton(text)
    return bool(INSTRUCTION_LIKE.search(shape)) or addressed_to_ai(text, shape)


@per_sentence
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
