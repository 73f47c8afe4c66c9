"""Hostile folders: walking them, naming what is in them, and writing where the user pointed.

- a walk that survives entries it cannot stat, never follows a link out of the folder unless
  asked (and says which it skipped), and never enters a nightly output folder;
- ids that stay unique and stable whatever names collide;
- output written through a symlink or to a device (`/dev/null`, `/dev/stdout`), not over it;
- a lock so that two nightly runs never share an output folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, SummarizeError
from .atomic import TMP_SUFFIX, write_atomic

log = logging.getLogger(__name__)

LOCK_NAME = ".summarize-nightly.lock"  # also marks a nightly output folder: walks skip it
FEED_ID_FILE = ".feed-id"  # keeps the Atom feed's ids stable when the output folder moves
NIGHT_NAME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # a night's folder: YYYY-MM-DD, nothing else
# What `safe_name` gives (at most 80 characters), with room for `unique_ids`'s suffixes.
_ID = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9_])?\Z")
# Every name a nightly run writes in its output folder or in a night's folder, lower case (a
# case-insensitive disk makes `Index.JSON` the index): no story may be called so. Dated nights,
# hidden names and temporary files (`.index.json.x1y2.tmp`) are reserved by `is_reserved` too.
RESERVED = frozenset(
    {"index.json", "index.md", "index.html", "nightly.log", "latest", "feed.xml", "store", FEED_ID_FILE, LOCK_NAME}
)


class OutputBusy(SummarizeError):
    """Another run holds the lock on this output folder."""

    exit_code = 4


@dataclass(frozen=True, slots=True)
class Listing:
    dirs: tuple[Path, ...]
    files: tuple[Path, ...]


def is_reserved(name: str) -> bool:
    """Is `name` one the nightly output writes (or may write) beside its stories?"""
    low = name.lower()
    return low in RESERVED or low.startswith(".") or low.endswith(TMP_SUFFIX) or bool(NIGHT_NAME.match(low))


def valid_id(name: object) -> bool:
    """May `name`, read back from a file (an earlier index), name a story folder? Only a name made
    as `safe_name` (and `unique_ids`) make them, that no output file takes: never `../x`, `/etc`
    or `index.json`."""
    return isinstance(name, str) and _ID.match(name) is not None and not is_reserved(name)


def nightly_output(path: Path) -> str | None:
    """Why the folder `path` is a nightly run's output (its lock, `latest`, its feed, a night's index
    or log, dated nights), or None: an output folder is never read as input, whatever its depth."""
    if os.path.lexists(path / LOCK_NAME) or os.path.lexists(path / FEED_ID_FILE):
        return "a nightly output folder"
    if os.path.islink(path / "latest"):
        return "a nightly output folder (it holds `latest`)"
    if _is_night(path):
        return "a night of nightly briefs"
    try:
        with os.scandir(path) as it:
            nights = [e for e in it if NIGHT_NAME.match(e.name) and e.is_dir()]
    except OSError:
        return None
    return "a nightly output folder (dated nights)" if any(_is_night(Path(e.path)) for e in nights) else None


def _is_night(path: Path) -> bool:
    """A night's folder: it holds the run's log, or an index.json with a night's date and stories."""
    if os.path.lexists(path / "nightly.log"):
        return True
    try:
        with open(path / "index.json", "rb") as handle:
            data = json.loads(handle.read(1_000_000))  # a night's index is small; no need for more
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "stories" in data and NIGHT_NAME.match(str(data.get("date", ""))) is not None


def inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def scan(folder: Path, root: Path, follow_links: bool = False) -> Listing:
    """The non-hidden sub-folders and regular files directly in `folder`, sorted. Entries that
    cannot be examined are skipped with a warning; links that leave `root` too, unless
    `follow_links`; FIFOs and devices are never files."""
    dirs, files, outputs = [], [], []  # outputs: "path (why)" of the nightly output set aside
    real_root = os.path.realpath(root)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        log.warning("skipping %s: cannot list it (%s)", folder, err.strerror or err)
        return Listing((), ())
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink() and not follow_links:
                target = os.path.realpath(path)
                if not inside(target, real_root):
                    log.warning("skipping %s: a link to %s, outside %s (--follow-links reads it)", path, target, root)
                    continue
            if entry.is_dir():
                why = nightly_output(path)
                if why:
                    outputs.append(f"{path} ({why})")
                else:
                    dirs.append(path)
            elif entry.is_file():
                files.append(path)
        except OSError as err:
            log.warning("skipping %s: cannot examine it (%s)", path, err.strerror or err)
    if outputs:  # one notice for the folder, however many nights it holds
        shown = ", ".join(outputs[:5]) + (f" and {len(outputs) - 5} more" if len(outputs) > 5 else "")
        log.warning("skipping %s: nightly output is never read as input", shown)
    return Listing(tuple(dirs), tuple(files))


def walk(folder: Path, follow_links: bool = False, root: Path | None = None) -> list[Path]:
    """Every non-hidden regular file below `folder`, sorted; each real folder entered once."""
    root = folder if root is None else root
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
        except OSError as err:
            log.warning("skipping %s: cannot examine it (%s)", current, err.strerror or err)
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        listing = scan(current, root, follow_links)
        found.extend(listing.files)
        stack.extend(reversed(listing.dirs))
    return sorted(found)


def unique_ids(
    wanted: Sequence[str], names: Sequence[str], reserved: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """One distinct id per item: `wanted[i]` where no other item wants it, else `wanted[i]`
    with a short hash of `names[i]` (the original name), so an item's id does not depend on the
    order of the others. Ids `reserved` says yes to are never given out."""
    counts = Counter(wanted)
    taken: set[str] = set()
    out: list[str] = []
    # An id wanted once, or wanted by the item whose own name it is ("a-b" beside "a b"), stays.
    plain = [not reserved(w) and (counts[w] == 1 or w == n) for w, n in zip(wanted, names)]
    taken.update(w for w, ok in zip(wanted, plain) if ok)
    claimed: set[str] = set()
    for w, n, ok in zip(wanted, names, plain):
        if ok and w not in claimed:
            claimed.add(w)
            out.append(w)
            continue
        digest = hashlib.sha1(os.fsencode(n)).hexdigest()
        candidate, k = f"{w}-{digest[:6]}", 2
        while candidate in taken or reserved(candidate):
            candidate, k = f"{w}-{digest[:6]}-{k}", k + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def write_output(path: Path, text: str) -> None:
    """Write `text` to the user's `path`: atomically for a file (through a symlink to its
    target), straight into a device, FIFO or /proc fd such as /dev/null or /dev/stdout."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder; give a file name, e.g. {path / 'brief.txt'}")
    real = os.path.realpath(path)
    if info is not None and (not stat.S_ISREG(info.st_mode) or inside(real, "/proc") or inside(real, "/dev")):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    write_atomic(Path(real) if os.path.islink(path) else path, text)


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold `out`'s lock for the block; another holder is an OutputBusy error, not a race."""
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / LOCK_NAME
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputBusy(
                f"{out}: another nightly run (pid {holder}) is writing here; "
                "wait for it to finish, or give another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)
