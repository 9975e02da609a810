"""Every correction reaches every surface that shows what it changed (issue 12 point 9).

A hand-made analysis of a short story written here (both "United States" and "Washington" occur,
as in the bug report: merging them left "Washington" in the chains and the card unmarked). Each
surface is read as the reader sees it (the claims panel's card, the network's nodes and edges,
the timeline's table, the walkthrough's steps, the Sources view's rows, the JSON, CSV and HTML
exports), keyed by what it shows ("claim:<its words>", "actor:<name>", "event:<label>", "edges",
"article"). Each correction states what must read differently afterwards; every pair of a
correction and a surface that shows one of those items is one test, and each test first checks
that the uncorrected analysis does NOT read so (the test would have caught the bug).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape

import pytest

from sourcetrace import corrections as C
from sourcetrace.model import (
    Actor,
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Claim,
    Event,
    Relation,
    Response,
    Span,
)
from tests.helpers import span_of

TEXT = (
    "Daily Ledger\n\n"
    "Sanctions loom as talks stall\n\n"
    "The United States warned Iran on 10 May 2021, and a U.S. envoy left. "
    "Washington said Iran had walked out of the talks. "
    "A senior diplomat said Tehran would reply by 12 May 2021. "
    "The Foreign Ministry told the European Union the sanctions were illegal. "
    "Iran declined to comment."
)
SENTENCES = [
    "The United States warned Iran on 10 May 2021, and a U.S. envoy left.",
    "Washington said Iran had walked out of the talks.",
    "A senior diplomat said Tehran would reply by 12 May 2021.",
    "The Foreign Ministry told the European Union the sanctions were illegal.",
]


def sp(words: str, nth: int = 0) -> Span:
    return span_of(TEXT, words, nth)


def story() -> Analysis:
    s1, s2, s3, s4 = (sp(s) for s in SENTENCES)
    publisher = ChainLink(label="Daily Ledger", kind="publisher", actor="a1")

    def source(label: str, kind: str, actor: str, attribution: str) -> list[ChainLink]:
        return [publisher, ChainLink(label=label, kind=kind, actor=actor, attribution=attribution)]

    return Analysis(
        article=Article(text=TEXT, title="Sanctions loom as talks stall", publisher="Daily Ledger",
                        published="2021-05-10", content_hash="h-surfaces"),
        actors=[
            Actor(id="a1", name="Daily Ledger", type="ORG", kind="publisher", mentions=[sp("Daily Ledger")]),
            Actor(id="a2", name="United States", type="GPE", kind="named", aliases=["U.S."],
                  mentions=[sp("United States"), sp("U.S.")]),
            Actor(id="a3", name="Iran", type="GPE", kind="named",
                  mentions=[sp("Iran"), sp("Iran", 1), sp("Iran", 2)]),
            Actor(id="a4", name="Washington", type="GPE", kind="named", mentions=[sp("Washington")]),
            Actor(id="a5", name="a senior diplomat", type="PERSON", kind="anonymous",
                  mentions=[sp("A senior diplomat")]),
            Actor(id="a6", name="Tehran", type="GPE", kind="named", mentions=[sp("Tehran")]),
            Actor(id="a7", name="Foreign Ministry", type="ORG", kind="named",
                  mentions=[sp("Foreign Ministry")]),
        ],
        relations=[
            Relation(source="a2", target="a3", kind="co-occurrence", evidence=[s1]),
            Relation(source="a3", target="a4", kind="co-occurrence", evidence=[s2]),
            Relation(source="a5", target="a6", kind="co-occurrence", evidence=[s3]),
            Relation(source="a4", target="a3", kind="source-of", label="source of", evidence=[s2]),
            Relation(source="a5", target="a6", kind="source-of", label="source of", evidence=[s3]),
        ],
        events=[
            Event(id="e1", label="The United States warned Iran", start="2021-05-10", end="2021-05-10",
                  precision="day", evidence=s1, actors=["a2", "a3"], date_text=sp("10 May 2021")),
            Event(id="e2", label="Iran walked out of the talks", start="2021-05-10", end="2021-05-10",
                  precision="day", evidence=s2, actors=["a4", "a3"]),
            Event(id="e3", label="Tehran would reply", start=None, end="2021-05-12", precision="open",
                  evidence=s3, actors=["a5", "a6"], date_text=sp("12 May 2021"), uncertain=True),
        ],
        attributions=[
            Attribution(id="t1", cue=sp("said"), source=sp("Washington"), source_actor="a4",
                        content=sp("Iran had walked out of the talks")),
            Attribution(id="t2", cue=sp("said", 1), source=sp("A senior diplomat"), source_actor="a5",
                        content=sp("Tehran would reply by 12 May 2021"), source_kind="anonymous"),
            Attribution(id="t3", cue=sp("told"), source=sp("Foreign Ministry"), source_actor="a7",
                        content=sp("the sanctions were illegal"), recipient=sp("the European Union")),
        ],
        claims=[
            Claim(id="c1", content=sp("The United States warned Iran on 10 May 2021"), actors=["a2", "a3"],
                  chain=[publisher, ChainLink(label="unattributed", kind="unattributed")], events=["e1"]),
            Claim(id="c2", content=sp("Iran had walked out of the talks"), actors=["a3"], events=["e2"],
                  chain=source("Washington", "named", "a4", "t1")),
            Claim(id="c3", content=sp("Tehran would reply by 12 May 2021"), actors=["a6"],
                  chain=source("a senior diplomat", "anonymous", "a5", "t2")),
            Claim(id="c4", content=sp("the sanctions were illegal"),
                  chain=source("Foreign Ministry", "named", "a7", "t3")),
        ],
        responses=[Response(id="r1", actor="a3", source=sp("Iran", 2), cue=sp("declined to comment"))],
    )


def ids(analysis: Analysis) -> dict[str, str]:
    return {x.name: x.id for x in analysis.actors}


# ---------------------------------------------------------------- the surfaces, as read


def _words(text: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _key(text: str) -> str:
    return "claim:" + " ".join(text.split())


def _edges(analysis: Analysis, pairs) -> str:
    names = {x.id: x.name for x in analysis.actors}
    return " | ".join(sorted(f"{names.get(s, s)} → {names.get(t, t)} ({kind})" for s, t, kind in pairs))


def read_actors(a: Analysis) -> dict[str, str]:
    """The actor list as the Corrections page and its pickers show it (✎ on corrected actors)."""
    from components.corrections import actor_label

    return {f"actor:{x.name}": actor_label(a, x.id) for x in a.actors}


def read_chains(a: Analysis) -> dict[str, str]:
    """Each claim's chain as the library's chips draw it (panel, Sources view, report)."""
    from sourcetrace.render import claim_chain_html

    return {_key(c.content.text): _words(claim_chain_html(c)) for c in a.claims}


def read_cards(a: Analysis) -> dict[str, str]:
    """The claims panel's cards: breadcrumbs, words and badges (✎ corrected, dismissed)."""
    from sourcetrace.panel import card, card_words

    words = {c.id: " ".join(card_words(card(c)).split()) for c in a.claims}
    return {_key(c.content.text): words[c.id].replace("✎ corrected", "✎") for c in a.claims}


