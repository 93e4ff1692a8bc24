"""The datastore: validated CSV rows as JSON, queried through the ORM (SQLite and PostgreSQL)."""

from django.db import models


class DatastoreRow(models.Model):
    resource = models.ForeignKey("opendata.Resource", on_delete=models.CASCADE, related_name="datastore_rows")
    row = models.PositiveIntegerField()  # CKAN's _id, 1-based
    data = models.JSONField()
    text = models.TextField(blank=True)  # lower-cased values, for full-text `q`

    class Meta:
        ordering = ["resource", "row"]
        constraints = [models.UniqueConstraint(fields=["resource", "row"], name="opendata_row_unique")]

    def __str__(self) -> str:
        return f"{self.resource_id} #{self.row}"
