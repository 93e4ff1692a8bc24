"""Writes to the document registry: registering, status changes, assignment, signed permits,
tracking scans and the retention purge. Each runs in one transaction; e-mails leave on commit."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from portal.core.city import get_city
from portal.qr import services as qr

from . import notifications
from .models import (
    TRANSITIONS,
    Attachment,
    Document,
    DocumentEvent,
    NumberSequence,
    RegistryFormPage,
    ServiceRegistryPolicy,
    Status,
)


def new_pin() -> str:
    """A random PIN of settings.DOCUMENTS_PIN_DIGITS digits (leading zeros kept)."""
    digits = settings.DOCUMENTS_PIN_DIGITS
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def default_locale_page(page: Any) -> Any:
    """The default-language version of a page, so that statistics and filters see one service."""
    if page is None:
        return None
    return page.get_translation_or_none(Locale.get_default()) or page


def policy_for(service: RegistryFormPage | None) -> ServiceRegistryPolicy:
    """The service's registry policy, or an unsaved one with the defaults."""
    service = default_locale_page(service)
    if service is not None:
        found = ServiceRegistryPolicy.objects.filter(service=service).first()
        if found is not None:
            return found
    return ServiceRegistryPolicy(service=service)


def take_number(*, prefix: str, year: int) -> tuple[str, int]:
    """The next number of (prefix, year). Call inside the registering transaction: the counter
    row stays locked until it commits, and a rollback returns the number, so there are no gaps.
    One statement increments and reads the counter: every registration of the series waits for
    that lock, so each round trip it holds it costs the whole registry's throughput."""
    table = connection.ops.quote_name(NumberSequence._meta.db_table)
    last, prefix_, year_ = (connection.ops.quote_name(name) for name in ("last", "prefix", "year"))
    sql = f"UPDATE {table} SET {last} = {last} + 1 WHERE {prefix_} = %s AND {year_} = %s RETURNING {last}"
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [prefix, year])
            row = cursor.fetchone()
        if row is not None:
            return f"{prefix}-{year}-{row[0]:06d}", row[0]
        NumberSequence.objects.get_or_create(prefix=prefix, year=year)  # the series' first number
    raise RuntimeError(f"no number sequence for {prefix}-{year}")


@transaction.atomic
def register_document(
    *,
    channel: str,
    subject: str,
    service: RegistryFormPage | None = None,
    department: Page | None = None,
    message: str = "",
    sender_name: str = "",
    sender_email: str = "",
    sender_phone: str = "",
    sender_address: str = "",
    form_data: dict[str, Any] | None = None,
    files: Iterable[UploadedFile] = (),
    language: str = "ro",
    actor: Any = None,
    public_note: str = "",
    internal_note: str = "",
    pin: str | None = None,
    registered_at: dt.datetime | None = None,
) -> Document:
    """Register a document: number, tracking token, PIN, legal due date and its first event.
    Files must already be validated (see forms.AttachmentsField). The sender gets a receipt
    by e-mail when an address is given."""
    if not subject.strip():
        raise ValidationError(_("A document needs a subject."))
    service = default_locale_page(service)
    if department is None and service is not None and service.department_id:
        department = service.department
    department = default_locale_page(department)
    policy = policy_for(service)
    registered_at = registered_at or timezone.now()
    year = timezone.localtime(registered_at).year
    prefix = policy.number_prefix or get_city().number_prefix
    number, sequence = take_number(prefix=prefix, year=year)
    due_date = None
    if service is not None and service.processing_days:
        due_date = timezone.localtime(registered_at).date() + dt.timedelta(days=service.processing_days)
    document = Document.objects.create(
        number=number,
        year=year,
        sequence=sequence,
        token=secrets.token_urlsafe(24),  # 192 bits: unguessable, short enough for a small QR
        pin=pin or new_pin(),
        channel=channel,
        service=service,
        department=department,
        subject=subject.strip()[:255],
        message=message,
        sender_name=sender_name.strip(),
        sender_email=sender_email.strip(),
        sender_phone=sender_phone.strip(),
        sender_address=sender_address.strip(),
        form_data=form_data or {},
        language=language,
        registered_at=registered_at,
        updated_at=registered_at,
        due_date=due_date,
        registered_by=actor,
    )
    _attach(document, files)
    DocumentEvent.objects.create(
        document=document,
        status=Status.REGISTERED,
        at=registered_at,
        actor=actor,
        public_note=public_note,
        internal_note=internal_note,
    )
    if document.sender_email:
        pk = document.pk
        transaction.on_commit(lambda: notifications.send_receipt(Document.objects.get(pk=pk)))
    return document


