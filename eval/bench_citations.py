"""Do citations keep their promise? Over every story of an evaluation folder, at each length:

- broken: citations whose span lacks a figure, a date (month, weekday, year) or the named speaker
  of the sentence citing it (the measure of issue 25; notes on disagreeing figures are not counted,
  they cite the other figure by design);
- disagreements: a brief sentence's figure that another article's sentence telling the same fact
  gives otherwise ("killed 12 people" / "killed 15 people"), and how many of those the brief shows
  (a note after the sentence giving the other figure);
- more: sentences whose citations are cut to three and "+N more";
- repeats: pairs of brief sentences that say the same thing: MiniLM cosine from 0.7 (when the
  verified model is installed) or half their content words shared;
- opinion: sentences with a judging word (TextBlob's lexicon) in their own, unattributed voice.

    python eval/bench_citations.py ../shared/evaldata/multinews-dev [--out results.json]

Checked with plain patterns here, independently of the pipeline's own `editing/facts.py`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarize.editing.facts import figure_context, figures  # noqa: E402
from summarize.editing.subjectivity import judging_words  # noqa: E402
from summarize.options import Length, Options  # noqa: E402
from summarize.pipeline.ingest import read_folder  # noqa: E402
from summarize.pipeline.run import analyse, write_brief  # noqa: E402
from summarize.pipeline.segment import split_text  # noqa: E402
from summarize.text.quality import attributed  # noqa: E402
from summarize.text.voice import speaker_named  # noqa: E402
from summarize.text.words import content_terms  # noqa: E402

_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_DATE = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|May(?= \d)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
SAME_FACT = 0.6  # share of a sentence's content words another sentence must hold to tell the same fact


def lacks(sentence: str, attribution: str | None, span: str) -> list[str]:
    """What of the sentence's figures, dates and speaker the span does not state."""
    nums = {f.replace(",", "").rstrip(".") for f in _FIGURE.findall(span)}
    lost = [f for f in _FIGURE.findall(sentence) if f.replace(",", "").rstrip(".") not in nums]
    lost += [d for d in _DATE.findall(sentence) if d[:3].lower() not in {x[:3].lower() for x in _DATE.findall(span)}]
    speaker = attribution.split(" ")[0] if attribution else speaker_named(sentence)
    if speaker and not any(_letters(speaker.split()[-1]) in _letters(t) for t in (span, attribution or "")):
        lost.append(speaker)
    return lost


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def disagreements(text: str, sources: list[str]) -> set[str]:
    """Figures other sentences give where `text` gives another for the same count: sentences holding
    SAME_FACT of each other's content words, with a figure whose neighbouring words match."""
    mine = figures(text)
    if not mine:
        return set()
    values = {v for v, _, _ in mine}
    terms = set(content_terms(text))
    found = set()
    for other in sources:
        theirs = set(content_terms(other))
        shared = len(terms & theirs)
        if other == text or shared < SAME_FACT * len(terms) or shared < SAME_FACT * len(theirs):
            continue
        for value, start, end in figures(other):
            near = figure_context(other, start, end)
            if value not in values and any(near & figure_context(text, a, b) for _, a, b in mine):
                found.add(value)
    return found


def repeats(texts: list[str]) -> int:
    """Pairs of sentences that say the same thing (see the module's docstring)."""
    from summarize.models.embeddings import embedder

    model = embedder() if len(texts) > 1 else None
    vectors = model.encode(texts) if model is not None else None
    terms = [set(content_terms(t)) for t in texts]
    count = 0
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            shared = len(terms[a] & terms[b])
            close = vectors is not None and float(vectors[a] @ vectors[b]) >= 0.7
            count += close or shared >= 0.5 * max(1, min(len(terms[a]), len(terms[b])))
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    totals = {
        length.value: {
            "citations": 0,
            "broken": 0,
            "disagreements": 0,
            "shown": 0,
            "more": 0,
            "sentences": 0,
            "repeats": 0,
            "opinion": 0,
        }
        for length in Length
    }
    examples: list[dict] = []
    unshown: list[dict] = []
    for story in sorted(p for p in args.data.iterdir() if (p / "docs").is_dir()):
        analysis = analyse(read_folder(story / "docs", 10_000_000, False))
        sources = [s for d in analysis.docs for s in split_text(d.text)]
        for length in Length:
            brief = write_brief(analysis, Options(length=length))
            texts = {s.id: s.text for s in brief.sources}
            row = totals[length.value]
            said = [s.text for s in brief.sentences if getattr(s, "disagreement", None) is None]
            row["sentences"] += len(said)
            row["repeats"] += repeats(said)
            row["opinion"] += sum(bool(judging_words(t)) and not attributed(t) for t in said)
            for i, s in enumerate(brief.sentences):
                row["more"] += len(s.citations) > len(getattr(s, "shown_citations", s.citations))
                if getattr(s, "disagreement", None) is not None:
                    continue
                for span in s.spans:
                    row["citations"] += 1
                    lost = lacks(s.text, s.attribution, texts[span.doc_id][span.start : span.end])
                    if lost:
                        row["broken"] += 1
                        examples.append(
                            {"story": story.name, "length": length.value, "sentence": s.text, "lacks": lost}
                        )
                others = disagreements(s.text, sources)
                noted = set()
                for note in brief.sentences[i + 1 :]:
                    if getattr(note, "disagreement", None) is None:
                        break
                    noted.add(note.disagreement[1])
                row["disagreements"] += len(others)
                row["shown"] += len(others & noted)
                if others - noted:
                    unshown.append(
                        {
                            "story": story.name,
                            "length": length.value,
                            "sentence": s.text,
                            "other": sorted(others - noted),
                        }
                    )
    print(json.dumps(totals, indent=2))
    for e in examples[:20] + unshown[:20]:
        print(e)
    if args.out:
        args.out.write_text(json.dumps({"totals": totals, "broken": examples, "unshown": unshown}, indent=2))


if __name__ == "__main__":
    main()
