"""Corrections through the app (AppTest): each correction type, undo/redo, history, restart,
re-analysis with renumbered ids, and a damaged or locked workspace that leaves the app usable;
then the two workspace modes (SOURCETRACE_WORKSPACE): `session` keeps strangers apart, `shared`
keeps a personal install's tabs and restarts together.

Most tests drive the corrections panel over the hand-made analysis of tests/unit/test_corrections.py
(every id known); the last ones run the real app on the bundled article.
"""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.session import keyed
from sourcetrace.focus import Focus
from sourcetrace.render import escape_markdown
from sourcetrace.workspace import FILENAME, Workspace
from tests.app import panel as claims_panel
from tests.unit.test_corrections import make_analysis, sp

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[2]


def _harness(id_offset: int = 0) -> None:
    import streamlit as st

    from components.corrections import render_corrections
    from components.session import corrected
    from tests.unit.test_corrections import make_analysis

    analysis = corrected(make_analysis(id_offset))
    st.session_state["_shown"] = analysis.model_dump(mode="json")
    render_corrections(analysis, None, key="corr")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A personal install: one workspace file in SOURCETRACE_HOME shared by every session (and restart)."""
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "shared")
    return tmp_path


@pytest.fixture
def hosted(tmp_path, monkeypatch) -> Path:
    """A hosted server as it is started by default: only SOURCETRACE_HOME, no workspace setting."""
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))
    monkeypatch.delenv("SOURCETRACE_WORKSPACE", raising=False)
    return tmp_path


def start(id_offset: int = 0) -> AppTest:
    at = AppTest.from_function(_harness, kwargs={"id_offset": id_offset}, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> dict:
    return at.session_state["_shown"]


def actors(at: AppTest) -> dict[str, dict]:
    return {a["id"]: a for a in shown(at)["actors"]}


def w(at: AppTest, name: str) -> str:
    """A corrections widget's key: the shown article's own (session.widget_key), when the app
    shows one (the harness renders the panel over a hand-made analysis, outside any article)."""
    article = at.session_state["article"] if "article" in at.session_state else None
    return keyed(name, article.content_hash if article is not None else None)


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def _read(markdown: str) -> str:
    """A message as the reader sees it: the panel escapes article words so none is read as Markdown."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def messages(at: AppTest) -> tuple[list[str], list[str]]:
    return [_read(s.value) for s in at.success], [_read(e.value) for e in at.error]


def test_rename_and_retype_actor(home):
    at = start()
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a2").run()
    at.text_input(key=w(at, "corr-actor-name-a2")).set_value("Al-Malaf (Iraqi news site)")
    click(at, "corr-actor-rename")
    assert actors(at)["a2"]["name"] == "Al-Malaf (Iraqi news site)"
    assert messages(at) == (["Renamed actor “al-Malaf” to “Al-Malaf (Iraqi news site)”"], [])
    assert "✎ Al-Malaf (Iraqi news site) · outlet, ORG" in at.selectbox(key=w(at, "corr-actor-pick")).options

    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a3").run()
    at.selectbox(key=w(at, "corr-actor-type-a3")).set_value("ORG")
    at.selectbox(key=w(at, "corr-actor-kind-a3")).set_value("document")
    click(at, "corr-actor-retype")
    assert (actors(at)["a3"]["type"], actors(at)["a3"]["kind"]) == ("ORG", "document")


