"""Open data: routes of the public API under /api/v1/opendata/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["opendata"])