def read_network(a: Analysis) -> dict[str, str]:
    """The network's nodes (label and tooltip) and edges (both actors and the kind)."""
    from sourcetrace.figures import network_data

    data = network_data(a)
    out = {f"actor:{n['label']}": f"{n['label']} · {n['title']}" for n in data["nodes"]}
    out["edges"] = _edges(a, [(e["from"], e["to"], e["kind"]) for e in data["edges"]])
    return out


def read_timeline(a: Analysis) -> dict[str, str]:
    """The timeline's events table: one row per event, its flags ("corrected" read as ✎)."""
    from components.timeline import events_table_html
    from sourcetrace.chronology import chronology

    table = events_table_html(a, chronology(a), None)
    labels = {e.id: e.label for e in a.events}
    rows = re.findall(r'<tr data-event="([^"]+)"[^>]*>(.*?)</tr>', table)
    return {f"event:{labels[i]}": _words(row).replace("corrected", "✎") for i, row in rows}


def read_walkthrough(a: Analysis) -> dict[str, str]:
    """The walkthrough's steps: the article step and one step per claim (its chain and lines)."""
    from sourcetrace.walkthrough import build_steps

    out = {}
    for step in build_steps(a):
        links = zip(step.chain, step.chain_kinds, strict=True)
        chain = " › ".join(f"{label} ({kind})" for label, kind in links)
        text = " · ".join([step.title, *step.lines, chain])
        if step.kind == "article":
            out["article"] = text
        elif step.kind == "claim":
            out[_key(step.lines[0])] = text
    return out


