from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighboursConfig(AppConfig):
    name = "neighbours"
    label = "neighbours"
    verbose_name = _("Vigilant neighbours")
    default_auto_field = "django.db.models.BigAutoField"
