"""`evaluate --chains`: scoring hand-built predictions against a tiny synthetic gold set.

The two texts and the gold in tests/fixtures/chains/ are invented for these tests. The predictions
are built by hand (not by the engine), so every figure below is exact and does not move when the
engine changes; one test runs the real pipeline and checks only what the gold alone decides.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcetrace import analysis as analysis_module
from sourcetrace.chain_eval import (
    evaluate_chains,
    format_report,
    is_verb_label,
    no_comment_records,
    norm,
    read_gold,
    score_article,
)
from sourcetrace.cli import main
from sourcetrace.errors import InputError
from sourcetrace.model import Actor, Analysis, Article, Attribution, ChainLink, Claim, Event, Response, Span
from tests.helpers import span_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "chains"
GOLD = FIXTURES / "gold.json"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _actor(text: str, id_: str, name: str, *mentions: tuple[str, int], kind: str = "named") -> Actor:
    """An actor with mentions given as (words, nth occurrence)."""
    return Actor(
        id=id_, name=name, type="ORG", kind=kind, mentions=[span_of(text, w, n) for w, n in mentions]
    )


def _att(text: str, id_: str, source: str | None, cue: str, content: str, **kw) -> Attribution:
    kw.setdefault("source_actor", None)
    return Attribution(
        id=id_,
        cue=span_of(text, cue),
        source=span_of(text, source) if source else None,
        content=span_of(text, content),
        **kw,
    )


def _claim(text: str, id_: str, content: str, chain: list[ChainLink], **kw) -> Claim:
    return Claim(id=id_, content=span_of(text, content), chain=chain, **kw)


def harbor(article: Article | None = None) -> Analysis:
    text = _text("harbor.txt")
    article = (article or Article(text=text)).model_copy(update={"published": "2024-03-15"})
    return Analysis(
        article=article,
        actors=[
            _actor(text, "a1", "Harbor Gate Holdings", ("Harbor Gate Holdings", 0), ("Harbor Gate", 1)),
            _actor(text, "a2", "Diario Economico", ("Diario Economico", 0), kind="outlet"),
            _actor(text, "a3", "Share this", ("Share this", 0)),
        ],
        attributions=[
            _att(
                text,
                "t1",
                "newspaper Diario Economico",
                "reported",
                "The government is preparing",
                source_actor="a2",
                source_kind="outlet",
            ),
            _att(text, "t3", "Harbor Gate", "said", "The report is false", source_actor="a1"),
        ],
        claims=[
            # one hop missing: the anonymous officials are lost -> chain and kind wrong
            _claim(
                text,
                "c1",
                "The government is preparing to cancel the port concession",
                [
                    ChainLink(label="Atlantic Wire", kind="outlet"),
                    ChainLink(label="Diario Economico", kind="outlet", actor="a2", attribution="t1"),
                ],
            ),
            # an extra outer link is allowed; the denial is read as an assertion -> stance wrong
            _claim(
                text,
                "c2",
                "The report is false",
                [
                    ChainLink(label="Atlantic Wire", kind="outlet"),
                    ChainLink(label="Harbor Gate Holdings", kind="named", actor="a1", attribution="t3"),
                ],
            ),
            # the article's own voice given a (verb-labelled) source
            _claim(
                text,
                "c3",
                "The port handles a third of the country's exports",
                [
                    ChainLink(label="saying", kind="anonymous"),
                ],
            ),
            # a no-comment turned into a claim
            _claim(text, "c4", "to comment", [ChainLink(label="The embassy", kind="named")]),
        ],
        events=[
            Event(
                id="e1",
                label="cancel concession",
                start="2024-03-15",
                end="2024-03-15",
                precision="day",
                evidence=span_of(text, "The government is preparing"),
            ),
        ],
    )


def kivuli(article: Article | None = None) -> Analysis:
    text = _text("kivuli.txt")
    article = (article or Article(text=text)).model_copy(update={"published": None})
    return Analysis(
        article=article,
        actors=[
            _actor(text, "k1", "Kivuli Mining Ltd", ("Kivuli Mining Ltd", 0)),
            _actor(text, "k2", "Kivuli Mining", ("Kivuli Mining", 1)),  # not merged with k1
            _actor(text, "k3", "Amina Odhiambo", ("Amina Odhiambo", 0)),
        ],
        attributions=[
            _att(
                text,
                "t1",
                "the Daily Courier",
                "reported",
                "Kivuli Mining Ltd may have breached",
                source_kind="outlet",
            ),
            _att(
                text,
                "t2",
                "a leaked audit",
                "quoting",
                "Kivuli Mining Ltd may have breached",
                parent="t1",
                source_kind="document",
            ),
        ],
        claims=[
            # the inner link is labelled with its cue (a verb label) but its source text names the audit
            _claim(
                text,
                "b1",
                "Kivuli Mining Ltd may have breached its licence",
                [
                    ChainLink(label="Daily Courier", kind="outlet", attribution="t1"),
                    ChainLink(label="quoting", kind="document", attribution="t2"),
                ],
                hedged=True,
            ),
            _claim(
                text,
                "b2",
                "If anyone says we broke the rules, let them prove it",
                [
                    ChainLink(label="Amina Odhiambo", kind="named", actor="k3"),
                ],
            ),
            # conditional speech read as an attribution to "anyone"
            _claim(text, "b3", "we broke the rules", [ChainLink(label="anyone", kind="anonymous")]),
        ],
        events=[
            Event(
                id="e1",
                label="audit carried out",
                start="2024-04-30",
                end="2024-04-30",
                precision="day",
                evidence=span_of(text, "The audit was carried out on April 30"),
            ),
        ],
    )


def _gold():
    files, articles, warnings = read_gold([GOLD])
    assert (files, warnings) == ([str(GOLD)], [])
    return {a.name: a for a in articles}


def test_norm_folds_case_curly_quotes_and_spacing():
    assert norm("  “The  Report’s”\n false ") == '"the report\'s" false'


def test_verb_labels_are_reporting_verb_forms_only():
    verbs = ["saying", "also said", "Quoting", "mentioned", "is said", "according to", "quoted by", ""]
    actors = ["Report", "the report", "Said Hamdan", "Reuters", "a senior official", "Harbor Gate"]
    assert [is_verb_label(v) for v in verbs] == [True] * len(verbs)
    assert [is_verb_label(a) for a in actors] == [False] * len(actors)


def test_harbor_counts():
    score = score_article(_gold()["harbor.txt"], harbor())
    assert score.counts == {
        "claims": 2, "claims_found": 2, "chain_ok": 1, "kind_ok": 1, "stance_ok": 1,
        "denials": 1, "denials_ok": 0, "hedge_ok": 2, "merges": 1, "merges_ok": 1,
        "splits": 1, "splits_violated": 0, "unattributed": 1, "unattributed_violated": 1,
        "must_not_attribute": 0, "must_not_attribute_violated": 0, "no_comment": 1,
        "no_comment_found": 0, "comment_claims": 1, "spurious": 1, "spurious_actor_hits": 1,
        "spurious_claim_hits": 0, "links": 6, "verb_labels": 1, "events": 1, "events_found": 1,
        "dates": 1, "dates_found": 1,
    }  # fmt: skip
    assert score.problems == [
        "chain cancel: gold Diario Economico › officials familiar with the matter; "
        "got Atlantic Wire › Diario Economico",
        'own voice given a source: "The port handles a third of the country\'s exports"',
        "no-comment not recorded: the embassy",
        "chrome as actor: Share this",
        "verb label: 'saying'",
    ]


def test_kivuli_counts():
    score = score_article(_gold()["kivuli.txt"], kivuli())
    c = score.counts
    assert (c["claims_found"], c["chain_ok"], c["kind_ok"], c["stance_ok"], c["hedge_ok"]) == (2, 2, 2, 2, 2)
    assert (c["merges"], c["merges_ok"]) == (1, 0)
    assert (c["must_not_attribute"], c["must_not_attribute_violated"]) == (1, 1)
    assert (c["links"], c["verb_labels"], c["events_found"], c["dates"], c["dates_found"]) == (4, 1, 1, 1, 0)
    assert score.problems == [
        "not merged: Kivuli Mining Ltd / Kivuli Mining",
        "attributed to anyone: 'we broke the rules'",
        "verb label: 'quoting'",
        "publication date: gold 2024-05-02, got None",
    ]


def test_an_inner_link_more_than_the_gold_breaks_the_chain():
    text = _text("harbor.txt")
    analysis = harbor()
    analysis.claims[0] = _claim(
        text,
        "c1",
        "The government is preparing to cancel the port concession",
        [
            ChainLink(label="Diario Economico", kind="outlet"),
            ChainLink(label="officials familiar with the matter", kind="anonymous"),
            ChainLink(label="the matter", kind="anonymous"),
        ],
    )
    score = score_article(_gold()["harbor.txt"], analysis)
    assert (score.counts["chain_ok"], score.counts["kind_ok"]) == (1, 2)


def test_no_comment_records_are_read_from_the_responses_list():
    base = harbor()
    text = base.article.text
    who, cue = text.index("The embassy"), text.index("declined to comment")
    response = Response(
        id="r1",
        source=Span(start=who, end=who + 11, text="The embassy"),
        cue=Span(start=cue, end=cue + 19, text="declined to comment"),
    )
    analysis = base.model_copy(update={"responses": [response]})
    assert no_comment_records(analysis) == [["The embassy"]]
    score = score_article(_gold()["harbor.txt"], analysis)
    assert (score.counts["no_comment"], score.counts["no_comment_found"]) == (1, 1)


def test_read_gold_takes_a_folder_and_keeps_the_first_of_a_duplicate(tmp_path):
    (tmp_path / "a.json").write_text(GOLD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps({"articles": {"kivuli.txt": {"claims": []}}}), encoding="utf-8"
    )
    (tmp_path / "notes.json").write_text("[]", encoding="utf-8")
    files, articles, warnings = read_gold([tmp_path])
    assert files == [str(tmp_path / "a.json"), str(tmp_path / "b.json")]
    assert [(a.name, Path(a.gold_file).name) for a in articles] == [
        ("harbor.txt", "a.json"),
        ("kivuli.txt", "a.json"),
    ]
    assert warnings == [
        f"kivuli.txt: in {tmp_path / 'a.json'} and {tmp_path / 'b.json'}; the first is used",
        f"{tmp_path / 'notes.json'}: not a gold file (no 'articles' object); skipped",
    ]
    with pytest.raises(InputError, match="has no 'articles' object"):
        read_gold([tmp_path / "notes.json"])


@pytest.fixture
def hand_built(monkeypatch):
    builders = {"harbor.txt": harbor, "kivuli.txt": kivuli}
    seen: list = []

    def fake_analyze_many(articles, settings=None):
        seen.append(settings)
        return [builders[a.source_path](a) for a in articles]

    monkeypatch.setattr(analysis_module, "analyze_many", fake_analyze_many)
    return seen


def test_report_overall_rates(hand_built):
    report = evaluate_chains([GOLD], FIXTURES)
    data = report.as_dict()
    assert data["overall"]["articles"] == 2
    assert data["overall"]["rates"] == {
        "claim_recall": 1.0, "chain_accuracy": 0.75, "innermost_kind_accuracy": 0.75,
        "stance_accuracy": 0.75, "hedge_accuracy": 1.0, "merges_satisfied": 0.5,
        "no_comment_recall": 0.0, "events_found": 1.0, "dates_found": 0.5,
    }  # fmt: skip
    summary = format_report(report).splitlines()
    assert summary[-5:-1] == [
        "claim recall 100.0   chain accuracy  75.0   innermost kind  75.0   stance  75.0   hedge 100.0"
        "   (chain/kind/stance/hedge over found claims)",
        "denials read as denials 0/1   merges satisfied 1/2   splits violated 0/1   "
        "own-voice given a source 1/1   conditional/challenged attributed 1/1",
        "no-comment recall 0/1   'to comment' claims 1   chrome as actor 1, in a claim 0 (of 1 names)"
        "   verb labels 2/10 links",
        "events found 2/2   publication dates found 1/2 (where the text states one)",
    ]


def test_cli_json(hand_built, capsys):
    assert main(["evaluate", "--chains", str(GOLD), str(FIXTURES), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"]["harbor.txt"]["rates"]["chain_accuracy"] == 0.5
    assert data["articles"]["kivuli.txt"]["claims"][0] == {
        "id": "breach", "content_key": "may have breached its licence",
        "gold_chain": ["Daily Courier", "audit"],
        "found": True, "chain_ok": True, "kind_ok": True, "stance_ok": True, "hedge_ok": True,
        "content": "Kivuli Mining Ltd may have breached its licence", "chain": ["Daily Courier", "quoting"],
        "kinds": ["outlet", "document"], "stance": "asserts", "hedged": True,
    }  # fmt: skip


def test_cli_passes_switched_off_rules_to_the_analysis(hand_built, capsys):
    assert main(["evaluate", "--chains", str(GOLD), str(FIXTURES), "--without", "according_to"]) == 0
    assert [s.disabled_rules for s in hand_built] == [("according_to",)]
    assert main(["evaluate", "--chains", str(GOLD), str(FIXTURES), "--without", "no_such_rule"]) == 2
    assert "Unknown attribution rule no_such_rule" in capsys.readouterr().err


def test_cli_says_when_texts_are_missing(tmp_path, capsys):
    assert main(["evaluate", "--chains", str(GOLD), str(tmp_path)]) == 2
    assert "None of the 2 gold articles has its text in" in capsys.readouterr().err


def test_real_pipeline_runs_and_counts_what_the_gold_decides(capsys):
    assert main(["evaluate", "--chains", str(FIXTURES), str(FIXTURES), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["overall"]["counts"]
    decided_by_gold = ("claims", "denials", "merges", "splits", "unattributed", "must_not_attribute",
                       "no_comment", "spurious", "events", "dates")  # fmt: skip
    assert {k: counts[k] for k in decided_by_gold} == {
        "claims": 4, "denials": 1, "merges": 2, "splits": 1, "unattributed": 1, "must_not_attribute": 1,
        "no_comment": 1, "spurious": 1, "events": 2, "dates": 2,
    }  # fmt: skip
    assert 0 <= counts["claims_found"] <= 4 and 0 <= counts["dates_found"] <= 2


def _denial_pair(denial_chain: list[ChainLink], report_chain: list[ChainLink]) -> Analysis:
    """Harbor's denial predicted twice over the same words: the denier's claim (longer, denies) and
    the report's proposition (shorter, asserts), as a denied report is split."""
    text = _text("harbor.txt")
    analysis = harbor()
    analysis.claims[1:2] = [
        _claim(text, "d1", '"The report is false," Harbor Gate said', denial_chain, stance="denies"),
        _claim(text, "d2", "The report is false", report_chain),
    ]
    return analysis


