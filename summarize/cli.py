"""Command line: parse, call the library, render. `summarize FOLDER` runs the `brief` command."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from .cli_io import (
    ClickException,
    FormatOption,
    Inputs,
    LengthOption,
    ModeOption,
    NoArgsIsHelpError,
    QuietOption,
    UsageError,
    WordsOption,
    config_defaults,
    output_format,
    output_path,
    text_width,
    usage_error,
)
from .cli_model import (
    ApiBase,
    ApiKeyEnv,
    ContextTokens,
    DeviceOption,
    ModelOption,
    PromptOption,
    Retries,
    Timeout,
    Tokenizer,
    server_options,
)
from .errors import InputError, SummarizeError
from .fs.folders import write_output
from .options import DEFAULT_MODEL, Device, Length, Mode, Options, Unsupported
from .text.safety import PrintableFormatter, printable

stderr = Console(stderr=True, soft_wrap=True)
HELP = """Turn news articles about one story into one neutral brief that cites its sources.

summarize FOLDER [OPTIONS]: brief a folder of articles (runs the `brief` command; its options: `summarize brief --help`).

summarize FILE... | URL... | - [OPTIONS]: the same from article files, web pages, or standard input.

summarize COMMAND ...: the commands below. Defaults can be set in SUMMARIZE_* environment variables (see `summarize brief --help`) or in ~/.config/summarize/config.toml (README: Usage).
"""
FOLLOW_LINKS_HELP = "Read symbolic links that lead out of the input folder (skipped, with a warning, by default)."


class CompareFormat(str, Enum):
    text = "text"
    json = "json"


class OtherLanguages(str, Enum):
    skip = "skip"
    keep = "keep"


class DefaultCommandGroup(TyperGroup):
    """Routes `summarize INPUT ...` to the `brief` command; `summarize eval ...` stays a command.
    Usage errors, typer's included, print one line and exit 2 (no boxed panel)."""

    default_command = "brief"

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        if args[:1] == ["--version"] and len(args) > 1:
            raise UsageError("--version is a flag and takes no value", ctx)
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, standalone_mode=True, **extra):  # type: ignore[no-untyped-def]
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        try:
            extra.setdefault("default_map", config_defaults(self.commands))
            code = super().main(args, prog_name or "summarize", standalone_mode=False, **extra)
        except NoArgsIsHelpError as error:  # `summarize` alone: the help, as typer shows it
            error.show()
            sys.exit(error.exit_code)
        except ClickException as error:
            stderr.print(f"[bold red]error:[/] {escape(printable(usage_error(error)))}", highlight=False)
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=DefaultCommandGroup,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=HELP,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"summarize {version('summarize')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Options of `summarize` itself; the commands have their own."""


