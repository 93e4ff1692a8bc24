"""Public pages of the vigilant neighbours: the notices by district, joining with consent, the
confirmation link, and leaving. Thin: forms check, services act, selectors read."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from portal.core.net import client_address
from portal.core.translation import active_language

from . import selectors, services
from .forms import JoinForm, LeaveRequestForm
from .limits import count_attempt, is_locked, too_many_message


def notices(request: HttpRequest) -> HttpResponse:
    """Sent notices, newest first, for every district or the one chosen."""
    slug = request.GET.get("district", "")[:100]
    all_districts = list(selectors.districts())
    district = next((d for d in all_districts if d.slug == slug), None)
    status = 404 if slug and district is None else 200
    context = {
        "page_obj": selectors.public_notices(
            district=district, lang=get_language(), page=request.GET.get("page")
        ),
        "districts": all_districts,
        "district": district,
        "unknown_district": status == 404,
    }
    return render(request, "neighbours/notices.html", context, status=status)


def notice(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.public_notice(pk, get_language())
    if found is None:
        raise Http404
    return render(request, "neighbours/notice.html", {"notice": found})


def _limited(request: HttpRequest, form, template: str, context: dict) -> HttpResponse | None:
    """The page again with only the limit's message (429) when this address is locked out."""
    address = client_address(request)
    email = (request.POST.get("email") or "").strip().lower()[:254]
    if is_locked("address", address) or (email and is_locked("email", email)):
        form.is_valid()
        form.errors.clear()
        form.add_error(None, too_many_message())
        return render(request, template, {**context, "form": form}, status=429)
    count_attempt("address", address, per="per_address")
    if email:
        count_attempt("email", email, per="per_email")
    return None


@never_cache
def join(request: HttpRequest) -> HttpResponse:
    language = active_language()
    form = JoinForm(request.POST or None, language=language)
    context = {"has_districts": selectors.districts().exists(), "consent_version": services.CONSENT_VERSION}
    if request.method == "POST":
        if not context["has_districts"]:
            return render(request, "neighbours/join.html", {**context, "form": form}, status=409)
        if limited := _limited(request, form, "neighbours/join.html", context):
            return limited
        if form.is_valid():
            data = form.cleaned_data
            services.request_membership(
                email=data["email"],
                name=data["name"],
                district=data["district"],
                language=data["language"],
                consent_text=str(services.CONSENT_TEXT),
                consent_version=services.CONSENT_VERSION,
            )
            return redirect("neighbours:join-sent")
        return render(request, "neighbours/join.html", {**context, "form": form}, status=400)
    return render(request, "neighbours/join.html", {**context, "form": form})


def join_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "neighbours/join_sent.html")


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        member = services.confirm_membership(token=token)
    except services.NeighboursError as error:
        return render(request, "neighbours/confirmed.html", {"error": str(error)}, status=400)
    return render(request, "neighbours/confirmed.html", {"district": member.district})


@never_cache
def leave(request: HttpRequest) -> HttpResponse:
    """Asks for the e-mail address and sends the leave link to it (only its owner may leave)."""
    form = LeaveRequestForm(request.POST or None)
    if request.method == "POST":
        if limited := _limited(request, form, "neighbours/leave.html", {}):
            return limited
        if form.is_valid():
            services.request_leave_link(email=form.cleaned_data["email"], language=active_language())
            return redirect("neighbours:leave-sent")
        return render(request, "neighbours/leave.html", {"form": form}, status=400)
    return render(request, "neighbours/leave.html", {"form": form})


def leave_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "neighbours/leave_sent.html")


@never_cache
@csrf_exempt  # the signed link is the authority; mail clients post RFC 8058 one-click leaves here
def leave_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners open links); POST deletes the member's data."""
    if request.method == "POST":
        try:
            services.leave(token=token)
        except services.NeighboursError as error:
            return render(request, "neighbours/left.html", {"error": str(error)}, status=400)
        return render(request, "neighbours/left.html", {})
    if request.method != "GET":
        return HttpResponse(status=405)
    try:
        member = services.member_for_leave(token=token)
    except services.NeighboursError as error:
        return render(request, "neighbours/left.html", {"error": str(error)}, status=400)
    return render(request, "neighbours/leave_confirm.html", {"district": member.district})
