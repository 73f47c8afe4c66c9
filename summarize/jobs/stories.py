"""Find the stories in a night's feed: one folder per story, or loose articles grouped by topic.

Pages that are not articles (archive notices, embed prompts, stubs, ...) are set aside first with
their reason (summarize/nonarticle.py); loose articles are grouped by summarize/grouping.py. Story
ids are kept across runs of one day: a story keeps the id it was first given while it gains articles.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..fs.atomic import safe_name
from ..fs.folders import is_reserved, scan, unique_ids, valid_id, walk
from ..pipeline.clean import clean_documents, fix_encoding
from ..pipeline.ingest import SUFFIXES, read_paths
from ..pipeline.segment import split_text
from ..text.nonarticle import judge
from ..text.words import content_terms
from ..types import Document, RawDocument
from ..web.dates import html_date, in_window, published, stamp
from ..web.feeds import Failure
from ..web.newsroom import Night
from ..web.store import Article
from .grouping import GroupingOptions, cluster, vectors

log = logging.getLogger(__name__)

# Characters of each article cleaned for grouping, which reads a lead (GroupingOptions.lead_words).
GROUPING_CHARS = 50_000
LEAD_HEADLINE_WORDS = 12  # a lead sentence standing in for a missing headline, cut to a headline's length
# A paragraph an editor put above the story ("Update: the man's name was wrong ...") says what changed
# in the article, not what happened: a headline is taken from what follows it.
_EDITORS_NOTE = re.compile(
    r"(update|updated|correction|clarification|editor[’']?s note)\b[^\n:—]{0,30}[:—]", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    docs: tuple[RawDocument, ...]
    title: str = ""  # the headline shown; may change as articles arrive while the id does not
    added: int = 0  # articles gained since an earlier run of the same day
    new: bool = True  # False when an earlier run of the same day had this story
    articles: tuple[Article, ...] = ()  # fed articles: URL, outlet, title, publication date of each doc


@dataclass(frozen=True, slots=True)
class Newsroom:
    """What a night from feeds adds to its index: articles outside the window, failed feeds and
    pages, and how each feed answered."""

    outside: tuple[tuple[str, str], ...] = ()  # (article id, why not tonight)
    failures: tuple[Failure, ...] = ()
    feeds: tuple[tuple[str, int], ...] = ()  # (feed URL, HTTP status; 0 when it failed)
    fetched: int = 0  # pages fetched this run


@dataclass(frozen=True, slots=True)
class Feed:
    stories: tuple[Story, ...]
    ungrouped: tuple[str, ...]  # loose articles no other article shares a story with
    non_articles: tuple[tuple[str, str], ...] = ()  # (document id, why it is not an article)
    newsroom: Newsroom | None = None  # set when the night came from feeds (or their store)


def read_feed(
    folder: Path,
    min_articles: int = 2,
    max_file_bytes: int = 5_000_000,
    previous: Mapping[str, Sequence[str]] | None = None,
    grouping: GroupingOptions = GroupingOptions(),
    follow_links: bool = False,
    window: tuple[dt.datetime, float] | None = None,
) -> Feed:
    """Each sub-folder with articles is a story; loose articles are grouped by similarity.

    `previous` maps the story ids of an earlier run of the same day to their document ids, so a
    story that is still there keeps its id. Links that leave `folder` are not followed unless
    `follow_links`; entries that cannot be read are skipped with a warning (fsafety). With a
    `window` (end, hours), dated articles outside it are set aside (`Feed.newsroom.outside`).
    """
    outside: list[tuple[str, str]] = []
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder" if not folder.exists() else f"{folder}: is a file")
    stories: list[Story] = []
    names: list[str] = []  # the folder names the ids come from: they keep colliding ids stable
    rejected: list[tuple[str, str]] = []
    top = scan(folder, folder, follow_links)
    for sub in top.dirs:
        files = [p for p in walk(sub, follow_links, root=folder) if p.suffix.lower() in SUFFIXES]
        raws, skipped = _read(files, sub, max_file_bytes)
        raws, old = window_split(raws, window)
        outside.extend((f"{sub.name}/{doc_id}", why) for doc_id, why in old)
        docs, bad = split_non_articles(raws)
        rejected.extend((f"{sub.name}/{doc_id}", why) for doc_id, why in [*skipped, *bad])
        if docs or (files and not raws):  # a story whose files cannot be read fails, visibly, in the run
            stories.append(Story(safe_name(sub.name), tuple(docs), new=False, articles=dated_articles(docs)))
            names.append(sub.name)
    ids = unique_ids([s.id for s in stories], names, is_reserved)
    stories = [replace(s, id=i) for s, i in zip(stories, ids)]
    loose = [p for p in top.files if p.suffix.lower() in SUFFIXES]
    raws, skipped = _read(loose, folder, max_file_bytes)
    raws, old = window_split(raws, window)
    outside.extend(old)
    articles, fixed, bad = judge_pages(raws)
    rejected.extend([*skipped, *bad])
    grouped, ungrouped = group_articles(articles, min_articles, grouping, previous or {}, set(ids), fixed)
    stories.extend(replace(s, articles=dated_articles(s.docs)) for s in grouped)
    if not stories:
        aside = ""
        if rejected:  # no index is written for an empty night, so say here what was set aside and why
            shown = ", ".join(f"{doc_id} ({why})" for doc_id, why in rejected[:5])
            more = f" and {len(rejected) - 5} more" if len(rejected) > 5 else ""
            aside = (
                f"; {len(rejected)} page{'s' if len(rejected) != 1 else ''} set aside as not articles: {shown}{more}"
            )
        raise InputError(
            f"{folder}: no stories found (no story folders, and no {min_articles} related articles){aside}"
        )
    return Feed(tuple(stories), tuple(ungrouped), tuple(rejected), Newsroom(tuple(outside)) if window else None)


def read_night(night: Night, min_articles: int = 2, previous: Mapping[str, Sequence[str]] | None = None) -> Feed:
    """The stories of a night from feeds: its articles in the window, set aside and grouped as a
    flat folder's are; each story carries its articles' metadata."""
    articles, fixed, rejected = judge_pages(night.docs)
    grouped, ungrouped = group_articles(articles, min_articles, GroupingOptions(), previous or {}, fixed=fixed)
    stories = tuple(replace(s, articles=tuple(night.articles[d.id] for d in s.docs)) for s in grouped)
    harvest = night.harvest
    newsroom = Newsroom(night.outside, harvest.failures, harvest.feeds, len(harvest.fetched))
    # A night of no stories (every feed down, nothing new in the window) still writes its index,
    # which says why.
    return Feed(stories, tuple(ungrouped), tuple(rejected), newsroom)


def _read(files: Sequence[Path], root: Path, max_file_bytes: int) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """The documents, and (id, why) for each file skipped (empty, binary): the index lists those too.
    An HTML page's publication date comes from its metadata (htmldate)."""
    skipped: list[tuple[str, str]] = []
    docs = read_paths(list(files), root, max_file_bytes, skipped)
    return [_dated(d, max_file_bytes) for d in docs], skipped


