"""The activity stream of datasets: who created, changed or deleted what, and when."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    """One change of a dataset, with the dataset as it was after it (CKAN's ``data.package``)."""

    class Kind(models.TextChoices):
        NEW = "new package", _("created")
        CHANGED = "changed package", _("changed")
        DELETED = "deleted package", _("deleted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Kept when the dataset is purged: the stream is a record of what happened.
    dataset_id = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    package = models.JSONField(default=dict)

    class Meta:
        ordering = ["-timestamp"]
        verbose_name = _("dataset activity")
        verbose_name_plural = _("dataset activities")

    def __str__(self) -> str:
        return f"{self.kind} {self.dataset_id} {self.timestamp:%Y-%m-%d %H:%M}"
