"""Turn raw article text into clean article text: fix encodings, drop site chrome and repeats."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import ftfy

from ..text.debris import embedded_tweet, lead_length, line_debris, sentence_debris
from ..text.furniture import furniture_line, furniture_sentence, strip_inline
from ..types import Document, RawDocument
from .segment import sentence_spans

# Whole lines that are site furniture, never article prose. Anchored, case-insensitive.
_CHROME = [
    r"source link",
    r"leave a (reply|comment)\b.*",
    r"(your )?email address will not be published.*",
    r"required fields are marked.*",
    r"back to top( button)?",
    r"archives?",
    r"(share|share this( article| story)?|tweet|email|print|comments?|advertisement|sponsored)",
    r"(related|recommended)( articles| stories| posts| content)?:?",
    r"(read more|click here|subscribe|sign up|follow us|download (our|the) app)\b.{0,80}",
    r"(copyright|©).{0,120}|.{0,120}all rights reserved\.?",
    r"(tags?|categories|filed under)\s*:.*",
    r"(posted|published|updated|last updated)( on| at)?\s*:?\s*.{0,40}\d.{0,30}",
]
_SOURCE_LINE = r"(source|via|originally published (at|on|by))\s*:\s*.{1,80}"
_BYLINE = (
    r"(\(?(by|written by|reporting by|editing by|words by)\s+[A-Z][^.!?]{0,80}\)?"
    r"|[A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}\s*[|,]\s*(staff )?(writer|reporter|correspondent|editor))"
)
_CONTRIBUTORS = r".{0,300}\b(contributed|also contributed) (to )?(this|the) (report|story|article|reporting)\.?"
_CAPTION = (
    r"((photo|image|picture|photograph|credit|caption)s?\s*(:|by\b).{0,200}"
    r"|.{0,300}\s/\s*[A-Z][\w.' -]{1,60}/\s*[A-Z][\w.&' -]{1,40}"  # "... / Leah Millis/Reuters"
    r"|.{0,300}\((photo|image|credit)s?\b[^)]{0,120}\)"
    r"|.{0,300}\|\s*(getty images|reuters|ap|afp|epa|bloomberg|shutterstock)\b.{0,40})"
)
# A person's name, then "is a seasoned author ..." and the like: the outlet's author blurb.
_AUTHOR_BIO = (
    r"(about the author\b.*"
    r"|[A-Z][\w'-]+( [A-Z][\w'-]+){1,3} (is|has been) (a|an)\b[^.]{0,100}"
    r"\b(author|writer|journalist|reporter|editor|columnist|blogger|contributor)\b.*)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("site chrome", re.compile("|".join(f"(?:{p})" for p in _CHROME), re.IGNORECASE)),
    ("source line", re.compile(_SOURCE_LINE, re.IGNORECASE)),
    ("byline", re.compile(_BYLINE)),
    ("contributor line", re.compile(_CONTRIBUTORS, re.IGNORECASE)),
    ("photo caption", re.compile(_CAPTION, re.IGNORECASE)),
    ("author bio", re.compile(_AUTHOR_BIO)),
]

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W\d_]+")
# A sentence end glued to the next sentence ("conflict.China", "forward.”Blinken"): a lowercase
# word, a full stop (and a closing quote), a capital.
_GLUED = re.compile(r"(?<=[a-z)][a-z)][.!?])(?=[A-Z][a-z])|(?<=[a-z)][.!?][”’\"])(?=[A-Z][a-z])")
# A word whose first letter was corrupted into a stray non-ASCII letter ("Ĭhina", "īlinken").
_BAD_INITIAL = re.compile(r"(?<![^\W\d_])([^\x00-\x7f])([a-z]{2,})\b")
# A share button or a byline printed after the headline: "... in 20 years | Share",
# "... hopes for new start By Stefano Esposito Staff Reporter".
_TITLE_TAIL = re.compile(
    r"\s*[|–—-]\s*(?i:share|video|photos?|watch)$"
    r"|\s+[Bb]y [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}?(?:,? (?:[Ss]taff |[Ss]enior )?"
    r"(?:[Rr]eporter|[Ww]riter|[Cc]orrespondent|[Ee]ditor))?$"
)
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z(]")
# A credit, a link to another story, or a time stamp: "/ Updated By Ian Sager", "Related: ...", "1 year ago".
_CREDIT_LINE = re.compile(
    r"\W*((updated|posted|published|written)\s+)?by\s+[A-Z]|(related|more|see also|read more)\s*:"
    r"|\d+ (second|minute|hour|day|week|month|year)s? ago\b",
    re.IGNORECASE,
)
_HEADING_MAX_WORDS = 12
_TITLE_MAX_WORDS = 25  # headlines run longer than section headings


def clean_documents(raws: Iterable[RawDocument], encoding_fixed: bool = False) -> list[Document]:
    """Clean each article; the cluster's shared vocabulary repairs words one article garbled.
    `encoding_fixed`: the texts went through `fix_encoding` already (ftfy is a second a megabyte)."""
    fixed = [(raw, raw.text if encoding_fixed else fix_encoding(raw.text)) for raw in raws]
    vocabulary = Counter(w for _, text in fixed for w in _WORD.findall(text))
    return [clean_text(raw, text, vocabulary) for raw, text in fixed]


_LOST_QUOTE = re.compile(r"(?<=[\w.,!?])\ufffd\?(?=\s|$)")


def fix_encoding(text: str) -> str:
    """Mojibake and odd characters, via ftfy; curly quotes are kept as the outlet wrote them."""
    text = ftfy.fix_text(text, uncurl_quotes=False)
    # A closing ” whose last byte a page lost (UTF-8 E2 80 9D read as cp1252 has no 0x9D) comes as
    # "�?": "a “direct attack�? on …". No library can restore it (the byte is gone); its place says what it was.
    text = _LOST_QUOTE.sub("”", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(raw: RawDocument, text: str, vocabulary: Counter[str] | None = None) -> Document:
    removed: Counter[str] = Counter()
    text, repaired = repair_initials(text, vocabulary or Counter())
    removed["repaired word"] += repaired
    paragraphs = [_squash(p) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    title, paragraphs = _take_title(paragraphs, removed)
    kept: list[str] = []
    spans: list[tuple[int, int]] = []
    spoken: list[tuple[int, int, str]] = []
    seen: set[str] = set()

    offset = 0  # where the next kept paragraph starts in the cleaned text
    for paragraph in paragraphs:
        tweet = embedded_tweet(paragraph)
        if tweet is not None and _key(tweet[0]) not in seen:
            # The tweet's words stay, as its author's: the signature and links go.
            seen.add(_key(tweet[0]))
            removed["social embed"] += 1
            spoken.append((offset, offset + len(tweet[0]), f"{tweet[1]} tweeted"))
            kept.append(tweet[0])
            spans.extend((offset + a, offset + b) for a, b in sentence_spans(tweet[0]))
            offset += len(tweet[0]) + 2
            continue
        what = classify_line(paragraph)
        if what is not None:
            removed[what] += 1
            continue
        key = _key(paragraph)
        if key in seen or (title is not None and key == _key(title)):
            removed["repeated paragraph"] += 1
            continue
        seen.add(key)
        paragraph, cards, marks = strip_inline(paragraph)
        removed["link widget"] += cards
        removed["footnote mark"] += marks
        paragraph, found = _clean_sentences(_GLUED.sub(" ", paragraph), removed)
        if paragraph:
            kept.append(paragraph)
            spans.extend((offset + a, offset + b) for a, b in found)
            offset += len(paragraph) + 2
    counts = tuple(sorted((k, v) for k, v in removed.items() if v))
    return Document(raw.id, raw.path, "\n\n".join(kept), title, counts, tuple(spoken), tuple(spans), raw.published)


def classify_line(line: str) -> str | None:
    """The kind of non-article line this is ("byline", "heading", ...), or None for prose."""
    for name, pattern in _PATTERNS:
        if pattern.fullmatch(line):
            return name
    debris = line_debris(line) or furniture_line(line)
    if debris is not None:
        return debris
    if _is_heading(line):
        return "heading"
    return None


def clean_sentences(paragraph: str, removed: Counter[str]) -> str:
    """The paragraph without its debris sentences, and with datelines cut from the sentences
    they open (the sentence itself kept): "LONDON (Reuters) - Prime Minister ..." -> "Prime ..."."""
    return " ".join(sentence for _, sentence in _kept(paragraph, sentence_spans(paragraph), removed))


def _clean_sentences(paragraph: str, removed: Counter[str]) -> tuple[str, list[tuple[int, int]]]:
    """`clean_sentences`, and the (start, end) of the sentences of what it returns."""
    spans = sentence_spans(paragraph)
    kept = _kept(paragraph, spans, removed)
    text = " ".join(sentence for _, sentence in kept)
    # Most paragraphs come out as they went in, split as they were. One that lost a sentence is
    # split again, as segmentation always did: where a sentence ends can depend on the next word.
    return text, spans if text == paragraph else _split_again(paragraph, spans, kept)


def _split_again(paragraph: str, spans: list[tuple[int, int]], kept: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """`sentence_spans` of the kept sentences joined, splitting again only the stretches around
    what was cut. Punkt decides each sentence end from the words either side of it, so where a
    kept sentence follows its own neighbour, both unchanged and one space between, the sentence
    end between them stays; the text is cut there into stretches, each split on its own (a
    sentence alone and unchanged keeps its span). Splitting a whole 5 MB one-paragraph article
    again because one sentence was a caption cost seconds (issue 28)."""

    def unchanged(k: int) -> bool:
        i, sentence = kept[k]
        return sentence == paragraph[spans[i][0] : spans[i][1]]

    def untouched_junction(k: int) -> bool:  # between kept[k - 1] and kept[k]
        i = kept[k][0]
        return (
            kept[k - 1][0] == i - 1
            and paragraph[spans[i - 1][1] : spans[i][0]] == " "
            and unchanged(k - 1)
            and unchanged(k)
        )

    stretches: list[list[int]] = []
    for k in range(len(kept)):
        if k and not untouched_junction(k):
            stretches[-1].append(k)
        else:
            stretches.append([k])
    out: list[tuple[int, int]] = []
    offset = 0  # where the stretch starts in the cleaned text
    for stretch in stretches:
        text = " ".join(kept[k][1] for k in stretch)
        if len(stretch) == 1 and unchanged(stretch[0]):
            out.append((offset, offset + len(text)))
        else:
            out.extend((offset + a, offset + b) for a, b in sentence_spans(text))
        offset += len(text) + 1
    return out


def _kept(paragraph: str, spans: list[tuple[int, int]], removed: Counter[str]) -> list[tuple[int, str]]:
    """The sentences that are not debris, each with its number in `spans`, datelines cut."""
    kept = []
    for k, (start, end) in enumerate(spans):
        sentence = paragraph[start:end]
        what = sentence_debris(sentence) or furniture_sentence(sentence)
        if what is not None:
            removed[what] += 1
            continue
        cut = lead_length(sentence)
        removed["dateline"] += bool(cut)
        kept.append((k, sentence[cut:]))
    return kept


def repair_initials(text: str, vocabulary: Counter[str]) -> tuple[str, int]:
    """Restore a corrupted first letter when exactly one capital makes a word seen elsewhere."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        first, rest = match.groups()
        if unicodedata.category(first) not in ("Lu", "Ll") or first.isascii():
            return match.group(0)
        candidates = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if vocabulary[c + rest] >= 2]
        if len(candidates) != 1 or vocabulary[first + rest] > 2:
            return match.group(0)
        count += 1
        return candidates[0] + rest

    return _BAD_INITIAL.sub(fix, text), count


