"""Chatbot: routes of the public API under /api/v1/chatbot/ (see portal/api.py)."""

from ninja import Router

router = Router(tags=["chatbot"])
