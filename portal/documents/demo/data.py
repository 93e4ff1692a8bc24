"""The demo registry: a handful of documents in several statuses and channels, among them the
one the chatbot's demo looks up (AR-2026-000123, PIN 482193, in review)."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_NUMBER = "AR-2026-000123"
DEMO_PIN = "482193"


@dataclass(frozen=True)
class DocumentData:
    sequence: int
    pin: str
    channel: str
    service_slug: str | None
    subject: str
    sender: str
    path: tuple[str, ...]  # statuses after "registered", in order
    days_ago: int
    public_note: str = ""


DOCUMENTS: tuple[DocumentData, ...] = (
    DocumentData(
        sequence=123,
        pin=DEMO_PIN,
        channel="online",
        service_slug=None,
        subject="Cerere certificat de urbanism",
        sender="Ioana Mureșan",
        path=("assigned", "in_review"),
        days_ago=9,
        public_note="Dosarul este analizat de Direcția Urbanism.",
    ),
    DocumentData(
        sequence=101,
        pin="135791",
        channel="counter",
        service_slug=None,
        subject="Cerere certificat de atestare fiscală",
        sender="Gheorghe Țurcan",
        path=("assigned", "in_review", "approved", "issued"),
        days_ago=40,
    ),
    DocumentData(
        sequence=102,
        pin="246802",
        channel="email",
        service_slug=None,
        subject="Sesizare iluminat public",
        sender="Kovács Éva",
        path=("assigned", "needs_info"),
        days_ago=20,
        public_note="Vă rugăm să precizați adresa exactă.",
    ),
    DocumentData(
        sequence=103,
        pin="9753",
        channel="post",
        service_slug=None,
        subject="Petiție spații verzi",
        sender="Andrei Pătrașcu",
        path=(),
        days_ago=3,
    ),
    DocumentData(
        sequence=104,
        pin="864209",
        channel="online",
        service_slug=None,
        subject="Cerere autorizație de construire",
        sender="Szabó Péter",
        path=("assigned", "in_review", "rejected", "archived"),
        days_ago=120,
    ),
)
