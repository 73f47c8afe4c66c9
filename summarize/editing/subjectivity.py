"""The brief's own voice is a reporter's: words that judge belong to someone the brief names.

Which words judge comes from TextBlob's subjectivity lexicon (`textblob/en/en-sentiment.xml`, the
Pattern project's ~2,900 adjectives, each with a polarity and a subjectivity read by annotators; it
ships in the wheel, so it works offline). It was chosen over VADER because VADER scores valence
(how positive) not subjectivity: "killed" is strongly negative there, and a news brief is full of
it. A word here judges when it is used as an adjective or adverb (TextBlob's Pattern tagger, also
offline: "prices rose" is not the flower) and annotators found it fully subjective and clearly
charged ("absurd", "horrible", "awful"); "new", "high" or "former" are not.

The Pattern lexicon rates adjectives, and few adverbs: "Mortensen underplays his role admirably,
and Smit-McPhee is gratifyingly unactorly" (a film critic's verdict) holds none of its words. An
adverb made from an adjective of a viewer's reaction judges as that adjective does, and VADER's
lexicon (vaderSentiment's wheel, `vader_lexicon.txt`: ~7,500 words, each a mean of ten raters'
valence from -4 to +4) rates those adjectives: "admirable" 2.6, "gratifying" 2.3. VADER is read
only there, for adverbs derived from such adjectives, because valence elsewhere is not judgement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from ..text.quality import attributed, first_person, outside_quotes
from ..text.submodules import submodule
from ..text.words import per_sentence
from .context import addresses_reader

# Subjectivity and |polarity| from which a lexicon word is a judgement, not a description: "absurd"
# (1.0, -0.5), "terrible" (1.0, -1.0) judge; "important" (1.0, 0.4), "great" (0.75, 0.8) and
# "high" (0.5, 0.1) are also how reporters describe.
SUBJECTIVE = 0.9
CHARGED = 0.5
# In a critic's or columnist's article the milder judgements are theirs too: "Nathan Lane doing a
# fantastic Nathan Lane" (0.9, 0.4) in a film review, "Poor planning and oversight" (0.6, -0.4)
# in a report's list of findings; comparatives ("more", "better") are left to the full reading,
# and so are words at 0.5, where the lexicon puts counts ("many": 0.5, 0.5).
MILD_SUBJECTIVE = 0.6
MILD_CHARGED = 0.4
# An article is in its writer's voice when at least this share of its sentences judge (mildly),
# speak as "I"/"we" or to the reader, and its writer reports others at most half as often: a
# review, a column, an open letter, an advocacy page. News reports quote and attribute.
OWN_VOICE_SHARE = 0.3
FEWEST_SENTENCES = 5  # a snippet of a few lines is too short to tell its genre
# An argument addressed to the reader ("Imagine, for a minute, that ..."): an essayist's move no
# word lexicon scores, so the openers are listed.
_ADDRESSES_READER = re.compile(
    r"^[“‘\"']?(imagine|consider|think about|remember|picture this|let'?s|let us|make no mistake|"
    r"don'?t (forget|be fooled)|face it|mark my words)\b",
    re.IGNORECASE,
)
# A negative imperative with no subject, outside quotation marks: the writer telling the reader
# what to do ("The NFL goes 24/7/365, so don't miss a thing ..."). With a subject ("they don't
# expect") it is a statement; quoted, it is someone's words.
_TELLS_READER = re.compile(r"(?:^|[,;:—–]\s*|\b(?:so|and|but|then)\s+)(?:don['’]t|do not)\s+[a-z]", re.IGNORECASE)


# Adjectives and adverbs, not superlatives: "the latest poll", "the worst flooding in decades" rank
# one thing among others, as reporters do; the lexicon annotates only a judging sense of some of
# them ("latest": "in the current fashion or style", 0.9 subjective).
_MODIFIERS = frozenset({"JJ", "JJR", "RB", "RBR"})
_MILD_MODIFIERS = frozenset({"JJ", "RB"})
# "her own rescue": the lexicon scores "own" (1.0 subjective, 0.6) though no sense of it judges.
_NOT_JUDGING = frozenset({"own"})
# An adverb in "-ingly" is made from a participle that says what a thing does to its viewer
# ("gratifyingly", "disturbingly"), one in "-ably"/"-ibly" from an adjective of what it deserves
# ("admirably", "horribly"): with the adjective rated at least this strongly by VADER's raters
# (2 of 4: "favorable" 2.1, "terrible" -2.1; "interesting" 1.7 is below) the adverb is a verdict.
# "probably", "increasingly", "seemingly" come from adjectives VADER does not rate.
VALENCE = 2.0
_REACTION_ADVERB = re.compile(r"[a-z]+(?:ingly|[ai]bly)")
# The tokens a tagger may make of a sentence, and their parts: "over-the-top" is one lexicon
# entry, and "absurd's" holds "absurd".
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@lru_cache(maxsize=1)
def _pattern():  # type: ignore[no-untyped-def]
    """TextBlob's English module (the lexicon and the Pattern tagger), without `import textblob`:
    the package's `__init__` imports all of NLTK and with it scipy.stats, seconds of a brief's
    start for two files this module reads (issue 28; text/submodules.py)."""
    return submodule("textblob.en")


@lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    """VADER's lexicon, word -> mean valence, read from the file its wheel ships (not through
    `vaderSentiment.vaderSentiment`, which imports `requests` for its demo)."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines())
    return {row[0]: float(row[1]) for row in rows if len(row) > 1}


