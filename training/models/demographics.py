"""The voluntary, anonymous demographic form and the city's population shares to compare with.

Answers are stored apart from identities: no user, no attendance row, no time finer than the
month, and a random primary key — only the session or course the form was given for. They are
only ever shown in aggregates of at least K_ANONYMITY people (see selectors.demographics)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

K_ANONYMITY = 5


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("Under 18")
    A18_24 = "18-24", _("18–24")
    A25_34 = "25-34", _("25–34")
    A35_44 = "35-44", _("35–44")
    A45_54 = "45-54", _("45–54")
    A55_64 = "55-64", _("55–64")
    A65_74 = "65-74", _("65–74")
    A75 = "75+", _("75 and over")
    UNSAID = "na", _("Prefer not to say")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("In another way")
    UNSAID = "na", _("Prefer not to say")


class Community(models.TextChoices):
    ROMANIAN = "romanian", _("Romanian")
    HUNGARIAN = "hungarian", _("Hungarian")
    ROMA = "roma", _("Roma")
    GERMAN = "german", _("German")
    OTHER = "other", _("Other")
    UNSAID = "na", _("Prefer not to say")


class Situation(models.TextChoices):
    EMPLOYED = "employed", _("Employed or self-employed")
    PUPIL = "pupil", _("Pupil or student")
    RETIRED = "retired", _("Retired")
    UNEMPLOYED = "unemployed", _("Unemployed")
    DISADVANTAGED = "disadvantaged", _("Low income or receiving social support")
    UNSAID = "na", _("Prefer not to say")


# The dimensions of the form, in display order: field name -> (label, choices).
DIMENSIONS: dict[str, tuple[str, type[models.TextChoices]]] = {
    "age_band": (_("Age"), AgeBand),
    "gender": (_("Gender"), Gender),
    "community": (_("Community"), Community),
    "situation": (_("Socio-economic situation"), Situation),
}


class DemographicResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(
        "training.ClassroomSession", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    course = models.ForeignKey(
        "training.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    community = models.CharField(_("community"), max_length=12, choices=Community.choices, blank=True)
    situation = models.CharField(
        _("socio-economic situation"), max_length=16, choices=Situation.choices, blank=True
    )
    month = models.DateField(_("month"), help_text=_("First day of the month it was given."))

    class Meta:
        verbose_name = _("demographic answer")
        verbose_name_plural = _("demographic answers")
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        return str(self.pk)


class PopulationShare(models.Model):
    """The city's population share of one category (e.g. age 65–74: 12.4 %), entered by managers
    so the representation of trainees can be compared with the population."""

    dimension = models.CharField(
        _("dimension"), max_length=16, choices=[(k, v[0]) for k, v in DIMENSIONS.items()]
    )
    category = models.CharField(
        _("category"), max_length=16, help_text=_("A category code of the dimension, e.g. 65-74 or woman.")
    )
    share = models.DecimalField(_("share of the population (%)"), max_digits=5, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("population share")
        verbose_name_plural = _("population shares")
        constraints = [models.UniqueConstraint(fields=["dimension", "category"], name="training_share_once")]

    def __str__(self) -> str:
        return f"{self.dimension} {self.category}: {self.share} %"

    def clean(self) -> None:
        choices = DIMENSIONS.get(self.dimension, (None, None))[1]
        if choices is not None and self.category not in choices.values:
            raise ValidationError(
                {"category": _("Use one of: %(codes)s.") % {"codes": ", ".join(choices.values)}}
            )