def test_a_denial_is_scored_on_the_claim_with_its_stance_when_no_chain_tells_them_apart():
    wrong_a = [ChainLink(label="The embassy", kind="named")]
    wrong_b = [ChainLink(label="Diario Economico", kind="outlet", actor="a2")]
    score = score_article(_gold()["harbor.txt"], _denial_pair(wrong_a, wrong_b))
    c = score.counts
    # the other gold claim ("cancel") keeps its wrong chain and right stance
    assert (c["claims_found"], c["chain_ok"], c["stance_ok"], c["denials_ok"]) == (2, 0, 2, 1)
    denial = next(row for row in score.claims if row["id"] == "denial")
    assert (denial["content"], denial["stance"]) == ('"The report is false," Harbor Gate said', "denies")


def test_a_denial_is_scored_on_the_claim_whose_chain_matches_even_when_its_stance_is_wrong():
    harbor_gate = [ChainLink(label="Harbor Gate Holdings", kind="named", actor="a1")]
    wrong = [ChainLink(label="The embassy", kind="named")]
    analysis = _denial_pair(wrong, harbor_gate)
    score = score_article(_gold()["harbor.txt"], analysis)
    c = score.counts
    assert (c["chain_ok"], c["stance_ok"], c["denials_ok"]) == (1, 1, 0)
    denial = next(row for row in score.claims if row["id"] == "denial")
    assert (denial["content"], denial["stance"]) == ("The report is false", "asserts")
