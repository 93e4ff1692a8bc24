"""The camera register: districts, cameras with their lifecycle, status history and fault log.

Which fields are public is decided here (`Camera.PUBLIC_FIELDS`), in one place, so the public
register, the open dataset and the map layer cannot leak stream addresses or VMS secrets.
"""

from __future__ import annotations

import secrets

from django.contrib.gis.db import models as gis_models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gis import geodesy


def new_vms_secret() -> str:
    return secrets.token_urlsafe(32)


class District(models.Model):
    """A district of the city: its boundary (drawn or imported) clips the road layer for density;
    the road length staff enter is used when there is no road layer or no boundary."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    road_km = models.DecimalField(
        _("road length (km)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Used for density when the map has no road network layer."),
    )
    boundary = gis_models.MultiPolygonField(_("boundary"), srid=4326, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class CameraQuerySet(models.QuerySet):
    def in_service(self) -> CameraQuerySet:
        """Cameras installed on the street (working or not): what density counts."""
        return self.filter(status__in=Camera.IN_SERVICE)

    def public(self) -> CameraQuerySet:
        """Cameras shown in the transparency register: everything not yet decommissioned."""
        return self.exclude(status=Camera.Status.DECOMMISSIONED)


class Camera(models.Model):
    class Type(models.TextChoices):
        FIXED_HD = "fixed_hd", _("fixed HD")
        PTZ = "ptz", _("PTZ (pan-tilt-zoom)")
        PANORAMIC = "360", _("360° panoramic")
        THERMAL = "thermal", _("thermal")
        ANPR = "anpr", _("number-plate recognition (ANPR)")

    class Purpose(models.TextChoices):
        TRAFFIC = "traffic", _("traffic")
        PUBLIC_ORDER = "public_order", _("public order")
        PARKING = "parking", _("parking")
        BUILDING = "building_protection", _("building protection")

    class Mounting(models.TextChoices):
        POLE = "pole", _("pole")
        FACADE = "facade", _("building façade")
        ROOF = "roof", _("roof")
        GANTRY = "gantry", _("gantry over the road")
        INDOOR = "indoor", _("indoor")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        PROCURED = "procured", _("procured")
        INSTALLED = "installed", _("installed")
        OPERATIONAL = "operational", _("operational")
        FAULTY = "faulty", _("faulty")
        DECOMMISSIONED = "decommissioned", _("decommissioned")

    class Funding(models.TextChoices):
        LOCAL = "local", _("local budget")
        EU = "eu", _("EU funds")
        PNRR = "pnrr", _("national recovery plan (PNRR)")

    IN_SERVICE = (Status.INSTALLED, Status.OPERATIONAL, Status.FAULTY)
    # The lifecycle: planned → procured → installed → operational ⇄ faulty → decommissioned.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.PLANNED: (Status.PROCURED, Status.DECOMMISSIONED),
        Status.PROCURED: (Status.INSTALLED, Status.DECOMMISSIONED),
        Status.INSTALLED: (Status.OPERATIONAL, Status.FAULTY, Status.DECOMMISSIONED),
        Status.OPERATIONAL: (Status.FAULTY, Status.DECOMMISSIONED),
        Status.FAULTY: (Status.OPERATIONAL, Status.DECOMMISSIONED),
        Status.DECOMMISSIONED: (),
    }
    # The date field each status sets when a camera enters it.
    STATUS_DATES: dict[str, str] = {
        Status.PLANNED: "planned_on",
        Status.PROCURED: "procured_on",
        Status.INSTALLED: "installed_on",
        Status.OPERATIONAL: "operational_on",
        Status.DECOMMISSIONED: "decommissioned_on",
    }
    # What residents may see; everything else (stream, secrets, notes, cost details) stays staff-only.
    PUBLIC_FIELDS = (
        "code",
        "name",
        "latitude",
        "longitude",
        "district",
        "camera_type",
        "purpose",
        "what_is_filmed",
        "direction_deg",
        "fov_deg",
        "range_m",
        "operator",
        "owner",
        "legal_basis",
        "retention_days",
        "privacy_masking",
        "signage_present",
        "status",
        "contact",
    )

    code = models.CharField(
        _("camera code"), max_length=40, unique=True, help_text=_("The register's key, e.g. AR-CAM-0001.")
    )
    name = models.CharField(_("location"), max_length=200, help_text=_("Street and landmark."))
    location = gis_models.PointField(_("position"), srid=4326)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="cameras", verbose_name=_("district")
    )
    road_segment = models.CharField(
        _("road segment watched"), max_length=200, blank=True, help_text=_("Street name or segment id.")
    )
    mounting = models.CharField(_("mounting"), max_length=20, choices=Mounting.choices, default=Mounting.POLE)
    mounting_height_m = models.DecimalField(
        _("mounting height (m)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    direction_deg = models.PositiveSmallIntegerField(
        _("direction (° from north)"), default=0, validators=[MaxValueValidator(359)]
    )
    fov_deg = models.PositiveSmallIntegerField(
        _("field of view (°)"), default=90, validators=[MinValueValidator(1), MaxValueValidator(360)]
    )
    range_m = models.PositiveIntegerField(
        _("range (m)"), default=50, validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    camera_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    what_is_filmed = models.CharField(
        _("what is filmed"), max_length=300, blank=True, help_text=_("Shown to the public.")
    )
    what_is_filmed_en = models.CharField(_("what is filmed (English)"), max_length=300, blank=True)
    what_is_filmed_hu = models.CharField(_("what is filmed (Hungarian)"), max_length=300, blank=True)
    operator = models.CharField(_("operator"), max_length=200)
    owner = models.CharField(_("owner"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    retention_days = models.PositiveSmallIntegerField(
        _("retention (days)"), validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    privacy_masking = models.BooleanField(_("privacy masking"), default=False)
    signage_present = models.BooleanField(_("signage present"), default=False)
    dpia_reference = models.CharField(_("DPIA reference"), max_length=100, blank=True)
    contact = models.CharField(_("contact for residents"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    procured_on = models.DateField(_("procured on"), null=True, blank=True)
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    operational_on = models.DateField(_("operational since"), null=True, blank=True)
    decommissioned_on = models.DateField(_("decommissioned on"), null=True, blank=True)
    procurement_reference = models.CharField(_("procurement reference"), max_length=100, blank=True)
    funding_source = models.CharField(
        _("funding source"), max_length=10, choices=Funding.choices, default=Funding.LOCAL
    )
    cost = models.DecimalField(_("cost (RON)"), max_digits=12, decimal_places=2, null=True, blank=True)
    # Staff-only: never in a public page, dataset or map layer.
    stream_url = models.CharField(_("stream address"), max_length=500, blank=True)
    vms_secret = models.CharField(
        _("VMS signing secret"),
        max_length=64,
        default=new_vms_secret,
        help_text=_("The video-management system signs heartbeats with it."),
    )
    notes = models.TextField(_("internal notes"), blank=True)
    last_heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CameraQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("camera")
        verbose_name_plural = _("cameras")
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def clean(self) -> None:
        if self.location is not None:
            if not (-90 <= self.location.y <= 90 and -180 <= self.location.x <= 180):
                raise ValidationError({"location": _("Coordinates are outside WGS84.")})

    @property
    def latitude(self) -> float:
        return round(self.location.y, 6)

    @property
    def longitude(self) -> float:
        return round(self.location.x, 6)

    @property
    def field_of_view(self):
        """The sector the camera watches, computed geodesically from direction, angle and range."""
        return geodesy.sector(
            self.location.y,
            self.location.x,
            direction=self.direction_deg,
            fov=self.fov_deg,
            range_m=self.range_m,
        )


class SignedNonce(models.Model):
    """A nonce the VMS used in a signed request, kept while its timestamp is inside the signature
    window: a request reusing it is a replay. Older ones are deleted (their timestamp is refused)."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=64)
    signed_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["camera", "nonce"], name="cctv_nonce_once_per_camera")]

    def __str__(self) -> str:
        return f"{self.camera_id}: {self.nonce}"


