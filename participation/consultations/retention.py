"""Participation's retention rule: residents' e-mail addresses go once nothing is owed to them;
their published comments and the counts stay."""

from portal.core.contracts import RetentionRule

from .services.retention import erase_idle_participants

RULES = [
    RetentionRule(
        key="participation-emails",
        description=(
            "e-mail addresses of participants idle for CONSULTATIONS_PARTICIPANT_RETENTION_DAYS "
            "(default 365) after the last report or meeting that concerned them"
        ),
        purge=lambda now: erase_idle_participants(now=now),
    )
]
