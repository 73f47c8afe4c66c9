"""Nightly briefing: every story of a feed into a dated folder of briefs, an index and `latest`.

Safe to run unattended: each file is written atomically, unchanged stories are skipped by
content hash (or carried over from the last run), one failing story never stops the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..errors import InputError, ModelError
from ..fs.atomic import point_link, remove_stale_temporaries, write_atomic
from ..fs.folders import NIGHT_NAME, output_lock, valid_id
from ..options import Mode, Options
from ..output.render import to_dict, to_markdown
from ..pipeline.segment import split_text
from ..web.dates import night_end, stamp
from ..web.newsroom import NewsroomOptions, dress, gather, read_brief, story_change
from .nightly_safety import Outcome, move_latest, remove_stale_stories, run_in_processes
from .stories import Feed, Story, read_feed, read_night

log = logging.getLogger(__name__)

DEFAULT_WINDOW = 48.0  # hours, for a night from feeds
WORKERS_PER_CPU = 2  # more processes than this only fight over the CPUs (and memory: a model each)


@dataclass(frozen=True, slots=True)
class NightlyOptions:
    out: Path
    date: str = ""  # YYYY-MM-DD; today when empty
    force: bool = False
    workers: int = 1
    engine: str = "local"  # or "ray"
    min_articles: int = 2
    brief: Options = Options()
    feed_nights: int = 7  # how many of the latest runs `feed.xml` lists
    concurrency: int = 1  # stories in flight at once, in threads: for a model server (--api-base)
    feeds: Path | None = None  # a feed list (--feeds): the night's articles come from the feeds
    from_store: bool = False  # the articles already stored under `out` (no network)
    # Hours before the night's end whose articles join it: 48 from feeds; a folder is windowed
    # only when this is given (its articles were chosen by someone).
    window: float | None = None
    base_url: str = ""  # where `out` is published: the feed's links are absolute under it
    per_host: int = 2
    delay: float = 0.5


@dataclass(frozen=True, slots=True)
class Run:
    folder: Path
    outcomes: tuple[Outcome, ...]
    feed: Feed
    model_notice: str = ""  # auto mode without a model: why the briefs are extractive, said once

    @property
    def failed(self) -> int:
        return sum(o.status == "failed" for o in self.outcomes)


def run_nightly(
    feed_dir: Path | None, options: NightlyOptions, on_outcome: Callable[[Outcome, int], None] | None = None
) -> Run:
    """Brief every story of `feed_dir` into `options.out/<date>/`; see the module docstring."""
    date = check_date(options.date or dt.date.today().isoformat())
    from ..pipeline.run import model_unavailable

    why_not = model_unavailable(options.brief)  # once, not once per story
    if why_not and options.brief.mode is Mode.abstractive:
        raise ModelError(why_not)
    with output_lock(Path(options.out)):  # two runs on one --out would delete each other's files
        run = _run_locked(feed_dir, options, date, on_outcome)
    return replace(
        run, model_notice=f"abstractive mode unavailable: {why_not} The briefs are extractive." if why_not else ""
    )


def check_date(date: str) -> str:
    """`date` when it is a YYYY-MM-DD day, the only form a night's folder takes: `latest` and the
    feed order nights by name, so `20240101` or `2024-W01-1` would sort out of place."""
    try:
        if NIGHT_NAME.match(date):
            dt.date.fromisoformat(date)
            return date
    except ValueError:
        pass
    raise InputError(f"--date {date!r}: not a YYYY-MM-DD date (e.g. 2024-01-31)")


def worker_count(wanted: int, stories: int, cpus: int | None = None) -> int:
    """Workers to start: at most one per story and `WORKERS_PER_CPU` per CPU (each may load a model)."""
    return max(1, min(wanted, stories, WORKERS_PER_CPU * (cpus or os.cpu_count() or 1)))


def _run_locked(
    feed_dir: Path | None, options: NightlyOptions, date: str, on_outcome: Callable[[Outcome, int], None] | None
) -> Run:
    folder = Path(options.out) / date
    previous = night_before(Path(options.out), date)
    # Ids stay put within a day and from one night to the next: a story that goes on keeps its id
    # (and its unchanged brief is carried over), whatever headline its newcomers bring.
    earlier = earlier_stories(folder) or (earlier_stories(previous) if previous else {})
    if options.feeds is not None or options.from_store or feed_dir is None:
        feed = read_night(
            gather(_newsroom(options), date, _end(date, now=not options.date)), options.min_articles, earlier
        )
    else:
        feed = read_feed(
            Path(feed_dir),
            options.min_articles,
            options.brief.max_file_bytes,
            earlier,
            follow_links=options.brief.follow_links,
            window=(_end(date, now=not options.date), options.window) if options.window else None,
        )
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(story, options.brief, folder, previous, options.force) for story in feed.stories]
    workers = worker_count(options.workers, len(jobs))
    if workers < options.workers:
        log.warning(
            "--workers %d: starting %d (%d stor%s, %d CPUs)",
            options.workers,
            workers,
            len(jobs),
            "y" if len(jobs) == 1 else "ies",
            os.cpu_count() or 1,
        )
        options = replace(options, workers=workers)
    outcomes: list[Outcome] = []
    with (folder / "nightly.log").open("a", encoding="utf-8") as logfile:
        for outcome in _engine(options)(jobs):
            outcomes.append(outcome)
            logfile.write(_log_line(outcome))
            logfile.flush()
            if on_outcome is not None:
                on_outcome(outcome, len(jobs))
    outcomes.sort(key=lambda o: o.story)
    remove_stale_stories(folder, {o.story for o in outcomes})
    before = earlier_stories(previous) if previous else {}
    now = {s.id: [d.id for d in s.docs] for s in feed.stories}
    outcomes = [replace(o, change=story_change(folder, previous, o, now.get(o.story, []), before)) for o in outcomes]
    write_index(folder, outcomes, feed)
    if move_latest(Path(options.out), date):
        point_link(Path(options.out) / "latest", date)
    write_feed(Path(options.out), options.feed_nights, options.base_url)
    return Run(folder, tuple(outcomes), feed)


def _end(date: str, now: bool) -> dt.datetime:
    """The end of the night's window: midnight UTC after `date`, or this moment for a night run
    without `--date`."""
    return dt.datetime.now(dt.UTC) if now else night_end(date)


def _newsroom(options: NightlyOptions) -> NewsroomOptions:
    return NewsroomOptions(
        out=Path(options.out),
        feeds=None if options.from_store else options.feeds,
        window_hours=options.window or DEFAULT_WINDOW,
        fetch_timeout=options.brief.fetch_timeout,
        max_bytes=options.brief.max_file_bytes,
        per_host=options.per_host,
        delay=options.delay,
    )


def input_hash(story: Story, options: Options) -> str:
    """Changes when an article, a brief option, the prompt's text or the package's version changes;
    the key for skipping a story."""
    from ..models.prompting import load_template

    digest = hashlib.sha256()
    # How long to wait on a model server or a page, and where a key lives, do not change the brief.
    waits = ("timeout", "retries", "api_key_env", "fetch_timeout")
    settings = {k: str(v) for k, v in asdict(options).items() if k not in waits}
    # The prompt file's path says nothing of what it asks (an edited prompt must re-brief), and
    # another release may brief the same articles differently.
    settings["prompt_text"] = load_template(options.prompt).template
    settings["release"] = release()
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for doc in sorted(story.docs, key=lambda d: d.id):
        digest.update(
            doc.id.encode("utf-8", "surrogatepass") + b"\0" + doc.text.encode("utf-8", "surrogatepass") + b"\0"
        )
    return digest.hexdigest()


def process_story(story: Story, options: Options, folder: Path, previous: Path | None, force: bool) -> Outcome:
    """Write one story's brief, or keep it when its inputs did not change. Never raises."""
    start = time.perf_counter()
    target = folder / story.id
    try:
        if not valid_id(story.id):  # a library caller's Story: its id names a folder under `folder`
            raise InputError(f"story id {story.id!r} cannot name a folder (see fs.folders.valid_id)")
        key = input_hash(story, options)  # inside the guard: no input may stop the night
        if not story.docs:
            raise InputError("no readable article file in the story folder")
        remove_stale_temporaries(target)  # left by a run killed mid-write
        if not force:
            for earlier in [target, *([previous / story.id] if previous else [])]:
                kept = _same_input(earlier, key)
                if kept is not None:
                    if earlier != target:
                        _copy_brief(earlier, target)
                    return Outcome(story.id, "unchanged", len(story.docs), kept, time.perf_counter() - start)
        from ..pipeline.run import summarize_documents

        brief = summarize_documents(story.docs, options)
        before = read_brief(previous / story.id) if previous else None
        articles = {a.id: a for a in story.articles}
        known = {str(s.get("id")) for s in (before or {}).get("sources", [])}
        news = [d.id for d in story.docs if d.id not in known]
        data = {
            **dress(to_dict(brief), articles, before, news, split_text),
            "story": story.id,
            "input_hash": key,
            "written_by": written_by(brief, bool(options.api_base)),
        }
        # When the brief last changed (the feed's `updated`): kept while it reads the same.
        same = [d for d in (read_brief(target), before) if d and d.get("brief") == data["brief"]]
        data["changed"] = (same[0].get("changed") if same else "") or stamp(dt.datetime.now(dt.UTC))
        # The JSON last: it carries the hash that marks the story done.
        write_atomic(target / "brief.md", f"# {story.id}\n\n{to_markdown(brief)}")
        write_atomic(target / "brief.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        headline = brief.sentences[0].text if brief.sentences else ""
        return Outcome(story.id, "written", len(story.docs), headline, time.perf_counter() - start)
    except Exception as err:  # one story's failure must not stop the night
        return Outcome(
            story.id, "failed", len(story.docs), "", time.perf_counter() - start, f"{type(err).__name__}: {err}"
        )


def _same_input(folder: Path, key: str) -> str | None:
    """The headline of the brief in `folder` when it was made from the same input, else None."""
    try:
        data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("input_hash") != key or not (folder / "brief.md").is_file():
        return None
    if (data.get("written_by") or {}).get("model_failed"):  # the model (server) may be back: retry
        return None
    sentences = data.get("sentences") or [{}]
    return sentences[0].get("text", "")


def _copy_brief(source: Path, target: Path) -> None:
    for name in ("brief.md", "brief.json"):  # JSON last, as when written
        write_atomic(target / name, (source / name).read_text(encoding="utf-8"))


def night_before(out: Path, date: str) -> Path | None:
    """The latest night of this `out` before `date` (a real folder, never a link elsewhere)."""
    try:
        names = sorted(p.name for p in out.iterdir() if NIGHT_NAME.match(p.name) and p.name < date)
    except OSError:
        return None
    nights = [out / n for n in names if (out / n).is_dir() and not (out / n).is_symlink()]
    return nights[-1] if nights else None


def _log_line(o: Outcome) -> str:
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    error = f" error={o.error!r}" if o.error else ""
    return f"{stamp} story={o.story} status={o.status} sources={o.sources} seconds={o.seconds:.2f}{error}\n"


Job = tuple[Story, Options, Path, "Path | None", bool]


def _engine(options: NightlyOptions) -> Callable[[Sequence[Job]], Iterable[Outcome]]:
    if options.engine == "ray":
        from .nightly_ray import run_on_ray

        return lambda jobs: run_on_ray(process_story, jobs, options.workers)
    if options.workers > 1:
        return lambda jobs: _run_in_processes(jobs, options.workers)
    if options.concurrency > 1:
        return lambda jobs: _run_in_threads(jobs, options.concurrency)
    return lambda jobs: (process_story(*job) for job in jobs)


def _run_in_processes(jobs: Sequence[Job], workers: int):  # type: ignore[no-untyped-def]
    """One process per worker, each loading the model at most once (models.checkpoint.load is cached)."""
    return run_in_processes(process_story, jobs, workers)


def _run_in_threads(jobs: Sequence[Job], concurrency: int):  # type: ignore[no-untyped-def]
    """Stories in threads: while one waits on the model server the others are analysed or sent,
    so the server can batch them. `process_story` never raises: failures stay per story."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(process_story, *job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def release() -> str:
    """The installed package's version ("0" when run from a source tree without metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summarize")
    except PackageNotFoundError:
        return "0"


def written_by(brief, served: bool = False) -> dict:  # type: ignore[no-untyped-def]
    """Which backend and model wrote a brief: recorded in brief.json."""
    if brief.mode != "abstractive":
        # A model server gave nothing (down, timed out): a passing state, so not a brief to keep.
        failed = served and brief.requested_mode != "extractive" and "abstractive" not in brief.stats
        return {"backend": "extractive", "model": None, **({"model_failed": True} if failed else {})}
    stats = brief.stats.get("abstractive", {})
    return {
        "backend": stats.get("backend", "transformers"),
        "model": stats.get("model"),
        **({"api_base": stats["api_base"]} if "api_base" in stats else {}),
    }


def write_index(folder: Path, outcomes: Sequence[Outcome], feed: Feed) -> None:
    """index.md, index.html and each story's brief.html (report_nightly)."""
    from ..output.nightly_pages import index_json, write_pages

    write_pages(folder, outcomes, feed)
    write_atomic(folder / "index.json", index_json(folder.name, outcomes, feed))


def write_feed(out: Path, nights: int, base_url: str = "") -> None:
    from ..output.nightly_pages import write_feed as write_atom

    write_atom(out, nights, base_url)


def earlier_stories(folder: Path) -> dict[str, list[str]]:
    """Story id -> article ids of the run in `folder` (its index.json): that day's earlier run, or the
    night before, so ids stay put."""
    try:
        data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        earlier = {s["id"]: [str(a) for a in s["articles"]] for s in data["stories"]}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return {}
    # The index is a file anyone may edit: an id that could not name a story folder is not reused.
    return {story: articles for story, articles in earlier.items() if valid_id(story)}