def test_merge_split_add_delete_actor(home):
    at = start()
    # safe by default: no actor chosen, so no merge (or any other change) is one click away
    assert at.selectbox(key=w(at, "corr-actor-pick")).value is None
    assert [b for b in at.button if b.key == "corr-actor-merge"] == []  # nothing to merge into yet
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a4").run()
    assert at.selectbox(key=w(at, "corr-actor-merge-a4")).value is None  # no preselected target
    assert at.button(key="corr-actor-merge").disabled
    at.selectbox(key=w(at, "corr-actor-merge-a4")).set_value("a5").run()
    assert not at.button(key="corr-actor-merge").disabled
    click(at, "corr-actor-merge")
    assert "a5" not in actors(at)
    assert [m["text"] for m in actors(at)["a4"]["mentions"]] == ["Hassan Kazemi Qumi", "Kazemi Qomi", "Qumi"]
    assert "Kazemi Qomi · named, PERSON" not in at.selectbox(key=w(at, "corr-actor-pick")).options
    assert "✎ Hassan Kazemi Qumi · named, PERSON" in at.selectbox(key=w(at, "corr-actor-pick")).options

    at.selectbox(key=w(at, "corr-actor-split-a4")).set_value("Qumi")
    click(at, "corr-actor-split")
    split = [a for a in actors(at).values() if a["name"] == "Qumi"]
    assert len(split) == 1 and [m["start"] for m in split[0]["mentions"]] == [sp("Qumi", 1).start]

    at.text_input(key=w(at, "corr-actor-add-text")).set_value("Iranian")
    at.selectbox(key=w(at, "corr-actor-add-type")).set_value("NORP")
    click(at, "corr-actor-add")
    added = [a for a in actors(at).values() if a["name"] == "Iranian"]
    assert len(added) == 1 and (added[0]["type"], added[0]["kind"]) == ("NORP", "named")

    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a3").run()
    click(at, "corr-actor-delete")  # asks first, saying what goes
    assert "a3" in actors(at)
    assert [_read(w.value) for w in at.warning] == [
        "Delete “an official”? It goes from every view (1 mention, 1 network edge). "
        "1 claim keeps its words as a source, with no actor behind them."]
    click(at, "corr-actor-delete-cancel")
    assert "a3" in actors(at) and not at.warning
    click(at, "corr-actor-delete")
    click(at, "corr-actor-delete-confirm")
    assert "a3" not in actors(at)
    assert messages(at) == (["Deleted actor “an official”"], [])
    assert len(Workspace(home / FILENAME).edits("h-test")) == 4
    click(at, "corr-actor-flash-undo")  # one click, where the delete was made
    assert "a3" in actors(at)
    assert messages(at) == (["Undo: Deleted actor “an official”"], [])
    assert len(Workspace(home / FILENAME).edits("h-test")) == 5


def test_refused_correction_says_why_and_saves_nothing(home):
    at = start()
    at.text_input(key=w(at, "corr-actor-add-text")).set_value("Nouri al-Maliki")
    click(at, "corr-actor-add")
    assert messages(at) == ([], ["“Nouri al-Maliki” does not appear in the article text."])
    assert Workspace(home / FILENAME).edits("h-test") == []


def test_claim_corrections(home):
    at = start()
    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c1").run()
    at.selectbox(key=w(at, "corr-claim-link-c1")).set_value(2)
    at.selectbox(key=w(at, "corr-claim-link-actor-c1")).set_value("a6")
    at.selectbox(key=w(at, "corr-claim-link-kind-c1")).set_value("named")
    click(at, "corr-claim-setlink")
    chain = shown(at)["claims"][0]["chain"]
    assert (chain[2]["label"], chain[2]["kind"], chain[2]["actor"]) == ("Talabani", "named", "a6")

    click(at, "corr-claim-unattr")
    assert [k["kind"] for k in shown(at)["claims"][0]["chain"]] == ["publisher", "unattributed"]

    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c2").run()
    click(at, "corr-claim-dismiss")
    assert shown(at)["claims"][1]["dismissed"] is True
    click(at, "corr-claim-restore")  # a dismissal is itself correctable, not only by undo
    assert shown(at)["claims"][1]["dismissed"] is False
    assert messages(at)[0] == ["Restored claim “Qumi is powerful in Iranian circles”"]
    click(at, "corr-claim-dismiss")
    assert shown(at)["claims"][1]["dismissed"] is True

    at.text_input(key=w(at, "corr-claim-add-text")).set_value("Kazemi Qomi met Talabani")
    at.selectbox(key=w(at, "corr-claim-add-source")).set_value("a6")
    click(at, "corr-claim-add")
    new = shown(at)["claims"][2]
    assert new["content"]["text"] == "Kazemi Qomi met Talabani"
    assert [(k["label"], k["kind"], k["actor"]) for k in new["chain"]] == [
        ("NCRI", "publisher", "a1"), ("Talabani", "named", "a6")
    ]


