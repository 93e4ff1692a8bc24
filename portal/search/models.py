"""The search index: one row per object and language (the text to match, not to show)."""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    """The words of one object (`kind`, `key`) in one language. The backends keep their own
    full-text structure beside it: an FTS5 table on SQLite, a tsvector column on PostgreSQL."""

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        db_table = "search_document"
        indexes = [models.Index(fields=["kind", "key"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} [{self.language}]"
