"""The chain and article operations of issue 12 point 10: insert a hop, re-parent a hop, set the
article's headline, publisher and date. The same hand-made story as test_corrections.py."""

from __future__ import annotations

import pytest

from sourcetrace import corrections as C
from sourcetrace.corrections import CorrectionError, Edit, apply_edits
from tests.unit.test_corrections import make_analysis


@pytest.fixture
def an():
    return make_analysis()


def chain(analysis, claim_id: str) -> list[tuple[str, str, str | None]]:
    return [(k.label, k.kind, k.actor) for k in analysis.claim(claim_id).chain]


# --- insert a hop ---------------------------------------------------------------------------------


def test_insert_a_relay_the_extraction_missed(an):
    edit = C.insert_hop(an, "c1", 1, kind="outlet", label="Reuters")
    out, problems = apply_edits(an, [edit])
    assert problems == []
    assert chain(out, "c1") == [("NCRI", "publisher", "a1"), ("Reuters", "outlet", None),
                                ("al-Malaf", "outlet", "a2"), ("an official", "anonymous", "a3")]
    assert out.claim("c1").corrected and not out.claim("c2").corrected
    assert C.describe(edit) == (
        "Inserted hop “Reuters” (outlet) at place 2 of claim “Hassan Kazemi Qumi attends the meetings”")
    assert apply_edits(an, [edit, C.undo_entry([edit])]) == (an, [])


def test_a_source_inserted_before_unattributed_replaces_it(an):
    out, problems = apply_edits(an, [C.insert_hop(an, "c2", 1, kind="anonymous", actor_id="a3")])
    assert problems == []
    assert chain(out, "c2") == [("NCRI", "publisher", "a1"), ("an official", "anonymous", "a3")]
    # a relay inserted there leaves the claim in that relay's own voice
    out, _ = apply_edits(an, [C.insert_hop(an, "c2", 1, kind="outlet", actor_id="a2")])
    assert chain(out, "c2") == [("NCRI", "publisher", "a1"), ("al-Malaf", "outlet", "a2"),
                                ("unattributed", "unattributed", None)]


def test_an_inserted_hop_follows_its_actor_and_its_anchor(an):
    log = [C.insert_hop(an, "c2", 1, kind="named", actor_id="a6"), C.rename_actor(an, "a6", "Jalal Talabani")]
    renumbered = make_analysis(id_offset=10)
    out, problems = apply_edits(renumbered, log)
    assert problems == []
    assert chain(out, "c2") == [("NCRI", "publisher", "a11"), ("Jalal Talabani", "named", "a16")]


def test_insert_hop_refuses_what_it_cannot_do(an):
    with pytest.raises(CorrectionError, match="Name the hop"):
        C.insert_hop(an, "c1", 1, kind="named")
    with pytest.raises(CorrectionError, match="not at place 5"):
        C.insert_hop(an, "c1", 4, kind="named", label="X")
    with pytest.raises(CorrectionError, match="is not a hop's kind"):
        C.insert_hop(an, "c1", 1, kind="unattributed", label="X")
    # a stored hop whose place is gone (the chain is shorter now) is reported, not applied
    stored = C.insert_hop(an, "c1", 3, kind="named", label="X")
    out, problems = apply_edits(an, [C.unattribute_claim(an, "c1"), stored])
    assert problems == [
        "Edit 2 (Inserted hop “X” (named) at place 4 of claim “Hassan Kazemi Qumi attends the meetings”): "
        "the claim's chain has 2 link(s) now, no place 4. It was not applied."]


# --- re-parent a hop ------------------------------------------------------------------------------


def test_a_hop_hangs_directly_under_the_page(an):
    edit = C.set_parent(an, "c1", 2)
    out, problems = apply_edits(an, [edit])
    assert problems == []
    assert chain(out, "c1") == [("NCRI", "publisher", "a1"), ("an official", "anonymous", "a3")]
    assert C.describe(edit) == (
        "Re-parented hop 3 of claim “Hassan Kazemi Qumi attends the meetings” directly under the page")


def test_a_hop_hangs_under_another_claims_relay(an):
    edit = C.set_parent(an, "c2", 1, parent_claim_id="c1", under=1)
    out, problems = apply_edits(an, [edit, C.rename_actor(an, "a2", "Al-Malaf")])
    assert problems == []
    # the relay copied from the other chain still reads its actor's name after a rename
    assert chain(out, "c2") == [("NCRI", "publisher", "a1"), ("Al-Malaf", "outlet", "a2"),
                                ("unattributed", "unattributed", None)]
    assert out.claim("c2").corrected
    assert C.describe(edit).endswith("under hop 2 of claim “Hassan Kazemi Qumi attends the meetings”")


