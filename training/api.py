"""Digital-skills training: routes of the public API under /api/v1/training/ (see portal/api.py)."""

from __future__ import annotations

from ninja import Router, Schema

from . import selectors

router = Router(tags=["training"])


class TutorialOut(Schema):
    title: str
    url: str
    course: str


@router.get("/tutorials", response=list[TutorialOut])
def tutorials(request, service: str, lang: str = "ro"):
    """Lessons that teach the e-service `service` (its slug), in language `lang`; empty if none.
    The chatbot uses it to suggest a tutorial."""
    found = []
    for lesson in selectors.tutorials_for_service(service_slug=service, language=lang):
        course = lesson.course
        found.append(
            TutorialOut(
                title=lesson.title,
                url=lesson.get_full_url(request) or lesson.url,
                course=course.title if course else "",
            )
        )
    return found
