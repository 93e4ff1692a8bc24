"""Registration numbers stay gapless and unique when many clerks and citizens register at
the same moment: real concurrent transactions, each in its own connection. On PostgreSQL the
counter row is locked (SELECT ... FOR UPDATE); on SQLite writers queue at BEGIN IMMEDIATE."""

from __future__ import annotations

import threading

from django.db import connections
from django.utils import timezone

from portal.documents import services
from portal.documents.models import Document

THREADS = 8
EACH = 5


def test_parallel_registrations_get_gapless_unique_numbers(transactional_db):
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
