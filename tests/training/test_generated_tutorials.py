"""Tutorials generated from the e-services (text-only here; the screenshots are taken in
test_generated_tutorials_browser.py): one lesson per language from the service's fields and
form, linked both ways, written again when the service changes, keeping the editor's words."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from portal.services.models import ServiceFormField, ServicePage
from tests.factories import (
    HomePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    TrainingIndexPageFactory,
)
from training import selectors
from training.models import LessonPage
from training.services.tutorial_content import tutorial_spec
from training.services.tutorial_generation import (
    generate_all_tutorials,
    generate_service_tutorial,
    generated_lesson_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def service() -> ServicePage:
    """A small city in Romanian and English: a service with a form and a training section."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePageFactory(locale=Locale.get_default())
    index = ServiceIndexPageFactory(parent=home, slug="servicii")
    service = ServicePageFactory(parent=index, title="Abonament de parcare", slug="abonament-parcare")
    service.save_revision().publish()
    TrainingIndexPageFactory(parent=home, slug="competente")
    for page in (home, index):
        page.copy_for_translation(en).save_revision().publish()
    translated = service.copy_for_translation(en)
    translated.title, translated.slug = "Parking permit", "parking-permit"
    translated.save_revision().publish()
    return ServicePage.objects.get(pk=service.pk)


def steps(lesson: LessonPage) -> dict[str, dict]:
    block = next(b for b in lesson.body.raw_data if b["type"] == "generated_steps")
    values = [item.get("value", item) for item in block["value"]]
    return {step["key"]: step for step in values}


def test_a_lesson_per_language_from_the_service_linked_both_ways(service, client):
    report = generate_service_tutorial(service=service, screenshots=False)

    assert sorted((o.language, o.status) for o in report.outcomes) == [("en", "created"), ("ro", "created")]
    for page in [service, *service.get_translations()]:
        page = page.specific
        lesson = generated_lesson_for(page)
        assert lesson.live and lesson.locale_id == page.locale_id
        assert page.title in lesson.title
        assert ServicePage.objects.get(pk=page.pk).tutorial_id == lesson.pk
        labels = [f.label for f in page.form_fields.all()]
        contact = steps(lesson)["contact"]
        assert all(label in str(contact["text"]) for label in labels)
        assert {c.code for c in lesson.competences.all()} == {"1.1", "2.1", "5.2"}
        html = client.get(lesson.url).content.decode()
        assert all(f'id="step-{key}"' in html for key in steps(lesson))  # each step rendered
    ro, en = (
        generated_lesson_for(service),
        generated_lesson_for(service.get_translation(Locale.objects.get(language_code="en"))),
    )
    assert ro.translation_key == en.translation_key  # the language switcher goes between them
    found = client.get(f"/api/v1/training/tutorials?service={service.slug}&lang=en").json()
    assert [x["title"] for x in found] == [en.title] and "/en/" in found[0]["url"]
    assert selectors.services_with_tutorial_share() == 100.0


def test_an_unchanged_service_is_left_alone(service):
    generate_service_tutorial(service=service, screenshots=False)
    revisions = generated_lesson_for(service).revisions.count()

    again = generate_all_tutorials(screenshots=False)

    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert generated_lesson_for(service).revisions.count() == revisions


def test_publishing_a_changed_form_regenerates_and_keeps_the_editors_words(
    service, django_capture_on_commit_callbacks
):
    generate_service_tutorial(service=service, screenshots=False)
    lesson = generated_lesson_for(service)
    body = lesson.body.raw_data
    for block in body:
        if block["type"] == "generated_steps":
            for item in block["value"]:
                step = item.get("value", item)  # ListBlock items, in either stored shape
                if step["key"] == "contact":
                    step["note"] = "<p>Use the phone number we can call you on.</p>"
    lesson.body = [*body, {"type": "text", "value": "<p>Ask the librarian for help.</p>"}]
    lesson.save_revision().publish()

    service = service.get_latest_revision_as_object()
    service.form_fields.add(
        ServiceFormField(label="Plate number", clean_name="plate", field_type="singleline", required=True)
    )
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()

    lesson = generated_lesson_for(service)
    assert "Plate number" in str(steps(lesson)["request"]["text"])
    assert "Use the phone number" in str(steps(lesson)["contact"]["note"])
    assert "Ask the librarian" in str(lesson.body)
    assert [b.block_type for b in lesson.body] == ["generated_intro", "generated_steps", "text"]


def test_a_service_without_an_online_form_gets_an_in_person_tutorial(service):
    service.online = False
    service.save_revision().publish()

    generate_service_tutorial(service=service, screenshots=False)

    lesson = generated_lesson_for(service)
    assert not tutorial_spec(service).online
    with translation.override(service.locale.language_code):  # the service's own language
        assert lesson.title == gettext("How to apply for “%(service)s” in person") % {
            "service": service.title
        }
    assert "counter" in steps(lesson) and "contact" not in steps(lesson)
    assert {c.code for c in lesson.competences.all()} == {"1.1", "5.2"}


def test_a_hand_written_tutorial_keeps_the_services_link(service):
    generate_service_tutorial(service=service, screenshots=False)
    module = generated_lesson_for(service).get_parent()
    hand = LessonPage(title="Parking, explained by a librarian", slug="parking-by-hand", teaches=service)
    module.add_child(instance=hand)
    hand.save_revision().publish()  # links the service to it (apps.py)
    assert ServicePage.objects.get(pk=service.pk).tutorial_id == hand.pk

    generate_service_tutorial(service=service, screenshots=False, force=True)

    assert ServicePage.objects.get(pk=service.pk).tutorial_id == hand.pk


def test_without_chromium_the_steps_are_text_only_and_the_editor_is_told(service, settings, admin_user):
    settings.TRAINING_CHROMIUM = "/nonexistent/chromium"
    settings.TRAINING_TUTORIAL_SCREENSHOTS = True

    report = generate_service_tutorial(service=service)

    assert report.chromium_missing
    lesson = generated_lesson_for(service)
    assert lesson.live and not lesson.generated_screenshots
    assert all(step["image"] is None for step in steps(lesson).values())

    from training.wagtail_hooks import tell_about_tutorial

    request = RequestFactory().post("/admin/")
    request.user = admin_user
    request.session = {}
    request._messages = FallbackStorage(request)
    tell_about_tutorial(request, service)
    assert any("Chromium" in str(m) for m in get_messages(request))
