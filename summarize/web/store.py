"""The article store under a nightly's output: every page fetched from a feed, raw and extracted,
with its URL, outlet and dates, so a night can be re-run offline (`--from-store`).

    OUT/store/feeds.json              each feed's validators (ETag, Last-Modified) and entries seen
    OUT/store/articles/<id>.json      {"id", "url", "feed", "outlet", "title", "published", "fetched", "text"}
    OUT/store/articles/<id>.html      the page as fetched

`store` is a reserved name (fs.folders.RESERVED): never a story, never read as input.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..fs.atomic import safe_name, write_atomic

log = logging.getLogger(__name__)

STORE = "store"


@dataclass(frozen=True, slots=True)
class Article:
    """One fetched article; `text` is its extracted title and body, what the brief reads."""

    id: str
    url: str  # where the page was found, after redirects
    feed: str
    outlet: str  # the site's name from its metadata, else the URL's domain
    title: str
    published: str  # ISO 8601 UTC, "" when no date was found
    fetched: str
    text: str


def article_id(url: str) -> str:
    """A readable id that citations name (`example.com-bridge-closes-3fa2c1`), unique per URL."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    last = [p for p in parts.path.split("/") if p]
    slug = safe_name(f"{host}-{last[-1].rsplit('.', 1)[0] if last else 'home'}")[:60].strip("-._")
    return f"{slug}-{hashlib.sha1(url.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"


def domain(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


class Store:
    """The articles and feed states of one output folder."""

    def __init__(self, out: Path) -> None:
        self.root = Path(out) / STORE
        self.articles = self.root / "articles"

    def feed_states(self) -> dict[str, dict]:
        try:
            data = json.loads((self.root / "feeds.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def save_feed_states(self, states: dict[str, dict]) -> None:
        write_atomic(self.root / "feeds.json", json.dumps(states, ensure_ascii=False, indent=1, sort_keys=True) + "\n")

    def put(self, article: Article, raw: str) -> None:
        write_atomic(self.articles / f"{article.id}.html", raw)
        # The JSON last: an article is stored once its record is there.
        write_atomic(self.articles / f"{article.id}.json", json.dumps(asdict(article), ensure_ascii=False) + "\n")

    def get(self, article_id: str) -> Article | None:
        try:
            data = json.loads((self.articles / f"{article_id}.json").read_text(encoding="utf-8"))
            return Article(**{k: str(data[k]) for k in Article.__dataclass_fields__})
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def all(self) -> list[Article]:
        """Every stored article, in id order; an unreadable record is skipped with a warning."""
        found = []
        for path in sorted(self.articles.glob("*.json")) if self.articles.is_dir() else []:
            article = self.get(path.stem)
            if article is None:
                log.warning("%s: not a stored article; skipped", path)
            else:
                found.append(article)
        return found
