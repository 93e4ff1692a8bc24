from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared plumbing: layout, health check, staff roles, the demo city."""

    name = "portal.core"
    label = "core"
    verbose_name = "Portal core"

    def ready(self) -> None:
        from . import (
            city,  # noqa: F401  (forgets the cached city when a test overrides CITY)
            signals,  # noqa: F401  (forgets the cached site sections when pages change)
        )
