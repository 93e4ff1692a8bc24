"""Completion certificates: issued when every lesson of a course is done, printed as a PDF with
a QR code signed by the portal's QR service and a number printed with a short address, so anyone
can check it on /verify, by scanning the code or by typing the number."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from portal.core.city import get_city
from portal.core.storage import private_storage
from portal.qr import services as qr
from training import selectors
from training.models import Certificate, CoursePage

CERTIFICATE_FOLDER = "training/certificates"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core: ș ț ă â î ő ű


def _holder_name(user: AbstractBaseUser) -> str:
    return (user.get_full_name() or user.get_username()).strip()


@transaction.atomic
def issue_certificate_if_complete(*, user: AbstractBaseUser, course: CoursePage) -> Certificate | None:
    """The learner's certificate for `course`, issued now if every lesson is done; else None."""
    existing = Certificate.objects.filter(user=user, course=course).first()
    if existing is not None:
        return existing
    if not selectors.course_is_complete(user=user, course=course):
        return None
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(user=user, course=course, holder_name=_holder_name(user))
    except IntegrityError:
        return Certificate.objects.get(user=user, course=course)
    from .xapi import send_statement

    send_statement(user=user, verb="completed", page=course)
    return certificate


@transaction.atomic
def revoke_certificate(*, certificate: Certificate) -> Certificate:
    """Withdraw a certificate issued in error; its QR then verifies as revoked."""
    certificate.revoked = True
    certificate.save(update_fields=["revoked"])
    return certificate


def certificate_token(certificate: Certificate) -> str:
    """The signed token in the certificate's QR: code, holder, course and date (short keys)."""
    return qr.sign(
        "certificate",
        {
            "id": certificate.code,
            "name": certificate.holder_name,
            "course": certificate.course.title,
            "date": timezone.localdate(certificate.issued_at).isoformat(),
        },
    )


def certificate_file(certificate: Certificate, *, language: str | None = None) -> str:
    """The name, in the private storage, of the certificate's PDF in `language`: made at the first
    download and kept, so every node (and every later download) hands out the same document."""
    if language not in dict(settings.LANGUAGES):
        language = certificate.course.locale.language_code
    storage = private_storage()
    name = f"{CERTIFICATE_FOLDER}/{certificate.code}/{language}.pdf"
    if not storage.exists(name):
        stored = storage.save(name, ContentFile(certificate_pdf(certificate, language=language)))
        if stored != name:  # another node saved it in the meantime: keep one copy
            storage.delete(stored)
    return name


def discard_certificate_files(certificate: Certificate) -> None:
    """Delete the stored PDFs of a certificate (it was deleted: its holder's name goes too)."""
    storage = private_storage()
    for language, _name in settings.LANGUAGES:
        storage.delete(f"{CERTIFICATE_FOLDER}/{certificate.code}/{language}.pdf")


# Letters read aloud or retyped from paper that stand for hex digits (codes are 0-9 A-F).
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_number(typed: str) -> str:
    """A certificate number as typed (spaces, dashes, dots, any case) in the form stored."""
    kept = "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())
    return kept.translate(_CONFUSABLE)


def token_for_number(typed: str) -> str | None:
    """The signed token of the certificate with this printed number, or None (for /verify)."""
    code = normalise_number(typed)
    if not code or len(code) > 16:
        return None
    certificate = Certificate.objects.select_related("course").filter(code=code).first()
    return certificate_token(certificate) if certificate is not None else None


def is_revoked(payload: dict) -> bool:
    """Revocation check registered with the QR service for "certificate" tokens."""
    return Certificate.objects.filter(code=payload.get("id", ""), revoked=True).exists()


def certificate_pdf(certificate: Certificate, *, language: str | None = None) -> bytes:
    """An A4 landscape certificate in the course's language with the verification QR code."""
    course = certificate.course
    language = language or course.locale.language_code
    with translation.override(language):
        competences = [str(c) for c in course.competences.all()]
        url = qr.verify_url(certificate_token(certificate))
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_title(_("Certificate of completion"))
        pdf.set_author(get_city().authority())
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.set_draw_color(10, 61, 98)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, 277, 190)
        pdf.set_text_color(10, 61, 98)
        pdf.set_font("DejaVu", "B", 14)
        pdf.set_xy(20, 22)
        pdf.cell(
            257,
            8,
            _("%(authority)s – digital skills programme") % {"authority": get_city().authority()},
            align="C",
        )
        pdf.set_font("DejaVu", "B", 30)
        pdf.set_xy(20, 42)
        pdf.cell(257, 14, _("Certificate of completion"), align="C")
        pdf.set_text_color(26, 26, 26)
        pdf.set_font("DejaVu", "", 14)
        pdf.set_xy(20, 66)
        pdf.cell(257, 8, _("This certifies that"), align="C")
        pdf.set_font("DejaVu", "B", 24)
        pdf.set_xy(20, 78)
        pdf.cell(257, 12, certificate.holder_name, align="C")
        pdf.set_font("DejaVu", "", 14)
        pdf.set_xy(20, 96)
        pdf.cell(257, 8, _("completed the course"), align="C")
        pdf.set_font("DejaVu", "B", 18)
        pdf.set_xy(30, 108)
        pdf.multi_cell(237, 9, course.title, align="C")
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(20, 132)
        if competences:
            pdf.multi_cell(180, 5, _("DigComp 2.2 competences: %(list)s") % {"list": "; ".join(competences)})
        # The number and a short address, large enough to read and retype from paper.
        pdf.set_xy(20, 160)
        pdf.set_font("DejaVu", "B", 14)
        pdf.cell(180, 7, _("Certificate no. %(number)s") % {"number": certificate.printed_number})
        pdf.set_xy(20, 168)
        pdf.set_font("DejaVu", "", 11)
        pdf.cell(
            180,
            6,
            _("Issued on %(date)s")
            % {"date": date_format(timezone.localdate(certificate.issued_at), "DATE_FORMAT")},
        )
        pdf.set_xy(20, 177)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(180, 5, _("To check this certificate, scan the QR code or open this address:"))
        pdf.set_xy(20, 184)
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(180, 7, qr.number_url(certificate.printed_number))
        pdf.image(io.BytesIO(qr.qr_png(url, box_size=8)), x=212, y=122, w=62, h=62)
        return bytes(pdf.output())
