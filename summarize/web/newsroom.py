"""A night's articles from feeds: poll them into the store (or, with `--from-store`, read only the
store), then keep the articles published in the night's window.

    night = gather(NewsroomOptions(out, feeds=Path("feeds.txt")), "2026-06-21")
    night.docs        # RawDocuments for grouping and briefing; night.articles: their metadata
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..text.words import content_terms
from ..types import RawDocument
from .dates import date_days, in_window, night_end, published
from .feeds import Failure, Harvest, poll, read_feed_list
from .fetch import FetchLimits
from .polite import Polite
from .store import Article, Store

# A brief sentence is a fact last night's brief did not have unless one of its sentences holds
# this share of its content words (the same sentence, or one cut or bracketed differently).
NEW_FACT = 0.7
_BRACKETS = re.compile(r"\s?\[[^\]]*\]")


@dataclass(frozen=True, slots=True)
class NewsroomOptions:
    out: Path
    feeds: Path | None = None  # the feed list; None reads the store only (`--from-store`)
    window_hours: float = 48.0
    fetch_timeout: float = 30.0
    max_bytes: int = 5_000_000
    per_host: int = 2  # requests in flight at once per host
    delay: float = 0.5  # seconds between the starts of two requests to one host


@dataclass(frozen=True, slots=True)
class Night:
    docs: tuple[RawDocument, ...]
    articles: dict[str, Article]  # id -> metadata, for the night's articles
    outside: tuple[tuple[str, str], ...]  # (id, why) of stored articles outside the window
    harvest: Harvest


def gather(options: NewsroomOptions, date: str, end: dt.datetime | None = None) -> Night:
    """Poll the feeds (unless reading the store only), then the store's articles in the window
    that ends at `end` (by default the night `date`'s end: midnight UTC after it)."""
    store = Store(options.out)
    harvest = Harvest((), (), ())
    if options.feeds is not None:
        urls = read_feed_list(options.feeds)
        polite = Polite(
            FetchLimits(deadline=options.fetch_timeout, max_bytes=options.max_bytes), options.per_host, options.delay
        )
        harvest = poll(urls, store, polite)
    end = end or night_end(date)
    docs, articles, outside = [], {}, []
    for article in store.all():
        why = in_window(published(article.published), end, options.window_hours)
        if why:
            outside.append((article.id, why))
            continue
        articles[article.id] = article
        docs.append(RawDocument(article.id, store.articles / f"{article.id}.html", article.text, "utf-8"))
    return Night(tuple(docs), articles, tuple(outside), harvest)


def dress(
    data: dict,
    articles: Mapping[str, Article],
    before: Mapping | None = None,
    news: Sequence[str] = (),
    split: Callable[[str], list[str]] | None = None,
) -> dict:
    """A story's brief (the JSON contract) as the newsroom prints it: each source with its URL,
    outlet and date; a relative day given its date in editorial brackets, from the publication
    date of the article the sentence comes from; and, when `before` (last night's brief of the
    story) is given, the facts it did not have first, each marked `"new": true`. Where the brief
    has none, it leads with the best new fact of tonight's new articles (`news`: their ids;
    `split` cuts a text into sentences)."""
    sentences = [dict(s) for s in data.get("sentences", [])]
    if before is not None:
        known = [_terms(str(s.get("text", ""))) for s in before.get("sentences", [])]
        for sentence in sentences:
            sentence["new"] = _is_new(sentence["text"], known)
        if not any(s["new"] for s in sentences) and news and split is not None:
            sentences = _lead(sentences, data, known, set(news), split)
        sentences = [s for s in sentences if s["new"]] + [s for s in sentences if not s["new"]]
    for sentence in sentences:
        ids = [span.get("doc_id") for span in sentence.get("spans", [])] + list(sentence.get("citations", []))
        day = next((published(articles[i].published) for i in ids if i in articles and articles[i].published), None)
        if day is not None:
            sentence["text"] = date_days(sentence["text"], day.date())
    sources = []
    for source in data.get("sources", []):
        article = articles.get(source.get("id", ""))
        if article is not None and article.url:
            source = {**source, "title": source.get("title") or article.title or None, "url": article.url,
                      "outlet": article.outlet, "published": article.published}  # fmt: skip
        elif article is not None and article.published:  # a dated file of a folder
            source = {**source, "published": article.published}
        sources.append(source)
    text = " ".join(s["text"] for s in sentences)
    return {**data, "sentences": sentences, "sources": sources, "brief": text, "words": len(text.split())}


def story_change(
    folder: Path, before: Path | None, outcome: Any, articles: Sequence[str], earlier: Mapping[str, Sequence[str]]
) -> str:
    """`new`, `updated` or `unchanged` since the night `before`: a story it did not have is new;
    one with articles it did not have, or whose brief reads otherwise, is updated ("" when failed)."""
    if outcome.status == "failed":
        return ""
    old = read_brief(before / outcome.story) if before else None
    if old is None:
        return "new"
    now = read_brief(folder / outcome.story)
    gained = set(articles) - set(earlier.get(outcome.story, ()))
    return "unchanged" if not gained and now is not None and now.get("brief") == old.get("brief") else "updated"


def read_brief(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _terms(text: str) -> set[str]:
    return set(content_terms(_BRACKETS.sub("", text)))


def _is_new(text: str, known: list[set[str]]) -> bool:
    terms = _terms(text)
    return bool(terms) and all(len(terms & k) < NEW_FACT * len(terms) for k in known)


def _lead(sentences: list[dict], data: Mapping, known: list[set[str]], news: set[str], split) -> list[dict]:  # type: ignore[no-untyped-def]
    """`sentences` led by the new articles' best new fact: a sentence that neither last night's
    brief (`known`) nor any older article holds, told by most new articles, then nearest their
    top; cited by each source whose cleaned text holds it. The last sentences give way to keep
    the brief's word budget."""
    texts = {str(s.get("id")): str(s.get("text", "")) for s in data.get("sources", [])}
    older = [_terms(t) for doc, text in texts.items() if doc not in news for t in split(text)]
    best: tuple[int, int, str] | None = None
    for doc in sorted(news & texts.keys()):
        for position, candidate in enumerate(split(texts[doc])):
            if len(candidate.split()) < 6 or not _is_new(candidate, known + older):
                continue
            tellers = sum(candidate in texts[other] for other in news & texts.keys())
            if best is None or (-tellers, position) < (-best[0], best[1]):
                best = (tellers, position, candidate)
    if best is None:
        return sentences
    text = best[2]
    spans = [
        {"doc_id": doc, "start": texts[doc].find(text), "end": texts[doc].find(text) + len(text)}
        for doc in sorted(texts)
        if text in texts[doc]
    ]
    cited = [span["doc_id"] for span in spans]
    lead = {"text": text, "citations": cited, "shown_citations": cited[:3], "spans": spans, "support": 1.0,
            "supported": True, "new": True}  # fmt: skip
    kept, words = [lead], len(text.split())
    budget = (data.get("word_range") or [0, 10**9])[1]
    for sentence in sentences:
        words += len(sentence["text"].split())
        if words > budget:
            break
        kept.append(sentence)
    return kept


__all__ = ["Failure", "NewsroomOptions", "Night", "dress", "gather", "read_brief", "story_change"]
