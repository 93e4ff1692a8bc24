"""HTML views of the learner's actions: thin — parse, call a service or selector, render."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.net import client_address
from portal.core.storage import private_file_response, private_storage

from . import selectors, services
from .forms import DemographicForm, SignupForm
from .limits import count_attempt, is_locked, too_many_message
from .models import Certificate, ClassroomSession, CoursePage, LessonPage

learner_required = login_required(login_url=reverse_lazy("training:login"))


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    address = client_address(request)
    if request.method == "POST" and is_locked("signup-address", address):
        form.is_valid()  # the answers are shown again, with the limit as the only message
        form.errors.clear()
        form.add_error(None, too_many_message())
        context = {"form": form, "next": _safe_next(request, "")}
        return render(request, "training/signup.html", context, status=429)
    if request.method == "POST":
        count_attempt("signup-address", address, per="signup_per_address")
    if request.method == "POST" and form.is_valid():
        try:
            user = services.register_learner(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
            )
        except services.TrainingError as error:
            form.add_error("username", str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your account is ready: your progress is now saved."))
            return redirect(_safe_next(request, str(reverse_lazy("training:dashboard"))))
    return render(request, "training/signup.html", {"form": form, "next": _safe_next(request, "")})


@learner_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "training/dashboard.html", selectors.learner_dashboard(user=request.user))


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _login_for_lesson(view):
    """A visitor without an account is sent to sign in and brought back to the lesson."""

    @wraps(view)
    def wrapper(request: HttpRequest, lesson_id: int) -> HttpResponse:
        if not request.user.is_authenticated:
            lesson = _live_lesson(lesson_id)
            return redirect(f"{reverse_lazy('training:login')}?next={lesson.url}")
        return view(request, lesson_id)

    return wrapper


@require_POST
@_login_for_lesson
def complete_lesson(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    try:
        services.complete_lesson(user=request.user, lesson=lesson)
    except services.TrainingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Lesson completed."))
    return redirect(lesson.url)


@require_POST
@_login_for_lesson
def submit_quiz(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    answers: dict[str, list[int]] = {}
    for q in selectors.questions(lesson):
        answers[q["id"]] = [n for v in request.POST.getlist(f"q-{q['id']}") if (n := _int(v)) is not None]
    try:
        attempt = services.submit_quiz(user=request.user, lesson=lesson, answers=answers)
    except services.TrainingError as error:
        messages.error(request, str(error))
        return redirect(lesson.url + "#quiz")
    if attempt.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.warning(
            request,
            _("You scored %(score)s%%; %(mark)s%% is needed. Read the feedback and try again.")
            % {"score": attempt.score, "mark": lesson.pass_mark},
        )
    return redirect(lesson.url + "#quiz-result")


@learner_required
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("course"), code=code, user=request.user
    )
    name = services.certificate_file(certificate, language=get_language())
    return private_file_response(
        private_storage(),
        name,
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
    )


def demographics(request: HttpRequest) -> HttpResponse:
    """The voluntary anonymous form; `?session=` or `?course=` says where it was handed out."""
    session = ClassroomSession.objects.filter(pk=_int(request.GET.get("session"))).first()
    course = CoursePage.objects.live().filter(pk=_int(request.GET.get("course"))).first()
    form = DemographicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_demographics(session=session, course=course, **form.cleaned_data)
        return render(request, "training/demographics_thanks.html", {"course": course})
    return render(request, "training/demographics.html", {"form": form})


MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL store


def _int(value: str | None) -> int | None:
    """An id from a query or form value; None unless plain ASCII digits the database can hold
    (`"²".isdigit()` is true, and 10**20 overflows SQLite's integers)."""
    if not value or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if number <= MAX_ID else None
