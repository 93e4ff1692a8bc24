"""A tutorial for every e-service: a lesson names the service it teaches and the service page
links back to it (ServicePage.tutorial), kept in step here for every language. A hand-written
lesson wins the service's link over a generated one (see tutorial_generation.py)."""

from __future__ import annotations

from django.db import transaction

from portal.services.models import ServicePage
from training.models import LessonPage


@transaction.atomic
def link_lesson_to_service(*, lesson: LessonPage) -> list[ServicePage]:
    """Point the taught service — in each language where both exist — at the lesson, and the
    lesson's translations at the service's translations. Returns the services updated."""
    if lesson.teaches_id is None:
        return []
    updated = []
    services = ServicePage.objects.filter(translation_key=lesson.teaches.translation_key)
    lessons = {x.locale_id: x for x in LessonPage.objects.filter(translation_key=lesson.translation_key)}
    for service in services:
        target = lessons.get(service.locale_id, lesson)
        if target.locale_id == service.locale_id and target.teaches_id != service.pk:
            LessonPage.objects.filter(pk=target.pk).update(teaches=service)
        if target.is_generated and _has_hand_written_tutorial(service, target):
            continue
        if set_service_tutorial(service=service, lesson=target):
            updated.append(service)
    return updated


def _has_hand_written_tutorial(service: ServicePage, other_than: LessonPage) -> bool:
    current = LessonPage.objects.filter(pk=service.tutorial_id).first() if service.tutorial_id else None
    return bool(current and current.pk != other_than.pk and current.live and not current.is_generated)


def set_service_tutorial(*, service: ServicePage, lesson: LessonPage) -> bool:
    """Make `lesson` the service's tutorial; False when it already was."""
    if service.tutorial_id == lesson.pk:
        return False
    # A plain update: no new revision of the service for a link it does not own; the latest
    # revision is patched too so publishing it later keeps the link.
    ServicePage.objects.filter(pk=service.pk).update(tutorial=lesson)
    service.tutorial_id = lesson.pk
    revision = service.latest_revision
    if revision is not None and revision.content.get("tutorial") != lesson.pk:
        revision.content["tutorial"] = lesson.pk
        revision.save(update_fields=["content"])
    return True
