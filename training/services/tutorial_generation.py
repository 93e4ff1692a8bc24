"""Tutorials generated from the e-services: for each service, in each language it is published
in, a lesson built from the page's structured fields and its real request form (see
tutorial_content.py), with screenshots of that form on a computer and a phone.

A lesson is written again only when what it is written from changed (a hash of the service's
fields and form) or when it still lacks the screenshots asked for. What editors add is kept: every
block of the lesson's content that is not a generated one, and each step's "editor's words"
(matched to the step by its key). The lessons live in one course, "E-services step by step", per
language, made here under the training section when missing."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from portal.services.models import ServicePage
from training.models import Audience, Competence, CoursePage, LessonPage, ModulePage, TrainingIndexPage

from .tutorial_content import ONLINE_COMPETENCES, StepSpec, TutorialSpec, tutorial_spec
from .tutorial_screenshots import Shooter, Shots, screenshot_session

logger = logging.getLogger(__name__)

COURSE_SLUG = "servicii-electronice-pas-cu-pas"
MODULE_SLUG = "tutoriale"
GENERATED_BLOCKS = ("generated_intro", "generated_steps")
Progress = Callable[[int, int, str], None]


@dataclass
class Outcome:
    """What happened to one service's tutorial in one language."""

    service: str
    language: str
    status: str  # created, updated, unchanged, skipped
    screenshots: int = 0
    seconds: float = 0.0
    reason: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    screenshots_wanted: bool = True
    chromium_missing: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def screenshots_by_default() -> bool:
    return bool(getattr(settings, "TRAINING_TUTORIAL_SCREENSHOTS", True))


