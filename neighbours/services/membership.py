"""Joining and leaving: consent recorded with its version and time, membership active only after
the e-mail address is confirmed from a signed, expiring link, and leaving deletes the person."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cctv.models import District

from ..models import Delivery, Member, Tally, new_key

CONFIRM_SALT = "neighbours.confirm"
LEAVE_SALT = "neighbours.leave"
CONSENT_VERSION = "2026-12"
CONSENT_TEXT = gettext_lazy(
    "I agree that the city hall keeps my e-mail address, my district, my language and, if I give "
    "it, my name, to send me safety notices for my district. They are used for nothing else and "
    "shown to nobody. I can leave at any time from the link in every message; leaving deletes them."
)
DEFAULT_CONFIRM_MAX_AGE = 3 * 24 * 3600


class NeighboursError(Exception):
    """A request that cannot be done; the message is for the resident."""


def confirm_max_age() -> int:
    return getattr(settings, "NEIGHBOURS_CONFIRM_MAX_AGE", DEFAULT_CONFIRM_MAX_AGE)


def absolute(path: str) -> str:
    """A link for an e-mail: the portal's public base URL (PORTAL_BASE_URL) and `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _token(member: Member, salt: str) -> str:
    return signing.dumps({"m": member.pk, "k": member.key}, salt=salt)


def leave_url(member: Member, language: str | None = None) -> str:
    """The member's own leave link (no expiry: it is in every message they keep)."""
    with translation.override(language or member.language):
        return absolute(reverse("neighbours:leave-confirm", kwargs={"token": _token(member, LEAVE_SALT)}))


def _confirm_url(member: Member) -> str:
    with translation.override(member.language):
        return absolute(reverse("neighbours:confirm", kwargs={"token": _token(member, CONFIRM_SALT)}))


def _member_from(token: str, salt: str, max_age: int | None) -> Member:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        member = Member.objects.select_for_update().filter(pk=int(data["m"]), key=str(data["k"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise NeighboursError(_("This link is not valid or has expired.")) from error
    if member is None:
        raise NeighboursError(_("This link is not valid or has expired."))
    return member


def _send(member: Member, subject: str, template: str, context: dict) -> None:
    with translation.override(member.language):
        context = {"member": member, "leave_url": leave_url(member), **context}
        message = EmailMessage(
            subject=str(subject),
            body=render_to_string(template, context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[member.email],
            headers={"Content-Language": member.language},
        )
    message.send()


def _count(district: District, kind: str) -> None:
    month = timezone.localdate().replace(day=1)
    tally, _created = Tally.objects.get_or_create(district=district, month=month, kind=kind)
    Tally.objects.filter(pk=tally.pk).update(count=F("count") + 1)


@transaction.atomic
def request_membership(
    *, email: str, district: District, language: str, name: str = "", consent_text: str, consent_version: str
) -> None:
    """Record the consent and e-mail a confirmation link; a pending request is renewed (new link,
    the old one stops working). An active member is told so by e-mail instead, so the form's answer
    never reveals who is a member."""
    email = email.strip().lower()
    member = Member.objects.select_for_update().filter(email=email).first()
    if member is not None and member.status == Member.Status.ACTIVE:
        with translation.override(member.language):
            subject = _("You are already one of the vigilant neighbours")
        _send(member, subject, "neighbours/emails/already_member.txt", {})
        return
    member = member or Member(email=email)
    member.name, member.district, member.language = name.strip(), district, language
    member.consent_text, member.consent_version, member.consented_at = (
        consent_text,
        consent_version,
        timezone.now(),
    )
    member.key = new_key()
    member.full_clean()
    member.save()
    with translation.override(language):
        subject = _("Confirm that you want to join the vigilant neighbours")
        expires = timezone.localtime() + dt.timedelta(seconds=confirm_max_age())
    _send(member, subject, "neighbours/emails/confirm.txt", {"url": _confirm_url(member), "expires": expires})


@transaction.atomic
def confirm_membership(*, token: str) -> Member:
    """Activate the member whose link this is. Raises NeighboursError for a link that is altered,
    expired or replaced. Following the link again is harmless."""
    member = _member_from(token, CONFIRM_SALT, confirm_max_age())
    if member.status != Member.Status.ACTIVE:
        member.status, member.confirmed_at = Member.Status.ACTIVE, timezone.now()
        member.save(update_fields=["status", "confirmed_at"])
        _count(member.district, Tally.Kind.JOINED)
    return member


def member_for_leave(*, token: str) -> Member:
    """The member a leave link belongs to, without changing anything (the page asks first)."""
    with transaction.atomic():
        return _member_from(token, LEAVE_SALT, None)


@transaction.atomic
def leave(*, token: str) -> None:
    """Delete the member's personal data: the member row goes, deliveries still waiting are
    cancelled and keep no link to them; the month's anonymous count of departures goes up."""
    member = _member_from(token, LEAVE_SALT, None)
    Delivery.objects.filter(
        member=member, status__in=[Delivery.Status.PENDING, Delivery.Status.RETRYING]
    ).update(status=Delivery.Status.CANCELLED, next_attempt_at=None)
    if member.status == Member.Status.ACTIVE:
        _count(member.district, Tally.Kind.LEFT)
    member.delete()


def request_leave_link(*, email: str, language: str) -> None:
    """E-mail the leave link to `email` when it belongs to a member (pending or active); the
    page says the same either way."""
    member = Member.objects.filter(email=email.strip().lower()).first()
    if member is None:
        return
    with translation.override(member.language):
        subject = _("Your link to leave the vigilant neighbours")
    _send(member, subject, "neighbours/emails/leave_link.txt", {})
