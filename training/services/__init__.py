"""Writes of the training app: learners, lessons and quizzes, certificates, classroom sessions,
demographic answers and the lesson ↔ e-service links."""

from .certificates import (
    certificate_file,
    certificate_pdf,
    certificate_token,
    issue_certificate_if_complete,
    revoke_certificate,
)
from .classroom import record_classroom_session, record_demographics, set_staff_department
from .learning import TrainingError, complete_lesson, register_learner, submit_quiz
from .tutorials import link_lesson_to_service

__all__ = [
    "TrainingError",
    "certificate_file",
    "certificate_pdf",
    "certificate_token",
    "complete_lesson",
    "issue_certificate_if_complete",
    "link_lesson_to_service",
    "record_classroom_session",
    "record_demographics",
    "register_learner",
    "revoke_certificate",
    "set_staff_department",
    "submit_quiz",
]
