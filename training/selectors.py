"""Reads for training pages, the API, KPIs, reports and the open dataset."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, Q, QuerySet, Sum
from wagtail.models import Locale

from portal.services.models import DepartmentPage, ServicePage

from .models import (
    DIMENSIONS,
    K_ANONYMITY,
    Attendance,
    Certificate,
    ClassroomSession,
    CoursePage,
    DemographicResponse,
    LessonPage,
    LessonProgress,
    PopulationShare,
    QuizAttempt,
    StaffProfile,
)

User = AbstractBaseUser | AnonymousUser


# --- learners ----------------------------------------------------------------------------------


def completed_lesson_ids(*, user: User, course: CoursePage | None = None) -> set[int]:
    if not user.is_authenticated:
        return set()
    qs = LessonProgress.objects.filter(user=user)
    if course is not None:
        qs = qs.filter(lesson__path__startswith=course.path)
    return set(qs.values_list("lesson_id", flat=True))


def course_outline(*, course: CoursePage, user: User) -> list[dict[str, Any]]:
    """The course's modules with their lessons and, for a signed-in learner, which are done."""
    from .models import ModulePage

    done = completed_lesson_ids(user=user, course=course)
    outline = []
    for module in ModulePage.objects.live().child_of(course).order_by("path"):
        lessons = LessonPage.objects.live().child_of(module).order_by("path")
        outline.append({"module": module, "lessons": [{"lesson": x, "done": x.pk in done} for x in lessons]})
    return outline


def course_is_complete(*, user: User, course: CoursePage) -> bool:
    lessons = set(course.lessons().values_list("pk", flat=True))
    return bool(lessons) and lessons <= completed_lesson_ids(user=user, course=course)


def certificate_for(*, user: User, course: CoursePage) -> Certificate | None:
    if not user.is_authenticated:
        return None
    return Certificate.objects.filter(user=user, course=course).first()


def questions(lesson: LessonPage) -> list[dict[str, Any]]:
    """The quiz as plain data: block id, question, whether several answers count, the answers."""
    return [
        {
            "id": block.id,
            "question": block.value["question"],
            "multiple": bool(block.value["multiple"]),
            "answers": [
                {"index": i, "text": a["text"], "correct": bool(a["correct"]), "feedback": a["feedback"]}
                for i, a in enumerate(block.value["answers"])
            ],
        }
        for block in lesson.quiz
    ]


def lesson_state(*, lesson: LessonPage, user: User) -> dict[str, Any]:
    """Everything a lesson page shows beside its content: progress, the quiz with the feedback of
    the learner's last attempt, where to go next, the service it teaches in this language."""
    course = lesson.course
    attempt = None
    if user.is_authenticated and lesson.has_quiz:
        attempt = QuizAttempt.objects.filter(user=user, lesson=lesson).first()
    quiz = questions(lesson)
    if attempt is not None:
        for q in quiz:
            chosen = set(attempt.answers.get(q["id"], []))
            for a in q["answers"]:
                a["chosen"] = a["index"] in chosen
    siblings = list(course.lessons()) if course else []
    ids = [x.pk for x in siblings]
    position = ids.index(lesson.pk) if lesson.pk in ids else -1
    service = None
    if lesson.teaches_id:
        service = (
            ServicePage.objects.live()
            .filter(translation_key=lesson.teaches.translation_key, locale=lesson.locale)
            .first()
            or lesson.teaches
        )
    return {
        "course": course,
        "completed": user.is_authenticated
        and LessonProgress.objects.filter(user=user, lesson=lesson).exists(),
        "questions": quiz,
        "attempt": attempt,
        "next_lesson": siblings[position + 1] if 0 <= position < len(siblings) - 1 else None,
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "service": service,
        "certificate": certificate_for(user=user, course=course) if course else None,
    }


def learner_dashboard(*, user: User) -> dict[str, Any]:
    """A learner's courses in progress and certificates."""
    done = LessonProgress.objects.filter(user=user).select_related("lesson")
    courses: dict[int, CoursePage] = {}
    for progress in done:
        course = progress.lesson.course
        if course is not None:
            courses[course.pk] = course
    rows = []
    for course in courses.values():
        total = course.lessons().count()
        completed = len(completed_lesson_ids(user=user, course=course))
        rows.append({"course": course, "total": total, "completed": completed})
    certificates = Certificate.objects.filter(user=user).select_related("course")
    return {"courses": rows, "certificates": certificates}


# --- tutorials for the chatbot and the service pages -------------------------------------------


