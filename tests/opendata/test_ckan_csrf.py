"""The Action API's writes: an API token, or a session that passes Django's CSRF check."""

from __future__ import annotations

import json

import ckanapi
import pytest
import requests
from django.conf import settings
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from opendata.models import Dataset
from opendata.services.community import create_token

PATCH = "/api/3/action/package_patch"


def _patch(client: Client, title: str, **headers: str):
    body = json.dumps({"id": "aer-urban", "title": title})
    return client.post(PATCH, body, content_type="application/json", headers=headers)


def test_a_forged_session_post_is_refused(small_catalogue, publisher) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    for headers in ({}, {"Origin": "https://evil.example"}):
        response = _patch(client, "Forged", **headers)
        assert response.status_code == 403
        assert response.json()["error"]["__type"] == "Authorization Error"
        assert "CSRF" in response.json()["error"]["message"]
    assert Dataset.objects.get(name="aer-urban").title == "Aer urban"


def test_a_wrong_csrf_token_is_refused_and_a_valid_one_accepted(small_catalogue, publisher) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    secret = _get_new_csrf_string()
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    assert _patch(client, "Forged", **{"X-CSRFToken": _get_new_csrf_string()}).status_code == 403
    assert Dataset.objects.get(name="aer-urban").title == "Aer urban"
    response = _patch(client, "From the page", **{"X-CSRFToken": secret})
    assert response.status_code == 200 and response.json()["result"]["title"] == "From the page"


def test_reads_stay_open_and_a_forged_read_runs_anonymously(small_catalogue, publisher) -> None:
    Dataset.objects.filter(name="linii-autobuz").update(private=True)
    anonymous = Client(enforce_csrf_checks=True)
    found = anonymous.post("/api/3/action/package_search", "{}", content_type="application/json")
    assert found.status_code == 200 and found.json()["result"]["count"] == 2
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    # A GET with the session sees what the publisher may see (a GET needs no CSRF token) ...
    assert client.get("/api/3/action/package_show", {"id": "linii-autobuz"}).status_code == 200
    # ... a POST without a CSRF token does not carry the session.
    forged = client.post(
        "/api/3/action/package_show", json.dumps({"id": "linii-autobuz"}), content_type="application/json"
    )
    assert forged.status_code == 403


@pytest.mark.django_db(transaction=True)
def test_over_http_a_token_writes_and_a_bare_session_cookie_does_not(
    live_server, small_catalogue, publisher
) -> None:
    _, plain = create_token(user=publisher, name="tests")
    ckan = ckanapi.RemoteCKAN(live_server.url, apikey=plain)
    assert ckan.action.package_patch(id="aer-urban", title="Aer, Arad")["title"] == "Aer, Arad"

    client = Client()
    client.force_login(publisher)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    forged = requests.post(
        live_server.url + PATCH,
        json={"id": "aer-urban", "title": "Forged"},
        cookies={settings.SESSION_COOKIE_NAME: cookie},
        headers={"Origin": "https://evil.example"},
        timeout=30,
    )
    assert forged.status_code == 403 and forged.json()["error"]["__type"] == "Authorization Error"
    with pytest.raises(ckanapi.NotAuthorized):
        ckanapi.RemoteCKAN(live_server.url).action.package_patch(id="aer-urban", title="Anonymous")
    assert Dataset.objects.get(name="aer-urban").title == "Aer, Arad"
