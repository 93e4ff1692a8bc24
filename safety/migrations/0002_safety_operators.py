"""The "Safety operators" group: the supervision centre's staff, who handle alerts and keep the
device register. Found or made by its name, and permissions only added, so another app may grant
the same group its own permissions too."""

from django.db import migrations

from portal.core.roles import _ensure_permissions_exist

GROUP = "Safety operators"


def create_group(apps, schema_editor):
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    # Alerts come from devices and are never deleted: operators handle them, nothing more.
    perms = Permission.objects.filter(content_type__app_label="safety").exclude(
        codename__in=("add_alert", "delete_alert")
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*perms)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(content_type__app_label="safety"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_roles"),
        ("safety", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_permissions)]
