"""A tiny sampling profiler over every thread (cProfile sees only its own thread, and Streamlit
runs the script in another one).

    python -m benchmarks.sampler app       # cold first run of every view, via AppTest
    python -m benchmarks.sampler analyze   # cold then warm analysis of the bundled article

Prints the functions (ours and libraries') where the sampled stacks spent the most time.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Callable


class Sampler:
    """Every `interval` s, the stack of every other thread; counts each function once per sample."""

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.inclusive: Counter[str] = Counter()
        self.own: Counter[str] = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.is_set():
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                seen: set[str] = set()
                top = True
                f = frame
                while f is not None:
                    code = f.f_code
                    key = f"{code.co_filename.split('site-packages/')[-1]}:{code.co_name}"
                    if top:
                        self.own[key] += 1
                        top = False
                    if key not in seen:
                        self.inclusive[key] += 1
                        seen.add(key)
                    f = f.f_back
            self.samples += 1
            time.sleep(self.interval)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def report(self, top: int = 40, match: Callable[[str], bool] | None = None) -> str:
        lines = [f"{self.samples} samples every {self.interval * 1000:.0f} ms (inclusive share, own share)"]
        for key, n in self.inclusive.most_common():
            if match and not match(key):
                continue
            n_all = max(1, self.samples)
            lines.append(f"{n / n_all:6.1%} {self.own[key] / n_all:6.1%}  {key}")
            if len(lines) > top:
                break
        return "\n".join(lines)


def _profile_app() -> None:
    from streamlit.testing.v1 import AppTest

    from benchmarks.common import ROOT

    for page in (None, "pages/network.py", "pages/timeline.py"):
        with Sampler() as s:
            t0 = time.perf_counter()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            if page:
                at.switch_page(page)
            at.run()
            took = time.perf_counter() - t0
        print(f"\n=== {page or 'default page'}: first run {took:.2f} s")
        print(s.report(match=lambda k: "threading.py" not in k and "concurrent/" not in k))


def _profile_analyze() -> None:
    from benchmarks.textgen import bundled_text
    from sourcetrace.analysis import analyze_text
    from sourcetrace.nlp import get_pipeline

    get_pipeline()
    text = bundled_text()
    for label in ("cold", "warm"):
        with Sampler() as s:
            t0 = time.perf_counter()
            worker = threading.Thread(target=analyze_text, args=(text,))
            worker.start()
            worker.join()
            took = time.perf_counter() - t0
        print(f"\n=== {label} analyze_text: {took:.2f} s")
        print(s.report(top=30))


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "app"
    {"app": _profile_app, "analyze": _profile_analyze}[what]()
