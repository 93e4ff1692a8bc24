"""Digital-skills training: language-neutral machine endpoints outside /api/v1/ (none yet)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