def _dated(doc: RawDocument, max_file_bytes: int) -> RawDocument:
    if doc.published or Path(doc.path).suffix.lower() not in (".html", ".htm"):
        return doc
    try:
        with open(doc.path, "rb") as handle:
            return replace(doc, published=stamp(html_date(handle.read(max_file_bytes))))
    except OSError:
        return doc


def window_split(
    docs: Sequence[RawDocument], window: tuple[dt.datetime, float] | None
) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """(the documents in the window (end, hours), (id, why) of those outside); all when no window."""
    if window is None:
        return list(docs), []
    kept, outside = [], []
    for doc in docs:
        why = in_window(published(doc.published), *window)
        if why:
            outside.append((doc.id, why))
        else:
            kept.append(doc)
    return kept, outside


def dated_articles(docs: Sequence[RawDocument]) -> tuple[Article, ...]:
    """Folder articles with a date, as the newsroom's records (no URL, no outlet): the story's
    time span and the dated sentences of its brief."""
    if not any(d.published for d in docs):
        return ()
    return tuple(Article(d.id, "", "", "", "", d.published, "", "") for d in docs)


def split_non_articles(docs: Sequence[RawDocument]) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """(articles, [(id, reason)] for the pages that are not articles)."""
    articles, _, rejected = judge_pages(docs)
    return articles, rejected


def judge_pages(docs: Sequence[RawDocument]) -> tuple[list[RawDocument], list[str], list[tuple[str, str]]]:
    """(articles, each article's text through `fix_encoding`, [(id, reason)] for the pages that
    are not articles). Grouping cleans the articles from those texts rather than running ftfy
    (about a second a megabyte) over every article of the night a second time."""
    articles, fixed, rejected = [], [], []
    for doc in docs:
        text = fix_encoding(doc.text)
        verdict = judge(text)
        if verdict.is_article:
            articles.append(doc)
            fixed.append(text)
        else:
            rejected.append((doc.id, verdict.reason))
    if rejected:
        log.info("%d pages are not articles: %s", len(rejected), ", ".join(f"{i} ({r})" for i, r in rejected[:5]))
    return articles, fixed, rejected


