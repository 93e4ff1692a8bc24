"""The role × admin-URL permission matrix: each staff role (portal/core/roles.py) opens exactly
the admin screens its work needs; every other screen sends it away (302 to the dashboard with a
message, or 403). A new role or a new admin screen must be added here, on purpose."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from chatbot import services as chat
from portal.core.roles import ROLES
from portal.documents import services
from portal.documents.models import ServiceRegistryPolicy
from tests.factories import ConversationFactory, build_city

EDITORS = "Editors"
CLERKS = "Registry clerks"
REGISTRY_ADMINS = "Registry administrators"
GIS = "GIS editors"
DATA = "Data publishers"
CCTV = "CCTV operators"
CHAT = "Chat operators"
TRAINERS = "Trainers"
KPI = "KPI viewers"
REGISTRY = {CLERKS, REGISTRY_ADMINS}

# admin URL -> the roles that open it (200); "{policy}", "{document}", "{page}" are filled in.
MATRIX: dict[str, set[str]] = {
    "/admin/": set(ROLES),
    "/admin/pages/{page}/edit/": {EDITORS},
    "/admin/images/": {EDITORS, GIS, TRAINERS},
    "/admin/documents/": {EDITORS, DATA, TRAINERS},
    "/admin/registry/": REGISTRY,
    "/admin/registry/new/": REGISTRY,
    "/admin/registry/{document}/": REGISTRY,
    "/admin/registry/{document}/receipt.pdf": REGISTRY,
    "/admin/registry_policies/": REGISTRY,
    "/admin/registry_policies/new/": {REGISTRY_ADMINS},
    "/admin/registry_policies/edit/{policy}/": {REGISTRY_ADMINS},
    "/admin/snippets/gismap/layer/": {GIS},
    "/admin/snippets/gismap/layer/add/": {GIS},
    "/admin/gis/import/": {GIS},
    "/admin/dataset/": {DATA},
    "/admin/dataset/new/": {DATA},
    "/admin/datasetrequest/": {DATA},
    "/admin/apitoken/": {DATA},
    "/admin/snippets/cctv/camera/": {CCTV},
    "/admin/snippets/cctv/camera/add/": {CCTV},
    "/admin/cctv/import/": {CCTV},
    "/admin/cctv/health/": {CCTV},
    "/admin/training/": {TRAINERS},
    "/admin/snippets/training/classroomsession/add/": {TRAINERS},
    "/admin/snippets/training/certificate/": {TRAINERS},
    "/admin/kpi/": {KPI},
    "/admin/snippets/kpi/initiative/": {EDITORS, KPI},
    "/admin/snippets/kpi/initiative/add/": {EDITORS},
    "/admin/chat_conversations/": set(),
    "/admin/chat-inbox/": {CHAT},
    "/admin/chat-inbox/{handoff}/": {CHAT},
    "/admin/users/": set(),
    "/admin/groups/": set(),
    "/admin/sites/": set(),
    "/admin/locales/": set(),
}


@pytest.fixture
def objects(db) -> dict[str, int]:
    city = build_city()
    policy = ServiceRegistryPolicy.objects.create(service=city.service, allowed_types="pdf")
    document = services.register_document(channel="counter", subject="Cerere", sender_name="Ion Ilie")
    handoff = chat.request_handoff(conversation=ConversationFactory(language="ro"))
    return {"policy": policy.pk, "document": document.pk, "page": city.service.pk, "handoff": handoff.pk}


@pytest.mark.django_db
def test_every_role_opens_exactly_its_admin_screens(objects, django_user_model):
    assert set(ROLES) == {EDITORS, CLERKS, REGISTRY_ADMINS, GIS, DATA, CCTV, CHAT, TRAINERS, KPI}
    wrong = []
    for role in ROLES:
        user = django_user_model.objects.create_user(role.lower().replace(" ", "-"), password="x")
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        for template, allowed in MATRIX.items():
            url = template.format(**objects)
            status = client.get(url).status_code
            expected = "200" if role in allowed else "302/403"
            if (status == 200) != (role in allowed) or status not in (200, 302, 403):
                wrong.append(f"{role} {url}: {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_no_admin_screen_opens_without_signing_in(objects):
    client = Client()
    for template in MATRIX:
        response = client.get(template.format(**objects))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], template
