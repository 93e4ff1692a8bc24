"""What a camera films, entered in several languages: the reader's language, else the original
marked with its language."""

from __future__ import annotations

import pytest

from tests.factories import CameraFactory


@pytest.fixture
def camera(districts):
    return CameraFactory(
        district=districts["centru"],
        code="AR-CAM-0101",
        what_is_filmed="Intersecția și trotuarele",
        what_is_filmed_en="The junction and the pavements",
    )


def _properties(client, code: str, **params) -> dict:
    body = client.get("/api/v1/cctv/cameras", params).json()
    return next(f["properties"] for f in body["features"] if f["id"] == code)


def test_cameras_api_gives_the_asked_language_and_names_the_fallback(client, camera):
    en = _properties(client, camera.code, lang="en")
    assert (en["what_is_filmed"], en["what_is_filmed_lang"]) == (camera.what_is_filmed_en, "en")
    hu = _properties(client, camera.code, lang="hu")
    assert (hu["what_is_filmed"], hu["what_is_filmed_lang"]) == (camera.what_is_filmed, "ro")
    assert hu["purpose_label"] != _properties(client, camera.code, lang="ro")["purpose_label"]


def test_register_marks_untranslated_text_with_its_language(client, camera):
    hu = client.get("/hu/cameras/").content.decode()
    assert f'<span lang="ro">{camera.what_is_filmed}</span>' in hu
    en = client.get("/en/cameras/").content.decode()
    assert camera.what_is_filmed_en in en
    assert camera.what_is_filmed not in en


def test_camera_map_asks_the_api_in_the_page_language(client, camera):
    html = client.get("/hu/cameras/map/").content.decode()
    src = html.split('data-src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    body = client.get(src, headers={"accept-language": "ro"}).json()
    found = next(f["properties"] for f in body["features"] if f["id"] == camera.code)
    assert found["what_is_filmed_lang"] == "ro"  # no Hungarian text: the original, marked
    assert found["purpose_label"] == _properties(client, camera.code, lang="hu")["purpose_label"]
    assert found["purpose_label"] != _properties(client, camera.code, lang="ro")["purpose_label"]
