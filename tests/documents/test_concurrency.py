"""Registration numbers stay gapless and unique when many clerks and citizens register at
the same moment: real concurrent transactions on PostgreSQL, each in its own connection."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from portal.documents import services
from portal.documents.models import Document

THREADS = 8
EACH = 5


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks (select_for_update is a no-op) and serialises writers itself; "
    "the locking path is proven on PostgreSQL (make test-postgis).",
)
def test_parallel_registrations_get_gapless_unique_numbers(transactional_db, django_db_serialized_rollback):
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            for n in range(EACH):
                services.register_document(channel="online", subject=f"Cerere {index}-{n}")
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    year = timezone.localtime().year
    sequences = sorted(Document.objects.filter(year=year).values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS * EACH + 1))
    numbers = set(Document.objects.values_list("number", flat=True))
    assert len(numbers) == THREADS * EACH
