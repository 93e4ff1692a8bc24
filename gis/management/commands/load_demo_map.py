"""Load the demo map of Arad (idempotent): `manage.py load_demo_map`."""

from django.core.management.base import BaseCommand

from gis.demo.loader import load_demo_map


class Command(BaseCommand):
    help = "Load demo map modules, layers, features and public buildings for Arad (idempotent)."

    def handle(self, *args, **options) -> None:
        verbosity = options["verbosity"]

        def say(step: str) -> None:
            if verbosity:
                self.stdout.write(f"  ✓ {step}")

        load_demo_map(say=say)
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Demo map loaded."))
