"""The command line as people expect it (issue 13): input from anywhere, one-line errors with
documented exit codes, output that follows -o, defaults from the environment, checkable spans."""

import functools
import http.server
import json
import re
import sys
import threading
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

from .conftest import ROOT, SEEDS, seed_text, write_articles

runner = CliRunner()
EXTRACTIVE = ["--mode", "extractive"]


def invoke(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def html_page(text: str, title: str = "Talks in Beijing") -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return f"<html><head><title>{title}</title></head><body><nav>Home</nav><article>{body}</article></body></html>"


@pytest.fixture
def served(tmp_path):
    """A folder served by http.server on 127.0.0.1 (never the internet): yields (folder, base URL)."""
    folder = tmp_path / "site"
    folder.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# --- HTML after the main install -------------------------------------------------------------


def test_html_needs_only_the_main_dependencies():
    """jusText (under trafilatura) imports lxml.html.clean, a separate package since lxml 5.2: the
    main install must bring it, not only the test extra (sumy pulls it there)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {re.split(r"[<>=!~;\[ ]", d)[0].lower().replace("-", "_") for d in project["dependencies"]}
    assert "lxml_html_clean" in names or any("lxml[html_clean]" in d for d in project["dependencies"])
    import lxml.html.clean  # noqa: F401  (what jusText needs at import)


def test_the_ci_smoke_run_covers_every_promised_input():
    """.ci/run runs this script in a venv with only the README's main install."""
    sys.path.insert(0, str(ROOT / ".ci"))
    try:
        import smoke_inputs
    finally:
        sys.path.pop(0)
    summarize = Path(sys.executable).parent / "summarize"
    if not summarize.exists():
        pytest.skip("no summarize script beside this Python")
    smoke_inputs.main(str(summarize))
    run_script = (ROOT / ".ci" / "run").read_text()
    assert "smoke_inputs.py" in run_script and "pytest" in run_script.splitlines()[-1]


# --- input from anywhere ---------------------------------------------------------------------


def test_standard_input_is_one_article():
    result = invoke("-", *EXTRACTIVE, "-f", "json", input=seed_text("000") + "\n\n" + seed_text("002"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sources"]] == ["stdin"] and data["sentences"]


def test_standard_input_may_be_a_json_lines_export():
    lines = "".join(json.dumps({"id": f"r{n}", "text": seed_text(f"00{n}")}) + "\n" for n in range(3))
    result = invoke("-", *EXTRACTIVE, "-f", "json", input=lines)
    assert result.exit_code == 0, result.stderr
    assert {s["id"] for s in json.loads(result.stdout)["sources"]} == {"r0", "r1", "r2"}


def test_a_broken_line_in_json_lines_on_standard_input_is_skipped_and_said_as_for_a_file():
    lines = [json.dumps({"id": f"r{n}", "text": seed_text(f"00{n}")}) for n in range(3)]
    lines[1] = lines[1][:40]  # cut off mid-record, as a truncated export is
    result = invoke("-", *EXTRACTIVE, "-f", "json", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "standard input line 2: not JSON; skipped" in result.stderr
    data = json.loads(result.stdout)
    assert {s["id"] for s in data["sources"]} == {"r0", "r2"}
    assert '{"id"' not in data["brief"] and "\\u201c" not in data["brief"]


def test_empty_standard_input_is_a_one_line_error():
    result = invoke("-", *EXTRACTIVE, input="")
    assert result.exit_code == 2 and result.stderr.startswith("error: standard input: empty")
    assert len(result.stderr.splitlines()) == 1


def test_a_list_of_files_of_mixed_formats(tmp_path):
    write_articles(
        tmp_path, {"a.txt": seed_text("000"), "b.html": html_page(seed_text("002")), "c.md": seed_text("003")}
    )
    result = invoke(tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.md", *EXTRACTIVE, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert {s["id"] for s in json.loads(result.stdout)["sources"]} == {"a", "b", "c"}


def test_a_missing_file_in_the_list_is_exit_2(tmp_path):
    write_articles(tmp_path, {"a.txt": seed_text("000")})
    result = invoke(tmp_path / "a.txt", tmp_path / "gone.txt", *EXTRACTIVE)
    assert result.exit_code == 2 and "gone.txt: no such file or folder" in result.stderr


def test_a_url_is_fetched_and_extracted(served):
    folder, base = served
    (folder / "a.html").write_text(html_page(seed_text("000")), encoding="utf-8")
    (folder / "b.html").write_text(html_page(seed_text("002")), encoding="utf-8")
    result = invoke(f"{base}/a.html", f"{base}/b.html", *EXTRACTIVE, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {s["id"] for s in data["sources"]} == {"a", "b"}
    assert {s["path"] for s in data["sources"]} == {f"{base}/a.html", f"{base}/b.html"}
    assert "Home" not in data["brief"]


def test_a_url_that_answers_404_is_a_one_line_error(served):
    _, base = served
    result = invoke(f"{base}/missing.html", *EXTRACTIVE)
    assert result.exit_code == 2 and "cannot fetch it (HTTP 404)" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# --- errors: one line, documented exit codes ---------------------------------------------------


@pytest.mark.parametrize(
    "args, says",
    [
        (["--length", "bogus"], "'bogus' is not one of"),
        (["--nope"], "No such option: --nope"),
        (["--words", "3"], "--words"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, says):
    result = invoke(SEEDS, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and says in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "╭" not in result.stderr


def test_version_is_a_flag():
    assert invoke("--version").stdout.startswith("summarize ")
    result = invoke("--version", "true")
    assert result.exit_code == 2 and "takes no value" in result.stderr


def test_a_missing_prompt_file_is_bad_input(tmp_path):
    result = invoke(SEEDS, "--mode", "auto", "--prompt", tmp_path / "missing.txt")
    assert result.exit_code == 2 and "cannot read the prompt template" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_output_into_a_folder_says_so(tmp_path):
    named = invoke(SEEDS, *EXTRACTIVE, "-o", f"{tmp_path}/sub/")
    assert named.exit_code == 2 and "names a folder; give a file name" in named.stderr
    existing = invoke(SEEDS, *EXTRACTIVE, "-o", tmp_path)
    assert existing.exit_code == 2 and "is a folder; give a file name" in existing.stderr
    assert ".tmp" not in existing.stderr and list(tmp_path.iterdir()) == []


def test_eval_says_why_abstractive_is_unavailable(tmp_path):
    result = invoke("eval", ROOT / "eval", "--systems", "extractive,abstractive", "--model", tmp_path / "none")
    assert result.exit_code == 2
    assert "system abstractive is not available: model" in result.stderr and "no such folder" in result.stderr


# --- auto mode: no surprise downloads, one notice, -q ------------------------------------------


def test_auto_mode_never_asks_the_hub(monkeypatch):
    from summarize.models import checkpoint as model

    def no_network(*args, **kw):
        raise AssertionError("auto mode asked the hub")

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(model, "_probe_hub", no_network)
    result = invoke(SEEDS, "--model", "example-org/not-downloaded", "-f", "json")
    assert result.exit_code == 0
    assert (
        "not downloaded; `summarize model pull example-org/not-downloaded`" in json.loads(result.stdout)["notices"][0]
    )


def test_model_pull_errors_are_one_line(tmp_path):
    local = invoke("model", "pull", tmp_path)
    assert local.exit_code == 3 and "is a local path" in local.stderr
    offline = invoke("model", "pull", "example-org/not-there")  # HF_HUB_OFFLINE=1 in every test
    assert offline.exit_code == 3 and offline.stderr.startswith("error: cannot download example-org/not-there")
    assert len(offline.stderr.splitlines()) == 1


def test_quiet_silences_the_auto_mode_notice(tmp_path):
    result = invoke(SEEDS, "--model", tmp_path / "none", "-q")
    assert result.exit_code == 0 and result.stderr == ""


def _feed(tmp_path):
    import shutil

    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "blinken")
    shutil.copytree(ROOT / "tests" / "data" / "harbor", feed / "harbor")
    return feed


def test_nightly_auto_mode_says_once_why_briefs_are_extractive(tmp_path):
    result = invoke("nightly", _feed(tmp_path), "--out", tmp_path / "o", "--model", tmp_path / "none")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("notice:") == 1 and "briefs are extractive" in result.stderr
    quiet = invoke("nightly", _feed(tmp_path / "q"), "--out", tmp_path / "q" / "o", "--model", tmp_path / "none", "-q")
    assert "notice" not in quiet.stderr


def test_nightly_abstractive_without_a_model_is_one_error_exit_3(tmp_path):
    result = invoke(
        "nightly", _feed(tmp_path), "--out", tmp_path / "o", "--mode", "abstractive", "--model", tmp_path / "none"
    )
    assert result.exit_code == 3
    assert result.stderr.count("error:") == 1 and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "o").exists()  # nothing half-written


def test_nightly_takes_words(tmp_path):
    result = invoke(
        "nightly", _feed(tmp_path), "--out", tmp_path / "o", *EXTRACTIVE, "--words", "40", "--date", "2026-11-22"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "o" / "2026-11-22" / "blinken" / "brief.json").read_text())
    assert data["length"] == "40 words" and data["words"] <= 40


# --- output ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, check",
    [
        ("brief.md", lambda text: "**Sources**" in text),
        ("brief.json", lambda text: json.loads(text)["version"] == 1),
        ("brief.txt", lambda text: "\nSources:\n" in text),
    ],
)
def test_output_suffix_picks_the_format(tmp_path, name, check):
    result = invoke(SEEDS, *EXTRACTIVE, "-o", tmp_path / name)
    assert result.exit_code == 0
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_an_explicit_format_beats_the_suffix(tmp_path):
    assert invoke(SEEDS, *EXTRACTIVE, "-f", "text", "-o", tmp_path / "b.json").exit_code == 0
    assert (tmp_path / "b.json").read_text().count("Sources:") == 1


def test_text_is_not_hard_wrapped_into_pipes_and_files():
    result = invoke(SEEDS, *EXTRACTIVE)
    body = result.stdout.split("\n\nSources:")[0]
    assert "\n" not in body and len(body) > 200


def test_text_wraps_at_a_given_width():
    from summarize.output.render import to_text
    from tests.test_render import sample

    assert all(len(line) <= 30 for line in to_text(sample(), 30).split("\n\n")[0].splitlines())


# --- defaults from the environment -------------------------------------------------------------


def test_defaults_come_from_summarize_environment_variables(tmp_path):
    env = {"SUMMARIZE_MODE": "extractive", "SUMMARIZE_LENGTH": "medium", "SUMMARIZE_FORMAT": "json"}
    data = json.loads(invoke(SEEDS, env=env).stdout)
    assert data["requested_mode"] == "extractive" and data["length"] == "medium"
    flag_wins = json.loads(invoke(SEEDS, "--length", "short", env=env).stdout)
    assert flag_wins["length"] == "short"
    bad = invoke(SEEDS, env={"SUMMARIZE_MODE": "fast"})
    assert bad.exit_code == 2 and "SUMMARIZE_MODE" in bad.stderr


# --- JSON spans a user can check ---------------------------------------------------------------

QUOTE_MARKS = '“”" '


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Hh]im|[Tt]hem)"


def bracketed(text: str) -> re.Pattern[str]:
    """The source slice a brief sentence may stand for: each bracketed addition matches nothing or
    the pronoun it replaced."""
    parts = re.split(r"\s?\[[^\]]*\]\s?", text)
    return re.compile(rf"\s?(?:{_PRONOUN}\s?)?".join(re.escape(part) for part in parts))


def test_every_span_slices_a_sentence_out_of_the_sources_text(tmp_path):
    write_articles(
        tmp_path,
        {
            "a.txt": seed_text("000"),
            "b.html": html_page(seed_text("002")),
            "c.txt": seed_text("003"),
            "d.txt": seed_text("004"),
        },
    )
    data = json.loads(invoke(tmp_path, *EXTRACTIVE, "--length", "medium", "-f", "json").stdout)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for sentence in data["sentences"]:
        sliced = [texts[p["doc_id"]][p["start"] : p["end"]] for p in sentence["spans"]]
        assert {p["doc_id"] for p in sentence["spans"]} == set(sentence["citations"])
        # Extractive: quoted word for word from a cited source, with who said it when it is
        # someone's own words.
        if "attribution" in sentence:
            sliced = [f"{sentence['attribution']}: “{capitalised(s.strip(QUOTE_MARKS))}”" for s in sliced]
        # A sentence shown without the "But" or "And" that opened it starts with a capital; words
        # in editorial brackets are added (a name for the pronoun they replace, a date, a surname).
        assert any(bracketed(sentence["text"]).fullmatch(capitalised(s)) for s in sliced), sentence["text"]
        assert all(s.strip() and s == s.strip() for s in sliced)


# --- help and docs ----------------------------------------------------------------------------


def test_help_shows_the_forms_people_type():
    top = invoke("--help").stdout
    assert "summarize FOLDER" in top and "summarize FILE... | URL... | -" in top
    brief = " ".join(invoke("brief", "--help").stdout.split())
    assert ".txt/.md articles" not in brief and ".html" in brief and "SUMMARIZE_MODE" in brief


def _usage_block() -> str:
    readme = (ROOT / "docs" / "inputs-and-options.md").read_text(encoding="utf-8")
    start = readme.index("## Usage")
    return readme[start : readme.index("```\n\n", readme.index("```", start) + 3)]


@pytest.mark.parametrize("command", ["brief", "eval", "compare", "nightly", "eval-grouping"])
def test_the_usage_block_of_the_docs_names_every_option(command):
    import typer.main

    group = typer.main.get_command(app)
    options = [o for p in group.commands[command].params for o in p.opts if o.startswith("--") and o != "--help"]
    block = _usage_block()
    lines = block.split(f"summarize {'FOLDER' if command == 'brief' else command} ", 1)[1]
    section = re.split(r"\nsummarize |\n\n", lines, maxsplit=1)[0] + "\n" + block.split("MODEL OPTIONS (", 1)[1]
    missing = [o for o in options if not re.search(re.escape(o) + r"\b", section)]
    assert not missing, f"docs/inputs-and-options.md usage lacks {command} {missing}"


# --- Python API -----------------------------------------------------------------------------


def test_the_library_takes_texts_in_memory_and_gives_json():
    import summarize
    from summarize import Format, Options, render_brief, summarize_texts

    brief = summarize_texts({"bbc": seed_text("000"), "cnn": seed_text("002")}, Options(words=60))
    assert {c for s in brief.sentences for c in s.citations} <= {"bbc", "cnn"}
    assert json.loads(brief.to_json()) == brief.to_dict() and brief.to_dict()["version"] == 1
    assert "**Sources**" in render_brief(brief, Format.markdown)
    listed = summarize_texts([seed_text("000"), seed_text("003")], Options(words=60))
    assert {s.id for s in listed.sources} == {"1", "2"}
    assert summarize.RawDocument and summarize.summarize_inputs


def test_compare_writes_json_and_takes_files_like_brief(tmp_path):
    write_articles(tmp_path, {"a.txt": seed_text("000"), "b.html": html_page(seed_text("002"))})
    listed = invoke("compare", tmp_path / "a.txt", tmp_path / "b.html", "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    assert {s["id"] for s in json.loads(listed.stdout)["extractive"]["brief"]["sources"]} == {"a", "b"}
    result = invoke("compare", SEEDS, "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"extractive", "abstractive"} and data["extractive"]["brief"]["sentences"]
    assert data["extractive"]["metrics"]["words"] == data["extractive"]["brief"]["words"]


def test_eval_says_when_the_baselines_are_not_installed(monkeypatch):
    from summarize.jobs import baselines

    monkeypatch.setattr(baselines, "systems", lambda **kw: {"extractive": baselines.extractive, "lead": baselines.lead})
    result = invoke("eval", ROOT / "eval" / "seeds", "--samples", "10")
    assert result.exit_code == 0, result.stderr
    assert "baselines are not installed" in result.stderr and 'pip install -e ".[baselines]"' in result.stderr


def test_defaults_from_a_config_file(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('mode = "extractive"\nlength = "medium"\n[brief]\nformat = "json"\nmax-file-mb = 2.5\n')
    env = {"SUMMARIZE_CONFIG": str(config)}
    data = json.loads(invoke(SEEDS, env=env).stdout)
    assert data["requested_mode"] == "extractive" and data["length"] == "medium"
    assert json.loads(invoke(SEEDS, env={**env, "SUMMARIZE_LENGTH": "long"}).stdout)["length"] == "long"
    assert json.loads(invoke(SEEDS, "-l", "short", env=env).stdout)["length"] == "short"
    config.write_text('[brief]\nlenght = "medium"\n')
    typo = invoke(SEEDS, env=env)
    assert typo.exit_code == 2 and "`summarize brief` has no option --lenght" in typo.stderr
    config.write_text("mode = \n")
    assert invoke(SEEDS, env=env).exit_code == 2
    missing = invoke(SEEDS, env={"SUMMARIZE_CONFIG": str(tmp_path / "none.toml")})
    assert missing.exit_code == 2 and "none.toml" in missing.stderr


def test_a_file_that_is_only_site_boilerplate_is_skipped_with_a_warning(tmp_path):
    chrome = "Tweet with a location\n\nYou can add location information to your Tweets, such as your city or precise location.\n"
    write_articles(tmp_path, {"a.txt": seed_text("000"), "b.txt": seed_text("002"), "embed.txt": chrome})
    result = invoke(tmp_path, *EXTRACTIVE, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "skipping embed: no article text left" in result.stderr
    assert {s["id"] for s in json.loads(result.stdout)["sources"]} == {"a", "b"}


# --- pages that are not articles (issue 28) --------------------------------------------------

CONSENT_PAGE = (
    "<html><head><title>Before you continue</title></head><body><div class='consent'>"
    "<h1>We value your privacy</h1><p>We and our partners use cookies and similar technologies to store and "
    "access information on your device. We use this information for personalised advertising and content, "
    "audience research and services development. You can change your choices at any time in your privacy "
    "settings.</p><p>Accept all cookies</p><p>Manage preferences</p></div></body></html>"
)
PAYWALL_PAGE = (
    "Subscribe to keep reading\n\nYou have reached your limit of free articles this month. Subscribe today for "
    "unlimited access to award-winning journalism and our daily puzzles. Get your first month for just $1. "
    "Already a subscriber? Log in to continue reading this story.\n\nSubscribe now   Log in"
)


def test_a_cookie_consent_page_alone_is_an_error_that_names_it(tmp_path):
    page = tmp_path / "cookie.html"
    page.write_text(CONSENT_PAGE, encoding="utf-8")
    result = invoke(page, *EXTRACTIVE)
    assert result.exit_code == 2, result.output
    assert "cookie.html (cookie or consent page)" in result.stderr
    assert "Traceback" not in result.output + result.stderr and not result.stdout.strip()


def test_a_paywall_page_beside_articles_is_set_aside_with_one_notice(tmp_path):
    folder = write_articles(tmp_path / "story", {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")})
    (folder / "paywall.txt").write_text(PAYWALL_PAGE, encoding="utf-8")
    result = invoke(folder, *EXTRACTIVE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("notice:") == 1 and "paywall.txt set aside: not an article (paywall)" in result.stderr
    brief = json.loads(result.stdout)
    assert "paywall.txt" not in {Path(s["path"]).name for s in brief["sources"]}
    assert [(Path(a["path"]).name, a["reason"]) for a in brief["stats"]["non_articles"]] == [("paywall.txt", "paywall")]


def test_a_relative_day_gets_its_date_from_the_articles_published_field(tmp_path):
    # Seeds with dates: "Blinken said Monday" read a week later says nothing of when; the record's
    # `published` dates it in editorial brackets. Without a date the sentence is left as written.
    records = [
        {"id": f"s{p}", "text": seed_text(p), "published": "2023-06-20T09:00:00Z"} for p in ("000", "002", "003")
    ]
    dated = tmp_path / "dated.jsonl"
    dated.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    undated = tmp_path / "undated.jsonl"
    undated.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records), encoding="utf-8"
    )
    with_dates = json.loads(invoke(str(dated), *EXTRACTIVE, "--length", "medium", "-f", "json").stdout)
    without = json.loads(invoke(str(undated), *EXTRACTIVE, "--length", "medium", "-f", "json").stdout)
    assert "Monday [June 19]" in with_dates["brief"]
    assert "Monday" in without["brief"] and "[June" not in without["brief"]
    assert len(with_dates["sentences"]) == len(without["sentences"])
