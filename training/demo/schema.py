"""Shapes of the demo training content; every text in Romanian, English and Hungarian."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.core.demo.text import Text


@dataclass(frozen=True)
class Answer:
    text: Text
    correct: bool
    feedback: Text


@dataclass(frozen=True)
class Question:
    question: Text
    answers: tuple[Answer, ...]
    multiple: bool = False


@dataclass(frozen=True)
class LessonData:
    slug: str
    title: Text
    summary: Text
    text: Text  # rich text (HTML)
    steps: tuple[Text, ...] = ()
    flyer: bool = False  # attach the programme's flyer (PDF) for download
    teaches: str | None = None  # a demo service's Romanian slug
    quiz: tuple[Question, ...] = ()
    pass_mark: int = 70


@dataclass(frozen=True)
class ModuleData:
    slug: str
    title: Text
    lessons: tuple[LessonData, ...]


@dataclass(frozen=True)
class CourseData:
    slug: str
    title: Text
    summary: Text
    audience: str
    level: int
    duration_minutes: int
    competences: tuple[str, ...]
    modules: tuple[ModuleData, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SessionData:
    """A classroom session; head counts only (the demo invents no one's name)."""

    title: str
    days_ago: int
    place_kind: str
    place: str
    audience: str
    course: str  # a CourseData.slug
    attendees: int
    flyers: int = 0
