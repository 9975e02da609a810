"""Benchmark 7 (issue 13): corpus ingest on Dask against bare spaCy, worker memory, provenance growth.

7a/7b: the same texts (the benchmark corpus of textgen.dev_articles) ingested into a fresh store
by a Dask LocalCluster of 1 and of 2 worker processes, against bare `nlp.pipe` in this process,
alternated in one run. Wall clock (the point of two workers is wall time); the clusters are
started and their pipelines loaded before the clock starts (their start-up is reported apart).
7c: peak RSS of each worker process after the runs.
7d: provenance (MinHash LSH + rapidfuzz + drift) on 10^3, 10^4, 10^5 synthetic claims, of which
a tenth recur in 2-5 articles reworded; the growth per 10x should be near 10x, not 100x.
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import BenchResult, Row, cpu_seconds, fmt_seconds, median, process_tree, ratio_row
from benchmarks.textgen import dev_articles


def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def bench_ingest(repeats: int = 2) -> BenchResult:
    from sourcetrace.corpus.engine import start_client
    from sourcetrace.corpus.ingest import ingest
    from sourcetrace.nlp import get_pipeline

    texts, origin = dev_articles()
    work = Path(tempfile.mkdtemp(prefix="sourcetrace-bench-corpus-"))
    feed = work / "feed.jsonl"  # a temp copy, deleted below; never in the repository
    feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    nlp = get_pipeline()
    for _ in nlp.pipe(texts[:8]):
        pass

    runs: dict[str, list[float]] = {"bare": [], "w1": [], "w2": []}
    cpu: dict[str, list[float]] = {"bare": [], "w1": [], "w2": []}
    starts: dict[str, list[float]] = {"w1": [], "w2": []}
    peaks: list[float] = []

    def measure(name: str, fn) -> None:
        gc.collect()
        c0 = cpu_seconds(process_tree(os.getpid()))  # this process, the scheduler, the workers
        t0 = time.perf_counter()
        fn()
        runs[name].append(time.perf_counter() - t0)
        cpu[name].append(cpu_seconds(process_tree(os.getpid())) - c0)

    def bare() -> None:
        for _ in nlp.pipe(texts):
            pass

    def on_cluster(name: str, workers: int) -> None:
        # only this run's cluster is alive while it is measured: idle workers' CPU is no one's cost
        t0 = time.perf_counter()
        client, cluster = start_client(workers)
        client.register_plugin(_loader(), name="sourcetrace-pipeline")
        client.run(lambda: None)  # every worker up, its pipeline loaded
        starts[name].append(time.perf_counter() - t0)
        db = work / f"db-{name}-{len(runs[name])}"
        try:
            measure(name, lambda: _ingest_all(ingest, feed, db, client, len(texts)))
            peaks.extend(client.run(_rss_peak_mb).values())
        finally:
            client.close()
            cluster.close()
            shutil.rmtree(db, ignore_errors=True)

    order = [
        ("bare", lambda: measure("bare", bare)),
        ("w1", lambda: on_cluster("w1", 1)),
        ("w2", lambda: on_cluster("w2", 2)),
    ]
    try:
        for i in range(repeats):
            for _name, fn in order if i % 2 == 0 else order[::-1]:
                fn()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    start_1, start_2 = median(starts["w1"]), median(starts["w2"])
    bare_t, w1, w2 = median(runs["bare"]), median(runs["w1"]), median(runs["w2"])
    res = BenchResult()
    res.rows.append(
        ratio_row(
            "7a",
            f"ingest, 1 Dask worker vs bare nlp.pipe, {origin}",
            f"{fmt_seconds(w1)} ({len(texts) / w1:.1f} art/s)",
            f"{fmt_seconds(bare_t)} ({len(texts) / bare_t:.1f} art/s)",
            w1 / bare_t,
            1.3,
        )
    )
    cb, c1s = median(cpu["bare"]), median(cpu["w1"])
    res.rows.append(
        ratio_row(
            "7acpu",
            "  the same in CPU seconds (driver + scheduler + worker)",
            fmt_seconds(c1s),
            fmt_seconds(cb),
            c1s / cb,
            1.3,
        )
    )
    speedup = w1 / w2
    res.rows.append(
        Row(
            "7b",
            "ingest, 2 Dask workers vs 1 (rate)",
            f"{len(texts) / w2:.1f} art/s",
            f"{len(texts) / w1:.1f} art/s",
            f"{speedup:.2f}x",
            ">= 1.60x",
            "met" if speedup >= 1.6 else "MISSED",
        )
    )
    res.rows.append(
        Row(
            "7c",
            "peak RSS per Dask worker (spaCy + analysis)",
            f"{max(peaks):.0f} MB",
            "",
            f"{min(peaks):.0f}-{max(peaks):.0f} MB",
            "reference",
            "",
        )
    )
    res.notes.append(
        f"7a/7b: wall clock, medians of {repeats} alternated runs; cluster start-up with the pipeline "
        f"loaded, outside the clock: 1 worker {start_1:.1f} s, 2 workers {start_2:.1f} s. "
        "On a machine whose 2 cores are shared, 7b measures the others' load as much as ours."
    )
    return res


def _ingest_all(ingest, feed: Path, db: Path, client, expected: int) -> None:
    result = ingest([feed], db, client=client, progress=False, report=lambda _m: None)
    assert result.added == expected, result.as_dict()


def _loader():
    from sourcetrace.corpus.engine import PipelineLoader

    return PipelineLoader(None, ())


# ---------------------------------------------------------------- provenance growth


def synthetic_claims(n: int, seed: int = 7):
    """`n` claims over n/8 articles; a tenth state a proposition that recurs, reworded, in 2-5 articles."""
    from sourcetrace.corpus.provenance import ClaimRow

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    kinds = ["named", "anonymous", "document", "unattributed", "outlet"]
    rows: list[ClaimRow] = []
    n_articles = max(2, n // 8)
    prop = 0
    while len(rows) < n:
        words = rng.sample(vocab, rng.randint(8, 14))
        copies = rng.randint(2, 5) if rng.random() < 0.1 else 1
        prop += 1
        for copy in range(copies):
            w = list(words)
            if copies > 1 and rng.random() < 0.5:
                w[rng.randrange(len(w))] = rng.choice(vocab)  # reworded
            if copies > 1 and rng.random() < 0.3:
                w.insert(2, "reportedly")
            art = f"a{rng.randrange(n_articles)}"
            kind = rng.choice(kinds)
            rows.append(
                ClaimRow(
                    article=art,
                    claim=f"s{prop}.{copy}",  # the proposition it states, for the tests
                    content=" ".join(w),
                    start=0,
                    chain=[
                        {"label": art, "kind": "publisher", "actor": None},
                        {"label": f"source {rng.randrange(50)}", "kind": kind, "actor": None},
                    ],
                    innermost_kind=kind,
                    stance="asserts",
                    hedged="reportedly" in w,
                    hedge=None,
                    title=None,
                    publisher=f"pub{rng.randrange(40)}",
                    published=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                )
            )
    return rows[:n]


def bench_provenance(sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> BenchResult:
    from sourcetrace.corpus.provenance import claim_clusters

    claim_clusters(synthetic_claims(300))  # imports and first-call caches are no part of the growth
    res = BenchResult()
    times: list[float] = []
    for n in sizes:
        rows = synthetic_claims(n)
        gc.collect()
        t0 = time.process_time()
        clusters = claim_clusters(rows)
        times.append(time.process_time() - t0)
        res.rows.append(
            Row(
                f"7d-{n:.0e}".replace("+0", ""),
                f"provenance of {n:,} synthetic claims",
                fmt_seconds(times[-1]),
                "",
                f"{times[-1] / n * 1e6:.0f} us/claim",
                "reference",
                "",
                note=f"{len(clusters)} clusters",
            )
        )
    for (a, ta), (b, tb) in zip(
        zip(sizes, times, strict=True), zip(sizes[1:], times[1:], strict=True), strict=False
    ):
        growth = tb / ta
        res.rows.append(
            ratio_row(
                "7e",
                f"  growth {a:,} -> {b:,} claims ({b // a}x more)",
                fmt_seconds(tb),
                fmt_seconds(ta),
                growth / (b / a),
                1.5,
            )
        )
    res.notes.append(
        "7d/7e: CPU seconds; 7e's value is the growth divided by the growth in claims "
        "(1.0 = linear, 10 = quadratic over a 10x step); met at <= 1.5."
    )
    return res
