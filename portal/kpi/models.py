"""Periodic snapshots of every KPI (the history behind dashboards and the published dataset),
and what staff record for the dashboards: roadmap initiatives with activities, and funding."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .registry import SOLUTIONS


class KPISnapshot(models.Model):
    key = models.CharField(_("indicator"), max_length=100, db_index=True)
    solution = models.CharField(_("solution"), max_length=40, db_index=True)
    kind = models.CharField(_("kind"), max_length=10)
    unit = models.CharField(_("unit"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True)
    taken_at = models.DateTimeField(_("taken at"), db_index=True)

    class Meta:
        ordering = ["-taken_at", "key"]
        constraints = [models.UniqueConstraint(fields=["key", "taken_at"], name="kpi_snapshot_once_per_time")]
        verbose_name = _("KPI snapshot")

    def __str__(self) -> str:
        return f"{self.key} = {self.value} {self.unit} @ {self.taken_at:%Y-%m-%d %H:%M}"


class Initiative(ClusterableModel):
    """A line of work of one solution in the city's plan; its activities carry the schedule."""

    solution = models.CharField(_("solution"), max_length=40, choices=list(SOLUTIONS.items()), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("solution"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("order"),
        InlinePanel("activities", label=_("Activities")),
    ]

    class Meta:
        ordering = ["solution", "order", "title"]
        verbose_name = _("roadmap initiative")
        verbose_name_plural = _("roadmap initiatives")

    def __str__(self) -> str:
        return f"{SOLUTIONS.get(self.solution, self.solution)}: {self.title}"


class Activity(Orderable):
    """A scheduled activity; "delayed" is derived from its dates, not stored (see `progress_of`)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("status"),
        FieldPanel("planned_start"),
        FieldPanel("planned_end"),
        FieldPanel("actual_start"),
        FieldPanel("actual_end"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.status == self.Status.COMPLETED and self.actual_end is None:
            raise ValidationError({"actual_end": _("A completed activity needs its actual end date.")})
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError({"planned_end": _("The planned end is before the planned start.")})


class FundingCommitment(models.Model):
    """Money committed to a solution by the city, other ecosystem players or partner cities."""

    class Source(models.TextChoices):
        CITY = "city", _("city")
        ECOSYSTEM = "ecosystem", _("other ecosystem players")
        PARTNER = "partner_city", _("partner cities")

    solution = models.CharField(_("solution"), max_length=40, choices=list(SOLUTIONS.items()), db_index=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    funder = models.CharField(_("funder"), max_length=200)
    amount = models.DecimalField(
        _("amount (RON)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    committed_on = models.DateField(_("committed on"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["solution", "-committed_on"]
        verbose_name = _("funding commitment")
        verbose_name_plural = _("funding commitments")

    def __str__(self) -> str:
        return f"{self.funder}: {self.amount} RON ({self.solution})"
