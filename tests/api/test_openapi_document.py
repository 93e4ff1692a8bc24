"""The OpenAPI document of /api/v1/ declares what the server answers besides success: the
validation and parse errors django-ninja answers itself, non-JSON media types and the signed
CCTV endpoints' headers (schemathesis checks the rest against a live server)."""

from __future__ import annotations

import pytest


@pytest.fixture
def document(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def operations(document: dict) -> list[tuple[str, dict]]:
    paths = document["paths"].items()
    return [(f"{method.upper()} {path}", op) for path, ops in paths for method, op in ops.items()]


def test_every_operation_with_input_documents_the_validation_error(document):
    def schema(op: dict, status: str) -> dict:
        return op["responses"][status]["content"]["application/json"]["schema"]

    for label, op in operations(document):
        if op.get("parameters") or "requestBody" in op:
            assert schema(op, "422") == {"$ref": "#/components/schemas/ValidationErrorOut"}, label
        if "requestBody" in op:
            assert schema(op, "400") == {"$ref": "#/components/schemas/Error"}, label
    issue = document["components"]["schemas"]["ValidationIssue"]
    assert {"type", "loc", "msg"} <= set(issue["required"])


def test_layer_features_are_documented_as_geojson(document):
    ok = document["paths"]["/api/v1/gis/layers/{key}/features"]["get"]["responses"]["200"]
    assert list(ok["content"]) == ["application/geo+json"]
    assert ok["content"]["application/geo+json"]["schema"]["$ref"].endswith("/FeatureCollection")


def test_signed_cctv_endpoints_declare_both_headers(document):
    schemes = document["components"]["securitySchemes"]
    assert {(s["type"], s["in"], s["name"]) for s in schemes.values()} == {
        ("apiKey", "header", "X-CCTV-Timestamp"),
        ("apiKey", "header", "X-CCTV-Signature"),
    }
    for path in ("/api/v1/cctv/heartbeat", "/api/v1/cctv/faults"):
        op = document["paths"][path]["post"]
        assert op["security"] == [dict.fromkeys(schemes, [])], path  # both, in one requirement
        assert "401" in op["responses"]
    assert "security" not in document["paths"]["/api/v1/cctv/cameras"]["get"]
