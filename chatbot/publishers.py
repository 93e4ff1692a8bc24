"""Open dataset: the assistant's NLU training phrasings (intent, language, text) as CSV.

The phrasings are written by the team, never taken from conversations, so they hold no personal
data; registration numbers and PINs in them are the demo registry's.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

from portal.core.contracts import PublishedDataset, PublishedResource

DATA_DIR = Path(__file__).resolve().parent / "data" / "nlu"


def _plain(example: str) -> str:
    """'[AR-2026-000123](document_number)' → 'AR-2026-000123' (annotations removed)."""
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", example).strip()


def training_rows() -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(DATA_DIR.glob("*.yml")):
        block = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in block.get("nlu", []):
            if "intent" not in item:
                continue
            for line in item["examples"].splitlines():
                if line.strip().startswith("- "):
                    rows.append((item["intent"], path.stem, _plain(line.strip()[2:])))
    return rows


def training_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["intent", "language", "text"])
    writer.writerows(training_rows())
    return out.getvalue().encode("utf-8")


DATASETS = [
    PublishedDataset(
        key="chatbot-training-data",
        title="Chatbot training phrasings",
        description="The example questions, in Romanian and English, that the city's virtual "
        "assistant learns from, labelled with what they ask for (intent). No personal data.",
        resources=[
            PublishedResource(
                name="chatbot-nlu-training.csv",
                format="CSV",
                produce=training_csv,
                description="intent, language (ro, en, hu), text",
            )
        ],
        tags=["chatbot", "nlu", "e-government"],
        themes=["GOVE"],
        frequency="irregular",
    )
]