@app.command()
def brief(
    inputs: Inputs,
    length: LengthOption = Length.short,
    words: WordsOption = None,
    mode: ModeOption = Mode.auto,
    model: ModelOption = DEFAULT_MODEL,
    device: DeviceOption = Device.auto,
    prompt: PromptOption = None,
    unsupported: Annotated[
        Unsupported,
        typer.Option(
            "--unsupported", help="Generated sentences the sources do not support: drop them, or keep them marked."
        ),
    ] = Unsupported.drop,
    api_base: ApiBase = None,
    api_key_env: ApiKeyEnv = "OPENAI_API_KEY",
    tokenizer: Tokenizer = None,
    context_tokens: ContextTokens = None,
    timeout: Timeout = 120.0,
    retries: Retries = 2,
    fmt: FormatOption = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output", "-o", help="Write here (atomically) instead of stdout; a .md or .json suffix picks the format."
        ),
    ] = None,
    max_file_mb: Annotated[
        float, typer.Option("--max-file-mb", min=0.001, help="Read at most this much of each file (MB).")
    ] = 5.0,
    max_sentences: Annotated[
        int, typer.Option("--max-sentences", min=10, help="Use at most this many sentences of the story.")
    ] = 50_000,
    other_languages: Annotated[
        OtherLanguages,
        typer.Option("--other-languages", help="Articles not in English: skip them (reported), or keep them."),
    ] = OtherLanguages.skip,
    quiet: QuietOption = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help=FOLLOW_LINKS_HELP)] = False,
) -> None:
    """Summarize INPUT (a folder, files, URLs or -) into one brief whose every sentence cites its sources.

    `summarize INPUT...` runs this command: `summarize seeds/` is `summarize brief seeds/`.
    """
    from .output.render import render
    from .pipeline.run import summarize_inputs

    _setup_logging(quiet)
    target = output_path(output)
    fmt = output_format(fmt, target)
    options = Options(
        length=length,
        words=words,
        mode=mode,
        model=model,
        device=device,
        prompt=prompt,
        unsupported=unsupported,
        max_file_bytes=int(max_file_mb * 1_000_000),
        max_sentences=max_sentences,
        other_languages=other_languages.value,
        **server_options(api_base, api_key_env, tokenizer, context_tokens, timeout, retries),
        follow_links=follow_links,
    )
    with _errors_to_exit():
        with _progress(quiet) as progress:
            result = summarize_inputs(inputs, options, progress, stdin=getattr(sys.stdin, "buffer", None))
        for notice in () if quiet else result.notices:
            stderr.print(f"[yellow]notice:[/] {escape(printable(notice))}", highlight=False)
        if not result.sentences:
            low, high = options.word_range()
            raise SummarizeError(
                f"{printable(' '.join(inputs))}: no sentence of these articles fits a {high}-word brief; "
                "try a longer --length or --words"
            )
        text = render(result, fmt, text_width(target))
        if target is None:
            sys.stdout.write(text)
        else:
            write_output(target, text)


class _errors_to_exit:
    """Domain errors become one line on stderr and their exit code; no traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, tb) -> bool:  # type: ignore[no-untyped-def]
        if isinstance(error, SummarizeError):
            stderr.print(f"[bold red]error:[/] {escape(printable(str(error)))}", highlight=False)
            raise typer.Exit(error.exit_code)
        if isinstance(error, OSError):
            stderr.print(
                f"[bold red]error:[/] {escape(str(error.strerror or error))}: {escape(printable(str(error.filename)))}",
                highlight=False,
            )
            raise typer.Exit(1)
        return False


class _progress:
    """A transient spinner naming the stage, on a terminal only (cron logs stay clean)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.status = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return None
        self.status = stderr.status("reading articles…")
        self.status.__enter__()
        return lambda stage: self.status.update(f"{stage}…")

    def __exit__(self, *exc) -> bool:  # type: ignore[no-untyped-def]
        if self.status is not None:
            self.status.__exit__(*exc)
        return False


def _setup_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("warning: %(message)s"))
    root = logging.getLogger("summarize")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.WARNING)
    root.propagate = False


def main() -> None:
    app()


@app.command("eval")
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
    model: ModelOption = DEFAULT_MODEL,
    device: DeviceOption = Device.auto,
    prompt: PromptOption = None,
    api_base: ApiBase = None,
    api_key_env: ApiKeyEnv = "OPENAI_API_KEY",
    tokenizer: Tokenizer = None,
    context_tokens: ContextTokens = None,
    timeout: Timeout = 120.0,
    retries: Retries = 2,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings.")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help=FOLLOW_LINKS_HELP)] = False,
) -> None:
    """Score our briefs and well-known baselines against reference summaries with ROUGE."""
    from .jobs.baselines import OURS
    from .jobs.baselines import systems as available
    from .jobs.evaluate import evaluate, find_stories, summarize_results
    from .output.tables import eval_table, write_results

    _setup_logging(True)  # per-file warnings would drown the table
    with _errors_to_exit():
        model_options = Options(
            device=device,
            prompt=prompt,
            **server_options(api_base, api_key_env, tokenizer, context_tokens, timeout, retries),
        )
        if model_options.api_base:  # pointed at a server on purpose: unreachable is an error (exit 3)
            from .models.server import connect

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
        with _bar(quiet, len(stories) * len(chosen)) as advance:
            results = evaluate(stories, chosen, words, on_result=lambda r: advance())
        summaries = summarize_results(results, [s for s in chosen if s in OURS], samples)
        stdout = Console()
        if not stdout.is_terminal:  # a file or pipe gets the whole table, not 80 columns of it
            stdout = Console(width=160)
        stdout.print(eval_table(summaries, data, words, len(stories)))
        for summary in summaries:
            if summary.failures:
                first = next(r for r in results if r.system == summary.system and r.error)
                stderr.print(
                    f"[yellow]{summary.system} failed on {summary.failures} of {len(stories)} "
                    f"stories[/] (scored 0 there); first: {escape(printable(first.story))}: {escape(printable(first.error.splitlines()[0]))}",
                    highlight=False,
                )
        if out is not None:
            write_results(out, summaries, results)


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
    from .pipeline.run import model_unavailable

    if name == "abstractive":
        return model_unavailable(replace(model_options, mode=Mode.auto)) or "the model cannot be used"
    if name.startswith("sumy-") or name == "summa-textrank":
        return 'the baselines are not installed (pip install -e ".[baselines]")'
    return "no such system"


