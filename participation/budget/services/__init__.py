"""Writes of the participatory budget (identity, proposals, voting, answers and updates)."""

from .answers import notify_answer, publish_update
from .errors import AlreadyVoted, BudgetError
from .identity import confirm_email, declare_residence, send_confirmation
from .proposals import follow, submit_proposal, unfollow
from .voting import cast_ballot

__all__ = [
    "AlreadyVoted",
    "BudgetError",
    "cast_ballot",
    "confirm_email",
    "declare_residence",
    "follow",
    "notify_answer",
    "publish_update",
    "send_confirmation",
    "submit_proposal",
    "unfollow",
]
