"""`python -m benchmarks [--only 1,2,5]`: run the benchmarks of issues 6 and 13 and print one table."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable

from benchmarks.common import (
    STATUS_ERROR,
    STATUS_SKIPPED,
    BenchResult,
    Row,
    Skip,
    machine_line,
    parse_only,
    render_table,
)

TITLES = {
    "1": "analysis overhead vs spaCy",
    "2": "scaling, 20x longer article",
    "3": "app cold start vs bare Streamlit+spaCy",
    "4": "app focus change (browser)",
    "5": "server memory",
    "6": "network of 300 actors stabilises",
    "7": "corpus: ingest on Dask, provenance growth",
    "8": "article text component, 150 KB article",
}


def _runners(args: argparse.Namespace) -> dict[str, Callable[[], BenchResult]]:
    # Imported lazily: the engine benchmarks need spaCy, the browser ones Playwright.
    def one() -> BenchResult:
        from benchmarks.engine import bench_overhead

        return bench_overhead(repeats=args.repeats, clock_name=args.clock)

    def two() -> BenchResult:
        from benchmarks.engine import bench_scaling

        return bench_scaling(repeats=args.repeats, clock_name=args.clock)

    def three() -> BenchResult:
        from benchmarks.browser import bench_cold_start

        return bench_cold_start(repeats=args.repeats)

    def four() -> BenchResult:
        from benchmarks.browser import bench_interaction

        return bench_interaction(repeats=max(5, args.repeats * 3))

    def five() -> BenchResult:
        from benchmarks.browser import bench_memory

        return bench_memory(n_articles=args.articles)

    def six() -> BenchResult:
        from benchmarks.browser import bench_network

        return bench_network(repeats=args.repeats)

    def seven() -> BenchResult:
        from benchmarks.corpus import bench_ingest, bench_provenance

        ingest, prov = bench_ingest(repeats=max(1, args.repeats - 1)), bench_provenance()
        return BenchResult(rows=ingest.rows + prov.rows, notes=ingest.notes + prov.notes)

    def eight() -> BenchResult:
        from benchmarks.browser import bench_article

        return bench_article(repeats=max(5, args.repeats))

    return {"1": one, "2": two, "3": three, "4": four, "5": five, "6": six, "7": seven, "8": eight}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--only", help="comma-separated benchmark numbers, e.g. 1,2,5")
    parser.add_argument("--repeats", type=int, default=3, help="repeats per measurement (median taken)")
    parser.add_argument("--articles", type=int, default=20, help="articles loaded in benchmark 5")
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu", help="clock for benchmarks 1-2 (default cpu)"
    )
    parser.add_argument(
        "--app-root", help="measure the app of another checkout (3-6), e.g. a copy with a fix to try"
    )
    args = parser.parse_args(argv)
    if args.app_root:
        from pathlib import Path

        from benchmarks.browser import set_app_root

        set_app_root(Path(args.app_root))
    runners = _runners(args)
    try:
        selected = parse_only(args.only, list(runners))
    except ValueError as err:
        parser.error(str(err))

    print(f"machine: {machine_line()}", flush=True)
    rows: list[Row] = []
    notes: list[str] = []
    started = time.perf_counter()
    for key in runners:
        if key not in selected:
            rows.append(Row(key, TITLES[key], status=STATUS_SKIPPED, note="not selected (--only)"))
            continue
        print(f"running {key}: {TITLES[key]} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            result = runners[key]()
            rows.extend(result.rows)
            notes.extend(result.notes)
        except Skip as reason:
            rows.append(Row(key, TITLES[key], status=STATUS_SKIPPED, note=str(reason)))
        except Exception as err:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc(file=sys.stderr)
            rows.append(Row(key, TITLES[key], status=STATUS_ERROR, note=f"{type(err).__name__}: {err}"))
        print(f"  {key} took {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)

    print()
    print(render_table(rows))
    for r in rows:
        if r.note:
            notes.append(f"{r.bench}: {r.status} - {r.note}" if r.status else f"{r.bench}: {r.note}")
    if notes:
        print()
        for n in notes:
            print(f"- {n}")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