def test_where_a_hop_can_hang_each_path_once_and_the_choice_builds_the_edit(an):
    # c2's "NCRI" is c1's "NCRI" (same path): listed once; an unattributed link is no relay
    assert C.hop_parents(an) == {
        "page": "directly under the page",
        "c1:0": "NCRI",
        "c1:1": "NCRI › al-Malaf",
        "c1:2": "NCRI › al-Malaf › an official",
    }
    def same(e: Edit) -> tuple:  # an edit's own id and time aside
        return e.op, e.targets, e.payload

    assert same(C.set_parent_under(an, "c2", 1, "c1:1")) == same(
        C.set_parent(an, "c2", 1, parent_claim_id="c1", under=1))
    assert same(C.set_parent_under(an, "c1", 2, C.PARENT_PAGE)) == same(C.set_parent(an, "c1", 2))
    with pytest.raises(CorrectionError, match="Choose a chain or the page"):
        C.set_parent_under(an, "c1", 2, "c1:x")


def test_set_parent_refuses_what_it_cannot_do(an):
    with pytest.raises(CorrectionError, match="no link 4"):
        C.set_parent(an, "c1", 3)
    with pytest.raises(CorrectionError, match="not under “unattributed”"):
        C.set_parent(an, "c1", 2, parent_claim_id="c2", under=1)
    with pytest.raises(CorrectionError, match="Choose a hop"):
        C.set_parent(an, "c1", 2, parent_claim_id="c2", under=5)
    half = Edit(op="set_parent", targets=[C.claim_target(an, "c1")], payload={"index": 1, "under": 0})
    assert apply_edits(an, [half])[1] == [
        "Edit 1 (set_parent) is malformed (ValueError). It was not applied."]


# --- the article's headline, publisher and date ---------------------------------------------------------


def test_set_the_articles_headline_publisher_and_date(an):
    edit = C.set_article(an, title="Iran's envoy in Iraq's security meetings", publisher="NCRI (Paris)",
                         published="2007-07-10")
    assert edit.targets == [] and edit.payload == {"title": "Iran's envoy in Iraq's security meetings",
                                                   "publisher": "NCRI (Paris)", "published": "2007-07-10"}
    out, problems = apply_edits(an, [edit])
    assert problems == []
    art = out.article
    assert (art.title, art.publisher, art.published) == (
        "Iran's envoy in Iraq's security meetings", "NCRI (Paris)", "2007-07-10")
    publisher = out.actor("a1")
    assert (publisher.name, publisher.aliases, publisher.corrected) == ("NCRI (Paris)", ["NCRI"], True)
    assert [c.chain[0].label for c in out.claims] == ["NCRI (Paris)", "NCRI (Paris)"]
    assert all(c.corrected for c in out.claims)
    assert C.describe(edit) == ("Set the article's headline → “Iran's envoy in Iraq's security meetings”, "
                                "publisher → “NCRI (Paris)”, date → “2007-07-10”")


def test_a_publisher_set_on_a_page_with_none_heads_every_chain(an):
    bare = an.model_copy(deep=True)
    bare.article.publisher = None
    bare.actors = [x for x in bare.actors if x.kind != "publisher"]
    for c in bare.claims:
        c.chain = [k for k in c.chain if k.kind != "publisher"]
    out, problems = apply_edits(bare, [C.set_article(bare, publisher="Daily Planet")])
    assert problems == []
    assert [chain(out, c.id)[0] for c in out.claims] == [("Daily Planet", "publisher", None)] * 2
    # only the headline: the chains are left alone
    out, _ = apply_edits(bare, [C.set_article(bare, title="A headline")])
    assert out.claims == bare.claims and out.article.title == "A headline"


def test_set_article_refuses_what_it_cannot_do(an):
    with pytest.raises(CorrectionError, match="Give the headline, the publisher or the date"):
        C.set_article(an)
    with pytest.raises(CorrectionError, match="already reads so"):
        C.set_article(an, publisher="NCRI")
    with pytest.raises(CorrectionError, match="YYYY-MM-DD"):
        C.set_article(an, published="10 July 2007")


def test_set_article_on_the_bundled_article(bundled_analysis):
    edit = C.set_article(bundled_analysis, publisher="National Council of Resistance of Iran")
    out, problems = apply_edits(bundled_analysis, [edit])
    assert problems == []
    heads = {c.chain[0].label for c in out.claims if c.chain and c.chain[0].kind == "publisher"}
    assert heads == {"National Council of Resistance of Iran"}
    assert out.article.publisher == "National Council of Resistance of Iran"
    assert apply_edits(bundled_analysis, [edit, C.undo_entry([edit])]) == (bundled_analysis, [])
