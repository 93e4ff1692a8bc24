"""Public pages of the participatory budget: parse -> selector/service -> render. The resident
is known by the session after following the signed e-mail link (see services.identity)."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.city import get_city
from portal.core.net import client_address
from portal.core.storage import private_file_response

from . import limits, selectors, services
from .forms import BallotForm, EmailForm, ProposalForm, ResidenceForm
from .models import Moderation, Participant, Proposal

SESSION_KEY = "budget_participant"
# How long browsers and shared caches keep a published photo: short, so that hiding a
# proposal also takes its photos off the web soon.
PUBLIC_PHOTO_MAX_AGE = 3600


def current_participant(request: HttpRequest) -> Participant | None:
    pk = request.session.get(SESSION_KEY)
    return Participant.objects.filter(pk=pk).select_related("district").first() if pk else None


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "budget/message.html",
        {"title": _("Please wait"), "text": limits.too_many_message()},
        status=429,
    )


def _bound(request: HttpRequest) -> tuple:
    """A form's data and files when posted (even empty: an empty POST is still an answer)."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _cycle_or_404():
    cycle = selectors.current_cycle()
    if cycle is None:
        raise Http404(_("There is no participatory budget cycle yet."))
    return cycle


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if ok and target.startswith("/") else fallback


def _needs_identity(request: HttpRequest, participant: Participant | None) -> HttpResponse | None:
    """Send someone who is not yet a participant with a declared residence to the step missing."""
    if participant is None:
        return redirect(f"{reverse('budget:identify')}?next={request.path}")
    if not participant.may_take_part:
        return redirect(f"{reverse('budget:residence')}?next={request.path}")
    return None


def index(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_or_404()
    district = request.GET.get("district", "")[:100]
    return render(
        request,
        "budget/index.html",
        {
            "cycle": cycle,
            # Staff write the cycle's title once, in the site's default language.
            "title_language": settings.LANGUAGE_CODE,
            "budgets": cycle.budgets.select_related("district"),
            "proposals": selectors.public_proposals(cycle, district=district),
            "selected_district": district,
            "participant": current_participant(request),
        },
    )


def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Proposal.objects.published().select_related("cycle", "district"), pk=pk)
    participant = current_participant(request)
    return render(
        request,
        "budget/proposal.html",
        {
            "proposal": found,
            "photos": found.photos.all(),
            "updates": found.updates.select_related("photo"),
            "winner": selectors.is_winner(found),
            "following": participant is not None and found.follows.filter(participant=participant).exists(),
            "participant": participant,
            "votes": found.votes.count() if found.cycle.results_public() else None,
        },
    )


