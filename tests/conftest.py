"""Shared fixtures: the bundled article and its analysis (computed once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "ncri-2007-07-10-iranian-ambassador-iraq-security.txt"


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_analysis():
    from sourcetrace.analysis import analyze_article
    from sourcetrace.load import load_path

    return analyze_article(load_path(BUNDLED))
