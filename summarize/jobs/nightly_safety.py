"""Nightly runs that survive their own workers and their own history.

- A worker killed mid-story (OOM killer, `kill -9`) breaks a ProcessPoolExecutor; the stories it
  had not finished are retried in a fresh pool, and a story that kills its worker twice is
  reported failed, so the rest of the night still runs and the index and `latest` are written.
- Workers are started fresh (`spawn`), never forked from a parent that may hold torch's threads
  and locks (a forked child can hang on them).
- Workers die with the parent (Linux PR_SET_PDEATHSIG, and a watchdog elsewhere): killing the
  job never leaves orphans running.
- Backfilling an older `--date` does not move `latest` back; re-running a date removes the
  story folders of stories that are gone, so the index and the folder agree.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fs.folders import NIGHT_NAME

log = logging.getLogger(__name__)

BRIEF_FILES = frozenset({"brief.md", "brief.json", "brief.html"})
MAX_DEATHS = 2  # a story that kills its worker this often is failed, not retried
OUTCOMES = ("written", "unchanged", "failed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the story function an engine runs returns for one story (and what it yields)."""

    story: str
    status: str  # one of OUTCOMES
    sources: int
    headline: str = ""
    seconds: float = 0.0
    error: str = ""
    change: str = ""  # since the night before: "new", "updated" or "unchanged" ("" when failed)


def run_in_processes(fn: Callable, jobs: Sequence[tuple], workers: int) -> Iterator:  # type: ignore[type-arg]
    """`fn(*job)` for every job in `workers` processes, in completion order; see the docstring."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # see the module docstring
    remaining = dict(enumerate(jobs))
    isolated: set[int] = set()  # running when a worker died: retried one at a time
    deaths: Counter[int] = Counter()
    while remaining:
        batch, size = [k for k in remaining if k not in isolated], workers
        if not batch:  # only suspects left: one worker, so a death names its story
            batch, size = sorted(isolated), 1
        started = context.SimpleQueue()  # written before each job starts: no buffering thread
        with ProcessPoolExecutor(
            max_workers=size, mp_context=context, initializer=_worker_setup, initargs=(os.getpid(), started)
        ) as pool:
            futures = {pool.submit(_tracked, fn, key, remaining[key]): key for key in batch}
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    continue
                key = futures[future]
                del remaining[key]
                isolated.discard(key)
                yield outcome
        unfinished = [k for k in batch if k in remaining]
        running = [k for k in _running_when_broken(started) if k in remaining] if unfinished else []
        started.close()
        if not unfinished:
            continue
        running = running or unfinished[:1] if size == 1 else running or unfinished
        log.warning("a worker process died; retrying %d unfinished stories", len(unfinished))
        isolated.update(running)
        if size == 1:
            for key in running:
                deaths[key] += 1
                if deaths[key] >= MAX_DEATHS:
                    story = remaining.pop(key)[0]
                    isolated.discard(key)
                    yield Outcome(
                        story.id,
                        "failed",
                        len(story.docs),
                        "",
                        0.0,
                        "worker process died (killed or crashed) twice on this story",
                    )


def _tracked(fn: Callable, key: int, job: tuple):  # type: ignore[no-untyped-def,type-arg]
    _STARTED.put(("start", key))
    try:
        return fn(*job)
    finally:
        _STARTED.put(("end", key))


_STARTED: Any = None  # the worker's queue of started/ended jobs, set by _worker_setup


def _running_when_broken(started) -> list[int]:  # type: ignore[no-untyped-def]
    """The jobs a worker had started and not finished when the pool broke: the suspects."""
    running: set[int] = set()
    try:
        while not started.empty():
            what, key = started.get()
            (running.add if what == "start" else running.discard)(key)
    except (EOFError, OSError):  # a worker died halfway through a message
        pass
    return sorted(running)


def _worker_setup(parent: int, started) -> None:  # type: ignore[no-untyped-def]
    global _STARTED
    _STARTED = started
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def move_latest(out: Path, date: str) -> bool:
    """Should `latest` point at `date`? Not when it already points at a later run."""
    latest = out / "latest"
    try:
        current = os.readlink(latest)
    except OSError:
        return True
    return not (NIGHT_NAME.match(current) and current > date and (out / current).is_dir())


def remove_stale_stories(folder: Path, stories: set[str]) -> None:
    """Delete the brief folders of this date that no story of this run wrote (only folders that
    hold nothing but briefs; anything else is left, with a warning)."""
    for sub in sorted(folder.iterdir()):
        if sub.name in stories or sub.name.startswith(".") or sub.is_symlink() or not sub.is_dir():
            continue
        names = {p.name for p in sub.iterdir() if not p.name.endswith(".tmp")}
        if names and names <= BRIEF_FILES:
            shutil.rmtree(sub)
            log.warning("removed %s: its story is no longer in the feed", sub)
        elif names:
            log.warning("left %s alone: not a story of this run, and it holds other files", sub)
