"""Public consultation pages: the list, one consultation (reading, commenting, answering its
questions, the city's report) and confirming an e-mail address. Plain forms: no JavaScript needed."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.core.net import client_address

from . import selectors, services
from .forms import CommentForm, EmailForm, QuestionsForm
from .identity import current_participant, forget, remember
from .limits import count, is_locked, too_many_message
from .models import Consultation


def _safe_next(request: HttpRequest, target: str) -> str:
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("consultations:index")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    groups: dict[str, list[Consultation]] = {"open": [], "upcoming": [], "closed": [], "answered": []}
    for item in selectors.published_consultations():
        groups[item.state()].append(item)
    upcoming_meetings, _past = selectors.upcoming_and_past_meetings()
    return render(
        request, "consultations/index.html", {"groups": groups, "upcoming_meetings": upcoming_meetings[:3]}
    )


def _detail(
    request: HttpRequest,
    item: Consultation,
    *,
    bound: CommentForm | None = None,
    bound_key: str = "",
    questions_form: QuestionsForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    participant = current_participant(request)
    groups = selectors.public_comments(item)
    for group in groups:
        key = str(group.section.pk) if group.section else "whole"
        initial = {"section": group.section.pk} if group.section else {}
        group.form = (
            bound if bound is not None and bound_key == key else CommentForm(initial=initial, key=key)
        )
        group.key = key
    if questions_form is None:
        questions_form = QuestionsForm(
            questions=item.questions.all(), initial_answers=selectors.own_answers(item, participant)
        )
    context = {
        "consultation": item,
        "state": item.state(),
        "groups": groups,
        "participant": participant,
        "own_comments": selectors.own_comments(item, participant),
        "questions_form": questions_form,
        "email_form": EmailForm(initial={"next": request.path}),
        "error": error,
    }
    return render(request, "consultations/consultation.html", context, status=status)


@never_cache
@require_GET
def consultation(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.consultation(slug)
    if item is None:
        raise Http404
    return _detail(request, item)


def _refuse(request: HttpRequest, item: Consultation, message: str, status: int) -> HttpResponse:
    return _detail(request, item, error=message, status=status)


@never_cache
@require_POST
def comment(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.consultation(slug)
    if item is None:
        raise Http404
    participant = current_participant(request)
    if participant is None:
        return _refuse(request, item, _("Confirm your e-mail address before commenting."), 403)
    address = client_address(request)
    if is_locked("post", address):
        return _refuse(request, item, too_many_message(), 429)
    count("post", address, per="post_per_address")
    try:  # outside the period nothing is accepted, whatever the form holds
        services.ensure_open(item)
    except services.ParticipationError as error:
        return _refuse(request, item, str(error), 409)
    section_id = request.POST.get("section") or ""
    key = section_id if section_id.isdigit() else "whole"
    form = CommentForm(request.POST, key=key)
    if not form.is_valid():
        return _detail(request, item, bound=form, bound_key=key, status=400)
    section = None
    if form.cleaned_data["section"]:
        section = item.sections.filter(pk=form.cleaned_data["section"]).first()
        if section is None:
            return _refuse(request, item, _("This section is not part of the consultation."), 400)
    try:
        services.submit_comment(
            consultation=item,
            participant=participant,
            body=form.cleaned_data["body"],
            section=section,
            language=get_language() or "ro",
        )
    except services.PeriodClosed as error:
        return _refuse(request, item, str(error), 409)
    except services.ParticipationError as error:
        return _refuse(request, item, str(error), 400)
    if item.moderation == "pre":
        messages.success(request, _("Thank you. Your comment will be published after moderation."))
    else:
        messages.success(request, _("Thank you. Your comment is published."))
    return HttpResponseRedirect(reverse("consultations:detail", args=[slug]) + "#your-comments")


@never_cache
@require_POST
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.consultation(slug)
    if item is None:
        raise Http404
    participant = current_participant(request)
    if participant is None:
        return _refuse(request, item, _("Confirm your e-mail address before answering."), 403)
    address = client_address(request)
    if is_locked("post", address):
        return _refuse(request, item, too_many_message(), 429)
    count("post", address, per="post_per_address")
    form = QuestionsForm(request.POST, questions=item.questions.all())
    if not form.is_valid():
        return _detail(request, item, questions_form=form, status=400)
    try:
        services.answer_questions(consultation=item, participant=participant, answers=form.answers())
    except services.PeriodClosed as error:
        return _refuse(request, item, str(error), 409)
    except services.ParticipationError as error:
        return _refuse(request, item, str(error), 400)
    messages.success(request, _("Thank you. Your answers are saved."))
    return HttpResponseRedirect(reverse("consultations:detail", args=[slug]) + "#questions")


@never_cache
def confirm_email(request: HttpRequest) -> HttpResponse:
    """Ask for a confirmation link (the same answer whether or not the address is known)."""
    form = EmailForm(request.POST or None, initial={"next": request.GET.get("next", "")})
    if request.method == "POST":
        address = client_address(request)
        email = (request.POST.get("email") or "").strip().lower()[:254]
        if is_locked("confirm-address", address) or (email and is_locked("confirm-email", email)):
            form.add_error(None, too_many_message())
            return render(request, "consultations/confirm_email.html", {"form": form}, status=429)
        count("confirm-address", address, per="confirm_per_address")
        if not form.is_valid():
            return render(request, "consultations/confirm_email.html", {"form": form}, status=400)
        count("confirm-email", email, per="confirm_per_email")
        target = _safe_next(request, form.cleaned_data["next"])
        services.send_confirmation(
            email=form.cleaned_data["email"],
            language=get_language() or "ro",
            next_path=target,
            confirm_url=lambda token: request.build_absolute_uri(
                reverse("consultations:confirm-link", args=[token])
            ),
        )
        return render(request, "consultations/confirm_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "consultations/confirm_email.html", {"form": form})


@never_cache
@require_GET
def confirm_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        participant, target = services.confirm_participant(token=token)
    except services.ParticipationError as error:
        return render(request, "consultations/confirm_failed.html", {"error": str(error)}, status=400)
    remember(request, participant)
    messages.success(
        request,
        _("Your e-mail address %(email)s is confirmed. You can now take part.")
        % {"email": participant.email},
    )
    return HttpResponseRedirect(_safe_next(request, target))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    forget(request)
    messages.success(request, _("This browser no longer takes part under your e-mail address."))
    return HttpResponseRedirect(_safe_next(request, request.POST.get("next", "")))
