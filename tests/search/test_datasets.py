"""Dataset search in every language, word form and spelling; translations in pages and the CKAN API."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from opendata.models import Dataset, Tag
from opendata.selectors import search as dataset_search
from opendata.services import catalogue
from portal import search
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def animals() -> dict[str, Dataset]:
    catalogue.save_organization(name="animale", title="Adăpostul de animale")
    data = {
        "dogs": {
            "name": "caini-fara-stapan",
            "title": "Câinii fără stăpân",
            "notes": "Câinii comunitari preluați de adăpost.",
            "title_translated": {"en": "Stray dogs", "hu": "Kóbor kutyák"},
            "notes_translated": {"en": "Community dogs taken in by the shelter."},
        },
        "chips": {
            "name": "animale-identificate",
            "title": "Animale de companie microcipați",
            "notes": "Registrul animalelor identificate.",
        },
        "report": {
            "name": "raport-adapost",
            "title": "Raportul anual al adăpostului",
            "notes": "Capitolul trei descrie câinii și pisicile adoptate.",
        },
    }
    return {
        key: catalogue.create_package(data={**fields, "owner_org": "animale"}) for key, fields in data.items()
    }


def _names(q: str) -> list[str]:
    return [d.name for d in dataset_search.search(q=q, rows=50).datasets]


def test_word_forms_and_missing_diacritics(animals):
    assert animals["dogs"].name in _names("câine")
    assert _names("microcip") == [animals["chips"].name]
    assert animals["dogs"].name in _names("caine")
    assert _names("microcipati") == [animals["chips"].name]


def test_english_and_hungarian_queries_find_a_romanian_dataset(animals, client):
    assert _names("stray dogs") == [animals["dogs"].name]
    assert _names("kóbor kutya") == [animals["dogs"].name]
    found = client.get("/api/3/action/package_search", {"q": "stray dog"}).json()["result"]
    assert [d["name"] for d in found["results"]] == [animals["dogs"].name]


def test_better_match_first(animals, client):
    found = client.get("/api/3/action/package_search", {"q": "câini"}).json()["result"]
    names = [d["name"] for d in found["results"]]
    assert names == [animals["dogs"].name, animals["report"].name]


def test_translations_in_the_ckan_api_and_back(animals, client):
    shown = client.get("/api/3/action/package_show", {"id": animals["dogs"].name}).json()["result"]
    assert shown["title_translated"] == {"ro": "Câinii fără stăpân", "en": "Stray dogs", "hu": "Kóbor kutyák"}
    assert shown["notes_translated"]["en"] == "Community dogs taken in by the shelter."
    assert shown["notes_translated"]["hu"] == ""
    catalogue.update_package(
        dataset=animals["dogs"], data={"title_translated": {"hu": "Gazdátlan kutyák"}}, partial=True
    )
    assert Dataset.objects.get(pk=animals["dogs"].pk).title_hu == "Gazdátlan kutyák"
    assert _names("gazdatlan") == [animals["dogs"].name]
    assert _names("kobor") == []


def test_bad_translations_are_refused(animals, client):
    with pytest.raises(Exception, match="title_translated"):
        catalogue.update_package(dataset=animals["dogs"], data={"title_translated": ["x"]}, partial=True)
    with pytest.raises(Exception, match="notes_translated"):
        catalogue.update_package(
            dataset=animals["dogs"], data={"notes_translated": {"xx": "y"}}, partial=True
        )


def test_pages_show_the_readers_language_with_fallback(animals, client):
    english = client.get(f"/en/opendata/dataset/{animals['dogs'].name}/").content.decode()
    assert "<h1>Stray dogs</h1>" in english
    fallback = client.get(f"/en/opendata/dataset/{animals['chips'].name}/").content.decode()
    assert '<h1 lang="ro">Animale de companie microcipați</h1>' in fallback
    listing = client.get("/hu/opendata/", {"q": "kutya"}).content.decode()
    assert "Kóbor kutyák" in listing and "Câinii fără stăpân" not in listing


def test_index_follows_the_data(animals):
    dogs = animals["dogs"]
    dogs.title_en = "Lost dogs"
    dogs.save()
    assert _names("lost") == [dogs.name]
    dogs.tags.add(Tag.objects.create(name="vaccinare"))
    assert _names("vaccinare") == [dogs.name]
    search.remove("opendata.dataset", dogs.pk)
    assert _names("lost") == []
    call_command("rebuild_search_index", "opendata.dataset", stdout=open("/dev/null", "w"))
    assert _names("lost") == [dogs.name]
    dogs.delete()
    assert _names("lost") == []


def test_publishers_edit_translations_in_the_admin(animals, client):

    user = UserFactory(username="editor", email="editor@example.com", groups=["Data publishers"])
    client.force_login(user)
    form = client.get(f"/admin/dataset/edit/{animals['chips'].pk}/").content.decode()
    for field in ("title_en", "title_hu", "notes_en", "notes_hu"):
        assert f'name="{field}"' in form
