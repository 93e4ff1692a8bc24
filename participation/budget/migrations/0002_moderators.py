"""The "Participation moderators" group (shared with other participation apps, found by name)
gets what moderating and answering budget proposals needs: the admin, proposals (moderation,
feasibility and cost with public reasons) and implementation updates; cycles are only read."""

from django.db import migrations

GROUP = "Participation moderators"
CODENAMES = [
    "view_cycle",
    "view_proposal",
    "change_proposal",
    "moderate_proposal",
    "view_implementationupdate",
    "add_implementationupdate",
    "change_implementationupdate",
]
IMAGES = ["add_image", "choose_image"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():  # permissions are normally made after migrations
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="budget", codename__in=CODENAMES)
    )
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # photos of implementation updates: Wagtail grants images per collection (the root here)
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for perm in Permission.objects.filter(content_type__app_label="wagtailimages", codename__in=IMAGES):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="budget"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_roles"),
        ("budget", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
