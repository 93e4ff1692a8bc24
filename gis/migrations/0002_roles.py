"""Give the GIS editors role the permissions of the map's models."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("core", "0001_roles"), ("gismap", "0001_initial")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
