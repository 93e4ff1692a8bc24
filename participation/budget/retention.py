"""The participatory budget's retention rule: participants' e-mail addresses go once nothing is
owed to them; ballots, proposals and the counts stay."""

from portal.core.contracts import RetentionRule

from .services.retention import erase_idle_participants

RULES = [
    RetentionRule(
        key="budget-participant-emails",
        description=(
            "e-mail addresses of budget participants idle for BUDGET_PARTICIPANT_RETENTION_DAYS "
            "(default 365) after the results of their cycles and the last news of projects they follow"
        ),
        purge=lambda now: erase_idle_participants(now=now),
    )
]
