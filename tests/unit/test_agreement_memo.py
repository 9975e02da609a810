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


def _reads(monkeypatch, n: int) -> tuple[int, int]:
    """(mention evidence computed, mention evidence looked up) over an article of n paragraphs."""
    from sourcetrace.analysis import analyze_text

    counts = [0, 0]
    real, looked_up = agreement._mention_evidence, Agreement._mention

    def computed(d, start, end):
        counts[0] += 1
        return real(d, start, end)

    def lookup(self, d, start, end):
        counts[1] += 1
        return looked_up(self, d, start, end)

    monkeypatch.setattr(agreement, "_mention_evidence", computed)
    monkeypatch.setattr(Agreement, "_mention", lookup)
    analyze_text(
        "".join(
            f"Mr. John Smith met Ms. Ana Lopes in room {i}. He said deal {i} was fair. "
            f"She said talks {i} would go on.\n\n"
            for i in range(1, n + 1)
        )
    )
    return counts[0], counts[1]


def test_each_pronoun_adds_its_own_votes_so_the_work_grows_with_the_article(nlp, monkeypatch):
    # every resolved "He"/"She" adds a mention: its votes join the person's running tally, and
    # the earlier mentions are not walked again (n paragraphs, 4n - 1 reads; was 3n^2 lookups)
    assert _reads(monkeypatch, 10) == (39, 39)
    assert _reads(monkeypatch, 20) == (79, 79)
