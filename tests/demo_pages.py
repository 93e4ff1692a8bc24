"""Pages of the demo city that several tests look for."""

from __future__ import annotations

from portal.services.models import ServicePage


def online_service(language: str) -> ServicePage:
    """A live service in `language` that can be requested online (it has a form)."""
    service = (
        ServicePage.objects.live()
        .filter(locale__language_code=language, online=True, form_fields__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )
    assert service is not None, f"the demo city has no online service in {language}"
    return service
