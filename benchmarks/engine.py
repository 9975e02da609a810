"""Benchmarks 1 (analysis overhead over bare spaCy) and 2 (scaling with article length).

Both compare our `analyze*` with bare `nlp.pipe` / `nlp(text)` on the same pipeline object,
alternating baseline and subject runs in this process, and report medians.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from benchmarks.common import BenchResult, Row, fmt_ratio, fmt_seconds, median, ratio_row
from benchmarks.textgen import bundled_text, dev_articles

# The clock: CPU seconds of this process by default, because on a shared machine wall time
# mostly measures the other people's load; `--clock wall` when the machine is quiet.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def _measure(fn: Callable[[], object], clock: Callable[[], float]) -> float:
    gc.collect()  # garbage from the previous run is not this run's cost
    t0 = clock()
    fn()
    return clock() - t0


def _alternate(
    base: Callable[[], object], subj: Callable[[], object], repeats: int, clock: Callable[[], float]
) -> tuple[list[float], list[float]]:
    b: list[float] = []
    s: list[float] = []
    for i in range(repeats):
        order = (base, subj) if i % 2 == 0 else (subj, base)
        for fn in order:
            (b if fn is base else s).append(_measure(fn, clock))
    return b, s


def bench_overhead(repeats: int = 3, clock_name: str = "cpu") -> BenchResult:
    """1: analyze_many on the dev corpus vs nlp.pipe; analyze_text on the bundled article vs nlp()."""
    from sourcetrace.analysis import analyze_many, analyze_text, prepare_article
    from sourcetrace.nlp import get_pipeline

    clock = CLOCKS[clock_name]
    nlp = get_pipeline()
    texts, origin = dev_articles()
    n_chars = sum(len(t) for t in texts)

    def bare_batch() -> None:
        for _ in nlp.pipe(texts):
            pass

    def ours_batch() -> None:
        # prepare_article (structure detection) is part of what we add, so it is inside the clock.
        for _ in analyze_many([prepare_article(t) for t in texts]):
            pass

    # Warm-up (a tenth of the corpus): first calls fill vocab and lazy caches a warm app already has.
    for _ in nlp.pipe(texts[:8]):
        pass
    for _ in analyze_many([prepare_article(t) for t in texts[:8]]):
        pass
    b, s = _alternate(bare_batch, ours_batch, repeats, clock)
    r_batch = median(s) / median(b)

    text = bundled_text()

    def bare_one() -> None:
        nlp(text)

    def ours_one() -> None:
        analyze_text(text)

    for _ in range(2):
        bare_one()
        ours_one()
    one_repeats = max(9, repeats * 5)
    b1, s1 = _alternate(bare_one, ours_one, one_repeats, clock)
    r_one = median(s1) / median(b1)

    res = BenchResult()
    res.rows.append(
        ratio_row(
            "1a",
            f"analyze_many vs nlp.pipe, {origin}, {n_chars / 1000:.0f}k chars",
            fmt_seconds(median(s)),
            fmt_seconds(median(b)),
            r_batch,
            1.3,
        )
    )
    res.rows.append(
        ratio_row(
            "1b",
            f"warm analyze_text vs nlp(text), bundled article ({len(text)} chars)",
            fmt_seconds(median(s1)),
            fmt_seconds(median(b1)),
            r_one,
            1.5,
        )
    )
    res.notes.append(
        f"1: {clock_name} clock, medians of {repeats} (batch) and {one_repeats} (single) alternating runs."
    )
    return res


def bench_scaling(repeats: int = 3, n_join: int = 20, clock_name: str = "cpu") -> BenchResult:
    """2: one article made of `n_join` texts vs those texts one by one, cost per character."""
    from sourcetrace.analysis import analyze_article, prepare_article
    from sourcetrace.nlp import get_pipeline

    clock = CLOCKS[clock_name]
    nlp = get_pipeline()
    texts, origin = dev_articles()
    parts = texts[:n_join]
    long_text = "\n\n".join(parts)
    short_chars = sum(len(t) for t in parts)

    def ours_short() -> None:
        for t in parts:
            analyze_article(prepare_article(t))

    def ours_long() -> None:
        analyze_article(prepare_article(long_text))

    def bare_short() -> None:
        for t in parts:
            nlp(t)

    def bare_long() -> None:
        nlp(long_text)

    ours_short()
    ours_long()
    b, s = _alternate(ours_short, ours_long, repeats, clock)
    per_char_short = median(b) / short_chars
    per_char_long = median(s) / len(long_text)
    r = per_char_long / per_char_short

    bb, bs = _alternate(bare_short, bare_long, repeats, clock)
    r_bare = (median(bs) / len(long_text)) / (median(bb) / short_chars)

    res = BenchResult()
    res.rows.append(
        ratio_row(
            "2",
            f"{n_join}x-long article vs its {n_join} parts, per char ({origin.split(' (')[0]})",
            f"{median(s) / len(long_text) * 1e6:.1f} us/char",
            f"{per_char_short * 1e6:.1f} us/char",
            r,
            1.2,
        )
    )
    res.rows.append(
        Row(
            "2ref",
            "  same, bare nlp() (what spaCy itself allows)",
            f"{median(bs) / len(long_text) * 1e6:.1f} us/char",
            f"{median(bb) / short_chars * 1e6:.1f} us/char",
            fmt_ratio(r_bare),
            "reference",
            "",
        )
    )
    res.notes.append(
        f"2: {len(long_text)} chars long vs {n_join} articles of {short_chars / n_join:.0f} chars on average."
    )
    return res
