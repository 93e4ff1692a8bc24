"""Chat KPIs, the published training data, and the held-out NLU test set's independence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from chatbot import publishers
from portal.core.contracts import published_datasets
from portal.feedback.services import record_feedback
from portal.kpi.registry import discover
from tests.factories import ConversationFactory

BOT = Path(__file__).resolve().parents[2] / "chatbot"


def phrasings(folder: Path) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for path in folder.glob("*.yml"):
        for item in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            if "intent" in item:
                lines = [publishers._plain(x.strip()[2:]) for x in item["examples"].splitlines() if x.strip()]
                found.setdefault((item["intent"], path.stem), set()).update(lines)
    return found


def test_held_out_set_has_15_new_phrasings_per_intent_and_language() -> None:
    training = phrasings(BOT / "data" / "nlu")
    held_out = phrasings(BOT / "tests" / "nlu")
    assert set(held_out) == set(training)  # every intent, in both languages
    seen = {p.lower() for lines in training.values() for p in lines}
    for key, lines in held_out.items():
        assert len(lines) >= 15, key
        assert not {p.lower() for p in lines} & seen, f"{key} repeats training phrasings"


@pytest.mark.django_db
def test_kpis() -> None:
    ConversationFactory(language="ro", messages=3)
    ConversationFactory(language="en", messages=2)
    record_feedback(solution="chatbot", score=10)
    record_feedback(solution="chatbot", score=5)
    kpis = discover()
    assert kpis["chatbot.conversations"].compute() == 2
    assert kpis["chatbot.messages"].compute() == 5
    assert kpis["chatbot.flows_enrolled"].compute() >= 8
    assert kpis["chatbot.nps"].compute() == 0.0
    assert kpis["chatbot.satisfaction"].compute() == 7.5
    assert kpis["chatbot.services_enrolled"].compute() == 0


@pytest.mark.django_db
def test_training_data_is_published_without_annotations() -> None:
    dataset = next(d for d in published_datasets() if d.key == "chatbot-training-data")
    rows = list(csv.DictReader(io.StringIO(dataset.resources[0].produce().decode())))
    assert {r["language"] for r in rows} == {"ro", "en", "hu"}
    assert len({r["intent"] for r in rows}) == 14
    assert not any("](" in r["text"] for r in rows)
    assert any(r["text"] == "care este stadiul documentului AR-2026-000123?" for r in rows)
