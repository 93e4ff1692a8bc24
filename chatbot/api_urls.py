"""Chatbot: language-neutral endpoints for machines (outside /api/v1/, e.g. standards' own paths)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
