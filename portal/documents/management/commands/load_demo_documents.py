"""Load the demo document registry (idempotent); prints the demo number and PIN."""

from django.core.management.base import BaseCommand

from portal.documents import demo


class Command(BaseCommand):
    help = "Add demo documents to the registry (after load_demo); safe to run again."

    def handle(self, *args, **options) -> None:
        verbose = options["verbosity"] > 0
        made = demo.load(
            progress=(lambda message: self.stdout.write(f"  {message}"))
            if verbose
            else (lambda message: None)
        )
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo documents: {made} added. Try {demo.DEMO_NUMBER} with PIN {demo.DEMO_PIN}."
                )
            )