def test_event_corrections(home):
    at = start()
    at.text_input(key=w(at, "corr-event-start-e1")).set_value("2007-07-01")
    at.text_input(key=w(at, "corr-event-end-e1")).set_value("2007-07-31")
    at.selectbox(key=w(at, "corr-event-precision-e1")).set_value("month")
    click(at, "corr-event-date")
    ev = shown(at)["events"][0]
    assert (ev["start"], ev["end"], ev["precision"], ev["corrected"]) == (
        "2007-07-01", "2007-07-31", "month", True
    )
    label = "✎ Kazemi Qomi met Talabani · 2007-07-01 – 2007-07-31"
    assert label in at.selectbox(key=w(at, "corr-event-pick")).options

    at.text_input(key=w(at, "corr-event-end-e1")).set_value("2006-01-01")
    click(at, "corr-event-date")
    assert messages(at)[1] == ["The interval ends (2006-01-01) before it starts (2007-07-01)."]

    click(at, "corr-event-delete")
    assert [_read(w.value) for w in at.warning] == [
        "Delete the event “Kazemi Qomi met Talabani” (2007-07-01 – 2007-07-31)? It goes from the timeline."]
    click(at, "corr-event-delete-confirm")
    assert shown(at)["events"] == []
    at.text_input(key=w(at, "corr-event-add-text")).set_value("Qumi is powerful")
    at.text_input(key=w(at, "corr-event-add-label")).set_value("Qumi in power")
    at.text_input(key=w(at, "corr-event-add-start")).set_value("2007-01-01")
    at.selectbox(key=w(at, "corr-event-add-precision")).set_value("open")
    click(at, "corr-event-add")
    events = [(e["label"], e["start"], e["end"]) for e in shown(at)["events"]]
    assert events == [("Qumi in power", "2007-01-01", None)]


def test_undo_redo_and_history(home):
    at = start()
    at.text_input(key=w(at, "corrections_author")).set_value("JD")
    assert at.button(key="corr-history-undo").disabled and at.button(key="corr-history-redo").disabled
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a6").run()
    at.text_input(key=w(at, "corr-actor-name-a6")).set_value("Jalal Talabani")
    click(at, "corr-actor-rename")
    click(at, "corr-history-undo")
    assert actors(at)["a6"]["name"] == "Talabani"
    assert messages(at)[0] == ["Undo: Renamed actor “Talabani” to “Jalal Talabani”"]
    click(at, "corr-history-redo")
    assert actors(at)["a6"]["name"] == "Jalal Talabani"
    assert at.button(key="corr-history-redo").disabled
    click(at, "corr-history-undo")
    history = at.markdown[-1].value.splitlines()
    assert all(line.endswith(" · JD") for line in history)
    assert [_read(line.split(" — ")[0]) for line in history] == [
        "1. ~~Renamed actor “Talabani” to “Jalal Talabani”~~ (undone)",
        "2. Undo: Renamed actor “Talabani” to “Jalal Talabani”",
        "3. Redo: Renamed actor “Talabani” to “Jalal Talabani”",
        "4. Undo: Renamed actor “Talabani” to “Jalal Talabani”",
    ]


def _view_harness() -> None:
    """The corrections panel, and beside it a correction made in a view (the article text's
    selection popover goes through `session.record_edit`), on a button."""
    import streamlit as st

    from components.corrections import render_corrections
    from components.session import corrected, record_edit
    from sourcetrace.selection import edit_from_selection
    from tests.unit.test_corrections import make_analysis

    analysis = corrected(make_analysis(0))
    if st.button("add from the text", key="view-add"):
        start = analysis.article.text.index("meetings")
        action = {"op": "add_actor", "start": start, "end": start + 8, "type": "EVENT", "kind": "named"}
        record_edit(analysis, edit_from_selection(analysis, action))
    render_corrections(analysis, None, key="corr")


def test_a_correction_made_in_a_view_is_signed_like_one_made_here(home):
    at = AppTest.from_function(_view_harness, default_timeout=30).run()
    at.text_input(key=w(at, "corrections_author")).set_value("JD")
    click(at, "view-add")
    history = at.markdown[-1].value.splitlines()
    assert len(history) == 1 and history[0].endswith(" · JD"), history
    assert "meetings" in history[0]


def test_corrections_survive_a_restart_and_a_renumbering_reanalysis(home):
    at = start()
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a4").run()
    at.selectbox(key=w(at, "corr-actor-merge-a4")).set_value("a5").run()
    click(at, "corr-actor-merge")
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a6").run()
    at.text_input(key=w(at, "corr-actor-name-a6")).set_value("Jalal Talabani")
    click(at, "corr-actor-rename")

    again = start()  # a new session: the server restarted, the workspace file is what remains
    assert "a5" not in actors(again) and actors(again)["a6"]["name"] == "Jalal Talabani"

    other = start(id_offset=10)  # another pipeline: every actor id is different
    assert "a15" not in actors(other)
    assert "Kazemi Qomi" in actors(other)["a14"]["aliases"]
    assert actors(other)["a16"]["name"] == "Jalal Talabani"
    assert [w.value for w in other.warning] == []


