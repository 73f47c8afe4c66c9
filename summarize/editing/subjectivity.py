"""The brief's own voice is a reporter's: words that judge belong to someone the brief names.

Which words judge comes from TextBlob's subjectivity lexicon (`textblob/en/en-sentiment.xml`, the
Pattern project's ~2,900 adjectives, each with a polarity and a subjectivity read by annotators; it
ships in the wheel, so it works offline). It was chosen over VADER because VADER scores valence
(how positive) not subjectivity: "killed" is strongly negative there, and a news brief is full of
it. A word here judges when it is used as an adjective or adverb (TextBlob's Pattern tagger, also
offline: "prices rose" is not the flower) and annotators found it fully subjective and clearly
charged ("absurd", "horrible", "awful"); "new", "high" or "former" are not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.quality import outside_quotes
from ..text.words import words

# Subjectivity and |polarity| from which a lexicon word is a judgement, not a description: "absurd"
# (1.0, -0.5), "terrible" (1.0, -1.0) judge; "important" (1.0, 0.4), "great" (0.75, 0.8) and
# "high" (0.5, 0.1) are also how reporters describe.
SUBJECTIVE = 0.9
CHARGED = 0.5
# An argument addressed to the reader ("Imagine, for a minute, that ..."): an essayist's move no
# word lexicon scores, so the openers are listed.
_ADDRESSES_READER = re.compile(
    r"^[“‘\"']?(imagine|consider|think about|remember|picture this|let'?s|let us|make no mistake|"
    r"don'?t (forget|be fooled)|face it|mark my words)\b",
    re.IGNORECASE,
)


_MODIFIERS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[float, float]]:
    """Word -> (polarity, subjectivity), averaged over its senses as TextBlob does."""
    from textblob.en import sentiment

    return {word: sentiment(word) for word in sentiment}


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    from textblob.en.taggers import PatternTagger

    return PatternTagger()


def judging_words(text: str) -> tuple[str, ...]:
    """The words that judge in the sentence's own voice (outside quotation marks)."""
    own = outside_quotes(text)
    lexicon = _lexicon()
    if not any(w in lexicon for w in words(own)):
        return ()  # most sentences: no tagging needed
    found = []
    for word, tag in _tagger().tag(own):
        polarity, subjectivity = lexicon.get(word.lower(), (0.0, 0.0))
        if tag in _MODIFIERS and subjectivity >= SUBJECTIVE and abs(polarity) >= CHARGED:
            found.append(word.lower())
    return tuple(found)


def argues(text: str) -> bool:
    """Is the sentence an opinion in its own voice: a judging word, or an appeal to the reader?"""
    return bool(judging_words(text)) or bool(_ADDRESSES_READER.match(text.lstrip()))
