"""Load the demo public consultations and council meetings: `manage.py load_demo_consultations`."""

from django.core.management.base import BaseCommand

from participation.consultations.demo.loader import load_demo_consultations


class Command(BaseCommand):
    help = "Load the demo city's public consultations and council meetings (idempotent)."

    def handle(self, *args, **options):
        counts = load_demo_consultations()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo participation loaded: " + ", ".join(f"{n} {what}" for what, n in counts.items())
            )
        )
