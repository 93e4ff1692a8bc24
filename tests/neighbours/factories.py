"""Factories of the vigilant neighbours: members (active unless told) and notices with translations."""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from neighbours.models import Member, Notice
from neighbours.services import CONSENT_TEXT, CONSENT_VERSION
from tests.factories import DistrictFactory


class MemberFactory(DjangoModelFactory):
    class Meta:
        model = Member

    email = factory.Sequence(lambda n: f"vecin{n}@example.org")
    name = ""
    district = factory.SubFactory(DistrictFactory)
    language = "ro"
    status = Member.Status.ACTIVE
    consent_version = CONSENT_VERSION
    consent_text = factory.LazyFunction(lambda: str(CONSENT_TEXT))
    confirmed_at = factory.LazyFunction(timezone.now)


class NoticeFactory(DjangoModelFactory):
    class Meta:
        model = Notice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Atenție: furturi din mașini {n}")
    title_en = factory.Sequence(lambda n: f"Warning: thefts from cars {n}")
    title_hu = factory.Sequence(lambda n: f"Figyelem: autófeltörések {n}")
    body = "Nu lăsați obiecte de valoare la vedere în mașină."
    body_en = "Do not leave valuables in sight in your car."
    body_hu = "Ne hagyjon értéktárgyat látható helyen az autóban."
    level = Notice.Level.WARNING

    @factory.post_generation
    def districts(notice, create, extracted, **kwargs) -> None:  # noqa: N805
        if create and extracted:
            notice.districts.set(extracted)
