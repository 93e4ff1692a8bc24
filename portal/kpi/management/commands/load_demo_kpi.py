"""Load the demo plan's roadmap and funding of every solution: `manage.py load_demo_kpi`."""

from django.core.management.base import BaseCommand

from portal.kpi.demo.loader import load_demo_kpi


class Command(BaseCommand):
    help = "Load the demo roadmap activities and funding commitments of the plan's solutions (idempotent)."

    def handle(self, *args, verbosity: int, **options) -> None:
        steps = iter(range(1, 3))

        def progress(message: str) -> None:
            if verbosity:
                self.stdout.write(f"[{next(steps)}/2] {message}")

        counts = load_demo_kpi(progress=progress)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    "Demo roadmap and funding loaded: "
                    + ", ".join(f"{n} {what}" for what, n in counts.items())
                )
            )
