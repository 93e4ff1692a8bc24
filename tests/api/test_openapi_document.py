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


def test_every_operation_documents_the_validation_error(document):
    def schema(op: dict, status: str) -> dict:
        return op["responses"][status]["content"]["application/json"]["schema"]

    for label, op in operations(document):
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
    schemes = {k: v for k, v in document["components"]["securitySchemes"].items() if k.startswith("cctv")}
    assert {(s["type"], s["in"], s["name"]) for s in schemes.values()} == {
        ("apiKey", "header", "X-CCTV-Timestamp"),
        ("apiKey", "header", "X-CCTV-Signature"),
    }
    for path in ("/api/v1/cctv/heartbeat", "/api/v1/cctv/faults"):
        op = document["paths"][path]["post"]
        assert op["security"] == [dict.fromkeys(schemes, [])], path  # both, in one requirement
        assert "401" in op["responses"]
    assert "security" not in document["paths"]["/api/v1/cctv/cameras"]["get"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "body", "loc"),
    [
        ("get", "/api/v1/services/a%00b", None, ["path", "slug"]),
        ("get", "/api/v1/documents/status?number=AR%00&pin=1", None, ["query", "number"]),
        ("get", "/api/v1/gis/places?q=%00", None, ["query", "q"]),
        ("post", "/api/v1/documents/requests", {"subject": "a\x00b"}, ["body", "subject"]),
        ("post", "/api/v1/chatbot/message", {"message": "hi", "x": [{"y": "\x00"}]}, ["body", "x", 0, "y"]),
    ],
)
def test_text_with_nul_is_refused_before_any_view(client, method, url, body, loc):
    """PostgreSQL cannot hold or compare text with NUL: it was a 500 on every lookup."""
    if method == "post":
        response = client.post(url, body, content_type="application/json")
    else:
        response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"type": "string_nul", "loc": loc, "msg": "Text must not contain NUL characters"}
    ]
