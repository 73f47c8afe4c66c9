"""Pages that are not articles: archive notices, embed prompts, stubs, cookie/paywall/login/error pages,
link lists. Found before grouping, so they never form a story nor enter a brief.

A page is judged by what is left once its boilerplate is set aside: when fewer than
`MIN_SENTENCES` sentences of prose (or fewer than `MIN_WORDS` words of them) remain, it is not an
article, and the reason names the boilerplate it was made of. On a page that prints such furniture,
a sentence in which the site speaks to its reader ("you", "your", "we", "our" outside quotation
marks) is furniture too: a consent, paywall or login page explains itself at length in that voice
("We use this information for personalised advertising"), while news is told in the third person,
and an article about cookies or paywalls reports them ("Google said it would phase out cookies").
An article is never dropped for being off-topic, odd or badly written: only for having (almost) no
prose of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

# The kinds of page furniture, each a pattern any of whose matches marks a line or sentence as that
# kind. Kept to phrases such pages print, never topics an article could be about.
_KINDS: tuple[tuple[str, str], ...] = (
    (
        "web-archive notice",
        r"these crawls are part of|\bthe seed for \S+ was\b|wayback machine|internet archive"
        r"|\bcrawl(ed|s)? (data|of)\b|archive (the )?pages|full archive pages|historical collection"
        r"|donating their crawl|inter-domain link|highly ranked urls",
    ),
    (
        "social-media embed",
        r"tweet with a location|location (information )?to your tweets"
        r"|twitter stores that location|(tweet )?location history|see more of .{1,60} on facebook"
        r"|view this (post|photo|video) on (instagram|facebook|twitter)|a post shared by\b"
        r"|sign up for (twitter|facebook)|(log|sign) ?in to (twitter|facebook|instagram)"
        r"|pic\.twitter\.com|^— .{1,60}\(@\w+\) \w+ \d+, \d{4}$",
    ),
    (
        "cookie or consent page",
        r"\bcookies?\b.{0,80}\b(use|accept|consent|policy|settings|browser)|\b(use|uses|using) cookies\b"
        r"|\b(accept|manage) (all )?cookies|privacy settings|\bgdpr\b|your consent|manage (your )?preferences",
    ),
    (
        "paywall",
        r"already a subscriber|subscribe (now |today )?to (continue|read|get)|to continue reading"
        r"|subscribers only|premium (content|article)|free articles? (left|remaining)|register (now )?to read"
        r"|(start|get) (your )?(free )?trial|unlimited (digital )?access",
    ),
    (
        "login page",
        r"\b(log ?in|sign ?in)\b.{0,40}\b(account|password|email|username)|forgot (your )?password"
        r"|create (an|a free) account|remember me|keep me (signed|logged) in|by (signing|logging) in",
    ),
    (
        "error page",
        r"\b404\b|page (was )?not (be )?found|could not be found|access denied|403 forbidden"
        r"|enable javascript|javascript is (disabled|required)|something went wrong|no longer available"
        r"|temporarily unavailable|service unavailable|has been (removed|deleted)|are you a robot|captcha",
    ),
)
# Matched on lower-cased text: re.IGNORECASE over these alternations cost twice as much, and every
# sentence of every input is read (a 5 MB article is 40,000 sentences).
_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in _KINDS)
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_STOPS = re.compile(r"[a-zA-Z)][.!?]+(?=[\s\"'”’>]|[A-Z]|$)")
# The site's voice: the reader addressed, or the site speaking as "we" ("us" in lower case only: "US").
_READER = re.compile(r"\b(?:[Yy]ou(?:r|rs)?|[Ww]e|[Oo]ur|us)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")

# Prose is a sentence of at least this many words ending as sentences do; shorter lines are
# headings, captions, menu items and links.
MIN_PROSE_WORDS = 6
# A run of this many words is prose however it is punctuated (transcripts, badly scraped text).
RUN_ON_WORDS = 25
# An article tells at least this much in prose of its own: two sentences, 30 words. The shortest
# wire items (a headline and two sentences) pass; a one-line teaser or a caption does not.
MIN_SENTENCES = 2
MIN_WORDS = 30
# A page whose lines are mostly this short and unpunctuated is a link list or a menu.
NAV_LINE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a page is not an article (empty `reason`: it is one), and the prose read to decide:
    all of a page's, or an article's until it had prose enough (see `judge`)."""

    reason: str = ""
    prose_sentences: int = 0
    prose_words: int = 0

    @property
    def is_article(self) -> bool:
        return not self.reason


def judge(text: str) -> Verdict:
    """Is `text` an article? If not, the reason, named after the boilerplate it is made of.

    Prose in the writer's own voice (no "you" or "we" outside quotes) counts whatever furniture
    the rest of the page prints, so once there is enough of it the page is an article and the
    rest is not read: a 5 MB article costs what its first sentences cost (issue 28)."""
    kinds: Counter[str] = Counter()
    prose: list[str] = []
    own_sentences = own_words = 0
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        for sentence in _sentences(line):
            found = _kinds(sentence)
            for kind in found:
                kinds[kind] += len(sentence.split())
            if found or not _is_prose(sentence):
                continue
            prose.append(sentence)
            if not _READER.search(_QUOTED.sub(" ", sentence)):
                own_sentences += _stops(sentence)
                own_words += len(sentence.split())
                if own_sentences >= MIN_SENTENCES and own_words >= MIN_WORDS:
                    return Verdict("", own_sentences, own_words)
    if kinds:
        prose = [s for s in prose if not _READER.search(_QUOTED.sub(" ", s))]
    words = sum(len(s.split()) for s in prose)
    sentences = sum(_stops(s) for s in prose)
    if sentences >= MIN_SENTENCES and words >= MIN_WORDS:
        return Verdict("", sentences, words)
    return Verdict(_reason(kinds, lines, sentences), sentences, words)


def _sentences(line: str) -> Iterator[str]:
    """`_SENTENCE.split(line)`, one sentence at a time: a long line is seldom read to its end."""
    start = 0
    for match in _SENTENCE.finditer(line):
        yield line[start : match.start()]
        start = match.end()
    yield line[start:]


def _stops(sentence: str) -> int:
    # Transcripts glue sentences together ("SCORE.>> YOU"): count their full stops, not the splits.
    return max(1, len(_STOPS.findall(sentence)))


def _is_prose(sentence: str) -> bool:
    """A sentence of words ending as sentences do, or a long run of text (unpunctuated or glued)."""
    size = len(sentence.split())
    return size >= RUN_ON_WORDS or (size >= MIN_PROSE_WORDS and bool(_TERMINAL.search(sentence)))


def _kinds(sentence: str) -> list[str]:
    """Every kind of furniture the sentence prints (a login form's "Privacy Policy" link is a login page's)."""
    lower = sentence.lower()
    return [kind for kind, pattern in _PATTERNS if pattern.search(lower)]


def _reason(kinds: Counter[str], lines: list[str], prose: int) -> str:
    if kinds:
        return kinds.most_common(1)[0][0]
    short = [line for line in lines if len(line.split()) < NAV_LINE_WORDS and not _TERMINAL.search(line)]
    if len(short) >= 5 and len(short) > 0.6 * len(lines):
        return "link list or navigation"
    return f"stub ({prose} sentence{'s' if prose != 1 else ''} of prose)"