def read_sources(a: Analysis) -> dict[str, str]:
    """The Sources view: the source each claim rests on (its row's name and kind, who passed it
    on), the claims in a relay's own voice, and who declined to comment."""
    from sourcetrace.sourcing import counted_claims, source_rows, voice

    out = {}
    for row in source_rows(a):
        relays = "; ".join(" › ".join(label for label, _ in path) for path in row.passed_on_by)
        for said in row.said:
            out[_key(said.text)] = f"{row.label} ({row.kind}) passed on by {relays}"
        if row.declined:
            out[f"declined:{row.label}"] = row.label
    for claim in counted_claims(a):
        if (own := voice(claim)) is not None:
            out[_key(claim.content.text)] = own
    return out


def read_json(a: Analysis) -> dict[str, str]:
    """The JSON export, read back: claims' chains, actors, events, edges and the article (✎ where
    the contract says corrected)."""
    from sourcetrace.export import to_json

    data = json.loads(to_json(a))
    mark = lambda item: " ✎" if item["corrected"] else ""  # noqa: E731
    names = {x["id"]: x["name"] for x in data["actors"]}
    out = {f"actor:{x['name']}": f"{x['name']} {x['kind']} {x['type']} also {x['aliases']}{mark(x)}"
           for x in data["actors"]}
    for c in data["claims"]:
        chain = " › ".join(f"{k['label']} ({k['kind']})" for k in c["chain"])
        out[_key(c["content"]["text"])] = chain + (" [dismissed]" if c["dismissed"] else "") + mark(c)
    for e in data["events"]:
        who = ", ".join(names[i] for i in e["actors"])
        out[f"event:{e['label']}"] = f"{e['start']} – {e['end']} {e['precision']} · {who}{mark(e)}"
    out["edges"] = _edges(a, [(r["source"], r["target"], r["kind"]) for r in data["relations"]])
    art = data["article"]
    out["article"] = f"{art['title']} · {art['publisher']} · {art['published']}"
    return out


def read_csv(a: Analysis) -> dict[str, str]:
    """The claims CSV (chain and direct source's kind) and the actors CSV."""
    from sourcetrace.export import actors_csv, claims_csv

    out = {}
    for row in csv.DictReader(io.StringIO(claims_csv(a))):
        mark = " ✎" if row["corrected"] == "yes" else ""
        out[_key(row["claim"])] = f"{row['chain']} ({row['direct_source_kind']}){mark}"
    for row in csv.DictReader(io.StringIO(actors_csv(a))):
        out[f"actor:{row['name']}"] = f"{row['name']} {row['kind']} {row['type']} also {row['aliases']}"
    return out


def read_report(a: Analysis) -> dict[str, str]:
    """The HTML report: its heading and metadata, its claims with their chains, its slides."""
    from sourcetrace.export import to_html

    page = to_html(a)
    out = {"article": _words(" · ".join(re.findall(r"<h1>(.*?)</h1>\s*<div class=\"meta\">(.*?)</div>",
                                                  page, re.S)[0]))}
    for body in re.findall(r'<li class="claim-item"[^>]*>(.*?)</li>', page, re.S):
        words = re.search(r"<blockquote>(.*?)</blockquote>", body, re.S).group(1)
        out[_key(unescape(words))] = _words(body).replace("✎ corrected", "✎")
    for body in re.findall(r'<section class="slide"[^>]*data-key="claim:[^"]+"[^>]*>(.*?)</section>',
                           page, re.S):
        words = re.search(r"<blockquote>(.*?)</blockquote>", body, re.S).group(1)
        out["slide " + _key(unescape(words))] = _words(body)
    return out


@dataclass(frozen=True)
class Surface:
    read: Callable[[Analysis], dict[str, str]]
    shows: frozenset[str]  # the kinds of key it reads: claim, actor, event, edges, article, declined
    marks: frozenset[str] = frozenset()  # the kinds it marks ✎ when corrected


