"""A tutorial for every e-service: lessons and services link both ways; the chatbot's API."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command

from portal.services.models import ServicePage
from training.demo.loader import load_demo_training
from training.models import ClassroomSession, LessonPage
from training.services.tutorial_generation import generated_lesson_for

from .conftest import TAUGHT_SERVICE


def test_lesson_and_service_link_each_other_in_each_language(city):
    for lang in ("ro", "en"):
        service = ServicePage.objects.get(
            translation_key=ServicePage.objects.get(slug=TAUGHT_SERVICE).translation_key,
            locale__language_code=lang,
        )
        lesson = LessonPage.objects.get(pk=service.tutorial_id)
        assert lesson.locale.language_code == lang
        assert lesson.teaches_id == service.pk
        assert service.latest_revision.content["tutorial"] == lesson.pk  # survives a later publish


def test_tutorials_api_for_the_chatbot(city, client):
    ro = client.get(f"/api/v1/training/tutorials?service={TAUGHT_SERVICE}&lang=ro").json()
    en = client.get(f"/api/v1/training/tutorials?service={TAUGHT_SERVICE}&lang=en").json()
    none = client.get("/api/v1/training/tutorials?service=no-such-service&lang=ro")

    assert ro[0] == {  # the hand-written lesson first, then the one generated from the service
        "title": "Plata impozitului pe clădiri online",
        "url": ro[0]["url"],
        "course": "Servicii digitale ale primăriei pentru seniori",
    }
    generated = generated_lesson_for(ServicePage.objects.get(slug=TAUGHT_SERVICE))
    assert [x["title"] for x in ro[1:]] == [generated.title]
    assert ro[0]["url"].startswith(settings.WAGTAILADMIN_BASE_URL) and "/ro/" in ro[0]["url"]
    assert client.get(ro[0]["url"].removeprefix(settings.WAGTAILADMIN_BASE_URL)).status_code == 200
    assert en[0]["title"] == "Paying the building tax online" and "/en/" in en[0]["url"]
    assert none.status_code == 200 and none.json() == []


def test_service_page_shows_its_tutorial(city, client):
    service = ServicePage.objects.get(slug=TAUGHT_SERVICE)
    assert "Plata impozitului pe clădiri online" in client.get(service.url).content.decode()


def test_demo_loader_is_idempotent_and_seeds_the_plans_figures(city):
    again = load_demo_training()
    assert (again.created, again.updated, again.sessions) == (0, 0, 0)
    call_command("load_demo_training", verbosity=0)
    assert ClassroomSession.objects.filter(audience="staff").count() == 14

    from portal.kpi.registry import discover

    kpis = {k: v.compute() for k, v in discover().items() if v.solution == "skills"}
    assert kpis["skills.staff_trained"] == 550
    assert kpis["skills.flyers_handed_out"] == 1500
    assert kpis["skills.trainings_held"] == 17
    assert kpis["skills.people_trained_classroom"] == 550 + 24 + 18 + 32
    assert kpis["skills.share_seniors"] is None  # no anonymous answers yet: nothing to show
