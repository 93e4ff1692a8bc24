"""The consultation dataset through the catalogue's publisher contract, and the two KPIs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from opendata.models import Dataset
from opendata.services.published import refresh_published
from participation.consultations import services
from participation.consultations.publishers import DATASETS
from portal.kpi.registry import discover

from .factories import CommentFactory, ConsultationFactory, ParticipantFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _closed(**kwargs):
    today = timezone.localdate()
    return ConsultationFactory(
        opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=1), **kwargs
    )


def test_the_catalogue_publishes_moderated_comments_and_answers_without_personal_data():
    item = _closed(report="Am ținut seama de propuneri.")
    author = ParticipantFactory(email="ioana.mures@example.org")
    shown = CommentFactory(
        consultation=item, participant=author, status="approved", body="Mai multe piste de biciclete."
    )
    CommentFactory(consultation=item, status="rejected", rejection_reason="Injurii.", body="Text jignitor.")
    services.answer_comments(
        consultation=item, comment_ids=[shown.pk], text="Pista de pe Bd. Revoluției intră în plan."
    )
    services.publish_report(consultation=item, page_url=lambda lang: f"http://arad.example/{lang}/")

    summary = refresh_published(declared=DATASETS)
    assert summary.created == ["public-consultation-comments"] and not summary.failed
    dataset = Dataset.objects.get(source_key="public-consultation-comments")
    client = Client()
    files = {}
    for resource in dataset.resources.all():
        url = f"/opendata/download/{resource.pk}/{resource.upload.name.rsplit('/', 1)[-1]}"
        response = client.get(url)
        assert response.status_code == 200
        files[resource.name] = b"".join(
            response.streaming_content if response.streaming else [response.content]
        )
    comments = files["consultation-comments.csv"].decode()
    answers = files["consultation-answers.csv"].decode()
    assert "Mai multe piste de biciclete." in comments and "Text jignitor." not in comments
    assert "Bd. Revoluției" in answers and str(shown.pk) in answers
    for text in (comments, answers):
        assert "ioana.mures" not in text and "@" not in text


def test_kpis_share_answered_and_participants_per_consultation():
    kpis = discover()
    item = _closed()
    first, second = CommentFactory.create_batch(2, consultation=item, status="approved")
    CommentFactory(consultation=item, participant=first.participant, status="approved")
    assert kpis["participation.comments_answered"].compute() == 0
    services.answer_comments(consultation=item, comment_ids=[first.pk, second.pk], text="Răspuns comun.")
    assert kpis["participation.comments_answered"].compute() == pytest.approx(66.7)
    open_one = ConsultationFactory()
    question = QuestionFactory(consultation=open_one)
    services.answer_questions(
        consultation=open_one, participant=ParticipantFactory(), answers={question.pk: "Da"}
    )
    # Two people in the closed one, one in the open one.
    assert kpis["participation.participants_per_consultation"].compute() == 1.5
    breakdown = dict(kpis["participation.participants_per_consultation"].breakdown())
    assert sorted(breakdown.values()) == [1, 2]
