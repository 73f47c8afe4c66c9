"""Publication dates: reading them (a feed entry, a page's metadata, a record's field), the night's
window, and a brief sentence's relative day given its date in editorial brackets.

    published("Mon, 19 Jun 2023 14:00:00 GMT")   # 2023-06-19T14:00:00+00:00
    date_days("He said Monday.", dt.date(2023, 6, 21))   # "He said Monday [June 19]."

Dates are parsed by the email and ISO parsers of the standard library, and by htmldate for a
page's metadata; only the bracketing of relative days is written here (no library does it).
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

DAY = dt.timedelta(days=1)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# A relative day, with the word before it ("next Monday", "last Friday") that moves it.
_RELATIVE = re.compile(
    r"\b(?:(next|last|this|on|since|until|by)\s+)?"
    r"(yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!'s)"
    # already dated: "Monday, June 19", "Monday (June 19)", "Monday [June 19]", "Monday 19 June"
    r"(?![,\s(\[]*(?:\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))",
    re.IGNORECASE,
)


def published(value: object) -> dt.datetime | None:
    """A date as feeds and exports write it (RFC 822, ISO 8601, a bare YYYY-MM-DD), in UTC; None
    when it is not one. A date without a zone is read as UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    found: dt.datetime | None = None
    try:
        found = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            found = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if found.tzinfo is None:
        found = found.replace(tzinfo=dt.UTC)
    return found.astimezone(dt.UTC)


def html_date(html: str | bytes) -> dt.datetime | None:
    """The publication date a page's metadata gives (htmldate: meta tags, JSON-LD, <time>), or None.
    The page's text is not searched for a likely date: a wrong date would move the article out of
    its night."""
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")
    except (ValueError, TypeError):
        return None
    return published(found) if found else None


def stamp(when: dt.datetime | None) -> str:
    """An ISO 8601 time in UTC ("2023-06-19T14:00:00Z"), or "" for none."""
    return when.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if when else ""


def night_end(date: str) -> dt.datetime:
    """The end of the night `date` (YYYY-MM-DD): midnight UTC after it."""
    return dt.datetime.combine(dt.date.fromisoformat(date), dt.time(), dt.UTC) + DAY


def in_window(when: dt.datetime | None, end: dt.datetime, hours: float) -> str:
    """ "" when `when` falls in the `hours` before `end` (an undated article is kept), else why not."""
    if when is None:
        return ""
    if when >= end:
        return "published after the night"
    if when < end - dt.timedelta(hours=hours):
        return f"older than the {hours:g}-hour window"
    return ""


def date_days(text: str, day: dt.date) -> str:
    """`text` with each relative day ("Monday", "yesterday", "next Friday") followed by its date in
    editorial brackets, counted from `day`, the day its article was published: a weekday is the
    last one on or before it, unless "next" says the coming one. A day already dated is left."""

    def bracket(match: re.Match[str]) -> str:
        word, name = (match.group(1) or "").lower(), match.group(2).lower()
        if name == "yesterday":
            when = day - DAY
        elif name in ("today", "tonight"):
            when = day
        else:
            back = (day.weekday() - WEEKDAYS.index(name)) % 7
            if word == "next":
                when = day + ((WEEKDAYS.index(name) - day.weekday()) % 7 or 7) * DAY
            else:
                when = day - (back or (7 if word == "last" else 0)) * DAY
        return f"{match.group(0)} [{MONTHS[when.month - 1]} {when.day}]"

    return _RELATIVE.sub(bracket, text)
