"""Load the demo document registry (idempotent); prints the demo number and PIN."""

from django.core.management.base import BaseCommand

from portal.documents.demo.data import DEMO_NUMBER, DEMO_PIN
from portal.documents.demo.loader import load_demo_documents


class Command(BaseCommand):
    help = "Add demo documents to the registry (after load_demo); safe to run again."

    def handle(self, *args, **options) -> None:
        verbose = options["verbosity"] > 0
        made = load_demo_documents(
            progress=(lambda message: self.stdout.write(f"  {message}"))
            if verbose
            else (lambda message: None)
        )
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(f"Demo documents: {made} added. Try {DEMO_NUMBER} with PIN {DEMO_PIN}.")
            )