class StatusChangeRecord(models.Model):
    """One lifecycle step of a piece of equipment (a camera, a safety device): the history behind
    uptime and the register's dates. Concrete models add the equipment as `EQUIPMENT`."""

    EQUIPMENT = ""
    from_status = models.CharField(_("from"), max_length=20, choices=Camera.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Camera.Status.choices)
    at = models.DateTimeField(_("at"), db_index=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        abstract = True
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        owner = getattr(self, f"{self.EQUIPMENT}_id")
        return f"{owner}: {self.from_status} → {self.to_status} @ {self.at:%Y-%m-%d %H:%M}"


class StatusChange(StatusChangeRecord):
    """One lifecycle step of a camera."""

    EQUIPMENT = "camera"
    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChangeRecord.Meta):
        ordering = ["camera", "at", "id"]


class FaultRecord(models.Model):
    """A period when a piece of equipment did not work, with its cause and repair; the basis of
    uptime/MTTR. Concrete models add the equipment as `EQUIPMENT`."""

    EQUIPMENT = ""

    class Cause(models.TextChoices):
        NO_HEARTBEAT = "no_heartbeat", _("no heartbeat")
        POWER = "power", _("power supply")
        NETWORK = "network", _("network")
        VANDALISM = "vandalism", _("vandalism")
        HARDWARE = "hardware", _("hardware failure")
        WEATHER = "weather", _("weather")
        OTHER = "other", _("other")

    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    description = models.CharField(_("description"), max_length=500, blank=True)
    started_at = models.DateTimeField(_("started"), db_index=True)
    repaired_at = models.DateTimeField(_("repaired"), null=True, blank=True)
    repair = models.CharField(_("repair done"), max_length=500, blank=True)
    reported_by = models.CharField(_("reported by"), max_length=100, blank=True)

    class Meta:
        abstract = True
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(repaired_at__isnull=True)
                | models.Q(repaired_at__gte=models.F("started_at")),
                name="%(app_label)s_fault_repaired_after_start",
            )
        ]

    def __str__(self) -> str:
        equipment = getattr(self, self.EQUIPMENT)
        return f"{equipment} – {self.get_cause_display()} @ {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.repaired_at is None


class Fault(FaultRecord):
    """A period when a camera did not work."""

    EQUIPMENT = "camera"
    camera = models.ForeignKey(
        Camera, on_delete=models.CASCADE, related_name="faults", verbose_name=_("camera")
    )

    class Meta(FaultRecord.Meta):
        verbose_name = _("fault")
        verbose_name_plural = _("faults")
