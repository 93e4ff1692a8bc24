"""Document registry: routes of the public API under /api/v1/documents/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["documents"])
