"""The city's summary report: answers to the comments (one by one or grouped), then publication,
which tells every commenter by e-mail where to read the answers."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.translation import localized

from ..models import Comment, CommentStatus, Consultation, Participant, ReportAnswer
from .errors import ParticipationError


@transaction.atomic
def answer_comments(
    *, consultation: Consultation, comment_ids: list[int], text: str, text_en: str = "", text_hu: str = ""
) -> ReportAnswer:
    """One answer to one published comment or to several that raise the same point."""
    comments = list(
        Comment.objects.filter(consultation=consultation, pk__in=comment_ids, status=CommentStatus.APPROVED)
    )
    if not comments or len(comments) != len(set(comment_ids)):
        raise ParticipationError(_("Choose one or more published comments of this consultation."))
    if not text.strip():
        raise ParticipationError(_("Write the answer."))
    answer = ReportAnswer.objects.create(
        consultation=consultation, text=text.strip(), text_en=text_en.strip(), text_hu=text_hu.strip()
    )
    answer.comments.set(comments)
    return answer


def publish_report(*, consultation: Consultation, page_url: Callable[[str], str]) -> int:
    """Publish the report of a closed consultation and e-mail every commenter a link to it
    (`page_url(language)`, in their language). Returns how many people were told."""
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not locked.has_closed():
            raise ParticipationError(_("The report is published after the consultation closes."))
        if locked.report_published_at:
            raise ParticipationError(_("The report is already published."))
        if not locked.report.strip():
            raise ParticipationError(_("Write the summary report first."))
        locked.report_published_at = timezone.now()
        locked.save(update_fields=["report_published_at"])
    consultation.report_published_at = locked.report_published_at
    commenters = Participant.objects.filter(comments__consultation=consultation).distinct()
    sent = 0
    with get_connection() as connection:
        for participant in commenters:
            with translation.override(participant.language):
                context = {
                    "title": localized(consultation, "title"),
                    "url": page_url(participant.language),
                }
                sent += send_mail(
                    _("The city answered the comments on “%(title)s”") % {"title": context["title"]},
                    render_to_string("consultations/emails/report_published.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    [participant.email],
                    connection=connection,
                )
    return sent
