"""Import a spatial file into a layer from the command line, with a progress display:
`manage.py import_layer <layer key> <file> [--srid 3844] [--id-field nr_cad] [--replace]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gis.models import ImportJob, Layer
from gis.services.importer import import_dir, run_import


class Command(BaseCommand):
    help = "Import GeoJSON, GeoPackage, zipped Shapefile, KML or CSV into a map layer."

    def add_arguments(self, parser) -> None:
        parser.add_argument("layer")
        parser.add_argument("path", type=Path)
        parser.add_argument("--srid", type=int, default=None)
        parser.add_argument("--id-field", default="")
        parser.add_argument("--name-field", default="")
        parser.add_argument("--replace", action="store_true")

    def handle(self, *args, **options) -> None:
        try:
            layer = Layer.objects.get(key=options["layer"])
        except Layer.DoesNotExist as exc:
            raise CommandError(f"No layer {options['layer']!r}") from exc
        path: Path = options["path"].resolve()
        if not path.exists():
            raise CommandError(f"No file {path}")
        import_dir().mkdir(parents=True, exist_ok=True)
        job = ImportJob.objects.create(
            layer=layer,
            file_name=path.name,
            path=str(path),
            source_srid=options["srid"],
            id_field=options["id_field"],
            name_field=options["name_field"],
        )

        def progress(done: int, total: int) -> None:
            if options["verbosity"]:
                self.stdout.write(f"\r  {done}/{total} ({100 * done // max(total, 1)}%)", ending="")
                self.stdout.flush()

        job = run_import(job=job, replace=options["replace"], progress=progress)
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(job.error)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{job.created} created, {job.updated} updated, {job.repaired} repaired, "
                f"{job.rejected} rejected"
            )
        )
