"""`summarize eval` (briefs and baselines against references, ROUGE) and `summarize eval-grouping`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import InputError
from ..options import Mode, Options
from ..text.safety import printable
from .app import app
from .console import bar, errors_to_exit, setup_logging, stderr
from .params import MODEL, options_fields, shared


@app.command("eval")
@shared(MODEL)
def eval_command(
    data: Annotated[Path, typer.Argument(help="Evaluation folder: <story>/docs/*.txt and <story>/refs/*.txt.")],
    systems: Annotated[
        Optional[str], typer.Option("--systems", "-s", help="Comma-separated systems (default: all available).")
    ] = None,
    words: Annotated[
        Optional[int],
        typer.Option(
            "--words", "-w", min=10, help="Word budget for every system (default: each story's mean reference length)."
        ),
    ] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the results as .json or .csv.")] = None,
    samples: Annotated[int, typer.Option(help="Bootstrap samples for the confidence intervals.")] = 1000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings.")] = False,
    *,
    shared: dict[str, Any],
) -> None:
    """Score our briefs and well-known baselines against human references with ROUGE."""
    from ..jobs.baselines import OURS
    from ..jobs.baselines import systems as available
    from ..jobs.evaluate import evaluate, find_stories, score_systems
    from ..output.tables import eval_table, write_results

    setup_logging(True)  # per-file warnings would drown the table
    with errors_to_exit():
        fields = options_fields(shared)
        model, follow_links = fields.pop("model"), fields.pop("follow_links")
        model_options = Options(**fields)
        if model_options.api_base:  # pointed at a server on purpose: unreachable is an error (exit 3)
            from ..models.server import connect

            connect(replace(model_options, model=model))
        known = available(model=model, options=model_options)
        if systems is None and not quiet and not any(name.startswith("sumy-") for name in known):
            stderr.print(
                escape(
                    'notice: the sumy and summa baselines are not installed (pip install -e ".[baselines]"); '
                    "scoring " + ", ".join(known)
                ),
                highlight=False,
            )
        chosen = _choose(known, systems, replace(model_options, model=model))
        stories = find_stories(data, follow_links)
        with bar(quiet, len(stories) * len(chosen)) as advance:
            results = evaluate(stories, chosen, words, on_result=lambda r: advance())
        scores = score_systems(results, [s for s in chosen if s in OURS], samples)
        stdout = Console()
        if not stdout.is_terminal:  # a file or pipe gets the whole table, not 80 columns of it
            stdout = Console(width=160)
        stdout.print(eval_table(scores, data, words, len(stories)))
        for system in scores:
            if system.failures:
                first = next(r for r in results if r.system == system.system and r.error)
                stderr.print(
                    f"[yellow]{system.system} failed on {system.failures} of {len(stories)} "
                    f"stories[/] (scored 0 there); first: {escape(printable(first.story))}: {escape(printable((first.error or '').splitlines()[0]))}",
                    highlight=False,
                )
        if out is not None:
            write_results(out, scores, results)


def _choose(known: dict, names: Optional[str], model_options: Options) -> dict:
    if names is None:
        return known
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    for name in wanted:
        if name not in known:
            raise InputError(
                f"system {name} is not available: {_why_unavailable(name, model_options).rstrip('.')}; "
                f"available: {', '.join(known)}"
            )
    return {n: known[n] for n in wanted}


def _why_unavailable(name: str, model_options: Options) -> str:
    from ..pipeline.run import model_unavailable

    if name == "abstractive":
        return model_unavailable(replace(model_options, mode=Mode.auto)) or "the model cannot be used"
    if name.startswith("sumy-") or name == "summa-textrank":
        return 'the baselines are not installed (pip install -e ".[baselines]")'
    return "no such system"


@app.command("eval-grouping")
def eval_grouping(
    data: Annotated[Path, typer.Argument(help="Folder of story folders (<story>/docs/*.txt or <story>/*.txt).")],
    noise: Annotated[
        Optional[Path], typer.Option("--noise", help="Folder of articles of no story to hide the feed among.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Shuffle of the flat feed.")] = 0,
) -> None:
    """Group the stories' articles as one shuffled flat feed; score ours and a TF-IDF baseline."""
    from rich.table import Table

    from ..jobs.evaluate_grouping import baseline, build_feed, ours, read_noise, score, story_files

    setup_logging(True)
    with errors_to_exit():
        items = build_feed(story_files(data), read_noise(noise), seed)
        results = [("ours", score(items, ours(items))), ("TF-IDF average link", score(items, baseline(items)))]
        real = sum(i.story is not None and i.real for i in items)
        console = Console(width=160)
        console.print(
            f"{escape(str(data))}: {real} real articles, {sum(not i.real for i in items)} non-articles, "
            f"{sum(i.story is None for i in items)} of no story",
            highlight=False,
        )
        table = Table()
        table.add_column("grouping")
        for label in ("V-measure", "ARI", "stories exact", "stories of non-articles", "stories found"):
            table.add_column(label, justify="right")
        for name, s in results:
            table.add_row(
                name,
                f"{s.v_measure:.3f}",
                f"{s.ari:.3f}",
                f"{s.exact}/{s.stories}",
                str(s.non_article_stories),
                str(s.predicted_stories),
            )
        console.print(table)
