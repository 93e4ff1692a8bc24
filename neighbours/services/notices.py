"""Sending a safety notice: one delivery record per active member of its districts and per sender
that can reach them, then a Celery task that sends each in the member's language. A failed
delivery is recorded and retried later with a growing pause; after the last attempt it stays
"failed" where operators see it, and they may retry it again. Nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.translation import localized

from ..models import Delivery, Member, Notice
from ..senders import DeliveryError, Message, Recipient, Sender, configured_senders
from .membership import NeighboursError, absolute, leave_url

logger = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 5
RETRY_BASE_SECONDS = 60


def max_attempts() -> int:
    return getattr(settings, "NEIGHBOURS_DELIVERY_ATTEMPTS", DEFAULT_ATTEMPTS)


@transaction.atomic
def send_notice(*, notice: Notice, user=None) -> int:
    """Mark the notice sent and record a delivery for every active member of its districts and
    every sender that reaches them; the sending itself runs in a task after the commit. Returns
    how many deliveries were recorded. A notice is sent once (NeighboursError the second time)."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.sent_at is not None:
        raise NeighboursError(_("This notice was already sent."))
    if not notice.districts.exists():
        raise NeighboursError(_("Choose at least one district."))
    notice.sent_at, notice.sent_by = timezone.now(), user
    notice.save(update_fields=["sent_at", "sent_by"])
    senders = configured_senders()
    deliveries = []
    for member in Member.objects.active().filter(district__in=notice.districts.all()):
        recipient = _recipient(member)
        deliveries += [
            Delivery(
                notice=notice,
                member=member,
                district_id=member.district_id,
                language=member.language,
                channel=sender.channel,
            )
            for sender in senders
            if sender.can_reach(recipient)
        ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    _queue(notice.pk)
    return len(deliveries)


@transaction.atomic
def retry_failed(*, notice: Notice) -> int:
    """Give the deliveries that failed for good another round of attempts; how many."""
    count = notice.deliveries.filter(status=Delivery.Status.FAILED, member__isnull=False).update(
        status=Delivery.Status.RETRYING, attempts=0, next_attempt_at=timezone.now()
    )
    if count:
        _queue(notice.pk)
    return count


def _queue(notice_id: int) -> None:
    from ..tasks import deliver_notice

    transaction.on_commit(lambda: deliver_notice.delay(notice_id))


def _recipient(member: Member) -> Recipient:
    return Recipient(email=member.email, name=member.name, language=member.language)


def compose(notice: Notice, member: Member) -> Message:
    """The notice as `member` reads it: their language (or the original), their leave link."""
    lang = member.language
    title, body = localized(notice, "title", lang), localized(notice, "body", lang)
    with translation.override(lang):
        url = leave_url(member, lang)
        context = {
            "notice": notice,
            "title": title,
            "body": body,
            "districts": [district.name for district in notice.districts.all()],
            "page_url": absolute(reverse("neighbours:notice", kwargs={"pk": notice.pk})),
            "leave_url": url,
            "level": notice.get_level_display(),
        }
        subject = f"{notice.get_level_display().capitalize()}: {title.text}"
        text = render_to_string("neighbours/emails/notice.txt", context)
    return Message(subject=subject, text=text, leave_url=url, language=lang)


def deliver_due(*, notice_id: int | None = None, now: dt.datetime | None = None) -> dict[str, int]:
    """Send every delivery that is waiting or due for a retry (of one notice, or all); returns
    counts by outcome. Each delivery is claimed in its own transaction, so two workers never
    send the same one and a crash loses at most the one in flight (it stays due)."""
    now = now or timezone.now()
    senders = {sender.channel: sender for sender in configured_senders()}
    due = Delivery.objects.filter(status=Delivery.Status.PENDING) | Delivery.objects.filter(
        status=Delivery.Status.RETRYING, next_attempt_at__lte=now
    )
    if notice_id is not None:
        due = due.filter(notice_id=notice_id)
    outcome = {"sent": 0, "retrying": 0, "failed": 0, "cancelled": 0}
    pks = list(due.order_by("pk").values_list("pk", flat=True))
    if not pks:
        return outcome
    for sender in senders.values():
        getattr(sender, "open", lambda: None)()
    try:
        for pk in pks:
            result = _deliver_one(pk, senders, now)
            if result:
                outcome[result] += 1
    finally:
        for sender in senders.values():
            getattr(sender, "close", lambda: None)()
    return outcome


def _deliver_one(pk: int, senders: dict[str, Sender], now: dt.datetime) -> str | None:
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=_skip_locked(), of=("self",))
            .select_related("notice", "member")
            .filter(pk=pk, status__in=[Delivery.Status.PENDING, Delivery.Status.RETRYING])
            .first()
        )
        if delivery is None:
            return None
        if delivery.member is None:
            delivery.status, delivery.next_attempt_at = Delivery.Status.CANCELLED, None
            delivery.save(update_fields=["status", "next_attempt_at"])
            return "cancelled"
        sender = senders.get(delivery.channel)
        delivery.attempts += 1
        try:
            if sender is None:
                raise DeliveryError(f"no sender configured for channel {delivery.channel!r}")
            sender.send(_recipient(delivery.member), compose(delivery.notice, delivery.member))
        except DeliveryError as error:
            delivery.last_error = str(error)[:300]
            if delivery.attempts >= max_attempts():
                delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
            else:
                pause = RETRY_BASE_SECONDS * 2 ** (delivery.attempts - 1)
                delivery.status = Delivery.Status.RETRYING
                delivery.next_attempt_at = now + dt.timedelta(seconds=pause)
            logger.warning("Notice %s delivery %s failed: %s", delivery.notice_id, delivery.pk, error)
        else:
            delivery.status, delivery.sent_at, delivery.next_attempt_at = (
                Delivery.Status.SENT,
                timezone.now(),
                None,
            )
            delivery.last_error = ""
        delivery.save()
        return delivery.status


def _skip_locked() -> bool:
    from django.db import connection

    return connection.features.has_select_for_update_skip_locked
