"""Template filters for the catalogue's pages."""

from __future__ import annotations

import html

import markdown
from django import template
from django.utils.html import strip_tags

register = template.Library()


@register.filter
def markdown_text(text: str) -> str:
    """A Markdown description as the plain text a reader sees (for listings): no `**`, no tags."""
    rendered = markdown.markdown(text or "", extensions=["extra", "sane_lists"])
    return " ".join(html.unescape(strip_tags(rendered)).split())
