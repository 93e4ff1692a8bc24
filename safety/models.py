"""Call points on the public highway and alert buttons in buildings, all feeding the city's
supervision centre: the devices (same lifecycle and health model as cameras), the alerts they
raise, and the requests for an alert button made through the one-stop shop.

Alert buttons are never public: which public reads may show a device is decided here
(`DeviceQuerySet.public`, `Device.PUBLIC_FIELDS`), in one place."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.gis.db import models as gis_models
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cctv.models import Camera, District, FaultRecord, StatusChangeRecord


def new_device_secret() -> str:
    return secrets.token_urlsafe(32)


class DeviceQuerySet(models.QuerySet):
    def in_service(self) -> DeviceQuerySet:
        return self.filter(status__in=Device.IN_SERVICE)

    def call_points(self) -> DeviceQuerySet:
        return self.filter(kind=Device.Kind.CALL_POINT)

    def public(self) -> DeviceQuerySet:
        """What residents may see: call points not yet decommissioned. Never an alert button."""
        return self.call_points().exclude(status=Device.Status.DECOMMISSIONED)


class Device(models.Model):
    """A call point or an alert button; its lifecycle and health are the cameras' (Camera.Status,
    Camera.TRANSITIONS, portal/core/equipment.py)."""

    class Kind(models.TextChoices):
        CALL_POINT = "call_point", _("call point")
        ALERT_BUTTON = "alert_button", _("alert button")

    Status = Camera.Status
    TRANSITIONS = Camera.TRANSITIONS
    STATUS_DATES = Camera.STATUS_DATES
    IN_SERVICE = Camera.IN_SERVICE
    # What the public register, map layer and open data show of a call point.
    PUBLIC_FIELDS = ("code", "name", "latitude", "longitude", "district", "operator", "status")

    code = models.CharField(_("device code"), max_length=40, unique=True, help_text=_("E.g. AR-CP-0001."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("location"), max_length=200, help_text=_("Street and landmark, or room."))
    location = gis_models.PointField(_("position"), srid=4326)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="safety_devices",
        verbose_name=_("district"),
        null=True,
        blank=True,
    )
    building = models.ForeignKey(
        "gismap.PublicBuilding",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="safety_devices",
        verbose_name=_("public building"),
        help_text=_("For a device inside a public building of the map."),
    )
    business_name = models.CharField(_("business or institution"), max_length=200, blank=True)
    business_address = models.CharField(_("business address"), max_length=255, blank=True)
    operator = models.CharField(_("operator"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Camera.Status.choices, default=Camera.Status.PLANNED
    )
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    procured_on = models.DateField(_("procured on"), null=True, blank=True)
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    operational_on = models.DateField(_("operational since"), null=True, blank=True)
    decommissioned_on = models.DateField(_("decommissioned on"), null=True, blank=True)
    secret = models.CharField(
        _("signing secret"),
        max_length=64,
        default=new_device_secret,
        help_text=_("The device signs its heartbeats and alerts with it."),
    )
    notes = models.TextField(_("internal notes"), blank=True)
    request_document = models.OneToOneField(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alert_button",
        verbose_name=_("request"),
        help_text=_("The registered request through the one-stop shop this button was approved from."),
    )
    last_heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DeviceQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("safety device")
        verbose_name_plural = _("safety devices")
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def clean(self) -> None:
        if self.location is not None and not (
            -90 <= self.location.y <= 90 and -180 <= self.location.x <= 180
        ):
            raise ValidationError({"location": _("Coordinates are outside WGS84.")})
        if self.kind == self.Kind.ALERT_BUTTON and not (self.building_id or self.business_name):
            raise ValidationError(
                {"business_name": _("An alert button is in a public building or a named business.")}
            )

    @property
    def latitude(self) -> float:
        return round(self.location.y, 6)

    @property
    def longitude(self) -> float:
        return round(self.location.x, 6)

    @property
    def site(self) -> str:
        """Where the device is: the public building, else the business, else the street."""
        if self.building_id:
            return str(self.building)
        if self.business_name:
            return ", ".join(p for p in (self.business_name, self.business_address) if p)
        return self.name


class DeviceNonce(models.Model):
    """A nonce a device used in a signed request, kept while inside the signature window."""

    device = models.ForeignKey(Device, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=64)
    signed_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "nonce"], name="safety_nonce_once_per_device")
        ]

    def __str__(self) -> str:
        return f"{self.device_id}: {self.nonce}"


class DeviceStatusChange(StatusChangeRecord):
    """One lifecycle step of a device."""

    EQUIPMENT = "device"
    device = models.ForeignKey(Device, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChangeRecord.Meta):
        ordering = ["device", "at", "id"]


class DeviceFault(FaultRecord):
    """A period when a device did not work (causes as for cameras)."""

    EQUIPMENT = "device"
    device = models.ForeignKey(
        Device, on_delete=models.CASCADE, related_name="faults", verbose_name=_("device")
    )

    class Meta(FaultRecord.Meta):
        verbose_name = _("device fault")
        verbose_name_plural = _("device faults")


class AlertQuerySet(models.QuerySet):
    def incidents(self) -> AlertQuerySet:
        """Real alerts: monthly device tests are kept out of every incident figure."""
        return self.filter(is_test=False)

    def open(self) -> AlertQuerySet:
        return self.exclude(status=Alert.Status.CLOSED)


class Alert(models.Model):
    """An alert a device raised, and how the supervision centre handled it: every step with its
    time and the operator who took it."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        DISPATCHED = "dispatched", _("dispatched")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        EMERGENCY = "emergency", _("emergency handled")
        ASSISTANCE = "assistance", _("assistance given")
        FALSE_ALARM = "false_alarm", _("false alarm")
        ACCIDENTAL = "accidental", _("pressed by accident")
        TEST = "test", _("device test")
        OTHER = "other", _("other")

    device = models.ForeignKey(
        Device, on_delete=models.PROTECT, related_name="alerts", verbose_name=_("device")
    )
    event_id = models.CharField(_("event id"), max_length=64)
    raised_at = models.DateTimeField(_("raised"), db_index=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    is_test = models.BooleanField(_("device test"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dispatch_note = models.TextField(_("dispatch note"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [models.UniqueConstraint(fields=["device", "event_id"], name="safety_alert_event_once")]
        indexes = [models.Index(fields=["status", "raised_at"])]

    def __str__(self) -> str:
        return f"{self.device.code} @ {self.raised_at:%Y-%m-%d %H:%M:%S}"
