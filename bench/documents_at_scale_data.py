"""The data of bench/documents_at_scale.py: the demo city's pages, then `documents` registered
documents written by SQL, one statement per year, valid as the registry makes them (numbers 1..n
of each year with the counters set to match, random tracking tokens and PINs, first events)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECOND_SERIES = "URB"  # a service's own prefix (registry policy): a second series for the writers
YEARS = (2022, 2023, 2024, 2025, 2026)
# Statuses by weight (20 slots each): past years are mostly closed, this year mostly open.
PAST = ["archived"] * 12 + ["approved"] * 4 + ["rejected"] * 2 + ["in_review"] * 1 + ["needs_info"]
THIS_YEAR = (
    (["registered"] * 4 + ["assigned"] * 3 + ["in_review"] * 5 + ["needs_info"] * 1 + ["approved"] * 3)
    + ["rejected"] * 2
    + ["archived"] * 2
)
FINAL = ("approved", "rejected", "archived")


def _documents_sql() -> str:
    """One year's documents: sequence 1..n, registration times spread over the year in number
    order, a service (and its department and legal term) in turn, a weighted status."""
    return """
    INSERT INTO documents_document (
        number, year, sequence, token, pin, channel, service_id, department_id, subject, message,
        sender_name, sender_email, sender_phone, sender_address, form_data, language, status,
        registered_at, updated_at, due_date, closed_at, archived_at, permit_token, tracking_scans,
        pin_failures)
    SELECT %(prefix)s || '-' || %(year)s || '-' || lpad(s.seq::text, 6, '0'), %(year)s, s.seq,
        translate(encode(substring(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
            FROM 1 FOR 24), 'base64'), '+/', '-_'),
        lpad(floor(random() * 1000000)::int::text, 6, '0'),
        (ARRAY['online', 'counter', 'email', 'post', 'chatbot'])[1 + s.seq %% 5],
        s.service, s.department, s.subject, '', 'Persoana ' || s.seq, '', '', '', '{}'::jsonb,
        (ARRAY['ro', 'ro', 'ro', 'hu', 'en'])[1 + s.seq %% 5], s.status,
        s.at, s.changed, (s.at + make_interval(days => s.term))::date,
        CASE WHEN s.status = ANY(%(final)s) THEN s.changed END,
        CASE WHEN s.status = 'archived' THEN s.changed END, '', 0, 0
    FROM (
        SELECT g.seq, g.at, svc.service, svc.department, svc.subject, svc.term, st.status,
            CASE WHEN st.status = 'registered' THEN g.at
                 ELSE LEAST(g.at + interval '9 days', now()) END AS changed
        FROM (
            SELECT seq, %(start)s::timestamptz + (seq - 1) * %(step)s * interval '1 second' AS at
            FROM generate_series(1, %(count)s) AS seq
        ) g
        CROSS JOIN LATERAL (
            SELECT (%(services)s::int[])[1 + g.seq %% %(n_services)s] AS service,
                   (%(departments)s::int[])[1 + g.seq %% %(n_services)s] AS department,
                   (%(subjects)s::text[])[1 + g.seq %% %(n_services)s] AS subject,
                   (%(terms)s::int[])[1 + g.seq %% %(n_services)s] AS term
        ) svc
        CROSS JOIN LATERAL (
            SELECT (%(statuses)s::text[])[1 + (g.seq * 7919) %% 20] AS status
        ) st
    ) s
    """


def _events_sql() -> str:
    """Each document's first event, and the event that brought its current status."""
    return """
    INSERT INTO documents_documentevent (document_id, status, at, public_note, internal_note,
                                          public, by_resident)
    SELECT id, 'registered', registered_at, '', '', true, false FROM documents_document
    UNION ALL
    SELECT id, status, updated_at, CASE WHEN status = 'needs_info'
        THEN 'Va rugam sa trimiteti copia actului de proprietate.' ELSE '' END, '', true, false
    FROM documents_document WHERE status <> 'registered'
    """


def _per_year(documents: int) -> dict[int, int]:
    each = documents // len(YEARS)
    return {year: each for year in YEARS[:-1]} | {YEARS[-1]: documents - each * (len(YEARS) - 1)}


def seed(documents: int) -> None:
    """Migrate, load the demo city's pages once, and make the registry hold `--documents`."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale

    from portal.core.city import get_city
    from portal.documents.models import (
        Document,
        DocumentEvent,
        NumberSequence,
        ServiceRegistryPolicy,
        service_model,
    )
    from portal.home.models import HomePage

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        started = time.perf_counter()
        call_command("load_demo", verbosity=0)
        print(f"demo city's pages loaded in {time.perf_counter() - started:.0f} s")
    if not (ROOT / "var" / "bench-static" / "staticfiles.json").exists():
        call_command("collectstatic", verbosity=0, interactive=False)
    services = list(service_model().objects.filter(locale=Locale.get_default()).order_by("path"))
    if not services:
        raise SystemExit("the demo city has no services")
    urban = services[0]
    ServiceRegistryPolicy.objects.update_or_create(service=urban, defaults={"number_prefix": SECOND_SERIES})
    prefix = get_city().number_prefix
    counts = _per_year(documents)
    with connection.cursor() as cursor:  # forget what earlier runs' writers registered
        beyond = " OR ".join(f"(year = {year} AND sequence > {count})" for year, count in counts.items())
        where = f"number NOT LIKE %s OR {beyond}"
        cursor.execute(
            f"DELETE FROM documents_documentevent WHERE document_id IN "
            f"(SELECT id FROM documents_document WHERE {where})",
            [f"{prefix}-%"],
        )
        cursor.execute(f"DELETE FROM documents_document WHERE {where}", [f"{prefix}-%"])
    if Document.objects.count() == documents:
        NumberSequence.objects.all().delete()
        for year, count in counts.items():
            NumberSequence.objects.create(prefix=prefix, year=year, last=count)
        print(f"{documents:,} documents already loaded")
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE documents_attachment, documents_documentevent, documents_document CASCADE")
        NumberSequence.objects.all().delete()
        now = timezone.now()
        for year, count in counts.items():
            start = timezone.make_aware(dt.datetime(year, 1, 2, 8, 0))
            end = min(timezone.make_aware(dt.datetime(year, 12, 30, 16, 0)), now)
            cursor.execute(
                _documents_sql(),
                {
                    "prefix": prefix,
                    "year": year,
                    "count": count,
                    "start": start,
                    "step": (end - start).total_seconds() / count,
                    "services": [s.pk for s in services],
                    "departments": [s.department_id for s in services],
                    "subjects": [s.title[:255] for s in services],
                    "terms": [s.processing_days or 30 for s in services],
                    "n_services": len(services),
                    "statuses": THIS_YEAR if year == YEARS[-1] else PAST,
                    "final": list(FINAL),
                },
            )
            NumberSequence.objects.create(prefix=prefix, year=year, last=count)
        cursor.execute(_events_sql())
        cursor.execute("ANALYZE documents_document")
        cursor.execute("ANALYZE documents_documentevent")
    elapsed = time.perf_counter() - started
    events = DocumentEvent.objects.count()
    print(f"loaded {documents:,} documents and {events:,} events in {elapsed:.0f} s")
