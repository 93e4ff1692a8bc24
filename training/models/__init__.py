"""Digital-skills training models, split by concern: pages, the DigComp framework, learning
records, classroom sessions and the anonymous demographic answers."""

from .classroom import Attendance, ClassroomSession, PlaceKind, SessionAudience
from .demographics import (
    DIMENSIONS,
    K_ANONYMITY,
    AgeBand,
    Community,
    DemographicResponse,
    Gender,
    PopulationShare,
    Situation,
)
from .digcomp import PROFICIENCY_LEVELS, Competence, CompetenceArea
from .learning import Certificate, LessonProgress, QuizAttempt, StaffProfile
from .pages import Audience, CoursePage, LessonPage, ModulePage, TrainingIndexPage

__all__ = [
    "DIMENSIONS",
    "K_ANONYMITY",
    "PROFICIENCY_LEVELS",
    "AgeBand",
    "Attendance",
    "Audience",
    "Certificate",
    "ClassroomSession",
    "Community",
    "Competence",
    "CompetenceArea",
    "CoursePage",
    "DemographicResponse",
    "Gender",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PlaceKind",
    "PopulationShare",
    "QuizAttempt",
    "SessionAudience",
    "Situation",
    "StaffProfile",
    "TrainingIndexPage",
]
