"""Import a spatial file into a layer from the command line, with a progress display:
`manage.py import_layer <layer key> <file> [--srid 3844] [--id-field nr_cad] [--replace]`.

Rejected rows are listed with their number and reason; the command fails when nothing was
imported."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        parser.add_argument(
            "--allow-outside-area",
            action="store_true",
            help="Keep rows that lie outside the city's area instead of rejecting them.",
        )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        try:
            layer = Layer.objects.get(key=options["layer"])
        except Layer.DoesNotExist as exc:
            raise CommandError(_("No layer %(key)r") % {"key": options["layer"]}) from exc
        path: Path = options["path"].resolve()
        if not path.exists():
            raise CommandError(_("No file %(path)s") % {"path": path})
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

        job = run_import(
            job=job,
            replace=options["replace"],
            progress=progress,
            outside_area=options["allow_outside_area"],
        )
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(job.error)
        self.stdout.write("")
        self._report(job)
        summary = _(
            "%(created)d created, %(updated)d updated, %(repaired)d repaired, %(rejected)d rejected"
        ) % {
            "created": job.created,
            "updated": job.updated,
            "repaired": job.repaired,
            "rejected": job.rejected,
        }
        if not job.created and not job.updated:
            raise CommandError(
                ngettext(
                    "Nothing was imported from %(file)s (%(total)d row): %(summary)s.",
                    "Nothing was imported from %(file)s (%(total)d rows): %(summary)s.",
                    job.total,
                )
                % {"file": job.file_name, "total": job.total, "summary": summary}
            )
        self.stdout.write(self.style.SUCCESS(summary))

    def _report(self, job: ImportJob) -> None:
        """Each rejected or repaired row with its number, id and reason."""
        listed = 0
        for entry in job.report:
            values = {"row": entry["row"], "id": entry["external_id"], "reason": entry["message"]}
            if entry["status"] == "rejected":
                listed += 1
                if entry["external_id"]:
                    line = _("Row %(row)d (id %(id)s) rejected: %(reason)s") % values
                else:
                    line = _("Row %(row)d rejected: %(reason)s") % values
                self.stderr.write(self.style.WARNING(line))
            elif self.verbosity:  # repaired: the message says so
                if entry["external_id"]:
                    line = _("Row %(row)d (id %(id)s): %(reason)s") % values
                else:
                    line = _("Row %(row)d: %(reason)s") % values
                self.stdout.write(line)
        if job.rejected > listed:
            more = job.rejected - listed
            self.stderr.write(
                self.style.WARNING(
                    ngettext(
                        "… and %(count)d more rejected row (the report keeps the first ones).",
                        "… and %(count)d more rejected rows (the report keeps the first ones).",
                        more,
                    )
                    % {"count": more}
                )
            )
