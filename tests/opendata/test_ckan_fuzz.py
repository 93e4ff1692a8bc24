"""Property: no value of any documented parameter of any action gives a 5xx (GET and POST).

The actions and their parameters come from the registry and the `:param:` lines help_show
serves, so a new action or parameter is fuzzed without editing this file.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import re
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opendata.ckan.views import ACTIONS
from opendata.models import Dataset
from opendata.services import catalogue
from opendata.services.community import create_token
from tests.factories import ResourceFactory

PARAM_RE = re.compile(r"^:param ([\w.]+):", re.MULTILINE)
DOCUMENTED = {name: sorted(set(PARAM_RE.findall(inspect.getdoc(fn) or ""))) for name, fn in ACTIONS.items()}
# Actions whose docstring defers to another's parameters ("other parameters as package_create").
DOCUMENTED["package_update"] += DOCUMENTED["package_create"]
DOCUMENTED["package_patch"] += DOCUMENTED["package_create"]
DOCUMENTED["resource_update"] += DOCUMENTED["resource_create"]
DOCUMENTED["resource_patch"] += DOCUMENTED["resource_create"]
DOCUMENTED["organization_update"] += DOCUMENTED["organization_patch"]

ODD_TEXT = [
    "",
    " ",
    "*:*",
    "(",
    ")",
    "[",
    "-1",
    "0",
    "1e309",
    "10" * 12,
    "' OR 1=1 --",
    "name:[a TO",
    "metadata_modified:[2020-13-45 TO *]",
    "num_resources:[1 TO *]",
    "tags:(a OR b)",
    "aer*",
    "NOT NOT",
    '{"_id": "abc"}',
    "[1]",
    "ă" * 300,
    "a " * 200,
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**18, max_value=10**30)
    | st.integers(min_value=-(10**30), max_value=-1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(ODD_TEXT)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


# Dataset keys, so that package_revise's match/filter/update and datastore filters meet real fields.
KEYS = ["name", "title", "notes", "tags", "resources", "groups", "extras", "private", "id", "line", "stops"]
KEYED = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=3)


def _values(known: list[str]) -> st.SearchStrategy[Any]:
    """Random values, and now and then a real id or name so actions get past their lookups."""
    return (
        VALUES
        | KEYED
        | st.lists(st.sampled_from(["+*", "-*", "-resources__0", "+title"]), max_size=3)
        | st.sampled_from(known)
    )


def _query_value(value: Any) -> str | list[str]:
    if isinstance(value, list):
        return [json.dumps(v) if isinstance(v, dict | list) else str(v) for v in value]
    return json.dumps(value) if isinstance(value, dict) else str(value)


@pytest.fixture
def resource_id(small_catalogue) -> str:
    resource = ResourceFactory(dataset=Dataset.objects.get(name="linii-autobuz"), name="linii")
    catalogue.attach_file(resource=resource, filename="linii.csv", content=b"line,stops\n1,20\n2,31\n")
    return str(resource.pk)


def _base(name: str, resource_id: str) -> dict[str, str]:
    """Parameters that find a real object, so the random ones reach past the lookup."""
    if name == "datastore_search":
        return {"resource_id": resource_id}
    if name == "resource_create":
        return {"package_id": "aer-urban"}
    if name.startswith("resource_") and name not in ("resource_search", "resource_create"):
        return {"id": resource_id}
    if name in ("datastore_info", "datastore_delete"):
        return {"id": resource_id, "resource_id": resource_id}
    if name == "package_revise":
        return {"match": {"name": "aer-urban"}}
    if name.startswith("package_") and name not in ("package_search", "package_list", "package_create"):
        return {"id": "aer-urban"}
    if name.startswith("organization_") and name != "organization_list":
        return {"id": "mediu"}
    if name == "group_show":
        return {"id": "tran"}
    if name == "tag_show":
        return {"id": "aer"}
    if name == "help_show":
        return {"name": "package_search"}
    return {}


@pytest.fixture
def token(publisher) -> str:
    return create_token(user=publisher, name="fuzz")[1]


def _check(response) -> None:
    assert response.status_code < 500, response.content[:500]
    body = response.json()
    assert body["success"] is (response.status_code == 200)
    if not body["success"]:
        assert body["error"]["__type"] in (
            "Validation Error",
            "Search Query Error",
            "Not Found Error",
            "Authorization Error",
            "Bad Request",
        )


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_no_parameter_value_gives_a_server_error(name: str, resource_id: str, token: str) -> None:
    params = DOCUMENTED[name] or ["id"]
    known = [resource_id, "aer-urban", "mediu", "tran", "aer", "line", "stops"]
    client = Client(headers={"Authorization": token})
    base = _base(name, resource_id)

    @settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "15")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        # Mostly one or two odd parameters next to real ids; sometimes every parameter at once.
        st.dictionaries(st.sampled_from(params), _values(known), min_size=1, max_size=2)
        | st.dictionaries(st.sampled_from(params), _values(known), max_size=len(params))
    )
    def run(odd: dict[str, Any]) -> None:
        data = base | odd
        body = json.dumps(data)  # NaN and Infinity go out as Python writes them: refused with a 409
        _check(client.post(f"/api/3/action/{name}", body, content_type="application/json"))
        if not any(isinstance(v, float) and not math.isfinite(v) for v in data.values()):
            query = {key: _query_value(value) for key, value in data.items()}
            response = client.get(f"/api/3/action/{name}", query)
            if any("\x00" in key + "".join(v if isinstance(v, list) else [v]) for key, v in query.items()):
                assert response.status_code == 400  # the site refuses NUL in any query string
            else:
                _check(response)

    run()


def test_every_action_documents_its_parameters() -> None:
    undocumented = {"status_show", "site_read", "license_list"}
    assert {name for name, params in DOCUMENTED.items() if not params} == undocumented
