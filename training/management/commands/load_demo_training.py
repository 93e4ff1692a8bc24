"""Load the demo digital-skills programme: `manage.py load_demo_training` (after load_demo)."""

from django.core.management.base import BaseCommand

from training.demo.loader import load_demo_training
from training.services.tutorial_generation import generate_all_tutorials

from .generate_tutorials import write_report


class Command(BaseCommand):
    help = (
        "Create or update the demo training section (courses, lessons, quizzes in ro/en/hu, lessons "
        "linked to services), classroom sessions, and a generated tutorial for every service. "
        "Safe to run again; needs load_demo first. TRAINING_TUTORIAL_SCREENSHOTS=false skips "
        "the screenshots."
    )

    def handle(self, *args, verbosity: int, **options) -> None:
        summary = load_demo_training(progress=self._progress if verbosity else None)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo training loaded: {summary.created} pages created, {summary.updated} updated, "
                    f"{summary.unchanged} unchanged; {summary.sessions} classroom session(s) added."
                )
            )
        # After the load's transaction: the screenshots are taken from a server that must see it.
        report = generate_all_tutorials(progress=self._progress if verbosity > 1 else None)
        if verbosity:
            write_report(self, report)

    def _progress(self, step: int, total: int, label: str) -> None:
        self.stdout.write(f"[{step:>{len(str(total))}}/{total}] {label}")
