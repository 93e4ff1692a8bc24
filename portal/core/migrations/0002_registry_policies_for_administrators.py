"""Registry clerks lose the right to edit registry policies; a registry administrator role gets
it (see portal/core/roles.py). Re-syncing replaces each group's permissions with ROLES'."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_roles"),
        ("documents", "0002_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
