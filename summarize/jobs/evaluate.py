"""Score systems against human references with ROUGE (rouge-score), story by story.

An evaluation folder holds stories: any folder with a `docs/` folder of articles and a `refs/`
folder of human references (`<set>/<story>/docs/*.txt`, `<set>/<story>/refs/*.txt`).
"""

from __future__ import annotations

import random
import statistics
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..pipeline.ingest import decode, read_folder
from ..pipeline.segment import split_text
from ..types import RawDocument
from .baselines import System

METRICS = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    docs: tuple[RawDocument, ...]
    refs: tuple[str, ...]

    @property
    def budget(self) -> int:
        """The mean length of the references, in words."""
        return round(statistics.mean(len(r.split()) for r in self.refs))


@dataclass(frozen=True, slots=True)
class Result:
    system: str
    story: str
    scores: Mapping[str, float]  # F1 x 100, mean over references
    words: int
    seconds: float
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SystemScores:
    system: str
    scores: Mapping[str, float]
    intervals: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    words: float = 0.0
    seconds: float = 0.0
    failures: int = 0


def read_reference(path: Path) -> str:
    """A reference summary in any encoding the articles may use (UTF-8, BOMs, cp1252, Latin-1)."""
    return decode(path.read_bytes())[0].strip()


def find_stories(root: Path, follow_links: bool = False) -> list[Story]:
    """Every story below `root`, sorted by path; `docs/` may be a link to a folder elsewhere."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    folders = sorted({p.parent for p in root.rglob("refs") if (p.parent / "docs").is_dir()})
    stories = []
    for folder in folders:
        refs = tuple(read_reference(p) for p in sorted((folder / "refs").glob("*.txt")))
        if not refs:
            continue
        story_id = folder.relative_to(root).as_posix() if folder != root else folder.name
        stories.append(Story(story_id, tuple(read_folder(folder / "docs", follow_links=follow_links)), refs))
    if not stories:
        raise InputError(f"{root}: no stories (folders with docs/ and refs/*.txt) found")
    return stories


def cut_to_budget(sentences: Sequence[str], words: int) -> list[str]:
    """The sentences in order, the one that crosses the budget cut at it: every system the same."""
    kept, total = [], 0
    for sentence in sentences:
        tokens = sentence.split()
        if total + len(tokens) > words:
            if words - total > 0:
                kept.append(" ".join(tokens[: words - total]))
            break
        kept.append(sentence)
        total += len(tokens)
    return kept


class Scorer:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 with stemming; the mean over several references."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, summary: Sequence[str], refs: Sequence[str]) -> dict[str, float]:
        # ROUGE-Lsum reads one sentence per line.
        prediction = "\n".join(summary)
        totals = dict.fromkeys(METRICS, 0.0)
        for ref in refs:
            result = self._scorer.score("\n".join(split_text(ref)), prediction)
            for metric in METRICS:
                totals[metric] += result[metric].fmeasure
        return {m: 100 * v / len(refs) for m, v in totals.items()}


def evaluate(
    stories: Sequence[Story],
    systems: Mapping[str, System],
    words: int | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Run every system on every story; a system that fails on a story scores zero there."""
    scorer = Scorer()
    results = []
    for story in stories:
        budget = words or story.budget
        for name, system in systems.items():
            start = time.perf_counter()
            try:
                summary = cut_to_budget(system(story.docs, budget), budget)
                error = None
            except Exception as exc:  # one broken system or story must not stop the run
                summary = []
                error = f"{type(exc).__name__}: {exc}".strip()
                error += "\n" + traceback.format_exc(limit=-3)
            seconds = time.perf_counter() - start
            scores = scorer.score(summary, story.refs) if summary else dict.fromkeys(METRICS, 0.0)
            result = Result(name, story.id, scores, sum(len(s.split()) for s in summary), seconds, error)
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results


def score_systems(
    results: Sequence[Result], with_intervals: Sequence[str] = (), samples: int = 1000
) -> list[SystemScores]:
    """Per system: mean scores, words and runtime; bootstrap 95% intervals where asked."""
    by_system: dict[str, list[Result]] = {}
    for r in results:
        by_system.setdefault(r.system, []).append(r)
    out = []
    for system, rows in by_system.items():
        scores = {m: statistics.mean(r.scores[m] for r in rows) for m in METRICS}
        intervals = (
            {m: bootstrap_interval([r.scores[m] for r in rows], samples) for m in METRICS}
            if system in with_intervals
            else {}
        )
        out.append(
            SystemScores(
                system,
                scores,
                intervals,
                words=statistics.mean(r.words for r in rows),
                seconds=sum(r.seconds for r in rows),
                failures=sum(r.error is not None for r in rows),
            )
        )
    return out


def bootstrap_interval(values: Sequence[float], samples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The 95% percentile bootstrap interval of the mean, resampling stories."""
    if len(values) < 2:
        return (values[0], values[0]) if values else (0.0, 0.0)
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(samples))
    return means[int(0.025 * samples)], means[int(0.975 * samples) - 1]
