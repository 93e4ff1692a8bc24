"""Give the CCTV operators role the register's permissions (see portal/core/roles.py)."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("core", "0001_roles"), ("cctv", "0001_initial")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