def _s(read, shows: str, marks: str = "") -> Surface:
    return Surface(read, frozenset(shows.split()), frozenset(marks.split()))


SURFACES: dict[str, Surface] = {
    "actors": _s(read_actors, "actor", "actor"),
    "chains": _s(read_chains, "claim"),
    "cards": _s(read_cards, "claim", "claim"),
    "network": _s(read_network, "actor edges"),
    "timeline": _s(read_timeline, "event", "event"),
    "walkthrough": _s(read_walkthrough, "claim article"),
    "sources": _s(read_sources, "claim declined"),
    "json": _s(read_json, "claim actor event edges article", "claim actor event"),
    "csv": _s(read_csv, "claim actor", "claim"),
    "report": _s(read_report, "claim article slide", "claim"),
}


# ---------------------------------------------------------------- what each correction must change


@dataclass(frozen=True)
class Expect:
    """What item `key` reads after the correction (`absent`: the surface no longer shows it;
    `gone_or_dismissed`: it is left out, or shown marked dismissed)."""

    key: str
    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    marked: bool = False
    absent: bool = False
    gone_or_dismissed: bool = False
    where_marked: bool = False  # only on the surfaces that mark this kind of item ✎
    only: frozenset[str] | None = None  # only on these surfaces (each shows it its own way)

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0] if ":" in self.key else self.key

    def fails(self, reading: dict[str, str], surface: Surface) -> str | None:
        """Why `reading` does not meet this expectation (None when it does)."""
        text = reading.get(self.key)
        if self.absent:
            return None if text is None else f"{self.key} is still shown: {text!r}"
        if self.gone_or_dismissed:
            return None if text is None or "dismissed" in text else f"{self.key} still counts: {text!r}"
        if text is None:
            return f"{self.key} is not shown (it reads {sorted(reading)})"
        missing = [w for w in self.has if w not in text]
        if self.marked and self.kind in surface.marks and "✎" not in text:
            missing.append("✎")
        extra = [w for w in self.lacks if w in text]
        if missing or extra:
            return f"{self.key} reads {text!r}: missing {missing}, still has {extra}"
        return None


def E(key: str, *has: str, lacks: tuple[str, ...] = (), marked: bool = True, only: str = "",
      **flags: bool) -> Expect:
    return Expect(key, tuple(has), tuple(lacks), marked, only=frozenset(only.split()) or None, **flags)


WASHINGTON_CLAIM = _key("Iran had walked out of the talks")
DIPLOMAT_CLAIM = _key("Tehran would reply by 12 May 2021")
MINISTRY_CLAIM = _key("the sanctions were illegal")
HEADLINE = "Sanctions loom as talks stall"


@dataclass(frozen=True)
class Case:
    build: Callable[[Analysis], list[C.Edit]]
    expect: tuple[Expect, ...] = field(default_factory=tuple)


