"""Staff roles are Wagtail groups made by a migration, each with only what its work needs."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from portal.core.roles import ROLES
from tests.factories import UserFactory

EXPECTED = {
    "Editors",
    "Registry clerks",
    "Registry administrators",
    "GIS editors",
    "Data publishers",
    "CCTV operators",
    "Chat operators",
    "Trainers",
    "KPI viewers",
}


@pytest.mark.django_db
def test_every_role_exists_and_can_reach_the_admin():
    assert EXPECTED <= set(Group.objects.values_list("name", flat=True))
    assert set(ROLES) == EXPECTED
    for name in EXPECTED:
        codes = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert "access_admin" in codes, name


@pytest.mark.django_db
def test_only_editors_edit_pages():
    editors = set(
        GroupPagePermission.objects.filter(group__name="Editors").values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= editors
    others = GroupPagePermission.objects.filter(group__name__in=EXPECTED - {"Editors"})
    assert not others.exists()


@pytest.mark.django_db
def test_kpi_viewers_can_only_view():
    perms = set(
        Group.objects.get(name="KPI viewers").permissions.values_list("content_type__app_label", "codename")
    )
    assert ("kpi", "view_kpisnapshot") in perms
    assert not {p for p in perms if p[1].startswith(("add_", "change_", "delete_")) and p[0] == "kpi"}


@pytest.mark.django_db
def test_a_clerk_cannot_edit_pages(client, django_user_model, demo_city):
    clerk = UserFactory(username="clerk", groups=["Registry clerks"])
    client.force_login(clerk)
    from portal.services.models import ServicePage

    service = ServicePage.objects.first()
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{service.pk}/edit/").status_code in (302, 403)


@pytest.mark.django_db
def test_an_editor_edits_a_service_page(client, django_user_model, demo_city):
    editor = UserFactory(username="ed", groups=["Editors"])
    client.force_login(editor)
    from portal.services.models import ServicePage

    service = ServicePage.objects.first()
    assert client.get(f"/admin/pages/{service.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_editors_keep_the_roadmap_and_kpi_viewers_read_it():
    def perms(name: str) -> set[str]:
        group = Group.objects.get(name=name)
        return set(group.permissions.filter(content_type__app_label="kpi").values_list("codename", flat=True))

    assert {"add_activity", "change_activity", "change_fundingcommitment"} <= perms("Editors")
    assert {"view_activity", "view_initiative", "view_fundingcommitment"} <= perms("KPI viewers")


@pytest.mark.django_db
def test_resyncing_roles_keeps_grants_on_a_section(demo_city):
    """A later app's migration re-syncs the roles; rights on one section (not the root) stay."""
    from django.apps import apps

    from portal.core.roles import sync_roles
    from portal.services.models import ServiceIndexPage

    section = ServiceIndexPage.objects.first()
    trainers = Group.objects.get(name="Trainers")
    change_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.create(group=trainers, page=section, permission=change_page)
    sync_roles(apps)
    assert GroupPagePermission.objects.filter(group=trainers, page=section).exists()
    assert GroupPagePermission.objects.filter(group__name="Editors", page__depth=1).exists()


@pytest.mark.django_db
def test_only_registry_administrators_edit_registry_policies():
    def codes(name: str) -> set[str]:
        group = Group.objects.get(name=name)
        perms = group.permissions.filter(content_type__app_label="documents")
        return set(perms.values_list("codename", flat=True))

    policy = {"add_serviceregistrypolicy", "change_serviceregistrypolicy", "delete_serviceregistrypolicy"}
    assert {"view_document", "add_document", "change_document", "view_serviceregistrypolicy"} <= codes(
        "Registry clerks"
    )
    assert not policy & codes("Registry clerks")
    assert policy <= codes("Registry administrators")


@pytest.mark.django_db
def test_resyncing_removes_a_permission_taken_out_of_a_role():
    """A database made before a role lost a right (clerks editing policies) loses it on sync."""
    from django.apps import apps

    from portal.core.roles import sync_roles

    clerks = Group.objects.get(name="Registry clerks")
    stale = Permission.objects.get(
        content_type__app_label="documents", codename="change_serviceregistrypolicy"
    )
    clerks.permissions.add(stale)
    sync_roles(apps)
    assert not clerks.permissions.filter(pk=stale.pk).exists()
    assert clerks.permissions.filter(codename="view_serviceregistrypolicy").exists()
