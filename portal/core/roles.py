"""Staff roles as Wagtail groups, each with only the permissions its work needs.

`sync_roles(apps)` is idempotent and only grants permissions that exist, so each app that
lands later (documents, gis, opendata, cctv, training) calls it again from a data migration
and its models' permissions reach the roles listed here without editing earlier migrations.
"""

from __future__ import annotations

from typing import Any

# Model permissions as "app_label.codename"; "app_label.*" grants all of an app's models' ones.
# Page permissions apply to the whole page tree; collection ones to images and documents.
ROLES: dict[str, dict[str, list[str]]] = {
    "Editors": {
        "model": [
            "wagtailadmin.access_admin",
            "simple_translation.submit_translation",
            "home.*",
            "services.*",
            # the plan's roadmap and funding shown on the KPI dashboards
            "kpi.add_initiative",
            "kpi.change_initiative",
            "kpi.delete_initiative",
            "kpi.add_activity",
            "kpi.change_activity",
            "kpi.delete_activity",
            "kpi.add_fundingcommitment",
            "kpi.change_fundingcommitment",
            "kpi.delete_fundingcommitment",
        ],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ],
    },
    # Clerks register and handle documents; they read the registry policies (file types, size
    # limits, retention) but only registry administrators set them.
    "Registry clerks": {
        "model": [
            "wagtailadmin.access_admin",
            "documents.add_document",
            "documents.change_document",
            "documents.view_document",
            "documents.view_documentevent",
            "documents.view_attachment",
            "documents.view_serviceregistrypolicy",
        ],
        "page": [],
        "collection": [],
    },
    "Registry administrators": {
        "model": ["wagtailadmin.access_admin", "documents.*"],
        "page": [],
        "collection": [],
    },
    # GIS editors also draw and import the districts' boundaries (density per road km).
    "GIS editors": {
        "model": [
            "wagtailadmin.access_admin",
            "gismap.*",
            "cctv.view_district",
            "cctv.add_district",
            "cctv.change_district",
        ],
        "page": [],
        "collection": ["add_image", "choose_image"],
    },
    "Data publishers": {
        "model": ["wagtailadmin.access_admin", "opendata.*"],
        "page": [],
        "collection": ["add_document", "change_document", "choose_document"],
    },
    "CCTV operators": {
        "model": ["wagtailadmin.access_admin", "cctv.*"],
        "page": [],
        "collection": [],
    },
    # Chat operators answer residents who asked the assistant for a person (the chat inbox);
    # they see only the conversations handed to them, not the chat's usage screens.
    "Chat operators": {
        "model": [
            "wagtailadmin.access_admin",
            "chatbot.view_handoff",
            "chatbot.change_handoff",
            "chatbot.view_chatmessage",
            "chatbot.add_chatmessage",
        ],
        "page": [],
        "collection": [],
    },
    "Trainers": {
        "model": ["wagtailadmin.access_admin", "training.*"],
        "page": [],  # training pages are granted on the training section when it exists
        "collection": ["add_image", "choose_image", "add_document", "change_document", "choose_document"],
    },
    "KPI viewers": {
        "model": [
            "wagtailadmin.access_admin",
            "kpi.view_kpisnapshot",
            "kpi.view_initiative",
            "kpi.view_activity",
            "kpi.view_fundingcommitment",
        ],
        "page": [],
        "collection": [],
    },
}


def _ensure_permissions_exist(apps: Any) -> None:
    """Permissions are normally made after migrations; a data migration needs them now."""
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None


def _permissions(apps: Any, specs: list[str]) -> list[Any]:
    Permission = apps.get_model("auth", "Permission")
    found = []
    for spec in specs:
        app_label, codename = spec.split(".", 1)
        qs = Permission.objects.filter(content_type__app_label=app_label)
        found += list(qs if codename == "*" else qs.filter(codename=codename))
    return found


def sync_roles(apps: Any, schema_editor: Any = None) -> None:
    """Create or update every role group with exactly the permissions listed in ROLES: a
    permission taken out of ROLES is removed from the existing group on the next sync.

    Page and collection permissions are reset on the tree's root only: grants on a section made
    elsewhere (the trainers' rights on the training section) survive a later app's migration.
    """
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, spec["model"]))
        GroupPagePermission.objects.filter(group=group, page=root_page).delete()
        if root_page is not None:
            for perm in Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=spec["page"]
            ):
                GroupPagePermission.objects.create(group=group, page=root_page, permission=perm)
        GroupCollectionPermission.objects.filter(group=group, collection=root_collection).delete()
        if root_collection is not None:
            for perm in Permission.objects.filter(codename__in=spec["collection"]):
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=perm
                )
