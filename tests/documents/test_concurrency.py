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
    _in_threads(lambda index, n: services.register_document(channel="online", subject=f"Cerere {index}-{n}"))
    year = timezone.localtime().year
    sequences = sorted(Document.objects.filter(year=year).values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS * EACH + 1))
    numbers = set(Document.objects.values_list("number", flat=True))
    assert len(numbers) == THREADS * EACH


def test_parallel_registrations_continue_each_series_counter_without_gaps(transactional_db, city):
    """Two series at once (the registry's default prefix, and a service's own prefix started by
    this very run) while the default one continues a counter that already stood at 500."""
    from portal.core.city import get_city
    from portal.documents.models import NumberSequence, ServiceRegistryPolicy

    year = timezone.localtime().year
    prefix = get_city().number_prefix
    NumberSequence.objects.create(prefix=prefix, year=year, last=500)
    ServiceRegistryPolicy.objects.create(service=city.service, number_prefix="URB")
    _in_threads(
        lambda index, n: services.register_document(
            channel="counter",
            subject=f"Cerere {index}-{n}",
            service=city.service if (index + n) % 2 else None,
        )
    )
    half = THREADS * EACH // 2

    def sequences(start: str) -> list[int]:
        return sorted(Document.objects.filter(number__startswith=start).values_list("sequence", flat=True))

    own, default = sequences("URB-"), sequences(f"{prefix}-")
    assert own == list(range(1, half + 1))
    assert default == list(range(501, 501 + half))
    counters = dict(NumberSequence.objects.filter(year=year).values_list("prefix", "last"))
    assert counters == {prefix: 500 + half, "URB": half}
    assert Document.objects.get(number=f"URB-{year}-{half:06d}").sequence == half


def _in_threads(register) -> None:
    """Run `register(index, n)` EACH times in THREADS threads started together; any error fails."""
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            for n in range(EACH):
                register(index, n)
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
