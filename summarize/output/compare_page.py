"""One self-contained HTML page comparing the briefs of one story (templates/compare.html).

No CDN, no network, every piece of article text escaped by the template. The briefs sit beside a
sticky list of numbered sources; clicking (or focusing, or hovering) a brief sentence highlights
the source sentences it rests on and scrolls them into view. `#sel=ext-0` in the address selects
a sentence on load. A mode that did not run is one line above the briefs, not an empty column.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..jobs.metrics import BriefMetrics
from ..types import Brief, Document
from .pages import brief_view, headline, number_sources, render, short_note
from .render import to_dict

# (field, label, format) of BriefMetrics: shares in whole percent, counts as integers (also the
# terminal table's rows, report.compare_table).
ROWS = [
    ("words", "Words", "{:d}"),
    ("sentences", "Sentences", "{:d}"),
    ("novel_unigrams", "Novel unigrams", "{:.0%}"),
    ("novel_bigrams", "Novel bigrams", "{:.0%}"),
    ("novel_sentences", "Novel sentences", "{:.0%}"),
    ("supported", "Sentences supported", "{:.0%}"),
    ("mean_support", "Mean support", "{:.0%}"),
    ("dropped_unsupported", "Dropped as unsupported", "{:d}"),
    ("marked_unsupported", "Marked unsupported", "{:d}"),
    ("outlets_cited", "Outlets cited", "{:d}"),
    ("redundancy", "Redundancy (max overlap)", "{:.0%}"),
]
CHART = [
    ("novel_unigrams", "novel unigrams"),
    ("novel_bigrams", "novel bigrams"),
    ("novel_sentences", "novel sentences"),
    ("supported", "supported"),
    ("mean_support", "mean support"),
    ("redundancy", "redundancy"),
]
ROUGE = {"rouge1": "ROUGE-1 F1 (×100)", "rouge2": "ROUGE-2 F1 (×100)", "rougeLsum": "ROUGE-Lsum F1 (×100)"}
PREFIXES = {"extractive": "ext", "abstractive": "abs"}

Column = tuple[str, "Brief | None", "BriefMetrics | None", str]


def render_report(subtitle: str, docs: Sequence[Document], briefs: Sequence[Column]) -> str:
    """`briefs`: (label, brief or None, its metrics, a note such as why it is missing).

    The page title is the story's headline (from the article titles); `subtitle` says what ran.
    """
    shown = [(label, to_dict(brief), m) for label, brief, m, _ in briefs if brief is not None and m is not None]
    numbers = number_sources([data for _, data, _ in shown], [d.id for d in docs])
    spans: dict[tuple[str, str], str] = {}  # (doc id, sentence text) -> element id: listed once
    columns = [_column(i, label, data, numbers, docs, spans) for i, (label, data, _) in enumerate(shown)]
    titles = [d.title or "" for d in sorted(docs, key=lambda d: numbers[d.id])]
    body = " ".join(s["text"] for c in columns for s in c["sentences"])
    return render(
        "compare.html",
        title=headline(titles, body) if body or any(titles) else subtitle,
        subtitle=subtitle,
        columns=columns,
        notes=[
            {"label": label, "short": short_note(note), "full": note}
            for label, brief, m, note in briefs
            if brief is None or m is None
        ],
        docs=_sources(docs, numbers, spans),
        metrics=_metric_rows([m for _, _, m in shown], numbers),
        chart=_chart([(label, m) for label, _, m in shown]),
    )


def _column(
    i: int, label: str, data: dict, numbers: dict[str, int], docs: Sequence[Document], spans: dict[tuple[str, str], str]
) -> dict:
    view = brief_view(data, numbers, PREFIXES.get(label, f"b{i}"))
    texts = {d.id: d.text for d in docs}
    for sentence, raw in zip(view["sentences"], data["sentences"]):
        ids = []
        for span in raw["spans"]:
            text = " ".join(texts.get(span["doc_id"], "")[span["start"] : span["end"]].split())
            key = spans.setdefault((span["doc_id"], text), f"src-{len(spans)}")
            if text and key not in ids:
                ids.append(key)
        sentence["src"] = ids
        sentence["ids"] = [doc_id for _, doc_id in sorted((numbers[c], c) for c in raw["citations"])]
    meta = view["model"] or ""
    return {
        "label": label,
        "sentences": view["sentences"],
        "meta": f"{meta + ' · ' if meta else ''}{view['words']} words",
    }


def _sources(docs: Sequence[Document], numbers: dict[str, int], spans: dict[tuple[str, str], str]) -> list[dict]:
    listed = []
    for doc in sorted(docs, key=lambda d: numbers[d.id]):
        mine = [(doc.text.find(text), key, text) for (doc_id, text), key in spans.items() if doc_id == doc.id and text]
        listed.append(
            {
                "n": numbers[doc.id],
                "id": doc.id,
                "title": doc.title or "",
                "file": os.path.basename(str(doc.path)) or doc.id,
                "spans": [{"id": key, "text": text} for _, key, text in sorted(mine)],
            }
        )
    return listed


def _metric_rows(metrics: Sequence[BriefMetrics], numbers: dict[str, int]) -> list[dict]:
    rows = [
        {"name": name, "values": [fmt.format(getattr(m, key)) for m in metrics], "list": False}
        for key, name, fmt in ROWS
        if key != "outlets_cited"
    ]
    rows.insert(
        9,
        {
            "name": "Outlets cited",
            "list": False,
            "values": [f"{m.outlets_cited} of {m.outlets_total}" for m in metrics],
        },
    )
    for key in sorted({k for m in metrics for k in m.rouge}):
        rows.append(
            {
                "name": ROUGE.get(key, key),
                "list": False,
                "values": [f"{m.rouge[key]:.1f}" if key in m.rouge else "—" for m in metrics],
            }
        )
    rows.append(
        {"name": "Seconds (all stages)", "list": False, "values": [f"{sum(m.seconds.values()):.2f}" for m in metrics]}
    )
    rows.append(
        {
            "name": "Never cited",
            "list": True,
            "values": [
                " ".join(f"[{numbers[d]}]" for d in sorted(m.never_cited, key=numbers.__getitem__)) or "none"
                for m in metrics
            ],
        }
    )
    rows.append(
        {
            "name": "Loaded words (own voice)",
            "list": True,
            "values": [", ".join(m.loaded_words) or "none" for m in metrics],
        }
    )
    return rows


def _chart(series: Sequence[tuple[str, BriefMetrics]], scale: int = 260, left: int = 120, bar: int = 12) -> dict:
    """Geometry of a horizontal bar chart of the shares (0-100 %), one bar per brief per metric."""
    per_row = bar * max(1, len(series)) + 10
    rows = []
    for r, (key, label) in enumerate(CHART):
        top = r * per_row
        bars = [
            {
                "colour": i % 2,
                "series": name,
                "y": top + i * bar,
                "width": round(getattr(m, key) * scale, 1),
                "text": f"{getattr(m, key):.0%}",
            }
            for i, (name, m) in enumerate(series)
        ]
        rows.append({"label": label, "label_y": top + len(series) * bar / 2 + 4, "bars": bars})
    bottom = len(CHART) * per_row
    ticks = [{"x": left + scale * p / 100, "label": f"{p}%"} for p in (0, 50, 100)]
    return {
        "rows": rows,
        "ticks": ticks,
        "left": left,
        "bar": bar,
        "plot_bottom": bottom,
        "width": left + scale + 40,
        "height": bottom + 20,
    }