CASES: dict[str, Case] = {
    # the bug report: "Washington" merged into "United States"
    "merge": Case(lambda a: [C.merge_actors(a, ids(a)["United States"], ids(a)["Washington"])], (
        E(WASHINGTON_CLAIM, "United States", lacks=("Washington",)),
        E("slide " + WASHINGTON_CLAIM, "United States", lacks=("Washington",)),
        E("actor:Washington", absent=True),
        # the absorbed name is an alias now
        E("actor:United States", "United States", "Washington", only="json csv"),
        E("actor:United States", "United States", only="actors network"),
        E("event:Iran walked out of the talks", "United States", lacks=("Washington,",)),
        E("edges", "United States → Iran (source-of)", lacks=("Washington",)),
    )),
    "rename": Case(lambda a: [C.rename_actor(a, ids(a)["a senior diplomat"], "a senior US diplomat")], (
        E(DIPLOMAT_CLAIM, "a senior US diplomat"),
        E("slide " + DIPLOMAT_CLAIM, "a senior US diplomat"),
        E("actor:a senior US diplomat", "a senior US diplomat"),
        E("event:Tehran would reply", "a senior US diplomat"),
        E("edges", "a senior US diplomat → Tehran (source-of)", lacks=("a senior diplomat →",)),
    )),
    "retype": Case(lambda a: [C.retype_actor(a, ids(a)["Foreign Ministry"], kind="document")], (
        E(MINISTRY_CLAIM, "document"),
        E("actor:Foreign Ministry", "document"),
    )),
    "split": Case(lambda a: [C.split_alias(a, ids(a)["United States"], "U.S.")], (
        E("actor:U.S.", "U.S."),
        E("actor:United States", lacks=("U.S.",)),
        E("event:The United States warned Iran", "U.S."),
    )),
    "add actor": Case(lambda a: [C.add_actor(a, "European Union", type="ORG", kind="named")], (
        E("actor:European Union", "European Union"),
        E("edges", "Foreign Ministry → European Union (co-occurrence)"),
    )),
    "delete actor": Case(lambda a: [C.delete_actor(a, ids(a)["a senior diplomat"])], (
        E(DIPLOMAT_CLAIM, "a senior diplomat", where_marked=True),  # the words stay, no actor behind them
        E("actor:a senior diplomat", absent=True),
        E("event:Tehran would reply", lacks=("a senior diplomat",)),
        E("edges", lacks=("a senior diplomat",)),
    )),
    "set link": Case(lambda a: [C.set_link(a, "c2", 1, actor_id=ids(a)["United States"])], (
        E(WASHINGTON_CLAIM, "United States", lacks=("Washington",)),
        E("slide " + WASHINGTON_CLAIM, "United States", lacks=("Washington",)),
        E("edges", "United States → Iran (source-of)", lacks=("Washington → Iran (source-of)",)),
    )),
    "unattribute": Case(lambda a: [C.unattribute_claim(a, "c3")], (
        E(DIPLOMAT_CLAIM, "Daily Ledger", lacks=("diplomat",)),
        E("slide " + DIPLOMAT_CLAIM, "Daily Ledger", lacks=("diplomat (",)),
        E("edges", lacks=("a senior diplomat → Tehran (source-of)",)),
    )),
    "dismiss": Case(lambda a: [C.dismiss_claim(a, "c4")], (
        E(MINISTRY_CLAIM, marked=False, gone_or_dismissed=True,
          only="cards json csv walkthrough sources report"),
        E("slide " + MINISTRY_CLAIM, absent=True),
    )),
    "dismiss a sourced claim": Case(lambda a: [C.dismiss_claim(a, "c2")], (
        E(WASHINGTON_CLAIM, marked=False, gone_or_dismissed=True,
          only="cards json csv walkthrough sources report"),
        E("edges", "Iran → Washington (co-occurrence)", lacks=("Washington → Iran (source-of)",)),
    )),
    "add claim": Case(lambda a: [C.add_claim(a, HEADLINE, C.new_claim_chain(a, ids(a)["Tehran"], "named"))], (
        E(_key(HEADLINE), "Daily Ledger", "Tehran"),
        E("slide " + _key(HEADLINE), "Tehran"),
    )),
    "event date": Case(lambda a: [C.set_event_date(a, "e3", "2021-05-13", "2021-05-13", "day")], (
        E("event:Tehran would reply", "2021-05-13 – 2021-05-13 day", only="json"),
        E("event:Tehran would reply", "13 May 2021 day", only="timeline"),
    )),
    "insert hop": Case(lambda a: [C.insert_hop(a, "c3", 1, kind="outlet", label="Reuters")], (
        E(DIPLOMAT_CLAIM, "Daily Ledger", "Reuters", "a senior diplomat"),
        E("slide " + DIPLOMAT_CLAIM, "Reuters"),
    )),
    "set parent": Case(lambda a: [C.set_parent(a, "c4", 1, parent_claim_id="c2", under=1)], (
        E(MINISTRY_CLAIM, "Washington", "Foreign Ministry"),
        E("slide " + MINISTRY_CLAIM, "Washington"),
    )),
    "set article": Case(lambda a: [C.set_article(a, title="Talks stall", publisher="The Daily Ledger",
                                                 published="2021-05-11")], (
        E("article", "Talks stall", "The Daily Ledger", "2021-05-11", marked=False),
        E(DIPLOMAT_CLAIM, "The Daily Ledger"),
        E("actor:The Daily Ledger", "The Daily Ledger"),
    )),
}