def proposal_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """A proposal's photo, from the private storage: to anyone once the proposal is published
    (cacheable like any public image), before that only to its moderators; else 404."""
    photo = selectors.proposal_photo(pk)
    published = photo is not None and photo.proposal.moderation == Moderation.PUBLISHED
    if photo is None or not (published or selectors.may_moderate(request.user)):
        response = HttpResponseNotFound(_("There is no such photo."), content_type="text/plain")
        add_never_cache_headers(response)  # it may be published later
        return response
    response = private_file_response(
        photo.image.storage,
        photo.image.name,
        filename=f"{photo.pk}{PurePath(photo.image.name).suffix}",
        content_type=photo.content_type,
        as_attachment=False,
    )
    if published:
        age = PUBLIC_PHOTO_MAX_AGE
        if response.status_code == 302:  # a signed address expires: kept for less than its lifetime
            age = min(age, settings.PRIVATE_MEDIA_URL_EXPIRE // 2)
        response["Cache-Control"] = f"public, max-age={age}"
    return response


def identify(request: HttpRequest) -> HttpResponse:
    """Ask for the e-mail address and send the confirmation link."""
    next_url = _safe_next(request, reverse("budget:index"))
    form = EmailForm(*_bound(request)[:1])
    if request.method == "POST" and form.is_valid():
        address, email = client_address(request), form.cleaned_data["email"].strip().lower()
        if limits.is_locked("identify-address", address) or limits.is_locked("identify-email", email):
            return _too_many(request)
        limits.count("identify-address", address, per="identify_per_address")
        limits.count("identify-email", email, per="identify_per_email")
        services.send_confirmation(
            email=email,
            link=lambda token: (
                request.build_absolute_uri(reverse("budget:confirm", args=[token])) + f"?next={next_url}"
            ),
        )
        return render(request, "budget/identify_sent.html", {"email": email})
    return render(
        request, "budget/identify.html", {"form": form, "next": next_url}, status=400 if form.errors else 200
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        participant = services.confirm_email(token=token[:1000])
    except services.BudgetError as error:
        return render(
            request, "budget/message.html", {"title": _("Link not valid"), "text": str(error)}, status=400
        )
    request.session.cycle_key()
    request.session[SESSION_KEY] = participant.pk
    next_url = _safe_next(request, reverse("budget:index"))
    if not participant.may_take_part:
        return redirect(f"{reverse('budget:residence')}?next={next_url}")
    messages.success(request, _("Your e-mail address is confirmed."))
    return redirect(next_url)


def residence(request: HttpRequest) -> HttpResponse:
    participant = current_participant(request)
    if participant is None:
        return redirect(f"{reverse('budget:identify')}?next={request.path}")
    cycle = selectors.current_cycle()
    initial = {"district": participant.district_id, "age_group": participant.age_group}
    form = ResidenceForm(*_bound(request)[:1], cycle=cycle, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.declare_residence(
                participant=participant,
                district=form.cleaned_data["district"],
                age_group=form.cleaned_data["age_group"],
            )
        except services.BudgetError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your declaration of residence is recorded."))
            return redirect(_safe_next(request, reverse("budget:index")))
    return render(
        request,
        "budget/residence.html",
        {"form": form, "participant": participant},
        status=400 if form.errors else 200,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    return redirect("budget:index")


def new_proposal(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_or_404()
    participant = current_participant(request)
    if (response := _needs_identity(request, participant)) is not None:
        return response
    if not selectors.in_phase(cycle, "proposals"):
        return render(
            request,
            "budget/message.html",
            {"title": _("Proposals are closed"), "text": _("Proposals are not being accepted now.")},
            status=403,
        )
    form = ProposalForm(
        *_bound(request),
        cycle=cycle,
        initial={"district": participant.district_id},
    )
    if request.method == "POST":
        address = client_address(request)
        if limits.is_locked("submit", address):
            return _too_many(request)
        limits.count("submit", address, per="submit_per_address")
        if form.is_valid():
            data = form.cleaned_data
            photos = [(data["photo"], data["photo_description"])] if data.get("photo") else []
            try:
                created = services.submit_proposal(
                    participant=participant,
                    cycle=cycle,
                    district=data["district"],
                    title=data["title"],
                    description=data["description"],
                    address=data["address"],
                    lat=data["latitude"],
                    lon=data["longitude"],
                    cost_estimate=data["cost_estimate"],
                    photos=photos,
                )
            except services.BudgetError as error:
                form.add_error(None, str(error))
            else:
                return render(request, "budget/proposal_sent.html", {"proposal": created})
    center = get_city().center
    return render(
        request,
        "budget/proposal_form.html",
        {"form": form, "cycle": cycle, "center": center},
        status=400 if form.errors else 200,
    )


def ballot(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_or_404()
    participant = current_participant(request)
    if (response := _needs_identity(request, participant)) is not None:
        return response
    if not selectors.in_phase(cycle, "voting"):
        return render(
            request,
            "budget/message.html",
            {"title": _("Voting is closed"), "text": _("Voting is not open now.")},
            status=403,
        )
    budget = selectors.district_budget(cycle, participant.district)
    options = selectors.ballot_options(cycle, participant.district)
    context = {"cycle": cycle, "budget": budget, "district": participant.district}
    if selectors.has_voted(cycle, participant):
        return render(
            request,
            "budget/voted.html",
            context | {"already": True},
            status=409 if request.method == "POST" else 200,
        )
    form = BallotForm(*_bound(request)[:1], options=options)
    if request.method == "POST":
        address = client_address(request)
        if limits.is_locked("vote", address):
            return _too_many(request)
        limits.count("vote", address, per="vote_per_address")
        if form.is_valid():
            try:
                services.cast_ballot(
                    participant=participant,
                    cycle=cycle,
                    proposal_ids=[p.pk for p in form.cleaned_data["projects"]],
                )
            except services.AlreadyVoted:
                return render(request, "budget/voted.html", context | {"already": True}, status=409)
            except services.BudgetError as error:
                form.add_error(None, str(error))
            else:
                return render(request, "budget/voted.html", context | {"already": False})
    limit = min(budget.amount, cycle.max_spend_per_ballot) if budget else 0
    return render(
        request,
        "budget/ballot.html",
        context | {"form": form, "limit": limit},
        status=400 if form.errors else 200,
    )


def results(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_or_404()
    public = cycle.results_public()
    return render(
        request,
        "budget/results.html",
        {
            "cycle": cycle,
            "public": public,
            "results": selectors.results(cycle) if public else [],
            "by_district": selectors.participants_by(cycle, "district") if public else [],
            "by_age": selectors.participants_by(cycle, "age_group") if public else [],
            "participants": len(selectors.participant_ids(cycle)) if public else None,
            "min_group": selectors.MIN_GROUP,
        },
    )


def implementation(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_or_404()
    return render(
        request, "budget/implementation.html", {"cycle": cycle, "projects": selectors.winning_projects(cycle)}
    )


@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Proposal.objects.published(), pk=pk)
    participant = current_participant(request)
    if participant is None:
        return redirect(f"{reverse('budget:identify')}?next={reverse('budget:proposal', args=[pk])}")
    if request.POST.get("action") == "unfollow":
        services.unfollow(participant=participant, proposal=found)
        messages.success(request, _("You no longer follow this project."))
    else:
        services.follow(participant=participant, proposal=found)
        messages.success(request, _("You follow this project: we e-mail you its news."))
    return redirect("budget:proposal", pk=pk)
