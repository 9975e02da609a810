"""Exports: self-contained HTML (no remote resource, escaped untrusted text), JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from sourcetrace import export
from sourcetrace import walkthrough as wt
from sourcetrace.cli import main
from sourcetrace.model import Actor, Analysis, Article, ChainLink, Claim, Event, Relation
from tests.helpers import span_of

EVIL = "</script><script>alert(1)</script><!--"
TEXT = (
    "Daily Paper\n"
    "Talks stall\n"
    f"An official said the talks began in May. {EVIL} "
    '=HYPERLINK("http://x") was written on a wall. '
    "Reuters reported that Smith resigned."
)


def _span(fragment: str):
    return span_of(TEXT, fragment)


def hand_made() -> Analysis:
    pub = ChainLink(label="Daily Paper", kind="publisher", actor="a0")
    return Analysis(
        article=Article(
            text=TEXT, title="Talks <b>stall</b>", publisher="Daily Paper", published="2007-07-10",
            content_hash="h1",
        ),
        actors=[
            Actor(id="a0", name="Daily Paper", type="ORG", kind="publisher", mentions=[_span("Daily Paper")]),
            Actor(id="a1", name="an official", type="PERSON", kind="anonymous",
                  mentions=[_span("An official")]),
            Actor(id="a2", name="Smith", type="PERSON", kind="named", mentions=[_span("Smith")]),
            Actor(id="a3", name="Reuters", type="ORG", kind="outlet", mentions=[_span("Reuters")]),
            # an actor name ends up in the network JSON inside <script>
            Actor(id="a4", name=EVIL, type="ORG", kind="named", mentions=[_span(EVIL)]),
        ],
        relations=[Relation(source="a3", target="a2", kind="co-occurrence")],
        events=[
            Event(id="e1", label="talks began", start="2007-05-01", end="2007-05-31", precision="month",
                  evidence=_span("the talks began in May"))
        ],
        claims=[
            Claim(id="c1", content=_span("the talks began in May"),
                  chain=[pub, ChainLink(label="an official", kind="anonymous", actor="a1")], events=["e1"]),
            Claim(id="c2", content=_span(EVIL), chain=[pub, ChainLink(label=EVIL, kind="unattributed")]),
            Claim(id="c3", content=_span('=HYPERLINK("http://x")'),
                  chain=[pub, ChainLink(label="Daily Paper", kind="unattributed")]),
            Claim(id="c4", content=_span("Smith resigned"),
                  chain=[pub, ChainLink(label="Reuters", kind="outlet", actor="a3")],
                  actors=["a2"], hedged=True),
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def report() -> str:
    return export.to_html(hand_made())


def test_report_loads_nothing_remote(report: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", report)
    assert tags and all("src=" not in t and "href=" not in t for t in tags)
    assert "@import" not in report
    assert not re.search(r"url\(\s*['\"]?https?:", report)


def test_report_inlines_vis_and_plotly(report: str) -> None:
    assert "vis-network" in report and "A dynamic, browser-based visualization library" in report
    assert "plotly.js v" in report or "plotly.js" in report
    assert len(report) > 4_000_000  # plotly.js alone is ~4.8 MB


def test_untrusted_text_is_escaped_everywhere(report: str) -> None:
    assert "alert(1)" in report  # the text is shown...
    # ...but never as markup: in HTML escaped, inside JSON after an escaped closing tag
    assert report.count("<script>alert(1)") == report.count("<\\/script><script>alert(1)") > 0
    scripts = _scripts(report)  # parsed as a browser does: "</script" ends the element
    assert [attrs.get("id") for attrs, _ in scripts] == [None, None, "network-data", "timeline-data", None]
    network = json.loads(scripts[2][1])
    assert [n["label"] for n in network["nodes"] if n["id"] == "a4"] == [EVIL]
    assert json.loads(scripts[3][1])["data"]  # the timeline figure
    assert "Talks &lt;b&gt;stall&lt;/b&gt;" in report
    assert "<b>stall</b>" not in report


def _scripts(page: str) -> list[tuple[dict, str]]:
    from html.parser import HTMLParser

    found: list[tuple[dict, str]] = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                found.append((dict(attrs), ""))

        def handle_data(self, data):
            if found and self.lasttag == "script" and self.get_starttag_text().startswith("<script"):
                found[-1] = (found[-1][0], found[-1][1] + data)

    Scripts().feed(page)
    return found


def test_script_json_round_trips_and_hides_closing_tags() -> None:
    value = {"t": EVIL, "u": "a\u2028b"}
    text = export.script_json(value)
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == value


def test_article_highlights_claims_mentions_and_numbers(report: str) -> None:
    article = re.search(r'<div class="article">(.*?)</div>', report, re.S).group(1)
    # the claim's number is drawn by CSS from data-n: not a character of the article's text
    assert '<a class="cn" id="claim-c1" href="#c-c1" data-n="1" aria-label="claim 1"></a>' in article
    assert '<span class="st-claim" data-claims="c1">the talks began in May</span>' in article
    assert 'data-actor="a1">An official</span>' in article
    # stripping the markup gives back the article text exactly
    plain = re.sub(r"<[^>]+>", "", article)
    import html

    assert html.unescape(plain) == TEXT


def test_claims_listed_in_reading_order_with_chains(report: str) -> None:
    ids = re.findall(r'<li class="claim-item" id="c-(c\d)"', report)
    assert ids == ["c1", "c2", "c3", "c4"]
    assert (
        '<span class="st-link st-k-anonymous st-last" title="anonymous source">'
        "an official<small>anonymous source</small></span>" in report
    )
    assert '<span class="badge">hedged</span>' in report


def test_slides_follow_the_walkthrough_with_edits() -> None:
    a = hand_made()
    steps = wt.build_steps(a)
    edits = wt.edits_of(steps)
    edits[0] = {"key": "article", "hidden": True, "note": ""}
    edits[2] = {"key": "claim:c1", "hidden": False, "note": "Ask who the official is."}
    page = export.to_html(a, wt.apply_edits(steps, edits))
    keys = re.findall(r'<section class="slide" data-step="\d+" data-key="([^"]+)"', page)
    assert keys == ["actors", "claim:c1", "claim:c2", "claim:c3", "claim:c4", "summary"]
    assert "<b>Speaker note</b> Ask who the official is." in page
    assert '<span id="counter">1 / 6</span>' in page


def test_empty_analysis_report_says_so() -> None:
    page = export.to_html(Analysis(article=Article(text="Nothing.", content_hash="x")))
    assert "No actors were found." in page
    assert "No dated events were found." in page
    assert "No claims were found in this article." in page


def test_json_export_is_the_contract() -> None:
    a = hand_made()
    assert Analysis.model_validate_json(export.to_json(a)) == a


def test_claims_csv_rows_and_formula_guard() -> None:
    rows = list(csv.DictReader(io.StringIO(export.claims_csv(hand_made()))))
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4"]
    assert rows[0]["chain"] == "Daily Paper › an official"
    assert (rows[0]["anonymous"], rows[0]["single_source"], rows[0]["own_voice"]) == ("yes", "yes", "no")
    assert rows[0]["events"] == "talks began (2007-05-01–2007-05-31)"
    assert rows[2]["claim"] == '\'=HYPERLINK("http://x")'  # a spreadsheet must not run it
    assert (rows[3]["direct_source"], rows[3]["direct_source_kind"], rows[3]["actors"]) == (
        "Reuters",
        "outlet",
        "Smith",
    )
    assert rows[3]["hedged"] == "yes"


def test_actors_csv_most_mentioned_first() -> None:
    rows = list(csv.reader(io.StringIO(export.actors_csv(hand_made()))))
    assert rows[0][:5] == ["id", "name", "type", "kind", "mentions"]
    # every actor has one mention: ties go by name, case-blind
    assert [r[0] for r in rows[1:]] == ["a4", "a1", "a0", "a3", "a2"]
    assert rows[3][5] == "0"


def test_cli_exports_from_saved_json(tmp_path: Path) -> None:
    src = tmp_path / "analysis.json"
    src.write_text(export.to_json(hand_made()), encoding="utf-8")
    out = {k: tmp_path / f"out.{k}" for k in ("html", "json", "ccsv", "acsv")}
    code = main([
        "export", str(src), "--html", str(out["html"]), "--json", str(out["json"]),
        "--claims-csv", str(out["ccsv"]), "--actors-csv", str(out["acsv"]),
    ])  # fmt: skip
    assert code == 0
    assert out["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(out["json"].read_text(encoding="utf-8"))["claims"][0]["id"] == "c1"
    assert out["ccsv"].read_bytes().count(b"\r\n") == 5
    assert out["acsv"].read_bytes().count(b"\r\n") == 6


def test_cli_errors_are_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "a.txt")]) == 2
    assert capsys.readouterr().err == (
        "sourcetrace: Say what to write: --html, --json, --claims-csv and/or --actors-csv.\n"
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad), "--json", str(tmp_path / "o.json")]) == 2
    assert (
        capsys.readouterr().err
        == f"sourcetrace: {bad} is not a Sourcetrace analysis (JSON from `analyze`).\n"
    )
    good = tmp_path / "good.json"
    good.write_text(export.to_json(hand_made()), encoding="utf-8")
    assert main(["export", str(good), "--json", str(tmp_path / "no" / "dir" / "o.json")]) == 2
    assert capsys.readouterr().err.startswith(
        f"sourcetrace: Could not write {tmp_path / 'no' / 'dir' / 'o.json'}:"
    )


def test_cli_applies_the_saved_walkthrough(tmp_path: Path) -> None:
    from sourcetrace.workspace import Workspace

    a = hand_made()
    db = tmp_path / "ws.sqlite3"
    edits = wt.edits_of(wt.build_steps(a))
    edits[1] = {"key": "actors", "hidden": False, "note": "Who is named?"}
    edits[-1] = {"key": "summary", "hidden": True, "note": ""}
    Workspace(db).save_walkthrough(a.article.content_hash, [edits[1], edits[0], *edits[2:]])
    src = tmp_path / "analysis.json"
    src.write_text(export.to_json(a), encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["export", str(src), "--html", str(out), "--workspace", str(db)]) == 0
    page = out.read_text(encoding="utf-8")
    keys = re.findall(r'<section class="slide" data-step="\d+" data-key="([^"]+)"', page)
    assert keys == ["actors", "article", "claim:c1", "claim:c2", "claim:c3", "claim:c4"]
    assert "<b>Speaker note</b> Who is named?" in page


def test_cli_missing_workspace_is_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "analysis.json"
    src.write_text(export.to_json(hand_made()), encoding="utf-8")
    db = tmp_path / "none.sqlite3"
    assert main(["export", str(src), "--json", str(tmp_path / "o.json"), "--workspace", str(db)]) == 2
    assert capsys.readouterr().err == f"sourcetrace: There is no workspace at {db}.\n"


def test_bundled_article_report(bundled_analysis) -> None:
    page = export.to_html(bundled_analysis)
    article = re.search(r'<div class="article">(.*?)</div>', page, re.S).group(1)
    import html

    plain = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="cn"[^>]*>\d+</a>', "", article)))
    assert plain == bundled_analysis.article.text
    assert len(re.findall(r'<li class="claim-item"', page)) == len(wt.reading_order(bundled_analysis))
