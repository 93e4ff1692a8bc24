"""Factories for public consultations and council meetings."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from participation.consultations.models import (
    AgendaItem,
    Comment,
    CommentStatus,
    Consultation,
    ConsultationKind,
    Meeting,
    Participant,
    Question,
    Section,
    minimum_days_open,
)


class ConsultationFactory(DjangoModelFactory):
    """A published consultation open today for the legal minimum period."""

    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Proiect de hotărâre nr. {n}")
    title_en = factory.Sequence(lambda n: f"Draft decision no. {n}")
    slug = factory.Sequence(lambda n: f"proiect-{n}")
    kind = ConsultationKind.REGULATION
    summary = "Regulamentul privind parcările de reședință."
    summary_en = "The regulation on residential parking."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))
    closes_on = factory.LazyAttribute(lambda o: o.opens_on + dt.timedelta(days=minimum_days_open()))
    is_published = True


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    consultation = factory.SubFactory(ConsultationFactory)
    heading = factory.Sequence(lambda n: f"Articolul {n}")
    heading_en = factory.Sequence(lambda n: f"Article {n}")
    text = "Locurile de parcare se atribuie anual."
    text_en = "Parking places are allotted every year."


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    consultation = factory.SubFactory(ConsultationFactory)
    text = "Ce tarif anual vi se pare corect?"
    text_en = "What yearly fee seems fair to you?"


class ParticipantFactory(DjangoModelFactory):
    class Meta:
        model = Participant

    email = factory.Sequence(lambda n: f"locuitor{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    consultation = factory.SubFactory(ConsultationFactory)
    participant = factory.SubFactory(ParticipantFactory)
    body = factory.Sequence(lambda n: f"Propun o reducere pentru pensionari ({n}).")
    status = CommentStatus.PENDING


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Ședința ordinară nr. {n}")
    slug = factory.Sequence(lambda n: f"sedinta-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    requests_close_at = factory.LazyAttribute(lambda o: o.starts_at - dt.timedelta(days=2))
    place = "Sala de consiliu, Primăria Arad"
    is_published = True


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Proiect de hotărâre privind bugetul ({n})")
