"""The only module that wires the stages together."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..editing.introduce import introduce
from ..errors import InputError, ModelError
from ..models.checkpoint import Generator
from ..models.checkpoint import load as load_model
from ..models.prompting import load_template
from ..options import Mode, Options
from ..text.language import language
from ..text.nonarticle import MIN_WORDS, judge
from ..text.safety import printable
from ..text.sparse import SparseRows
from ..types import Brief, BriefSentence, Document, RawDocument, ScoredGroup, Sentence, Source
from ..web.dates import date_days, published
from .cite import extractive_sentences
from .clean import clean_documents, fix_encoding
from .dedup import Deduplicated, deduplicate
from .fuse import Fusion, fuse
from .ingest import read_folder
from .rank import score_groups
from .segment import cap_sentences, segment_documents
from .select import select, why_nothing_fits

log = logging.getLogger(__name__)

# Called with the name of each stage as it starts; the CLI shows it as progress.
Progress = Callable[[str], None]


def summarize_folder(
    folder: Path | str,
    options: Options = Options(),
    progress: Progress | None = None,
    generator: Generator | None = None,
) -> Brief:
    """Read every article in `folder` and return one cited brief.

    Args:
        folder: a folder of articles (.txt, .md, .html, .json, .jsonl), searched recursively.
        options: how the brief is written; `Options()` is the command line's defaults.
        progress: called with each stage's name as it starts (the command line shows it).
        generator: a model already loaded, used instead of loading `options.model`.

    Returns:
        The brief: its sentences with their citations, the sources, and what the run noticed.

    Raises:
        InputError: the folder is missing or holds no readable article, or nothing is left after cleaning.
        ModelError: `options.mode` is abstractive and the model cannot be loaded or run.
    """
    timings: dict[str, float] = {}
    with _timed("ingest", timings, progress):
        raws = read_folder(Path(folder), options.max_file_bytes, options.follow_links)
    return summarize_documents(raws, options, progress, timings, generator)


def summarize_inputs(
    items: Sequence[str | Path],
    options: Options = Options(),
    progress: Progress | None = None,
    generator: Generator | None = None,
    stdin: BinaryIO | None = None,
) -> Brief:
    """One cited brief from folders, files, URLs and `-` (read from `stdin`) together.

    Args:
        items: folders, article files, http(s) URLs and `-`, in any mix: they make one story.
        options: how the brief is written.
        progress: called with each stage's name as it starts.
        generator: a model already loaded, used instead of loading `options.model`.
        stdin: what `-` reads (plain text, HTML, or a JSON/JSON Lines export).

    Returns:
        The brief of all the inputs together.

    Raises:
        InputError: an input is missing, a URL does not answer, or nothing readable is left.
        ModelError: `options.mode` is abstractive and the model cannot be loaded or run.
    """
    from .inputs import read_inputs

    timings: dict[str, float] = {}
    with _timed("ingest", timings, progress):
        raws = read_inputs(items, options.max_file_bytes, options.follow_links, stdin, options.fetch_timeout)
    return summarize_documents(raws, options, progress, timings, generator)


def summarize_texts(
    texts: Sequence[str] | dict[str, str], options: Options = Options(), generator: Generator | None = None
) -> Brief:
    """One cited brief from article texts in memory.

    Args:
        texts: article texts; a dict's keys are their ids, a list's ids are `1`, `2`, ...
        options: how the brief is written.
        generator: a model already loaded, used instead of loading `options.model`.

    Returns:
        The brief; its citations are the texts' ids.

    Raises:
        InputError: no texts, or nothing left after cleaning.
        ModelError: `options.mode` is abstractive and the model cannot be loaded or run.
    """
    items = texts.items() if isinstance(texts, dict) else ((str(n), t) for n, t in enumerate(texts, 1))
    raws = [RawDocument(str(i), Path(str(i)), t, "utf-8") for i, t in items]
    if not raws:
        raise InputError("no article texts to summarize")
    return summarize_documents(raws, options, generator=generator)


@dataclass(frozen=True)
class Analysis:
    """Everything before the brief is written: cleaned, segmented, deduplicated and ranked input.

    `compare` writes both briefs from one analysis, so both modes see exactly the same input.
    """

    docs: tuple[Document, ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    dedup: Deduplicated
    scored: tuple[ScoredGroup, ...]
    vectors: SparseRows  # the groups' TF-IDF vectors, row i for scored[i]
    timings: dict[str, float]
    foreign: tuple[dict, ...] = ()  # articles not in English: {"id", "language"}
    non_articles: tuple[tuple[str, str], ...] = ()  # pages set aside: (path, what the page is)


def summarize_documents(
    raws: Sequence[RawDocument],
    options: Options = Options(),
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    generator: Generator | None = None,
) -> Brief:
    """One cited brief from decoded articles.

    Args:
        raws: the articles, as read (see `RawDocument`).
        options: how the brief is written.
        progress: called with each stage's name as it starts.
        timings: seconds per stage so far, which the brief's `stats.timings_s` continues.
        generator: stands in for the model (tests, or a caller that loaded one already); otherwise
            `options.model` is loaded when the mode needs it.

    Returns:
        The brief.

    Raises:
        InputError: nothing is left after cleaning, or no article is in English.
        ModelError: `options.mode` is abstractive and the model cannot be loaded or run.
    """
    analysis = analyse(raws, options, progress, timings)
    return write_brief(analysis, options, progress, generator)


def analyse(
    raws: Sequence[RawDocument],
    options: Options = Options(),
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    timings = {} if timings is None else timings
    with _timed("clean", timings, progress):
        raws, set_aside = set_aside_non_articles(raws)
        cleaned = clean_documents(raws, encoding_fixed=True)
    docs = [d for d in cleaned if d.text.strip()]
    if not docs:
        raise InputError("no article text left after removing site boilerplate")
    for d in cleaned:
        if not d.text.strip():
            log.warning("skipping %s: no article text left after removing site boilerplate", printable(d.id))
    docs, foreign = _english_only(docs, options)
    with _timed("segment", timings, progress):
        sentences = cap_sentences(segment_documents(docs), options.max_sentences, options.word_range()[1])
    with _timed("deduplicate", timings, progress):
        dedup = deduplicate(docs, sentences, options)
    with _timed("rank", timings, progress):
        scored, vectors = score_groups(dedup.groups, len(docs), dedup.spun_documents, options.weights)
    return Analysis(
        tuple(docs),
        tuple(tuple(s) for s in sentences),
        dedup,
        tuple(scored),
        vectors,
        timings,
        tuple(foreign),
        tuple(set_aside),
    )


def set_aside_non_articles(raws: Sequence[RawDocument]) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """(articles, [(path, what it is)]) by the nightly run's detector (text/nonarticle.py); the
    articles come back with their text through `fix_encoding`, which the detector reads.

    Only pages made of site furniture (cookie, paywall, login, error pages, archive notices, embeds,
    link lists) are set aside: a short text the user named is summarized, though a night's feed
    treats it as a stub. Input of nothing but such pages is an error that names them."""
    articles, aside = [], []
    for raw in raws:
        text = fix_encoding(raw.text)
        verdict = judge(text)
        # A text shorter than an article's least prose is left to cleaning: one line that happens to
        # print "404" ("Item 404: ...") is a note, not an error page.
        if verdict.is_article or verdict.reason.startswith("stub") or len(raw.text.split()) < MIN_WORDS:
            articles.append(replace(raw, text=text))
        else:
            aside.append((str(raw.path), verdict.reason))
    if aside and not articles:
        shown = ", ".join(f"{printable(i)} ({why})" for i, why in aside[:5])
        more = f" and {len(aside) - 5} more" if len(aside) > 5 else ""
        raise InputError(f"no articles to summarize, only pages that are not articles: {shown}{more}")
    return articles, aside


def _english_only(docs: list[Document], options: Options) -> tuple[list[Document], list[dict]]:
    """Split off articles not in English; skipped unless `options.other_languages` is "keep"."""
    languages = {d.id: language(d.text) for d in docs}
    foreign = [{"id": d.id, "language": languages[d.id]} for d in docs if languages[d.id] != "en"]
    if not foreign or options.other_languages == "keep":
        return docs, foreign
    for f in foreign:
        log.warning(
            "skipping %s: not English (looks like %s); --other-languages keep includes it", f["id"], f["language"]
        )
    skipped = {f["id"] for f in foreign}
    english = [d for d in docs if d.id not in skipped]
    if not english:
        found = ", ".join(sorted({f["language"] for f in foreign}))
        raise InputError(f"no English articles (found: {found}); --other-languages keep summarizes them anyway")
    return english, foreign


def dated(sentences: Sequence[BriefSentence], docs: Sequence[Document]) -> tuple[BriefSentence, ...]:
    """Each sentence's relative days ("said Monday") dated in editorial brackets, "said Monday [June
    19]", from the publication date of the article it comes from, where its record gave one: a
    brief is read days later, and "Monday" alone no longer says when."""
    when = {d.id: day for d in docs if d.published and (day := published(d.published)) is not None}
    if not when:
        return tuple(sentences)
    out = []
    for sentence in sentences:
        ids = [span.doc_id for span in sentence.spans] + list(sentence.citations)
        day = next((when[i] for i in ids if i in when), None)
        out.append(sentence if day is None else replace(sentence, text=date_days(sentence.text, day.date())))
    return tuple(out)


def write_brief(
    analysis: Analysis,
    options: Options = Options(),
    progress: Progress | None = None,
    generator: Generator | None = None,
) -> Brief:
    """The brief in `options.mode`, from an analysis; timings are this brief's own."""
    timings = dict(analysis.timings)
    scored, vectors, dedup, docs = analysis.scored, analysis.vectors, analysis.dedup, analysis.docs
    with _timed("select", timings, progress):
        selected = select(scored, vectors, options)
        # A selected sentence may bring a note after it (outlets giving another figure): each printed
        # sentence is introduced against the article of the sentence it belongs to.
        parts = extractive_sentences(selected, dedup.groups)
        brief_sentences = introduce(
            tuple(b for part in parts for b in part),
            [s.group.representative for s, part in zip(selected, parts) for _ in part],
            docs,
        )
    mode, fusion_stats = Mode.extractive, {}
    notices = [f"{printable(i)} set aside: not an article ({why})" for i, why in analysis.non_articles]
    if options.mode is not Mode.extractive:
        template = load_template(options.prompt)  # a broken template is an error in any mode
        with _timed("load model", timings, progress):
            generator, why_not = _generator(options, generator)
        if generator is None:
            notices.append(f"{why_not} Showing the extractive brief.")
        else:
            before = len(notices)
            with _timed("generate", timings, progress):
                fusion = _fuse_or_fall_back(scored, vectors, dedup.groups, options, generator, template, notices)
            fusion_stats = fusion.stats
            if fusion.sentences:
                mode, brief_sentences = Mode.abstractive, fusion.sentences
            elif len(notices) == before:  # no notice of why from the fall-back
                notices.append(
                    f"nothing {generator.name} wrote is supported by the articles; "
                    "showing the extractive brief instead."
                )
    brief_sentences = dated(brief_sentences, docs)
    stats: dict[str, object] = {
        "documents": len(docs),
        "sentences": sum(len(s) for s in analysis.sentences),
        "sentence_groups": len(dedup.groups),
        "removed": dict(sorted(_removed(docs).items())),
        "duplicate_documents": [list(ids) for ids in dedup.duplicate_documents],
        "reversed_documents": list(dedup.reversed_documents),
        "spun_documents": list(dedup.spun_documents),
        "non_english_documents": list(analysis.foreign),
        "non_articles": [{"path": i, "reason": why} for i, why in analysis.non_articles],
        "timings_s": {k: round(v, 4) for k, v in timings.items()},
    }
    if fusion_stats:
        stats["abstractive"] = fusion_stats
    if not brief_sentences:
        stats["nothing_fits"] = why_nothing_fits([s.text for doc in analysis.sentences for s in doc], options)
    return Brief(
        mode=mode.value,
        length=options.length.value if options.words is None else f"{options.words} words",
        word_range=options.word_range(),
        sentences=brief_sentences,
        sources=tuple(Source(d.id, printable(str(d.path)), d.title, d.text) for d in docs),
        stats=stats,
        requested_mode=options.mode.value,
        notices=tuple(notices),
    )


