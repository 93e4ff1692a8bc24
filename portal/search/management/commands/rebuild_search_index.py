"""Remake the search index from the data."""

from django.core.management.base import BaseCommand, CommandError

from portal import search


class Command(BaseCommand):
    help = "Rebuild the search index (every kind, or those named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="kinds to rebuild (default: all)")

    def handle(self, *args, **options):
        unknown = set(options["kinds"]) - set(search.kinds())
        if unknown:
            raise CommandError(
                f"unknown kinds: {', '.join(sorted(unknown))}; known: {', '.join(search.kinds())}"
            )
        for kind, count in search.rebuild(options["kinds"] or None).items():
            self.stdout.write(f"{kind}: {count}")
