"""Create the first admin account and print its password once: `manage.py ensure_admin`."""

from django.core.management.base import BaseCommand

from portal.core.services import ensure_admin


class Command(BaseCommand):
    help = "Create the 'admin' superuser with a random password if it does not exist yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        password = ensure_admin(username=username)
        if password is None:
            self.stdout.write(
                f"  Admin account '{username}' exists (its password was printed when it was created; "
                f"reset it with: .venv/bin/python manage.py changepassword {username})"
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"  Admin account created — user: {username}  password: {password}  (shown only once)"
                )
            )
