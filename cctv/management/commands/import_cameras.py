"""Import cameras from a CSV or GeoJSON file: `manage.py import_cameras FILE [--dry-run]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cctv.services.importer import ImportFileError, import_cameras


class Command(BaseCommand):
    help = "Create or update cameras by code from CSV/GeoJSON; nothing is saved if any row is bad."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the rows, save nothing.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            report = import_cameras(data=file.read_bytes(), filename=file.name, dry_run=dry_run)
        except (OSError, ImportFileError) as exc:
            raise CommandError(str(exc)) from exc
        for error in report.errors:
            self.stderr.write(f"  row {error.row} ({error.code or '-'}): {error.field}: {error.message}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s) in {report.total} rows: nothing saved.")
        verb = "checked" if dry_run else "imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.total} rows {verb}: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
        )
