"""The catalogue proper: organizations, datasets, resources, tags and EU data themes."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.city import get_city

# The EU data-theme vocabulary (http://publications.europa.eu/resource/authority/data-theme).
THEMES: dict[str, str] = {
    "AGRI": _("Agriculture, fisheries, forestry and food"),
    "ECON": _("Economy and finance"),
    "EDUC": _("Education, culture and sport"),
    "ENER": _("Energy"),
    "ENVI": _("Environment"),
    "GOVE": _("Government and public sector"),
    "HEAL": _("Health"),
    "INTR": _("International issues"),
    "JUST": _("Justice, legal system and public safety"),
    "REGI": _("Regions and cities"),
    "SOCI": _("Population and society"),
    "TECH": _("Science and technology"),
    "TRAN": _("Transport"),
}
THEME_URI = "http://publications.europa.eu/resource/authority/data-theme/"

# Licences offered, as CKAN's license_list shows them; CC-BY-4.0 is the default.
LICENSES: dict[str, dict[str, str]] = {
    "CC-BY-4.0": {
        "title": "Creative Commons Attribution 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "eu": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    },
    "CC0-1.0": {
        "title": "Creative Commons CCZero 1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
        "eu": "http://publications.europa.eu/resource/authority/licence/CC0",
    },
    "CC-BY-SA-4.0": {
        "title": "Creative Commons Attribution Share-Alike 4.0",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "eu": "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0",
    },
    "ODbL-1.0": {
        "title": "Open Data Commons Open Database License 1.0",
        "url": "https://opendatacommons.org/licenses/odbl/1-0/",
        "eu": "http://publications.europa.eu/resource/authority/licence/ODC_BL",
    },
}

# Update frequency codes (EU frequency vocabulary) and their labels.
FREQUENCIES: dict[str, str] = {
    "CONT": _("continuous"),
    "DAILY": _("daily"),
    "WEEKLY": _("weekly"),
    "MONTHLY": _("monthly"),
    "QUARTERLY": _("quarterly"),
    "ANNUAL": _("annual"),
    "IRREG": _("irregular"),
}
FREQUENCY_URI = "http://publications.europa.eu/resource/authority/frequency/"


def city_spatial_label() -> str:
    """A new dataset covers the city (settings.CITY) unless staff say otherwise."""
    return get_city().spatial_label


class Organization(models.Model):
    """A publisher; usually a city department (linked by slug to its DepartmentPage)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.SlugField(_("name"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    department = models.ForeignKey(
        "services.DepartmentPage",
        verbose_name=_("department page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.title


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """One EU data theme; served as a CKAN group."""

    code = models.CharField(_("code"), max_length=4, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return str(THEMES.get(self.code, self.code))

    @property
    def name(self) -> str:
        return self.code.lower()

    @property
    def title(self) -> str:
        return str(THEMES.get(self.code, self.code))

    @property
    def uri(self) -> str:
        return THEME_URI + self.code


class DatasetQuerySet(models.QuerySet):
    def active(self) -> DatasetQuerySet:
        return self.filter(state=Dataset.State.ACTIVE)

    def public(self) -> DatasetQuerySet:
        return self.active().filter(private=False)


class Dataset(models.Model):
    """A CKAN package: metadata plus resources."""

    class State(models.TextChoices):
        ACTIVE = "active", _("active")
        DELETED = "deleted", _("deleted")

    class Origin(models.TextChoices):
        LOCAL = "local", _("published here")
        AUTO = "auto", _("published automatically by an app")
        HARVESTED = "harvested", _("harvested from a remote CKAN")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.SlugField(_("name"), max_length=100, unique=True, help_text=_("URL slug"))
    title = models.CharField(_("title"), max_length=255)
    notes = models.TextField(_("description (Markdown)"), blank=True)
    # Translations of the original (Romanian) title and description; see portal.core.translation.
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    title_hu = models.CharField(_("title in Hungarian"), max_length=255, blank=True)
    notes_en = models.TextField(_("description in English (Markdown)"), blank=True)
    notes_hu = models.TextField(_("description in Hungarian (Markdown)"), blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="datasets"
    )
    license_id = models.CharField(
        _("licence"),
        max_length=40,
        default="CC-BY-4.0",
        choices=[(k, v["title"]) for k, v in LICENSES.items()],
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="datasets")
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="datasets")
    frequency = models.CharField(
        _("update frequency"), max_length=10, choices=list(FREQUENCIES.items()), default="IRREG"
    )
    temporal_start = models.DateField(_("temporal coverage from"), null=True, blank=True)
    temporal_end = models.DateField(_("temporal coverage to"), null=True, blank=True)
    spatial = models.CharField(_("spatial coverage"), max_length=200, blank=True, default=city_spatial_label)
    contact_name = models.CharField(_("contact point"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    private = models.BooleanField(_("private"), default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    metadata_created = models.DateTimeField(default=timezone.now, editable=False)
    metadata_modified = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # Synchronisation bookkeeping (push to and pull from a remote CKAN; auto-published keys).
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.LOCAL)
    source_key = models.CharField(max_length=200, blank=True, db_index=True)
    remote_id = models.CharField(max_length=100, blank=True, db_index=True)
    remote_hash = models.CharField(max_length=64, blank=True)
    remote_synced_at = models.DateTimeField(null=True, blank=True)

    objects = DatasetQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.title


def resource_upload_to(instance: Resource, filename: str) -> str:
    return f"opendata/{instance.id}/{filename}"


class Resource(models.Model):
    """A file or link of a dataset, with its data dictionary and validation report."""

    class Status(models.TextChoices):
        NONE = "", _("not validated")
        VALID = "valid", _("valid")
        INVALID = "invalid", _("invalid")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="resources")
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(_("format"), max_length=40, blank=True)
    upload = models.FileField(_("file"), upload_to=resource_upload_to, blank=True, max_length=300)
    url = models.URLField(_("URL"), max_length=1000, blank=True, help_text=_("instead of a file"))
    size = models.BigIntegerField(_("size in bytes"), null=True, blank=True)
    hash = models.CharField(_("SHA-256"), max_length=64, blank=True)
    last_modified = models.DateTimeField(_("last modified"), null=True, blank=True)
    created = models.DateTimeField(default=timezone.now, editable=False)
    position = models.PositiveIntegerField(default=0)
    # Data dictionary: [{"id": "stop_name", "type": "text|integer|numeric|date|boolean",
    #                    "description": "...", "unit": "..."}]
    fields = models.JSONField(_("data dictionary"), default=list, blank=True)
    validation_status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.NONE, blank=True
    )
    validation_report = models.JSONField(default=list, blank=True)
    datastore_active = models.BooleanField(default=False)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    remote_id = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["dataset", "position", "created"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.name

    @property
    def is_upload(self) -> bool:
        return bool(self.upload)
