"""Exports for people who will not install anything: one self-contained HTML report, JSON, CSV.

The HTML report inlines everything it needs (vis-network from pyvis's bundled copy, plotly.js from
the plotly package, our CSS) so it opens offline and loads nothing remote. Article text is
untrusted: it is HTML-escaped in markup, and JSON placed inside <script> has "</" and "<!--"
escaped so a crafted article cannot close the script element.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import re
import sys
from functools import cache
from pathlib import Path

from sourcetrace import walkthrough as wt
from sourcetrace.errors import InputError
from sourcetrace.model import Analysis

_TEMPLATE = Path(__file__).parent / "templates" / "report.html"

# Same names the app and the walkthrough use for the chain links.
KIND_LABELS = {
    "publisher": "publisher",
    "outlet": "outlet",
    "named": "named source",
    "anonymous": "anonymous source",
    "document": "document",
    "unattributed": "own voice",
}


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
    ]  # fmt: skip
    rows: list[list[object]] = []
    for number, claim in enumerate(wt.reading_order(analysis), 1):
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
                "yes" if len(set(wt.claim_sources(claim))) == 1 else "no",
                "yes" if "document" in kinds else "no",
                "yes" if wt.rests_on_own_voice(claim) else "no",
                claim.stance,
                "yes" if claim.hedged else "no",
                "; ".join(actors),
                "; ".join(events),
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


def highlight_article(analysis: Analysis, numbers: dict[str, int]) -> str:
    """The article as HTML: actor mentions coloured by type, claims shaded and numbered, cues marked.

    The text is cut at every span boundary; each piece is escaped and wrapped in the classes of
    the spans covering it, so overlapping spans never produce broken markup.
    """
    from sourcetrace.figures import type_color

    text = analysis.article.text
    mentions = [(m.start, m.end, a) for a in analysis.actors for m in a.mentions if m.end > m.start]
    claims = [c for c in analysis.claims if not c.dismissed and c.content.end > c.content.start]
    cues = [t.cue for t in analysis.attributions if not t.frame and t.cue.end > t.cue.start]
    boiler = list(analysis.article.structure.boilerplate)
    cuts = {0, len(text)}
    for start, end, _ in mentions:
        cuts.update((start, end))
    for c in claims:
        cuts.update((c.content.start, c.content.end))
    for s in cues + boiler:
        cuts.update((s.start, s.end))
    bounds = sorted(b for b in cuts if 0 <= b <= len(text))
    claim_starts: dict[int, list[str]] = {}
    for c in claims:
        claim_starts.setdefault(c.content.start, []).append(c.id)

    out: list[str] = []
    anchored: set[str] = set()
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        for cid in claim_starts.get(lo, []):
            if cid in numbers and cid not in anchored:
                anchored.add(cid)
                safe = html.escape(cid)
                out.append(f'<a class="cn" id="claim-{safe}" href="#c-{safe}">{numbers[cid]}</a>')
        piece = html.escape(text[lo:hi])
        classes: list[str] = []
        attrs: list[str] = []
        covering = [c.id for c in claims if c.content.start <= lo and hi <= c.content.end]
        if covering:
            classes.append("claim")
            attrs.append(f'data-claims="{html.escape(" ".join(covering))}"')
        if any(s.start <= lo and hi <= s.end for s in cues):
            classes.append("cue")
        if any(s.start <= lo and hi <= s.end for s in boiler):
            classes.append("boiler")
        actor = next((a for start, end, a in mentions if start <= lo and hi <= end), None)
        if actor is not None:
            classes.append("m")
            attrs.append(f'style="--c:{type_color(actor.type)}"')
            attrs.append(f'title="{html.escape(f"{actor.name} · {actor.type} · {actor.kind}")}"')
            attrs.append(f'data-actor="{html.escape(actor.id)}"')
        if classes:
            out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _chain_html(labels: list[str], kinds: list[str]) -> str:
    chips = [
        f'<span class="link k-{html.escape(k)}" title="{html.escape(KIND_LABELS.get(k, k))}">'
        f"{html.escape(label)}<small>{html.escape(KIND_LABELS.get(k, k))}</small></span>"
        for label, k in zip(labels, kinds, strict=False)
    ]
    return '<span class="sep">›</span>'.join(chips)


def _claims_html(analysis: Analysis, numbers: dict[str, int]) -> str:
    items = []
    for claim in wt.reading_order(analysis):
        badges = []
        if claim.stance == "denies":
            badges.append('<span class="badge">denial</span>')
        if claim.hedged:
            hedge = f": “{html.escape(claim.hedge.text)}”" if claim.hedge else ""
            badges.append(f'<span class="badge">hedged{hedge}</span>')
        cid = html.escape(claim.id)
        items.append(
            f'<li class="claim-item" id="c-{cid}" data-claim="{cid}">'
            f'<a class="num" href="#claim-{cid}">{numbers[claim.id]}</a>'
            f"<blockquote>{html.escape(' '.join(claim.content.text.split()))}</blockquote>"
            f'<div class="chain">{_chain_html([x.label for x in claim.chain], [x.kind for x in claim.chain])}'
            f"{''.join(badges)}</div></li>"
        )
    if not items:
        return '<p class="empty">No claims were found in this article.</p>'
    return '<ol class="claims">' + "".join(items) + "</ol>"


def _slides_html(steps: list[wt.Step]) -> str:
    shown = wt.visible(steps)
    out = []
    for i, step in enumerate(shown, 1):
        body = []
        for j, line in enumerate(step.lines):
            if step.kind == "claim" and j == 0:
                body.append(f"<blockquote>{html.escape(line)}</blockquote>")
                if step.chain:  # the chain right under the claim, as in the app
                    body.append(f'<div class="chain big">{_chain_html(step.chain, step.chain_kinds)}</div>')
            elif step.kind in ("actors", "summary"):
                body.append(f"<li>{html.escape(line)}</li>")
            else:
                body.append(f"<p>{html.escape(line)}</p>")
        inner = "".join(body)
        if step.kind in ("actors", "summary"):
            inner = f"<ul>{inner}</ul>"
        note = (
            f'<aside class="note"><b>Speaker note</b> {html.escape(step.note)}</aside>' if step.note else ""
        )
        out.append(
            f'<section class="slide" data-step="{i}" data-key="{html.escape(step.key)}" '
            f'data-actors="{html.escape(" ".join(step.actors))}"'
            f"{'' if i == 1 else ' hidden'}><h3>{html.escape(step.title)}</h3>{inner}{note}</section>"
        )
    return "".join(out)


def _render(template: str, values: dict[str, str]) -> str:
    """Fill {{NAME}} placeholders in one pass, so inserted text is never scanned again."""
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], template)


def to_html(analysis: Analysis, steps: list[wt.Step] | None = None) -> str:
    """One self-contained HTML page: article, network, timeline, claims and walkthrough slides."""
    from sourcetrace.figures import network_data, timeline_figure

    if steps is None:
        steps = wt.build_steps(analysis)
    art = analysis.article
    numbers = {c.id: i for i, c in enumerate(wt.reading_order(analysis), 1)}
    summary = wt.sourcing_summary(analysis)
    network = network_data(analysis)
    figure = timeline_figure(analysis)
    has_events = bool(figure.data)
    vis_js, vis_css = _vis_assets()
    meta = [
        x
        for x in (art.publisher, art.published, art.site_name if art.site_name != art.publisher else None)
        if x
    ]
    if art.url:
        meta.append(art.url)
    title = art.title or art.source_path or "Untitled article"
    n_visible = len(wt.visible(steps))
    values = {
        "TITLE": html.escape(title),
        "META": html.escape(" · ".join(meta)),
        "STATS": html.escape(
            f"{len(analysis.actors)} actors · {summary.claims} claims · {len(analysis.events)} dated events"
        ),
        "SUMMARY": "".join(f"<li>{html.escape(line)}</li>" for line in wt.build_steps(analysis)[-1].lines),
        "ARTICLE": highlight_article(analysis, numbers),
        "CLAIMS": _claims_html(analysis, numbers),
        "SLIDES": _slides_html(steps),
        "SLIDE_COUNT": str(n_visible),
        "NETWORK_EMPTY": "" if network["nodes"] else '<p class="empty">No actors were found.</p>',
        "TIMELINE_EMPTY": "" if has_events else '<p class="empty">No dated events were found.</p>',
        "VERSION": html.escape(analysis.pipeline.sourcetrace_version or ""),
        "MODEL": html.escape(
            " ".join(x for x in (analysis.pipeline.model, analysis.pipeline.model_version) if x)
        ),
        "VIS_CSS": vis_css.replace("</style", "<\\/style"),
        "VIS_JS": _inline_script(vis_js),
        "PLOTLY_JS": _inline_script(_plotly_js()) if has_events else "",
        "NETWORK_JSON": script_json({k: network[k] for k in ("nodes", "edges", "options")}),
        "TIMELINE_JSON": script_json(json.loads(figure.to_json()) if has_events else None),
    }
    return _render(_TEMPLATE.read_text(encoding="utf-8"), values)


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


def _from_workspace(analysis: Analysis, path: str) -> tuple[Analysis, list[wt.Step]]:
    """The analysis with the corrections and walkthrough saved for its text (read-only access)."""
    from sourcetrace.workspace import Workspace

    ws = Workspace(path or None, read_only=True)
    corrected, problems = ws.apply_to(analysis)
    for problem in problems:
        print(f"sourcetrace: {problem}", file=sys.stderr)
    steps = wt.apply_edits(wt.build_steps(corrected), ws.load_walkthrough(corrected.article.content_hash))
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
        analysis, steps = _from_workspace(analysis, args.workspace)
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
