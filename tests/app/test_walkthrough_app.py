"""The Walkthrough page under AppTest: editor, ?step=N presentation mode, edits saved and restored."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sourcetrace import walkthrough as wt
from sourcetrace.workspace import Workspace

pytestmark = pytest.mark.app

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "pages/walkthrough.py"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCETRACE_HOME", str(tmp_path))  # a fresh workspace per test
    return tmp_path


def open_page(step: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(PAGE)
    if step is not None:
        at.query_params["step"] = step
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def progress_text(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def slide_html(at: AppTest) -> str:
    return next(m.value for m in at.markdown if 'class="wt-eyebrow"' in m.value)


def row_keys(at: AppTest) -> list[str]:
    """Step keys in the editor's order (from the "Show" toggles)."""
    return [t.key.split("-shown-", 1)[1] for t in at.toggle if "-shown-" in (t.key or "")]


def test_editor_lists_every_step_in_default_order(home, bundled_analysis) -> None:
    at = open_page()
    steps = wt.build_steps(bundled_analysis)
    assert row_keys(at) == [s.key for s in steps]
    assert all(t.value for t in at.toggle if "-shown-" in (t.key or ""))
    assert at.button(key="wt-start").label == "Start presenting"
    # the page's own downloads (the sidebar's workspace exports are app.py's frame, around every page)
    labels = [b.label for b in at.main.get("download_button")]
    assert labels == ["Report (HTML)", "Analysis (JSON)", "Claims (CSV)", "Actors (CSV)"]
    assert [b.label for b in at.sidebar.get("download_button")] == [
        "Export the workspace", "Export this article and its corrections",
    ]


def test_step_in_url_opens_presentation_mode(home, bundled_analysis) -> None:
    steps = wt.visible(wt.build_steps(bundled_analysis))
    at = open_page(step="3")
    assert progress_text(at) == f"Step 3 of {len(steps)}"
    assert f"<h2>{steps[2].title}</h2>" in slide_html(at)
    assert not at.toggle  # no editor in presentation mode
    at.button(key="wt-next").click().run()
    assert at.query_params["step"] == "4"
    assert progress_text(at) == f"Step 4 of {len(steps)}"
    at.button(key="wt-prev").click().run()
    at.button(key="wt-prev").click().run()
    assert progress_text(at) == f"Step 2 of {len(steps)}"
    assert "<h2>Key actors</h2>" in slide_html(at)


def test_first_and_last_steps_disable_their_buttons(home, bundled_analysis) -> None:
    count = len(wt.visible(wt.build_steps(bundled_analysis)))
    at = open_page(step="1")
    assert at.button(key="wt-prev").disabled and not at.button(key="wt-next").disabled
    at = open_page(step=str(count))
    assert at.button(key="wt-next").disabled and not at.button(key="wt-prev").disabled
    assert "<h2>How the claims are sourced</h2>" in slide_html(at)


@pytest.mark.parametrize(("raw", "expected"), [("999", "last"), ("0", "1"), ("abc", "1")])
def test_out_of_range_step_is_corrected_in_the_url(home, bundled_analysis, raw: str, expected: str) -> None:
    count = len(wt.visible(wt.build_steps(bundled_analysis)))
    want = str(count) if expected == "last" else expected
    at = open_page(step=raw)
    assert progress_text(at) == f"Step {want} of {count}"
    assert at.query_params["step"] == want


def test_exit_leaves_presentation_mode(home) -> None:
    at = open_page(step="2")
    at.button(key="wt-exit").click().run()
    assert "step" not in at.query_params
    assert at.button(key="wt-start")


def test_edits_are_saved_with_the_article_and_restored(home, bundled_analysis, monkeypatch) -> None:
    monkeypatch.setenv("SOURCETRACE_WORKSPACE", "shared")  # a personal install: a reload keeps them
    content_hash = bundled_analysis.article.content_hash
    at = open_page()
    prefix = f"wt-{content_hash[:12]}-"
    at.button(key=f"{prefix}down-article").click().run()  # article after the key actors
    at.toggle(key=f"{prefix}shown-summary").set_value(False).run()
    at.text_input(key=f"{prefix}note-actors").input("Start with who is named.").run()
    default = [s.key for s in wt.build_steps(bundled_analysis)]
    expected_order = ["actors", "article", *default[2:]]
    assert row_keys(at) == expected_order

    saved = Workspace(home / "workspace.sqlite3").load_walkthrough(content_hash)
    assert [s["key"] for s in saved] == expected_order
    assert saved[0] == {"key": "actors", "hidden": False, "note": "Start with who is named."}
    assert saved[-1] == {"key": "summary", "hidden": True, "note": ""}

    # a new session (a reload) restores them from the workspace
    again = open_page()
    assert row_keys(again) == expected_order
    assert again.toggle(key=f"{prefix}shown-summary").value is False
    assert again.text_input(key=f"{prefix}note-actors").value == "Start with who is named."
    shown = len(default) - 1
    present = open_page(step="1")
    assert progress_text(present) == f"Step 1 of {shown}"
    assert "<h2>Key actors</h2>" in slide_html(present)
    # the projected slide never shows a speaker note: the presenter's view does
    assert present.main.expander == []
    assert not [m for m in present.markdown if "Start with who is named." in m.value]
    presenter = open_page(step="1", presenter="1")
    assert progress_text(presenter) == f"Step 1 of {shown}"
    notes = [m.value for m in presenter.markdown if 'data-testid="wt-note"' in m.value]
    assert notes == ['<div class="wt-note" data-testid="wt-note">Start with who is named.</div>']
    upnext = next(m.value for m in presenter.markdown if 'data-testid="wt-next"' in m.value)
    article_step = wt.build_steps(bundled_analysis)[0]  # moved after the key actors
    assert f"<b>{html.escape(article_step.title)}</b>" in upnext


