from __future__ import annotations


class ParticipationError(Exception):
    """A request the rules refuse; the message is shown to the person as is."""


class PeriodClosed(ParticipationError):
    """Outside the period in which the city accepts comments, requests or questions."""
