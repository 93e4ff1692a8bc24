"""Public consultations on the city's drafts, council meetings, and the residents who take part
(known by a confirmed e-mail address)."""

from .consultations import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationDocument,
    ConsultationKind,
    Moderation,
    Question,
    QuestionAnswer,
    ReportAnswer,
    Section,
    minimum_days_open,
)
from .meetings import AgendaItem, Meeting, SpeakerRegistration, WrittenQuestion
from .participants import Participant

__all__ = [
    "AgendaItem",
    "Comment",
    "CommentStatus",
    "Consultation",
    "ConsultationDocument",
    "ConsultationKind",
    "Meeting",
    "Moderation",
    "Participant",
    "Question",
    "QuestionAnswer",
    "ReportAnswer",
    "Section",
    "SpeakerRegistration",
    "WrittenQuestion",
    "minimum_days_open",
]
