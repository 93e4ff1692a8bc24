"""Admin screens of two-factor authentication: the code step, enrolment, the account's own
settings (recovery codes, turning it off) and the administrator's reset."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.qr.services import qr_svg

from . import selectors, services, totp
from .forms import CodeForm, EnrolForm

PENDING_SECRET = "accounts_2fa_pending_secret"
ISSUER = "Arad Digital"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify_view(request: HttpRequest) -> HttpResponse:
    """The code step: a TOTP code or a recovery code, throttled per account."""
    if selectors.device(request.user) is None:
        return redirect(reverse("accounts_2fa:setup"))
    if selectors.is_verified(request):
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if services.check_code(user=request.user, code=form.cleaned_data["code"]):
                services.mark_verified(request)
                remaining = selectors.unused_recovery_codes(request.user)
                if remaining <= 3:
                    messages.warning(
                        request,
                        ngettext(
                            "Only %(count)d recovery code is left: make new ones in your account.",
                            "Only %(count)d recovery codes are left: make new ones in your account.",
                            remaining,
                        )
                        % {"count": remaining},
                    )
                return redirect(_next(request))
            form.add_error("code", _("This code is not right (or was already used). Try again."))
        except services.TooManyAttempts as exc:
            form.add_error(None, str(exc))
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": _next(request)})


def setup_view(request: HttpRequest) -> HttpResponse:
    """Enrolment: the secret as a QR code and as text, confirmed by one code from the app."""
    if selectors.device(request.user) is not None:
        return redirect(reverse("accounts_2fa:manage"))
    secret = request.session.get(PENDING_SECRET) or totp.new_secret()
    request.session[PENDING_SECRET] = secret
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_enrolment(
                user=request.user, secret=secret, code=form.cleaned_data["code"]
            )
        except services.TooManyAttempts as exc:
            form.add_error(None, str(exc))
        else:
            if codes is not None:
                del request.session[PENDING_SECRET]
                services.mark_verified(request)
                return TemplateResponse(
                    request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)}
                )
            form.add_error("code", _("This code is not right. Check the time on your phone and try again."))
    uri = totp.provisioning_uri(secret, account=request.user.get_username(), issuer=ISSUER)
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "secret": secret,
            "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": qr_svg(uri),
            "required": selectors.requires_two_factor(request.user),
            "next": _next(request),
        },
    )


def manage_view(request: HttpRequest) -> HttpResponse:
    """The account's own two-factor settings."""
    return TemplateResponse(
        request,
        "accounts/manage.html",
        {
            "device": selectors.device(request.user),
            "required": selectors.requires_two_factor(request.user),
            "unused": selectors.unused_recovery_codes(request.user),
            "recovery_form": CodeForm(auto_id="recovery_%s"),
            "disable_form": CodeForm(auto_id="disable_%s"),
        },
    )


def _confirmed_by_code(request: HttpRequest) -> bool:
    """Sensitive changes ask for a current code again (a left-open session is not enough)."""
    form = CodeForm(request.POST)
    try:
        ok = form.is_valid() and services.check_code(user=request.user, code=form.cleaned_data["code"])
    except services.TooManyAttempts as exc:
        messages.error(request, str(exc))
        return False
    if not ok:
        messages.error(request, _("This code is not right (or was already used). Try again."))
    return ok


@require_POST
def recovery_codes_view(request: HttpRequest) -> HttpResponse:
    if selectors.device(request.user) is None or not _confirmed_by_code(request):
        return redirect(reverse("accounts_2fa:manage"))
    codes = services.new_recovery_codes(user=request.user)
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("accounts_2fa:manage")}
    )


@require_POST
def disable_view(request: HttpRequest) -> HttpResponse:
    if selectors.requires_two_factor(request.user):
        messages.error(request, _("Your role requires two-factor authentication: it cannot be turned off."))
    elif _confirmed_by_code(request):
        services.disable(user=request.user)
        messages.success(request, _("Two-factor authentication is off."))
    return redirect(reverse("accounts_2fa:manage"))


def reset_list_view(request: HttpRequest) -> HttpResponse:
    """Administrators: accounts with two-factor authentication, each with a reset button."""
    if not request.user.is_superuser:
        raise PermissionDenied
    return TemplateResponse(request, "accounts/reset_list.html", {"devices": selectors.enrolled_users()})


@require_POST
def reset_view(request: HttpRequest, user_id: int) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    services.reset(user=user, by=request.user)
    messages.success(
        request,
        _("Two-factor authentication of %(user)s was reset.") % {"user": user.get_username()},
    )
    return redirect(reverse("accounts_2fa:reset-list"))
