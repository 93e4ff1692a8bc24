"""Take a snapshot of every KPI now: `manage.py snapshot_kpis`."""

from django.core.management.base import BaseCommand, CommandError

from portal.kpi.services import take_snapshot


class Command(BaseCommand):
    help = "Compute every app's KPIs and store a snapshot."

    def handle(self, *args, **options):
        def progress(done: int, total: int, key: str) -> None:
            self.stdout.write(f"[{done}/{total}] {key}")

        result = take_snapshot(progress=progress)
        for snap in result.stored:
            self.stdout.write(f"  {snap.key}: {snap.value} {snap.unit}")
        for key, error in result.failed.items():
            self.stderr.write(self.style.ERROR(f"  {key} failed: {error}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Snapshot at {result.taken_at:%Y-%m-%d %H:%M}: "
                f"{len(result.stored)} stored, {len(result.failed)} failed"
            )
        )
        if result.failed:
            raise CommandError(f"{len(result.failed)} KPI(s) failed")
