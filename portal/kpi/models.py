"""Periodic snapshots of every KPI, the history behind dashboards and the published dataset."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KPISnapshot(models.Model):
    key = models.CharField(_("indicator"), max_length=100, db_index=True)
    solution = models.CharField(_("solution"), max_length=40, db_index=True)
    kind = models.CharField(_("kind"), max_length=10)
    unit = models.CharField(_("unit"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True)
    taken_at = models.DateTimeField(_("taken at"), db_index=True)

    class Meta:
        ordering = ["-taken_at", "key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "taken_at"], name="kpi_snapshot_once_per_time")
        ]
        verbose_name = _("KPI snapshot")

    def __str__(self) -> str:
        return f"{self.key} = {self.value} {self.unit} @ {self.taken_at:%Y-%m-%d %H:%M}"