def _applies(expect: Expect, name: str) -> bool:
    surface = SURFACES[name]
    kind = "slide" if expect.key.startswith("slide ") else expect.kind
    if expect.only is not None and name not in expect.only:
        return False
    return kind in (surface.marks if expect.where_marked else surface.shows)


PAIRS = [
    pytest.param(case, surface, id=f"{case}-{surface}")
    for case, c in CASES.items() for surface in SURFACES
    if any(_applies(e, surface) for e in c.expect)
]


@pytest.mark.parametrize(("case", "surface"), PAIRS)
def test_a_correction_reaches_the_surface(case: str, surface: str) -> None:
    extracted = story()
    edits = CASES[case].build(extracted)
    corrected, problems = C.apply_edits(extracted, edits)
    assert problems == []
    s = SURFACES[surface]
    expects = [e for e in CASES[case].expect if _applies(e, surface)]
    before, after = s.read(extracted), s.read(corrected)
    # the test means something: the uncorrected analysis does not read so on this surface
    assert any(e.fails(before, s) for e in expects), f"{surface} already read so before the {case}"
    assert [why for e in expects if (why := e.fails(after, s))] == []


def test_every_correction_reaches_at_least_four_surfaces_and_every_surface_is_tested() -> None:
    from collections import Counter

    per_case = Counter(p.values[0] for p in PAIRS)
    per_surface = Counter(p.values[1] for p in PAIRS)
    assert set(per_surface) == set(SURFACES)
    assert sorted(per_case) == sorted(CASES)
    assert min(per_case[c] for c in CASES if c not in ("event date", "retype")) >= 3


def test_the_merged_card_is_marked_and_reads_the_kept_name() -> None:
    """The bug report, exactly: after the merge the card's chain reads "United States" and the
    card carries ✎; undoing the merge gives back the extraction."""
    from sourcetrace.panel import card, card_words

    extracted = story()
    merge = C.merge_actors(extracted, "a2", "a4")
    corrected, _ = C.apply_edits(extracted, [merge])
    claim = corrected.claim("c2")
    assert [(k.label, k.kind, k.actor) for k in claim.chain] == [
        ("Daily Ledger", "publisher", "a1"), ("United States", "named", "a2")]
    assert claim.corrected and "✎ corrected" in card_words(card(claim))
    assert [x.id for x in corrected.actors if x.corrected] == ["a2"]
    assert [c.id for c in corrected.claims if c.corrected] == ["c2"]
    assert [e.id for e in corrected.events if e.corrected] == ["e2"]
    assert corrected.responses == extracted.responses  # Iran declined: untouched by this merge
    undo = C.undo_entry([merge])
    assert C.apply_edits(extracted, [merge, undo]) == (extracted, [])


def test_a_label_the_analyst_typed_stays_when_the_actor_is_renamed() -> None:
    extracted = story()
    typed = C.set_link(extracted, "c2", 1, label="officials in Washington")
    rename = C.rename_actor(extracted, "a4", "the US government")
    corrected, problems = C.apply_edits(extracted, [typed, rename])
    assert problems == []
    assert corrected.claim("c2").chain[1].label == "officials in Washington"
    other, _ = C.apply_edits(extracted, [rename])
    assert other.claim("c2").chain[1].label == "the US government"


def test_a_merge_moves_who_declined_to_comment() -> None:
    from sourcetrace.sourcing import source_rows

    extracted = story()
    corrected, _ = C.apply_edits(extracted, [C.merge_actors(extracted, "a6", "a3")])  # Iran into Tehran
    assert corrected.responses[0].actor == "a6"
    declined = [(r.label, r.declined) for r in source_rows(corrected) if r.declined]
    assert declined == [("Tehran", ("declined to comment",))]


def test_a_restored_claim_gets_its_network_edges_back() -> None:
    extracted = story()
    dismiss = C.dismiss_claim(extracted, "c2")
    dismissed, _ = C.apply_edits(extracted, [dismiss])
    assert ("a4", "a3", "source-of") not in {(r.source, r.target, r.kind) for r in dismissed.relations}
    restore = C.dismiss_claim(dismissed, "c2", dismissed=False)
    restored, problems = C.apply_edits(extracted, [dismiss, restore])
    assert problems == []
    assert restored.relations == extracted.relations
    assert restored.attributions == extracted.attributions
