"""Two-factor screens in the Wagtail admin: an entry on every account page, and the
administrators' reset screen under Settings."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

urls = [
    path("verify/", views.verify_view, name="verify"),
    path("setup/", views.setup_view, name="setup"),
    path("", views.manage_view, name="manage"),
    path("recovery-codes/", views.recovery_codes_view, name="recovery-codes"),
    path("disable/", views.disable_view, name="disable"),
    path("reset/", views.reset_list_view, name="reset-list"),
    path("reset/<int:user_id>/", views.reset_view, name="reset"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("two-factor/", include((urls, "accounts_2fa"), namespace="accounts_2fa"))]


@hooks.register("register_account_menu_item")
def account_menu_item(request):
    return {
        "url": reverse("accounts_2fa:manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


class _AdministratorsOnly(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def reset_menu_item():
    return _AdministratorsOnly(
        _("Two-factor resets"), reverse("accounts_2fa:reset-list"), icon_name="lock", order=900
    )
