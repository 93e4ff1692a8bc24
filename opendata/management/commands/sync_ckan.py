from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from opendata.clients import RemoteCatalogue
from opendata.services import sync


class Command(BaseCommand):
    help = "Push local public datasets to a remote CKAN, or pull (harvest) its datasets."

    def add_arguments(self, parser) -> None:
        parser.add_argument("direction", choices=["push", "pull"])
        parser.add_argument("--url", default=getattr(settings, "OPENDATA_CKAN_URL", ""))
        parser.add_argument("--token", default=getattr(settings, "OPENDATA_CKAN_TOKEN", ""))
        parser.add_argument("--dry-run", action="store_true", help="push: show what would change")
        parser.add_argument("--organization", action="append", help="pull: only these remote organizations")

    def handle(
        self,
        *args,
        direction: str,
        url: str,
        token: str,
        dry_run: bool,
        organization,
        verbosity: int,
        **options,
    ) -> None:
        if not url:
            raise CommandError("No remote CKAN: pass --url or set OPENDATA_CKAN_URL")
        client = RemoteCatalogue(url, token)
        progress = self._progress if verbosity else None
        if direction == "push":
            summary = sync.push(client=client, dry_run=dry_run, progress=progress)
        else:
            summary = sync.pull(client=client, organizations=organization, progress=progress)
        for name, error in summary.failed.items():
            self.stderr.write(f"failed: {name}: {error}")
        label = "dry run: " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{label}{direction} {url}: {summary}"))
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} dataset(s) failed; run again to resume")

    def _progress(self, step: int, total: int, label: str) -> None:
        self.stdout.write(f"[{step:>{len(str(total))}}/{total}] {label}")