def _generator(options: Options, given: Generator | None) -> tuple[Generator | None, str]:
    """The model to use, or (None, why) in auto mode; in abstractive mode failure is an error."""
    if given is not None:
        return given, ""
    download = options.mode is Mode.abstractive  # auto mode uses a model only if it is on disk
    key = (options.model, options.device.value, download)
    if options.api_base:  # a model server (server.py) instead of an in-process model
        key = (options.model, options.api_base, download)
    try:
        if key in _UNAVAILABLE:  # a nightly run asks once per story: fail fast after the first
            raise _UNAVAILABLE[key]
        if options.api_base:
            from ..models.server import connect

            return connect(options), ""
        return load_model(options.model, options.device.value, download), ""
    except ModelError as err:
        _UNAVAILABLE[key] = err
        if options.mode is Mode.abstractive:
            raise
        return None, f"abstractive mode unavailable: {err}"


def model_unavailable(options: Options) -> str | None:
    """Why the model of `options` cannot be used, checked without loading it; None when it can
    or when no model is needed. Runs of many stories ask once, before the first."""
    if options.mode is Mode.extractive:
        return None
    if options.api_base:
        from ..models.server import availability as served

        return served(options)
    from ..models.checkpoint import _how_to_fix, availability

    reason = availability(options.model, download=options.mode is Mode.abstractive)
    return None if reason is None else _how_to_fix(options.model, reason)


def _fuse_or_fall_back(
    scored,
    vectors,
    groups,
    options: Options,
    generator: Generator,
    template,  # type: ignore[no-untyped-def]
    notices: list[str],
) -> Fusion:
    """`fuse`, or in auto mode an empty fusion and a notice when the model fails mid-run (a model
    server that stopped or timed out): the story still gets its extractive brief."""
    try:
        return fuse(scored, vectors, groups, options, generator, template)
    except ModelError as err:
        if options.mode is Mode.abstractive:
            raise
        notices.append(f"abstractive mode failed: {err}. Showing the extractive brief.")
        return Fusion(())


# Models that failed to load in this process, with why: loading is not retried for each story.
_UNAVAILABLE: dict[tuple[str, str, bool], ModelError] = {}


def _removed(docs: Sequence[Document]) -> Counter[str]:
    total: Counter[str] = Counter()
    for doc in docs:
        total.update(dict(doc.removed))
    return total


@contextmanager
def _timed(stage: str, timings: dict[str, float], progress: Progress | None) -> Iterator[None]:
    if progress is not None:
        progress(stage)
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start
