"""Digital-skills training: routes of the public API under /api/v1/training/ (see portal/api.py)."""

from __future__ import annotations

from ninja import Router, Schema

from portal.services.selectors import public_url

from . import selectors

router = Router(tags=["training"])


class TutorialOut(Schema):
    title: str
    url: str
    course: str


@router.get("/tutorials", response=list[TutorialOut])
def tutorials(request, service: str, lang: str = "ro"):
    """Lessons that teach the e-service `service` (its slug), in language `lang`; empty if none.
    The chatbot uses it to suggest a tutorial, so links carry the public base URL."""
    found = []
    for lesson in selectors.tutorials_for_service(service_slug=service, language=lang):
        course = lesson.course
        found.append(
            TutorialOut(
                title=lesson.title,
                url=public_url(lesson),  # the portal's public address, as the services API gives
                course=course.title if course else "",
            )
        )
    return found
