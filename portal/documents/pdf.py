"""Printable PDFs: the citizen's receipt, a sheet of QR labels, a single label for label
printers and the signed QR of an issued permit. DejaVu Sans covers ș, ț, ő and ű."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from portal.core.city import get_city
from portal.qr.services import qr_png

from .models import Document
from .selectors import public_status, tracking_url

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
A6 = (105.0, 148.0)  # mm; fpdf2 names A3 to A5 only
# fpdf2 subsets the font through fontTools, which logs every table at INFO.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def _pdf(**kwargs) -> FPDF:
    pdf = FPDF(**kwargs)
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
    pdf.set_creator(get_city().authority())
    return pdf


def _qr(pdf: FPDF, data: str, x: float, y: float, size: float) -> None:
    pdf.image(io.BytesIO(qr_png(data, box_size=8)), x=x, y=y, w=size, h=size)


def receipt_pdf(document: Document, *, lang: str | None = None) -> bytes:
    """A4 receipt: number, PIN, service, dates and the tracking QR; no personal data."""
    with translation.override(lang or document.language):
        status = public_status(document)
        pdf = _pdf(format="A4")
        pdf.set_title(_("Registration receipt %(number)s") % {"number": document.number})
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 18)
        pdf.cell(0, 12, _("Registration receipt"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 11)
        pdf.cell(0, 7, get_city().authority(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        rows = [
            (_("Registration number"), document.number),
            (_("PIN for lookups"), document.pin),
            (_("Registered at"), date_format(timezone.localtime(document.registered_at), "DATETIME_FORMAT")),
            (_("Service"), status["service"] or "—"),
            (_("Status"), status["status_label"]),
            (
                _("Expected completion"),
                date_format(document.due_date, "DATE_FORMAT") if document.due_date else "—",
            ),
        ]
        for label, value in rows:
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(55, 8, label)
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 8, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        _qr(pdf, status["tracking_url"], x=pdf.l_margin, y=pdf.get_y(), size=60)
        pdf.set_y(pdf.get_y() + 64)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(
            0,
            6,
            _("Scan the code or open this address to follow your document:"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(0, 6, status["tracking_url"], new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())


def _label(pdf: FPDF, document: Document, x: float, y: float, w: float, h: float) -> None:
    size = min(h - 4, w * 0.45)
    _qr(pdf, tracking_url(document.token), x=x + 2, y=y + (h - size) / 2, size=size)
    text_x = x + size + 4
    pdf.set_xy(text_x, y + h / 2 - 7)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(w - size - 6, 6, document.number)
    pdf.set_xy(text_x, y + h / 2)
    pdf.set_font("DejaVu", "", 7)
    pdf.cell(w - size - 6, 5, date_format(timezone.localtime(document.registered_at), "DATE_FORMAT"))


def labels_sheet_pdf(documents: Sequence[Document]) -> bytes:
    """A4 sheet of 3 × 8 labels (70 × 37 mm, the common office label stock)."""
    pdf = _pdf(format="A4", unit="mm")
    columns, rows, w, h = 3, 8, 70.0, 37.125
    for index, document in enumerate(documents):
        if index % (columns * rows) == 0:
            pdf.add_page()
        cell = index % (columns * rows)
        _label(pdf, document, x=(cell % columns) * w, y=(cell // columns) * h, w=w, h=h)
    if not documents:
        pdf.add_page()
    return bytes(pdf.output())


def single_label_pdf(document: Document) -> bytes:
    """One 62 × 29 mm label: the size of common thermal label printers' die-cut rolls."""
    pdf = _pdf(format=(62, 29), unit="mm")
    pdf.set_margins(0, 0)
    pdf.add_page()
    _label(pdf, document, x=0, y=0, w=62, h=29)
    return bytes(pdf.output())


def permit_qr_pdf(document: Document, verify_address: str) -> bytes:
    """The signed QR to print on an issued permit, with the number and the verification hint."""
    pdf = _pdf(format=A6, unit="mm")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 8, document.number, new_x="LMARGIN", new_y="NEXT")
    _qr(pdf, verify_address, x=pdf.l_margin, y=pdf.get_y() + 2, size=70)
    pdf.set_y(pdf.get_y() + 76)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(0, 4, _("Scan to check that this permit is genuine."), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
