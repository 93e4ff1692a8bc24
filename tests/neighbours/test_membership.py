"""Joining with consent, confirming from the e-mailed link, leaving with the data deleted; the
messages travel through a real SMTP server on loopback and are read as delivered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from neighbours.models import Member, Tally
from neighbours.retention import purge_unconfirmed
from neighbours.services import CONSENT_VERSION
from tests.factories import DistrictFactory
from tests.mail import links

from .conftest import leave_link, path_of, subject
from .factories import MemberFactory

pytestmark = pytest.mark.django_db


def join(client, lang: str, **data):
    fields = {"name": "", "email": "", "district": "", "language": lang, "consent": "on"} | data
    return client.post(f"/{lang}/neighbours/join/", fields)


@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_a_resident_joins_once_the_emailed_link_is_opened(client, smtp, lang):
    district = DistrictFactory()
    response = join(client, lang, email="Ana@Example.org", district=district.slug, name="Ana")
    assert response.status_code == 302 and response["Location"] == f"/{lang}/neighbours/join/sent/"

    member = Member.objects.get(email="ana@example.org")
    assert member.status == Member.Status.PENDING and member.language == lang
    assert member.consent_version == CONSENT_VERSION and member.consent_text
    assert abs(member.consented_at - timezone.now()) < dt.timedelta(minutes=1)
    ((_sender, recipients, message),) = smtp.received
    assert recipients == ["ana@example.org"]
    with translation.override(lang):
        assert subject(message) == _("Confirm that you want to join the vigilant neighbours")
    assert member.consent_text in message.get_content().replace("\n", " ") or lang == "ro"

    (confirm,) = [link for link in links(message) if "/confirm/" in link]
    assert path_of(confirm).startswith(f"/{lang}/neighbours/confirm/")
    page = client.get(path_of(confirm))
    assert page.status_code == 200 and district.name in page.content.decode()
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE and member.confirmed_at is not None
    assert Tally.objects.get(district=district, kind="joined").count == 1
    assert client.get(path_of(confirm)).status_code == 200  # a second click changes nothing
    assert Tally.objects.get(district=district, kind="joined").count == 1


def test_an_expired_or_altered_link_is_refused(client, smtp, settings):
    district = DistrictFactory()
    join(client, "ro", email="ion@example.org", district=district.slug)
    (confirm,) = [link for link in links(smtp.received[-1][2]) if "/confirm/" in link]
    assert client.get(path_of(confirm)[:-3] + "xx/").status_code == 400
    settings.NEIGHBOURS_CONFIRM_MAX_AGE = -1
    assert client.get(path_of(confirm)).status_code == 400
    assert Member.objects.get().status == Member.Status.PENDING


def test_joining_again_renews_the_link_and_an_active_member_is_told_by_email(client, smtp):
    first, second = DistrictFactory(), DistrictFactory()
    join(client, "ro", email="dan@example.org", district=first.slug)
    old = [link for link in links(smtp.received[-1][2]) if "/confirm/" in link][0]
    join(client, "en", email="dan@example.org", district=second.slug)
    new = [link for link in links(smtp.received[-1][2]) if "/confirm/" in link][0]
    assert client.get(path_of(old)).status_code == 400  # replaced
    assert client.get(path_of(new)).status_code == 200
    member = Member.objects.get(email="dan@example.org")
    assert (member.district, member.language) == (second, "en")

    response = join(client, "hu", email="dan@example.org", district=first.slug)
    assert response.status_code == 302  # the same answer: the form does not tell who is a member
    member.refresh_from_db()
    assert member.district == second
    with translation.override("en"):
        assert subject(smtp.received[-1][2]) == _("You are already one of the vigilant neighbours")


def test_leaving_from_the_link_deletes_the_personal_data(client, smtp):
    member = MemberFactory(email="eva@example.org", name="Eva", language="hu")
    client.post("/ro/neighbours/leave/", {"email": "eva@example.org"})
    url = leave_link(smtp.to("eva@example.org")[-1])
    assert path_of(url).startswith("/hu/neighbours/leave/")

    page = client.get(path_of(url))
    assert page.status_code == 200 and Member.objects.filter(pk=member.pk).exists()  # GET only asks
    assert client.post(path_of(url)).status_code == 200
    assert not Member.objects.filter(email="eva@example.org").exists()
    assert Tally.objects.get(district=member.district, kind="left").count == 1
    assert client.post(path_of(url)).status_code == 400  # already gone
    assert client.get(path_of(url)).status_code == 400


def test_one_click_leave_from_a_mail_client_needs_no_form(client, smtp):
    """RFC 8058: the mail client posts `List-Unsubscribe=One-Click` to the header's link."""
    member = MemberFactory()
    client.post("/en/neighbours/leave/", {"email": member.email})
    message = smtp.to(member.email)[-1]
    url = leave_link(message)
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert csrf_client.post(path_of(url), {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Member.objects.exists()


def test_asking_for_a_leave_link_reveals_nothing(client, smtp):
    response = client.post("/ro/neighbours/leave/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == "/ro/neighbours/leave/sent/"
    assert smtp.received == []


def test_join_and_leave_forms_are_rate_limited(client, settings, mailoutbox):
    """The limit's last allowed attempt goes through; the next is refused with 429 and no e-mail."""
    settings.NEIGHBOURS_FORM_LIMITS = {"per_address": 4, "per_email": 2}
    district = DistrictFactory()
    assert join(client, "ro", email="a@example.org", district=district.slug).status_code == 302
    assert join(client, "ro", email="a@example.org", district=district.slug).status_code == 302
    assert join(client, "ro", email="a@example.org", district=district.slug).status_code == 429  # per e-mail
    assert join(client, "ro", email="b@example.org", district=district.slug).status_code == 302
    assert join(client, "ro", email="c@example.org", district=district.slug).status_code == 302
    locked = join(client, "ro", email="d@example.org", district=district.slug)
    assert locked.status_code == 429 and "error-summary" in locked.content.decode()
    assert client.post("/ro/neighbours/leave/", {"email": "e@example.org"}).status_code == 429
    assert len(mailoutbox) == 4


def test_the_form_says_when_the_city_has_no_districts(client):
    page = client.get("/en/neighbours/join/")
    assert page.status_code == 200 and 'id="join"' not in page.content.decode()
    assert "has not set up its districts" in page.content.decode()
    assert join(client, "en", email="x@example.org", district="any").status_code == 409
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-address"},
        {"email": "x@example.org", "district": "no-such-district"},
        {"email": "x@example.org", "consent": ""},
        {"email": "x@example.org", "language": "xx"},
        {"email": "x" * 10_000 + "@example.org", "name": "n" * 10_000},
        {"email": "x@example.org", "name": "\x00"},
    ],
)
def test_bad_join_input_is_a_clear_400(client, data):
    district = DistrictFactory()
    response = join(client, "ro", **({"district": district.slug} | data))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Member.objects.exists()


def test_expired_join_requests_are_purged_and_members_kept(smtp, client):
    district = DistrictFactory()
    active = MemberFactory(district=district)
    join(client, "ro", email="late@example.org", district=district.slug)
    assert purge_unconfirmed(timezone.now()) == 0
    assert purge_unconfirmed(timezone.now() + dt.timedelta(days=4)) == 1
    assert list(Member.objects.all()) == [active]
