"""A public consultation: a draft (decision, regulation, plan) with its documents, a period, its
sections and questions; the residents' comments and answers; the city's report that answers them.

Legal deadlines live here, not in the forms: Law 52/2003 on decisional transparency asks that a
draft regulation stay open for comments at least 30 days (`CONSULTATIONS_MIN_DAYS_OPEN`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from portal.core.translation import localized

from .participants import Participant

DEFAULT_MIN_DAYS_OPEN = 30


def minimum_days_open() -> int:
    """The shortest period a consultation may stay open (Law 52/2003 art. 7: 30 days)."""
    return int(getattr(settings, "CONSULTATIONS_MIN_DAYS_OPEN", DEFAULT_MIN_DAYS_OPEN))


class ConsultationKind(models.TextChoices):
    DECISION = "decision", _("Draft decision")
    REGULATION = "regulation", _("Draft regulation")
    PLAN = "plan", _("Plan or strategy")


class Moderation(models.TextChoices):
    PRE = "pre", _("Before publication (a moderator approves each comment)")
    POST = "post", _("After publication (comments appear at once; moderators may remove them)")


class ConsultationQuerySet(models.QuerySet):
    def published(self) -> ConsultationQuerySet:
        return self.filter(is_published=True)

    def open_on(self, day: dt.date) -> ConsultationQuerySet:
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Consultation(ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=255, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind of draft"), max_length=16, choices=ConsultationKind.choices)
    summary = models.TextField(_("summary"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_hu = models.TextField(_("summary (Hungarian)"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("Comments are accepted until the end of this day.")
    )
    moderation = models.CharField(
        _("moderation"), max_length=8, choices=Moderation.choices, default=Moderation.PRE
    )
    is_published = models.BooleanField(_("published"), default=False)
    report = models.TextField(
        _("summary report"), blank=True, help_text=_("What the city changed in the draft, and why.")
    )
    report_en = models.TextField(_("summary report (English)"), blank=True)
    report_hu = models.TextField(_("summary report (Hungarian)"), blank=True)
    report_published_at = models.DateTimeField(_("report published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        permissions = [("moderate_comment", _("Can moderate consultation comments and speaker requests"))]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Refuse a period shorter than the legal minimum, or one that ends before it starts."""
        super().clean()
        if self.opens_on and self.closes_on:
            days = (self.closes_on - self.opens_on).days
            minimum = minimum_days_open()
            if days < minimum:
                raise ValidationError(
                    {
                        "closes_on": _(
                            "A consultation stays open at least %(minimum)d days (Law 52/2003); "
                            "this period has %(days)d."
                        )
                        % {"minimum": minimum, "days": days}
                    }
                )

    def localized(self, field: str):
        return localized(self, field)

    @property
    def local_title(self):
        return localized(self, "title")

    @property
    def local_summary(self):
        return localized(self, "summary")

    @property
    def local_report(self):
        return localized(self, "report")

    def is_open(self, day: dt.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    def has_closed(self, day: dt.date | None = None) -> bool:
        return (day or timezone.localdate()) > self.closes_on

    def state(self) -> str:
        """upcoming | open | closed | answered: where the consultation stands, for residents."""
        if self.report_published_at:
            return "answered"
        today = timezone.localdate()
        if today < self.opens_on:
            return "upcoming"
        return "open" if self.is_open(today) else "closed"


class Section(Orderable):
    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=255)
    heading_en = models.CharField(_("heading (English)"), max_length=255, blank=True)
    heading_hu = models.CharField(_("heading (Hungarian)"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    text_en = models.TextField(_("text (English)"), blank=True)
    text_hu = models.TextField(_("text (Hungarian)"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading

    @property
    def local_heading(self):
        return localized(self, "heading")

    @property
    def local_text(self):
        return localized(self, "text")

    @property
    def anchor(self) -> str:
        return f"section-{self.pk}"


class ConsultationDocument(Orderable):
    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("document")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return str(self.document)


class Question(Orderable):
    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    text_hu = models.CharField(_("question (Hungarian)"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def local_text(self):
        return localized(self, "text")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Not published")


class CommentQuerySet(models.QuerySet):
    def public(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.APPROVED)


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("section"),
        help_text=_("Empty: a comment on the draft as a whole."),
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="comments")
    body = models.TextField(_("comment"))
    language = models.CharField(max_length=8, default="ro")
    status = models.CharField(_("status"), max_length=10, choices=CommentStatus.choices)
    rejection_reason = models.TextField(_("reason for not publishing"), blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"#{self.pk} {self.body[:60]}"


class QuestionAnswer(models.Model):
    """A resident's answer to one question; answering again replaces it."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "participant"], name="consultations_one_answer_each")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class ReportAnswer(models.Model):
    """The city's answer to one comment, or to several comments that raise the same point."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    comments = models.ManyToManyField(Comment, related_name="answers", verbose_name=_("comments answered"))
    text = models.TextField(_("answer"))
    text_en = models.TextField(_("answer (English)"), blank=True)
    text_hu = models.TextField(_("answer (Hungarian)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer to comments")
        verbose_name_plural = _("answers to comments")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def local_text(self):
        return localized(self, "text")
