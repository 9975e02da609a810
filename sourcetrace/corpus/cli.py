"""`python -m sourcetrace corpus ingest|stats|provenance|search`."""

from __future__ import annotations

import argparse
import json
import sys

from sourcetrace.errors import SourcetraceError

EXIT_INPUT = 2


def _err(msg: str) -> None:
    print(f"sourcetrace: {msg}", file=sys.stderr)


def _print(data, fmt: str, table) -> None:
    if fmt == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        table(data)


def cmd_ingest(args: argparse.Namespace) -> int:
    from sourcetrace.analysis import Settings
    from sourcetrace.corpus.ingest import ingest

    settings = Settings(model=args.model, gazetteers=tuple(args.gazetteer or ()))
    workers = args.workers if args.workers is not None else 1
    result = ingest(
        args.paths,
        args.db,
        workers=0 if args.in_process else workers,
        scheduler=args.scheduler,
        metadata=args.metadata,
        settings=settings,
        batch_size=args.batch_size,
        progress=False if args.no_progress else None,
    )
    summary = result.as_dict()
    print(
        json.dumps(summary)
        if args.format == "json"
        else f"{result.added} added, {result.skipped} already in the store, {result.failed} failed, "
        f"{result.batches} batches"
    )
    return EXIT_INPUT if result.failed and not result.added and not result.skipped else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from sourcetrace.corpus.store import Store

    stats = Store(args.db).stats()
    _print(stats, args.format, lambda s: print("\n".join(f"{k:>13}  {v:,}" for k, v in s.items())))
    return 0


def cmd_provenance(args: argparse.Namespace) -> int:
    from sourcetrace.corpus.provenance import provenance
    from sourcetrace.corpus.store import Store

    report = provenance(Store(args.db), min_articles=args.min_articles)
    if args.format == "json":
        print(json.dumps(report if args.republications else report["clusters"], ensure_ascii=False, indent=2))
        return 0
    for c in report["clusters"]:
        publishers = sorted({a["publisher"] or "?" for a in c["appearances"]})
        print(f"{c['id']}  {len(c['appearances'])} articles, {len(publishers)} publishers: {c['claim'][:90]}")
        for a in c["appearances"]:
            print(
                f"    {a['published'] or 'undated':<10}  {a['publisher'] or '?':<22}  "
                f"{' › '.join(a['chain'])}"
            )
        for d in c["drift"]:
            print(f"    drift: {d['text']}")
    for e in report["republications"]:
        print(
            f"republication: {e['source_title'] or e['source'][:12]} -> "
            f"{e['target_title'] or e['target'][:12]} "
            f"({e['overlap']:.0%} of the text)"
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from sourcetrace.corpus.search import search_actor, search_claims
    from sourcetrace.corpus.store import Store

    store = Store(args.db)
    if args.actor:
        result = search_actor(store, args.actor, limit=args.limit)
    elif args.text:
        result = search_claims(store, args.text, limit=args.limit)
    else:
        _err("give a TEXT to search for, or --actor NAME.")
        return EXIT_INPUT

    def table(r) -> None:
        if "actor" in r:
            if r["actor"] is None:
                print(f"no actor named {args.actor!r} in the corpus")
                return
            a = r["actor"]
            print(
                f"{a['name']} ({a['type']}, {a['kind']}), in {a['articles']} articles; aliases: "
                f"{', '.join(a['aliases']) or '-'}"
            )
            print("as a source:")
        for h in r["claims"]:
            print(
                f"  {h['published'] or 'undated':<10}  {h['publisher'] or '?':<18}  {' › '.join(h['chain'])}"
            )
            print(f"      {h['content'][:140]}")
        if "mentioned_in" in r:
            print(f"named inside {len(r['mentioned_in'])} more claims")

    _print(result, args.format, table)
    return 0


def add_parser(sub) -> None:
    corpus = sub.add_parser("corpus", help="many articles: ingest a corpus, then follow claims across it")
    csub = corpus.add_subparsers(dest="corpus_command", required=True)

    i = csub.add_parser("ingest", help="analyse folders, files and JSON Lines into a corpus store")
    i.add_argument("paths", nargs="+", help="folders (.txt/.md/.html, .jsonl), files, JSON Lines files")
    i.add_argument("--db", required=True, help="the corpus store folder (created when missing)")
    i.add_argument("--workers", type=int, help="Dask worker processes on this machine (default 1)")
    i.add_argument("--scheduler", help="an existing Dask cluster, tcp://HOST:PORT")
    i.add_argument("--in-process", action="store_true", help="no Dask: analyse in this process")
    i.add_argument("--metadata", help="CSV/TSV keyed by file name: publisher, date, title, wire")
    i.add_argument("--batch-size", type=int, default=16, help="articles per committed batch (default 16)")
    i.add_argument("--model", help="spaCy pipeline name or path")
    i.add_argument("--gazetteer", action="append", help="extra EntityRuler JSONL file (repeatable)")
    i.add_argument("--no-progress", action="store_true", help="no progress bar")
    i.add_argument("--format", choices=("text", "json"), default="text")
    i.set_defaults(func=cmd_ingest)

    s = csub.add_parser("stats", help="counts of articles, claims, actors, events")
    s.add_argument("--db", required=True)
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_stats)

    p = csub.add_parser("provenance", help="claims stated in several articles: first appearance, drift")
    p.add_argument("--db", required=True)
    p.add_argument("--min-articles", type=int, default=2)
    p.add_argument(
        "--republications",
        action="store_true",
        help="JSON: an object with clusters, republications and corpus actors",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_provenance)

    q = csub.add_parser("search", help="claims by text, or what one actor says across the corpus")
    q.add_argument("text", nargs="?")
    q.add_argument("--db", required=True)
    q.add_argument("--actor", help="an actor's name or alias")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_search)


def run(args: argparse.Namespace) -> int:
    try:
        return args.func(args)
    except SourcetraceError as e:
        _err(str(e))
        return EXIT_INPUT
