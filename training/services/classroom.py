"""Classroom sessions, staff departments and the anonymous demographic form."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from portal.services.models import DepartmentPage
from training.models import (
    DIMENSIONS,
    Attendance,
    ClassroomSession,
    CoursePage,
    DemographicResponse,
    StaffProfile,
)


@transaction.atomic
def record_classroom_session(
    *,
    title: str,
    starts_at: dt.datetime,
    place_kind: str,
    place: str,
    audience: str,
    course: CoursePage | None = None,
    trainer: AbstractBaseUser | None = None,
    attendees: list[str] | None = None,
    unlisted_attendees: int = 0,
    flyers_handed_out: int = 0,
    notes: str = "",
) -> ClassroomSession:
    """A session with its attendance list (names as written on the sheet) and head counts."""
    session = ClassroomSession(
        title=title,
        starts_at=starts_at,
        place_kind=place_kind,
        place=place,
        audience=audience,
        course=course,
        trainer=trainer,
        unlisted_attendees=unlisted_attendees,
        flyers_handed_out=flyers_handed_out,
        notes=notes,
    )
    session.full_clean()
    session.save()
    for i, name in enumerate(attendees or []):
        Attendance.objects.create(session=session, name=name, sort_order=i)
    return session


@transaction.atomic
def set_staff_department(*, user: AbstractBaseUser, department: DepartmentPage) -> StaffProfile:
    profile, _created = StaffProfile.objects.update_or_create(user=user, defaults={"department": department})
    return profile


@transaction.atomic
def record_demographics(
    *,
    age_band: str,
    gender: str,
    community: str = "",
    situation: str = "",
    session: ClassroomSession | None = None,
    course: CoursePage | None = None,
) -> DemographicResponse:
    """Store one anonymous answer: no user, no time finer than the month (see the model)."""
    values = {"age_band": age_band, "gender": gender, "community": community, "situation": situation}
    for field, value in values.items():
        choices = DIMENSIONS[field][1]
        if value and value not in choices.values:
            raise ValidationError({field: f"unknown category {value!r}"})
    if not age_band or not gender:
        raise ValidationError("age band and gender are required")
    return DemographicResponse.objects.create(
        session=session, course=course, month=timezone.localdate().replace(day=1), **values
    )
