"""Sending safety notices: each active member of the notice's districts gets it in their language
through a real SMTP server, with a delivery record; refused deliveries are recorded, retried and
never lost; the operators' screens show progress and counts but never who the members are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from neighbours import services
from neighbours.kpis import KPIS
from neighbours.models import Delivery, Member
from neighbours.senders import DeliveryError, Message, Recipient, Sender, configured_senders
from neighbours.services.notices import deliver_due
from tests.factories import DistrictFactory, UserFactory

from .conftest import leave_link, subject
from .factories import MemberFactory, NoticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    here, there = DistrictFactory(), DistrictFactory()
    members = {lang: MemberFactory(district=here, language=lang) for lang in ("ro", "en", "hu")}
    elsewhere = MemberFactory(district=there, language="ro")
    pending = MemberFactory(district=here, status=Member.Status.PENDING, confirmed_at=None)
    return here, there, members, elsewhere, pending


def send(notice, django_capture_on_commit_callbacks, user=None) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return services.send_notice(notice=notice, user=user)


def test_each_member_of_the_district_gets_the_notice_in_their_language(
    smtp, city, django_capture_on_commit_callbacks
):
    here, there, members, elsewhere, pending = city
    notice = NoticeFactory(districts=[here], title_hu="", body_hu="")  # no Hungarian translation
    assert send(notice, django_capture_on_commit_callbacks) == 3

    ro, en, hu = (smtp.to(members[lang].email) for lang in ("ro", "en", "hu"))
    assert notice.title in subject(ro[0]) and notice.body in ro[0].get_content()
    assert notice.title_en in subject(en[0]) and notice.body_en in en[0].get_content()
    assert en[0]["Content-Language"] == "en"
    assert notice.title in subject(hu[0]) and notice.body in hu[0].get_content()  # the original
    assert smtp.to(elsewhere.email) == [] and smtp.to(pending.email) == []
    for message in ro + en + hu:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["List-Unsubscribe"].strip() == f"<{leave_link(message)}>"
    assert set(notice.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}
    with pytest.raises(services.NeighboursError):
        services.send_notice(notice=notice)  # once only


def test_a_refused_delivery_is_retried_until_it_goes_and_is_never_lost(
    smtp, city, django_capture_on_commit_callbacks, settings
):
    here, _there, members, _elsewhere, _pending = city
    settings.NEIGHBOURS_DELIVERY_ATTEMPTS = 3
    smtp.refuse.add(members["en"].email)
    notice = NoticeFactory(districts=[here])
    send(notice, django_capture_on_commit_callbacks)
    failed = notice.deliveries.get(member=members["en"])
    assert failed.status == Delivery.Status.RETRYING and failed.attempts == 1
    assert "SMTPRecipientsRefused" in failed.last_error and failed.next_attempt_at > timezone.now()
    assert deliver_due() == {"sent": 0, "retrying": 0, "failed": 0, "cancelled": 0}  # not due yet

    later = timezone.now() + dt.timedelta(hours=1)
    assert deliver_due(now=later)["retrying"] == 1
    assert deliver_due(now=later + dt.timedelta(hours=1))["failed"] == 1
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.FAILED and failed.attempts == 3

    smtp.refuse.clear()  # the mailbox works again: an operator retries
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_failed(notice=notice) == 1
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT
    assert len(smtp.to(members["en"].email)) == 1


def test_a_member_who_leaves_before_delivery_is_not_written_to(smtp, city):
    here, _there, members, _elsewhere, _pending = city
    notice = NoticeFactory(districts=[here])
    services.send_notice(notice=notice)  # the task is not run: all deliveries wait
    services.leave(token=leave_link_of(members["ro"]))
    assert deliver_due()["cancelled"] == 0  # cancelled on leaving already
    cancelled = notice.deliveries.get(status=Delivery.Status.CANCELLED)
    assert cancelled.member is None and cancelled.district == here and cancelled.language == "ro"
    assert smtp.to(members["ro"].email) == []
    assert len(smtp.received) == 2


def leave_link_of(member: Member) -> str:
    return services.leave_url(member).rsplit("/", 2)[-2]


class BrokenGateway:
    """A sender whose gateway is down: every message fails."""

    channel = "sms"

    def can_reach(self, recipient: Recipient) -> bool:
        return True

    def send(self, recipient: Recipient, message: Message) -> None:
        raise DeliveryError("gateway answered 503")


def test_senders_are_pluggable_and_each_has_its_own_record(smtp, city, settings):
    here, *_ = city
    settings.NEIGHBOURS_SENDERS = ["neighbours.senders.EmailSender", f"{__name__}.BrokenGateway"]
    assert all(isinstance(sender, Sender) for sender in configured_senders())
    notice = NoticeFactory(districts=[here])
    services.send_notice(notice=notice)
    outcome = deliver_due()
    assert outcome["sent"] == 3 and outcome["retrying"] == 3
    assert set(notice.deliveries.filter(channel="sms").values_list("last_error", flat=True)) == {
        "gateway answered 503"
    }


@pytest.fixture
def operator(client):
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name="Safety operators"))
    client.force_login(user)
    return user


def test_an_operator_sends_from_the_admin_and_follows_the_progress(
    client, operator, smtp, city, django_capture_on_commit_callbacks
):
    here, _there, members, _elsewhere, _pending = city
    notice = NoticeFactory(districts=[here])
    page = client.get(f"/admin/neighbours/notices/{notice.pk}/send/")
    assert page.status_code == 200 and 'id="reach-1">3<' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/neighbours/notices/{notice.pk}/send/").status_code == 302
    notice.refresh_from_db()
    assert notice.sent_at is not None and notice.sent_by == operator
    progress = client.get(f"/admin/neighbours/notices/{notice.pk}/delivery/?format=json").json()
    assert progress | {"percent": 100} == {
        "total": 3,
        "sent": 3,
        "waiting": 0,
        "retrying": 0,
        "failed": 0,
        "cancelled": 0,
        "percent": 100,
    }
    screens = [
        client.get(f"/admin/neighbours/notices/{notice.pk}/delivery/"),
        client.get("/admin/neighbours/overview/"),
        client.get("/admin/snippets/neighbours/notice/"),
        client.get("/admin/snippets/neighbours/notice/add/"),
    ]
    for screen in screens:
        assert screen.status_code == 200
        for member in members.values():
            assert member.email not in screen.content.decode()
    assert client.get("/admin/neighbours/notices/999999/send/").status_code == 404
    client.post(f"/admin/snippets/neighbours/notice/delete/{notice.pk}/")
    assert notice.deliveries.count() == 3  # a sent notice and its records are kept


def test_staff_without_the_role_cannot_send(client, city):
    client.force_login(UserFactory(is_staff=True))
    notice = NoticeFactory(districts=[city[0]])
    response = client.post(f"/admin/neighbours/notices/{notice.pk}/send/")
    assert response.status_code in (302, 403)
    notice.refresh_from_db()
    assert notice.sent_at is None


def test_the_kpis_count_active_members_per_district(city):
    here, there, *_ = city
    kpis = {kpi.key: kpi for kpi in KPIS}
    assert kpis["neighbours.active_members"].compute() == 4
    breakdown = dict(kpis["neighbours.active_members"].breakdown())
    assert breakdown[here.name] == 3 and breakdown[there.name] == 1
    assert kpis["neighbours.notices_sent"].compute() == 0
