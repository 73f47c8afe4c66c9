"""Scraped-page debris inside article text, and the datelines that open a wire story.

Crawled news often arrives as plain text (the Multi-News articles are such scrapes): the markup that
lets trafilatura or jusText tell page furniture from prose (ingest.py uses trafilatura for .html) is
already gone, and video players, tweet prompts, embedded tweets, photo captions and credits sit
between the paragraphs or inside them. No library recognises these in plain text, so they are
rules, each taken from a real scraped page (tests/test_debris.py holds the examples).

`line_debris` and `sentence_debris` name what a paragraph or a sentence is, or None for article prose; `lead_length` measures
the dateline, wire tag or kicker that opens a sentence, so that cleaning can cut it and keep the
sentence ("BEIJING (AP) — U.S. Secretary ..." -> "U.S. Secretary ...").
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"(?:--|—|–|-)"
_AGENCY = r"(?:Getty(?: Images)?|AP|Reuters|AFP|EPA|Bloomberg|Shutterstock|Invision|WireImage|FilmMagic|Pool)"

# Phrases that only page furniture uses: a line or sentence holding one is not article prose.
# Matched on lower-cased text (much faster than re.IGNORECASE over a long alternation).
_PLAYER_CHROME = re.compile(
    r"media playback is unsupported|please enable javascript|"
    r"(your|this) browser does not support|this video (is|has been) (unavailable|removed)|"
    r"image copyright\b|image caption\b|media caption\b|toggle caption\b|enlarge this image|"
    r"\b(show|hide) transcript\b|\bcopy link\b|replay more videos|see more videos|"
    r"get breaking news alerts|skip in skip|embed this (tweet|video|post)|"
    r"\bwatch the video below\b|\bclick (here )?to (email|share|print|watch)\b|"
    r"\bsign up for (our|the|a) [\w' ]{0,30}newsletter\b|browser cannot support embedded video|"
    r"may not be published, broadcast, rewritten,? or redistributed|we use cookies|"
    r"through one of our affiliate links|get email notifications on|\bskip ad\b|\bbuy photo\b|"
    r"continue reading the main story|scroll down for video|this is an archived article|"
    r"link has been posted to your facebook feed|^follow [\w .@]{0,40} on (twitter|facebook|instagram)\b",
)
# Shouted labels of players and galleries; lower-case "must watch" is ordinary prose.
_LABELS = re.compile(r"\b(JUST WATCHED|MUST WATCH|Story highlights|Hide Caption|Photos:)")
# Twitter's location prompt and the Internet Archive's crawl notice, printed on many scrapes.
_SITE_NOTICE = re.compile(
    r"location information to your tweets|add a location to your tweets|tweet with a location|"
    r"delete your (tweet )?location history|"
    r"crawls are part of an effort to archive|donating their crawl data|added to the wayback machine|"
    r"inter-domain|ranked urls per domain|slash pages from every domain|the seed for wide\d+",
)
# An embedded tweet ends with its signature, its author's display name first: "— STVN
# (@StevieJohnson13) April 3, 2013".
_SIGNATURE = rf"{_DASH}\s*([^()\n]{{1,60}}?)\s*\(@\w{{1,15}}\)\s*{_MONTH} \d{{1,2}}, \d{{4}}"
_SOCIAL_EMBED = re.compile(_SIGNATURE + r"|pic\.twitter\.com/|https?://t\.co/")
_TWEET_SIGNATURE = re.compile(rf"\s*{_SIGNATURE}\s*$")
# The links a tweet carries ("... #Israel https://t.co/c0Zt pic.twitter.com/Y8qe").
_TWEET_LINKS = re.compile(r"\s*(?:https?://t\.co/\S+|pic\.twitter\.com/\S+)")
_LEADING_HANDLES = re.compile(r"^(?:@\w{1,15}\s+)+")
MIN_TWEET_WORDS = 4  # fewer, and the embed is a reaction ("Wow.") or a link, not a statement
_LINK = re.compile(r"https?://|\bwww\.\w|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# A link to a video or gallery, printed as a line: "WATCH: Jenna Bush Hager challenges ...".
_PROMPT = re.compile(r"^\(?(watch|video|related video|related|photos|gallery|listen|read more|more)\s*:", re.IGNORECASE)
# A link to a related story or video, printed as one short line: "RELATED VIDEO: Monday Motivation!
# Pregnant Eva Longoria Shows Off Baby Bump While Out Hiking" (its headline is no sentence either).
_PROMPT_LINE = re.compile(
    r"^\(?(watch|video|related video|related|photos|gallery|listen|read more|more)\s*:(\s+\S+){1,30}\s*$", re.IGNORECASE
)
# A site's section bar: "Defense & Homeland Security | Energy & Environment | Healthcare | …".
_NAV_BAR = re.compile(r"^[^.!?|]{1,40}(?: \| [^.!?|]{1,40}){3,}$")
# A line the page cut off after a comma: a quotation's credit ("— Anne Applebaum , New York Review
# of Books ,"); sentences end with a mark, and a comma ends one only where the paragraph stops.
_CUT_OFF = re.compile(r",\s*$")
# A film site's synopsis, cut off and signed by who wrote it: "… assembles his ... Written by Universal Pictures".
_SYNOPSIS_CREDIT = re.compile(r"(?:\.\.\.|…)\s*Written by [A-Z][\w.&'’ -]{1,60}$")
# A photo's caption: where people stand, and no sentence's end ("Goldie Hawn and Bill Hudson at the
# 1975 Oscars (pictured left) and an undated picture of them (right)").
_POSITIONS = re.compile(
    r"\((?:pictured(?: (?:left|right|above|below|center|centre|top|bottom))?|left|right|above|below)\)[^.!?]*$"
)
_CAPTION = re.compile(
    # AP and Reuters captions are cut at a set length and credited: "... in Taipei,... (Associated Press)"
    r"\((associated press|ap photo[^)]*|reuters|afp|getty images)\)\s*$"
    r"|^(file( photo)?|image distributed for [^-—–:]*)\s*[-—–:]+\s|\(ap photo/[^)]*\)|\bREUTERS/[A-Z]"
    r"|^(in this|this)( undated| handout| file| \w+\.? \d{1,2}, \d{4},?)* (photo|image|picture|photograph)\b"
    r"|^an?(?: undated| file)? (photo|photograph|picture|image) of\b"
    # A photographer's credit closing the line: "... at the U.S. Capitol. (Bill O'Leary /The Washington Post)".
    r"|\([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?(?:The )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\)\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    # Who stands where: "Eric Chu, front center, with his wife ..., front right, waves".
    r"\b[A-Z][\w'-]+, (left|right|center|centre|front|rear|top|bottom)( (left|right|center|centre|row))?,"
)
_END_CREDIT = re.compile(rf"[A-Z][\w.'-]+ [A-Z][\w.'-]+/{_AGENCY}\s*$")  # "... star Kevin Winter/Getty"
# A photo credit made of agency and photographer names joined by slashes, closing a caption line:
# "Snoop Dogg, wife Shante Broadus, and his kids ... Axelle/Bauer-Griffin/FilmMagic". Two slashes
# between capitalised names are a credit chain whatever the agencies are called ("AC/DC" has one).
_CREDIT_CHAIN = re.compile(r"[A-Z][\w.&'’-]*(?:\s?/\s?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)?){2,}\s*$")
# A newspaper's subscription offer: "Never miss a local story. Sign up today for a free 30 day free
# trial of unlimited digital access. SUBSCRIBE NOW".
_OFFER = re.compile(
    r"\bfree \d+[- ]day (free )?trial\b|unlimited digital access|\bsubscribe now\b|never miss a (local )?story\b|"
    r"\b(start|begin) your free trial\b|\balready a subscriber\b|\bsubscribers? (get|enjoy) unlimited\b"
)
# A film review's credits block: "... Running time: 119 minutes. Rated R.", "MPAA rating: PG (...)",
# "Cast & Credits The Man Viggo Mortensen", "WITH: Julia Roberts (the Queen), Lily Collins (Snow White) ...",
# "“Mirror Mirror” is rated PG (Parental guidance suggested)." (the rating board's own label).
_FILM_CREDITS = re.compile(
    r"\brunning time\s*:\s*\d|\bmpaa rating\s*:|^cast (&|and) credits\b|^with\s*:\s|"
    r"\brated (g|pg|pg-13|r|nc-17) \((general audiences|parental|restricted|adults|no one)",
    re.IGNORECASE,
)
# An AP caption dates its picture to the day: "..., Wednesday, Sept. 15, 2010, in Kabul." Stories
# say "Wednesday" or "Sept. 15", never both with the year.
_CAPTION_DATE = re.compile(rf"\b{_WEEKDAY}, {_MONTH} \d{{1,2}}, (19|20)\d\d\b")

# A sentence that is one page-furniture word or prompt: "... in two decades. Advertisement".
_STANDALONE = re.compile(
    r"(advertisement|share( this)?|tweet|e-?mail|print|comments?|sponsored( content)?|"
    r"story continues (below|after)\b.*|continue reading\b.{0,40}|"
    r"(learn|read|see) (more|our)\b.{0,80}|loading( video)?\W*)[.:]?",
    re.IGNORECASE,
)

# The longest furniture paragraph in the development scrapes is the Internet Archive's crawl notice,
# 112 words; article paragraphs run longer only when the page lost its paragraph breaks.
FURNITURE_MAX_WORDS = 150

# (what it is, its pattern, whether it condemns the whole paragraph it is found in: players,
# notices and embeds fill their paragraph; a link, a date or a credit condemns one sentence).
_RULES: list[tuple[str, re.Pattern[str], bool]] = [
    ("page chrome", _PLAYER_CHROME, True),
    ("page chrome", _LABELS, True),
    ("site notice", _SITE_NOTICE, True),
    ("social embed", _SOCIAL_EMBED, True),
    ("photo caption", _CAPTION, True),
    ("photo caption", _END_CREDIT, True),
    ("photo caption", _CREDIT_CHAIN, True),
    ("subscription offer", _OFFER, False),
    ("film credits", _FILM_CREDITS, True),
    ("video prompt", _PROMPT, False),
    ("video prompt", _PROMPT_LINE, True),
    ("site chrome", _NAV_BAR, True),
    ("cut-off line", _CUT_OFF, False),
    ("synopsis credit", _SYNOPSIS_CREDIT, False),
    ("photo caption", _POSITIONS, False),
    ("link or contact", _LINK, False),
    ("photo caption", _CREDIT, False),
    ("photo caption", _CAPTION_DATE, False),
]

_LOWER_CASED = (_PLAYER_CHROME, _SITE_NOTICE, _OFFER)
# Words without which a pattern cannot match: a substring test is far cheaper than the regex,
# and nearly every sentence of a real article fails it.
_HINTS: dict[re.Pattern[str], tuple[str, ...]] = {
    _PLAYER_CHROME: (
        "playback",
        "javascript",
        "browser",
        "video",
        "caption",
        "copyright",
        "enlarge",
        "transcript",
        "copy link",
        "breaking news",
        "skip",
        "embed",
        "click",
        "newsletter",
        "rewritten",
        "cookies",
        "affiliate",
        "notifications",
        "buy photo",
        "continue reading",
        "scroll down",
        "archived article",
        "link has been posted",
        "follow",
    ),
    _SITE_NOTICE: (
        "tweet",
        "location history",
        "crawl",
        "wayback",
        "inter-domain",
        "per domain",
        "every domain",
        "the seed for wide",
    ),
    _SOCIAL_EMBED: ("(@", "pic.twitter.com/", "t.co/"),
    _LINK: ("http", "www.", "@"),
    _LABELS: ("just watched", "must watch", "story highlights", "hide caption", "photos:"),
    _CAPTION: ("(", "file", "image", "photo", "picture", "reuters/"),
    _END_CREDIT: ("/",),
    _CREDIT_CHAIN: ("/",),
    _OFFER: ("trial", "digital access", "subscribe", "never miss", "subscriber"),
    _FILM_CREDITS: ("running time", "mpaa", "credits", "with", "rated"),
    _PROMPT: (":",),
    _PROMPT_LINE: (":",),
    _NAV_BAR: (" | ",),
    _CUT_OFF: (",",),
    _SYNOPSIS_CREDIT: ("written by",),
    _POSITIONS: ("(",),
    _CREDIT: (", left", ", right", ", center", ", centre", ", front", ", rear", ", top", ", bottom"),
    _CAPTION_DATE: ("day, ",),
}


def _found(pattern: re.Pattern[str], text: str, lower: str) -> bool:
    hints = _HINTS.get(pattern)
    if hints is not None and not any(h in lower for h in hints):
        return False
    return bool(pattern.search(lower if pattern in _LOWER_CASED else text))


# What opens a wire story's first sentence. Each pattern is cut from the sentence's start while one
# matches ("— UPDATE: 905 a.m. - OPD reports ..." loses three in turn), provided a sentence follows.
_WIRE = r"(?:AP|Reuters|AFP|UPI|CNN|CBS|NBC|ABC|BBC|CNBC|Bloomberg)"
_CALL_SIGN = r"(?:[A-Z]{2,5}(?: \d{1,2})?)"  # a station's letters: only before a dash ("(KPIX 5) —")
# A dateline's dash: a lone hyphen only with spaces round it, so "US-China" is never cut.
_LEAD_DASH = r"(?:\s*(?:--|—|–)\s*|\s+-\s+)"
_LEADS = [
    # "BEIJING (AP) — ", "BILLINGS, Mont. (AP) — ", "LAS VEGAS, June 10 (UPI) -- ", "HORGOS, Serbia — "
    re.compile(
        rf"[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ -]{{1,30}}?){{0,2}}(?:, {_MONTH} \d{{1,2}})?"
        rf"\s*(?:\([^()]{{1,30}}\))?{_LEAD_DASH}"
    ),
    # "Seoul (CNN) ", "Washington (CNN) -- "
    re.compile(
        rf"[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)? \({_WIRE}\)(?:{_LEAD_DASH}|\s+)"
    ),
    re.compile(rf"\({_WIRE}\)(?:{_LEAD_DASH}|\s+)|\({_CALL_SIGN}\){_LEAD_DASH}"),  # "(AP) — "
    re.compile(r"(?:--|—|–)\s*|-\s+"),  # a dash left by a dateline the scrape dropped: "-- A mom ..."
    # A list's bullet the scrape kept: "-Poor planning and oversight by the US government …" (a
    # report's findings, test0319), "• The agency …", "* The agency …".
    re.compile(r"-(?=[A-Z“\"‘])|[•▪●◦‣*]\s*"),
    re.compile(r"(?:[A-Z]+ )?(?:UPDATE|UPDATED|BREAKING|EXCLUSIVE|DEVELOPING|Update|Updated|Breaking)\s*:\s*"),
    re.compile(rf"\d{{1,2}}:?\d{{2}} ?(?:a\.m\.|p\.m\.|AM|PM|am|pm)(?: [A-Z]{{1,3}})?\s*(?::|{_DASH})\s*"),
    re.compile(r"[A-Z][\w.' ]{1,30} >>\s*"),  # "Oroville >> Now is not the time"
    re.compile(rf"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}}/{_AGENCY}\s+"),  # "Mike Coppola/Getty The ..."
    # A share bar run into the sentence: "Tweet View Comments “Next Tuesday, Gov. Huntsman will ...".
    re.compile(r"(?:(?:Tweet|Share|Email|E-mail|Print|View Comments|Comments|Facebook|Twitter|Pinterest)\s+){2,}"),
    # A headline and byline run into the story: "Huntsman to skip debate By Justin Sink - Tweet Jon ..."
    re.compile(r"[A-Z][^.!?]{5,120}? By [A-Z][a-z]+(?: [A-Z][a-z.]+){1,2}(?:\s+[-–—|]\s+(?:Tweet\s+)?|\s+)(?=[A-Z])"),
]
_SENTENCE_START = re.compile(r"[A-Z0-9“\"‘'(]")


def embedded_tweet(paragraph: str) -> tuple[str, str] | None:
    """(text, author) of a paragraph that is one embedded tweet, or None.

    "Sorry if I caused any offence to anyone. ... — Judy Mozes (@JudyMozes) June 21, 2015": the
    signature and links are page furniture, but the text is what the story is often about (a
    minister's wife's joke, a president's post), and the signature says who wrote it; a brief may
    quote it with that name.
    """
    if "(@" not in paragraph:
        return None
    signature = _TWEET_SIGNATURE.search(paragraph)
    if signature is None:
        return None
    author = signature.group(1).strip()
    text = _LEADING_HANDLES.sub("", _TWEET_LINKS.sub("", paragraph[: signature.start()])).strip()
    if not author or len(text.split()) < MIN_TWEET_WORDS or _SOCIAL_EMBED.search(text):
        return None
    return text, author


def line_debris(line: str) -> str | None:
    """What debris fills this whole paragraph ("page chrome", "social embed", ...), or None.

    Only a paragraph of furniture size can be furniture: in a longer one (a live blog or a scrape
    without paragraph breaks) a player prompt or a cookie notice is one sentence among the
    article's, and `sentence_debris` removes that sentence alone.
    """
    if len(line.split(maxsplit=FURNITURE_MAX_WORDS)) > FURNITURE_MAX_WORDS:
        return None
    lower = line.lower()
    for name, pattern, whole_line in _RULES:
        if whole_line and _found(pattern, line, lower):
            return name
    return None


def sentence_debris(sentence: str) -> str | None:
    """What debris this sentence is ("photo caption", "link or contact", ...), or None for prose."""
    lower = sentence.lower()
    for name, pattern, _ in _RULES:
        if _found(pattern, sentence, lower):
            return name
    return "site chrome" if _STANDALONE.fullmatch(sentence) else None


def lead_length(sentence: str) -> int:
    """How many characters of dateline, wire tag or kicker open `sentence` (0 if none)."""
    cut = 0
    while True:
        for pattern in _LEADS:
            match = pattern.match(sentence, cut)
            if match and match.end() > cut and _SENTENCE_START.match(sentence, match.end()):
                cut = match.end()
                break
        else:
            return cut
