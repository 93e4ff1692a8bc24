"""A learner's own account: changing the e-mail address (confirmed from the new address), a
copy of everything stored about them, and deleting the account.

Certificates outlive the account: they keep the name as issued and stay verifiable (employers
may hold printed copies), unless the learner asks for them to be revoked."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import ProtectedError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.qr import services as qr
from training.models import Certificate, LessonProgress, QuizAttempt

from .certificates import certificate_pdf
from .learning import TrainingError

EMAIL_CHANGE_SALT = "training.email-change"
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 3600  # the link in the confirmation message works for 3 days


def is_city_staff(user: AbstractBaseUser) -> bool:
    """City accounts are managed by the city's administrators, not from the learning pages."""
    return bool(user.is_staff or user.is_superuser or hasattr(user, "staff_profile"))


# --- e-mail address -----------------------------------------------------------------------------


def request_email_change(
    *, user: AbstractBaseUser, new_email: str, confirm_url: Callable[[str], str]
) -> None:
    """Send a confirmation link to `new_email`; the address changes only when it is followed.
    `confirm_url` makes the link's absolute URL from the signed token."""
    token = signing.dumps(
        {"u": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT, compress=True
    )
    context = {"user": user, "new_email": new_email, "url": confirm_url(token)}
    send_mail(
        _("Confirm your new e-mail address"),
        render_to_string("training/emails/email_change.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [new_email],
    )


@transaction.atomic
def confirm_email_change(*, token: str) -> AbstractBaseUser:
    """Apply a change confirmed from the new address. Raises TrainingError for a link that is
    altered, expired, or out of date (the address changed again since it was sent)."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise TrainingError(_("This confirmation link is not valid or has expired.")) from error
    user = get_user_model().objects.select_for_update().filter(pk=data.get("u")).first()
    if user is None or user.email != data.get("old"):
        raise TrainingError(_("This confirmation link is not valid or has expired."))
    user.email = data["new"]
    user.save(update_fields=["email"])
    return user


# --- a copy of one's data -----------------------------------------------------------------------


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def learner_data(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Everything the training app stores about `user`, as JSON-ready data. (The demographic
    questionnaire is anonymous: its answers are linked to no account.)"""
    certificates = Certificate.objects.filter(user=user).select_related("course")
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "full_name": user.get_full_name(),
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "lessons_completed": [
            {"lesson": p.lesson.title, "url": p.lesson.full_url, "completed_at": _when(p.completed_at)}
            for p in LessonProgress.objects.filter(user=user).select_related("lesson")
        ],
        "quiz_attempts": [
            {
                "lesson": a.lesson.title,
                "score": a.score,
                "passed": a.passed,
                "answers": a.answers,
                "created_at": _when(a.created_at),
            }
            for a in QuizAttempt.objects.filter(user=user).select_related("lesson")
        ],
        "certificates": [
            {
                "number": c.printed_number,
                "holder_name": c.holder_name,
                "course": c.course.title,
                "issued_at": _when(c.issued_at),
                "revoked": c.revoked,
                "verify_url": qr.number_url(c.printed_number),
                "file": f"certificates/certificate-{c.code}.pdf",
            }
            for c in certificates
        ],
    }


def export_learner_data(*, user: AbstractBaseUser, language: str | None = None) -> bytes:
    """A ZIP archive: `data.json` (see `learner_data`) and each certificate's PDF."""
    data = learner_data(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for certificate in Certificate.objects.filter(user=user).select_related("course"):
            archive.writestr(
                f"certificates/certificate-{certificate.code}.pdf",
                certificate_pdf(certificate, language=language),
            )
    return buffer.getvalue()


# --- deleting the account -----------------------------------------------------------------------


@transaction.atomic
def delete_learner_account(*, user: AbstractBaseUser, revoke_certificates: bool) -> int:
    """Delete a learner's account with their progress and quiz answers; their certificates stay,
    unlinked, with the name as issued, and revoked if asked. Returns how many were revoked."""
    if is_city_staff(user):
        raise TrainingError(_("City accounts are managed by the city's administrators."))
    certificates = Certificate.objects.filter(user=user)
    revoked = certificates.filter(revoked=False).update(revoked=True) if revoke_certificates else 0
    try:
        user.delete()
    except ProtectedError as error:
        raise TrainingError(
            _("This account is linked to records the city must keep; ask the city to close it.")
        ) from error
    return revoked
