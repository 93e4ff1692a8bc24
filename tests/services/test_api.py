"""The public API the chatbot and the map read: services and departments per language."""

import pytest

from tests.factories import build_city


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_departments_have_contacts_and_hours(client, demo_city, lang, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"  # PORTAL_BASE_URL, not the Site's host
    body = client.get(f"/api/v1/departments?lang={lang}", HTTP_ACCEPT_LANGUAGE="ro").json()

    assert len(body) >= 6
    first = body[0]
    assert first["email"] and first["phone"] and first["lat"] and first["lon"]
    assert [d["weekday"] for d in first["opening_hours"]] == list(range(7))
    assert any(day["intervals"] for day in first["opening_hours"])
    assert first["url"].startswith(f"https://portal.example/{lang}/")
    monday = {"ro": "Luni", "en": "Monday", "hu": "Hétfő"}[lang]
    assert first["opening_hours"][0]["name"] == monday  # the requested language's, whatever the request's
    detail = client.get(f"/api/v1/departments/{first['slug']}?lang={lang}").json()
    assert detail["opening_hours"][0]["name"] == monday
    service = client.get(f"/api/v1/services?lang={lang}").json()[0]
    assert service["url"].startswith(f"https://portal.example/{lang}/")


@pytest.mark.django_db
def test_services_list_and_detail_agree(client, demo_city):
    services = client.get("/api/v1/services?lang=en").json()
    assert len(services) >= 12
    one = services[0]
    detail = client.get(f"/api/v1/services/{one['slug']}?lang=en").json()

    assert detail == one
    assert detail["processing_days"] is None or detail["processing_days"] > 0
    assert isinstance(detail["required_documents"], list)


@pytest.mark.django_db
def test_service_search_in_romanian(client, demo_city):
    found = client.get("/api/v1/services?lang=ro&q=urbanism").json()
    assert found and any("urbanism" in s["title"].lower() for s in found)


@pytest.mark.django_db
def test_unknown_language_is_422_and_unknown_slug_404(client):
    build_city()
    invalid = client.get("/api/v1/services?lang=xx")
    assert invalid.status_code == 422 and invalid.json()["detail"][0]["loc"] == ["query", "lang"]
    assert client.get("/api/v1/services/no-such-service?lang=ro").status_code == 404


@pytest.mark.django_db
def test_search_takes_words_and_ignores_full_text_operators(client):
    """Quotes and FTS5 operators are not syntax errors (SQLite answered 500 to `q="`); NUL is the
    API's 422 (tests/api)."""
    build_city()
    plain = client.get("/api/v1/services", {"lang": "ro", "q": "urbanism"}).json()
    quoted = client.get("/api/v1/services", {"lang": "ro", "q": '"urbanism"'}).json()
    assert plain and [s["slug"] for s in quoted] == [s["slug"] for s in plain]
    for q in ['"', "*", "(", "%", "a OR", "NEAR("]:
        response = client.get("/api/v1/services", {"lang": "ro", "q": q})
        assert response.status_code == 200, (q, response.content)


def test_openapi_document_is_published(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/services" in doc["paths"] and "/api/v1/departments" in doc["paths"]
