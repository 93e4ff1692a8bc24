"""A NUL character in a query string is a 400 before any view (PostgreSQL would make it a 500);
the public API answers it with its documented 422 body instead."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,refused", [("/en/search/", 400), ("/api/3/action/package_list", 400), ("/api/v1/services", 422)]
)
def test_nul_in_the_query_string_is_refused(client, path, refused):
    assert client.get(path, {"q": "a\x00b"}).status_code == refused
    assert client.get(path, {"a\x00": "b"}).status_code == refused
    assert client.get(path, {"q": "a"}).status_code < 400