class _bar:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, quiet: bool, total: int) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.total = total
        self.progress = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return lambda: None
        from rich.progress import Progress

        self.progress = Progress(console=stderr, transient=True)
        self.progress.__enter__()
        task = self.progress.add_task("scoring", total=self.total)
        return lambda: self.progress.advance(task)

    def __exit__(self, *exc) -> bool:  # type: ignore[no-untyped-def]
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False


@app.command()
def compare(
    inputs: Inputs,
    length: LengthOption = Length.short,
    words: WordsOption = None,
    refs: Annotated[
        Optional[Path], typer.Option("--refs", help="Folder of reference summaries (*.txt) for ROUGE.")
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Also write a self-contained HTML report here.")
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    device: DeviceOption = Device.auto,
    prompt: PromptOption = None,
    api_base: ApiBase = None,
    api_key_env: ApiKeyEnv = "OPENAI_API_KEY",
    tokenizer: Tokenizer = None,
    context_tokens: ContextTokens = None,
    timeout: Timeout = 120.0,
    retries: Retries = 2,
    fmt: Annotated[
        CompareFormat,
        typer.Option("--format", "-f", help="text: panels and a table; json: both briefs and their measures."),
    ] = CompareFormat.text,
    quiet: QuietOption = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help=FOLLOW_LINKS_HELP)] = False,
) -> None:
    """Write the extractive and the abstractive brief from the same input and compare them."""
    from rich.panel import Panel
    from rich.text import Text

    from .jobs.compare import run_comparison
    from .output.compare_page import render_report
    from .output.tables import compare_table

    _setup_logging(quiet)
    options = Options(
        length=length,
        words=words,
        model=model,
        device=device,
        prompt=prompt,
        **server_options(api_base, api_key_env, tokenizer, context_tokens, timeout, retries),
        follow_links=follow_links,
    )
    with _errors_to_exit():
        reference_texts = _read_refs(refs) if refs is not None else ()
        with _progress(quiet) as progress:
            result = run_comparison(
                inputs, options, reference_texts, progress, stdin=getattr(sys.stdin, "buffer", None)
            )
        if fmt is CompareFormat.json:
            from .jobs.compare import comparison_json

            sys.stdout.write(comparison_json(result))
        console = Console(file=sys.stderr if fmt is CompareFormat.json else None)
        for label, brief, _, note in () if fmt is CompareFormat.json else result.columns:
            body = " ".join(f"{s.text} [{', '.join(s.citations)}]" for s in brief.sentences) if brief else note
            console.print(Panel(Text(body), title=label))  # Text: article words are never markup
        if fmt is CompareFormat.text:
            console.print(compare_table([(label, m) for label, _, m, _ in result.columns]))
        if html is not None:
            write_output(html, render_report(f"Compare: {printable(' '.join(inputs))}", result.docs, result.columns))
            stderr.print(f"wrote {escape(printable(str(html)))}", highlight=False)


