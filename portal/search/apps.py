from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _fill_new_index(plan: Any = None, using: str = "default", **kwargs: Any) -> None:
    """When a migration run has just made the index, fill it from the data already there."""
    made = any(
        migration.app_label == "search" and migration.name == "0001_initial" and not backwards
        for migration, backwards in plan or []
    )
    if made:
        from . import rebuild

        rebuild()


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_fill_new_index, sender=self, dispatch_uid="search_fill_new_index")
