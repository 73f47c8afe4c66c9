"""Issue 28: a long text costs what its length costs, and a brief starts without importing what it
does not use. Speed itself is shown by eval/bench_linear.py; these tests hold the behaviour the
faster code must keep."""

import os
import subprocess
import sys
from dataclasses import replace

from summarize.editing.subjectivity import judging_words
from summarize.pipeline.clean import clean_documents
from summarize.pipeline.segment import segment, sentence_spans
from summarize.text.nonarticle import judge
from summarize.types import RawDocument

from .conftest import SEEDS


def _raw(text: str, doc_id: str = "long") -> RawDocument:
    return RawDocument(doc_id, SEEDS / f"{doc_id}.txt", text, "utf-8")


# One paragraph, as a live blog or a scrape without paragraph breaks prints it: a dateline, a
# sentence that cleaning removes (a link), a quotation that runs over two sentences.
LONG_PARAGRAPH = " ".join(
    [
        "BEIJING (AP) — The two governments agreed on Monday to resume talks on trade and climate.",
        "“We are ready to work together,” the minister told reporters in the capital.",
        "Read the full statement at https://example.com/statement today.",
        "“It will take time. But the direction is right,” she said after the meeting.",
        "Officials from both sides met for nearly six hours, according to a statement.",
        "The U.S. delegation was led by Sen. Roy Blunt, who said the talks were useful.",
    ]
    * 40
)


