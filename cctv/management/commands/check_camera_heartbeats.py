"""Mark silent cameras faulty now: `manage.py check_camera_heartbeats` (also a Celery beat job)."""

from django.core.management.base import BaseCommand

from cctv.services.health import mark_silent_cameras


class Command(BaseCommand):
    help = "Mark cameras without a heartbeat for CCTV_HEARTBEAT_TIMEOUT as faulty."

    def handle(self, *args, **options):
        marked = mark_silent_cameras()
        for camera in marked:
            self.stdout.write(
                f"  faulty: {camera.code} (last heartbeat {camera.last_heartbeat_at:%Y-%m-%d %H:%M})"
            )
        self.stdout.write(self.style.SUCCESS(f"{len(marked)} camera(s) marked faulty."))
