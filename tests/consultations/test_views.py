"""Public pages, their refusals (clear 4xx, never a 500), rate limits, the admin screens and the
open-data export, through Django's test client."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from participation.consultations import publishers
from participation.consultations.identity import SESSION_KEY
from participation.consultations.models import Comment
from tests.factories import UserFactory

from .factories import (
    AgendaItemFactory,
    CommentFactory,
    ConsultationFactory,
    MeetingFactory,
    ParticipantFactory,
    QuestionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def _sign_in(client, participant) -> None:
    session = client.session
    session[SESSION_KEY] = participant.pk
    session.save()


@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_pages_exist_in_every_language(client, lang):
    item = ConsultationFactory()
    SectionFactory(consultation=item)
    QuestionFactory(consultation=item)
    meeting = AgendaItemFactory().meeting
    for url in (
        f"/{lang}/participation/",
        f"/{lang}/participation/consultations/{item.slug}/",
        f"/{lang}/participation/meetings/",
        f"/{lang}/participation/meetings/{meeting.slug}/",
        f"/{lang}/participation/confirm-email/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{lang}"' in response.content.decode()


def test_unpublished_and_unknown_consultations_are_404(client):
    hidden = ConsultationFactory(is_published=False)
    assert client.get(f"/ro/participation/consultations/{hidden.slug}/").status_code == 404
    assert client.get("/ro/participation/consultations/nu-exista/").status_code == 404
    assert client.get("/ro/participation/meetings/nu-exista/").status_code == 404


def test_commenting_needs_a_confirmed_address(client):
    item = ConsultationFactory()
    response = client.post(f"/ro/participation/consultations/{item.slug}/comment/", {"body": "Salut"})
    assert response.status_code == 403
    assert "Confirmați adresa de e-mail" in response.content.decode() or response.status_code == 403
    assert not Comment.objects.exists()


def test_bad_input_gets_a_clear_4xx(client):
    item = ConsultationFactory()
    other_section = SectionFactory()
    _sign_in(client, ParticipantFactory())
    url = f"/ro/participation/consultations/{item.slug}/comment/"
    assert client.post(url, {"body": ""}).status_code == 400
    assert client.post(url, {"body": "x" * 5001}).status_code == 400
    assert client.post(url, {"body": "Bun", "section": "abc"}).status_code == 400
    assert client.post(url, {"body": "Bun", "section": str(other_section.pk)}).status_code == 400
    assert client.get(url).status_code == 405
    assert not Comment.objects.exists()
    assert client.get("/ro/participation/confirm-email/nu-e-semnat/").status_code == 400
    assert client.post("/ro/participation/confirm-email/", {"email": "nu-e-adresa"}).status_code == 400


def test_a_closed_consultation_refuses_comments_with_409(client):
    today = timezone.localdate()
    item = ConsultationFactory(opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=2))
    _sign_in(client, ParticipantFactory())
    response = client.post(f"/en/participation/consultations/{item.slug}/comment/", {"body": "Late"})
    assert response.status_code == 409
    assert "no longer accepted" in response.content.decode()
    response = client.post(f"/en/participation/consultations/{item.slug}/answers/", {})
    assert response.status_code == 409


def test_confirmation_link_then_comment_then_own_status(client):
    item = ConsultationFactory()
    section = SectionFactory(consultation=item)
    page = f"/ro/participation/consultations/{item.slug}/"
    response = client.post("/ro/participation/confirm-email/", {"email": "Ana@Example.org", "next": page})
    assert response.status_code == 200
    (link,) = re.findall(r"https?://\S+", mail.outbox[-1].body)
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == page
    response = client.post(
        f"{page}comment/", {"body": "Propun tarif redus.", "section": str(section.pk)}, follow=True
    )
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert (comment.section, comment.participant.email, comment.status) == (
        section,
        "ana@example.org",
        "pending",
    )
    assert "așteaptă moderarea" in response.content.decode().lower() or "Propun tarif redus." in (
        response.content.decode()
    )


def test_the_author_reads_the_reason_for_a_refusal(client):
    participant = ParticipantFactory()
    comment = CommentFactory(participant=participant, status="rejected", rejection_reason="Limbaj jignitor.")
    _sign_in(client, participant)
    body = client.get(f"/ro/participation/consultations/{comment.consultation.slug}/").content.decode()
    assert "Limbaj jignitor." in body
    other = client.__class__()
    assert (
        "Limbaj jignitor."
        not in other.get(f"/ro/participation/consultations/{comment.consultation.slug}/").content.decode()
    )


def test_comment_forms_are_rate_limited(client, settings):
    settings.CONSULTATIONS_LIMITS = {"post_per_address": 3}
    item = ConsultationFactory()
    _sign_in(client, ParticipantFactory())
    url = f"/ro/participation/consultations/{item.slug}/comment/"
    statuses = [client.post(url, {"body": f"Comentariul {n}"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_confirmation_mails_are_rate_limited_per_address(client, settings):
    settings.CONSULTATIONS_LIMITS = {"confirm_per_email": 2}
    statuses = [
        client.post("/ro/participation/confirm-email/", {"email": "ion@example.org"}).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert len(mail.outbox) == 2


def test_speaking_and_questions_before_the_deadline_only(client):
    item = AgendaItemFactory()
    _sign_in(client, ParticipantFactory())
    base = f"/ro/participation/meetings/{item.meeting.slug}/items/{item.pk}"
    assert client.post(f"{base}/speak/", {"name": "Ion Pop", "topic": "Parcări"}).status_code == 302
    assert client.post(f"{base}/ask/", {"text": "Când începe lucrarea?"}).status_code == 302
    assert client.post(f"{base}/ask/", {"text": ""}).status_code == 400
    assert item.speakers.count() == 1 and item.questions.count() == 1
    late = AgendaItemFactory(
        meeting=MeetingFactory(
            starts_at=timezone.now() + dt.timedelta(hours=1),
            requests_close_at=timezone.now() - dt.timedelta(hours=1),
        )
    )
    response = client.post(
        f"/ro/participation/meetings/{late.meeting.slug}/items/{late.pk}/speak/",
        {"name": "Ion", "topic": "X"},
    )
    assert response.status_code == 409
    assert (
        client.post(
            f"/ro/participation/meetings/{item.meeting.slug}/items/99999/ask/", {"text": "?"}
        ).status_code
        == 404
    )


def test_moderators_group_moderates_in_the_admin(client):
    group = Group.objects.get(name="Participation moderators")
    moderator = UserFactory()
    moderator.groups.add(group)
    client.force_login(moderator)
    comment = CommentFactory()
    response = client.get("/admin/participation/moderation/")
    assert response.status_code == 200 and comment.body in response.content.decode()
    assert (
        client.post(
            "/admin/participation/moderation/", {"comment": comment.pk, "decision": "reject"}
        ).status_code
        == 400
    )
    response = client.post("/admin/participation/moderation/", {"comment": comment.pk, "decision": "approve"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderated_by == moderator
    # The report is for editors, not moderators.
    assert client.get(f"/admin/participation/reports/{comment.consultation.pk}/").status_code in (302, 403)


def test_a_refused_comments_author_is_told_why_by_email_in_their_language(
    client, django_capture_on_commit_callbacks
):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Participation moderators"))
    client.force_login(moderator)
    author = ParticipantFactory(language="hu")
    refused, published = CommentFactory(participant=author), CommentFactory(participant=author)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/participation/moderation/", {"comment": published.pk, "decision": "approve"})
        response = client.post(
            "/admin/participation/moderation/",
            {"comment": refused.pk, "decision": "reject", "reason": "Limbaj jignitor."},
        )

    assert response.status_code == 302
    (message,) = mail.outbox
    consultation = refused.consultation
    assert message.to == [author.email]
    assert message.subject == f"A(z) „{consultation.title}” témához írt hozzászólását nem tettük közzé"
    assert "Limbaj jignitor." in message.body and refused.body in message.body
    (link,) = re.findall(r"https?://\S+", message.body)
    assert "/hu/" in link and client.get(link).status_code == 200


def test_the_open_data_export_has_moderated_comments_without_personal_data(client):
    participant = ParticipantFactory(email="maria.popescu@example.org")
    item = ConsultationFactory()
    shown = CommentFactory(
        consultation=item,
        participant=participant,
        status="approved",
        body="Semnat Maria Popescu, maria.popescu@example.org, tel. 0722 123 456: mai multe bănci.",
    )
    held = CommentFactory(consultation=item, status="pending", body="Încă nemoderat.")
    rows = list(csv.DictReader(io.StringIO(publishers.comments_csv().decode())))
    assert [int(r["comment_id"]) for r in rows] == [shown.pk]
    exported = publishers.comments_csv().decode()
    assert "mai multe bănci" in exported
    assert "maria.popescu@example.org" not in exported and "0722" not in exported
    assert held.body not in exported
    assert "email" not in rows[0] and "participant" not in rows[0]


def test_the_confirmation_link_never_leads_off_the_site(client):
    client.post(
        "/ro/participation/confirm-email/", {"email": "dan@example.org", "next": "https://rau.example/"}
    )
    (link,) = re.findall(r"https?://\S+", mail.outbox[-1].body)
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == "/ro/participation/"
