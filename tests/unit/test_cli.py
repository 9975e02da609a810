"""`python -m sourcetrace analyze`: JSON on stdout, one plain line on stderr per bad input, exit 2."""

from __future__ import annotations

import io
import json
import sys

import pytest

from sourcetrace.cli import EXIT_INPUT, main
from tests.conftest import BUNDLED

ENGLISH = "The minister said on Monday that the talks with the rebels had failed and would not resume.\n"


def run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, [line for line in err.splitlines() if line]


@pytest.fixture
def bad_files(tmp_path):
    pdf = tmp_path / "a_renamed.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    empty = tmp_path / "b_empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    good = tmp_path / "c_good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    return pdf, empty, good


def test_analyze_bundled_article(capsys):
    code, out, err = run(capsys, "analyze", str(BUNDLED))
    assert code == 0 and err == []
    data = json.loads(out)
    assert data["article"]["publisher"] == "NCRI"
    assert data["article"]["published"] == "2007-07-10"
    names = {a["name"]: a for a in data["actors"]}
    assert names["al-Malaf"]["kind"] == "outlet"
    assert names["NCRI"]["kind"] == "publisher"


def test_batch_skips_bad_files_and_analyses_the_rest(capsys, bad_files):
    pdf, empty, good = bad_files
    code, out, err = run(capsys, "analyze", str(pdf.parent))
    assert code == 0
    assert err == [
        f"sourcetrace: {pdf} is a PDF file, not text; save the article as plain text or HTML.",
        f"sourcetrace: {empty} is empty: there is no text to analyse.",
    ]
    lines = out.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["article"]["source_path"] == str(good)


def test_single_bad_file_exits_2_with_one_line(capsys, bad_files):
    pdf, _, _ = bad_files
    code, out, err = run(capsys, "analyze", str(pdf))
    assert (code, out) == (EXIT_INPUT, "")
    assert len(err) == 1 and err[0].startswith("sourcetrace: ") and "Traceback" not in err[0]


def test_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "analyze", str(tmp_path / "nope.txt"))
    assert (code, out, err) == (EXIT_INPUT, "", [f"sourcetrace: {tmp_path / 'nope.txt'}: no such file."])


def test_bad_published_is_reported_once(capsys, bad_files):
    _, _, good = bad_files
    code, out, err = run(capsys, "analyze", str(good), str(BUNDLED), "--published", "July 2007")
    assert (code, out) == (EXIT_INPUT, "")
    assert err == ["sourcetrace: The publication date 'July 2007' is not a date in the form YYYY-MM-DD."]


def test_published_and_publisher_flags(capsys, bad_files):
    _, _, good = bad_files
    code, out, _ = run(capsys, "analyze", str(good), "--published", "2016-09-08", "--publisher", "Example")
    article = json.loads(out)["article"]
    assert (code, article["published"], article["publisher"]) == (0, "2016-09-08", "Example")


def test_missing_gazetteer(capsys, bad_files, tmp_path):
    _, _, good = bad_files
    code, out, err = run(capsys, "analyze", str(good), "--gazetteer", str(tmp_path / "none.jsonl"))
    assert (code, out) == (EXIT_INPUT, "")
    assert err == [f"sourcetrace: {tmp_path / 'none.jsonl'}: no such gazetteer file."]


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    code, out, err = run(capsys, "analyze", "-")
    data = json.loads(out)
    assert (code, err) == (0, [])
    assert data["article"]["text"] == ENGLISH and data["article"]["source_path"] == "<stdin>"


def test_jsonl_format_for_one_file(capsys):
    code, out, _ = run(capsys, "analyze", str(BUNDLED), "--format", "jsonl")
    assert code == 0 and out.count("\n") == 1
    assert json.loads(out)["schema_version"] == 1


def test_schema_command_still_works(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "Analysis"


def test_every_command_is_registered():
    from sourcetrace.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == [
        "analyze", "corpus", "evaluate", "export", "folds", "schema", "train", "workspace"]


def test_a_broken_command_module_fails_loudly(monkeypatch):
    """A broken `export` used to vanish from the CLI in silence (except AttributeError: pass)."""
    from sourcetrace import export
    from sourcetrace.cli import build_parser

    monkeypatch.delattr(export, "add_parser")
    with pytest.raises(AttributeError):
        build_parser()
