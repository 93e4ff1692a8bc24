"""GIS map: routes of the public API under /api/v1/gis/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["gis"])