def test_cleaning_splits_sentences_as_segmentation_would():
    """Cleaning hands its sentence spans on (Punkt ran once); they are the spans segmentation finds
    by itself, also in a paragraph that lost a sentence to cleaning and was split again."""
    raws = [_raw(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    docs = clean_documents([*raws, _raw(LONG_PARAGRAPH)])
    long = docs[-1]
    assert "https://" not in long.text and long.sentence_spans is not None
    for doc in docs:
        assert segment(doc) == segment(replace(doc, sentence_spans=None)), doc.id
    assert all(long.text[a:b] == s.text for (a, b), s in zip(long.sentence_spans, segment(long)))


def test_a_paragraph_that_lost_sentences_is_split_as_a_fresh_split_would():
    """Only the stretches around a removed sentence or a cut dateline are split again: where a
    removed link sat between a quotation and its attribution, or before "No. 1", the sentence ends
    on either side are those Punkt finds in the cleaned paragraph read whole."""
    pieces = [
        "“We will not stop.",
        "Read the full statement at https://example.com/statement today.",
        "It is only the start,” she said.",
        "The song reached No.",
        "Read more at https://example.com/chart now.",
        "1 on the chart, the U.S. label said.",
        "WASHINGTON (AP) — Officials met for six hours.",
        "They agreed to meet again in May.",
        "Read the report at https://example.com/report here.",
    ]
    for n in (1, 3, 20):
        paragraph = " ".join(pieces * n)
        long = clean_documents([_raw(paragraph)])[0]
        assert "https://" not in long.text and "(AP)" not in long.text
        assert long.sentence_spans is not None
        assert list(long.sentence_spans) == sentence_spans(long.text)


def test_a_long_article_is_judged_an_article_from_its_first_prose():
    """The non-article check stops reading once the page has prose enough in its own voice: a
    cookie notice deep in a long article neither makes it a consent page nor costs a full read."""
    text = LONG_PARAGRAPH + " We use cookies to improve your experience; accept all cookies. " + LONG_PARAGRAPH
    verdict = judge(text)
    assert verdict.is_article
    assert verdict.prose_words < len(text.split()) / 10
    consent = "We use cookies to improve your experience. Accept all cookies or manage your preferences. " * 3
    assert judge(consent).reason == "cookie or consent page"


def test_judging_words_inside_hyphens_and_before_apostrophes_are_found():
    """Sentences are tagged only when they hold a judging word: the check must see the lexicon's
    hyphenated entries and a word before "'s", as the tagger does."""
    assert judging_words("The over-the-top plan was announced on Monday.") == ("over-the-top",)
    assert judging_words("It was an absurd's idea from the start.") == ("absurd",)
    assert judging_words("The new plan was announced on Monday, officials said.") == ()


def test_a_brief_does_not_import_whole_packages_for_one_list():
    """TextBlob's lexicon and nameparser's titles come without the packages' __init__ (which
    import all of NLTK and scipy.stats, and build a name parser); the CLI reads no metadata."""
    code = (
        "import sys, summarize.cli\n"
        "assert 'importlib.metadata' not in sys.modules\n"
        "from summarize.editing.subjectivity import judging_words\n"
        "from summarize.text.people import _titles\n"
        "assert judging_words('The plan is absurd.') == ('absurd',) and 'sen' in _titles()\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('nltk', 'sklearn', 'textblob', 'nameparser')\n"
        "         or m.startswith('scipy.stats')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_plain_brief_imports_neither_scipy_optimize_nor_scipy_sparse():
    """The seeds' extractive brief solves its programme through highspy, joins copies by a
    union-find and keeps its sparse rows in `text/sparse.py`: scipy.optimize and
    scipy.sparse.csgraph (with scipy.linalg, fft and special behind them) were a third of its
    start-up, and scipy.sparse itself (numpy.f2py, testing, polynomial and random behind it)
    another tenth (issue 28)."""
    code = (
        f"import sys\nfrom summarize import Options, summarize_folder\nfrom summarize.options import Mode\n"
        f"brief = summarize_folder({str(SEEDS)!r}, Options(mode=Mode.extractive))\n"
        "assert brief.sentences and 'highspy' in sys.modules\n"
        "heavy = [m for m in sys.modules if m.startswith(('scipy.optimize', 'scipy.sparse', 'scipy.linalg'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _help(*args: str, preload: str = "") -> subprocess.CompletedProcess:
    code = f"import sys{preload}\nsys.argv = ['summarize', *sys.argv[1:]]\nfrom summarize.cli import main\nmain()\n"
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)


def test_help_starts_without_markdown_and_reads_as_before():
    """`summarize --help` loads typer's renderer without markdown-it and pygments, which this CLI
    never uses; the help is the one the fully loaded renderer prints, and rich's real modules are
    there for anyone who imports them afterwards."""
    for args in (["--help"], ["brief", "--help"], []):
        light, full = _help(*args), _help(*args, preload=", typer.rich_utils")
        assert light.stdout == full.stdout and light.returncode == full.returncode, args
        assert "Usage" in light.stdout and "Traceback" not in light.stderr
    check = _help("--help", preload=", atexit\natexit.register(lambda: print('markdown_it' in sys.modules))")
    assert check.stdout.rstrip().endswith("False")
    code = (
        "import sys\nfrom summarize.cli.app import _help_renderer\n_help_renderer()\n"
        "import rich.markdown, rich.traceback\n"
        "assert rich.markdown.Markdown('*x*').markup == '*x*' and 'markdown_it' in sys.modules\n"
        "from typer import rich_utils\n"
        "assert rich_utils.Markdown('*x*').markup == '*x*'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_giant_paragraph_goes_to_punkt_in_pieces_with_the_same_sentences(monkeypatch):
    # NLTK's 5 s guard on Punkt's expressions runs over all the text it is given: a scraped page of
    # several MB with no line break is handed over in pieces, cut where a sentence plainly ends, and
    # the sentences are those of one whole pass ("Mr. Smith" and "U.S. Army" are no ends).
    from summarize.pipeline import segment

    sentences = [
        "The council said on Tuesday that the new plan for water would cost more than expected.",
        "Mr. Smith, who leads the U.S. Army corps there, asked about it.",
        "“We will not wait,” the mayor said.",
        "Residents met at 7 p.m. Wednesday in the old hall.",
    ]
    paragraph = " ".join(sentences[i % 4] for i in range(60))
    whole = segment.sentence_spans(paragraph)
    monkeypatch.setattr(segment, "PUNKT_PIECE", 400)
    monkeypatch.setattr(segment, "_CUT_WINDOW", 200)
    punkt = segment._tokenizer()
    given: list[int] = []

    class Counting:
        def span_tokenize(self, text: str):  # type: ignore[no-untyped-def]
            given.append(len(text))
            return punkt.span_tokenize(text)

    monkeypatch.setattr(segment, "_tokenizer", Counting)
    assert segment.sentence_spans(paragraph) == whole
    assert len(given) > len(paragraph) // 400 and max(given) <= 400  # handed over in pieces
    assert [paragraph[a:b] for a, b in whole][:4] == sentences
