from django.core.management.base import BaseCommand

from opendata.services.published import refresh_published


class Command(BaseCommand):
    help = "Collect the datasets apps publish automatically (their publishers.py) into the catalogue."

    def handle(self, *args, verbosity: int, **options) -> None:
        summary = refresh_published()
        for key, error in summary.failed.items():
            self.stderr.write(f"failed: {key}: {error}")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(summary.created)} created, {len(summary.updated)} refreshed, "
                    f"{len(summary.retired)} retired, {len(summary.failed)} failed"
                )
            )
