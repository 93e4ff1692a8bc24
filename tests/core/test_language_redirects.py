"""Unknown machine URLs answer 404; unprefixed public URLs still go to the visitor's language."""

import pytest

from portal.core.middleware import is_language_neutral


@pytest.mark.parametrize(
    "path",
    ["/api/v1/no-such-endpoint", "/ogcapi/collections/no-such-layer", "/api/3/action/", "/healthzz"],
)
@pytest.mark.django_db
def test_unknown_machine_urls_are_404_not_a_redirect(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_public_pages_without_a_language_are_redirected(client):
    response = client.get("/t/some-token", HTTP_ACCEPT_LANGUAGE="hu")
    assert response.status_code == 302 and response["Location"] == "/hu/t/some-token"
    assert client.get("/search/?q=x")["Location"] == "/ro/search/?q=x"


def test_language_neutral_prefixes_come_from_the_url_map():
    assert is_language_neutral("/api/v1/services") and is_language_neutral("/ogcapi/conformance")
    assert is_language_neutral("/admin/pages/")
    assert not is_language_neutral("/ro/map/") and not is_language_neutral("/t/abc")
