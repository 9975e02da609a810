"""A run whose browser tests were skipped says so loudly, and fails when CI requires them."""

from __future__ import annotations

import pytest

SUITE = """
import pytest

@pytest.mark.e2e
def test_in_a_browser():
    pytest.skip("No Chromium found: browser tests skipped.")

def test_plain():
    assert True
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\nmarkers =\n    e2e: browser tests\n")
    pytester.makepyfile(test_suite=SUITE)
    return pytester


def test_skipped_browser_tests_end_the_run_with_a_banner(suite, monkeypatch):
    monkeypatch.delenv("SOURCETRACE_REQUIRE_BROWSER", raising=False)
    result = suite.runpytest_inprocess("-p", "tests.browser_guard")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines([
        "THE BROWSER TESTS DID NOT RUN: 1 skipped (the tests behind the README's security claims).",
        "*The run is NOT complete.",
    ])


def test_ci_fails_when_a_browser_test_was_skipped(suite, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_REQUIRE_BROWSER", "1")
    result = suite.runpytest_inprocess("-p", "tests.browser_guard")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*SOURCETRACE_REQUIRE_BROWSER is set: this run FAILS."])


def test_no_banner_when_every_browser_test_ran(pytester, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_REQUIRE_BROWSER", "1")
    pytester.makeini("[pytest]\nmarkers =\n    e2e: browser tests\n")
    pytester.makepyfile(test_suite="import pytest\n\n@pytest.mark.e2e\ndef test_ok():\n    assert True\n")
    result = pytester.runpytest_inprocess("-p", "tests.browser_guard")
    assert result.ret == pytest.ExitCode.OK
    assert "DID NOT RUN" not in result.stdout.str()
