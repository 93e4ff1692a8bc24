"""Erase the personal data of archived documents past their service's retention period."""

from django.core.management.base import BaseCommand

from portal.documents.services import purge_personal_data


class Command(BaseCommand):
    help = "Erase personal data of archived documents past retention; anonymous statistics stay."

    def handle(self, *args, **options) -> None:
        purged = purge_personal_data()
        self.stdout.write(f"Personal data erased from {purged} archived document(s).")
