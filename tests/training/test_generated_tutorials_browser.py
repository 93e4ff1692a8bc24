"""Tutorials generated for the demo city in a real Chromium: loading the demo leaves every
service with a tutorial in each language, with screenshots of its real form (computer and phone)
that open; changing a service's form and publishing it refreshes its tutorial's step and keeps
the editor's words; the chatbot's API finds the tutorials; the page passes axe."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from chatbot.actions import matching
from chatbot.actions.clients import PortalClient
from portal.services.models import ServiceFormField, ServicePage
from tests.browser.test_accessibility import PHONE, axe_violations
from tests.demo_pages import online_service
from training.services.tutorial_content import has_online_form, tutorial_spec
from training.services.tutorial_generation import generated_lesson_for

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.training.media_urls")]


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The demo city and its training programme, loaded as `make run` does, with screenshots
    taken from this test's live server."""
    settings.TRAINING_TUTORIAL_SCREENSHOTS = True
    settings.TRAINING_TUTORIAL_BASE_URL = live_server.url
    call_command("load_demo", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo_training", verbosity=0)
    print(f"load_demo_training with screenshots: {time.perf_counter() - started:.1f} s")
    return live_server


def steps(lesson) -> dict[str, dict]:
    block = next(b for b in lesson.body.raw_data if b["type"] == "generated_steps")
    return {s["key"]: s for s in (item.get("value", item) for item in block["value"])}


def assert_images_open(tab, live_server) -> int:
    """Every screenshot on the open page is decoded by the browser and its URLs (computer and
    phone) answer with a PNG; returns how many pictures were checked."""
    urls = tab.eval_on_selector_all(
        ".training-shot img, .training-shot source",
        "els => els.map(e => e.currentSrc || e.src || e.srcset)",
    )
    assert tab.eval_on_selector_all(
        ".training-shot img", "els => els.every(e => e.complete && e.naturalWidth > 0)"
    )
    for url in urls:
        response = tab.request.get(url if url.startswith("http") else live_server.url + url)
        assert response.status == 200 and response.headers["content-type"] == "image/png", url
    return len(urls)


def test_every_demo_service_gets_a_tutorial_with_screenshots_refreshed_on_publish(demo, page):
    languages = list(Locale.objects.values_list("language_code", flat=True))
    services = list(ServicePage.objects.live().filter(locale=Locale.get_default()))
    assert services and len(languages) == 3
    pictures = 0
    for service in services:
        for language in languages:
            translated = ServicePage.objects.get(
                translation_key=service.translation_key, locale__language_code=language
            )
            lesson = generated_lesson_for(translated)
            assert lesson is not None and lesson.live, f"{translated.slug} ({language}) has no tutorial"
            assert translated.tutorial_id is not None  # the service links to a tutorial
            spec = tutorial_spec(translated)
            shot = [s for s in spec.steps if s.has_screenshot]
            stored = steps(lesson)
            if not has_online_form(translated):
                assert not shot and all(s["image"] is None for s in stored.values())
                continue
            assert lesson.generated_screenshots
            for step in shot:
                assert stored[step.key]["image"] and stored[step.key]["phone_image"], step.key
                assert stored[step.key]["alt"] == step.alt
            labels = [f.label for f in translated.form_fields.all()]
            alts = " ".join(s["alt"] for s in stored.values())
            assert all(label in alts for label in labels), translated.slug
            page.goto(demo.url + lesson.url)
            pictures += assert_images_open(page, demo)
            found = page.request.get(
                f"{demo.url}/api/v1/training/tutorials?service={translated.slug}&lang={language}"
            ).json()
            assert lesson.title in [x["title"] for x in found]
    assert pictures > 0

    # The chatbot's own path (its portal client and service matching, without Rasa): the words of
    # a service's title find the service, then its generated tutorial.
    chatbot = PortalClient(base_url=demo.url)
    for language in languages:
        service = online_service(language)
        catalogue = chatbot.services(lang=language)
        found = matching.best(
            catalogue, matching.keywords(service.title), {"title": 3, "slug": 2, "summary": 1}
        )
        tutorials = chatbot.tutorials(service=found[0]["slug"], lang=language)
        assert generated_lesson_for(service).title in [t["title"] for t in tutorials]

    # An editor adds advice to a step; then the service's form gets a new field and is published.
    service = online_service("en")
    lesson = generated_lesson_for(service)
    body = lesson.body.raw_data
    for block in body:
        if block["type"] == "generated_steps":
            for item in block["value"]:
                item.get("value", item)["note"] = "<p>Ask at the library if you have no scanner.</p>"
    lesson.body = body
    lesson.save_revision().publish()
    old_images = {s["image"] for s in steps(lesson).values() if s["image"]}
    others = {
        x.pk: x.latest_revision_id
        for x in (generated_lesson_for(p.specific) for p in service.get_translations())
    }
    edited = service.get_latest_revision_as_object()
    label = "Registration number of the trailer"
    edited.form_fields.add(
        ServiceFormField(label=label, clean_name="trailer_number", field_type="singleline", required=False)
    )
    edited.save_revision().publish()  # the tutorial task runs once this commits

    lesson = generated_lesson_for(service)
    step = next(s for s in steps(lesson).values() if label in s["text"])
    assert label in step["alt"] and step["image"] and step["image"] not in old_images
    assert all("Ask at the library" in s["note"] for s in steps(lesson).values())
    assert {  # the other languages' tutorials were not written again
        x.pk: x.latest_revision_id
        for x in (generated_lesson_for(p.specific) for p in service.get_translations())
    } == others

    page.goto(demo.url + lesson.url)
    assert page.get_by_role("img", name=step["alt"]).count() == 1
    assert_images_open(page, demo)
    assert page.get_by_text("Ask at the library").first.is_visible()
    assert not axe_violations(page), page.url
    page.set_viewport_size(PHONE)
    page.reload()
    assert not axe_violations(page), f"{page.url} (phone)"