def _attach(document: Document, files: Iterable[UploadedFile], event: DocumentEvent | None = None) -> None:
    for upload in files:
        Attachment.objects.create(
            document=document,
            event=event,
            file=upload,
            original_name=upload.name[:255],
            content_type=getattr(upload, "detected_type", "") or upload.content_type or "",
            size=upload.size,
        )


@transaction.atomic
def change_status(
    *,
    document: Document,
    status: str,
    actor: Any = None,
    public_note: str = "",
    internal_note: str = "",
    at: dt.datetime | None = None,
    by_resident: bool = False,
) -> DocumentEvent:
    """Move a document to `status` if the workflow allows it, recording who, when and why.
    Reaching "issued" signs the permit's QR, "revoked" withdraws it; the citizen is e-mailed
    when an address is known."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if status not in TRANSITIONS.get(document.status, ()):
        raise ValidationError(
            _("A document that is “%(current)s” cannot become “%(new)s”.")
            % {"current": document.get_status_display(), "new": dict(Status.choices).get(status, status)}
        )
    if status == Status.REVOKED and not document.permit_token:
        raise ValidationError(_("This document has no issued permit."))
    at = at or timezone.now()
    document.status = status
    document.updated_at = at
    if status in (Status.APPROVED, Status.REJECTED) and document.closed_at is None:
        document.closed_at = at
    if status == Status.ISSUED:
        if document.closed_at is None:
            document.closed_at = at
        _sign_permit(document, timezone.localtime(at).date())
    if status == Status.REVOKED:
        document.permit_revoked_at = at
    if status == Status.ARCHIVED:
        document.archived_at = at
    document.save()
    event = DocumentEvent.objects.create(
        document=document,
        status=status,
        at=at,
        actor=actor,
        public_note=public_note,
        internal_note=internal_note,
        by_resident=by_resident,
    )
    if document.sender_email:
        event_pk = event.pk
        transaction.on_commit(
            lambda: notifications.send_status_change(DocumentEvent.objects.get(pk=event_pk))
        )
    return event


@transaction.atomic
def assign(*, document: Document, user: Any, actor: Any = None, internal_note: str = "") -> Document:
    """Give a document to a clerk; a newly registered one becomes "assigned" for the citizen."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    document.assigned_to = user
    document.save(update_fields=["assigned_to"])
    note = internal_note or str(_("Assigned to %(user)s") % {"user": user.get_username()})
    if document.status == Status.REGISTERED:
        change_status(document=document, status=Status.ASSIGNED, actor=actor, internal_note=note)
    else:
        DocumentEvent.objects.create(
            document=document, status=document.status, actor=actor, internal_note=note, public=False
        )
    document.refresh_from_db()
    return document


def initials(name: str) -> str:
    """ "Ana-Maria Popescu" -> "A.M.P.": enough to match a permit to its holder, no more."""
    parts = [part for part in name.replace("-", " ").split() if part[:1].isalpha()]
    return "".join(f"{p[0].upper()}." for p in parts)[:12]


def _sign_permit(document: Document, issued_on: dt.date) -> None:
    document.permit_issued_on = issued_on
    document.permit_revoked_at = None
    document.permit_token = qr.sign(
        "permit", {"n": document.number, "h": initials(document.sender_name), "d": issued_on.isoformat()}
    )


def permit_url(document: Document) -> str:
    """What the permit's QR encodes: the portal's /verify page with the signed token."""
    if not document.permit_token:
        raise ValidationError(_("This document has no issued permit."))
    return qr.verify_url(document.permit_token)


def is_permit_revoked(payload: dict[str, Any]) -> bool:
    """Revocation check for signed permit tokens (registered in AppConfig.ready)."""
    number = payload.get("n")
    return Document.objects.filter(number=number, permit_revoked_at__isnull=False).exists()


def revoke_permit(
    *, document: Document, actor: Any = None, public_note: str = "", internal_note: str = ""
) -> Document:
    """Withdraw an issued permit: its QR then verifies as "revoked", the tracking page says so
    with the date and `public_note` (the reason meant for the resident), who is e-mailed."""
    change_status(
        document=document,
        status=Status.REVOKED,
        actor=actor,
        public_note=public_note,
        internal_note=internal_note or str(_("Permit revoked")),
    )
    document.refresh_from_db()
    return document


def record_scan(document: Document) -> None:
    """Count a visit of the tracking page (a KPI), without a read-modify-write race."""
    Document.objects.filter(pk=document.pk).update(tracking_scans=F("tracking_scans") + 1)