def test_present_from_a_step_skips_hidden_ones(home, bundled_analysis) -> None:
    prefix = f"wt-{bundled_analysis.article.content_hash[:12]}-"
    steps = wt.build_steps(bundled_analysis)
    at = open_page()
    at.toggle(key=f"{prefix}shown-article").set_value(False).run()
    assert at.button(key=f"{prefix}play-article").disabled
    at.button(key=f"{prefix}play-{steps[3].key}").click().run()  # the 4th step is the 3rd one shown
    assert at.query_params["step"] == "3"
    assert progress_text(at) == f"Step 3 of {len(steps) - 1}"
    assert f"<h2>{steps[3].title}</h2>" in slide_html(at)


def test_reset_restores_the_default(home, bundled_analysis) -> None:
    content_hash = bundled_analysis.article.content_hash
    prefix = f"wt-{content_hash[:12]}-"
    at = open_page()
    at.button(key=f"{prefix}down-article").click().run()
    at.button(key="wt-reset").click().run()
    assert row_keys(at) == [s.key for s in wt.build_steps(bundled_analysis)]


def test_session_mode_keeps_the_edits_in_this_sessions_workspace(home, bundled_analysis, monkeypatch) -> None:
    """The default on a hosted server: saved in the session's own workspace (so its export carries
    them), seen again in this session after visiting another view, never in a stranger's session."""
    from components.workspace import FOLDER_KEY

    monkeypatch.delenv("SOURCETRACE_WORKSPACE", raising=False)
    content_hash = bundled_analysis.article.content_hash
    prefix = f"wt-{content_hash[:12]}-"
    default = [s.key for s in wt.build_steps(bundled_analysis)]
    at = open_page()
    at.button(key=f"{prefix}down-article").click().run()
    at.text_input(key=f"{prefix}note-actors").input("Start with who is named.").run()
    expected_order = ["actors", "article", *default[2:]]

    mine = Workspace(at.session_state[FOLDER_KEY].path / "workspace.sqlite3")
    assert [s["key"] for s in mine.load_walkthrough(content_hash)] == expected_order
    assert '"note": "Start with who is named."' in mine.export_bytes(content_hash).decode()
    assert not (home / "workspace.sqlite3").exists()

    at.switch_page("pages/article.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert row_keys(at) == expected_order
    assert at.text_input(key=f"{prefix}note-actors").value == "Start with who is named."

    stranger = open_page()
    assert row_keys(stranger) == default
    assert stranger.text_input(key=f"{prefix}note-actors").value == ""


def test_audience_window_shows_the_presenters_deck(home, bundled_analysis, monkeypatch) -> None:
    """A session-mode workspace: the audience window is a new session without the presenter's
    order or hidden steps; it shows the deck the presenter's view published (?deck=token)."""
    from components.walkthrough import DECK_PREFIX

    monkeypatch.delenv("SOURCETRACE_WORKSPACE", raising=False)
    content_hash = bundled_analysis.article.content_hash
    prefix = f"wt-{content_hash[:12]}-"
    steps = wt.build_steps(bundled_analysis)
    at = open_page()
    at.toggle(key=f"{prefix}shown-article").set_value(False).run()
    at.button(key="wt-start-presenter").click().run()
    assert (at.query_params["step"], at.query_params["presenter"]) == ("1", "1")
    assert progress_text(at) == f"Step 1 of {len(steps) - 1}"
    token = at.session_state[DECK_PREFIX + content_hash]
    assert len(token) >= 16

    audience = open_page(step="1", deck=token)
    assert progress_text(audience) == f"Step 1 of {len(steps) - 1}"
    assert "<h2>Key actors</h2>" in slide_html(audience)  # the presenter hid the article step
    assert not [m for m in audience.markdown if 'data-testid="wt-note"' in m.value]
    # without the deck (or with a stale one) a window shows its own session's steps
    for other in (open_page(step="1"), open_page(step="1", deck="no-such-deck")):
        assert progress_text(other) == f"Step 1 of {len(steps)}"
        assert f"<h2>{html.escape(steps[0].title)}</h2>" in slide_html(other)
    # leaving presentation mode drops the presenter's and the deck's parameters
    audience.button(key="wt-exit").click().run()
    assert "deck" not in audience.query_params and "step" not in audience.query_params
