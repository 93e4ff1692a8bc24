"""Load the demo city of Arad in Romanian, English and Hungarian: `manage.py load_demo`."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from portal.core.demo.loader import load_demo
from portal.home.models import HomePage

# They log every page save and search-index task at INFO; the progress lines say enough.
CHATTY_LOGGERS = ("wagtail", "django_tasks")
# Each app's own demo data, in the order they build on each other (`--all`).
APP_DEMOS = (
    "load_demo_documents",
    "load_demo_map",
    "load_demo_opendata",
    "load_demo_cctv",
    "load_demo_budget",
    "load_demo_safety",
    "load_demo_kpi",
    "load_demo_training",
    "load_demo_consultations",
    "load_demo_neighbours",
)


class Command(BaseCommand):
    help = (
        "Create or update the demo city of Arad (home, departments, services, news, contact) in "
        "ro/en/hu and make it the default site's root. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has a home page (make run uses this).",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Then each app's demo data: " + ", ".join(APP_DEMOS) + ".",
        )

    def handle(self, *args, verbosity: int, if_empty: bool, all: bool, **options) -> None:
        if if_empty and HomePage.objects.exists():
            if verbosity:
                self.stdout.write("The database already holds a city; demo not loaded.")
            return
        with _quieter(CHATTY_LOGGERS if verbosity < 3 else ()):
            summary = load_demo(progress=self._progress if verbosity else None)
            if verbosity:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Demo city loaded: {summary.pages} pages ({summary.created} created, "
                        f"{summary.updated} updated, {summary.unchanged} unchanged), "
                        f"{summary.removed} placeholder page(s) removed, "
                        f"{summary.locales_created} locale(s) added."
                    )
                )
            for command in APP_DEMOS if all else ():
                if verbosity:
                    self.stdout.write(f"== {command}")
                call_command(command, verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)

    def _progress(self, step: int, total: int, label: str) -> None:
        self.stdout.write(f"[{step:>{len(str(total))}}/{total}] {label}")


@contextmanager
def _quieter(names: tuple[str, ...]) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
