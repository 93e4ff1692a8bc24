"""Classroom training: sessions held by trainers, who attended, and the flyers handed out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class PlaceKind(models.TextChoices):
    DAY_CENTRE = "day_centre", _("Day centre for the elderly")
    NGO = "ngo", _("NGO")
    UNIVERSITY = "university", _("University")
    SCHOOL = "school", _("School")
    LIBRARY = "library", _("Library")
    CITY_HALL = "city_hall", _("City Hall")
    OTHER = "other", _("Other")


class SessionAudience(models.TextChoices):
    STAFF = "staff", _("City staff")
    CITIZENS = "citizens", _("Citizens")


class ClassroomSessionQuerySet(models.QuerySet):
    def held(self) -> ClassroomSessionQuerySet:
        """Sessions that have taken place (not the ones only planned)."""
        return self.filter(starts_at__lte=timezone.now())


class ClassroomSession(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(
        "training.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        verbose_name=_("course"),
    )
    starts_at = models.DateTimeField(_("date and time"))
    place_kind = models.CharField(_("kind of place"), max_length=20, choices=PlaceKind.choices)
    place = models.CharField(_("place"), max_length=200, help_text=_("Name and address of the venue."))
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("trainer"),
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=SessionAudience.choices, default=SessionAudience.CITIZENS
    )
    unlisted_attendees = models.PositiveIntegerField(
        _("attendees counted but not listed"),
        default=0,
        help_text=_("People present who did not sign the attendance list (head count)."),
    )
    flyers_handed_out = models.PositiveIntegerField(_("flyers handed out"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    objects = ClassroomSessionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("audience")]),
        MultiFieldPanel([FieldPanel("place_kind"), FieldPanel("place")], heading=_("Place")),
        FieldRowPanel([FieldPanel("course"), FieldPanel("trainer")]),
        InlinePanel("attendance", heading=_("Attendance"), label=_("Attendee")),
        FieldRowPanel([FieldPanel("unlisted_attendees"), FieldPanel("flyers_handed_out")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("classroom session")
        verbose_name_plural = _("classroom sessions")

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    @property
    def attendee_count(self) -> int:
        present = sum(1 for a in self.attendance.all() if a.present)
        return present + self.unlisted_attendees


class Attendance(Orderable):
    """One person on a session's attendance list; an account link is optional (citizens often
    have none), so the list holds only what the trainer writes on the sheet."""

    session = ParentalKey(ClassroomSession, on_delete=models.CASCADE, related_name="attendance")
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("account (if any)"),
    )
    present = models.BooleanField(_("present"), default=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("user"), FieldPanel("present")])]

    class Meta(Orderable.Meta):
        verbose_name = _("attendee")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return self.name
