"""The JSON contract: real output validates against the committed schema, spans match the text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from sourcetrace.model import json_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "analysis.schema.json"


def _spans(obj):
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj["start"], int):
            yield obj
        for v in obj.values():
            yield from _spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans(v)


def test_committed_schema_is_generated_from_code():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json_schema(), (
        "schema/analysis.schema.json is stale: run `make schema`"
    )


def test_cli_output_validates_and_spans_match(bundled_text):
    out = subprocess.run(
        [sys.executable, "-m", "sourcetrace", "analyze", str(ROOT / "data/articles"), "--format", "json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["schema_version"] == 1
    text = data["article"]["text"]
    assert text == bundled_text
    spans = list(_spans({k: v for k, v in data.items() if k != "article"})) + list(
        _spans(data["article"]["structure"])
    )
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
