"""Write the tutorial of every e-service again where it changed: `manage.py generate_tutorials`."""

from django.core.management.base import BaseCommand, CommandParser

from training.services.tutorial_generation import Report, generate_all_tutorials


class Command(BaseCommand):
    help = (
        "Generate a tutorial lesson in each language for every live e-service, from its fields "
        "and online form, with screenshots of the form taken in Chromium. Unchanged services are "
        "left alone; editors' own words are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--service", action="append", dest="slugs", help="Only this service (slug); repeatable."
        )
        parser.add_argument("--force", action="store_true", help="Write every tutorial again.")
        shots = parser.add_mutually_exclusive_group()
        shots.add_argument("--screenshots", action="store_true", default=None, help="Take screenshots.")
        shots.add_argument(
            "--no-screenshots", action="store_false", dest="screenshots", help="Text-only steps (faster)."
        )
        parser.add_argument("--base-url", default=None, help="A running portal to take screenshots from.")

    def handle(self, *args, verbosity: int, slugs, force: bool, screenshots, base_url, **options) -> None:
        report = generate_all_tutorials(
            screenshots=screenshots,
            force=force,
            base_url=base_url,
            slugs=slugs,
            progress=self._progress if verbosity > 1 else None,
        )
        if verbosity:
            write_report(self, report)

    def _progress(self, step: int, total: int, label: str) -> None:
        self.stdout.write(f"[{step:>{len(str(total))}}/{total}] {label}")


def write_report(command: BaseCommand, report: Report) -> None:
    """The summary line (and why tutorials have no screenshots, when Chromium is missing)."""
    seconds = sum(o.seconds for o in report.outcomes)
    shots = sum(o.screenshots for o in report.outcomes)
    command.stdout.write(
        command.style.SUCCESS(
            f"Tutorials: {report.count('created')} created, {report.count('updated')} updated, "
            f"{report.count('unchanged')} unchanged, {report.count('skipped')} skipped; "
            f"{shots} screenshot(s) in {seconds:.1f} s."
        )
    )
    if report.chromium_missing:
        command.stderr.write("Chromium or Playwright is missing: tutorials were written without screenshots.")
    for outcome in report.outcomes:
        if outcome.status == "skipped":
            command.stderr.write(f"{outcome.service} ({outcome.language}) skipped: {outcome.reason}")
