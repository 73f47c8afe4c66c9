"""Is an article in English? Briefs must never mix in articles the reader cannot check."""

from __future__ import annotations

from .words import words

# The commonest English function words: they make up 40-50% of English prose and almost none
# of French, German or Spanish text. Counting them is fast and needs no model; naming the
# language of an article that is not English is left to py3langid, loaded only then.
FUNCTION_WORDS = frozenset(
    "the of and to in a is that for it as was with be by on not he i this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will "
    "more can who what its out into than them only about also after said up had after over".split()
)
ENGLISH_SHARE = 0.2  # below this share of function words, the text is not English
MIN_WORDS = 20  # shorter texts are too short to tell; they pass


def english_share(text: str) -> float:
    tokens = words(text[:20_000])
    return sum(t in FUNCTION_WORDS for t in tokens) / len(tokens) if tokens else 0.0


def is_english(text: str) -> bool:
    return len(words(text[:2_000])) < MIN_WORDS or english_share(text) >= ENGLISH_SHARE


def name_language(text: str) -> str:
    """An ISO 639-1 code for the text's language, or "unknown"."""
    try:
        import py3langid
    except ImportError:  # pragma: no cover - a declared dependency
        return "unknown"
    return str(py3langid.classify(text[:5_000])[0])
