"""Writes of public participation: confirming a resident's e-mail, comments and their moderation,
the city's report and its notifications, requests to speak and written questions."""

from .comments import answer_questions, ensure_open, moderate_comment, submit_comment
from .errors import ParticipationError, PeriodClosed
from .meetings import ask_written_question, register_to_speak
from .participants import confirm_participant, participant_from_token, send_confirmation
from .reports import answer_comments, publish_report
from .retention import erase_idle_participants

__all__ = [
    "ParticipationError",
    "PeriodClosed",
    "answer_comments",
    "answer_questions",
    "ask_written_question",
    "confirm_participant",
    "erase_idle_participants",
    "ensure_open",
    "moderate_comment",
    "participant_from_token",
    "publish_report",
    "register_to_speak",
    "send_confirmation",
    "submit_comment",
]