def test_an_edit_that_no_longer_applies_is_shown(home):
    ws = Workspace(home / FILENAME)
    from sourcetrace import corrections as C

    ws.append_edit("h-test", C.rename_actor(make_analysis(), "a3", "a U.S. official"))
    # the next analysis no longer finds "an official"
    at = AppTest.from_string(
        "from components.corrections import render_corrections\n"
        "from components.session import corrected\n"
        "from tests.unit.test_corrections import make_analysis\n"
        "a = make_analysis()\n"
        "a.actors = [x for x in a.actors if x.id != 'a3']\n"
        "import streamlit as st\n"
        "fixed = corrected(a)\n"
        "st.session_state['_warnings'] = fixed.warnings\n"
        "render_corrections(fixed, None, key='corr')\n",
        default_timeout=30,
    ).run()
    assert not at.exception
    problem = (
        "Edit 1 (Renamed actor “an official” to “a U.S. official”): no actor is mentioned at “an official” "
        f"(characters {sp('an official').start}–{sp('an official').end}) any more. It was not applied."
    )
    assert [_read(w.value) for w in at.warning] == [problem]
    assert at.session_state["_warnings"] == [problem]  # every view lists the analysis warnings


def test_damaged_workspace_opens_read_only_with_a_clear_message(home):
    (home / FILENAME).write_bytes(b"not a database at all " * 100)
    at = start()
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"The workspace {home / FILENAME} is damaged or is not a Sourcetrace")
    assert warnings[0].endswith("The app works without saving corrections.")
    assert at.button(key="corr-actor-add").disabled and at.button(key="corr-history-undo").disabled
    assert len(actors(at)) == 6  # the analysis is still shown, as extracted


def test_locked_workspace_gives_a_message_and_recovers_on_retry(home):
    Workspace(home / FILENAME)
    holder = sqlite3.connect(home / FILENAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        at = start()
        assert "is locked by another program" in at.warning[0].value
        assert at.button(key="corr-actor-add").disabled
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    click(at, "corr-status-retry")
    assert [w.value for w in at.warning] == []
    assert not at.button(key="corr-actor-add").disabled


# ---------------------------------------------------------------- the real app, bundled article


def test_real_app_merge_shows_everywhere_and_a_damaged_workspace_does_not_stop_it(home, bundled_analysis):
    named = [x for x in bundled_analysis.actors if x.kind == "named" and x.mentions]
    keep, absorb = named[0], named[1]
    n_actors = len(bundled_analysis.actors)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    at.switch_page("pages/corrections.py").run()
    assert not at.exception, at.exception
    assert len(at.selectbox(key=w(at, "corr-actor-pick")).options) == n_actors
    at.selectbox(key=w(at, "corr-actor-pick")).set_value(keep.id).run()
    at.selectbox(key=w(at, f"corr-actor-merge-{keep.id}")).set_value(absorb.id).run()
    click(at, "corr-actor-merge")
    options = at.selectbox(key=w(at, "corr-actor-pick")).options
    assert len(options) == n_actors - 1
    assert f"✎ {keep.name} · {keep.kind}, {keep.type}" in options
    assert f"{absorb.name} · {absorb.kind}, {absorb.type}" not in options
    assert Workspace(home / FILENAME).articles()[0].content_hash == bundled_analysis.article.content_hash

    restarted = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)  # only the file carries it
    restarted.run()
    restarted.switch_page("pages/corrections.py").run()
    assert not restarted.exception, restarted.exception
    assert restarted.selectbox(key=w(restarted, "corr-actor-pick")).options == options
    for view in ("pages/network.py", "pages/timeline.py", "pages/article.py"):
        at.switch_page(view).run()
        assert not at.exception, (view, at.exception)

    (home / FILENAME).unlink()
    for suffix in ("-wal", "-shm"):
        (home / (FILENAME + suffix)).unlink(missing_ok=True)
    (home / FILENAME).write_bytes(b"garbage " * 500)
    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    fresh.run()
    assert not fresh.exception, fresh.exception
    fresh.switch_page("pages/corrections.py").run()
    assert not fresh.exception, fresh.exception
    assert any("is damaged" in w.value for w in fresh.warning)
    assert len(fresh.selectbox(key=w(fresh, "corr-actor-pick")).options) == n_actors  # shown as extracted


