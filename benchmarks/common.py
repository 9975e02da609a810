"""Shared pieces of the benchmarks: results, the table, the machine line, timing helpers.

Pure functions here (no spaCy, no browser) so the smoke test can exercise them quickly.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "ncri-2007-07-10-iranian-ambassador-iraq-security.txt"
# Research-only corpus: read in place, never copied into the repository.
POLNEAR_TEXT = ROOT.parent / "shared" / "data" / "polnear-dev" / "text"
CHROMIUM = Path("/usr/bin/chromium")

STATUS_MET = "met"
STATUS_MISSED = "MISSED"
STATUS_SKIPPED = "SKIPPED"
STATUS_ERROR = "ERROR"


@dataclass
class Row:
    """One line of the table: a measured figure against its baseline and target."""

    bench: str  # "1a"
    name: str
    subject: str = ""  # absolute figure, formatted ("8.21 s")
    baseline: str = ""
    value: str = ""  # the figure compared with the target ("1.12x", "183 ms")
    target: str = ""
    status: str = ""
    note: str = ""


@dataclass
class BenchResult:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Skip(Exception):
    """A benchmark that cannot run here (no chromium, no app yet); the reason goes in the table."""


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def ratio(subject: float, baseline: float) -> float:
    if baseline <= 0:
        raise ValueError("baseline must be positive")
    return subject / baseline


def verdict(value: float, limit: float) -> str:
    return STATUS_MET if value <= limit else STATUS_MISSED


def fmt_seconds(seconds: float) -> str:
    """Seconds in the unit that reads best: 183 ms, 2.41 s, 95 s."""
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.2f} s"
    return f"{seconds:.0f} s"


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}x"


def ratio_row(bench: str, name: str, subject: str, baseline: str, ratio: float, limit: float) -> Row:
    """A row whose value is a ratio against a same-run baseline, met when it is at most `limit`."""
    return Row(bench, name, subject, baseline, fmt_ratio(ratio), f"<= {limit:.2f}x", verdict(ratio, limit))


def fmt_mb(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:.0f} MB"


def parse_only(spec: str | None, known: Sequence[str]) -> list[str]:
    """`--only 1,2,5` -> ["1", "2", "5"]; None or "" -> every known benchmark."""
    if not spec:
        return list(known)
    wanted = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ValueError(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(known)})")
    return [k for k in known if k in wanted]


def interleaved(
    baseline: Callable[[], float], subject: Callable[[], float], repeats: int
) -> tuple[list[float], list[float]]:
    """Run baseline and subject alternately (ABBA order) so load drift hits both alike.

    Each callable returns its own measured duration (so setup can stay outside the clock).
    """
    base: list[float] = []
    subj: list[float] = []
    for i in range(repeats):
        if i % 2 == 0:
            base.append(baseline())
            subj.append(subject())
        else:
            subj.append(subject())
            base.append(baseline())
    return base, subj


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    """A callable returning the wall-clock seconds `fn` took."""

    def run() -> float:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    return run


def render_table(rows: Sequence[Row]) -> str:
    """A Markdown table (pastes into the README as is)."""
    head = ["#", "benchmark", "subject", "baseline", "value", "target", "status"]
    body = [[r.bench, r.name, r.subject, r.baseline, r.value, r.target, r.status] for r in rows]
    widths = [max(len(head[i]), *(len(b[i]) for b in body)) if body else len(head[i]) for i in range(7)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(b) for b in body)
    return "\n".join(out)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def machine_line() -> str:
    """CPU, cores, RAM, Python, spaCy and model: printed above every table."""
    parts = [_cpu_model(), f"{os.cpu_count()} cores"]
    ram = _ram_gb()
    if ram is not None:
        parts.append(f"{ram:.0f} GB RAM")
    parts.append(f"Python {platform.python_version()}")
    try:
        import spacy

        parts.append(f"spaCy {spacy.__version__}")
        from sourcetrace.nlp import resolve_model_name

        name = resolve_model_name()
        try:
            from importlib.metadata import version

            parts.append(f"model {name} {version(name.replace('_', '-'))}")
        except Exception:  # noqa: BLE001 - the version is decoration, never fatal
            parts.append(f"model {name}")
    except Exception as err:  # noqa: BLE001
        parts.append(f"spaCy unavailable ({err})")
    try:
        load = os.getloadavg()
        parts.append(f"load {load[0]:.1f}")
    except OSError:
        pass
    return ", ".join(parts)


def rss_bytes(pid: int, include_children: bool = True) -> int:
    """Resident memory of a process (and its descendants) from /proc, in bytes."""
    total = 0
    pids = [pid, *(_descendants(pid) if include_children else [])]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue  # exited meanwhile
    return total


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds these processes have used so far (from /proc/PID/stat).

    On a shared machine this is the load-independent measure: wall time counts others' work too.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / tick


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    return [pid, *_descendants(pid)]


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces and parens: the ppid follows the last ")".
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


# ---------------------------------------------------------------- hand-read page sets (dates, chrome)


def page_set(gold: dict, texts: Path, part: str):
    """(part, page, file name, text) for each page of a page set's gold (`pages`, and `validation`:
    the held-out keys) whose text is in `texts` as `<key>.txt`, in `part` ("dev", "validation" or
    "all"); a missing text is said on stderr and skipped."""
    import sys

    held = set(gold["validation"])
    for page in gold["pages"]:
        name = "validation" if page["key"] in held else "dev"
        if part not in ("all", name):
            continue
        path = texts / f"{page['key']}.txt"
        if not path.is_file():
            print(f"{page['key']}: no text at {path}; skipped", file=sys.stderr)
            continue
        yield name, page, path.name, path.read_text(encoding="utf-8")


def page_set_main(prog: str, doc: str, default_gold: Path, run: Callable, argv: list[str] | None) -> int:
    """The command line both page-set runners share: TEXTS [--gold F] [--part dev|validation|all]."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("texts", type=Path, help="folder of <key>.txt texts")
    parser.add_argument("--gold", type=Path, default=default_gold)
    parser.add_argument("--part", choices=("dev", "validation", "all"), default="dev")
    args = parser.parse_args(argv)
    run(args.gold, args.texts, args.part)
    return 0
