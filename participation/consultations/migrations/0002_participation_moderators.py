"""The "Participation moderators" group: may enter the admin and moderate consultation comments
and requests to speak. Other participation apps find the group by this name."""

from django.db import migrations

GROUP = "Participation moderators"

# Permissions are created after all migrations have run: the ones the group needs are made here.
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    (
        "consultations",
        "consultation",
        "moderate_comment",
        "Can moderate consultation comments and speaker requests",
    ),
    ("consultations", "comment", "view_comment", "Can view comment"),
    ("consultations", "speakerregistration", "view_speakerregistration", "Can view request to speak"),
    ("consultations", "writtenquestion", "view_writtenquestion", "Can view written question"),
]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
