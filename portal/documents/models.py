"""The document registry: every document the city registers, its status history, private
attachments, the per-year number sequence and each service's registry policy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractEmailForm

from portal.core import storage as core_storage

FINAL_STATUSES = ("approved", "rejected", "issued", "revoked", "archived")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    COUNTER = "counter", _("At the counter")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    CHATBOT = "chatbot", _("Chatbot")


# Channels where the citizen filed without coming in: the plan's "digital take-up".
DIGITAL_CHANNELS = (Channel.ONLINE, Channel.CHATBOT)


class Status(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ASSIGNED = "assigned", _("Assigned")
    IN_REVIEW = "in_review", _("In review")
    NEEDS_INFO = "needs_info", _("Needs more information")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ISSUED = "issued", _("Issued")
    REVOKED = "revoked", _("Revoked")
    ARCHIVED = "archived", _("Archived")


# The registry's workflow: which statuses may follow each one.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "registered": ("assigned", "in_review", "needs_info", "rejected", "archived"),
    "assigned": ("in_review", "needs_info", "approved", "rejected"),
    "in_review": ("needs_info", "approved", "rejected"),
    "needs_info": ("in_review", "approved", "rejected", "archived"),
    "approved": ("issued", "archived"),
    "rejected": ("archived",),
    "issued": ("revoked", "archived"),  # "revoked": the issued permit is withdrawn
    "revoked": ("archived",),
    "archived": (),
}


def private_storage() -> Storage:
    """Attachments go to the private storage: never served without the registry's permission."""
    return core_storage.private_storage()


class NumberSequence(models.Model):
    """The last number used for one (prefix, year); its row is locked while a number is taken,
    which keeps numbers gapless and unique under concurrent registrations."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="documents_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class ServiceRegistryPolicy(models.Model):
    """How the registry treats documents of one service: number prefix, uploads, retention."""

    service = models.OneToOneField(
        "services.ServicePage",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="registry_policy",
    )
    number_prefix = models.CharField(
        _("number prefix"),
        max_length=10,
        blank=True,
        help_text=_("Leave empty to use the registry's default prefix."),
    )
    max_attachments = models.PositiveSmallIntegerField(
        _("maximum number of attachments"), default=3, help_text=_("0 turns uploads off.")
    )
    max_attachment_mb = models.PositiveSmallIntegerField(_("maximum size of a file (MB)"), default=10)
    allowed_types = models.CharField(
        _("allowed file types"),
        max_length=200,
        default="pdf,jpg,png",
        help_text=_("Comma-separated extensions; each file's content is checked, not its name."),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention of personal data after archiving (years)"), default=5
    )

    class Meta:
        verbose_name = _("service registry policy")
        verbose_name_plural = _("service registry policies")

    def __str__(self) -> str:
        return str(self.service)

    @property
    def extensions(self) -> list[str]:
        return [part.strip().lower().lstrip(".") for part in self.allowed_types.split(",") if part.strip()]


class DocumentQuerySet(models.QuerySet):
    def open(self) -> DocumentQuerySet:
        return self.exclude(status__in=FINAL_STATUSES)

    def overdue(self, today: dt.date | None = None) -> DocumentQuerySet:
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Document(models.Model):
    """A registered document. Sender fields, message, form data and attachments are personal
    data: they are never shown publicly and are purged after the retention period."""

    number = models.CharField(_("registration number"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)
    token = models.CharField(max_length=64, unique=True, editable=False)
    pin = models.CharField(_("PIN"), max_length=8, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    service = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        "services.DepartmentPage",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=255)
    message = models.TextField(_("message"), blank=True)
    sender_name = models.CharField(_("sender's name"), max_length=200, blank=True)
    sender_email = models.EmailField(_("sender's e-mail"), blank=True)
    sender_phone = models.CharField(_("sender's phone"), max_length=40, blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=255, blank=True)
    form_data = models.JSONField(_("form answers"), default=dict, blank=True)
    language = models.CharField(max_length=5, default="ro")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    due_date = models.DateField(_("legal due date"), null=True, blank=True)
    closed_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    permit_token = models.TextField(blank=True, editable=False)
    permit_issued_on = models.DateField(null=True, blank=True, editable=False)
    permit_revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    tracking_scans = models.PositiveIntegerField(default=0, editable=False)
    # Wrong PINs for this document from any address (see selectors.lookup): past a limit,
    # lookups by number and PIN are locked until `pin_locked_until`.
    pin_failures = models.PositiveIntegerField(default=0, editable=False)
    pin_failed_at = models.DateTimeField(null=True, blank=True, editable=False)
    pin_locked_until = models.DateTimeField(
        _("PIN lookups locked until"), null=True, blank=True, editable=False
    )
    personal_data_purged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["registered_at"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def overdue(self) -> bool:
        return bool(self.is_open and self.due_date and self.due_date < timezone.localdate())

    @property
    def pin_locked(self) -> bool:
        return bool(self.pin_locked_until and self.pin_locked_until > timezone.now())

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        labels = dict(Status.choices)
        return [(code, labels[code]) for code in TRANSITIONS[self.status]]


class DocumentEvent(models.Model):
    """One step of a document's history; only the status, time and public note are public."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_note = models.TextField(_("note for the citizen"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    # False for staff-only steps that do not change the status (an assignment, a PIN lock).
    public = models.BooleanField(default=True)
    # The resident's own step (an answer from the tracking page); internal_note holds their
    # message: personal data, shown to staff only and erased with the other notes.
    by_resident = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.document_id} {self.status} {self.at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """A file sent with a document, kept in the private storage and served to staff only."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    # The step that brought the file (a resident's answer); empty for the files of the request.
    event = models.ForeignKey(
        DocumentEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to="documents/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class RegistryFormPage(AbstractEmailForm):
    """A Wagtail form page whose submissions the registry files as documents (numbered, with
    a PIN and a tracking QR) instead of Wagtail's form submissions. A page model inherits it
    and provides `processing_days` (the legal term) and `department` (who handles the
    request); the registry thus depends on no particular catalogue of services."""

    class Meta:
        abstract = True

    def get_form_class(self):
        from .forms import with_attachments

        return with_attachments(super().get_form_class(), service=self)

    def process_form_submission(self, form):
        from .services import register_online_request

        return register_online_request(service=self, form=form)

    def render_landing_page(
        self, request: HttpRequest, form_submission: Any = None, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        """Remember that this browser filed the document, then redirect to its receipt, so that
        reloading the receipt shows it again instead of filing a second time."""
        if form_submission is None:  # the editor's preview of the landing page
            return super().render_landing_page(request, form_submission, *args, **kwargs)
        from .receipts import remember_receipt

        remember_receipt(request, form_submission.token)
        return redirect("documents:receipt", token=form_submission.token)


def service_model() -> type[RegistryFormPage]:
    """The page model of the services the registry files requests for (what Document.service
    points to), looked up rather than imported so the registry imports no catalogue."""
    return Document._meta.get_field("service").related_model


def department_model() -> type[models.Model]:
    """The page model of the departments documents are assigned to (Document.department)."""
    return Document._meta.get_field("department").related_model
