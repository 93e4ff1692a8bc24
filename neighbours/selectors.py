"""Reads of the vigilant neighbours. Nothing here returns a member's identity: the public pages,
the admin screens and the KPIs see notices, districts and counts only."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Count, Q, QuerySet

from cctv.models import District
from portal.core.pagination import QueryStringPaginator
from portal.core.translation import Localized, localized

from .models import Delivery, Member, Notice


def districts() -> QuerySet[District]:
    return District.objects.order_by("name")


@dataclass(frozen=True)
class PublicNotice:
    pk: int
    title: Localized
    body: Localized
    level: str
    level_label: str
    sent_at: object
    districts: list[str]


def _public(notice: Notice, lang: str | None) -> PublicNotice:
    return PublicNotice(
        pk=notice.pk,
        title=localized(notice, "title", lang),
        body=localized(notice, "body", lang),
        level=notice.level,
        level_label=notice.get_level_display(),
        sent_at=notice.sent_at,
        districts=[district.name for district in notice.districts.all()],
    )


NOTICES_PER_PAGE = 20


def public_notices(
    *, district: District | None = None, lang: str | None = None, page: str | None = None
) -> Page:
    """One page (`page` as typed in the query string) of the sent, public notices, newest first;
    only `district`'s when given. The page's `object_list` holds PublicNotice rows."""
    notices = Notice.objects.public().prefetch_related("districts").order_by("-sent_at", "-pk")
    if district is not None:
        notices = notices.filter(districts=district)
    found = QueryStringPaginator(notices, NOTICES_PER_PAGE).get_page(page)
    found.object_list = [_public(notice, lang) for notice in found.object_list]
    return found


def public_notice(pk: int, lang: str | None = None) -> PublicNotice | None:
    notice = Notice.objects.public().prefetch_related("districts").filter(pk=pk).first()
    return _public(notice, lang) if notice else None


def active_members_by_district() -> list[tuple[str, int]]:
    """(district name, active members) for every district, by name: a count, never a list."""
    rows = District.objects.annotate(
        members=Count("neighbours", filter=Q(neighbours__status=Member.Status.ACTIVE))
    ).order_by("name")
    return [(row.name, row.members) for row in rows]


def active_members() -> int:
    return Member.objects.active().count()


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    waiting: int
    retrying: int
    failed: int
    cancelled: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.cancelled

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 100

    @property
    def running(self) -> bool:
        return bool(self.waiting or self.retrying)


def progress(notice: Notice) -> Progress:
    counts = dict(notice.deliveries.values_list("status").annotate(n=Count("pk")))
    S = Delivery.Status
    return Progress(
        total=sum(counts.values()),
        sent=counts.get(S.SENT, 0),
        waiting=counts.get(S.PENDING, 0),
        retrying=counts.get(S.RETRYING, 0),
        failed=counts.get(S.FAILED, 0),
        cancelled=counts.get(S.CANCELLED, 0),
    )


def deliveries(notice: Notice) -> QuerySet[Delivery]:
    """The notice's delivery records for the operators' screen (district, language, channel,
    outcome; the recipient is not shown)."""
    return notice.deliveries.select_related("district").order_by("status", "pk")


def notices_sent() -> int:
    return Notice.objects.filter(sent_at__isnull=False).count()
