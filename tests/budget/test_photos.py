"""A proposal's photos stay private until the moderators publish the proposal: they are kept in
the private storage under a random name and served by the portal, to moderators before
publishing and to everyone after; the public media folder never holds them."""

from __future__ import annotations

import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from participation.budget.models import Proposal, ProposalPhoto
from portal.core.storage import private_storage
from tests.factories import UserFactory

from .factories import city_point

SENT_NAME = "gradina-lui-ion-popescu.png"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def storages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def _submit(client, resident, district, content: bytes) -> Proposal:
    session = client.session
    session["budget_participant"] = resident.pk
    session.save()
    lat, lon = city_point()
    data = {
        "title": "Loc de joacă",
        "description": "Lângă școală.",
        "district": district.pk,
        "cost_estimate": 80_000,
        "latitude": lat,
        "longitude": lon,
        "photo": SimpleUploadedFile(SENT_NAME, content, content_type="image/png"),
        "photo_description": "Terenul gol",
    }
    response = client.post("/ro/budget/proposals/new/", data)
    assert response.status_code == 200, response.content.decode()[:2000]
    client.logout()
    return Proposal.objects.get()


def _moderator(client) -> None:
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name="Participation moderators"))
    client.force_login(user)


def test_a_photo_is_private_until_the_proposal_is_published(client, storages, district, resident):
    content = _png()
    proposal = _submit(client, resident, district, content)
    photo = proposal.photos.get()
    name = photo.image.name
    assert Path(name).suffix == ".png" and "gradina" not in name and "popescu" not in name
    assert len(Path(name).stem) >= 32  # unguessable
    assert private_storage().exists(name) and not default_storage.exists(name)
    assert not [p for p in (storages / "public").rglob("*") if p.is_file()]  # nothing public at all
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/budget/proposals/{proposal.pk}/{SENT_NAME}").status_code == 404

    url = reverse("budget:photo", args=[photo.pk])
    hidden = client.get(url)
    assert hidden.status_code == 404 and "no-store" in hidden["Cache-Control"]
    assert client.get(reverse("budget:photo", args=[photo.pk + 1000])).status_code == 404

    _moderator(client)
    seen = client.get(url)
    assert seen.status_code == 200 and b"".join(seen.streaming_content) == content
    assert seen["Content-Type"] == "image/png" and "no-store" in seen["Cache-Control"]
    edit = client.get(f"/admin/snippets/budget/proposal/edit/{proposal.pk}/").content.decode()
    assert f'src="{url}"' in edit  # the moderation queue shows it before publishing

    client.logout()
    proposal.moderation = "published"
    proposal.save()
    public = client.get(url)
    assert public.status_code == 200 and b"".join(public.streaming_content) == content
    assert public["Content-Type"] == "image/png" and public["X-Content-Type-Options"] == "nosniff"
    assert "public" in public["Cache-Control"] and "max-age" in public["Cache-Control"]
    assert SENT_NAME not in public.get("Content-Disposition", "")
    page = client.get(reverse("budget:proposal", args=[proposal.pk])).content.decode()
    assert f'src="{url}"' in page and "/media/" not in page

    proposal.moderation = "hidden"
    proposal.save()
    assert client.get(url).status_code == 404


def test_a_file_name_keeps_only_a_known_image_extension(db):
    field = ProposalPhoto._meta.get_field("image")
    names = {field.generate_filename(ProposalPhoto(), sent) for sent in ("a.JPG", "b.webp", "c.php", "d")}
    assert len(names) == 4
    assert sorted(Path(n).suffix for n in names) == ["", "", ".jpg", ".webp"]
    assert all(n.startswith("budget/proposals/") for n in names)


def test_photos_stored_publicly_before_are_moved_to_the_private_storage(storages, cycle, district, resident):
    from .factories import make_proposal

    proposal = make_proposal(cycle, district, resident)
    content = _png()
    old = default_storage.save(f"budget/proposals/{proposal.pk}/{SENT_NAME}", ContentFile(content))
    photo = ProposalPhoto.objects.create(proposal=proposal, image=old, description="Vechi")
    migration = importlib.import_module("participation.budget.migrations.0003_private_photos")
    migration.move_to_private(apps, None)
    migration.move_to_private(apps, None)  # again: nothing more to do
    photo.refresh_from_db()
    assert not default_storage.exists(old) and SENT_NAME not in photo.image.name
    with private_storage().open(photo.image.name, "rb") as stored:
        assert stored.read() == content
