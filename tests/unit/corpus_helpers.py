"""Small corpora the corpus tests build (never PolNeAR): the bundled demo and generated articles."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "corpus-demo"
DEMO_METADATA = DEMO / "metadata.tsv"
DEMO_PUBLISHERS = [
    "The Harbor Ledger",
    "Coastal Wire",
    "The Daily Meridian",
    "Northgate Evening Post",
    "The Bay Chronicle",
]


def generated_articles(n: int) -> list[dict]:
    """`n` short, distinct English articles as JSON Lines records."""
    out = []
    for i in range(n):
        text = (
            "The Kestrel Gazette\n\n"
            f"Council vote on item {i}\n\n"
            f"Mayor Lena Ortiz said the council approved budget item {i} on Tuesday. "
            f"The vote passed with {i + 3} members in favour and two against. "
            "Residents asked questions about road repairs and school funding at the meeting.\n"
        )
        out.append(
            {
                "text": text,
                "title": f"Council vote on item {i}",
                "publisher": "The Kestrel Gazette",
                "published": f"2025-01-{1 + i % 28:02d}",
                "url": f"https://example.invalid/{i}",
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