def tutorials_for_service(*, service_slug: str, language: str) -> list[LessonPage]:
    """Live lessons that teach the service `service_slug` (in any language), in `language`."""
    keys = ServicePage.objects.filter(slug=service_slug).values("translation_key")
    # Hand-written lessons first (editors chose them), then the generated one.
    lessons = (
        LessonPage.objects.live()
        .filter(teaches__translation_key__in=keys)
        .select_related("locale")
        .order_by(F("generated_at").asc(nulls_first=True), "path")
    )
    wanted = list(lessons.filter(locale__language_code=language))
    if wanted:
        return wanted
    # A lesson not yet translated: offer its translation when one exists, else nothing.
    found = []
    for lesson in lessons:
        translated = (
            LessonPage.objects.live()
            .filter(translation_key=lesson.translation_key, locale__language_code=language)
            .first()
        )
        if translated is not None and translated not in found:
            found.append(translated)
    return found


def services_with_tutorial_share() -> float | None:
    """Share (%) of the live e-services (default language) that have a live tutorial in each
    language they are published in: the 'a tutorial for every e-service' promise, measured."""
    services = ServicePage.objects.live().filter(locale=Locale.get_default())
    total = services.count()
    if not total:
        return None
    taught = set(LessonPage.objects.live().values_list("teaches_id", flat=True))
    covered = 0
    for service in services:
        pages = [service.pk, *service.get_translations().live().values_list("pk", flat=True)]
        covered += all(pk in taught for pk in pages)
    return round(100 * covered / total, 1)


def service_tutorials_completed() -> int:
    """Completions of lessons that teach an e-service (hand-written or generated): people who
    learned to use the city's digital services."""
    return LessonProgress.objects.filter(lesson__teaches__isnull=False).count()


def competence_practice() -> list[dict[str, Any]]:
    """For each DigComp competence that lessons exercise: the lessons tagged with it and how
    many times they were completed (tutorials count toward the competences they exercise)."""
    from .models import Competence

    rows = (
        Competence.objects.filter(lessons__isnull=False)
        .annotate(
            lessons_count=Count("lessons", distinct=True),
            completions=Count("lessons__progress", distinct=True),
        )
        .order_by("code")
    )
    return [
        {"code": c.code, "name": c.name, "lessons": c.lessons_count, "completions": c.completions}
        for c in rows
    ]


# --- classroom and KPI figures -----------------------------------------------------------------


def _held() -> QuerySet[ClassroomSession]:
    return ClassroomSession.objects.held()


def people_trained_classroom(*, audience: str | None = None) -> int:
    sessions = _held()
    if audience:
        sessions = sessions.filter(audience=audience)
    listed = Attendance.objects.filter(session__in=sessions, present=True).count()
    unlisted = sessions.aggregate(n=Sum("unlisted_attendees"))["n"] or 0
    return listed + unlisted


def people_trained_online(*, staff_only: bool = False) -> int:
    """People who completed at least one course online (one certificate or more)."""
    qs = Certificate.objects.filter(revoked=False)
    if staff_only:
        qs = qs.filter(Q(user__staff_profile__isnull=False) | Q(user__is_staff=True))
        return qs.values("user").distinct().count()
    # Learners who deleted their account still were trained: counted once per name as issued.
    linked = qs.filter(user__isnull=False).values("user").distinct().count()
    return linked + qs.filter(user__isnull=True).values("holder_name").distinct().count()


def trainings_held() -> int:
    return _held().count()


def flyers_handed_out() -> int:
    return _held().aggregate(n=Sum("flyers_handed_out"))["n"] or 0


# --- demographic aggregates (k-anonymous) ------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    code: str
    label: str
    count: int | None  # None: suppressed (fewer than K_ANONYMITY, or derivable from the others)
    share: float | None  # % of the answers to this question; None when suppressed
    population_share: Decimal | None = None


@dataclass(frozen=True)
class Table:
    dimension: str
    label: str
    total: int | None  # None: fewer than K_ANONYMITY answers, nothing is shown
    cells: list[Cell]


def suppress(counts: dict[str, int], k: int = K_ANONYMITY) -> dict[str, int | None]:
    """Small-cell suppression: hide cells of 1..k-1 people, then hide more cells (smallest first)
    until the hidden ones add up to at least k — otherwise a hidden cell could be worked out by
    subtracting the shown ones from the total. Empty cells stay visible as 0 (nobody to find)."""
    hidden = {c for c, n in counts.items() if 0 < n < k}
    while hidden and sum(counts[c] for c in hidden) < k:
        rest = sorted((n, c) for c, n in counts.items() if c not in hidden and n > 0)
        if not rest:
            break
        hidden.add(rest[0][1])
    if hidden and sum(counts[c] for c in hidden) < k:
        return dict.fromkeys(counts)  # the whole table would give someone away
    return {c: (None if c in hidden else n) for c, n in counts.items()}


