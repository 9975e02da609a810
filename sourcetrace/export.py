"""Exports for people who will not install anything: one self-contained HTML report, JSON, CSV.

The HTML report inlines everything it needs (vis-network from pyvis's bundled copy, plotly.js from
the plotly package, our CSS) so it opens offline and loads nothing remote. Article text is
untrusted: it is HTML-escaped in markup, and JSON placed inside <script> has "</" and "<!--"
escaped so a crafted article cannot close the script element.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from functools import cache
from pathlib import Path

from markupsafe import Markup

from sourcetrace import render, walkthrough
from sourcetrace.errors import InputError
from sourcetrace.model import Analysis

# ---------------------------------------------------------------- JSON and CSV


def to_json(analysis: Analysis) -> str:
    """The analysis contract, exactly what `python -m sourcetrace analyze` prints."""
    return json.dumps(analysis.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text from the article may start with = + - @."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # what spreadsheets expect
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


def claims_csv(analysis: Analysis) -> str:
    """One row per claim in reading order (dismissed claims left out)."""
    header = [
        "number", "id", "claim", "start", "end", "chain", "direct_source", "direct_source_kind",
        "anonymous", "single_source", "document", "own_voice", "stance", "hedged", "actors", "events",
        "corrected",
    ]  # fmt: skip
    rows: list[list[object]] = []
    for number, claim in enumerate(walkthrough.reading_order(analysis), 1):
        kinds = {link.kind for link in claim.chain}
        last = claim.chain[-1] if claim.chain else None
        actors = [a.name for i in claim.actors if (a := analysis.actor(i))]
        events = []
        for i in claim.events:
            if e := analysis.event(i):
                events.append(f"{e.label} ({e.start or '?'}–{e.end or '?'})")
        rows.append(
            [
                number,
                claim.id,
                " ".join(claim.content.text.split()),
                claim.content.start,
                claim.content.end,
                " › ".join(link.label for link in claim.chain),
                last.label if last else "",
                last.kind if last else "",
                "yes" if "anonymous" in kinds else "no",
                "yes" if len(set(walkthrough.claim_sources(claim))) == 1 else "no",
                "yes" if "document" in kinds else "no",
                "yes" if walkthrough.rests_on_own_voice(claim) else "no",
                claim.stance,
                "yes" if claim.hedged else "no",
                "; ".join(actors),
                "; ".join(events),
                "yes" if claim.corrected else "no",  # an analyst's correction changed it (✎ in the app)
            ]
        )
    return _csv(header, rows)


def actors_csv(analysis: Analysis) -> str:
    """One row per actor, most mentioned first."""
    header = ["id", "name", "type", "kind", "mentions", "first_mention", "aliases", "titles", "nationality"]
    actors = sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name.casefold()))
    rows = [
        [
            a.id,
            a.name,
            a.type,
            a.kind,
            len(a.mentions),
            min((m.start for m in a.mentions), default=""),
            "; ".join(a.aliases),
            "; ".join(a.titles),
            "; ".join(a.nationality),
        ]
        for a in actors
    ]
    return _csv(header, rows)


# ---------------------------------------------------------------- HTML report


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element (article text is untrusted)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # "</script" would end the element and "<!--" changes how the parser reads it; the JSON
    # escapes keep the value identical once parsed. U+2028/9 are legal in JS strings since ES2019.
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


@cache
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _inline_script(code: str) -> str:
    # a bundled library never contains "</script", but a check costs nothing and keeps the page sound
    return code.replace("</script", "<\\/script")


def _claims(analysis: Analysis, numbers: dict[str, int]) -> list[dict]:
    return [
        {
            "id": claim.id,
            "number": numbers[claim.id],
            "text": claim.content.text,
            "links": [(link.label, link.kind) for link in claim.chain],
            "denial": claim.stance == "denies",
            "hedged": claim.hedged,
            "hedge": claim.hedge.text if claim.hedged and claim.hedge else None,
            "corrected": claim.corrected,
        }
        for claim in walkthrough.reading_order(analysis)
    ]


def _slides(steps: list[walkthrough.Step]) -> list[dict]:
    return [
        {
            "key": step.key, "title": step.title, "kind": step.kind, "lines": step.lines, "note": step.note,
            "actors": step.actors, "chain": step.chain,
            "links": list(zip(step.chain, step.chain_kinds, strict=False)),
        }
        for step in walkthrough.visible(steps)
    ]


def to_html(analysis: Analysis, steps: list[walkthrough.Step] | None = None) -> str:
    """One self-contained HTML page: article, network, timeline, claims and walkthrough slides."""
    from sourcetrace.figures import network_data, timeline_figure

    if steps is None:
        steps = walkthrough.build_steps(analysis)
    art = analysis.article
    reading = walkthrough.reading_order(analysis)
    numbers = {c.id: i for i, c in enumerate(reading, 1)}
    summary = walkthrough.sourcing_summary(analysis)
    network = network_data(analysis)
    figure = timeline_figure(analysis)
    has_events = bool(figure.data)
    vis_js, vis_css = _vis_assets()
    site = art.site_name if art.site_name != art.publisher else None
    meta = [x for x in (art.publisher, art.published, site, art.url) if x]
    return render.render(
        "report.html",
        title=art.title or art.source_path or "Untitled article",
        meta=" · ".join(meta),
        stats=(f"{len(analysis.actors)} actors · {summary.claims} claims · "
               f"{len(analysis.events)} dated events"),
        summary=walkthrough.build_steps(analysis)[-1].lines,
        article=Markup(render.marked_text_html(
            analysis, claims=reading, numbers=numbers, cues=True, boilerplate=True
        )),
        claims=_claims(analysis, numbers),
        slides=_slides(steps),
        slide_count=len(walkthrough.visible(steps)),
        network_empty=not network["nodes"],
        timeline_empty=not has_events,
        version=analysis.pipeline.sourcetrace_version or "",
        model=" ".join(x for x in (analysis.pipeline.model, analysis.pipeline.model_version) if x),
        # our bundled libraries and JSON made safe for a <script> element: the only unescaped parts
        vis_css=Markup(vis_css.replace("</style", "<\\/style")),
        vis_js=Markup(_inline_script(vis_js)),
        plotly_js=Markup(_inline_script(_plotly_js()) if has_events else ""),
        network_json=Markup(script_json({k: network[k] for k in ("nodes", "edges", "options")})),
        timeline_json=Markup(script_json(json.loads(figure.to_json()) if has_events else None)),
    )


# ---------------------------------------------------------------- command line


def _load_analysis(path: str, args: argparse.Namespace) -> Analysis:
    """An analysis from a saved JSON contract, or by analysing an article file."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        if not p.is_file():
            raise InputError(f"{p}: no such file.")
        try:
            return Analysis.model_validate_json(p.read_bytes())
        except ValueError as e:
            raise InputError(f"{p} is not a Sourcetrace analysis (JSON from `analyze`).") from e
    from sourcetrace.analysis import Settings, analyze_article
    from sourcetrace.load import load_path

    settings = Settings(model=args.model, gazetteers=tuple(args.gazetteer or ()))
    return analyze_article(load_path(p, publisher=args.publisher, published=args.published), settings)


