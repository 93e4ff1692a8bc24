"""The Safety operators role (a Wagtail group, shared with the safety console): admin access and
every permission of the vigilant-neighbours models, including sending notices. Created if
missing, permissions added (never removed), so either app may come first."""

from django.db import migrations

from portal.core.roles import _ensure_permissions_exist

GROUP = "Safety operators"


def grant(apps, schema_editor):
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    permissions = (
        Permission.objects.filter(content_type__app_label="neighbours")
        | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
        | Permission.objects.filter(content_type__app_label="cctv", codename="view_district")
    )
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="neighbours"))


class Migration(migrations.Migration):
    dependencies = [
        ("neighbours", "0001_initial"),
        ("core", "0001_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
