"""Map data: modules (layer groups), thematic layers and their features, import jobs, the public
buildings register with its accessibility facts, and a daily map-use counter for the KPIs."""

from __future__ import annotations

from django.contrib.gis.db import models as gis_models
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from portal.services.models import WEEKDAYS

COLOR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #0b5394."))


class Module(models.Model):
    """A group of layers in the map's switcher (cadastre, mobility, safety, …)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hu = models.TextField(_("description (Hungarian)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("map module")
        verbose_name_plural = _("map modules")

    def __str__(self) -> str:
        return self.title


class Layer(models.Model):
    """A thematic layer of features stored here (drawn by editors or imported)."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("drawn by editors")
        IMPORTED = "imported", _("imported from a file")

    class Kind(models.TextChoices):
        OTHER = "", _("other")
        CADASTRE = "cadastre", _("cadastre")
        WIFI = "wifi", _("Wi-Fi hotspots")
        PARKING = "parking", _("parking")
        BIKE = "bike", _("bike lanes")

    class GeometryType(models.TextChoices):
        POINT = "Point", _("points")
        LINE = "LineString", _("lines")
        POLYGON = "Polygon", _("polygons")

    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="layers", verbose_name=_("module")
    )
    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("Stable identifier used in URLs and the APIs.")
    )
    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hu = models.TextField(_("description (Hungarian)"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_("Lets the chatbot find the nearest Wi-Fi or parking."),
    )
    geometry_type = models.CharField(
        _("geometry type"), max_length=20, choices=GeometryType.choices, default=GeometryType.POINT
    )
    color = models.CharField(_("colour"), max_length=7, default="#0b5394", validators=[COLOR])
    icon = models.CharField(
        _("icon"),
        max_length=40,
        blank=True,
        help_text=_("A short symbol shown in the legend, e.g. P or Wi-Fi."),
    )
    license = models.CharField(_("licence"), max_length=80, default="CC-BY-4.0")
    attribution = models.CharField(_("attribution"), max_length=200, blank=True)
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Staff-only layers are hidden from the public map and APIs.")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    cluster = models.BooleanField(_("cluster dense points"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["module__order", "title"]
        verbose_name = _("map layer")
        verbose_name_plural = _("map layers")

    def __str__(self) -> str:
        return self.title


class Feature(models.Model):
    """One mapped thing in WGS84; `external_id` is the source's key for idempotent imports."""

    layer = models.ForeignKey(
        Layer, on_delete=models.CASCADE, related_name="features", verbose_name=_("layer")
    )
    name = models.CharField(_("name"), max_length=255, blank=True, db_index=True)
    external_id = models.CharField(
        _("external id"),
        max_length=120,
        blank=True,
        help_text=_("The source's identifier, e.g. the cadastral number."),
    )
    geometry = gis_models.GeometryField(_("geometry"), srid=4326)
    properties = models.JSONField(_("properties"), default=dict, blank=True)
    time = models.DateTimeField(
        _("time"),
        null=True,
        blank=True,
        help_text=_("When the feature was observed or is valid, if it has a time."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("map feature")
        verbose_name_plural = _("map features")
        constraints = [
            models.UniqueConstraint(
                fields=["layer", "external_id"],
                condition=~models.Q(external_id=""),
                name="gis_feature_unique_external_id",
            ),
        ]
        indexes = [
            models.Index(fields=["layer", "external_id"]),
            # pages of a layer in id order: an offset skips index entries, not table rows
            models.Index(fields=["layer", "id"], name="gis_feature_layer_page"),
        ]

    def __str__(self) -> str:
        return self.name or self.external_id or f"#{self.pk}"


class ImportJob(models.Model):
    """One upload of a spatial file into a layer, with its progress and per-row report."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    layer = models.ForeignKey(
        Layer, on_delete=models.CASCADE, related_name="imports", verbose_name=_("layer")
    )
    file_name = models.CharField(_("file"), max_length=255)
    path = models.CharField(max_length=500, editable=False)
    source_srid = models.PositiveIntegerField(_("source CRS (EPSG)"), null=True, blank=True)
    id_field = models.CharField(_("external id field"), max_length=80, blank=True)
    name_field = models.CharField(_("name field"), max_length=80, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    repaired = models.PositiveIntegerField(_("repaired"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    report = models.JSONField(_("report"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} → {self.layer}"

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0


class Access(models.TextChoices):
    YES = "yes", _("yes")
    PARTIAL = "partial", _("partly")
    NO = "no", _("no")
    UNKNOWN = "", _("not known")


class PublicBuilding(ClusterableModel):
    """A public building with what a disabled visitor needs to know before going there."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the building page's address, printed in its QR code."),
    )
    address = models.CharField(_("address"), max_length=255)
    location = gis_models.PointField(_("location"), srid=4326)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hu = models.TextField(_("description (Hungarian)"), blank=True)
    step_free_access = models.CharField(
        _("step-free access"), max_length=10, choices=Access.choices, blank=True
    )
    lift = models.CharField(_("lift"), max_length=10, choices=Access.choices, blank=True)
    accessible_toilet = models.CharField(
        _("accessible toilet"), max_length=10, choices=Access.choices, blank=True
    )
    tactile_guidance = models.CharField(
        _("tactile guidance"), max_length=10, choices=Access.choices, blank=True
    )
    accessible_parking = models.CharField(
        _("reserved parking"), max_length=10, choices=Access.choices, blank=True
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    accessibility_notes_en = models.TextField(_("accessibility notes (English)"), blank=True)
    accessibility_notes_hu = models.TextField(_("accessibility notes (Hungarian)"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    services = ParentalManyToManyField(
        "services.ServicePage", blank=True, related_name="public_buildings", verbose_name=_("services inside")
    )
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    ACCESS_FIELDS = ("step_free_access", "lift", "accessible_toilet", "tactile_guidance")

    class Meta:
        ordering = ["name"]
        verbose_name = _("public building")
        verbose_name_plural = _("public buildings")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("gismap:building", kwargs={"slug": self.slug})

    @property
    def has_accessibility_info(self) -> bool:
        """Every core accessibility fact is known (yes, partly or no) and an entrance is described."""
        return all(getattr(self, f) for f in self.ACCESS_FIELDS) and self.entrances.exists()


class BuildingEntrance(Orderable):
    building = ParentalKey(PublicBuilding, on_delete=models.CASCADE, related_name="entrances")
    name = models.CharField(_("entrance"), max_length=120)
    name_en = models.CharField(_("entrance (English)"), max_length=120, blank=True)
    name_hu = models.CharField(_("entrance (Hungarian)"), max_length=120, blank=True)
    description = models.CharField(_("how to find it"), max_length=255, blank=True)
    description_en = models.CharField(_("how to find it (English)"), max_length=255, blank=True)
    description_hu = models.CharField(_("how to find it (Hungarian)"), max_length=255, blank=True)
    step_free = models.BooleanField(_("step-free"), default=False)
    automatic_door = models.BooleanField(_("automatic door"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("entrance")
        verbose_name_plural = _("entrances")

    def __str__(self) -> str:
        return self.name


class BuildingHours(Orderable):
    building = ParentalKey(PublicBuilding, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class MapUsage(models.Model):
    """Daily counters of map use (page views, API requests), for the 'map use' KPI."""

    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=20)  # page | api | ogcapi
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "channel"], name="gis_usage_day")]
        verbose_name = _("map use")
        verbose_name_plural = _("map use")

    def __str__(self) -> str:
        return f"{self.day} {self.channel}: {self.count}"
