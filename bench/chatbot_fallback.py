"""Tuning the chatbot's fallback on the held-out phrasings (chatbot/tests/nlu, never trained on):
for each (threshold, ambiguity) pair, the per-language intent macro-F1 when messages below the
threshold (or too close to the runner-up) get the fallback. A fallback counts as right for an
out-of-scope message and wrong for every other one. Also the fallback's recall (out-of-scope
messages that got the fallback or the out-of-scope answer) and precision (messages that got
either which were out of scope).

    scripts/rasa.sh train && .venv-rasa/bin/python bench/chatbot_fallback.py [model.tar.gz] [held-out folder]

The held-out folder is chatbot/tests/nlu by default; chatbot/tests/nlu_unseen is a second one,
written after the thresholds were chosen.

Runs in .venv-rasa (Rasa's own Python); prints a table, asserts nothing.
"""

from __future__ import annotations

import asyncio
import glob
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from rasa.core.agent import Agent
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
AMBIGUITIES = [0.0, 0.05, 0.08, 0.1, 0.15]
FALLBACK, OUT_OF_SCOPE = "nlu_fallback", "out_of_scope"


def held_out(folder: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text())["nlu"]:
            for line in item["examples"].splitlines():
                if line.strip():
                    found[path.stem].append((item["intent"], line.strip()[2:]))
    return found


def label(ranking: list[dict], threshold: float, ambiguity: float) -> str:
    ranked = [r for r in ranking if r["name"] != FALLBACK]
    top, second = ranked[0]["confidence"], ranked[1]["confidence"] if len(ranked) > 1 else 0.0
    if top < threshold or top - second < ambiguity:
        return FALLBACK
    return ranked[0]["name"]


async def main(model: str, folder: Path) -> None:
    agent = Agent.load(model)
    rankings = {}
    for lang, rows in held_out(folder).items():
        rankings[lang] = [(gold, (await agent.parse_message(text))["intent_ranking"]) for gold, text in rows]
    print(
        f"{'threshold':>9} {'ambig':>5} " + " ".join(f"{lang:>6}" for lang in rankings) + "  recall precision"
    )
    for threshold in THRESHOLDS:
        for ambiguity in AMBIGUITIES:
            cells, caught, flagged = [], [], []
            for rows in rankings.values():
                gold = [g for g, _ in rows]
                predicted = [label(r, threshold, ambiguity) for _, r in rows]
                pairs = list(zip(gold, predicted, strict=True))
                predicted = [OUT_OF_SCOPE if p == FALLBACK and g == OUT_OF_SCOPE else p for g, p in pairs]
                cells.append(f1_score(gold, predicted, average="macro", labels=sorted(set(gold))))
                caught += [
                    p in (OUT_OF_SCOPE, FALLBACK)
                    for g, p in zip(gold, predicted, strict=True)
                    if g == OUT_OF_SCOPE
                ]
                flagged += [
                    g == OUT_OF_SCOPE
                    for g, p in zip(gold, predicted, strict=True)
                    if p in (OUT_OF_SCOPE, FALLBACK)
                ]
            recall = sum(caught) / len(caught) if caught else 0.0
            precision = sum(flagged) / len(flagged) if flagged else 0.0
            scores = " ".join(f"{c:>6.3f}" for c in cells)
            print(f"{threshold:>9.2f} {ambiguity:>5.2f} {scores}  {recall:>6.2f} {precision:>9.2f}")


if __name__ == "__main__":
    newest = max(glob.glob(str(ROOT / "var/rasa-models/*.tar.gz")), key=lambda p: Path(p).stat().st_mtime)
    model = sys.argv[1] if len(sys.argv) > 1 else newest
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "chatbot" / "tests" / "nlu"
    asyncio.run(main(model, folder))
