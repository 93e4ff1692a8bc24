"""Digital-skills training benchmark: prints figures, asserts nothing.

Run against a database that has the demo city and `load_demo_training` loaded (e.g. after
`make run`), from the project root:

    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python bench/training_bench.py

It measures, on the running database and with Django's test client (no network):
certificate PDF generation, quiz submission, the lesson page, the KPIs of the "skills" solution,
the k-anonymous demographic tables over 10,000 answers, and the chatbot's tutorials API.
Everything it writes is rolled back at the end.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from portal.kpi.registry import discover  # noqa: E402
from training import selectors, services  # noqa: E402
from training.models import DIMENSIONS, CoursePage, DemographicResponse, LessonPage  # noqa: E402


def timed(label: str, fn, repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    print(f"{label:<52} median {statistics.median(runs):8.1f} ms   max {max(runs):8.1f} ms   (n={repeat})")


class Rollback(Exception):
    pass


def main() -> None:
    quiz = LessonPage.objects.live().filter(locale__language_code="ro").exclude(quiz=[]).first()
    course = CoursePage.objects.live().filter(locale__language_code="ro").first()
    if quiz is None or course is None:
        sys.exit("Load the demo first: manage.py load_demo && manage.py load_demo_training")
    client = Client(HTTP_HOST="localhost")
    try:
        with transaction.atomic():
            user = services.register_learner(
                username="bench-learner",
                email="b@example.org",
                password="bench-Pass-2026",
                full_name="Bench Învățăcel",
            )
            right = {
                q["id"]: [a["index"] for a in q["answers"] if a["correct"]] for q in selectors.questions(quiz)
            }
            timed(
                "quiz submission (score, store, complete lesson)",
                lambda: services.submit_quiz(user=user, lesson=quiz, answers=right),
                50,
            )
            certificate = services.issue_certificate_if_complete(user=user, course=course)
            if certificate is None:
                from training.models import Certificate

                certificate = Certificate.objects.create(
                    user=user, course=course, holder_name="Bench Învățăcel"
                )
            timed("certificate PDF with signed QR (fpdf2)", lambda: services.certificate_pdf(certificate), 30)
            client.force_login(user)
            timed("lesson page with quiz, signed in (HTTP 200)", lambda: client.get(quiz.url), 30)
            service = quiz.teaches.slug if quiz.teaches_id else "plata-impozitului-pe-cladiri"
            timed(
                "GET /api/v1/training/tutorials",
                lambda: client.get(f"/api/v1/training/tutorials?service={service}&lang=ro"),
                50,
            )
            kpis = [k for k in discover().values() if k.solution == "skills"]
            timed(f"all {len(kpis)} skills KPIs computed", lambda: [k.compute() for k in kpis], 20)
            rng = random.Random(7)
            DemographicResponse.objects.bulk_create(
                [
                    DemographicResponse(
                        **{d: rng.choice(list(choices.values)) for d, (_l, choices) in DIMENSIONS.items()},
                        month="2026-01-01",
                    )
                    for _ in range(10_000)
                ]
            )
            timed("4 k-anonymous demographic tables, 10,000 answers", selectors.demographic_tables, 20)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
