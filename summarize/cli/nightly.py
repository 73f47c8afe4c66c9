"""`summarize nightly FEED --out DIR`: every story of a night's feed briefed into a dated folder."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from ..options import Mode, Options
from ..text.safety import printable
from .app import app
from .console import errors_to_exit, setup_logging, stderr, story_progress
from .params import FETCH, LENGTH, MODEL, ModeOption, QuietOption, finite, options_fields, shared


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def _date(value: Optional[str]) -> Optional[str]:
    from ..errors import InputError
    from ..jobs.nightly import check_date

    try:
        return check_date(value) if value is not None else None
    except InputError as err:
        raise typer.BadParameter(str(err).removeprefix(f"--date {value!r}: ")) from None


def _base_url(value: Optional[str]) -> Optional[str]:
    from urllib.parse import urlsplit

    if value is not None and (urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc):
        raise typer.BadParameter(f"{value!r}: not an http(s) address (e.g. https://example.org/briefs/)")
    return value


@app.command()
@shared(LENGTH, MODEL, FETCH)
def nightly(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where the dated folders of briefs go.")],
    feed: Annotated[
        Optional[Path],
        typer.Argument(
            help="Folder of story folders, or a flat folder of articles from many stories (or give --feeds)."
        ),
    ] = None,
    feeds: Annotated[
        Optional[Path],
        typer.Option(
            "--feeds",
            help="A file of RSS/Atom feed URLs (one a line) or an OPML file: the night's articles come from them.",
        ),
    ] = None,
    from_store: Annotated[
        bool,
        typer.Option("--from-store", help="Re-run the night from the articles stored under --out (no network)."),
    ] = False,
    window: Annotated[
        Optional[float],
        typer.Option(
            "--window",
            min=1,
            callback=finite,
            help="Hours before the night's end (--date's midnight UTC, else now) whose articles join it "
            "(default 48 from --feeds; a folder only when given).",
        ),
    ] = None,
    base_url: Annotated[
        Optional[str],
        typer.Option("--base-url", callback=_base_url, help="The address --out is published at: absolute feed links."),
    ] = None,
    per_host: Annotated[
        int, typer.Option("--per-host", min=1, help="Requests in flight at once to one host (--feeds).")
    ] = 2,
    delay: Annotated[
        float,
        typer.Option(
            "--delay", min=0, max=60, callback=finite, help="Seconds between two requests to one host (--feeds)."
        ),
    ] = 0.5,
    mode: ModeOption = Mode.auto,
    date: Annotated[
        Optional[str],
        typer.Option("--date", callback=_date, help="Name of this run's folder (default: today, YYYY-MM-DD)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo stories whose inputs did not change.")] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Processes (or Ray actors); each loads the model once. At most one per story and two per CPU.",
        ),
    ] = 1,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local processes, or a Ray cluster (RAY_ADDRESS).")
    ] = Engine.local,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Fewest articles that make a story in a flat folder.")
    ] = 2,
    feed_nights: Annotated[
        int, typer.Option("--feed-nights", min=1, help="How many of the latest runs OUT/feed.xml lists.")
    ] = 7,
    max_file_mb: Annotated[
        float,
        typer.Option(
            "--max-file-mb",
            min=0.001,
            max=1000,
            callback=finite,
            help="Read at most this much of each file or fetched page (MB).",
        ),
    ] = 5.0,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", min=1, help="Stories sent to the model server (--api-base) at once, so it can batch them."
        ),
    ] = 1,
    quiet: QuietOption = False,
    *,
    shared: dict[str, Any],
) -> None:
    """Brief every story of a night's feed: a dated folder, an index, and a `latest` link."""
    from ..jobs.nightly import NightlyOptions, run_nightly

    setup_logging(quiet)
    if (feed is not None) + (feeds is not None) + from_store != 1:
        raise typer.BadParameter(
            "give a feed folder, or --feeds FILE, or --from-store (to re-run from the articles under --out)",
            param_hint="FEED / --feeds / --from-store",
        )
    if concurrency > 1 and (
        workers > 1 or engine is Engine.ray or (not shared["api_base"] and mode is not Mode.extractive)
    ):
        raise typer.BadParameter(
            "--concurrency sends stories to a model server (--api-base) at once; "
            "an in-process model takes --workers instead",
            param_hint="--concurrency",
        )
    brief_options = Options(mode=mode, max_file_bytes=int(max_file_mb * 1_000_000), **options_fields(shared))
    options = NightlyOptions(
        out=out,
        date=date or "",
        force=force,
        workers=workers,
        engine=engine.value,
        min_articles=min_articles,
        brief=brief_options,
        concurrency=concurrency,
        feed_nights=feed_nights,
        feeds=feeds,
        from_store=from_store,
        window=window,
        base_url=base_url or "",
        per_host=per_host,
        delay=delay,
    )
    with errors_to_exit():
        with story_progress(quiet) as report:
            run = run_nightly(feed, options, report)
        if run.feed.newsroom is not None and not quiet:
            stderr.print(escape(printable(newsroom_line(run.feed.newsroom))), highlight=False)
        if run.model_notice and not quiet:
            stderr.print(f"[yellow]notice:[/] {escape(printable(run.model_notice))}", highlight=False)
        counts = {s: sum(o.status == s for o in run.outcomes) for s in ("written", "unchanged", "failed")}
        stderr.print(
            f"{escape(printable(str(run.folder)))}: {len(run.outcomes)} stor{'y' if len(run.outcomes) == 1 else 'ies'}"
            f" — {counts['written']} written, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed"
            + (
                f"; {len(run.feed.ungrouped)} article{'s' * (len(run.feed.ungrouped) != 1)} in no story"
                if run.feed.ungrouped
                else ""
            )
            + (
                f"; {len(run.feed.non_articles)} non-article{'s' * (len(run.feed.non_articles) != 1)} set aside (see index)"
                if run.feed.non_articles
                else ""
            )
            + "".join(
                f"; {s.id}: +{s.added} article{'s' * (s.added != 1)}, re-briefed" for s in run.feed.stories if s.added
            ),
            highlight=False,
        )
        for outcome in run.outcomes:
            if outcome.status == "failed":
                stderr.print(
                    f"[red]failed:[/] {escape(outcome.story)}: {escape(printable(outcome.error))}", highlight=False
                )
        if run.failed:
            raise typer.Exit(1)


def newsroom_line(room) -> str:  # type: ignore[no-untyped-def]
    """What the feeds gave: "feeds: 3 (2 unchanged, 0 failed); 10 pages fetched, 1 failed; 4 outside the window"."""
    same = sum(status == 304 for _, status in room.feeds)
    failed = sum(f.kind == "feed" for f in room.failures)
    pages = sum(f.kind == "page" for f in room.failures)
    return (
        f"feeds: {len(room.feeds)} ({same} unchanged, {failed} failed); {room.fetched} page"
        f"{'s' * (room.fetched != 1)} fetched, {pages} failed (see index); "
        f"{len(room.outside)} stored article{'s' * (len(room.outside) != 1)} outside the window"
    )