def test_two_sessions_editing_the_same_article_both_land(home):
    tab1, tab2 = start(), start()
    tab1.selectbox(key=w(tab1, "corr-actor-pick")).set_value("a6").run()
    tab1.text_input(key=w(tab1, "corr-actor-name-a6")).set_value("Jalal Talabani")
    tab2.selectbox(key=w(tab2, "corr-claim-pick")).set_value("c2").run()
    click(tab1, "corr-actor-rename")
    click(tab2, "corr-claim-dismiss")  # tab2 still shows the analysis from before tab1's edit
    assert shown(tab2)["claims"][1]["dismissed"] is True
    assert actors(tab2)["a6"]["name"] == "Jalal Talabani"  # and now sees tab1's edit as well
    tab1.run()
    assert actors(tab1)["a6"]["name"] == "Jalal Talabani" and shown(tab1)["claims"][1]["dismissed"] is True
    assert [e.op for e in Workspace(home / FILENAME).edits("h-test")] == ["rename_actor", "dismiss_claim"]


def test_sidebar_lists_the_library_and_reopens_an_article(home):
    from sourcetrace.analysis import prepare_article

    other = prepare_article("Reuters reported that Jalal Talabani met Nouri al-Maliki in Baghdad on Monday.",
                            title="Talabani meets Maliki", publisher="Reuters")
    Workspace(home / FILENAME).add_article(other)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    labels = [b.label for b in at.sidebar.button if b.key and b.key.startswith("ws-open-")]
    assert "Talabani meets Maliki" in labels and len(labels) == 2  # the bundled article was filed too
    click(at, f"ws-open-{other.content_hash[:16]}")
    assert at.session_state["article"].content_hash == other.content_hash
    assert at.session_state["article"].title == "Talabani meets Maliki"
    assert at.button(key=f"ws-open-{other.content_hash[:16]}").disabled  # the one shown


def test_the_pickers_belong_to_their_article(home, bundled_analysis):
    """An actor chosen (and words typed) on the Corrections page of one article are not carried into
    the next: the same id there is another actor."""
    from sourcetrace.analysis import prepare_article

    other = prepare_article("Reuters reported that Jalal Talabani met Nouri al-Maliki in Baghdad on Monday.",
                            title="Talabani meets Maliki", publisher="Reuters")
    Workspace(home / FILENAME).add_article(other)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page("pages/corrections.py").run()
    assert not at.exception, at.exception
    first = at.selectbox(key=w(at, "corr-actor-pick"))
    common = bundled_analysis.actors[1].id
    first.set_value(common).run()
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == common
    at.text_input(key=w(at, "corr-actor-add-text")).set_value("Baghdad").run()
    click(at, f"ws-open-{other.content_hash[:16]}")
    assert at.session_state["article"].content_hash == other.content_hash
    picker = at.selectbox(key=w(at, "corr-actor-pick"))
    assert len(picker.options) >= 2  # so the same id names an actor of this article too
    assert picker.value is None  # yet nothing is chosen: the pick was the other article's
    assert at.text_input(key=w(at, "corr-actor-add-text")).value == ""
    assert w(at, "corr-actor-pick") != keyed("corr-actor-pick", bundled_analysis.article.content_hash)


def test_added_claim_can_take_a_later_occurrence_of_its_words(home):
    at = start()
    at.text_input(key=w(at, "corr-claim-add-text")).set_value("Qumi")
    at.number_input(key=w(at, "corr-claim-add-nth")).set_value(2)
    click(at, "corr-claim-add")
    new = shown(at)["claims"][2]
    assert (new["content"]["start"], new["content"]["text"]) == (sp("Qumi", 1).start, "Qumi")
    at.text_input(key=w(at, "corr-event-add-text")).set_value("Qumi")
    at.text_input(key=w(at, "corr-event-add-label")).set_value("x")
    at.number_input(key=w(at, "corr-event-add-nth")).set_value(3)
    click(at, "corr-event-add")
    assert messages(at) == ([], ["“Qumi” appears 2 time(s), not 3."])


def _focused_harness() -> None:
    import streamlit as st

    from components.corrections import render_corrections
    from components.session import corrected
    from tests.unit.test_corrections import make_analysis

    analysis = corrected(make_analysis())
    st.session_state["_shown"] = analysis.model_dump(mode="json")
    render_corrections(analysis, st.session_state.get("test_focus"), key="corr")


