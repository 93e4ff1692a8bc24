"""Load the demo consultations and council meetings (idempotent: upserts by slug)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import (
    AgendaItem,
    Comment,
    CommentStatus,
    Consultation,
    Meeting,
    Participant,
    Question,
    ReportAnswer,
    Section,
)
from .data import CONSULTATIONS, MEETINGS, ConsultationData, MeetingData


def _participant(n: int) -> Participant:
    participant, _ = Participant.objects.get_or_create(
        email=f"locuitor{n}@demo.example", defaults={"confirmed_at": timezone.now()}
    )
    return participant


def _consultation(spec: ConsultationData) -> Consultation:
    today = timezone.localdate()
    opens = today + dt.timedelta(days=spec.opens_in_days)
    item, _ = Consultation.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "kind": spec.kind,
            "opens_on": opens,
            "closes_on": opens + dt.timedelta(days=spec.days_open),
            "moderation": spec.moderation,
            "is_published": True,
            **spec.title.columns("title"),
            **spec.summary.columns("summary"),
            **(spec.report.columns("report") if spec.report else {}),
        },
    )
    item.full_clean()
    # Children are rebuilt: the demo owns these consultations.
    item.comments.all().delete()
    item.answers.all().delete()
    item.sections.all().delete()
    item.questions.all().delete()
    sections = [
        Section.objects.create(
            consultation=item, sort_order=n, **s.heading.columns("heading"), **s.text.columns("text")
        )
        for n, s in enumerate(spec.sections)
    ]
    for n, question in enumerate(spec.questions):
        Question.objects.create(consultation=item, sort_order=n, **question.columns("text"))
    for n, data in enumerate(spec.comments):
        comment = Comment.objects.create(
            consultation=item,
            section=sections[data.section] if data.section is not None else None,
            participant=_participant(n + 1),
            body=data.body,
            language=data.language,
            status=CommentStatus.APPROVED,
            moderated_at=timezone.now(),
        )
        if data.answer:
            answer = ReportAnswer.objects.create(consultation=item, **data.answer.columns("text"))
            answer.comments.set([comment])
    if spec.report and item.has_closed():
        Consultation.objects.filter(pk=item.pk).update(report_published_at=timezone.now())
    return item


def _meeting(spec: MeetingData) -> Meeting:
    starts = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(
        days=spec.starts_in_days
    )
    meeting, _ = Meeting.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "starts_at": starts,
            "requests_close_at": starts - dt.timedelta(days=2),
            "place": spec.place,
            "is_published": True,
            **spec.title.columns("title"),
            **(spec.minutes.columns("minutes") if spec.minutes else {}),
        },
    )
    meeting.items.all().delete()
    for n, data in enumerate(spec.items):
        AgendaItem.objects.create(
            meeting=meeting,
            sort_order=n,
            consultation=Consultation.objects.filter(slug=data.consultation).first()
            if data.consultation
            else None,
            **data.title.columns("title"),
            **(data.decision.columns("decision") if data.decision else {}),
        )
    return meeting


@transaction.atomic
def load_demo_consultations() -> dict[str, int]:
    consultations = [_consultation(spec) for spec in CONSULTATIONS]
    meetings = [_meeting(spec) for spec in MEETINGS]
    return {"consultations": len(consultations), "council meetings": len(meetings)}
