"""What learners did: lessons completed, quiz attempts, certificates; and staff departments."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _certificate_code() -> str:
    # 10 base32-ish characters: short enough for a QR and to read aloud, far too many to guess.
    return secrets.token_hex(5).upper()


class StaffProfile(models.Model):
    """A city employee's department, so managers can follow completion per department."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    department = models.ForeignKey(
        "services.DepartmentPage", on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey("training.LessonPage", on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completed")
        verbose_name_plural = _("lessons completed")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="training_progress_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.lesson_id}"


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("training.LessonPage", on_delete=models.CASCADE, related_name="attempts")
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(_("answers"), default=dict)  # question block id -> chosen indexes
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.lesson_id}: {self.score}%"


class Certificate(models.Model):
    """Proof that a learner completed a course; its PDF carries a signed QR code."""

    code = models.CharField(_("code"), max_length=16, unique=True, default=_certificate_code)
    # Empty once the learner deleted their account: the certificate stays verifiable, with the
    # name as issued, unless they asked for it to be revoked.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_certificates",
    )
    course = models.ForeignKey("training.CoursePage", on_delete=models.PROTECT, related_name="certificates")
    holder_name = models.CharField(_("holder's name"), max_length=200)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True, db_index=True)
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked certificate shows as withdrawn when verified.")
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="training_certificate_once")]

    def __str__(self) -> str:
        return f"{self.code} – {self.holder_name}"

    @property
    def printed_number(self) -> str:
        """The code as printed and read aloud: two groups of five (`A1B2C-3D4E5`)."""
        return f"{self.code[:5]}-{self.code[5:]}" if len(self.code) == 10 else self.code
