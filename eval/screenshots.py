"""Regenerate the README's screenshots from the real pages, in headless Chromium.

    python eval/screenshots.py [EVALDATA]   # writes docs/images/compare-seeds.png and docs/images/nightly-index.png

The compare page is the seeds' with the default model (not cached here, so extractive only);
the nightly page is a run over the seeds, the harbor test story, a story that fails and, given
EVALDATA (e.g. ../shared/evaldata), its first Multi-News story.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import screenshot  # noqa: E402  (the one place that knows Chromium's flags)


def main(evaldata: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report = work / "report.html"
        subprocess.run(
            [
                "summarize",
                "compare",
                "seeds/",
                "--refs",
                "eval/seeds/blinken-beijing/refs",
                "--html",
                str(report),
                "-q",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        screenshot(report, ROOT / "docs" / "images" / "compare-seeds.png", "#sel=ext-0", 1280, 1000)
        feed = work / "feed"
        shutil.copytree(ROOT / "seeds", feed / "blinken-beijing")
        shutil.copytree(ROOT / "tests" / "data" / "harbor", feed / "harbor-bridge")
        (feed / "empty-page").mkdir()
        (feed / "empty-page" / "a.txt").write_text("Source link\nLeave a Reply\nBack to top button")
        if evaldata is not None:
            story = sorted((evaldata / "multinews-dev").glob("*/docs"))[0]
            shutil.copytree(story, feed / f"multinews-{story.parent.name}")
        subprocess.run(
            [
                "summarize",
                "nightly",
                str(feed),
                "--out",
                str(work / "briefs"),
                "--date",
                "2026-11-26",
                "--mode",
                "extractive",
                "-q",
            ],
            stdout=subprocess.DEVNULL,
        )  # exit 1: one story fails
        screenshot(
            work / "briefs" / "2026-11-26" / "index.html",
            ROOT / "docs" / "images" / "nightly-index.png",
            "",
            1000,
            1500,
        )
    print("wrote docs/images/compare-seeds.png and docs/images/nightly-index.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
