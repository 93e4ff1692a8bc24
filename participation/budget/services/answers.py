"""The city's side: the official answer to a proposal (feasibility, cost, public reasons) and
news of a winning project's implementation, each e-mailed to the proposal's followers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Feasibility, ImplementationUpdate, Proposal
from .urls import absolute


def _send_to_followers(proposal: Proposal, subject: Callable[[], str], template: str, context: dict) -> int:
    """E-mail every follower in the language they took part in; `subject()` is translated there."""
    sent = 0
    for follow in proposal.follows.select_related("participant"):
        participant = follow.participant
        with translation.override(participant.language):
            url = absolute(proposal, participant.language)
            send_mail(
                subject() % {"title": proposal.title},
                render_to_string(template, {**context, "proposal": proposal, "url": url}),
                settings.DEFAULT_FROM_EMAIL,
                [participant.email],
            )
        sent += 1
    return sent


def _answer_fingerprint(proposal: Proposal) -> str:
    text = f"{proposal.feasibility}|{proposal.assessed_cost}|{proposal.public_reason.strip()}"
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def notify_answer(*, proposal: Proposal) -> int:
    """After staff saved a proposal: when its official answer is new or changed, stamp it and
    e-mail the followers. Returns how many were e-mailed (0: nothing new to tell)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.feasibility == Feasibility.PENDING:
        return 0
    fingerprint = _answer_fingerprint(proposal)
    if fingerprint == proposal.answer_sent:
        return 0
    proposal.answer_sent, proposal.answered_at = fingerprint, timezone.now()
    proposal.save(update_fields=["answer_sent", "answered_at"])
    return _send_to_followers(
        proposal,
        lambda: _("Your proposal “%(title)s” has an official answer"),
        "budget/emails/answer.txt",
        {},
    )


@transaction.atomic
def publish_update(*, update: ImplementationUpdate) -> int:
    """Bring the project's status and % done up to date with `update` and e-mail its followers
    once. Returns how many were e-mailed."""
    update = ImplementationUpdate.objects.select_for_update().select_related("proposal").get(pk=update.pk)
    proposal = update.proposal
    proposal.progress, proposal.percent_done = update.progress, update.percent_done
    proposal.save(update_fields=["progress", "percent_done"])
    if update.notified_at is not None:
        return 0
    update.notified_at = timezone.now()
    update.save(update_fields=["notified_at"])
    return _send_to_followers(
        proposal, lambda: _("News of the project “%(title)s”"), "budget/emails/update.txt", {"update": update}
    )
