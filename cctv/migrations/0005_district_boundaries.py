"""GIS editors may draw and import district boundaries (see portal/core/roles.py)."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("cctv", "0004_merge_nonces_and_translations"), ("gismap", "0002_roles")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
