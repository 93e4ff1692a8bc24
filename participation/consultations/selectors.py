"""Reads of public participation: what residents see, the moderators' queue, open data and KPIs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from portal.core.translation import localized

from .models import (
    AgendaItem,
    Comment,
    CommentStatus,
    Consultation,
    Meeting,
    Participant,
    QuestionAnswer,
    ReportAnswer,
)


def published_consultations() -> QuerySet[Consultation]:
    return Consultation.objects.published().prefetch_related("sections")


def consultation(slug: str) -> Consultation | None:
    return (
        Consultation.objects.published()
        .prefetch_related("sections", "questions", "documents__document")
        .filter(slug=slug)
        .first()
    )


@dataclass
class SectionComments:
    section: object | None  # None: comments on the draft as a whole
    comments: list[Comment]


def public_comments(item: Consultation) -> list[SectionComments]:
    """Published comments with the city's answers, the whole draft first, then section by section."""
    comments = list(
        item.comments.public()
        .select_related("section")
        .prefetch_related(Prefetch("answers", queryset=ReportAnswer.objects.order_by("pk")))
    )
    groups = [SectionComments(None, [c for c in comments if c.section_id is None])]
    for section in item.sections.all():
        groups.append(SectionComments(section, [c for c in comments if c.section_id == section.pk]))
    return groups


def own_comments(item: Consultation, participant: Participant | None) -> QuerySet[Comment]:
    """The resident's own comments, published or not, with the moderator's reason if refused."""
    if participant is None:
        return Comment.objects.none()
    return item.comments.filter(participant=participant).select_related("section")


def own_answers(item: Consultation, participant: Participant | None) -> dict[int, str]:
    if participant is None:
        return {}
    rows = QuestionAnswer.objects.filter(question__consultation=item, participant=participant)
    return {row.question_id: row.text for row in rows}


def moderation_queue() -> QuerySet[Comment]:
    """Comments no moderator has looked at yet: held ones (pre-moderation) and, after them,
    those already shown (post-moderation), oldest first."""
    return (
        Comment.objects.filter(moderated_at__isnull=True)
        .exclude(status=CommentStatus.REJECTED)
        .select_related("consultation", "section")
        .order_by("-status", "created_at")  # "pending" sorts after "approved": reversed
    )


def comments_to_answer(item: Consultation) -> QuerySet[Comment]:
    return item.comments.public().select_related("section").annotate(answer_count=Count("answers"))


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.published()


def meeting(slug: str) -> Meeting | None:
    return (
        Meeting.objects.published()
        .filter(slug=slug)
        .prefetch_related(
            Prefetch("items", queryset=AgendaItem.objects.select_related("consultation", "decision_document"))
        )
        .select_related("minutes_document")
        .first()
    )


def upcoming_and_past_meetings() -> tuple[list[Meeting], list[Meeting]]:
    now = timezone.now()
    meetings = list(published_meetings())
    return (
        sorted([m for m in meetings if m.starts_at >= now], key=lambda m: m.starts_at),
        [m for m in meetings if m.starts_at < now],
    )


# Open data: comments after moderation, without personal data.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+?\d[\d .-]{7,}\d)(?!\d)")


def redact(text: str) -> str:
    """Remove e-mail addresses and phone numbers a resident may have typed in a comment."""
    return _PHONE.sub("[…]", _EMAIL.sub("[…]", text))


def open_comments() -> list[dict]:
    """Every published comment of a published consultation, as open data: no author, no e-mail,
    the day only, contact details typed in the text removed."""
    rows = []
    comments = (
        Comment.objects.public()
        .filter(consultation__is_published=True)
        .select_related("consultation", "section")
        .prefetch_related("answers")
        .order_by("consultation__opens_on", "consultation_id", "created_at", "pk")
    )
    for comment in comments:
        rows.append(
            {
                "consultation": comment.consultation.slug,
                "consultation_title": comment.consultation.title,
                "section": comment.section.heading if comment.section else "",
                "comment_id": comment.pk,
                "date": timezone.localtime(comment.created_at).date().isoformat(),
                "language": comment.language,
                "comment": redact(comment.body),
                "answer_ids": " ".join(str(a.pk) for a in comment.answers.all()),
            }
        )
    return rows


def open_answers() -> list[dict]:
    """The city's answers in published reports, with the comments each one answers."""
    answers = (
        ReportAnswer.objects.filter(
            consultation__is_published=True, consultation__report_published_at__isnull=False
        )
        .select_related("consultation")
        .prefetch_related("comments")
        .order_by("consultation_id", "pk")
    )
    return [
        {
            "consultation": a.consultation.slug,
            "answer_id": a.pk,
            "comment_ids": " ".join(
                str(c.pk) for c in a.comments.all() if c.status == CommentStatus.APPROVED
            ),
            "answer": a.text,
            "answer_en": a.text_en,
            "answer_hu": a.text_hu,
        }
        for a in answers
    ]


# KPIs
def share_of_comments_answered() -> float | None:
    """Published comments of closed consultations that the city answered, in percent."""
    closed = Comment.objects.public().filter(
        consultation__is_published=True, consultation__closes_on__lt=timezone.localdate()
    )
    total = closed.count()
    if not total:
        return None
    answered = closed.filter(answers__isnull=False).distinct().count()
    return round(100 * answered / total, 1)


def participants_by_consultation() -> list[tuple[str, int]]:
    """People who commented or answered a question, per consultation that has opened."""
    rows = (
        Consultation.objects.published()
        .filter(opens_on__lte=timezone.localdate())
        .annotate(
            commenters=Count("comments__participant", distinct=True),
        )
        .order_by("opens_on")
    )
    result = []
    for row in rows:
        people = set(row.comments.values_list("participant_id", flat=True))
        people |= set(
            QuestionAnswer.objects.filter(question__consultation=row).values_list("participant_id", flat=True)
        )
        result.append((str(localized(row, "title")), len(people)))
    return result


def participants_per_consultation() -> float | None:
    rows = participants_by_consultation()
    if not rows:
        return None
    return round(sum(n for _label, n in rows) / len(rows), 1)


def comment_counts(item: Consultation) -> dict[str, int]:
    return item.comments.aggregate(
        published=Count("pk", filter=Q(status=CommentStatus.APPROVED)),
        pending=Count("pk", filter=Q(status=CommentStatus.PENDING)),
    )
