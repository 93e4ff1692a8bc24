"""A NUL character in a query string is a 400 before any view (PostgreSQL would make it a 500)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/services", "/en/search/", "/api/3/action/package_list"])
def test_nul_in_the_query_string_is_a_400(client, path):
    assert client.get(path, {"q": "a\x00b"}).status_code == 400
    assert client.get(path, {"a\x00": "b"}).status_code == 400
    assert client.get(path, {"q": "a"}).status_code != 400
