"""The keys CKAN 2.12 returns, with honest values where the portal has no such thing."""

from __future__ import annotations

import json
import uuid

from django.test import Client

from opendata.services.community import create_token


def _action(action: str, client: Client | None = None, **params) -> dict:
    response = (client or Client()).post(
        f"/api/3/action/{action}", json.dumps(params), content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["result"]


def test_dataset_tag_resource_and_organization_keys(small_catalogue, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    writer = Client(headers={"Authorization": plain})
    _action("package_create", writer, name="parcuri", owner_org="mediu", tags=[{"name": "verde"}])

    mine = _action("package_show", id="parcuri")
    assert mine["creator_user_id"] == str(publisher.pk)
    assert _action("package_show", id="aer-urban")["creator_user_id"] is None  # made by the system
    tag = mine["tags"][0]
    assert tag["vocabulary_id"] is None and uuid.UUID(tag["id"])
    assert _action("tag_show", id=tag["id"])["name"] == "verde"
    assert (
        _action("tag_list", all_fields=True)[0]["id"]
        == _action("package_show", id="aer-urban")["tags"][0]["id"]
    )

    resource = _action("package_show", id="aer-urban")["resources"][0]
    assert {"cache_last_updated", "cache_url", "mimetype_inner", "resource_type"} <= set(resource)

    org = _action("organization_show", id="mediu")
    assert org["extras"] == [] and org["groups"] == [] and org["users"] == []
    assert org["num_followers"] == 0 and "image_display_url" in org
    status = _action("status_show")
    assert status["software"] == "arad-digital" and status["api_version"] == 3
