"""The public pages through Django's client: each language, the identity steps (signed link,
declaration of residence), the forms' 4xx answers to bad input, and the rate limits."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from participation.budget.models import Ballot, Participant, Phase, Proposal

from .factories import ParticipantFactory, city_point, make_proposal, move_to

LINK = re.compile(r"https?://\S+")


def sign_in(client, participant) -> None:
    session = client.session
    session["budget_participant"] = participant.pk
    session.save()


@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_every_page_answers_in_each_language(client, cycle, district, resident, lang):
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Da.")
    move_to(cycle, Phase.IMPLEMENTATION)
    for path in ("", "results/", "implementation/", f"proposals/{project.pk}/", "take-part/"):
        response = client.get(f"/{lang}/budget/{path}")
        assert response.status_code == 200, path
        assert f'lang="{lang}"' in response.content.decode()
    page = client.get("/en/budget/results/").content.decode()
    assert "the cheaper project comes first, then the one submitted earlier" in page
    title = f">{cycle.title}</p>"
    index = client.get(f"/{lang}/budget/").content.decode()
    # the title staff wrote in the default language is marked as such on other languages' pages
    assert (f' lang="{settings.LANGUAGE_CODE}"{title}' in index) == (lang != settings.LANGUAGE_CODE)
    assert title in index


def test_the_signed_link_confirms_the_address_then_residence_is_declared(client, cycle, district):
    response = client.post("/en/budget/take-part/?next=/en/budget/vote/", {"email": " Ana@Example.org "})
    assert response.status_code == 200 and mail.outbox[-1].to == ["ana@example.org"]
    link = LINK.search(mail.outbox[-1].body).group(0)
    assert client.get(link.replace("/confirm/", "/confirm/x")).status_code == 400  # altered
    response = client.get(link)
    assert response.status_code == 302 and "/residence/" in response["Location"]
    participant = Participant.objects.get(email="ana@example.org")
    assert not participant.may_take_part
    assert client.post("/en/budget/take-part/residence/", {"district": district.pk}).status_code == 400
    response = client.post(
        "/en/budget/take-part/residence/?next=/en/budget/", {"district": district.pk, "declaration": "on"}
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.may_take_part and participant.district == district


def test_bad_input_gets_a_4xx(client, cycle, district, resident):
    assert client.get("/en/budget/proposals/999999/").status_code == 404
    assert client.get("/en/budget/take-part/confirm/nonsense/").status_code == 400
    assert client.post("/en/budget/take-part/", {"email": "not an address"}).status_code == 400
    sign_in(client, resident)
    bad = {
        "title": "x",
        "description": "y",
        "district": district.pk,
        "cost_estimate": "-3",
        "latitude": "1e999",
    }
    assert client.post("/en/budget/proposals/new/", bad).status_code == 400
    outside = {
        "title": "x",
        "description": "y",
        "district": district.pk,
        "cost_estimate": 5,
        "latitude": 10,
        "longitude": 10,
    }
    assert client.post("/en/budget/proposals/new/", outside).status_code == 400
    lat, lon = city_point()
    fake = SimpleUploadedFile("p.jpg", b"not an image", content_type="image/jpeg")
    data = {
        "title": "x",
        "description": "y",
        "district": district.pk,
        "cost_estimate": 5,
        "latitude": lat,
        "longitude": lon,
    }
    assert client.post("/en/budget/proposals/new/", data | {"photo": fake}).status_code == 400
    assert client.post("/en/budget/vote/", {"projects": "1"}).status_code == 403  # not voting yet
    move_to(cycle, Phase.VOTING)
    assert client.post("/en/budget/vote/", {"projects": "abc"}).status_code == 400
    assert client.post("/en/budget/vote/", {}).status_code == 400
    assert Proposal.objects.count() == 0 and Ballot.objects.count() == 0


def proposal_with_photo(district, **fields) -> dict:
    """The new-proposal form's fields: a point in the city and a small PNG photo, with `fields`."""
    lat, lon = city_point()
    photo = SimpleUploadedFile("p.png", _png(), content_type="image/png")
    return {"district": district.pk, "latitude": lat, "longitude": lon, "photo": photo} | fields


def test_a_proposal_with_a_photo_and_a_second_ballot_refused(
    client, cycle, district, resident, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    sign_in(client, resident)
    data = proposal_with_photo(
        district,
        title="Pistă de biciclete",
        description="Pe malul Mureșului.",
        cost_estimate=90_000,
        photo_description="Malul",
    )
    response = client.post("/ro/budget/proposals/new/", data)
    assert response.status_code == 200, response.content.decode()[:2000]
    proposal = Proposal.objects.get()
    assert proposal.photos.get().image.name.startswith("budget/proposals/")  # a random name (test_photos)
    proposal.moderation, proposal.feasibility, proposal.public_reason = "published", "feasible", "Da."
    proposal.save()
    move_to(cycle, Phase.VOTING)
    assert client.post("/ro/budget/vote/", {"projects": [proposal.pk]}).status_code == 200
    assert client.post("/ro/budget/vote/", {"projects": [proposal.pk]}).status_code == 409
    assert Ballot.objects.count() == 1


def test_the_photo_size_limit(client, cycle, district, resident, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.BUDGET_PHOTO_MAX_BYTES = 100
    sign_in(client, resident)
    data = proposal_with_photo(district, title="x", description="y", cost_estimate=5)
    response = client.post("/en/budget/proposals/new/", data)
    assert response.status_code == 400 and "the limit is 100" in response.content.decode()


def test_confirmation_e_mails_are_rate_limited(client, cycle, settings):
    settings.BUDGET_LIMITS = {"identify_per_email": 2}
    for _ in range(2):
        assert client.post("/en/budget/take-part/", {"email": "a@example.org"}).status_code == 200
    assert client.post("/en/budget/take-part/", {"email": "a@example.org"}).status_code == 429
    assert len(mail.outbox) == 2


def test_an_open_redirect_is_not_followed(client, cycle, district):
    participant = ParticipantFactory(district=district)
    sign_in(client, participant)
    response = client.post(
        "/en/budget/take-part/residence/?next=https://evil.example/",
        {"district": district.pk, "declaration": "on"},
    )
    assert response["Location"] == "/en/budget/"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()
