"""The ``kg`` command line, run through click's CliRunner (and, for the exit path a user sees,
through the installed ``kg`` script) on real files in tmp_path and on the bundled examples.

click >= 8.2 keeps stdout and stderr apart on every Result (``mix_stderr`` is gone), so
``result.stdout`` is what a pipe would get and ``result.stderr`` what the terminal shows.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.pipeline
from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
KG_SCRIPT = Path(sys.executable).parent / "kg"
OUTPUT_KEYS = {"id", "persons", "countries", "organizations", "meetings", "commitments"}

PAGE = """Japan, NATO Agree to Deepen Cyber Cooperation
15:57 JST, February 20, 2022
BRUSSELS (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi met NATO Secretary-General Jens Stoltenberg in Brussels on Saturday.
Hayashi and Stoltenberg agreed to deepen cooperation on cyber defense.
"""

try:
    from kg.html import render_html  # noqa: F401
    from kg.rdf import write_graph  # noqa: F401
    _EXPORTS_MISSING = None
except Exception as e:  # pragma: no cover - only while the exporters are being written
    _EXPORTS_MISSING = f"kg.rdf.write_graph / kg.html.render_html not importable yet: {e!r}"
needs_exports = pytest.mark.skipif(_EXPORTS_MISSING is not None, reason=_EXPORTS_MISSING or "")


def run(*args, input=None, catch_exceptions=True):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=catch_exceptions)


def objects(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    assert lines, "no output"
    return [json.loads(line) for line in lines]


def assert_one_line_error(result, *fragments, code=1):
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for f in fragments:
        assert f in lines[0]
    return lines[0]


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "hayashi-nato.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "corpus.jsonl"
    recs = [
        {"id": "c-1", "text": "TOKYO (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi held talks with "
                              "Indian External Affairs Minister S. Jaishankar in Tokyo on Friday.",
         "published": "2022-04-08", "url": "https://example.org/c-1", "title": "Hayashi, Jaishankar Hold Talks"},
        {"id": "c-2", "text": "SEOUL — South Korean Foreign Minister Park Jin said Seoul will provide "
                              "humanitarian aid to Ukraine.", "published": "2022-06-01", "url": None},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return p


# -- help --------------------------------------------------------------------------------

def test_top_level_help_lists_commands_with_an_example():
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("extract", "build", "query", "render", "validate"):
        assert cmd in r.stdout
    assert "Example" in r.stdout and "kg build examples/articles" in r.stdout


@pytest.mark.parametrize("cmd", ["extract", "build", "query", "render", "validate"])
def test_each_command_help_shows_an_example(cmd):
    for flag in ("--help", "-h"):
        r = run(cmd, flag)
        assert r.exit_code == 0, r.stderr
        assert "Example:" in r.stdout
        example = r.stdout.split("Example:", 1)[1]
        assert f"kg {cmd} " in example, f"the example of {cmd} runs {cmd}"


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("kg, version ")


# -- extract -----------------------------------------------------------------------------

def test_extract_txt_one_object_with_output_keys(page):
    r = run("extract", page)
    assert r.exit_code == 0, r.stderr
    [obj] = objects(r.stdout)
    assert OUTPUT_KEYS <= obj.keys()
    assert obj["id"] == "hayashi-nato"
    assert obj["published"] == "2022-02-20"
    assert obj["title"] == "Japan, NATO Agree to Deepen Cyber Cooperation"
    names = {p["name"] for p in obj["persons"]}
    assert {"Yoshimasa Hayashi", "Jens Stoltenberg"} <= names
    assert "Japan" in obj["countries"]
    assert any("NATO" in [o["name"], *o["aliases"]] for o in obj["organizations"])
    [m] = [m for m in obj["meetings"] if {"Yoshimasa Hayashi", "Jens Stoltenberg"} <= set(m["participants"])]
    assert m["date"] == "2022-02-19", "'on Saturday' in a Sunday story"
    assert m["status"] == "held"
    assert PAGE[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
    for c in obj["commitments"]:
        assert PAGE[c["evidence_start"]:c["evidence_end"]] == c["evidence"]
    assert "rule" not in m


def test_extract_jsonl_one_object_per_record_in_order(corpus):
    r = run("extract", corpus)
    assert r.exit_code == 0, r.stderr
    objs = objects(r.stdout)
    assert [o["id"] for o in objs] == ["c-1", "c-2"]
    for o in objs:
        assert OUTPUT_KEYS <= o.keys()
        for k in ("persons", "countries", "organizations", "meetings", "commitments"):
            assert isinstance(o[k], list)
    assert objs[0]["url"] == "https://example.org/c-1"
    assert objs[0]["published"] == "2022-04-08"
    assert objs[0]["title"] == "Hayashi, Jaishankar Hold Talks"
    meeting = objs[0]["meetings"][0]
    assert set(meeting["participants"]) == {"Yoshimasa Hayashi", "S. Jaishankar"}
    assert meeting["date"] == "2022-04-08", "'on Friday' in a Friday story is the same day"


def test_extract_mixed_inputs_and_stdin(page, corpus):
    r = run("extract", page, "-", corpus, input=PAGE.replace("Japan, NATO", "Stdin Copy:"))
    assert r.exit_code == 0, r.stderr
    objs = objects(r.stdout)
    assert [o["id"] for o in objs] == ["hayashi-nato", "stdin", "c-1", "c-2"]
    assert objs[1]["title"].startswith("Stdin Copy:")


def test_extract_stdin_jsonl(corpus):
    r = run("extract", "-", input=corpus.read_text(encoding="utf-8"))
    assert r.exit_code == 0, r.stderr
    assert [o["id"] for o in objects(r.stdout)] == ["c-1", "c-2"]


def test_extract_format_json_is_an_array(page, corpus):
    r = run("extract", page, corpus, "--format", "json")
    assert r.exit_code == 0, r.stderr
    arr = json.loads(r.stdout)
    assert isinstance(arr, list) and [o["id"] for o in arr] == ["hayashi-nato", "c-1", "c-2"]
    jl = objects(run("extract", page, corpus).stdout)
    assert arr == jl, "--format json holds the same objects as JSON Lines"


def test_extract_output_file(page, corpus, tmp_path):
    out = tmp_path / "sub" / "facts.jsonl"
    r = run("extract", page, corpus, "--output", out)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert objects(out.read_text(encoding="utf-8")) == objects(run("extract", page, corpus).stdout)
    assert sorted(p.name for p in out.parent.iterdir()) == ["facts.jsonl"], "no temporary file left"


def test_extract_output_dash_is_standard_output(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("extract", page, "--output", "-")
    assert r.exit_code == 0, r.stderr
    assert objects(r.stdout) == objects(run("extract", page).stdout)
    assert not (tmp_path / "-").exists(), "no file named '-'"


def test_extract_output_json_format(page, tmp_path):
    out = tmp_path / "facts.json"
    assert run("extract", page, "--format", "json", "-o", out).exit_code == 0
    assert [o["id"] for o in json.loads(out.read_text(encoding="utf-8"))] == ["hayashi-nato"]


def test_extract_output_left_whole_when_input_fails_midway(page, tmp_path):
    """A malformed line after good articles: exit 1, the previous output untouched."""
    out = tmp_path / "facts.jsonl"
    out.write_text("PREVIOUS OUTPUT\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "fine"}\n{"id": "broken", "text": \n', encoding="utf-8")
    r = run("extract", page, bad, "--output", out)
    assert_one_line_error(r, f"{bad}:2: malformed JSON")
    assert out.read_text(encoding="utf-8") == "PREVIOUS OUTPUT\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "facts.jsonl", "hayashi-nato.txt"]


def test_extract_output_left_whole_when_extraction_crashes(page, corpus, tmp_path, monkeypatch):
    """An unexpected failure half-way through writing leaves the old file whole and no temp file."""
    out = tmp_path / "facts.jsonl"
    out.write_text("PREVIOUS OUTPUT\n", encoding="utf-8")
    real = kg.pipeline.extract_article
    calls = []

    def flaky(article, gaz=None):
        calls.append(article.id)
        if len(calls) == 2:
            raise RuntimeError("simulated crash")
        return real(article, gaz)

    monkeypatch.setattr(kg.pipeline, "extract_article", flaky)
    r = run("extract", page, corpus, "--output", out)
    assert r.exit_code != 0
    assert isinstance(r.exception, RuntimeError)
    assert calls == ["hayashi-nato", "c-1"], "the first article was extracted and written before the crash"
    assert out.read_text(encoding="utf-8") == "PREVIOUS OUTPUT\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_extract_explain_adds_rule_to_every_fact():
    r = run("extract", EXAMPLES, "--explain")
    assert r.exit_code == 0, r.stderr
    objs = objects(r.stdout)
    facts = [f for o in objs for f in o["meetings"] + o["commitments"]]
    assert len([f for o in objs for f in o["meetings"]]) >= 5
    assert len([f for o in objs for f in o["commitments"]]) >= 5
    assert all(isinstance(f.get("rule"), str) and f["rule"] for f in facts)
    plain = objects(run("extract", EXAMPLES).stdout)
    assert not any("rule" in f for o in plain for f in o["meetings"] + o["commitments"])
    assert all(p["found_by"] for o in objs for p in o["persons"])
    for o in objs:
        for f in o["meetings"] + o["commitments"]:
            del f["rule"]
        for p in o["persons"]:
            del p["found_by"]
    assert objs == plain, "--explain only adds the rules"


def test_extract_examples_reads_every_article():
    objs = objects(run("extract", EXAMPLES).stdout)
    assert len(objs) == 10
    assert [o["id"] for o in objs][:8] == sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert [o["id"] for o in objs][8:] == ["corpus-01-nato-estonia-lithuania", "corpus-02-kishida-au-g7"]


def test_extract_jobs_option_gives_the_same_output():
    assert run("extract", EXAMPLES, "--jobs", "2").stdout == run("extract", EXAMPLES).stdout


# -- user dictionaries -------------------------------------------------------------------

DICT_PAGE = """Envoys Hold Talks in Tokyo
15:57 JST, February 20, 2022
TOKYO (Example Wire) — Indian Grand Vizier Rudra Varman met Japanese Foreign Minister Yoshimasa Hayashi in Tokyo on Saturday on the sidelines of the Aurora Maritime Dialogue.
Varman and Hayashi agreed to expand maritime surveillance cooperation within the AMD.
"""


def test_user_dictionary_changes_extraction(tmp_path):
    page = tmp_path / "dict-page.txt"
    page.write_text(DICT_PAGE, encoding="utf-8")
    d = tmp_path / "mine.jsonl"
    d.write_text(
        '# my additions\n'
        '{"type": "title", "title": "Foreign Minister", "forms": ["Grand Vizier"]}\n'
        '{"type": "organization", "id": "amd", "name": "Aurora Maritime Dialogue", "aliases": ["AMD"]}\n',
        encoding="utf-8")
    [before] = objects(run("extract", page).stdout)
    r = run("extract", page, "--dict", d)
    assert r.exit_code == 0, r.stderr
    [after] = objects(r.stdout)

    assert "Rudra Varman" not in {p["name"] for p in before["persons"]}
    assert "Aurora Maritime Dialogue" not in {o["name"] for o in before["organizations"]}

    varman = next(p for p in after["persons"] if p["name"] == "Rudra Varman")
    assert {"title": "Foreign Minister", "of": "India"} in varman["positions"]
    amd = next(o for o in after["organizations"] if o["name"] == "Aurora Maritime Dialogue")
    assert amd["aliases"] == ["AMD"] and amd["id"] == "amd"
    assert any(set(m["participants"]) == {"Rudra Varman", "Yoshimasa Hayashi"} for m in after["meetings"])


def test_user_dictionary_venues_and_combining_forms(tmp_path):
    page = tmp_path / "venue-page.txt"
    page.write_text("OSLO — Foreign Minister Ida Strand met Foreign Minister Aino Virta of Finland at the Glass Pavilion.\n"
                    "The Norrland-Finnish commission will meet next year.\n", encoding="utf-8")
    d = tmp_path / "mine.jsonl"
    d.write_text('{"type": "venue", "name": "Glass Pavilion", "city": "Bergen"}\n'
                 '{"type": "combining_form", "name": "Sweden", "forms": ["Norrland"]}\n', encoding="utf-8")
    [before] = objects(run("extract", page).stdout)
    r = run("extract", page, "--dict", d)
    assert r.exit_code == 0, r.stderr
    [after] = objects(r.stdout)
    assert [m["place"] for m in before["meetings"]] == ["Oslo"] and "Sweden" not in before["countries"]
    assert [m["place"] for m in after["meetings"]] == ["Bergen"] and "Sweden" in after["countries"]
    assert "Glass Pavilion" not in {o["name"] for o in after["organizations"]}


@pytest.mark.parametrize("content, message", [
    ('{"type": "title", "forms": ["x"]}\n', ":1: missing field 'title'"),
    ('{"type": "title", "title": "Envoy"}\n{"type": "planet", "name": "x"}\n', ":2: unknown record type 'planet'"),
    ('{"type": "organization", "name": "Ok"}\n{"type": "title"\n', ":2: malformed JSON ("),
    ('{"type": "alias", "name": "Atlantis", "aliases": ["Atl"]}\n', ":1: alias for unknown country or organization 'Atlantis'"),
    ('{"type": "venue", "name": "Glass Pavilion"}\n', ":1: missing field 'city'"),
])
def test_bad_user_dictionary_one_line_error(page, tmp_path, content, message):
    d = tmp_path / "bad-dict.jsonl"
    d.write_text(content, encoding="utf-8")
    line = assert_one_line_error(run("extract", page, "--dict", d), message)
    assert line.startswith(f"Error: {d}:")


def test_missing_user_dictionary(page, tmp_path):
    d = tmp_path / "nope.jsonl"
    assert assert_one_line_error(run("extract", page, "--dict", d)) == f"Error: {d}: no such dictionary file"


def test_user_dictionary_applies_to_build(tmp_path):
    page = tmp_path / "dict-page.txt"
    page.write_text(DICT_PAGE, encoding="utf-8")
    d = tmp_path / "bad.jsonl"
    d.write_text('{"type": "planet"}\n', encoding="utf-8")
    assert_one_line_error(run("build", page, "--out", tmp_path / "out", "--dict", d), "unknown record type")
    assert not (tmp_path / "out").exists()


# -- bad input ---------------------------------------------------------------------------

def _bad_inputs(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "1", "text": "ok"}\n\n{"id": 3,\n', encoding="utf-8")
    (tmp_path / "notext.jsonl").write_text('{"id": "1", "body": "ok"}\n', encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Réunion à Genève\n".encode("latin-1"))
    return {
        "missing": (tmp_path / "missing.txt", f"{tmp_path / 'missing.txt'}: no such file or folder"),
        "empty": (tmp_path / "empty", f"{tmp_path / 'empty'}: no articles in this folder"),
        "malformed": (tmp_path / "bad.jsonl", f"{tmp_path / 'bad.jsonl'}:3: malformed JSON ("),
        "notext": (tmp_path / "notext.jsonl", f'{tmp_path / "notext.jsonl"}:1: missing "text" string'),
        "binary": (tmp_path / "binary.txt", f"{tmp_path / 'binary.txt'}: binary file, not text"),
        "latin1": (tmp_path / "latin1.txt", f"{tmp_path / 'latin1.txt'}: not UTF-8 text"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "malformed", "notext", "binary", "latin1"])
def test_extract_bad_input_one_line_exit_1(tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    line = assert_one_line_error(run("extract", path))
    assert line.startswith("Error: " + message)


@pytest.mark.parametrize("case", ["missing", "empty", "malformed", "binary", "latin1"])
def test_build_bad_input_one_line_exit_1_and_nothing_written(tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    out = tmp_path / "exports"
    line = assert_one_line_error(run("build", path, "--out", out))
    assert line.startswith("Error: " + message)
    assert not out.exists()


def test_bad_stdin_one_line(tmp_path):
    assert_one_line_error(run("extract", "-", input=b"\x00\x01\x02"), "<stdin>: binary file, not text")


def test_installed_script_prints_one_line_and_no_traceback(tmp_path):
    """The real process a user runs: exit status 1, one 'Error:' line on stderr, nothing on stdout."""
    if not KG_SCRIPT.exists():
        pytest.skip("kg script not installed beside this interpreter")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "ok"}\n{"id": 2 "text": "x"}\n', encoding="utf-8")
    p = subprocess.run([str(KG_SCRIPT), "extract", str(bad)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert p.stderr == f"Error: {bad}:2: malformed JSON (Expecting ',' delimiter)\n"
    # the first, good article was already streamed out before the bad line was reached
    assert [json.loads(line)["id"] for line in p.stdout.splitlines()] == ["1"]


def test_closed_pipe_is_quiet():
    """`kg extract ... | head -1`: no BrokenPipeError traceback when the reader goes away."""
    if not KG_SCRIPT.exists():
        pytest.skip("kg script not installed beside this interpreter")
    p = subprocess.Popen([str(KG_SCRIPT), "extract", str(EXAMPLES), str(EXAMPLES), str(EXAMPLES)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.read(10)
    p.stdout.close()
    _, err = p.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


# -- build -------------------------------------------------------------------------------

@needs_exports
def test_build_examples_writes_turtle_and_html_and_prints_counts(tmp_path):
    out = tmp_path / "exports"
    r = run("build", EXAMPLES, "--out", out)
    assert r.exit_code == 0, r.stderr
    ttl, html = out / "graph.ttl", out / "graph.html"
    assert ttl.stat().st_size > 1000 and html.stat().st_size > 1000
    assert f"wrote {ttl}" in r.stderr and f"wrote {html}" in r.stderr
    [summary] = r.stdout.splitlines()
    counts = dict(part.split(": ") for part in summary.split("  "))
    assert list(counts) == ["articles", "officials", "countries", "organizations", "meetings", "commitments"]
    assert counts["articles"] == "10"
    assert summary.startswith("articles: 10  officials: ")
    assert all(int(v) > 0 for v in counts.values())
    assert int(counts["meetings"]) >= 10 and int(counts["countries"]) >= 10
    assert "Yoshimasa Hayashi" in ttl.read_text(encoding="utf-8")
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith(("<!doctype html", "<html"))
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@needs_exports
def test_build_no_html_and_extra_format(tmp_path):
    out = tmp_path / "exports"
    r = run("build", EXAMPLES / "corpus.jsonl", "--out", out, "--no-html", "--format", "turtle",
            "--format", "nt")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["graph.nt", "graph.ttl"]
    assert r.stdout.startswith("articles: 2  ")


@needs_exports
def test_build_update_requires_an_existing_graph(tmp_path):
    out = tmp_path / "exports"
    assert_one_line_error(run("build", EXAMPLES / "corpus.jsonl", "--out", out, "--update"),
                          "no graph to update (build without --update first)")


@needs_exports
def test_build_update_reingest_keeps_counts(tmp_path):
    out = tmp_path / "exports"
    first = run("build", EXAMPLES, "--out", out, "--no-html")
    assert first.exit_code == 0, first.stderr
    again = run("build", EXAMPLES / "corpus.jsonl", "--out", out, "--no-html", "--update")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout, "re-ingesting the same articles replaces their facts, adds nothing"


def test_build_into_a_file_is_refused(tmp_path):
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    r = run("build", EXAMPLES / "corpus.jsonl", "--out", f)
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert f.read_text(encoding="utf-8") == "x"


def test_build_default_out_is_exports_in_cwd(tmp_path, monkeypatch):
    """`kg build` with no --out writes exports/ in the current folder, as the README says."""
    if _EXPORTS_MISSING:
        pytest.skip(_EXPORTS_MISSING)
    monkeypatch.chdir(tmp_path)
    r = run("build", EXAMPLES / "corpus.jsonl", "--no-html")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "exports" / "graph.ttl").is_file()
    assert os.listdir(tmp_path) == ["exports"]


def test_unwritable_output_path_is_one_line(page, tmp_path):
    """--output under a path that is a file: one line naming the path, no traceback."""
    line = assert_one_line_error(run("extract", page, "--output", page / "facts.jsonl"))
    assert str(page) in line
    assert page.read_text(encoding="utf-8") == PAGE


@needs_exports
def test_build_out_under_a_file_is_one_line(page, tmp_path):
    line = assert_one_line_error(run("build", page, "--out", page / "exports", "--no-html"))
    assert line.startswith(f"Error: {page}")
    assert page.read_text(encoding="utf-8") == PAGE
