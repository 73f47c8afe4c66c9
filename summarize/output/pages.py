"""What the HTML pages and the Atom feed share: the Jinja2 environment and a brief as page data.

Markup lives in `summarize/output/templates/`, one template per page, with autoescape on for .html and
.xml: Python hands over plain data (article text included) and never assembles markup itself.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..text.safety import printable
from ..text.words import content_terms


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("summarize.output", "templates"),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        undefined=StrictUndefined,  # a missing field is a bug in this package, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **data: object) -> str:
    # File names that are not UTF-8 reach the data as surrogate escapes, which no UTF-8 page can
    # hold: they are shown as \xNN, as on the terminal.
    return _SURROGATE.sub(lambda m: printable(m.group()), environment().get_template(template).render(**data))


_SURROGATE = re.compile("[\ud800-\udfff]")


def number_sources(briefs: Iterable[Mapping], doc_ids: Sequence[str] = ()) -> dict[str, int]:
    """Sources numbered 1.. in order of first citation over all `briefs`; uncited ones follow."""
    order: dict[str, int] = {}
    for brief in briefs:
        for sentence in brief["sentences"]:
            for doc_id in sentence["citations"]:
                order.setdefault(doc_id, len(order) + 1)
        for source in brief["sources"]:
            order.setdefault(source["id"], len(order) + 1)
    for doc_id in doc_ids:
        order.setdefault(doc_id, len(order) + 1)
    return order


def brief_view(data: Mapping, numbers: Mapping[str, int], prefix: str = "s") -> dict:
    """A brief in the JSON contract's shape (render.to_dict), laid out for a template."""
    cited = {c for s in data["sentences"] for c in s["citations"]}
    sentences = [
        {
            "id": f"{prefix}-{i}",
            "text": s["text"],
            "supported": s["supported"],
            "marks": sorted(numbers[c] for c in s.get("shown_citations") or s["citations"]),
            "more": len(s["citations"]) - len(s.get("shown_citations") or s["citations"]),
        }
        for i, s in enumerate(data["sentences"])
    ]
    sources = sorted(
        (
            {
                "n": numbers[s["id"]],
                "id": s["id"],
                "title": s.get("title") or "",
                "file": os.path.basename(s.get("path") or s["id"]),
                "cited": s["id"] in cited,
                # A nightly from feeds: where the article is, who published it and when. The JSON is a
                # file anyone may edit: only an http(s) address becomes a link.
                "url": s["url"] if str(s.get("url", "")).startswith(("http://", "https://")) else "",
                "outlet": str(s.get("outlet") or ""),
                "published": str(s.get("published") or "")[:10],
            }
            for s in data["sources"]
        ),
        key=lambda s: s["n"],
    )
    abstractive = data.get("stats", {}).get("abstractive", {})
    return {
        "mode": data["mode"],
        "requested_mode": data.get("requested_mode") or data["mode"],
        "model": abstractive.get("model", "") if data["mode"] == "abstractive" else "",
        "words": data.get("words", 0),
        "notices": list(data.get("notices", ())),
        "sentences": sentences,
        "sources": sources,
        "title": headline([s["title"] for s in sources], " ".join(s["text"] for s in sentences)),
    }


def headline(titles: Sequence[str], text: str, words: int = 14) -> str:
    """The article title that shares most content words with the brief; else its opening words.

    Titles come first in citation order, so on a tie the most-cited outlet's title wins. A title
    sharing fewer than two content words with the brief is page furniture that a scraper took for
    a title ("Hide Transcript Show Transcript", "Tweet with a location"), never the headline.
    """
    brief_terms = set(content_terms(text))
    best, best_overlap = "", 1
    for title in titles:
        overlap = len(set(content_terms(title)) & brief_terms)
        if overlap > best_overlap:
            best, best_overlap = title.strip(), overlap
    if best:
        return " ".join(best.split())
    opening = text.split()
    return " ".join(opening[:words]) + (" …" if len(opening) > words else "")


def short_note(note: str, limit: int = 160) -> str:
    """The first clause of a long message (an error with its remedy) for a one-line notice."""
    line = " ".join(note.split())
    for stop in (" (", ". "):
        if stop in line:
            line = line.split(stop, 1)[0]
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
