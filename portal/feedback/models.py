"""Answers to the shared satisfaction questionnaire; anonymous by design."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import SOLUTIONS


class FeedbackResponse(models.Model):
    solution = models.CharField(_("solution"), max_length=40, choices=list(SOLUTIONS.items()), db_index=True)
    score = models.PositiveSmallIntegerField(
        _("would you recommend it (0–10)"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    context = models.CharField(
        _("where it was given"),
        max_length=200,
        blank=True,
        help_text=_("Page path or feature, e.g. /ro/harta/ or chat."),
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback response")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=10), name="feedback_score_0_10"
            )
        ]

    def __str__(self) -> str:
        return f"{self.solution}: {self.score}"
