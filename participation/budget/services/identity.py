"""Who may take part: an e-mail address proven by a signed link (no password to keep or leak)
and a declaration of residence. The address is the person's key, so it is what makes "one
ballot per person" enforceable by the database."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cctv.models import District

from ..models import Participant
from .errors import BudgetError

CONFIRM_SALT = "budget.confirm-email"
CONFIRM_MAX_AGE = 3 * 24 * 3600  # the link works for 3 days


def normalise_email(email: str) -> str:
    return email.strip().lower()


def send_confirmation(*, email: str, link: Callable[[str], str]) -> None:
    """E-mail a signed link that proves the address; `link(token)` makes its absolute URL."""
    email = normalise_email(email)
    token = signing.dumps({"e": email, "l": translation.get_language() or "ro"}, salt=CONFIRM_SALT)
    send_mail(
        _("Confirm your e-mail address for the participatory budget"),
        render_to_string("budget/emails/confirm.txt", {"url": link(token)}),
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )


@transaction.atomic
def confirm_email(*, token: str) -> Participant:
    """The participant whose address the signed link proves (created the first time)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature as error:
        raise BudgetError(_("This confirmation link is not valid or has expired.")) from error
    participant, created = Participant.objects.get_or_create(
        email=data["e"], defaults={"confirmed_at": timezone.now(), "language": data.get("l", "ro")[:8]}
    )
    return participant


@transaction.atomic
def declare_residence(*, participant: Participant, district: District, age_group: str) -> Participant:
    """Record the declaration that the participant lives in `district`. Once a ballot is cast the
    district is fixed, so nobody votes in a second district by moving on paper."""
    if participant.ballots.exists() and participant.district_id != district.pk:
        raise BudgetError(_("You have already voted; your district can no longer change."))
    participant.district = district
    participant.age_group = age_group
    participant.residence_declared_at = timezone.now()
    participant.save(update_fields=["district", "age_group", "residence_declared_at"])
    return participant
