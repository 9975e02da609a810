"""Browser tests that did not run are never silent (a pytest plugin, loaded by tests/conftest.py).

The browser tests are the ones behind the README's security claims. When they are skipped (no
Chromium on this machine) the run ends with a banner saying so and how many; with
SOURCETRACE_REQUIRE_BROWSER=1 (what .ci/run sets) a skipped browser test fails the run.
"""

from __future__ import annotations

import os

import pytest

REQUIRE = "SOURCETRACE_REQUIRE_BROWSER"


def _required() -> bool:
    return os.environ.get(REQUIRE, "").strip() not in ("", "0")


class _Guard:
    """One per test session (a run inside a run, as pytester makes, keeps its own count)."""

    def __init__(self) -> None:
        self.skipped: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and "e2e" in report.keywords and report.nodeid not in self.skipped:
            self.skipped.append(report.nodeid)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.skipped and _required() and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter, exitstatus: int, config: pytest.Config) -> None:
        if not self.skipped:
            return
        line = "=" * 78
        verdict = f"{REQUIRE} is set: this run FAILS." if _required() else "The run is NOT complete."
        for text in (
            line,
            f"THE BROWSER TESTS DID NOT RUN: {len(self.skipped)} skipped (the tests behind the README's "
            "security claims).",
            "Install Chromium (apt-get install -y chromium) or set SOURCETRACE_CHROMIUM. " + verdict,
            line,
        ):
            terminalreporter.write_line(text, red=True, bold=True)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Guard(), "sourcetrace-browser-guard")
