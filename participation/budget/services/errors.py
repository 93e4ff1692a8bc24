class BudgetError(Exception):
    """A request the rules of the participatory budget refuse; the message is for the resident."""


class AlreadyVoted(BudgetError):
    """This person has already cast a ballot in the cycle."""
