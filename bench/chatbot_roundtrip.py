"""Chat round trip: the portal's proxy (/api/v1/chatbot/message) against Rasa's REST webhook directly.

Needs a running portal and Rasa (e.g. `make run`, or `scripts/rasa.sh start` + runserver):

    .venv/bin/python bench/chatbot_roundtrip.py -n 50  # --portal http://... --rasa http://...

Two messages are timed, each N times on both paths: a greeting (Rasa alone) and a document status
question with its PIN (Rasa, the action server and the registry's API). Prints milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid

import requests

MESSAGES = {
    "greeting": ["Bună ziua"],
    "document status": ["Care este stadiul documentului AR-2026-000123?", "482193"],
}


def direct(rasa: str, texts: list[str]) -> float:
    sender = f"bench-{uuid.uuid4()}"
    start = time.perf_counter()
    for text in texts:
        body = {"sender": sender, "message": text, "metadata": {"language": "ro"}}
        requests.post(f"{rasa}/webhooks/rest/webhook", json=body, timeout=30).raise_for_status()
    return (time.perf_counter() - start) * 1000


def proxied(portal: str, texts: list[str]) -> float:
    conversation = None
    start = time.perf_counter()
    for text in texts:
        body = {"message": text, "lang": "ro", "conversation": conversation}
        response = requests.post(f"{portal}/api/v1/chatbot/message", json=body, timeout=30)
        response.raise_for_status()
        answer = response.json()
        if not answer["available"]:
            sys.exit("The portal says Rasa is unavailable: check its RASA_URL.")
        conversation = answer["conversation"]
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{statistics.median(ordered):7.1f} {p95:7.1f} {statistics.mean(ordered):7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="http://127.0.0.1:8000")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("-n", type=int, default=50, help="round trips per message and path (max 500)")
    args = parser.parse_args()
    n = max(1, min(args.n, 500))
    for url in (args.rasa + "/", args.portal + "/healthz"):
        try:
            requests.get(url, timeout=5)
        except requests.RequestException:
            sys.exit(f"{url} is not reachable: start the portal and Rasa first (make run).")
    print(f"{n} round trips each; milliseconds (median, p95, mean)")
    print(f"{'message':18} {'Rasa REST direct':>24}   {'portal proxy':>24}   overhead (median)")
    for name, texts in MESSAGES.items():
        direct(args.rasa, texts), proxied(args.portal, texts)  # warm-up
        d = [direct(args.rasa, texts) for _ in range(n)]
        p = [proxied(args.portal, texts) for _ in range(n)]
        overhead = statistics.median(p) - statistics.median(d)
        print(f"{name:18} {summary(d):>24}   {summary(p):>24}   {overhead:+.1f}")


if __name__ == "__main__":
    main()