@lru_cache(maxsize=100_000)
def reaction_adverb(word: str) -> bool:
    """Is the lower-case `word` an adverb made from an adjective of a viewer's reaction that VADER's
    raters found clearly charged ("admirably": "admirable", "gratifyingly": "gratifying")?"""
    if not _REACTION_ADVERB.fullmatch(word):
        return False
    adjective = word[:-2] if word.endswith("ingly") else word[:-1] + "e"
    return abs(_valence().get(adjective, 0.0)) >= VALENCE


@lru_cache(maxsize=100_000)  # a story's distinct words
def _judges(word: str, mild: bool = False) -> bool:
    """Is the lower-case `word` a judgement: in the lexicon, fully subjective and clearly charged
    (`mild`: at least half subjective and somewhat charged)? Read word by word as sentences ask
    (TextBlob averages a word's senses), not for all ~2,900 entries up front: most sentences hold
    none of them."""
    sentiment = _pattern().sentiment
    if word not in sentiment:
        return False
    polarity, subjectivity = sentiment(word)
    if mild:
        return subjectivity >= MILD_SUBJECTIVE and abs(polarity) >= MILD_CHARGED and word not in _NOT_JUDGING
    return subjectivity >= SUBJECTIVE and abs(polarity) >= CHARGED


def judging_words(text: str, mild: bool = False) -> tuple[str, ...]:
    """The words that judge in the sentence's own voice (outside quotation marks); `mild` counts
    the milder judgements, a critic's in a critic's article (`own_voice`)."""
    own = outside_quotes(text)
    if not any(_judges(t, mild) or reaction_adverb(t) for t in _tokens(own)):
        return ()  # most sentences: no tagging needed
    found = []
    tagged = _tagged(own)
    for i, (word, tag) in enumerate(tagged):
        after = tagged[i + 1][0].lower() if i + 1 < len(tagged) else ""
        if tag in (_MILD_MODIFIERS if mild else _MODIFIERS) and _judges(word.lower(), mild):
            found.append(word.lower())
        elif tag in _MODIFIERS and reaction_adverb(word.lower()) and after != "by":
            # "viewed favorably by 37 percent": the judgement is the poll's, named after "by".
            found.append(word.lower())
    return tuple(found)


# A sentence is read twice, for a critic's milder verdict and for the brief's own voice: its
# tokens and tags are remembered (a long article's selection spent seconds reading them again).
@per_sentence
def _tokens(own: str) -> frozenset[str]:
    tokens = set(_TOKEN.findall(own.lower()))
    tokens.update(part for token in [t for t in tokens if "-" in t] for part in token.split("-"))
    return frozenset(tokens)


@per_sentence
def _tagged(own: str) -> tuple[tuple[str, str], ...]:
    return tuple(_pattern().tag(own))


def own_voice(sentences: Sequence[tuple[str, bool]]) -> bool:
    """Is the article (its sentences in order, each with whether the article gives it a speaker)
    written in its writer's voice, a review or a column rather than a report? Read from the whole
    article, as an editor tells a review from a news story: how often its writer judges, says
    "I" or talks to the reader, against how often it reports what others said. A milder judgement
    in such an article is the writer's (`judging_words(text, mild=True)`)."""
    if len(sentences) < FEWEST_SENTENCES:
        return False
    voiced = reports = 0
    for text, spoken in sentences:
        if spoken or attributed(text):
            reports += 1
        elif judging_words(text, mild=True) or first_person(text) or addresses_reader(text):
            voiced += 1
    return voiced >= OWN_VOICE_SHARE * len(sentences) and 2 * reports <= voiced


def own_voice_articles(sentences: Iterable[tuple[str, str, bool]]) -> set[str]:
    """The ids of the articles written in their writer's voice, from (article id, sentence, has a
    speaker) triples in each article's order."""
    by_article: dict[str, list[tuple[str, bool]]] = {}
    for doc_id, text, spoken in sentences:
        by_article.setdefault(doc_id, []).append((text, spoken))
    return {doc_id for doc_id, told in by_article.items() if own_voice(told)}


def argues(text: str) -> bool:
    """Is the sentence an opinion in its own voice: a judging word, or an appeal to the reader
    ("Imagine …", "… so don't miss a thing", or "you" outside quotation marks: "\"The Road\" is a road you'll wish hadn't been
    taken.", "your hard-earned tax dollars")? A reporter never talks to the reader."""
    return (
        bool(judging_words(text))
        or bool(_ADDRESSES_READER.match(text.lstrip()))
        or addresses_reader(text)
        or bool(_TELLS_READER.search(outside_quotes(text)))
    )
