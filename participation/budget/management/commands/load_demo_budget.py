"""Load the demo participatory budget: `manage.py load_demo_budget` (after load_demo_cctv)."""

from django.core.management.base import BaseCommand

from participation.budget.demo.loader import load_demo_budget


class Command(BaseCommand):
    help = "Load the demo city's participatory budget (idempotent): last year's winners, this year's vote."

    def handle(self, *args, **options):
        counts = load_demo_budget(progress=lambda message: self.stdout.write(f"- {message}"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo participatory budget loaded: " + ", ".join(f"{n} {k}" for k, n in counts.items())
            )
        )