def generate_all_tutorials(
    *,
    screenshots: bool | None = None,
    force: bool = False,
    base_url: str | None = None,
    slugs: list[str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """The tutorial of every live service (or of those whose slug is in `slugs`), in each of its
    languages, with one Chromium for all of them."""
    services = ServicePage.objects.live().filter(locale=Locale.get_default()).order_by("path")
    if slugs:
        services = services.filter(slug__in=slugs)
    services = list(services)
    screenshots = screenshots_by_default() if screenshots is None else screenshots
    report = Report(screenshots_wanted=screenshots)
    with _session(screenshots, base_url, report) as shooter:
        for number, service in enumerate(services, start=1):
            if progress:
                progress(number, len(services), service.slug)
            report.outcomes += _generate(service, shooter=shooter, want_shots=screenshots, force=force)
    return report


def generate_service_tutorial(
    *, service: ServicePage, screenshots: bool | None = None, force: bool = False, base_url: str | None = None
) -> Report:
    """The tutorial of `service` in each language the service is published in (run when a
    service is published: unchanged languages are left alone)."""
    screenshots = screenshots_by_default() if screenshots is None else screenshots
    report = Report(screenshots_wanted=screenshots)
    if not TrainingIndexPage.objects.exists():
        return report  # no training section (yet): nowhere to put tutorials
    source = service.get_translation_or_none(Locale.get_default()) or service
    with _session(screenshots, base_url, report) as shooter:
        report.outcomes += _generate(source.specific, shooter=shooter, want_shots=screenshots, force=force)
    return report


class _session:
    """A screenshot session only when one is wanted and some tutorial needs it (opened lazily:
    an unchanged catalogue does not start Chromium)."""

    def __init__(self, wanted: bool, base_url: str | None, report: Report) -> None:
        self.wanted, self.base_url, self.report = wanted, base_url, report
        self._context: Any = None
        self._shooter: Shooter | None = None

    def __enter__(self) -> _session:
        return self

    def get(self) -> Shooter | None:
        if self.wanted and self._context is None:
            self._context = screenshot_session(self.base_url)
            self._shooter = self._context.__enter__()
            self.report.chromium_missing = self._shooter is None
        return self._shooter

    def __exit__(self, *exc: Any) -> None:
        if self._context is not None:
            self._context.__exit__(*exc)


def _generate(service: ServicePage, *, shooter: _session, want_shots: bool, force: bool) -> list[Outcome]:
    outcomes = []
    translations = [service] + [
        p.specific for p in service.get_translations().live().order_by("locale__language_code")
    ]
    ro_lesson: LessonPage | None = None
    for page in translations:
        started = time.perf_counter()
        try:
            outcome, lesson = _one(page, ro_lesson, shooter, want_shots, force)
        except Exception as error:  # one service's failure must not stop the others (or a publish)
            logger.exception("Tutorial of %s (%s) not generated", page.slug, page.locale.language_code)
            outcome, lesson = (
                Outcome(page.slug, page.locale.language_code, "skipped", reason=str(error)),
                None,
            )
        outcome.seconds = round(time.perf_counter() - started, 2)
        outcomes.append(outcome)
        if page.pk == service.pk:
            ro_lesson = lesson
    return outcomes


def _one(
    service: ServicePage, source: LessonPage | None, shooter: _session, want_shots: bool, force: bool
) -> tuple[Outcome, LessonPage | None]:
    language = service.locale.language_code
    spec = tutorial_spec(service)
    lesson = generated_lesson_for(service)
    shots_ok = lesson is not None and (lesson.generated_screenshots or not want_shots or not _any_shot(spec))
    if lesson is not None and not force and lesson.generated_hash == spec.digest and shots_ok:
        return Outcome(service.slug, language, "unchanged"), lesson
    module = _module(service.locale)
    if module is None:
        return Outcome(service.slug, language, "skipped", reason="no training section"), None
    shots: dict[str, Shots] = {}
    session = shooter.get() if want_shots and _any_shot(spec) else None
    if session is not None:
        shots = session.shoot(_path(service), spec.steps, language)
    created = lesson is None
    lesson = _write(service, spec, lesson, source, module, shots, took_shots=session is not None)
    status = "created" if created else "updated"
    return Outcome(service.slug, language, status, screenshots=2 * len(shots)), lesson


def _any_shot(spec: TutorialSpec) -> bool:
    return any(s.has_screenshot for s in spec.steps)


def _path(service: ServicePage) -> str:
    url = service.get_url()
    return "/" + url.split("://", 1)[1].split("/", 1)[1] if "://" in url else url


def generated_lesson_for(service: ServicePage) -> LessonPage | None:
    """The generated lesson that teaches `service` (any state: live or draft)."""
    return LessonPage.objects.filter(teaches=service).exclude(generated_hash="").order_by("pk").first()


# --- the course and module holding the tutorials ----------------------------------------------


def _course_texts() -> dict[str, str]:
    """The tutorials' course and module texts, in the active language."""
    return {
        "course": _("E-services step by step"),
        "summary": _(
            "How to use each of the city hall's e-services: generated from the services "
            "themselves, with pictures of their online forms."
        ),
        "module": _("Tutorials for each service"),
    }


def _module(locale: Locale) -> ModulePage | None:
    """The tutorials' module in `locale`, with its course, made under the training section."""
    default = Locale.get_default()
    index = TrainingIndexPage.objects.filter(locale=default).first()
    if index is None:
        return None
    with translation.override(default.language_code):
        texts = _course_texts()
        course = _child(
            CoursePage,
            index,
            COURSE_SLUG,
            title=texts["course"],
            summary=texts["summary"],
            audience=Audience.CITIZENS,
            level=1,
            duration_minutes=10,
            competences=list(Competence.objects.filter(code__in=ONLINE_COMPETENCES)),
        )
        module = _child(ModulePage, course, MODULE_SLUG, title=texts["module"])
    if locale == default:
        return module
    with translation.override(locale.language_code):
        texts = _course_texts()
    for page, title in ((course, texts["course"]), (module, texts["module"])):
        if page.get_translation_or_none(locale) is None:
            copy = page.specific.copy_for_translation(locale, copy_parents=True)
            copy.title, copy.slug = title, slugify(title) or copy.slug
            if page is course:
                copy.summary = texts["summary"]
            copy.save_revision().publish()
    return module.get_translation(locale).specific


def _child(model: type[Page], parent: Page, slug: str, **fields: Any) -> Any:
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        competences = fields.pop("competences", None)
        page = model(slug=slug, locale=parent.locale, **fields)
        if competences is not None:
            page.competences = competences
        parent.add_child(instance=page)
        page.save_revision().publish()
    elif not page.live:
        page.save_revision().publish()
    return page


# --- writing the lesson --------------------------------------------------------------------------


@transaction.atomic
def _write(
    service: ServicePage,
    spec: TutorialSpec,
    lesson: LessonPage | None,
    source: LessonPage | None,
    module: ModulePage,
    shots: dict[str, Shots],
    *,
    took_shots: bool,
) -> LessonPage:
    old_images = _image_ids(lesson) if lesson is not None else set()
    if lesson is None:
        lesson = _new_lesson(service, spec, source, module)
    else:
        lesson = lesson.get_latest_revision_as_object()
    notes, kept = _editors_words(lesson)
    images = {key: _store(service, spec, key, pair) for key, pair in shots.items()}
    steps = []
    for step in spec.steps:
        desktop, phone = images.get(step.key, (None, None))
        steps.append(_step_value(step, desktop, phone, notes.get(step.key, "")))
    lesson.title = spec.title
    lesson.summary = spec.summary
    lesson.teaches = service
    lesson.body = [
        {"type": "generated_intro", "value": spec.intro},
        {
            "type": "generated_steps",
            "value": [{"type": "item", "value": step, "id": str(uuid.uuid4())} for step in steps],
        },
        *kept,
    ]
    lesson.generated_hash = spec.digest
    lesson.generated_at = timezone.now()
    lesson.generated_screenshots = took_shots and bool(shots)
    lesson.competences = list(Competence.objects.filter(code__in=spec.competences))
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    _link_service(service, lesson)
    _delete_unused(old_images - _image_ids(lesson))
    return lesson


def _new_lesson(
    service: ServicePage, spec: TutorialSpec, source: LessonPage | None, module: ModulePage
) -> LessonPage:
    slug = slugify(f"tutorial-{service.slug}")[:200]
    if source is not None and source.locale_id != service.locale_id:
        lesson = source.copy_for_translation(service.locale, copy_parents=True)
        lesson.slug = slug
        return lesson
    lesson = LessonPage(
        title=spec.title, slug=slug, locale=service.locale, teaches=service, generated_hash="-"
    )
    module.add_child(instance=lesson)
    return lesson


def _editors_words(lesson: LessonPage) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Each step's editor's words by key, and the content blocks the generator did not write."""
    notes: dict[str, str] = {}
    kept = []
    for block in lesson.body.raw_data:
        if block["type"] == "generated_steps":
            for item in block["value"]:
                value = item.get("value", item) if isinstance(item, dict) else {}
                if value.get("key") and value.get("note"):
                    notes[value["key"]] = value["note"]
        elif block["type"] not in GENERATED_BLOCKS:
            kept.append(dict(block))
    return notes, kept


def _step_value(step: StepSpec, desktop: Any, phone: Any, note: str) -> dict[str, Any]:
    return {
        "key": step.key,
        "title": step.title,
        "text": step.text,
        "image": desktop.pk if desktop else None,
        "phone_image": phone.pk if phone else None,
        "alt": step.alt if (desktop or phone) else "",
        "note": note,
    }


def _store(service: ServicePage, spec: TutorialSpec, key: str, pair: Shots) -> tuple[Any, Any]:
    """The step's two screenshots as Wagtail images (through the default storage)."""
    Image = get_image_model()
    stored = []
    for kind, data in (("desktop", pair.desktop), ("phone", pair.phone)):
        name = f"tutorial-{service.slug}-{spec.language}-{key}-{kind}.png"[:100]
        image = Image(title=f"{spec.title} – {key} ({kind})"[:255])
        if hasattr(image, "description"):
            image.description = next((s.alt for s in spec.steps if s.key == key), "")[:255]
        image.file = ImageFile(ContentFile(data), name=name)
        if hasattr(image, "_set_image_file_metadata"):
            image._set_image_file_metadata()
        image.save()
        stored.append(image)
    return stored[0], stored[1]


def _image_ids(lesson: LessonPage) -> set[int]:
    ids = set()
    for block in lesson.body.raw_data:
        if block["type"] == "generated_steps":
            for item in block["value"]:
                value = item.get("value", item)
                ids.update(x for x in (value.get("image"), value.get("phone_image")) if x)
    return ids


def _delete_unused(ids: set[int]) -> None:
    """Screenshots a regeneration replaced (older revisions then show the step without them)."""
    if ids:
        for image in get_image_model().objects.filter(pk__in=ids):
            image.delete()  # Wagtail removes the file and its renditions once this commits


def _link_service(service: ServicePage, lesson: LessonPage) -> None:
    """The service links to its generated tutorial unless it links to a hand-written one."""
    current = service.tutorial_id and LessonPage.objects.filter(pk=service.tutorial_id).first()
    if current and current.pk != lesson.pk and not current.is_generated and current.live:
        return
    from .tutorials import set_service_tutorial

    set_service_tutorial(service=service, lesson=lesson)
