"""The learned chrome line classifier (sourcetrace/chrome_model.py), on made-up pages only."""

import json

import pytest

from sourcetrace import chrome_model as cm
from sourcetrace.structure import detect_structure

PAGE = """Harbor Gate shares slide after port report

Officials at the port authority told reporters on Monday that the concession would be reviewed this year.

Members get more

The company has operated the terminal since 2009 and employs about 4,000 people in the region.

Harbor Gate denied the report in a statement issued late on Monday evening.

Sign in to unlock member-only benefits

Kivuli Mining
Ports
Shipping
"""


def _chrome(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.span.text) for c in detect_structure(text).structure.chrome]


@pytest.fixture
def rules_only():
    cm.ENABLED = False
    yield
    cm.ENABLED = True


def test_shipped_model_loads_with_its_feature_set():
    model = cm.load_model()
    assert model is not None
    assert tuple(model["features"]) == cm.FEATURES
    assert len(model["coef"]) == len(model["mean"]) == len(model["scale"]) == len(cm.FEATURES)
    assert 0.5 <= model["threshold"] < 1.0


def test_weights_of_another_feature_set_are_not_used(tmp_path):
    f = tmp_path / "weights.json"
    f.write_text(json.dumps({"features": ["log_chars"], "mean": [0], "scale": [1], "coef": [1],
                             "intercept": 0, "threshold": 0.5}), encoding="utf-8")
    assert cm.load_model(str(f)) is None


def test_features_have_one_value_per_name():
    lines = [line for line in PAGE.splitlines() if line.strip()]
    assert all(len(cm.line_features(lines, i)) == len(cm.FEATURES) for i in range(len(lines)))


def test_model_reads_widget_lines_the_rules_leave(rules_only):
    assert _chrome(PAGE) == [("furniture", "Members get more")]


def test_model_adds_the_sign_in_prompt_never_the_story_nor_a_bare_name():
    assert _chrome(PAGE) == [
        ("furniture", "Members get more"),
        ("furniture", "Sign in to unlock member-only benefits"),
    ]  # "Kivuli Mining", "Ports", "Shipping": bare names are the rules' to read
    found = detect_structure(PAGE)
    assert found.title == "Harbor Gate shares slide after port report"


def test_a_sentence_reporting_speech_is_never_dropped():
    assert cm.reports_speech("Harbor Gate denied the report in a statement issued late on Monday.")
    assert cm.reports_speech("Officials told reporters the port would close.")
    assert not cm.reports_speech("Sign in to unlock member-only benefits!")
    assert not cm.reports_speech("He said no.")  # under five words: not a sentence that reports


def test_body_flow_is_protected():
    wrapped = ["The ministry said on Tuesday that the concession would",
               "be reviewed before the end of the year by an independent panel.",
               "Port Talks Resume After Strike",
               "Dockers returned to work on Wednesday after a week-long stoppage at the terminal.",
               "Advertisement",
               "Unions and the operator will meet again on Friday to settle the pay dispute."]
    assert cm.continues_paragraph(wrapped, 1)  # a hard-wrapped paragraph's next line
    assert cm.continues_paragraph(wrapped, 2)  # a short line between two paragraphs: a subheading
    assert not cm.continues_paragraph(wrapped, 4)  # a widget word: not protected
    assert cm.continues_paragraph(["Dockers returned to work on Wednesday after a long strike.",
                                   "Twitter shares fell 3.1 per cent to $29.90 in extended trading."], 1)
    assert not cm.continues_paragraph(["Dockers returned to work on Wednesday after a long strike.",
                                       "This video cannot be played in your browser right now, sorry."], 1)


def test_furniture_lines_skips_protected_lines_even_above_threshold():
    n = len(cm.FEATURES)
    always = {"features": list(cm.FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.0] * n,
              "intercept": 10.0, "threshold": 0.5}
    lines = ["Trending now: port deal", "Officials told reporters on Monday that the deal was off.",
             "Share this", "Harbor Gate", "The deal is off.", "“No.”"]
    assert cm.furniture_lines(lines, list(range(6)), always) == [0, 2]
    cut = ["Dockers returned to work on Wednesday after a week-long stoppage at the terminal.",
           "The operator has previously b"]
    assert cm.furniture_lines(cut, [1], always) == []  # a cut-off last line is the story's
