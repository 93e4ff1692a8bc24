"""Personal data kept for a limited time: join requests never confirmed go once their link expires
(a member who left is deleted at once, see services.membership.leave)."""

from __future__ import annotations

import datetime as dt

from portal.core.contracts import RetentionRule

from .models import Member
from .services.membership import confirm_max_age


def purge_unconfirmed(now: dt.datetime) -> int:
    """Delete join requests whose confirmation link has expired at `now`; how many."""
    stale = Member.objects.filter(
        status=Member.Status.PENDING, consented_at__lt=now - dt.timedelta(seconds=confirm_max_age())
    )
    count, _ = stale.delete()
    return count


RULES = [
    RetentionRule(
        key="neighbours-unconfirmed",
        description="Vigilant-neighbour join requests never confirmed, once their link expires (3 days)",
        purge=purge_unconfirmed,
    )
]