def test_the_panel_follows_the_shared_focus(home):
    at = AppTest.from_function(_focused_harness, default_timeout=30)
    at.session_state["test_focus"] = Focus(type="actor", id="a5")
    at.run()
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == "a5"
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a2").run()  # the analyst's own choice stays
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == "a2"
    at.session_state["test_focus"] = Focus(type="claim", id="c2")
    at.run()
    assert at.selectbox(key=w(at, "corr-claim-pick")).value == "c2"
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == "a2"
    at.session_state["test_focus"] = Focus(type="actor", id="a4")
    at.selectbox(key=w(at, "corr-actor-merge-a2")).set_value("a1")
    at.run()
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == "a4"
    at.selectbox(key=w(at, "corr-actor-merge-a4")).set_value("a5").run()
    click(at, "corr-actor-merge")
    assert at.selectbox(key=w(at, "corr-actor-pick")).value == "a4"
    assert not at.warning


# ---------------------------------------------------------------- workspace modes


def _library_harness(text: str, title: str) -> None:
    from components.library import render_workspace_sidebar
    from sourcetrace.analysis import prepare_article

    render_workspace_sidebar(prepare_article(text, title=title, publisher="Wire"))


def library(text: str, title: str) -> AppTest:
    """A session that shows (and so files) one article, with the sidebar library."""
    at = AppTest.from_function(_library_harness, kwargs={"text": text, "title": title}, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def listed(at: AppTest) -> list[str]:
    return sorted(b.label for b in at.sidebar.button if (b.key or "").startswith("ws-open-"))


MAYOR = "Abelard Quince, the mayor of Lisbon, said on Monday that the bridge would reopen."
MINISTER = "Delphine Varga, the transport minister, said the repairs in Budapest cost more than planned."


def rename_a6(at: AppTest) -> None:
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a6").run()
    at.text_input(key=w(at, "corr-actor-name-a6")).set_value("Jalal Talabani")
    click(at, "corr-actor-rename")
    assert actors(at)["a6"]["name"] == "Jalal Talabani"


def test_session_mode_is_the_default_and_keeps_corrections_apart(hosted):
    from components.workspace import FOLDER_KEY, MODE_KEY

    mine, stranger = start(), start()
    rename_a6(mine)
    stranger.run()
    assert actors(stranger)["a6"]["name"] == "Talabani"  # the stranger sees the analysis as extracted
    assert stranger.session_state[MODE_KEY] == "session"
    mine.run()
    assert actors(mine)["a6"]["name"] == "Jalal Talabani"  # this session keeps its own work
    folders = [at.session_state[FOLDER_KEY].path for at in (mine, stranger)]
    assert folders[0] != folders[1]
    assert [f.parent for f in folders] == [hosted / "sessions"] * 2
    assert [e.op for e in Workspace(folders[0] / FILENAME).edits("h-test")] == ["rename_actor"]
    assert Workspace(folders[1] / FILENAME).edits("h-test") == []
    assert not (hosted / FILENAME).exists()  # nothing in the persistent place


def test_session_mode_library_lists_only_this_sessions_articles(hosted):
    from components.workspace import SESSION_NOTE

    mayor, minister = library(MAYOR, "Mayor"), library(MINISTER, "Minister")
    mayor.run()
    assert listed(mayor) == ["Mayor"]
    assert listed(minister) == ["Minister"]
    assert [c.value for c in minister.sidebar.caption if c.value == SESSION_NOTE] == [SESSION_NOTE]
    assert not minister.sidebar.warning


def test_shared_mode_shares_library_and_corrections(home):
    from components.workspace import SESSION_NOTE

    tab1, tab2 = start(), start()
    rename_a6(tab1)
    tab2.run()
    assert actors(tab2)["a6"]["name"] == "Jalal Talabani"
    mayor, minister = library(MAYOR, "Mayor"), library(MINISTER, "Minister")
    mayor.run()
    untitled = escape_markdown("“NCRI - al-Malaf reported that an official said…”")  # its first words
    assert listed(mayor) == listed(minister) == ["Mayor", "Minister", untitled]
    assert "NCRI · undated · 1 edit" in [c.value for c in mayor.sidebar.caption]
    assert SESSION_NOTE not in [c.value for c in mayor.sidebar.caption]
    assert not (home / "sessions").exists()


def test_the_setting_is_read_from_st_secrets_and_the_environment_wins(hosted, monkeypatch):
    from components.workspace import MODE_KEY

    at = AppTest.from_function(_harness, default_timeout=30)
    at.secrets["SOURCETRACE_WORKSPACE"] = "shared"
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[MODE_KEY] == "shared"
    assert Workspace(hosted / FILENAME).has_article("h-test")

    monkeypatch.setenv("SOURCETRACE_WORKSPACE", " Session ")  # case and spaces do not matter
    at = AppTest.from_function(_harness, default_timeout=30)
    at.secrets["SOURCETRACE_WORKSPACE"] = "shared"
    at.run()
    assert at.session_state[MODE_KEY] == "session"


def test_a_bad_setting_says_so_in_one_sentence_and_keeps_sessions_apart(hosted, monkeypatch):
    from components.workspace import MODE_KEY, SESSION_NOTE

    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "sharred")
    at = library(MAYOR, "Mayor")
    assert [w.value for w in at.sidebar.warning] == [
        "SOURCETRACE_WORKSPACE is “sharred”, which is neither “session” nor “shared”, so each session "
        "gets a workspace of its own."
    ]
    assert at.session_state[MODE_KEY] == "session"
    assert SESSION_NOTE in [c.value for c in at.sidebar.caption]
    assert not (hosted / FILENAME).exists()


