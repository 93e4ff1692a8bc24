"""CCTV register: routes of the public API under /api/v1/cctv/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["cctv"])
