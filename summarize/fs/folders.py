"""Hostile folders: walking them, naming what is in them, and writing where the user pointed.

- a walk that survives entries it cannot stat, never follows a link out of the folder unless
  asked (and says which it skipped), and never enters a nightly output folder;
- ids that stay unique and stable whatever names collide;
- output written through a symlink or to a device (`/dev/null`, `/dev/stdout`), not over it;
- a lock so that two nightly runs never share an output folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, SummarizeError
from .atomic import write_atomic

log = logging.getLogger(__name__)

LOCK_NAME = ".summarize-nightly.lock"  # also marks a nightly output folder: walks skip it
# Names a nightly run writes beside its story folders: no story may be called so.
RESERVED = frozenset({"index.html", "index.md", "nightly.log", "latest"})


class OutputBusy(SummarizeError):
    """Another run holds the lock on this output folder."""

    exit_code = 4


@dataclass(frozen=True, slots=True)
class Listing:
    dirs: tuple[Path, ...]
    files: tuple[Path, ...]


def inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def scan(folder: Path, root: Path, follow_links: bool = False) -> Listing:
    """The non-hidden sub-folders and regular files directly in `folder`, sorted. Entries that
    cannot be examined are skipped with a warning; links that leave `root` too, unless
    `follow_links`; FIFOs and devices are never files."""
    dirs, files = [], []
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
                if os.path.lexists(path / LOCK_NAME):
                    log.warning("skipping %s: a nightly output folder", path)
                    continue
                dirs.append(path)
            elif entry.is_file():
                files.append(path)
        except OSError as err:
            log.warning("skipping %s: cannot examine it (%s)", path, err.strerror or err)
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


def unique_ids(wanted: Sequence[str], names: Sequence[str], reserved: frozenset[str] = frozenset()) -> list[str]:
    """One distinct id per item: `wanted[i]` where no other item wants it, else `wanted[i]`
    with a short hash of `names[i]` (the original name), so an item's id does not depend on the
    order of the others. Ids in `reserved` are never given out."""
    counts = Counter(wanted)
    taken: set[str] = set(reserved)
    out: list[str] = []
    # An id wanted once, or wanted by the item whose own name it is ("a-b" beside "a b"), stays.
    plain = [w not in reserved and (counts[w] == 1 or w == n) for w, n in zip(wanted, names)]
    taken.update(w for w, ok in zip(wanted, plain) if ok)
    claimed: set[str] = set()
    for w, n, ok in zip(wanted, names, plain):
        if ok and w not in claimed:
            claimed.add(w)
            out.append(w)
            continue
        digest = hashlib.sha1(os.fsencode(n)).hexdigest()
        candidate, k = f"{w}-{digest[:6]}", 2
        while candidate in taken:
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
