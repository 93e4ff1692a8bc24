"""Arad Digital: the city's one-stop shop, built on Django and Wagtail."""

from .celery import app as celery_app

__all__ = ["celery_app"]