def _take_title(paragraphs: list[str], removed: Counter[str]) -> tuple[str | None, list[str]]:
    """A short first line without a full stop is the headline; drop its printed-again copies.

    Page furniture above the headline (a player, a caption, a credit) is dropped first: it is never
    the title, and a nightly story named "media-playback-is-unsupported" helps no reader.
    """
    furniture = []
    while paragraphs and classify_line(paragraphs[0]) not in (None, "heading"):
        furniture.append(paragraphs[0])
        removed[classify_line(paragraphs[0]) or ""] += 1
        paragraphs = paragraphs[1:]
    if not paragraphs or _CREDIT_LINE.match(paragraphs[0]) or not _is_title(_TITLE_TAIL.sub("", paragraphs[0])):
        return None, paragraphs
    if any(f.startswith("Story highlights") for f in furniture):
        return None, paragraphs  # the lines after it are the other highlights, not a headline
    title, rest = _TITLE_TAIL.sub("", paragraphs[0]), paragraphs[1:]
    while rest and _key(rest[0]) == _key(title):
        removed["repeated title"] += 1
        rest = rest[1:]
    return title, rest


def _is_title(line: str) -> bool:
    """A headline: short, one line of at least two words, no full stop, not a letter's salutation
    ("Dear Dylan,"), and not a sentence with a button or a credit after it ("... decades.
    Advertisement", "Pirate ship. (Playmobil booklet)")."""
    return (
        _is_heading(line, _TITLE_MAX_WORDS)
        and len(line.split()) >= 2
        and not line.endswith(",")
        and not _SENTENCE_BREAK.search(line)
        and not _CREDIT_LINE.match(line)
        and clean_sentences(line, Counter()) == line
    )


def _is_heading(line: str, max_words: int = _HEADING_MAX_WORDS) -> bool:
    return len(line.split()) <= max_words and not _TERMINAL.search(line)


def _squash(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u200b]+", " ", text).strip()


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
