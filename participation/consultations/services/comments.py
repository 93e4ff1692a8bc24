"""Comments on a draft and answers to its questions, and their moderation."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.core.translation import localized

from ..models import Comment, CommentStatus, Consultation, Moderation, Participant, QuestionAnswer, Section
from .errors import ParticipationError, PeriodClosed


def ensure_open(consultation: Consultation) -> None:
    """Refuse anything sent outside the consultation's period, saying when the period is."""
    if not consultation.is_published:
        raise ParticipationError(_("This consultation is not published."))
    today = timezone.localdate()
    if today < consultation.opens_on:
        raise PeriodClosed(
            _("This consultation opens on %(date)s; comments are accepted from then.")
            % {"date": date_format(consultation.opens_on)}
        )
    if today > consultation.closes_on:
        raise PeriodClosed(
            _("This consultation closed on %(date)s; comments are no longer accepted.")
            % {"date": date_format(consultation.closes_on)}
        )


@transaction.atomic
def submit_comment(
    *,
    consultation: Consultation,
    participant: Participant,
    body: str,
    section: Section | None = None,
    language: str = "ro",
) -> Comment:
    """A comment on the whole draft or on one of its sections, held for moderation when the
    consultation is pre-moderated and published at once otherwise."""
    ensure_open(consultation)
    if section is not None and section.consultation_id != consultation.pk:
        raise ParticipationError(_("This section is not part of the consultation."))
    body = body.strip()
    if not body:
        raise ParticipationError(_("Write your comment."))
    post = consultation.moderation == Moderation.POST
    return Comment.objects.create(
        consultation=consultation,
        section=section,
        participant=participant,
        body=body,
        language=language[:8],
        status=CommentStatus.APPROVED if post else CommentStatus.PENDING,
    )


@transaction.atomic
def answer_questions(*, consultation: Consultation, participant: Participant, answers: dict[int, str]) -> int:
    """Store the resident's answers (question id -> text); an empty answer removes an earlier one."""
    ensure_open(consultation)
    questions = {q.pk: q for q in consultation.questions.all()}
    saved = 0
    for question_id, text in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise ParticipationError(_("This question is not part of the consultation."))
        text = text.strip()
        if text:
            QuestionAnswer.objects.update_or_create(
                question=question, participant=participant, defaults={"text": text}
            )
            saved += 1
        else:
            QuestionAnswer.objects.filter(question=question, participant=participant).delete()
    return saved


@transaction.atomic
def moderate_comment(
    *,
    comment: Comment,
    approve: bool,
    reason: str = "",
    moderator=None,
    page_url: Callable[[str], str] | None = None,
) -> Comment:
    """Publish a comment, or keep it unpublished with a reason its author reads on the page and,
    once the refusal is stored, in an e-mail in their language (with `page_url(language)`)."""
    reason = reason.strip()
    if not approve and not reason:
        raise ParticipationError(_("Give the author a reason for not publishing the comment."))
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.rejection_reason = "" if approve else reason
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.save(update_fields=["status", "rejection_reason", "moderated_at", "moderated_by"])
    if not approve:
        transaction.on_commit(lambda: _tell_refused(comment, page_url))
    return comment


def _tell_refused(comment: Comment, page_url: Callable[[str], str] | None) -> None:
    participant = comment.participant
    with translation.override(participant.language):
        title = localized(comment.consultation, "title")
        context = {
            "title": title,
            "body": comment.body,
            "reason": comment.rejection_reason,
            "url": page_url(participant.language) if page_url else "",
        }
        send_mail(
            _("Your comment on “%(title)s” was not published") % {"title": title},
            render_to_string("consultations/emails/comment_refused.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [participant.email],
        )