@transaction.atomic
def record_wrong_pin(*, document: Document, limits: Any, now: dt.datetime | None = None) -> bool:
    """Count a wrong PIN for `document`, from whichever address. The `limits.per_document`-th
    one in a row (each within `limits.document_lock_seconds` of the last) locks its lookups by
    number and PIN for that long; staff see it in the registry, the resident is e-mailed.
    Returns True when this failure locked the document."""
    now = now or timezone.now()
    window = dt.timedelta(seconds=limits.document_lock_seconds)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.pin_failed_at is None or now - document.pin_failed_at > window:
        document.pin_failures = 0
    document.pin_failures += 1
    document.pin_failed_at = now
    locked = document.pin_failures >= limits.per_document
    if locked:
        document.pin_failures = 0
        document.pin_locked_until = now + window
    document.save(update_fields=["pin_failures", "pin_failed_at", "pin_locked_until"])
    if locked:
        until = timezone.localtime(document.pin_locked_until)
        DocumentEvent.objects.create(
            document=document,
            status=document.status,
            at=now,
            internal_note=str(
                _("PIN lookups locked until %(until)s after %(count)d wrong PINs.")
                % {"until": until.strftime("%Y-%m-%d %H:%M"), "count": limits.per_document}
            ),
            public=False,
        )
        if document.sender_email:
            pk = document.pk
            transaction.on_commit(lambda: notifications.send_pin_locked(Document.objects.get(pk=pk)))
    return locked


@transaction.atomic
def answer_information_request(
    *, document: Document, message: str, files: Iterable[UploadedFile] = ()
) -> DocumentEvent:
    """The resident's answer, from the tracking page, to "needs more information": their
    message and files (already validated against the service's policy) go to the clerk, and
    the document returns to review with a public step in its history."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Status.NEEDS_INFO:
        raise ValidationError(_("This document is not waiting for more information."))
    files = list(files)
    if not message.strip() and not files:
        raise ValidationError(_("Write an answer or attach a file."))
    with translation.override(document.language):
        note = str(_("The resident sent more information."))
    event = change_status(
        document=document,
        status=Status.IN_REVIEW,
        public_note=note,
        internal_note=message.strip(),
        by_resident=True,
    )
    _attach(document, files, event)
    return event


PERSONAL_FIELDS = {
    "sender_name": "",
    "sender_email": "",
    "sender_phone": "",
    "sender_address": "",
    "message": "",
    "form_data": {},
}


def _retention_cutoff(now: dt.datetime, years: int) -> dt.datetime:
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def _erase_personal_data(document: Document, now: dt.datetime) -> None:
    for attachment in document.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    for field, empty in PERSONAL_FIELDS.items():
        setattr(document, field, empty)
    document.subject = str(document.service or _("Document"))[:255]
    document.personal_data_purged_at = now
    document.save()
    document.events.update(internal_note="", public_note="")


@transaction.atomic
def purge_personal_data(*, now: dt.datetime | None = None) -> int:
    """Erase the personal data (sender, message, answers, attachments, notes) of archived
    documents past their service's retention period, and of documents never archived
    DOCUMENTS_UNARCHIVED_RETENTION_YEARS after their last change. Number, service, department,
    channel, statuses and dates stay: they are the anonymous statistics. Returns how many were
    purged."""
    now = now or timezone.now()
    purged = 0
    pending = Document.objects.filter(personal_data_purged_at__isnull=True).select_related("service")
    archived = pending.filter(status=Status.ARCHIVED, archived_at__isnull=False)
    policies: dict[int | None, ServiceRegistryPolicy] = {}
    for document in archived.iterator():
        if document.service_id not in policies:
            policies[document.service_id] = policy_for(document.service)
        if document.archived_at > _retention_cutoff(now, policies[document.service_id].retention_years):
            continue
        _erase_personal_data(document, now)
        purged += 1
    never_archived = pending.exclude(status=Status.ARCHIVED).filter(
        updated_at__lte=_retention_cutoff(now, settings.DOCUMENTS_UNARCHIVED_RETENTION_YEARS)
    )
    for document in never_archived.iterator():
        _erase_personal_data(document, now)
        purged += 1
    return purged


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return str(value)


def register_online_request(*, service: RegistryFormPage, form: Any, language: str | None = None) -> Document:
    """Register what a citizen sent through a service page's form (fields configured by the
    editors): contact details come from the fields declared to hold them (their role), the
    rest is kept as answers."""
    from .forms import sender_details  # the forms import this module

    fields = list(service.get_form_fields())
    answers = {field.clean_name: _plain(form.cleaned_data.get(field.clean_name)) for field in fields}
    contact = sender_details(fields, form.cleaned_data)
    texts = [
        str(form.cleaned_data[field.clean_name])
        for field in fields
        if field.field_type == "multiline" and not field.role and form.cleaned_data.get(field.clean_name)
    ]
    return register_document(
        channel="online",
        subject=default_locale_page(service).title,
        service=service,
        message="\n\n".join(texts),
        form_data=answers,
        files=form.cleaned_data.get("attachments") or [],
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        **contact,
    )
