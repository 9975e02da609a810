"""Command line: `python -m sourcetrace analyze|evaluate|folds|export|schema` (and the rest, see --help)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sourcetrace.errors import SourcetraceError

EXIT_INPUT = 2


def _err(msg: str) -> None:
    print(f"sourcetrace: {msg}", file=sys.stderr)


def _expand(paths: list[str]) -> list[str]:
    """Folders become their .txt/.md/.html files, sorted; other paths stay in order."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(
                str(f) for f in sorted(path.iterdir()) if f.suffix.lower() in (".txt", ".md", ".html", ".htm")
            )
        else:
            out.append(p)
    return out


def _is_url(p: str) -> bool:
    return p.startswith(("http://", "https://"))


def cmd_analyze(args: argparse.Namespace) -> int:
    from sourcetrace.analysis import Settings, analyze_article, analyze_many
    from sourcetrace.load import check_published, load_path, load_stdin, load_url

    # A bad --published is one error, not one per file.
    published = check_published(args.published)
    settings = Settings(model=args.model, gazetteers=tuple(args.gazetteer or ()))
    for g in args.gazetteer or ():
        if not Path(g).is_file():
            _err(f"{g}: no such gazetteer file.")
            return EXIT_INPUT
    paths = _expand(args.paths)
    batch = len(paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    fmt = args.format or ("jsonl" if batch else "json")
    articles, failed = [], 0
    for p in paths:
        try:
            meta = {"title": args.title, "publisher": args.publisher, "published": published}
            if p == "-":
                articles.append(load_stdin(**meta))
            elif _is_url(p):
                articles.append(load_url(p, **meta))
            else:
                articles.append(load_path(p, **meta))
        except SourcetraceError as e:
            # In a batch a bad file is reported and skipped; the rest is still analysed.
            _err(str(e))
            failed += 1
    if not articles:
        if not paths:
            _err("no articles to analyse.")
        return EXIT_INPUT
    workspace = None
    if args.workspace:
        from sourcetrace.workspace import Workspace

        workspace = Workspace(args.workspace, read_only=True)  # the CLI reads corrections, never writes
    try:
        for analysis in analyze_many(articles, settings):
            if workspace is not None:
                # a corrected date: analysed again, so the events are dated from it
                analysis, problems = workspace.apply_to(analysis, lambda a: analyze_article(a, settings))
                for problem in problems:
                    _err(problem)
            data = analysis.model_dump(mode="json")
            print(json.dumps(data, ensure_ascii=False, indent=None if fmt == "jsonl" else 2), flush=True)
    except SourcetraceError as e:
        _err(str(e))
        return EXIT_INPUT
    except BrokenPipeError:
        # `... | head` closed the pipe: stop quietly, as other command-line tools do (and keep
        # the interpreter's final flush from raising again).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return EXIT_INPUT if failed and not batch else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from sourcetrace.model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sourcetrace", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles and print the JSON contract")
    a.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    a.add_argument("--format", choices=("json", "jsonl"))
    a.add_argument(
        "--model", help="spaCy pipeline name or path (default: SOURCETRACE_MODEL or best installed)"
    )
    a.add_argument("--gazetteer", action="append", help="extra EntityRuler JSONL file (repeatable)")
    a.add_argument("--published", help="publication date, YYYY-MM-DD (overrides the date the text states)")
    a.add_argument("--publisher", help="who published the page (overrides the publisher line)")
    a.add_argument("--title", "--headline", dest="title", help="the headline (overrides the detected one)")
    a.add_argument("--workspace", metavar="DB", help="apply the corrections saved in this workspace file")
    a.set_defaults(func=cmd_analyze)

    s = sub.add_parser("schema", help="print the JSON Schema of the analysis contract")
    s.add_argument("--output", "-o")
    s.set_defaults(func=cmd_schema)

    # each command module adds its own subcommand; one that is broken must fail here, loudly
    from sourcetrace import evaluate, export, folds, train, workspace

    for module in (evaluate, export, folds, train, workspace):
        module.add_parser(sub)
    from sourcetrace.corpus import cli as corpus_cli  # corpus ingest|stats|provenance|search (issue 13)

    corpus_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SourcetraceError as e:
        _err(str(e))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
