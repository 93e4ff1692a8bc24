"""Learners: accounts, lessons completed and quiz attempts."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from training import selectors
from training.models import LessonPage, LessonProgress, QuizAttempt


class TrainingError(Exception):
    """A learner's action that the rules do not allow; the message is shown to the learner."""


@transaction.atomic
def register_learner(*, username: str, email: str, password: str, full_name: str = "") -> AbstractBaseUser:
    """A citizen's account to save progress (passwords are validated by the signup form)."""
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise TrainingError(_("This user name is taken."))
    user = User.objects.create_user(username=username, email=email, password=password)
    first, _sep, last = full_name.strip().rpartition(" ")
    user.first_name, user.last_name = (first, last) if first else (last, "")
    user.save(update_fields=["first_name", "last_name"])
    return user


@transaction.atomic
def _record_progress(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonProgress:
    progress = LessonProgress.objects.filter(user=user, lesson=lesson).first()
    if progress is not None:
        return progress
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(user=user, lesson=lesson)
    except IntegrityError:  # a double click: the other request recorded it
        return LessonProgress.objects.get(user=user, lesson=lesson)


def complete_lesson(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson without a quiz as done; a lesson with a quiz is done when the quiz is passed."""
    if lesson.has_quiz:
        raise TrainingError(_("Pass the lesson's quiz to complete it."))
    progress = _record_progress(user=user, lesson=lesson)
    _after_progress(user=user, lesson=lesson)
    return progress


def score(*, lesson: LessonPage, answers: dict[str, list[int]]) -> int:
    """% of questions answered exactly right (every correct answer and no wrong one chosen)."""
    quiz = selectors.questions(lesson)
    if not quiz:
        return 0
    right = sum(
        1 for q in quiz if set(answers.get(q["id"], [])) == {a["index"] for a in q["answers"] if a["correct"]}
    )
    return round(100 * right / len(quiz))


@transaction.atomic
def submit_quiz(*, user: AbstractBaseUser, lesson: LessonPage, answers: dict[str, list[int]]) -> QuizAttempt:
    """Score an attempt, keep it, and complete the lesson when it reaches the pass mark."""
    if not lesson.has_quiz:
        raise TrainingError(_("This lesson has no quiz."))
    quiz = {q["id"]: q for q in selectors.questions(lesson)}
    clean: dict[str, list[int]] = {}
    for question_id, chosen in answers.items():
        q = quiz.get(question_id)
        if q is None:
            continue
        valid = sorted({i for i in chosen if 0 <= i < len(q["answers"])})
        clean[question_id] = valid if q["multiple"] else valid[:1]
    missing = [q for q in quiz.values() if not clean.get(q["id"])]
    if missing:
        raise TrainingError(_("Answer every question before sending."))
    value = score(lesson=lesson, answers=clean)
    attempt = QuizAttempt.objects.create(
        user=user, lesson=lesson, score=value, passed=value >= lesson.pass_mark, answers=clean
    )
    if attempt.passed:
        _record_progress(user=user, lesson=lesson)
        _after_progress(user=user, lesson=lesson)
    return attempt


def _after_progress(*, user: AbstractBaseUser, lesson: LessonPage) -> None:
    from .certificates import issue_certificate_if_complete
    from .xapi import send_statement

    send_statement(user=user, verb="completed", page=lesson)
    course = lesson.course
    if course is not None:
        issue_certificate_if_complete(user=user, course=course)
