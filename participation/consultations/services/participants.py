"""A resident's identity: an e-mail address confirmed by a signed link (no account, no password)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Participant
from .errors import ParticipationError

SALT = "participation.confirm-email"
LINK_MAX_AGE = 2 * 24 * 3600  # two days: long enough to find the e-mail, short enough to expire


def make_token(*, email: str, language: str, next_path: str = "") -> str:
    """A signed, expiring token naming the address, the page language and where to go next."""
    payload = {"e": email.strip().lower(), "l": language, "n": next_path}
    return signing.dumps(payload, salt=SALT, compress=True)


def send_confirmation(
    *, email: str, language: str, confirm_url: Callable[[str], str], next_path: str = ""
) -> None:
    """E-mail a link that proves `email` belongs to the person who typed it."""
    token = make_token(email=email, language=language, next_path=next_path)
    with translation.override(language):
        context = {"url": confirm_url(token), "days": LINK_MAX_AGE // 86400}
        send_mail(
            _("Confirm your e-mail address to take part"),
            render_to_string("consultations/emails/confirm.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )


def participant_from_token(token: str) -> tuple[str, str, str]:
    """The (e-mail, language, next page) of a valid link; a clear error for a bad or old one."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ParticipationError(_("This link has expired: ask for a new one.")) from error
    except signing.BadSignature as error:
        raise ParticipationError(_("This link is not valid: ask for a new one.")) from error
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        raise ParticipationError(_("This link is not valid: ask for a new one."))
    return data["e"], str(data.get("l") or settings.LANGUAGE_CODE)[:8], str(data.get("n") or "")


@transaction.atomic
def confirm_participant(*, token: str) -> tuple[Participant, str]:
    """The participant behind a confirmation link (created on first use) and the page to go to."""
    email, language, next_path = participant_from_token(token)
    participant, created = Participant.objects.get_or_create(
        email=email, defaults={"language": language, "confirmed_at": timezone.now()}
    )
    if not created and participant.language != language:
        participant.language = language
        participant.save(update_fields=["language"])
    return participant, next_path
