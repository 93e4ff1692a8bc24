"""Load the demo camera register, districts, roadmap and funding: `manage.py load_demo_cctv`."""

from django.core.management.base import BaseCommand

from cctv.services.demo import load_demo


class Command(BaseCommand):
    help = "Load Arad's demo districts and cameras and the plan's demo roadmap and funding (idempotent)."

    def handle(self, *args, **options):
        steps = iter(range(1, 5))
        counts = load_demo(progress=lambda message: self.stdout.write(f"[{next(steps)}/4] {message}"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo CCTV register loaded: " + ", ".join(f"{n} {what}" for what, n in counts.items())
            )
        )
