"""Load the demo call points, alert buttons and the alert-button e-service: `manage.py load_demo_safety`."""

from django.core.management.base import BaseCommand

from safety.demo.loader import load_demo_safety


class Command(BaseCommand):
    help = "Load the demo city's call points, alert buttons, alert history and e-service (idempotent)."

    def handle(self, *args, **options):
        steps = iter(range(1, 4))
        counts = load_demo_safety(progress=lambda message: self.stdout.write(f"[{next(steps)}/3] {message}"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo safety devices loaded: " + ", ".join(f"{n} {what}" for what, n in counts.items())
            )
        )
