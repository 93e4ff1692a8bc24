"""Erase personal data past its retention period, in every app that declares a retention rule."""

from django.core.management.base import BaseCommand

from portal.core.contracts import retention_rules
from portal.core.purge import purge_personal_data


class Command(BaseCommand):
    help = "Erase or anonymise personal data past retention in every app; statistics stay."

    def handle(self, *args, **options) -> None:
        rules = retention_rules()
        counts = purge_personal_data(rules=rules)
        for rule in rules:
            self.stdout.write(f"{rule.key}: {counts[rule.key]} — {rule.description}")
        self.stdout.write(f"Total: {sum(counts.values())} record(s).")