def _write(path: str, text: str) -> None:
    out = Path(path)
    try:
        out.write_text(text, encoding="utf-8", newline="")
    except OSError as e:
        raise InputError(f"Could not write {out}: {e.strerror or e}.") from e
    print(f"wrote {out} ({out.stat().st_size / 1024:,.0f} KB)", file=sys.stderr)


def _from_workspace(analysis: Analysis, path: str, args: argparse.Namespace | None = None
                    ) -> tuple[Analysis, list[walkthrough.Step]]:
    """The analysis with the corrections and walkthrough saved for its text (read-only access); a
    corrected publication date has the article analysed again, so the events are dated from it."""
    from sourcetrace.analysis import Settings, analyze_article
    from sourcetrace.workspace import Workspace

    settings = Settings(model=getattr(args, "model", None),
                        gazetteers=tuple(getattr(args, "gazetteer", None) or ()))
    ws = Workspace(path or None, read_only=True)
    corrected, problems = ws.apply_to(analysis, lambda article: analyze_article(article, settings))
    for problem in problems:
        print(f"sourcetrace: {problem}", file=sys.stderr)
    saved = ws.load_walkthrough(corrected.article.content_hash)
    steps = walkthrough.apply_edits(walkthrough.build_steps(corrected), saved)
    return corrected, steps


def cmd_export(args: argparse.Namespace) -> int:
    targets = {
        "html": args.html,
        "json": args.json,
        "claims_csv": args.claims_csv,
        "actors_csv": args.actors_csv,
    }
    if not any(targets.values()):
        raise InputError("Say what to write: --html, --json, --claims-csv and/or --actors-csv.")
    analysis = _load_analysis(args.article, args)
    steps = None
    if args.workspace is not None:
        analysis, steps = _from_workspace(analysis, args.workspace, args)
    if args.html:
        _write(args.html, to_html(analysis, steps))
    if args.json:
        _write(args.json, to_json(analysis))
    if args.claims_csv:
        _write(args.claims_csv, claims_csv(analysis))
    if args.actors_csv:
        _write(args.actors_csv, actors_csv(analysis))
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    e = subparsers.add_parser(
        "export",
        help="write a self-contained HTML report, the JSON contract and/or CSV tables",
        description="Analyse ARTICLE (or read a saved analysis .json) and write the chosen exports.",
    )
    e.add_argument("article", metavar="ARTICLE", help="article file (.txt/.md/.html) or analysis .json")
    e.add_argument("--html", metavar="OUT", help="self-contained HTML report (opens offline)")
    e.add_argument("--json", metavar="OUT", help="the analysis contract as JSON")
    e.add_argument("--claims-csv", metavar="OUT", help="claims table for spreadsheets")
    e.add_argument("--actors-csv", metavar="OUT", help="actors table for spreadsheets")
    e.add_argument(
        "--workspace",
        nargs="?",
        const="",
        metavar="DB",
        help="apply the corrections and walkthrough saved for this article (default workspace, or DB)",
    )
    e.add_argument("--model", help="spaCy pipeline name or path")
    e.add_argument("--gazetteer", action="append", help="extra EntityRuler JSONL file (repeatable)")
    e.add_argument("--published", help="publication date, YYYY-MM-DD")
    e.add_argument("--publisher", help="who published the page")
    e.set_defaults(func=cmd_export)
