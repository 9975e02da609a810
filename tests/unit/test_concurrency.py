"""Many users at once (issue 7), in the library: the shared spaCy pipeline from several threads
gives exactly the serial results, and concurrent first calls load it once. The app's half (ten
browser sessions at once) is tests/e2e/test_concurrency.py, which uses the articles below.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from sourcetrace.analysis import analyze_text

SESSIONS = 10

# Ten invented people and places, one per session: any of them seen in another session is a leak.
PEOPLE = [
    "Abelard Quince", "Beatrix Okonkwo", "Casimir Tanaka", "Delphine Varga", "Evander Moreau",
    "Fenella Ishikawa", "Gideon Achterberg", "Honoria Castellanos", "Ignatius Lindqvist",
    "Jessamy Oyelaran",
]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Budapest", "Marseille", "Sapporo", "Utrecht", "Seville",
          "Uppsala", "Lagos"]


def article_text(i: int) -> str:
    name, place = PEOPLE[i], PLACES[i]
    surname = name.split()[-1]
    return (
        f"Bridge in {place} to reopen, mayor says\n\n"
        f"{name}, the mayor of {place}, told reporters on Monday that the old bridge would reopen "
        f"next month. \"We are ready,\" {surname} said, according to the city council.\n\n"
        f"A spokesman for the transport ministry said the repairs in {place} had cost more than "
        f"planned, according to documents seen by local reporters.\n"
    )


def _dump(text: str) -> dict:
    return analyze_text(text).model_dump(mode="json")


@pytest.mark.timeout(300)
def test_threads_sharing_the_pipeline_get_the_serial_results() -> None:
    texts = [article_text(i) for i in range(SESSIONS)] * 2  # each text twice, interleaved
    serial = [_dump(t) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(_dump, texts))
    for i, (s, p) in enumerate(zip(serial, parallel, strict=True)):
        assert p == s, f"article {i % SESSIONS}: analysis differs when run beside other threads"
        assert PEOPLE[i % SESSIONS] in p["article"]["text"]


@pytest.mark.timeout(300)
def test_concurrent_first_calls_load_one_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcetrace import nlp

    monkeypatch.setattr(nlp, "_cache", {})  # as in a fresh server process; restored afterwards
    barrier = threading.Barrier(4)

    def first_call(_: int):
        barrier.wait()  # all four ask at the same moment, before any has a cached answer
        return nlp.get_pipeline()

    with ThreadPoolExecutor(max_workers=4) as pool:
        pipelines = list(pool.map(first_call, range(4)))
    loaded = len({id(p) for p in pipelines})
    assert loaded == 1, f"{loaded} pipelines loaded for one model: one per process is the rule"
