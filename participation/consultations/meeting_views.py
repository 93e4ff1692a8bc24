"""Council meeting pages: the agenda, requests to speak and written questions before the deadline,
and afterwards the minutes and the decisions. Plain forms: no JavaScript needed."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.core.net import client_address

from . import selectors, services
from .forms import EmailForm, SpeakForm, WrittenQuestionForm
from .identity import current_participant
from .limits import count, is_locked, too_many_message
from .models import AgendaItem, Meeting, SpeakerRegistration, WrittenQuestion


@require_GET
def meetings(request: HttpRequest) -> HttpResponse:
    upcoming, past = selectors.upcoming_and_past_meetings()
    return render(request, "consultations/meetings.html", {"upcoming": upcoming, "past": past})


def _page(
    request: HttpRequest,
    meeting: Meeting,
    *,
    bound: dict[tuple[str, int], object] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    participant = current_participant(request)
    bound = bound or {}
    items = list(meeting.items.all())
    mine_speak = set()
    mine_ask: dict[int, int] = {}
    if participant:
        mine_speak = set(
            SpeakerRegistration.objects.filter(item__meeting=meeting, participant=participant).values_list(
                "item_id", flat=True
            )
        )
        for item_id in WrittenQuestion.objects.filter(
            item__meeting=meeting, participant=participant
        ).values_list("item_id", flat=True):
            mine_ask[item_id] = mine_ask.get(item_id, 0) + 1
    for item in items:
        item.speak_form = bound.get(("speak", item.pk)) or SpeakForm(key=str(item.pk))
        item.ask_form = bound.get(("ask", item.pk)) or WrittenQuestionForm(key=str(item.pk))
        item.key = str(item.pk)
        item.i_speak = item.pk in mine_speak
        item.my_questions = mine_ask.get(item.pk, 0)
    context = {
        "meeting": meeting,
        "items": items,
        "participant": participant,
        "accepts_requests": meeting.accepts_requests(),
        "email_form": EmailForm(initial={"next": request.path}),
        "error": error,
    }
    return render(request, "consultations/meeting.html", context, status=status)


@never_cache
@require_GET
def meeting(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.meeting(slug)
    if found is None:
        raise Http404
    return _page(request, found)


def _post(request: HttpRequest, slug: str, item_id: int, kind: str) -> HttpResponse:
    found = selectors.meeting(slug)
    if found is None:
        raise Http404
    item = AgendaItem.objects.filter(meeting=found, pk=item_id).first()
    if item is None:
        raise Http404
    participant = current_participant(request)
    if participant is None:
        return _page(request, found, error=_("Confirm your e-mail address first."), status=403)
    address = client_address(request)
    if is_locked("post", address):
        return _page(request, found, error=too_many_message(), status=429)
    count("post", address, per="post_per_address")
    form_class = SpeakForm if kind == "speak" else WrittenQuestionForm
    form = form_class(request.POST, key=str(item.pk))
    if not form.is_valid():
        return _page(request, found, bound={(kind, item.pk): form}, status=400)
    try:
        if kind == "speak":
            services.register_to_speak(item=item, participant=participant, **form.cleaned_data)
            messages.success(request, _("Your request to speak is registered."))
        else:
            services.ask_written_question(item=item, participant=participant, text=form.cleaned_data["text"])
            messages.success(request, _("Your question is registered."))
    except services.PeriodClosed as error:
        return _page(request, found, error=str(error), status=409)
    except services.ParticipationError as error:
        return _page(request, found, error=str(error), status=400)
    return HttpResponseRedirect(reverse("consultations:meeting", args=[slug]) + f"#item-{item.pk}")


@never_cache
@require_POST
def speak(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    return _post(request, slug, item_id, "speak")


@never_cache
@require_POST
def ask(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    return _post(request, slug, item_id, "ask")
