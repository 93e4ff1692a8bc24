"""The EU DigComp 2.2 framework (5 areas, 21 competences, 8 proficiency levels), stored as data
so courses can tag the competences they build and reports can group by them."""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# DigComp 2.2 proficiency levels, grouped in four by the framework itself.
PROFICIENCY_LEVELS = [
    (1, _("1 – Foundation")),
    (2, _("2 – Foundation")),
    (3, _("3 – Intermediate")),
    (4, _("4 – Intermediate")),
    (5, _("5 – Advanced")),
    (6, _("6 – Advanced")),
    (7, _("7 – Highly specialised")),
    (8, _("8 – Highly specialised")),
]


class _Named(models.Model):
    """A framework item named in the site's three languages (the framework's own wording)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_hu = models.CharField(_("name (Hungarian)"), max_length=200)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        """The name in the active language (English when the language has none)."""
        lang = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_en


class CompetenceArea(_Named):
    class Meta(_Named.Meta):
        verbose_name = _("DigComp competence area")
        verbose_name_plural = _("DigComp competence areas")


class Competence(_Named):
    area = models.ForeignKey(
        CompetenceArea, on_delete=models.PROTECT, related_name="competences", verbose_name=_("area")
    )

    class Meta(_Named.Meta):
        verbose_name = _("DigComp competence")
        verbose_name_plural = _("DigComp competences")
