"""Give the roles their rights on the roadmap and funding records (Editors edit, KPI viewers view)."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [("core", "0001_roles"), ("kpi", "0002_fundingcommitment_initiative_activity")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
