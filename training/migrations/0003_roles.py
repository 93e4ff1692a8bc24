"""Give the Trainers role the permissions of the training models."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("core", "0001_roles"), ("training", "0002_digcomp")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
