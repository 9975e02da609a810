"""The per-document memo of `Agreement`: each mention is read once, and the genders and
plurals are those of the uncached functions."""

from __future__ import annotations

from sourcetrace.attributions import agreement
from sourcetrace.attributions.agreement import Agreement, gender_of, plural
from sourcetrace.model import Actor, Span

TEXT = "Grace Obi, the company's chairwoman, said profits rose. Obi said she was pleased. Sources said so."


def _span(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start=start, end=start + len(word), text=word)


def test_each_mention_is_read_once_and_the_gender_is_unchanged(nlp, monkeypatch):
    doc = nlp(TEXT)
    obi = Actor(id="a1", name="Grace Obi", type="PERSON", kind="named",
                mentions=[_span(TEXT, "Grace Obi"), _span(TEXT, "Obi", 1)])  # fmt: skip
    expected = gender_of(obi, doc)
    calls: list[tuple[int, int]] = []
    real = agreement._mention_evidence

    def counted(d, start, end):
        calls.append((start, end))
        return real(d, start, end)

    monkeypatch.setattr(agreement, "_mention_evidence", counted)
    memo = Agreement()
    assert memo.gender(obi, doc) == expected == "f"
    obi.mentions.append(_span(TEXT, "she"))  # a new mention: only it is read
    assert memo.gender(obi, doc) == "f"
    assert memo.agrees(obi, "she", doc) and not memo.agrees(obi, "he", doc)
    assert sorted(calls) == sorted({(m.start, m.end) for m in obi.mentions})


def test_a_plural_group_is_never_he_and_the_memo_agrees(nlp):
    doc = nlp(TEXT)
    sources = Actor(
        id="a2", name="Sources", type="PERSON", kind="anonymous", mentions=[_span(TEXT, "Sources")]
    )
    memo = Agreement()
    assert memo.plural(sources, doc) is plural(sources, doc) is True
    assert not memo.agrees(sources, "he", doc)
