"""Load the demo safety notices of the vigilant neighbours: `manage.py load_demo_neighbours`."""

from django.core.management.base import BaseCommand

from neighbours.demo.loader import load_demo_neighbours


class Command(BaseCommand):
    help = "Load the demo safety notices for the demo districts (after load_demo_cctv; idempotent)."

    def handle(self, *args, **options):
        count = load_demo_neighbours()
        self.stdout.write(self.style.SUCCESS(f"Demo safety notices loaded: {count}"))