def demographics(*, dimension: str) -> Table:
    """The answers to one question of the demographic form across the whole programme, with
    small cells suppressed; the population's share beside each category when entered."""
    label, choices = DIMENSIONS[dimension]
    answered = DemographicResponse.objects.exclude(**{dimension: ""})
    raw = dict(answered.values_list(dimension).annotate(n=Count("pk")).values_list(dimension, "n"))
    total = sum(raw.values())
    shares = dict(PopulationShare.objects.filter(dimension=dimension).values_list("category", "share"))
    if total < K_ANONYMITY:
        return Table(dimension, str(label), None, [])
    shown = suppress({code: raw.get(code, 0) for code in choices.values})
    cells = [
        Cell(
            code,
            str(choices(code).label),
            n,
            None if n is None else round(100 * n / total, 1),
            shares.get(code),
        )
        for code, n in shown.items()
    ]
    return Table(dimension, str(label), total, cells)


def demographic_tables() -> list[Table]:
    return [demographics(dimension=d) for d in DIMENSIONS]


def share_of(*, dimension: str, codes: tuple[str, ...]) -> float | None:
    """% of answers in `codes` (e.g. ages 65+), or None if any of those cells is suppressed."""
    table = demographics(dimension=dimension)
    cells = [c for c in table.cells if c.code in codes]
    if table.total is None or any(c.count is None for c in cells):
        return None
    return round(100 * sum(c.count for c in cells) / table.total, 1)


def representation_gap(*, dimension: str = "age_band") -> float | None:
    """The largest gap, in percentage points, between a category's share among trainees and in
    the population, over the categories whose population share is entered and shown."""
    gaps = [
        abs(c.share - float(c.population_share))
        for c in demographics(dimension=dimension).cells
        if c.share is not None and c.population_share is not None
    ]
    return round(max(gaps), 1) if gaps else None


# --- managers ----------------------------------------------------------------------------------


def staff_completion() -> list[dict[str, Any]]:
    """Per department: staff with a profile, how many completed a course online or attended a
    staff classroom session, and the share."""
    online = set(Certificate.objects.filter(revoked=False).values_list("user_id", flat=True))
    classroom = set(
        Attendance.objects.filter(session__in=_held(), present=True, user__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    rows = []
    departments = DepartmentPage.objects.filter(locale=Locale.get_default()).order_by("title")
    profiles = StaffProfile.objects.values_list("department_id", "user_id")
    by_department: dict[int, set[int]] = {}
    for department_id, user_id in profiles:
        by_department.setdefault(department_id, set()).add(user_id)
    for department in departments:
        staff = by_department.get(department.pk, set())
        trained_online = staff & online
        trained = staff & (online | classroom)
        rows.append(
            {
                "department": department.title,
                "staff": len(staff),
                "completed_online": len(trained_online),
                "trained": len(trained),
                "share": round(100 * len(trained) / len(staff), 1) if staff else None,
            }
        )
    return rows


# --- open data ---------------------------------------------------------------------------------


def participation_by_course() -> list[dict[str, Any]]:
    """Aggregate participation per course (default language): online completions, classroom
    sessions held, attendees and flyers. Counts of people only; nothing personal."""
    rows = []
    for course in CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("title"):
        family = CoursePage.objects.filter(translation_key=course.translation_key)
        sessions = _held().filter(course__in=family)
        rows.append(
            {
                "course": course.title,
                "audience": course.audience,
                "digcomp_level": course.level,
                "online_completions": Certificate.objects.filter(course__in=family, revoked=False).count(),
                "classroom_sessions": sessions.count(),
                "classroom_attendees": (
                    Attendance.objects.filter(session__in=sessions, present=True).count()
                    + (sessions.aggregate(n=Sum("unlisted_attendees"))["n"] or 0)
                ),
                "flyers_handed_out": sessions.aggregate(n=Sum("flyers_handed_out"))["n"] or 0,
            }
        )
    unassigned = _held().filter(course__isnull=True)
    if unassigned.exists():
        rows.append(
            {
                "course": "",
                "audience": "",
                "digcomp_level": "",
                "online_completions": 0,
                "classroom_sessions": unassigned.count(),
                "classroom_attendees": (
                    Attendance.objects.filter(session__in=unassigned, present=True).count()
                    + (unassigned.aggregate(n=Sum("unlisted_attendees"))["n"] or 0)
                ),
                "flyers_handed_out": unassigned.aggregate(n=Sum("flyers_handed_out"))["n"] or 0,
            }
        )
    return rows
