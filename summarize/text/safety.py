"""Text from hostile folders: what may reach a terminal, a Markdown file or a model's filter.

File names and article text can carry bytes that are not UTF-8, terminal escape sequences,
bidi overrides and look-alike letters. This module has no imports from the package, so any
stage may use it.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from functools import lru_cache

# Bidi embeddings/overrides/isolates and marks: they reorder what a reader sees (U+202E).
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters that split a word for a pattern but not for a reader or a model.
INVISIBLE = "\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff"
_STRIP = str.maketrans("", "", BIDI + INVISIBLE)
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}{INVISIBLE}\u200c\u200d\u2028\u2029\ud800-\udfff]")


def strip_invisible(text: str) -> str:
    """Article text without bidi controls and zero-width characters (neither is news)."""
    return text.translate(_STRIP)


def printable(text: str) -> str:
    """`text` safe for a terminal, a log line or a UTF-8 file: control characters, bidi controls
    and undecodable file-name bytes (surrogate escapes) are shown as escapes (\\x1b, \\u202e)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class PrintableFormatter(logging.Formatter):
    """Log lines whose file names cannot move the cursor, recolour the terminal or end the line."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_escape(text: str) -> str:
    """Text that a CommonMark renderer shows as typed: no raw HTML, links, code or emphasis."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text.replace("\n", " "), quote=False))


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter a non-Latin character is drawn like (Unicode confusables), else itself."""
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(char, greedy=False, preferred_aliases=["latin", "common"])
    if not found:
        return char
    for glyph in found[0]["homoglyphs"]:
        if glyph["c"].isascii():
            return glyph["c"]
    return char


def skeleton(text: str) -> str:
    """What a sentence reads as, for pattern matching: NFKC, no format characters, look-alike
    letters (Cyrillic "о", Greek "ο", fullwidth "ｏ") mapped to Latin, lower case."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text)
    # One table for the sentence's distinct non-ASCII characters (format characters, all of them
    # non-ASCII, dropped), not a call per character: every sentence of a story is read.
    table = {ord(c): "" if unicodedata.category(c) == "Cf" else _latin(c) for c in set(text) if not c.isascii()}
    return text.translate(table).lower()


_AI = (
    r"(?:ai|a\.i\.|llms?|large language models?|language models?|chat ?bots?|bots?|assistants?|"
    r"summari[sz]ers?|summari[sz]ation (?:tools?|models?|systems?)|gpts?|chatgpt|models?)"
)
# Text addressed to a machine reader rather than to people: a rewording of "ignore previous
# instructions" that names its audience, or tells it what to write.
ADDRESSED_TO_AI = re.compile(
    rf"\b(?:to|for|attention|note to|dear|hey|calling)\b\W{{0,3}}(?:any|all|every|the|an?)?\s*{_AI}\b"
    r"[^.]{0,40}\b(?:reading|processing|summari[sz]ing|parsing|ingesting|analy[sz]ing|scanning)\b"
    rf"|\bif you(?:'re| are) (?:an? )?{_AI}\b"
    rf"|\b{_AI}\b[^.]{{0,60}}\b(?:must|should|shall|are (?:instructed|required|told|asked)|need to|have to)\b"
    r"[^.]{0,60}\b(?:say|write|state|report|include|output|mention|describe|conclude|claim|ignore|omit|"
    r"disregard|call|portray|respond|answer)\b"
    r"|\b(?:new|updated|real|actual|hidden|secret) (?:system )?instructions?\s*:"
    r"|\b(?:ignore|disregard|forget|override|bypass)\b[^.]{0,40}\b(?:previous|prior|above|earlier|all|any|your|"
    r"the|these|those|other)\b[^.]{0,30}\b(?:instructions?|prompts?|directions|guidelines|directives)\b",
)


def addressed_to_ai(text: str, skeleton_: str | None = None) -> bool:
    """`skeleton_`: the text's `skeleton`, when the caller has it already."""
    return bool(ADDRESSED_TO_AI.search(skeleton(text) if skeleton_ is None else skeleton_))
