"""Create the staff roles (see portal/core/roles.py)."""

from django.db import migrations

from portal.core.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("simple_translation", "__latest__"),
        ("home", "0001_initial"),
        ("services", "0001_initial"),
        ("kpi", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
