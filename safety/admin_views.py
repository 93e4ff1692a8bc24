"""The operator console in the Wagtail admin: open alerts as a list and a map, refreshed by
short polling of a JSON endpoint (plain GET, no cache: works through any proxy), and the steps
of handling an alert (acknowledge, dispatch with a note, close with an outcome) as plain forms."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.city import get_city

from .forms import ApproveRequestForm, CloseForm, DispatchForm
from .models import Alert
from .selectors.alerts import console_row, open_alerts
from .selectors.requests import pending_requests
from .services import alerts as services
from .services.requests import ORGANISATION, SITE_ADDRESS, SITE_KIND, approve_request


def permission(codename: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.has_perm(f"safety.{codename}"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@permission("view_alert")
def console(request: HttpRequest) -> HttpResponse:
    """The console page; its list is rendered on the server too, so it works without JavaScript."""
    return TemplateResponse(
        request,
        "safety/admin/console.html",
        {
            "alerts": [console_row(a) for a in open_alerts()[: settings.SAFETY_CONSOLE_LIMIT]],
            "center": get_city().center,
            "poll_ms": settings.SAFETY_CONSOLE_POLL_MS,
            "close_form": CloseForm(),
            "dispatch_form": DispatchForm(),
        },
    )


@permission("view_alert")
def console_alerts(request: HttpRequest) -> JsonResponse:
    """The newest open alerts (SAFETY_CONSOLE_LIMIT) and how many are open, as JSON for the
    console's polling; never cached by a browser or a proxy."""
    alerts = open_alerts()
    response = JsonResponse(
        {
            "now": timezone.now().isoformat(),
            "open": alerts.count(),
            "alerts": [console_row(a) for a in alerts[: settings.SAFETY_CONSOLE_LIMIT]],
        }
    )
    response["Cache-Control"] = "no-store, private"
    return response


@permission("view_alert")
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(Alert.objects.select_related("device"), pk=pk)
    return TemplateResponse(
        request,
        "safety/admin/alert.html",
        {
            "alert": alert,
            "row": console_row(alert),
            "close_form": CloseForm(),
            "dispatch_form": DispatchForm(),
        },
    )


def _back(request: HttpRequest, alert: Alert) -> HttpResponse:
    target = request.POST.get("next", "")
    if target == "alert":
        return redirect("safety_admin:alert", pk=alert.pk)
    return redirect("safety_admin:console")


def _step(request: HttpRequest, pk: int, action, form_class=None) -> HttpResponse:
    alert = get_object_or_404(Alert, pk=pk)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return TemplateResponse(
            request,
            "safety/admin/alert.html",
            {
                "alert": alert,
                "row": console_row(alert),
                "close_form": form if form_class is CloseForm else CloseForm(),
                "dispatch_form": form if form_class is DispatchForm else DispatchForm(),
            },
            status=400,
        )
    try:
        action(alert, form.cleaned_data if form else {})
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return _back(request, alert)
    messages.success(request, _("Alert %(device)s updated.") % {"device": alert.device.code})
    return _back(request, alert)


@require_POST
@permission("change_alert")
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, lambda alert, data: services.acknowledge(alert=alert, by=request.user))


@require_POST
@permission("change_alert")
def dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda alert, data: services.dispatch(alert=alert, by=request.user, note=data["note"]),
        DispatchForm,
    )


@require_POST
@permission("change_alert")
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda alert, data: services.close(
            alert=alert, by=request.user, outcome=data["outcome"], note=data["note"]
        ),
        CloseForm,
    )


@permission("add_device")
def requests_view(request: HttpRequest) -> HttpResponse:
    """Alert-button requests waiting for a decision, each with its approval form."""
    center = get_city().center
    rows = [
        {
            "document": d,
            "organisation": (d.form_data or {}).get(ORGANISATION, d.sender_name),
            "address": (d.form_data or {}).get(SITE_ADDRESS, ""),
            "kind": (d.form_data or {}).get(SITE_KIND, ""),
            "form": ApproveRequestForm(
                prefix=f"r{d.pk}", initial={"latitude": center[0], "longitude": center[1]}
            ),
        }
        for d in pending_requests()
    ]
    return TemplateResponse(request, "safety/admin/requests.html", {"rows": rows})


@require_POST
@permission("add_device")
def approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(pending_requests(), pk=pk)
    form = ApproveRequestForm(request.POST, prefix=f"r{pk}")
    if not form.is_valid():
        messages.error(request, _("Check the position, district and operator."))
        return redirect("safety_admin:requests")
    try:
        device = approve_request(document=document, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("safety_admin:requests")
    messages.success(
        request,
        _("Request %(number)s approved: alert button %(code)s is planned.")
        % {"number": document.number, "code": device.code},
    )
    return redirect("safety_admin:requests")
