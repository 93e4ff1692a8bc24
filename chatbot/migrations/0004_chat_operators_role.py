"""The "Chat operators" role (portal/core/roles.py) gets the hand-off's permissions."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("chatbot", "0003_handoff"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
