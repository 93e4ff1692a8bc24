"""Digital-skills training: routes of the public API under /api/v1/training/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["training"])
