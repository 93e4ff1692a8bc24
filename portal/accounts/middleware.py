"""The code step after the password step.

A signed-in account that enrolled an authenticator, or whose role requires one, is not trusted
until its session passed the code step: admin pages redirect to the code step (or to enrolment
when a required account has none yet), and everywhere else (APIs, staff views outside the
admin) the request is treated as anonymous, so a stolen password opens nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .selectors import device, is_verified, requires_two_factor

# Admin URLs an unverified session may reach: signing in and out, the code step itself, and the
# assets its page loads (the icon sprite is fetched by script and inlined: a redirect would inline
# the whole page a second time).
OPEN_ADMIN_URLS = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.ACCOUNTS_TWO_FACTOR_ENFORCED and request.user.is_authenticated:
            response = self._guard(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _guard(self, request: HttpRequest) -> HttpResponse | None:
        if is_verified(request):
            return None
        enrolled = device(request.user) is not None
        if not enrolled and not requires_two_factor(request.user):
            return None
        step = "accounts_2fa:verify" if enrolled else "accounts_2fa:setup"
        path = request.path_info
        if path in {reverse(name) for name in (*OPEN_ADMIN_URLS, step)}:
            return None
        if path.startswith(reverse("wagtailadmin_home")):
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")

        async def anonymous() -> AnonymousUser:
            return AnonymousUser()

        request.user, request.auser = AnonymousUser(), anonymous
        return None
