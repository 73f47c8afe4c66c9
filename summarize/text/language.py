"""Is an article in English? Briefs must never mix in articles the reader cannot check.

One method decides and names the language: `language`. Most English prose gives itself away by
its function words ("the", "of", "and" make up 40-50% of it and almost none of French, German
or Spanish text); counting them is fast and needs no model. Where they are scarce (a science
abstract's noun phrases, a headline list, a scrape without punctuation) py3langid, loaded only
then, names the language, and that name is the decision: a text is skipped as "not English"
only when the classifier named another language, and the notice names that language.
"""

from __future__ import annotations

from .words import words

FUNCTION_WORDS = frozenset(
    "the of and to in a is that for it as was with be by on not he i this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will "
    "more can who what its out into than them only about also after said up had after over".split()
)
ENGLISH_SHARE = 0.2  # at or above this share of function words the text is English, no model asked
MIN_WORDS = 20  # shorter texts are too short to tell; they pass
SAMPLE = 5_000  # characters the classifier reads


def english_share(text: str) -> float:
    tokens = words(text[:20_000])
    return sum(t in FUNCTION_WORDS for t in tokens) / len(tokens) if tokens else 0.0


def language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("en" for text too short to tell)."""
    if len(words(text[:2_000])) < MIN_WORDS or english_share(text) >= ENGLISH_SHARE:
        return "en"
    import py3langid

    return str(py3langid.classify(text[:SAMPLE])[0])


def is_english(text: str) -> bool:
    return language(text) == "en"
