"""The public notices by district in each language, bad input answered with a 4xx, and no member
identity anywhere public: pages, the API's OpenAPI document, the open datasets."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from neighbours.demo import data
from neighbours.models import Member, Notice
from portal.core import contracts
from tests.factories import DistrictFactory
from tests.security.test_probes import PROBES

from .factories import MemberFactory, NoticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    here, there = DistrictFactory(), DistrictFactory()
    notice = NoticeFactory(districts=[here], sent_at=timezone.now())
    other = NoticeFactory(districts=[there], sent_at=timezone.now(), title_en="")
    draft = NoticeFactory(districts=[here])
    hidden = NoticeFactory(districts=[here], sent_at=timezone.now(), public=False)
    return here, there, notice, other, draft, hidden


@pytest.mark.parametrize("lang, field", [("ro", "title"), ("en", "title_en"), ("hu", "title_hu")])
def test_sent_notices_are_listed_per_district_in_the_readers_language(client, sent, lang, field):
    here, there, notice, other, draft, hidden = sent
    everything = client.get(f"/{lang}/neighbours/").content.decode()
    assert getattr(notice, field) in everything and getattr(other, field) or other.title in everything
    assert draft.title not in everything and hidden.title not in everything
    for text in (draft.title, draft.title_en, hidden.title, hidden.title_en):
        assert text not in everything

    filtered = client.get(f"/{lang}/neighbours/", {"district": here.slug}).content.decode()
    assert getattr(notice, field) in filtered and other.title not in filtered
    page = client.get(f"/{lang}/neighbours/notices/{notice.pk}/")
    assert (
        page.status_code == 200 and getattr(notice, field.replace("title", "body")) in page.content.decode()
    )


def test_many_notices_are_paged_keeping_the_chosen_district(client):
    here, there = DistrictFactory(), DistrictFactory()
    start = timezone.now() - dt.timedelta(days=30)
    made = [NoticeFactory(districts=[here], sent_at=start + dt.timedelta(hours=i)) for i in range(23)]
    NoticeFactory(districts=[there], sent_at=timezone.now())
    newest_first = made[::-1]

    first = client.get("/en/neighbours/", {"district": here.slug}).content.decode()

    assert "23 notices" in first
    assert all(n.title_en in first for n in newest_first[:20])
    assert not any(n.title_en in first for n in newest_first[20:])
    assert f'href="?district={here.slug}&amp;page=2" rel="next"' in first
    second = client.get("/en/neighbours/", {"district": here.slug, "page": "2"}).content.decode()
    assert all(n.title_en in second for n in newest_first[20:])
    assert not any(n.title_en in second for n in newest_first[:20])
    for typed in ("abc", "0", "9" * 40):
        assert client.get("/en/neighbours/", {"page": typed}).status_code == 200


def test_a_missing_translation_shows_the_original_marked_with_its_language(client, sent):
    *_ignored, other, _draft, _hidden = sent[:4] + sent[4:]
    page = client.get(f"/en/neighbours/notices/{other.pk}/").content.decode()
    assert f'<h1 lang="ro">{other.title}</h1>' in page


@pytest.mark.parametrize(
    "path, status",
    [
        ("/ro/neighbours/?district=no-such-district", 404),
        ("/ro/neighbours/?district=" + "x" * 5000, 404),
        ("/ro/neighbours/?district=%00", 400),
        ("/en/neighbours/notices/999999/", 404),
        ("/hu/neighbours/notices/99999999999999999999/", 404),
        ("/ro/neighbours/confirm/not-a-token/", 400),
        ("/ro/neighbours/confirm/" + "a" * 3000 + "/", 400),
        ("/ro/neighbours/leave/not-a-token/", 400),
        ("/ro/neighbours/leave/eyJtIjoiJ30:1:x/", 400),
    ],
)
def test_bad_input_is_a_4xx(client, sent, path, status):
    assert client.get(path).status_code == status


def test_draft_and_hidden_notices_have_no_public_page(client, sent):
    *_, draft, hidden = sent
    assert client.get(f"/ro/neighbours/notices/{draft.pk}/").status_code == 404
    assert client.get(f"/ro/neighbours/notices/{hidden.pk}/").status_code == 404


def test_leave_by_post_with_a_bad_token_or_method_is_a_4xx(client):
    assert client.post("/ro/neighbours/leave/garbage/").status_code == 400
    assert client.put("/ro/neighbours/leave/garbage/").status_code == 405


def test_no_member_identity_is_public_anywhere(client, sent):
    here, *_ = sent
    member = MemberFactory(district=here, name="Zamfira Identificabilă", email="zamfira@example.org")
    public = [
        "/ro/neighbours/",
        f"/ro/neighbours/?district={here.slug}",
        "/en/neighbours/join/",
        "/api/v1/openapi.json",
        "/ro/kpi/",
    ]
    for path in public:
        body = client.get(path).content.decode()
        assert member.email not in body and member.name not in body, path
    assert "neighbours" not in client.get("/api/v1/openapi.json").content.decode()
    assert not [d for d in contracts.published_datasets() if d.key.startswith("neighbours")]
    assert Notice.objects.public().count() == 2


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_injection_and_overflow_probes_get_no_server_error(client, sent, probe):
    value = PROBES[probe]
    district = sent[0]
    assert client.get("/ro/neighbours/", {"district": value}).status_code < 500
    for field in ("name", "email", "district", "language", "consent"):
        data = {
            "name": "",
            "email": "p@example.org",
            "district": district.slug,
            "language": "ro",
            "consent": "on",
        }
        assert client.post("/en/neighbours/join/", data | {field: value}).status_code < 500, field
    assert client.post("/hu/neighbours/leave/", {"email": value}).status_code < 500


def test_the_demo_notices_load_once_for_the_demo_districts(client):
    call_command("load_demo_cctv", stdout=io.StringIO())
    call_command("load_demo_neighbours", stdout=io.StringIO())
    call_command("load_demo_neighbours", stdout=io.StringIO())
    assert Notice.objects.public().count() == len(data.NOTICES)
    assert not Member.objects.exists()
    page = client.get("/hu/neighbours/").content.decode()
    assert all(spec.title.hu in page for spec in data.NOTICES)
