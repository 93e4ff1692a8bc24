"""Cached public-page chrome forgotten when what it shows changes: any page saved, deleted,
moved, published or unpublished, and any site or locale saved or deleted."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import forget_site_sections


@receiver(post_save)
@receiver(post_delete)
def _model_changed(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page | Site | Locale):
        forget_site_sections()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender: type, **kwargs: Any) -> None:
    forget_site_sections()
