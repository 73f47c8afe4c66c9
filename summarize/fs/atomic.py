"""Writing files so that a reader, or a killed job, never leaves half of one behind."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

TMP_SUFFIX = ".tmp"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; briefs are for others to read
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed writer left in `folder`; how many there were."""
    stale = list(folder.glob(f".*{TMP_SUFFIX}")) if folder.is_dir() else []
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def point_link(link: Path, target: str) -> None:
    """Make `link` a symlink to `target`, replacing any old one in a single rename."""
    tmp = link.with_name(f".{link.name}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def safe_name(name: str, fallback: str = "story") -> str:
    """A file name that stays inside its folder whatever `name` holds ("../", "/", NUL, ...)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-.")
    return slug[:80] or fallback
