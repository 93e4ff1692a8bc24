"""Residents' requests to speak on a council agenda item and their written questions."""

from __future__ import annotations

from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from ..models import AgendaItem, Participant, SpeakerRegistration, WrittenQuestion
from .errors import ParticipationError, PeriodClosed


def _ensure_accepting(item: AgendaItem) -> None:
    meeting = item.meeting
    if not meeting.is_published:
        raise ParticipationError(_("This meeting is not published."))
    if not meeting.accepts_requests():
        raise PeriodClosed(
            _("Requests for this meeting closed on %(when)s.")
            % {"when": date_format(localtime(meeting.requests_close_at), "DATETIME_FORMAT")}
        )


@transaction.atomic
def register_to_speak(
    *, item: AgendaItem, participant: Participant, name: str, topic: str
) -> SpeakerRegistration:
    """Ask to speak on an agenda item (once per item: a second request updates the first)."""
    _ensure_accepting(item)
    if not name.strip() or not topic.strip():
        raise ParticipationError(_("Give your name and what you will speak about."))
    registration, _created = SpeakerRegistration.objects.update_or_create(
        item=item, participant=participant, defaults={"name": name.strip(), "topic": topic.strip()}
    )
    return registration


@transaction.atomic
def ask_written_question(*, item: AgendaItem, participant: Participant, text: str) -> WrittenQuestion:
    """A written question on an agenda item, answered at or after the meeting."""
    _ensure_accepting(item)
    if not text.strip():
        raise ParticipationError(_("Write your question."))
    return WrittenQuestion.objects.create(item=item, participant=participant, text=text.strip())
