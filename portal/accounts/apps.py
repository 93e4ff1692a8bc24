from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in hardening: admin login throttling and TOTP two-factor authentication."""

    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from . import signals  # noqa: F401
