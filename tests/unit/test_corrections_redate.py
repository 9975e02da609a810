"""A corrected publication date re-dates the events the extraction anchored on the filed one.

"Yesterday" and "last week" mean other days once the analyst sets the article's date (set_article):
`apply_edits` with `reanalyse` has the article analysed again with that date and re-applies the
edits to it by their anchors. An invented story (written here), so no real article's facts are
involved.
"""

from __future__ import annotations

import pytest

from sourcetrace import corrections as C
from sourcetrace.analysis import analyze_article, analyze_text
from sourcetrace.corrections import apply_edits
from sourcetrace.model import Analysis, Article

TEXT = ("Harbour board resigns\n\nThe harbour board of Portmarrow resigned yesterday, its chair, Ilse "
        "Vendrame, said. Inspectors found cracks in the north pier last week, according to a report seen "
        "by the Portmarrow Courier.")


@pytest.fixture(scope="module")
def extracted() -> Analysis:
    return analyze_text(TEXT, title="Harbour board resigns", publisher="Portmarrow Courier",
                        published="2024-05-15")


def _dates(a: Analysis) -> dict[str, tuple[str | None, str | None, str, bool]]:
    return {e.label.split()[-1]: (e.start, e.end, e.precision, e.corrected) for e in a.events}


def _reanalyse(calls: list[Article]):
    def run(article: Article) -> Analysis:
        calls.append(article)
        return analyze_article(article)
    return run


def test_a_corrected_date_re_dates_yesterday_and_last_week_and_keeps_the_other_edits(extracted):
    assert _dates(extracted) == {
        "resigned": ("2024-05-14", "2024-05-14", "day", False),  # yesterday
        "pier": ("2024-05-06", "2024-05-12", "week", False),  # last week (Monday to Sunday)
    }
    vendrame = next(x for x in extracted.actors if x.name == "Ilse Vendrame")
    log = [C.rename_actor(extracted, vendrame.id, "Ilse Vendrame-Ruiz"),  # made before the date
           C.set_article(extracted, published="2024-06-20")]
    calls: list[Article] = []
    fixed, problems = apply_edits(extracted, log, _reanalyse(calls))
    assert problems == []
    assert [a.published for a in calls] == ["2024-06-20"]  # analysed again once, with the new anchor
    assert calls[0].text == TEXT and calls[0].publisher == "Portmarrow Courier"
    assert fixed.article.published == "2024-06-20"
    assert _dates(fixed) == {
        "resigned": ("2024-06-19", "2024-06-19", "day", True),  # marked ✎: it reads differently now
        "pier": ("2024-06-10", "2024-06-16", "week", True),
    }
    assert fixed.actor(vendrame.id).name == "Ilse Vendrame-Ruiz"  # the edit re-found by its anchor
    assert extracted.article.published == "2024-05-15"  # the input is not modified


def test_an_undone_date_or_a_headline_alone_analyses_nothing_again(extracted):
    dated = C.set_article(extracted, published="2024-06-20")
    calls: list[Article] = []
    fixed, _ = apply_edits(extracted, [dated, C.undo_entry([dated])], _reanalyse(calls))
    assert calls == [] and _dates(fixed) == _dates(extracted)
    fixed, _ = apply_edits(extracted, [C.set_article(extracted, title="Portmarrow board quits")],
                           _reanalyse(calls))
    assert calls == [] and fixed.article.title == "Portmarrow board quits"
    assert _dates(fixed) == _dates(extracted)


def test_without_reanalyse_the_events_keep_the_filed_dates(extracted):
    fixed, problems = apply_edits(extracted, [C.set_article(extracted, published="2024-06-20")])
    assert problems == [] and fixed.article.published == "2024-06-20"
    assert _dates(fixed) == _dates(extracted)


def test_the_command_line_dates_the_events_from_the_corrected_date(tmp_path, capsys, extracted):
    """`analyze --workspace` and `export --workspace` read the same corrections as the app."""
    import json

    from sourcetrace.cli import main
    from sourcetrace.workspace import Workspace

    article = tmp_path / "harbour.txt"
    article.write_text(TEXT, encoding="utf-8")
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.add_article(extracted.article)
    ws.append_edit(extracted.article.content_hash, C.set_article(extracted, published="2024-06-20"))
    argv = ["--publisher", "Portmarrow Courier", "--published", "2024-05-15", "--workspace", str(ws.path)]
    assert main(["analyze", str(article), *argv]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(e["start"], e["end"]) for e in data["events"]] == [("2024-06-19", "2024-06-19"),
                                                                 ("2024-06-10", "2024-06-16")]
    out = tmp_path / "out.json"
    assert main(["export", str(article), "--json", str(out), *argv]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [(e["start"], e["end"]) for e in exported["events"]] == [("2024-06-19", "2024-06-19"),
                                                                     ("2024-06-10", "2024-06-16")]
