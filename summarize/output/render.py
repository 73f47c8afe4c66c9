"""Write a brief as plain text, Markdown or JSON (the JSON is a stable contract: docs/json.md)."""

from __future__ import annotations

import textwrap

from ..options import Format
from ..text.safety import md_escape
from ..types import Brief, BriefSentence


def render(brief: Brief, fmt: Format, width: int | None = None) -> str:
    """A brief as the command line prints it.

    Args:
        brief: what `summarize_folder` and its siblings return.
        fmt: text (numbered citations and a source list), Markdown, or the JSON contract.
        width: wrap text at this many columns (a terminal's); None writes one paragraph per line.

    Returns:
        The brief in `fmt`, ending in a newline.
    """
    if fmt is Format.text:
        return to_text(brief, width)
    return {Format.markdown: to_markdown, Format.json: to_json}[fmt](brief)


def _numbers(brief: Brief) -> dict[str, int]:
    """Sources numbered 1.. in order of first citation; uncited sources follow."""
    order: list[str] = []
    for sentence in brief.sentences:
        order.extend(c for c in sentence.citations if c not in order)
    order.extend(s.id for s in brief.sources if s.id not in order)
    return {doc_id: i + 1 for i, doc_id in enumerate(order)}


def _markers(sentence: BriefSentence, numbers: dict[str, int]) -> str:
    marks = "".join(f"[{n}]" for n in sorted(numbers[c] for c in sentence.shown_citations))
    hidden = len(sentence.citations) - len(sentence.shown_citations)
    marks += f"[+{hidden} more]" if hidden > 0 else ""
    return marks if sentence.supported else f"{marks}[unsupported]"


def to_text(brief: Brief, width: int | None = None) -> str:
    """One paragraph, then the cited sources; hard-wrapped only at a given `width`, so pipes and
    files get one line that editors and other tools wrap themselves."""
    numbers = _numbers(brief)
    body = " ".join(f"{s.text} {_markers(s, numbers)}" for s in brief.sentences)
    lines = textwrap.wrap(body, width=width, break_long_words=False, break_on_hyphens=False) if width else [body]
    lines += ["", "Sources:"]
    cited = {c for s in brief.sentences for c in s.citations}
    for source in sorted(brief.sources, key=lambda s: numbers[s.id]):
        if source.id in cited:
            lines.append(f"  [{numbers[source.id]}] {source.id}  ({source.path})")
    return "\n".join(lines) + "\n"


def to_markdown(brief: Brief) -> str:
    numbers = _numbers(brief)
    body = " ".join(f"{md_escape(s.text)} {_markers(s, numbers)}" for s in brief.sentences)
    cited = {c for s in brief.sentences for c in s.citations}
    lines = [body, "", "**Sources**", ""]
    for source in sorted(brief.sources, key=lambda s: numbers[s.id]):
        if source.id in cited:
            title = f" — {md_escape(source.title)}" if source.title else ""
            lines.append(f"{numbers[source.id]}. `{source.id.replace('`', chr(39))}`{title}")
    return "\n".join(lines) + "\n"


def to_dict(brief: Brief) -> dict:
    return brief.to_dict()


def to_json(brief: Brief) -> str:
    return brief.to_json()
