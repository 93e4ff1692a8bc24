"""Load the demo camera register and districts: `manage.py load_demo_cctv`."""

from django.core.management.base import BaseCommand

from cctv.demo.loader import load_demo_cctv


class Command(BaseCommand):
    help = "Load Arad's demo districts and cameras (idempotent); the plan's roadmap is load_demo_kpi's."

    def handle(self, *args, **options):
        steps = iter(range(1, 3))
        counts = load_demo_cctv(progress=lambda message: self.stdout.write(f"[{next(steps)}/2] {message}"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo CCTV register loaded: " + ", ".join(f"{n} {what}" for what, n in counts.items())
            )
        )
