"""Mark call points and alert buttons silent for too long as faulty: `manage.py check_safety_heartbeats`."""

from django.core.management.base import BaseCommand

from safety.services.devices import mark_silent_devices


class Command(BaseCommand):
    help = "Devices in service without a heartbeat for SAFETY_HEARTBEAT_TIMEOUT become faulty."

    def handle(self, *args, **options):
        marked = mark_silent_devices()
        self.stdout.write(f"{len(marked)} device(s) marked faulty: " + ", ".join(d.code for d in marked))