def test_a_sessions_folder_goes_when_its_state_is_dropped(hosted):
    import gc

    from components.workspace import FOLDER_KEY

    at = start()
    rename_a6(at)
    folder = at.session_state[FOLDER_KEY].path
    assert (folder / FILENAME).is_file()
    del at
    gc.collect()
    assert not folder.exists()


def test_no_folder_for_the_session_is_a_sentence_and_the_app_still_works(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where SOURCETRACE_HOME should be a folder")
    monkeypatch.setenv("SOURCETRACE_HOME", str(blocked))
    monkeypatch.delenv("SOURCETRACE_WORKSPACE", raising=False)
    at = start()
    assert [w.value for w in at.warning] == [
        f"No private folder for this session's workspace could be made in {blocked / 'sessions'} "
        "(Not a directory). The app works without saving corrections."
    ]
    assert at.button(key="corr-actor-add").disabled
    assert len(actors(at)) == 6  # the analysis is still shown, as extracted


# ---------------------------------------------------------------- chains and the article (issue 12 point 10)


def chain_of(at: AppTest, claim_id: str) -> list[tuple[str, str]]:
    claim = next(c for c in shown(at)["claims"] if c["id"] == claim_id)
    return [(k["label"], k["kind"]) for k in claim["chain"]]


def test_insert_a_hop_from_the_panel(home):
    at = start()
    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c1").run()
    assert at.button(key="corr-claim-hop").disabled  # no actor and no words yet
    assert at.selectbox(key=w(at, "corr-claim-hop-c1-at")).value == 3  # at the end of a sourced chain
    at.selectbox(key=w(at, "corr-claim-hop-c1-at")).set_value(1)
    at.text_input(key=w(at, "corr-claim-hop-c1-label")).set_value("Reuters").run()
    click(at, "corr-claim-hop")
    assert chain_of(at, "c1") == [("NCRI", "publisher"), ("Reuters", "outlet"), ("al-Malaf", "outlet"),
                                  ("an official", "anonymous")]
    assert messages(at) == (
        ["Inserted hop “Reuters” (outlet) at place 2 of claim “Hassan Kazemi Qumi attends the meetings”"], [])
    click(at, "corr-flash-undo")
    assert chain_of(at, "c1") == [("NCRI", "publisher"), ("al-Malaf", "outlet"), ("an official", "anonymous")]

    # a source chosen by its actor, before "unattributed" (the default place there): it replaces it
    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c2").run()
    assert at.selectbox(key=w(at, "corr-claim-hop-c2-at")).value == 1
    at.selectbox(key=w(at, "corr-claim-hop-c2-actor")).set_value("a6")
    at.selectbox(key=w(at, "corr-claim-hop-c2-kind")).set_value("named").run()
    click(at, "corr-claim-hop")
    assert chain_of(at, "c2") == [("NCRI", "publisher"), ("Talabani", "named")]


def test_re_parent_a_hop_from_the_panel(home):
    at = start()
    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c2").run()
    assert at.button(key="corr-claim-parent").disabled  # nowhere chosen yet
    under = at.selectbox(key=w(at, "corr-claim-parent-c2-under"))
    assert under.value is None
    assert under.options == [
        "directly under the page", "NCRI", "NCRI › al-Malaf", "NCRI › al-Malaf › an official"]
    under.set_value("c1:1").run()
    click(at, "corr-claim-parent")
    assert chain_of(at, "c2") == [
        ("NCRI", "publisher"), ("al-Malaf", "outlet"), ("unattributed", "unattributed")]
    assert "✎ " in at.selectbox(key=w(at, "corr-claim-pick")).format_func("c2")


def test_set_the_article_from_the_panel(home):
    at = start()
    publisher = next(t for t in at.text_input if t.key.startswith("corr-article-publisher"))
    assert publisher.value == "NCRI"
    published = next(t for t in at.text_input if t.key.startswith("corr-article-published"))
    publisher.set_value("NCRI (Paris)")
    published.set_value("2007-07-10")
    click(at, "corr-article-set")
    assert messages(at) == (["Set the article's publisher → “NCRI (Paris)”, date → “2007-07-10”"], [])
    art = shown(at)["article"]
    assert (art["publisher"], art["published"]) == ("NCRI (Paris)", "2007-07-10")
    assert {c["chain"][0]["label"] for c in shown(at)["claims"]} == {"NCRI (Paris)"}
    # the inputs show the article as corrected now
    refilled = next(t for t in at.text_input if t.key.startswith("corr-article-publisher"))
    assert refilled.value == "NCRI (Paris)"
    click(at, "corr-article-set")
    assert messages(at) == ([], ["The article already reads so: nothing to change."])
    bad = next(t for t in at.text_input if t.key.startswith("corr-article-published"))
    bad.set_value("10 July 2007")
    click(at, "corr-article-set")
    assert messages(at) == ([], ["“10 July 2007” is not a date (YYYY-MM-DD)."])


def test_a_merge_is_undone_from_its_own_message(home):
    at = start()
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a4").run()
    at.selectbox(key=w(at, "corr-actor-merge-a4")).set_value("a5").run()
    click(at, "corr-actor-merge")
    assert "a5" not in actors(at)
    click(at, "corr-flash-undo")
    assert "a5" in actors(at)
    assert messages(at) == (["Undo: Merged actor “Kazemi Qomi” into “Hassan Kazemi Qumi”"], [])
    assert [b for b in at.button if b.key == "corr-flash-undo"] == []  # an undo is redone from Redo


def test_a_saved_form_is_emptied_for_the_next_correction(home):
    at = start()
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a4").run()
    at.selectbox(key=w(at, "corr-actor-merge-a4")).set_value("a6").run()
    click(at, "corr-actor-merge")
    assert at.selectbox(key=w(at, "corr-actor-merge-a4")).value is None  # not the next merge's target
    assert at.button(key="corr-actor-merge").disabled
    at.selectbox(key=w(at, "corr-claim-pick")).set_value("c1").run()
    at.text_input(key=w(at, "corr-claim-hop-c1-label")).set_value("Reuters").run()
    click(at, "corr-claim-hop")
    assert at.text_input(key=w(at, "corr-claim-hop-c1-label")).value == ""
    assert at.button(key="corr-claim-hop").disabled


def test_real_app_the_articles_publisher_reaches_the_header_and_the_chains(home, bundled_analysis):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page("pages/corrections.py").run()
    assert not at.exception, at.exception
    publisher = next(t for t in at.text_input if t.key.startswith("corr-article-publisher"))
    assert publisher.value == bundled_analysis.article.publisher == "NCRI"
    publisher.set_value("National Council of Resistance of Iran")
    click(at, "corr-article-set")
    def header(page: AppTest) -> list[str]:  # the caption under the headline (Markdown-escaped)
        return [c.value.replace("\\", "") for c in page.caption if "relations" in c.value]

    assert header(at)[0].startswith("National Council of Resistance of Iran · 2007-07-10")
    chains = [[label for label, _, _ in card["chain"]] for card in claims_panel.panel(at)["cards"]]
    assert chains and all(c[0] == "National Council of Resistance of Iran" and "NCRI" not in c
                          for c in chains)
    at.switch_page("pages/article.py").run()
    assert not at.exception, at.exception
    assert header(at)[0].startswith("National Council of Resistance of Iran · 2007-07-10")


def test_article_words_in_the_panel_are_never_read_as_markdown(home):
    from sourcetrace.render import escape_markdown

    at = start()
    at.selectbox(key=w(at, "corr-actor-pick")).set_value("a6").run()
    planted = "**Talabani** [site](https://example.com) # not a heading"
    at.text_input(key=w(at, "corr-actor-name-a6")).set_value(planted)
    click(at, "corr-actor-rename")
    said = f"Renamed actor “Talabani” to “{planted}”"
    assert [s.value for s in at.success] == [escape_markdown(said)]
    assert messages(at) == ([said], [])
    assert at.markdown[-1].value.split(" — ")[0] == "1. " + escape_markdown(said)  # the history
    caption = next(c.value for c in at.caption if "mention" in c.value)
    assert caption == escape_markdown("1 mention(s); also called Talabani · ✎ corrected by the analyst")