def group_articles(
    docs: Sequence[RawDocument],
    min_articles: int = 2,
    options: GroupingOptions = GroupingOptions(),
    previous: Mapping[str, Sequence[str]] | None = None,
    taken: set[str] | frozenset[str] = frozenset(),
    fixed: list[str] | None = None,
) -> tuple[list[Story], list[str]]:
    """Cluster articles into stories (summarize/grouping.py); small clusters stay ungrouped.
    `fixed`: the articles' texts through `fix_encoding` (`judge_pages`), when already done; the
    list is emptied once the articles are cleaned, so the night's text is not held twice while
    their vectors are built and compared (the peak of a night's memory)."""
    if not docs:
        return [], []
    cleaned = clean_documents(_leads(docs, options, fixed), encoding_fixed=True)
    # A page of nothing but chrome (a tweet prompt, a crawl notice) has no words to group by.
    words = [bool(content_terms(f"{c.title or ''} {c.text}")) for c in cleaned]
    kept_fixed = [fixed[i] for i, has in enumerate(words) if has] if fixed is not None and not all(words) else None
    if fixed is not None:
        fixed.clear()
    if not all(words):
        keep = [i for i, has in enumerate(words) if has]
        stories, ungrouped = (
            group_articles([docs[i] for i in keep], min_articles, options, previous, taken, kept_fixed)
            if keep
            else ([], [])
        )
        return stories, [d.id for d, has in zip(docs, words) if not has] + ungrouped
    rows = vectors(cleaned, options)
    labels = cluster(rows, options)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    groups, ungrouped = [], []
    for indices in sorted(members.values(), key=lambda ix: ix[0]):
        if len(indices) < min_articles:
            ungrouped.extend(docs[i].id for i in indices)
        else:
            groups.append(indices)
    titles = [_headline(cleaned, rows, ix, docs) for ix in groups]
    ids = assign_ids([[docs[i].id for i in ix] for ix in groups], titles, previous or {}, set(taken))
    stories = []
    for indices, title, (story_id, added, new) in zip(groups, titles, ids):
        stories.append(Story(story_id, tuple(docs[i] for i in indices), title, added, new))
    log.info("grouped %d loose articles into %d stories; %d left alone", len(docs), len(stories), len(ungrouped))
    return stories, ungrouped


def _leads(docs: Sequence[RawDocument], options: GroupingOptions, fixed: Sequence[str] | None) -> list[RawDocument]:
    """Each article's text for grouping, its encoding fixed. Grouping reads a lead: cleaning the
    whole of a 2 MB scrape for it took minutes, so a long article gives a prefix, which leaves room
    for a page's chrome ahead of its lead (and is fixed afresh); a shorter one reuses `fixed`."""
    chars = max(GROUPING_CHARS, 60 * options.lead_words) if options.lead_words else None
    leads = []
    for i, doc in enumerate(docs):
        if chars is not None and len(doc.text) > chars:
            leads.append(replace(doc, text=fix_encoding(doc.text[:chars])))
        else:
            leads.append(replace(doc, text=fixed[i] if fixed is not None else fix_encoding(doc.text)))
    return leads


def _headline(cleaned: Sequence[Document], rows, indices: list[int], raw: Sequence[RawDocument]) -> str:  # type: ignore[no-untyped-def]
    """The title of the member most like the story as a whole (its centroid); where no member has
    one (scraped text often starts with the body), the opening words of that member's lead
    sentence, which say what happened, never its file name."""
    block = rows[indices]
    centrality = np.asarray(block @ block.mean(axis=0).T).ravel()
    order = [indices[int(i)] for i in np.argsort(-centrality, kind="stable")]
    for i in order:
        if title := cleaned[i].title:
            return title
    for i in order:
        text = cleaned[i].text
        first, *rest = re.split(r"\n\s*\n", text.strip(), maxsplit=1)
        # Cleaning drops the note's label ("Update:"), so the page as read says whether it is one.
        if rest and _EDITORS_NOTE.match(raw[i].text.lstrip()) and first[:40] in raw[i].text[: len(first) + 80]:
            text = rest[0]
        for lead in split_text(text)[:3]:  # past a kicker or a one-word line
            if len(lead.split()) >= 5:
                return " ".join(lead.split()[:LEAD_HEADLINE_WORDS])
    return cleaned[order[0]].id


def assign_ids(
    groups: Sequence[Sequence[str]], titles: Sequence[str], previous: Mapping[str, Sequence[str]], taken: set[str]
) -> list[tuple[str, int, bool]]:
    """(id, articles gained, is new) per group: an earlier story's id where the group holds its articles.

    Each earlier story goes to the group that holds most of its articles (largest overlap first); a
    group with no earlier story gets a fresh id from its headline. An earlier id that could not name
    a story folder (`../x`, `index.json`: an edited index) is not reused; ids never take a reserved name.
    """
    earlier = {story: set(ids) for story, ids in previous.items() if valid_id(story)}
    pairs = sorted(
        ((len(earlier[s] & set(g)), s, n) for n, g in enumerate(groups) for s in earlier if earlier[s] & set(g)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    chosen: dict[int, str] = {}
    for _, story, n in pairs:
        if n not in chosen and story not in chosen.values():
            chosen[n] = story
    used = set(taken) | set(chosen.values()) | set(earlier)
    out = []
    for n, group in enumerate(groups):
        if n in chosen:
            out.append((chosen[n], len(set(group) - earlier[chosen[n]]), False))
            continue
        story_id = _unique(safe_name(" ".join(titles[n].split()[:8]).lower()), used)
        used.add(story_id)
        out.append((story_id, 0, True))
    return out


def _unique(name: str, used: set[str]) -> str:
    """`name`, else `name-2`, `name-3`, ...: the first that is neither used nor reserved."""
    if name not in used and not is_reserved(name):
        return name
    n = 2
    while f"{name}-{n}" in used:
        n += 1
    return f"{name}-{n}"