def _read_refs(folder: Path) -> tuple[str, ...]:
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        raise SummarizeError(f"{folder}: no reference summaries (*.txt) there")
    from .jobs.evaluate import read_reference

    return tuple(read_reference(p) for p in files)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def nightly(
    feed: Annotated[
        Path, typer.Argument(help="Folder of story folders, or a flat folder of articles from many stories.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where the dated folders of briefs go.")],
    length: LengthOption = Length.short,
    words: WordsOption = None,
    mode: ModeOption = Mode.auto,
    model: ModelOption = DEFAULT_MODEL,
    date: Annotated[
        Optional[str], typer.Option("--date", help="Name of this run's folder (default: today, YYYY-MM-DD).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo stories whose inputs did not change.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes (or Ray actors); each loads the model once.")
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
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", min=1, help="Stories sent to the model server (--api-base) at once, so it can batch them."
        ),
    ] = 1,
    device: DeviceOption = Device.auto,
    prompt: PromptOption = None,
    api_base: ApiBase = None,
    api_key_env: ApiKeyEnv = "OPENAI_API_KEY",
    tokenizer: Tokenizer = None,
    context_tokens: ContextTokens = None,
    timeout: Timeout = 120.0,
    retries: Retries = 2,
    quiet: QuietOption = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help=FOLLOW_LINKS_HELP)] = False,
) -> None:
    """Brief every story of a night's feed: a dated folder, an index, and a `latest` link."""
    from .jobs.nightly import NightlyOptions, run_nightly

    _setup_logging(quiet)
    if concurrency > 1 and (workers > 1 or engine is Engine.ray or (not api_base and mode is not Mode.extractive)):
        raise typer.BadParameter(
            "--concurrency sends stories to a model server (--api-base) at once; "
            "an in-process model takes --workers instead",
            param_hint="--concurrency",
        )
    brief_options = Options(
        length=length,
        words=words,
        mode=mode,
        model=model,
        device=device,
        prompt=prompt,
        **server_options(api_base, api_key_env, tokenizer, context_tokens, timeout, retries),
        follow_links=follow_links,
    )
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
    )
    with _errors_to_exit():
        with _story_progress(quiet) as report:
            run = run_nightly(feed, options, report)
        if run.model_notice and not quiet:
            stderr.print(f"[yellow]notice:[/] {escape(printable(run.model_notice))}", highlight=False)
        counts = {s: sum(o.status == s for o in run.outcomes) for s in ("written", "unchanged", "failed")}
        stderr.print(
            f"{escape(printable(str(run.folder)))}: {len(run.outcomes)} stories — {counts['written']} written, "
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


model_app = typer.Typer(help="Models for the abstractive mode: `summarize model pull [ID]`.", no_args_is_help=True)
app.add_typer(model_app, name="model")


@model_app.command("pull")
def model_pull(model: Annotated[str, typer.Argument(help="Hugging Face id.")] = DEFAULT_MODEL) -> None:
    """Download a model (the default unless named) into the Hugging Face cache, with a progress bar;
    auto mode then uses it."""
    from .models.checkpoint import pull

    with _errors_to_exit():
        where = pull(model)
    stderr.print(f"{escape(printable(model))}: in {escape(printable(where))}", highlight=False)


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

    from .jobs.evaluate_grouping import baseline, build_feed, ours, read_noise, score, story_files

    _setup_logging(True)
    with _errors_to_exit():
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


class _story_progress:
    """A progress bar on a terminal; one plain line per story otherwise (cron logs)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress = None
        self.task = None
        self.done = 0

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.quiet and stderr.is_terminal:
            from rich.progress import Progress

            self.progress = Progress(console=stderr, transient=True)
            self.progress.__enter__()
        return self.report

    def report(self, outcome, total: int) -> None:  # type: ignore[no-untyped-def]
        self.done += 1
        if self.progress is not None:
            if self.task is None:
                self.task = self.progress.add_task("stories", total=total)
            self.progress.advance(self.task)
        elif not self.quiet:
            print(
                f"[{self.done}/{total}] {outcome.story}: {outcome.status} ({outcome.seconds:.1f} s)",
                file=sys.stderr,
                flush=True,
            )

    def __exit__(self, *exc) -> bool:  # type: ignore[no-untyped-def]
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False


if __name__ == "__main__":
    main()
