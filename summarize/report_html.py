"""One self-contained HTML page comparing two briefs: no CDN, no network, all text escaped.

Clicking (or focusing, or hovering) a brief sentence highlights the source sentences it rests
on, listed with their file IDs. `#sel=ext-0` in the address selects a sentence on load.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .compare import BriefMetrics
from .types import Brief, Document, Span

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:.2rem 0}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
.brief{border:1px solid #ccc;border-radius:8px;padding:.8rem}
.s{cursor:pointer;border-radius:3px}.s:hover,.s:focus,.s.on{background:#ffe58f;outline:none}
.s.unsupported{text-decoration:underline wavy #c00}
sup{color:#555;font-size:.75em}
.src{display:block;padding:.2rem .4rem;margin:.15rem 0;border-left:3px solid transparent}
.src.hl{background:#fff3c4;border-left-color:#d48806}
.doc{margin:.6rem 0}.doc h3{font-size:.95rem;margin:.4rem 0;font-family:monospace}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left}
.bar{height:.7rem;border-radius:2px;display:inline-block}.b0{background:#1677ff}.b1{background:#fa8c16}
.note{color:#8c4a00}
"""

SCRIPT = """
(function(){
  function select(el){
    document.querySelectorAll('.s.on').forEach(function(x){x.classList.remove('on')});
    document.querySelectorAll('.src.hl').forEach(function(x){x.classList.remove('hl')});
    if(!el){return}
    el.classList.add('on');
    var first=null;
    (el.getAttribute('data-src')||'').split(' ').forEach(function(id){
      var s=document.getElementById(id); if(s){s.classList.add('hl'); first=first||s;}
    });
    return first;
  }
  document.querySelectorAll('.s').forEach(function(el){
    el.addEventListener('mouseenter',function(){select(el)});
    el.addEventListener('focus',function(){select(el)});
    el.addEventListener('click',function(){var f=select(el); if(f){f.scrollIntoView({block:'nearest'})}});
  });
  var m=location.hash.match(/sel=([\\w-]+)/);
  if(m){select(document.getElementById(m[1]))}
})();
"""

ROWS = [
    ("words", "Words", "{:d}"), ("sentences", "Sentences", "{:d}"),
    ("novel_unigrams", "Novel unigrams", "{:.0%}"), ("novel_bigrams", "Novel bigrams", "{:.0%}"),
    ("novel_sentences", "Novel sentences", "{:.0%}"), ("supported", "Sentences supported", "{:.0%}"),
    ("mean_support", "Mean support", "{:.2f}"), ("dropped_unsupported", "Dropped as unsupported", "{:d}"),
    ("marked_unsupported", "Marked unsupported", "{:d}"), ("outlets_cited", "Outlets cited", "{:d}"),
    ("redundancy", "Redundancy (max overlap)", "{:.2f}"),
]
CHART = ["novel_unigrams", "novel_bigrams", "supported", "mean_support", "redundancy"]


def render_report(
    title: str,
    docs: Sequence[Document],
    briefs: Sequence[tuple[str, Brief | None, BriefMetrics | None, str]],
) -> str:
    """`briefs`: (label, brief or None, its metrics, a note such as why it is missing)."""
    index: dict[Span, str] = {}
    for _, brief, _, _ in briefs:
        for s in brief.sentences if brief else ():
            for span in s.spans:
                index.setdefault(span, f"src-{len(index)}")
    columns = "".join(_brief_column(i, label, brief, note, index) for i, (label, brief, _, note) in enumerate(briefs))
    metrics = [(label, m) for label, _, m, _ in briefs if m is not None]
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{len(docs)} articles. Hover or click a sentence to see the "
        "source sentences it rests on.</p>"
        f"<div class=\"cols\">{columns}</div>"
        f"<h2>Metrics</h2>{_metrics_table(metrics)}{_chart(metrics)}"
        f"<h2>Sources</h2>{_sources(docs, index)}"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def _brief_column(i: int, label: str, brief: Brief | None, note: str, index: dict[Span, str]) -> str:
    prefix = ("ext", "abs")[i] if i < 2 else f"b{i}"
    head = f"<section class=\"brief\"><h2>{escape(label)}</h2>"
    if note:
        head += f"<p class=\"note\">{escape(note)}</p>"
    if brief is None:
        return head + "</section>"
    parts = []
    for n, s in enumerate(brief.sentences):
        ids = " ".join(index[span] for span in s.spans)
        css = "s" if s.supported else "s unsupported"
        cites = ", ".join(escape(c) for c in s.citations)
        parts.append(
            f"<span class=\"{css}\" id=\"{prefix}-{n}\" tabindex=\"0\" data-src=\"{ids}\">{escape(s.text)}</span>"
            f"<sup>[{cites}]</sup>"
        )
    return head + "<p>" + " ".join(parts) + "</p></section>"


def _metrics_table(metrics: Sequence[tuple[str, BriefMetrics]]) -> str:
    head = "<tr><th>metric</th>" + "".join(f"<th>{escape(label)}</th>" for label, _ in metrics) + "</tr>"
    rows = []
    for key, name, fmt in ROWS:
        rows.append(f"<tr><td>{name}</td>" + "".join(f"<td>{fmt.format(getattr(m, key))}</td>" for _, m in metrics) + "</tr>")
    labels = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
    for key in sorted({k for _, m in metrics for k in m.rouge}):
        rows.append(f"<tr><td>{labels.get(key, escape(key))}</td>" + "".join(f"<td>{m.rouge.get(key, 0):.1f}</td>" for _, m in metrics) + "</tr>")
    rows.append("<tr><td>Never cited</td>" + "".join(f"<td>{escape(', '.join(m.never_cited) or '—')}</td>" for _, m in metrics) + "</tr>")
    rows.append("<tr><td>Loaded words (own voice)</td>" + "".join(f"<td>{escape(', '.join(m.loaded_words) or 'none')}</td>" for _, m in metrics) + "</tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _chart(metrics: Sequence[tuple[str, BriefMetrics]]) -> str:
    rows = []
    for key in CHART:
        bars = "".join(
            f"<div><span class=\"bar b{i}\" style=\"width:{max(1, round(getattr(m, key) * 300))}px\"></span> "
            f"{escape(label)} {getattr(m, key):.2f}</div>"
            for i, (label, m) in enumerate(metrics)
        )
        rows.append(f"<div class=\"doc\"><strong>{key.replace('_', ' ')}</strong>{bars}</div>")
    return "<div class=\"chart\">" + "".join(rows) + "</div>"


def _sources(docs: Sequence[Document], index: dict[Span, str]) -> str:
    by_doc: dict[str, list[Span]] = {}
    for span in sorted(index, key=lambda s: (s.doc_id, s.start)):
        by_doc.setdefault(span.doc_id, []).append(span)
    parts = []
    for doc in docs:
        spans = by_doc.get(doc.id, [])
        items = "".join(
            f"<span class=\"src\" id=\"{index[s]}\">{escape(doc.text[s.start:s.end])}</span>" for s in spans
        ) or "<span class=\"note\">not cited</span>"
        parts.append(f"<div class=\"doc\"><h3>{escape(doc.id)}</h3>{items}</div>")
    return "".join(parts)
