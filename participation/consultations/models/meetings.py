"""Council meetings: the agenda published ahead, residents who ask to speak on an item or send a
written question before the deadline, and afterwards the minutes and the decisions adopted."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from portal.core.translation import localized

from .participants import Participant


class MeetingQuerySet(models.QuerySet):
    def published(self) -> MeetingQuerySet:
        return self.filter(is_published=True)


class Meeting(ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=255, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255)
    requests_close_at = models.DateTimeField(
        _("requests to speak and questions accepted until"),
        help_text=_("Residents may ask to speak or send a written question until then."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_en = models.TextField(_("minutes (English)"), blank=True)
    minutes_hu = models.TextField(_("minutes (Hungarian)"), blank=True)
    minutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes (document)"),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.requests_close_at and self.requests_close_at > self.starts_at:
            raise ValidationError({"requests_close_at": _("Requests must close before the meeting starts.")})

    @property
    def local_title(self):
        return localized(self, "title")

    @property
    def local_minutes(self):
        return localized(self, "minutes")

    def accepts_requests(self) -> bool:
        return timezone.now() <= self.requests_close_at

    def has_taken_place(self) -> bool:
        return timezone.now() >= self.starts_at


class AgendaItem(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("title"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=500, blank=True)
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("public consultation on this draft"),
    )
    decision = models.TextField(_("decision adopted"), blank=True)
    decision_en = models.TextField(_("decision adopted (English)"), blank=True)
    decision_hu = models.TextField(_("decision adopted (Hungarian)"), blank=True)
    decision_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision (document)"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    @property
    def local_title(self):
        return localized(self, "title")

    @property
    def local_decision(self):
        return localized(self, "decision")


class SpeakerRegistration(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="speakers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="speaker_requests")
    name = models.CharField(_("name"), max_length=200)
    topic = models.CharField(_("what you will speak about"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("requests to speak")
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="consultations_one_request_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.item}"


class WrittenQuestion(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="questions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="written_questions")
    text = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("written question")
        verbose_name_plural = _("written questions")

    def __str__(self) -> str:
        return self.text[:60]
