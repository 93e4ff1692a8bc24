from django.core.management.base import BaseCommand

from opendata.demo.loader import load_demo_opendata


class Command(BaseCommand):
    help = "Load the demo open datasets (idempotent): organizations, datasets, CSVs ingested."

    def handle(self, *args, verbosity: int, **options) -> None:
        counts = load_demo_opendata(progress=self._progress if verbosity else None)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Open data demo loaded: {counts['created']} created, {counts['updated']} updated, "
                    f"{counts['files']} file(s) validated and ingested."
                )
            )

    def _progress(self, step: int, total: int, label: str) -> None:
        self.stdout.write(f"[{step:>{len(str(total))}}/{total}] {label}")
