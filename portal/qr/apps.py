from django.apps import AppConfig


class QrConfig(AppConfig):
    """The one place that makes QR codes and signs/verifies signed QR payloads."""

    name = "portal.qr"
    label = "qr"
    verbose_name = "QR codes"
