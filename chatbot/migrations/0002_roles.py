"""Give the staff roles (portal/core/roles.py) the chatbot's model permissions."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_roles"),
        ("chatbot", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
