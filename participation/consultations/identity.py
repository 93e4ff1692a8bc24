"""Which confirmed participant this browser session belongs to."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Participant

SESSION_KEY = "participation_participant"


def current_participant(request: HttpRequest) -> Participant | None:
    pk = request.session.get(SESSION_KEY)
    if not pk:
        return None
    participant = Participant.objects.filter(pk=pk).first()
    if participant is None:
        request.session.pop(SESSION_KEY, None)
    return participant


def remember(request: HttpRequest, participant: Participant) -> None:
    request.session.cycle_key()  # a new session id once the address is proven
    request.session[SESSION_KEY] = participant.pk


def forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
