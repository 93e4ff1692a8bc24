"""Load the demo training programme in ro/en/hu: `manage.py load_demo_training`.

Assumes `load_demo` ran (home pages and services exist). Pages are upserted — Romanian by slug
under their parent, translations by translation key — and republished only when their content
differs; sessions are upserted by title, so running it again changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Locale, Page

from portal.core.demo.text import LANGUAGES
from portal.home.models import HomePage
from portal.services.models import ServicePage
from training.models import (
    ClassroomSession,
    Competence,
    CoursePage,
    LessonPage,
    ModulePage,
    TrainingIndexPage,
)
from training.services import link_lesson_to_service, record_classroom_session
from training.services.certificates import FONT_DIR

from . import data
from .schema import CourseData, LessonData

Progress = Callable[[int, int, str], None]


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    sessions: int = 0


@transaction.atomic
def load_demo_training(*, progress: Progress | None = None) -> Summary:
    """Create or update the training section, its courses and the classroom sessions."""
    summary = Summary()
    homes = {lang: HomePage.objects.filter(locale__language_code=lang).first() for lang in LANGUAGES}
    if homes[LANGUAGES[0]] is None:
        raise RuntimeError("Run `manage.py load_demo` first: the demo city's home page is missing.")
    flyer = _flyer()
    steps = [("index", None)] + [("course", c) for c in data.COURSES]
    total = len(steps) * len(LANGUAGES) + 1
    step = 0
    indexes: dict[str, Page] = {}
    for lang in LANGUAGES:
        if homes[lang] is None:
            continue
        step += 1
        if progress:
            progress(step, total, f"training section ({lang})")
        indexes[lang] = _upsert(
            TrainingIndexPage,
            homes[lang],
            lang,
            indexes.get(LANGUAGES[0]),
            data.INDEX_SLUG,
            {"title": data.INDEX_TITLE[lang], "intro": data.INDEX_INTRO[lang], "show_in_menus": True},
            summary,
        )
    for course in data.COURSES:
        course_pages: dict[str, Page] = {}
        for lang in indexes:
            step += 1
            if progress:
                progress(step, total, f"course: {course.slug} ({lang})")
            course_pages[lang] = _course(
                course, lang, indexes[lang], course_pages.get(LANGUAGES[0]), flyer, summary
            )
    step += 1
    if progress:
        progress(step, total, "classroom sessions")
    _sessions(summary)
    _grant_trainers(list(indexes.values()))
    return summary


def _course(
    spec: CourseData, lang: str, index: Page, source: Page | None, flyer: Any, summary: Summary
) -> Page:
    fields = {
        "title": spec.title[lang],
        "summary": spec.summary[lang],
        "audience": spec.audience,
        "level": spec.level,
        "duration_minutes": spec.duration_minutes,
    }
    course = _upsert(
        CoursePage,
        index,
        lang,
        source,
        spec.slug,
        fields,
        summary,
        competences=list(Competence.objects.filter(code__in=spec.competences)),
    )
    for module in spec.modules:
        module_source = _source(ModulePage, source, module.slug)
        module_page = _upsert(
            ModulePage, course, lang, module_source, module.slug, {"title": module.title[lang]}, summary
        )
        for lesson in module.lessons:
            lesson_source = _source(LessonPage, module_source, lesson.slug)
            page = _upsert(
                LessonPage,
                module_page,
                lang,
                lesson_source,
                lesson.slug,
                _lesson_fields(lesson, lang, flyer),
                summary,
            )
            link_lesson_to_service(lesson=page)
    return course


def _source(model: type[Page], parent_source: Page | None, slug: str) -> Page | None:
    """The Romanian page a translation is made from (None when loading Romanian itself)."""
    if parent_source is None:
        return None
    return model.objects.child_of(parent_source).filter(slug=slug).first()


def _lesson_fields(spec: LessonData, lang: str, flyer: Any) -> dict[str, Any]:
    body: list[dict[str, Any]] = [{"type": "text", "value": spec.text[lang]}]
    if spec.steps:
        body.append(
            {"type": "steps", "value": [{"title": s[lang], "text": "", "image": None} for s in spec.steps]}
        )
    if spec.flyer and flyer is not None:
        body.append({"type": "download", "value": {"document": flyer.pk, "description": ""}})
    quiz = [
        {
            "type": "question",
            "value": {
                "question": q.question[lang],
                "multiple": q.multiple,
                "answers": [
                    {"text": a.text[lang], "correct": a.correct, "feedback": a.feedback[lang]}
                    for a in q.answers
                ],
            },
        }
        for q in spec.quiz
    ]
    teaches = None
    if spec.teaches:
        service = ServicePage.objects.filter(slug=spec.teaches, locale__language_code=LANGUAGES[0]).first()
        if service is not None:
            teaches = (
                ServicePage.objects.filter(
                    translation_key=service.translation_key, locale__language_code=lang
                ).first()
                or service
            )
    return {
        "title": spec.title[lang],
        "summary": spec.summary[lang],
        "body": body,
        "quiz": quiz,
        "pass_mark": spec.pass_mark,
        "teaches": teaches,
    }


def _upsert(
    model: type[Page],
    parent: Page,
    lang: str,
    source: Page | None,
    slug: str,
    fields: dict[str, Any],
    summary: Summary,
    competences: list | None = None,
) -> Page:
    locale = Locale.objects.get(language_code=lang)
    page = None
    if source is not None:
        page = model.objects.filter(translation_key=source.translation_key, locale=locale).first()
        fields = {**fields, "slug": slugify(fields["title"])}
    else:
        page = model.objects.child_of(parent).filter(slug=slug).first()
        fields = {**fields, "slug": slug}
    created = page is None
    if page is None and source is None:
        page = model(locale=locale, **fields)
        Page.objects.get(pk=parent.pk).add_child(instance=page)
    elif page is None:
        page = source.specific.copy_for_translation(locale)
    changed = _apply(page, fields) or created
    if competences is not None and {c.pk for c in page.competences.all()} != {c.pk for c in competences}:
        page.competences.set(competences)
        changed = True
    if changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        page = model.objects.get(pk=page.pk)
    summary.created += int(created)
    summary.updated += int(changed and not created)
    summary.unchanged += int(not changed)
    return page


def _apply(page: Page, fields: dict[str, Any]) -> bool:
    changed = False
    for name, value in fields.items():
        field = page._meta.get_field(name)
        if _comparable(field, getattr(page, field.attname)) != _comparable(field, value):
            setattr(page, name, value)
            changed = True
    return changed


def _comparable(field: Any, value: Any) -> Any:
    if isinstance(field, StreamField):

        def strip(v: Any) -> Any:
            if isinstance(v, dict):
                return {k: strip(x) for k, x in v.items() if k != "id"}
            if isinstance(v, list):
                return [
                    strip(x["value"]) if isinstance(x, dict) and x.get("type") == "item" else strip(x)
                    for x in v
                ]
            return v

        return strip(field.to_python(value).get_prep_value())
    if hasattr(value, "pk"):
        return value.pk
    return value


def _flyer() -> Any:
    """The programme's flyer as a Wagtail document (a one-page PDF made here, once)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=data.FLYER_TITLE).first()
    if existing is not None:
        return existing
    pdf = FPDF(format=(148, 210))
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.multi_cell(0, 9, "Servicii digitale ale Primăriei Arad", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.ln(4)
    for line in (
        "• Căutați serviciul pe portal: impozite, acte de stare civilă, sesizări.",
        "• Plătiți online, fără drum la ghișeu.",
        "• Urmăriți cererea cu codul QR primit.",
        "• Cursuri gratuite: secțiunea „Competențe digitale”.",
        "",
        "Digital services of Arad City Hall · Az Aradi Polgármesteri Hivatal digitális szolgáltatásai",
    ):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    document = Document(title=data.FLYER_TITLE)
    document.file.save("pliant-servicii-digitale.pdf", ContentFile(bytes(pdf.output())), save=False)
    document.save()
    return document


def _sessions(summary: Summary) -> None:
    courses = {
        c.slug: CoursePage.objects.filter(slug=c.slug, locale__language_code=LANGUAGES[0]).first()
        for c in data.COURSES
    }
    today = timezone.localdate()
    for spec in data.SESSIONS:
        day = today - dt.timedelta(days=spec.days_ago)
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        if ClassroomSession.objects.filter(title=spec.title).exists():
            continue
        record_classroom_session(
            title=spec.title,
            starts_at=starts,
            place_kind=spec.place_kind,
            place=spec.place,
            audience=spec.audience,
            course=courses[spec.course],
            unlisted_attendees=spec.attendees,
            flyers_handed_out=spec.flyers,
            notes="Demo: head count only.",
        )
        summary.sessions += 1


def _grant_trainers(indexes: list[Page]) -> None:
    """Trainers edit and publish pages in the training section (and nowhere else)."""
    group = Group.objects.filter(name="Trainers").first()
    if group is None:
        return
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for index in indexes:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
